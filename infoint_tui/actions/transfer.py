"""Bringing a file in and taking the campaign out: the same steps for a command and a screen.

An import is planned first (a preview: what would be added, updated and skipped) and written
only when asked, in one change. Files the user asked for are written atomically, owner-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..formats.progress import QUIET, Progress
from .base import CampaignBase

if TYPE_CHECKING:
    from ..formats.plan import ImportOutcome, ImportPlan, Parsed


def read_import(kind: str, path: Path, progress: Progress = QUIET) -> Parsed:
    """Read a file of one of formats.IMPORT_KINDS (nothing of the campaign is touched); raises
    formats.source.FormatError (or MissingSource) with one line for the user.

    An infoint data file is read with the journal beside it, as infoint reads it: what the
    user saw saved, not only what was folded into the file."""
    from ..formats import parse_import
    from ..formats.source import decode_source, read_source

    if kind == "json":
        document = _data_file_document(path)
        if document is not None:
            import orjson

            return parse_import(kind, decode_source(path.name, orjson.dumps(document)))
    return parse_import(kind, read_source(path), progress)


def _data_file_document(path: Path) -> dict[str, dict[str, object]] | None:
    """The document of a data file that a journal continues; None for any other file."""
    from ..store.errors import StoreError
    from ..store.journal import journal_path
    from ..store.tinydb_storage import CampaignStorage

    if not journal_path(path).is_file():
        return None
    try:
        return CampaignStorage(path).read()
    except StoreError:
        return None  # read as a plain file: its own error says what is wrong


class TransferActions(CampaignBase):
    def plan_import(self, parsed: Parsed, progress: Progress = QUIET) -> ImportPlan:
        """What importing would do to the campaign as it is now; nothing is written."""
        from ..formats.plan import plan_import
        from ..formats.snapshot import Snapshot as Records

        return plan_import(Records.of(self), parsed, progress)

    def apply_import(self, plan: ImportPlan) -> ImportOutcome:
        """Write a planned import in one change (re-checked against the campaign as it is now)."""
        from ..formats.plan import apply_import

        return apply_import(self, plan)

    def export(
        self, kind: str, *, reminders_as: str = "todo", left_out: list[str] | None = None
    ) -> bytes:
        """The campaign in one of formats.EXPORT_KINDS, as the file should hold it. Records
        out of range (a file edited by hand) are left out and named in `left_out`."""
        from ..formats import render_export
        from ..formats.snapshot import Snapshot as Records

        return render_export(
            kind, Records.of(self), self.now(), reminders_as=reminders_as, left_out=left_out
        )

    def write_file(self, path: Path, data: bytes) -> None:
        """Write a file the user asked for (an export, a brief): atomically, readable by the
        owner only. Raises OSError."""
        from ..store.atomic import atomic_write

        atomic_write(path, [data], mode=0o600)
