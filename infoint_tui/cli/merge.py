"""`infoint merge KEEP OTHER`: two records of one person become one."""

from __future__ import annotations

import argparse

from . import DataError, UsageError, open_campaign


def register_merge(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "merge",
        parents=[common],
        help="merge two records of one person into one",
        description="Merge OTHER into KEEP (each an id, or an exact name). KEEP wins every "
        "conflict; what OTHER held that differs is written into KEEP's notes, never dropped. "
        "Tags, stage histories and job histories are united; OTHER's meetings, touches, "
        "reminders and referrals move to KEEP; then OTHER is removed.",
        epilog="An import lists the likely duplicates it finds with the command to merge them.",
    )
    command.add_argument("keep", metavar="KEEP", help="the record to keep (id or exact name)")
    command.add_argument("other", metavar="OTHER", help="the record merged into it and removed")
    command.add_argument(
        "--dry-run", action="store_true", help="show what the merge would do, and write nothing"
    )
    command.set_defaults(run=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from ..actions.merging import merge_into, preview_merge

    campaign = open_campaign(args, create=False)
    keep = _one(campaign, args.keep, "KEEP")
    other = _one(campaign, args.other, "OTHER")
    if keep.id == other.id:
        raise UsageError(f"KEEP and OTHER are the same contact ({keep.name}, {keep.id})")
    now = campaign.clock.now()
    if args.dry_run:
        lines = preview_merge(campaign, keep.id, other.id, now).lines()
        lines[0] = "dry run, nothing written: " + lines[0]
    else:
        lines = merge_into(campaign, keep.id, other.id, now).lines(done=True)
    print("\n".join(lines))
    return 0


def _one(campaign, text: str, role: str):
    found = campaign.find_contacts(text)
    if not found:
        raise DataError(f"{role}: no contact named {text!r} (give an exact name or an id)")
    if len(found) > 1:
        ids = ", ".join(f"{c.id} ({c.role_at_company or c.stage.label})" for c in found)
        raise DataError(f"{role}: {len(found)} contacts are named {text!r}: {ids}; give an id")
    return found[0]
