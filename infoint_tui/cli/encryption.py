"""`infoint encrypt` and `infoint decrypt`, and the passphrase asked for when a file is encrypted."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import DataError, db_path

if TYPE_CHECKING:
    from ..actions.campaign import Campaign

WHERE_FROM = (
    "The passphrase comes from the INFOINT_PASSPHRASE environment variable, else the system "
    "keyring (service 'infoint', user name the data file's path), else it is asked for."
)


def register_encrypt(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    encrypt = commands.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt the data file, its journal, backups and recovery copies",
        description="Encrypt the campaign at rest: the data file, its journal, every backup and "
        "every recovery copy beside it are rewritten so that nothing readable about anyone "
        "stays on disk (names, notes, everything but table names and record numbers). From "
        "then on infoint asks for the passphrase when it opens the file. "
        + WHERE_FROM
        + " It is asked twice when it is set. On a file encrypted already, the passphrase is "
        "checked and any copy left unencrypted (a run cut short) is encrypted. There is no way "
        "back without the passphrase.",
    )
    encrypt.add_argument(
        "--keyring",
        action="store_true",
        help="also keep the passphrase in the system keyring, so it is not asked for again",
    )
    encrypt.set_defaults(run=cmd_encrypt)


def register_decrypt(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    decrypt = commands.add_parser(
        "decrypt",
        parents=[common],
        help="turn encryption off: write the data file and its copies in the clear",
        description="Turn encryption at rest off: the data file, every backup and every "
        "recovery copy beside it are rewritten in the clear, and the passphrase is removed "
        "from the system keyring. " + WHERE_FROM,
    )
    decrypt.set_defaults(run=cmd_decrypt)


def cmd_encrypt(args: argparse.Namespace) -> int:
    from ..domain.clock import SystemClock
    from ..store.crypto import keep_in_keyring, keyring_user, passphrase_from_environment
    from ..store.encryption import encrypt, is_encrypted
    from .launch import SessionLock

    path = db_path(args)
    lock = SessionLock(Path(os.path.realpath(path)))  # refused while the app has it open
    try:
        passphrase = passphrase_from_environment(path) or ask_passphrase(
            path, twice=not is_encrypted(path)
        )
        done = encrypt(path, passphrase, now=SystemClock().now)
        if args.keyring:
            problem = keep_in_keyring(path, passphrase)
            done.append(
                f"the passphrase was not kept: {problem}"
                if problem
                else f"the passphrase is in the system keyring (service infoint, user "
                f"{keyring_user(path)})"
            )
    finally:
        lock.release()
    _say(done)
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from ..domain.clock import SystemClock
    from ..store.crypto import forget_in_keyring, passphrase_from_environment
    from ..store.encryption import decrypt
    from .launch import SessionLock

    path = db_path(args)
    lock = SessionLock(Path(os.path.realpath(path)))
    try:
        passphrase = passphrase_from_environment(path) or ask_passphrase(path)
        done = decrypt(path, passphrase, now=SystemClock().now)
        if forget_in_keyring(path):
            done.append("the passphrase was removed from the system keyring")
    finally:
        lock.release()
    _say(done)
    return 0


def _say(lines: list[str]) -> None:
    from ..domain.text import clean_text

    for line in lines:
        print(clean_text(line))


# -- the passphrase of an encrypted file --------------------------------------------------------
def open_asking(path: Path, passphrase: str | None = None, **options: Any) -> Campaign:
    """Open the campaign; an encrypted one whose passphrase is neither given, in the
    environment nor in the keyring asks for it on the terminal first. Raises StoreError,
    DataError."""
    from ..actions.campaign import open_campaign
    from ..actions.errors import PassphraseNeeded

    try:
        return open_campaign(path, passphrase=passphrase, **options)
    except PassphraseNeeded:
        pass  # nothing was read past the meta record, nor written
    return open_campaign(path, passphrase=ask_passphrase(path), **options)


def passphrase_ahead(path: Path) -> str | None:
    """For an encrypted file: its passphrase (from the environment or the keyring, else asked
    for), its key derived in the background from now on; None for a file in the clear."""
    from ..store.crypto import derive_ahead, passphrase_from_environment, sealed_with

    sealed = sealed_with(path)
    if sealed is None:
        return None
    passphrase = passphrase_from_environment(path) or ask_passphrase(path)
    derive_ahead(sealed, passphrase)
    return passphrase


def ask_passphrase(path: Path, *, twice: bool = False) -> str:
    """The passphrase typed on the terminal (not shown); `twice`: typed again to be sure.
    Raises DataError when there is no terminal to ask on, or nothing was typed."""
    import getpass

    from ..domain.text import clean_text
    from ..store.errors import ENV_PASSPHRASE

    if not can_ask():
        if twice:
            raise DataError(f"no terminal to ask for a passphrase on: set {ENV_PASSPHRASE}")
        raise DataError(
            f"{clean_text(str(path))} is encrypted and there is no terminal to ask for its "
            f"passphrase on: set {ENV_PASSPHRASE}, or keep it in the system keyring "
            "(`infoint encrypt --keyring`)"
        )
    name = clean_text(path.name)
    prompt = f"New passphrase for {name}: " if twice else f"Passphrase for {name}: "
    try:
        typed = getpass.getpass(prompt)
        if not typed:
            raise DataError("no passphrase was typed; nothing was changed")
        if twice and getpass.getpass("The same passphrase again: ") != typed:
            raise DataError("the two passphrases differ; nothing was changed")
    except EOFError:
        raise DataError("no passphrase was typed; nothing was changed") from None
    return typed


def can_ask() -> bool:
    """Whether a passphrase can be asked for: a terminal on standard input."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False
