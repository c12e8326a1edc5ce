"""The campaign as screens and commands hold it: what they read, and every action they take.

Each action of the method is one method, written once (in contacts.py, meetings.py,
messages.py, follow_through.py, advice.py and transfer.py beside this module) and called alike
by a key, a dialog and the command line. Larger flows (imports.py, invitations.py, merging.py)
are functions of a Campaign.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.clock import Clock
from .advice import AdviceActions
from .messages import MessageActions
from .transfer import TransferActions


class Campaign(MessageActions, AdviceActions, TransferActions):
    pass


def open_campaign(
    path: Path | str,
    *,
    clock: Clock | None = None,
    create: bool = True,
    autoflush: bool = True,
    passphrase: str | None = None,
) -> Campaign:
    """Open (or create) the data file as a Campaign. Raises store.StoreError, one line for the
    user, when the file cannot be used; PassphraseNeeded when it is encrypted and no
    passphrase was given, nor found in the environment or the system keyring."""
    from ..store.repository import Repository

    store = Repository(path, clock=clock, create=create, autoflush=autoflush, passphrase=passphrase)
    return Campaign(store, clock)
