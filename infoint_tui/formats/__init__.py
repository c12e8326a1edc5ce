"""Import and export: LinkedIn CSV, vCard, JSON, CSV, Markdown, iCalendar.

Files are read and written here; what they do to the campaign is decided in actions/
(actions/transfer.py, imports.py, invitations.py). Each parser and exporter is imported on
first use:

    parsed = parse_import("linkedin", read_source(path))   # Parsed; FormatError if unreadable
    plan = plan_import(Snapshot.of(campaign), parsed)       # formats.plan: a preview, no writes
    data = render_export("ics", Snapshot.of(campaign), now) # bytes, ready for atomic_write

A calendar invitation ("ics") is not a list of people but a meeting: it has its own reader and
plan (formats.invitations, formats.invitation_plan) and use case (actions.invitations).

Nothing here imports Textual or the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .progress import QUIET, Progress

if TYPE_CHECKING:
    from .plan import Parsed
    from .snapshot import Snapshot
    from .source import Source

IMPORT_KINDS = ("linkedin", "vcard", "json", "ics")
CONTACT_IMPORT_KINDS = ("linkedin", "vcard", "json")  # what `parse_import` reads
EXPORT_KINDS = ("json", "csv", "markdown", "ics", "vcard")
# The file name an export suggests: `infoint-2026-11-18.ics`.
EXPORT_SUFFIXES = {
    "json": ".json", "csv": ".csv", "markdown": ".md", "ics": ".ics", "vcard": ".vcf",
}  # fmt: skip


def parse_import(kind: str, source: Source, progress: Progress = QUIET) -> Parsed:
    """Read a file of one of CONTACT_IMPORT_KINDS; raises source.FormatError when it cannot be
    read. `progress` hears of each row or card read (the JSON of an export is read at once)."""
    if kind == "linkedin":
        from .linkedin import parse_linkedin

        return parse_linkedin(source, progress)
    if kind == "vcard":
        from .vcard import parse_vcard

        return parse_vcard(source, progress)
    if kind == "json":
        from .jsonfile import parse_json

        return parse_json(source)
    raise ValueError(
        f"unknown import format {kind!r} (expected one of: {', '.join(CONTACT_IMPORT_KINDS)})"
    )


def render_export(
    kind: str,
    campaign: Snapshot,
    now: datetime,
    *,
    reminders_as: str = "todo",
    left_out: list[str] | None = None,
) -> bytes:
    """The campaign in one of EXPORT_KINDS, encoded as the file should hold it (UTF-8).

    Markdown and ICS leave out records whose dates or numbers are out of range (a file edited
    by hand), each named by a line added to `left_out`; JSON and CSV keep everything."""
    if kind == "json":
        from .jsonfile import export_json

        return export_json(campaign, now).encode()
    if kind == "csv":
        from .csvfile import export_csv

        return export_csv(campaign).encode()
    if kind == "markdown":
        from .markdown import export_markdown

        return export_markdown(campaign, now, left_out=left_out).encode()
    if kind == "ics":
        from .ics import export_ics

        return export_ics(
            campaign,
            now,
            reminders_as="event" if reminders_as == "event" else "todo",
            left_out=left_out,
        )
    if kind == "vcard":
        from .vcard_export import export_vcard

        return export_vcard(campaign)
    raise ValueError(f"unknown export format {kind!r} (expected one of: {', '.join(EXPORT_KINDS)})")
