"""Importing people (LinkedIn, vCard, an infoint export): the plan written, what follows from it.

`formats.plan.apply_import` writes the records; this adds what the method makes of them: a
congratulations check-in for each job change of someone the user has been in touch with
(domain.jobs), and the merges the user chose among the likely duplicates the plan listed.
All in one batch.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.jobs import congratulations_check_in
from ..domain.models import Contact, Reminder
from ..formats.plan import ImportOutcome, ImportPlan, apply_import
from ..formats.progress import QUIET, Progress
from .merging import merge_into

if TYPE_CHECKING:
    from .campaign import Campaign


@dataclass
class ImportResult:
    outcome: ImportOutcome
    check_ins: list[tuple[Contact, Reminder]] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (kept name, other's name)

    def lines(self) -> list[str]:
        """What the import did beyond the plan's summary (congratulations, merges)."""
        lines = [
            f"  congratulations check-in for {contact.name}, due {reminder.due:%a %d %b %H:%M}"
            for contact, reminder in self.check_ins
        ]
        lines += [f"  merged {other} into {kept}" for kept, other in self.merged]
        return lines


def run_import(
    campaign: Campaign,
    plan: ImportPlan,
    now: datetime,
    *,
    check_ins: bool | Collection[str] = True,
    merges: Iterable[tuple[str, str]] = (),
    progress: Progress = QUIET,
) -> ImportResult:
    """Write `plan`; then the congratulations check-ins (all, none, or for the contact ids
    given) and the chosen merges, (kept id, other id) pairs from `plan.duplicates`."""
    with campaign.batch():
        result = ImportResult(apply_import(campaign, plan, now, progress))
        for contact_id, change in result.outcome.job_changes:
            wanted = check_ins if isinstance(check_ins, bool) else contact_id in check_ins
            if not wanted:
                continue
            contact = campaign.contact(contact_id)
            reminder = congratulations_check_in(
                contact, change, now, campaign.reminders(contact_id=contact_id)
            )
            if reminder is not None:
                campaign.save_reminder(reminder)
                result.check_ins.append((contact, reminder))
        known = {c.id for c in campaign.contacts(archived=None)}
        for keep_id, other_id in merges:
            if keep_id in known and other_id in known and keep_id != other_id:
                preview = merge_into(campaign, keep_id, other_id, now)
                known.discard(other_id)
                result.merged.append((preview.keep.name, preview.other.name))
    return result
