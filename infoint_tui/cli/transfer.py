"""`infoint import` and `infoint export`: bring a network in, take the campaign out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataError, UsageError, db_path, open_campaign

# The same as formats.IMPORT_KINDS / EXPORT_KINDS, repeated so that --help stays light.
IMPORT_KINDS = ("linkedin", "vcard", "json", "ics")
EXPORT_KINDS = ("json", "csv", "markdown", "ics", "vcard")
# How many skipped rows the one-line error names when nothing at all could be imported.
_NAMED_IN_ERROR = 3


# -- import ------------------------------------------------------------------------------------
def register_import(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "import",
        parents=[common],
        help="add contacts from LinkedIn, a vCard file or an infoint export; a calendar invitation",
        description="Add contacts from a file. The same profile URL or email is the same "
        "person: what the file knows fills that contact's empty fields, nothing you typed is "
        "replaced, and importing the same file again adds nothing. The exception is a job "
        "change: a newer LinkedIn or vCard file with another company or title replaces them, "
        "keeps the old job in the contact's history, and adds a congratulations check-in for "
        "people you have been in touch with. People added who look like someone already here "
        "are listed with the command that merges them.",
        epilog="FORMAT: linkedin (Connections.csv from LinkedIn's 'Get a copy of your data'), "
        "vcard (a .vcf file from a phone, Google or Apple Contacts), json (a file made by "
        "'infoint export json': restores it into an empty file, merges it into one in use), "
        "ics (a calendar invitation from Google Calendar, Outlook or Zoom: the meeting is "
        "created, moved or cancelled for the contact it names, who moves to Scheduled; the "
        "same invitation again changes nothing).",
    )
    command.add_argument(
        "kind", metavar="FORMAT", choices=IMPORT_KINDS, help="linkedin, vcard, json or ics"
    )
    command.add_argument("file", metavar="FILE", help="the file to import")
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be added, updated and skipped, and write nothing",
    )
    command.add_argument(
        "--add",
        action="store_true",
        help="ics: add the person an invitation is with as a new contact (in Scheduled) "
        "when they are not a contact yet",
    )
    command.set_defaults(run=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from ..actions.transfer import read_import
    from ..domain.text import clean_text
    from ..formats.source import FormatError, MissingSource, read_source
    from .progress_bar import progress_for

    if args.add and args.kind != "ics":
        raise UsageError("--add is for calendar invitations (import ics)")

    if args.kind == "ics":
        try:
            return _import_invitations(args, read_source(Path(args.file)))
        except MissingSource as error:
            raise UsageError(str(error)) from None
        except FormatError as error:
            raise DataError(str(error)) from None
    progress = progress_for(sys.stderr)
    try:
        try:
            parsed = read_import(args.kind, Path(args.file), progress)
        except MissingSource as error:
            raise UsageError(str(error)) from None
        except FormatError as error:
            raise DataError(str(error)) from None
        if not parsed.readable and parsed.settings is None:
            raise DataError(_nothing_readable(parsed))
        from ..actions.imports import run_import

        campaign = open_campaign(args, create=not args.dry_run)
        plan = campaign.plan_import(parsed, progress)
        lines = plan.summary_lines(merge_commands=not args.dry_run)
        if args.dry_run:
            lines[0] = "dry run, nothing written: " + lines[0]
        elif plan.changes_anything:
            lines += run_import(campaign, plan, campaign.now(), progress=progress).lines()
    finally:
        progress.done()
    print("\n".join(clean_text(line) for line in lines))  # names from the campaign, too
    return 0


def _import_invitations(args: argparse.Namespace, source) -> int:
    from ..actions.invitations import import_invitations
    from ..domain.clock import local_zone
    from ..domain.text import clean_text
    from ..formats.invitation_plan import plan_invitations
    from ..formats.invitations import read_invitations
    from ..formats.snapshot import Snapshot as Records

    found = read_invitations(source, local_zone())  # a time with no zone is the user's
    if not found.invitations:
        raise DataError(_nothing_readable(found))
    # Not created until something is written: an invitation from nobody known writes nothing.
    campaign = open_campaign(args, create=False)
    plan = plan_invitations(Records.of(campaign), found)
    lines = plan.summary_lines(add_unknown=args.add)
    if args.dry_run:
        lines[0] = "dry run, nothing written: " + lines[0]
    elif plan.changes_anything(add_unknown=args.add):
        import_invitations(campaign, plan, campaign.now(), add=args.add)
    elif plan.unknown:
        who = "; ".join(str(item.newcomer) for item in plan.unknown)
        raise DataError(
            f"{source.name}: nobody it names is a contact ({who}); nothing was written "
            "(--add adds them in Scheduled)"
        )
    print("\n".join(clean_text(line) for line in lines))
    return 0


def _nothing_readable(parsed) -> str:
    if not parsed.skipped:
        return f"{parsed.source} holds no contacts"
    named = "; ".join(str(skip) for skip in parsed.skipped[:_NAMED_IN_ERROR])
    more = len(parsed.skipped) - _NAMED_IN_ERROR
    tail = f"; and {more} more" if more > 0 else ""
    return f"{parsed.source}: nothing could be imported ({named}{tail}); nothing was written"


# -- export ------------------------------------------------------------------------------------
def register_export(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "export",
        parents=[common],
        help="write the campaign as JSON, CSV, Markdown, iCalendar or vCards",
        description="Write the campaign to standard output, or to a file with -o (written "
        "atomically: an existing file is replaced only once the new one is complete).",
        epilog="FORMAT: json (everything, for 'infoint import json'), csv (one row per "
        "contact), markdown (a journal: a section per contact with its meetings, prep, notes "
        "and log), ics (meetings as events and open reminders as to-dos, for a calendar; "
        "importing a newer export updates the same items), vcard (a vCard 3.0 card per "
        "contact, for a phone or an address book; 'infoint import vcard' reads it back).",
    )
    command.add_argument(
        "kind", metavar="FORMAT", choices=EXPORT_KINDS, help="json, csv, markdown, ics or vcard"
    )
    command.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    command.add_argument(
        "--reminders-as",
        choices=("todo", "event"),
        default="todo",
        help="ics: open reminders as to-dos (default) or as 15-minute events, for calendars "
        "that ignore to-dos (Google Calendar, Outlook)",
    )
    command.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else None
    if output is not None:
        _check_output(output, db_path(args))
    campaign = open_campaign(args, create=False)
    left_out: list[str] = []
    data = campaign.export(args.kind, reminders_as=args.reminders_as, left_out=left_out)
    for line in left_out:  # a file edited by hand: said, and the rest exported
        print(f"infoint: left out of the export, out of range: {line}", file=sys.stderr)
    if output is None:
        _write_stdout(data)
        return 0
    try:
        campaign.write_file(output, data)
    except OSError as error:
        raise DataError(f"could not write {output}: {error.strerror or error}") from None
    print(f"wrote {output}", file=sys.stderr)
    return 0


def _check_output(output: Path, data_file: Path) -> None:
    if output.is_dir():
        raise UsageError(f"{output} is a folder; give a file name")
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent} does not exist (create the folder first)")
    if output.resolve() == data_file.resolve():
        raise UsageError(f"{output} is your data file; choose another name")


def _write_stdout(data: bytes) -> None:
    """The bytes as they are (UTF-8, and CRLF where the format wants it), whatever the locale."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode())
