"""Bringing a file in and taking the campaign out: the same steps for a command and a screen.

An import is planned first (a preview: what would be added, updated and skipped) and written
only when asked, in one change. Files the user asked for are written atomically, owner-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .base import CampaignBase

if TYPE_CHECKING:
    from ..formats.plan import ImportOutcome, ImportPlan, Parsed


def read_import(kind: str, path: Path) -> Parsed:
    """Read a file of one of formats.IMPORT_KINDS (nothing of the campaign is touched); raises
    formats.source.FormatError (or MissingSource) with one line for the user."""
    from ..formats import parse_import
    from ..formats.source import read_source

    return parse_import(kind, read_source(path))


class TransferActions(CampaignBase):
    def plan_import(self, parsed: Parsed) -> ImportPlan:
        """What importing would do to the campaign as it is now; nothing is written."""
        from ..formats.campaign import Campaign as Records
        from ..formats.plan import plan_import

        return plan_import(Records.of(self), parsed)

    def apply_import(self, plan: ImportPlan) -> ImportOutcome:
        """Write a planned import in one change (re-checked against the campaign as it is now)."""
        from ..formats.plan import apply_import

        return apply_import(self, plan)

    def export(self, kind: str, *, reminders_as: str = "todo") -> bytes:
        """The campaign in one of formats.EXPORT_KINDS, as the file should hold it."""
        from ..formats import render_export
        from ..formats.campaign import Campaign as Records

        return render_export(kind, Records.of(self), self.now(), reminders_as=reminders_as)

    def write_file(self, path: Path, data: bytes) -> None:
        """Write a file the user asked for (an export, a brief): atomically, readable by the
        owner only. Raises OSError."""
        from ..store.atomic import atomic_write

        atomic_write(path, [data], mode=0o600)
