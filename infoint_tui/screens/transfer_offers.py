"""The import preview's offers and writes for job changes, duplicates and invitations.

Kept apart from screens/transfer.py so the preview screen stays a thin shell: it asks these
functions what to offer for a plan, and hands the ticked keys to the use cases.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..domain.jobs import wants_congratulations
from ..widgets.import_offers import ImportOffers, Offer
from ..widgets.text import escape

if TYPE_CHECKING:
    from ..formats.invitation_plan import InvitationPlan
    from ..formats.plan import ImportPlan

CHECK_INS = "offers-check-ins"
MERGES = "offers-merges"
NEWCOMERS = "offers-newcomers"


def contact_offers(plan: ImportPlan, repo: Any) -> list[ImportOffers]:
    """Congratulations check-ins (ticked) and merges of likely duplicates (not ticked)."""
    groups = []
    check_ins = []
    for item in plan.job_changes:
        contact = repo.contact(item.target_id or "")
        if item.job_move is not None and wants_congratulations(contact):
            check_ins.append(
                Offer(
                    contact.id,
                    f"Add a congratulations check-in for {contact.name} "
                    f"({item.job_move.describe()})",
                    ticked=True,
                )
            )
    if check_ins:
        groups.append(ImportOffers("Job changes", check_ins, id=CHECK_INS))
    merges = [
        Offer(
            f"{pair.keep.id} {pair.other.id}",
            f"Merge {pair.other.name} (new) into {pair.keep.name} "
            f"({pair.keep.role_at_company or pair.keep.stage.label}): {pair.why}",
        )
        for pair in plan.duplicates
    ]
    if merges:
        groups.append(ImportOffers("Likely the same person: merge them?", merges, id=MERGES))
    return groups


def invitation_offers(plan: InvitationPlan) -> list[ImportOffers]:
    """A new contact, in Scheduled, for each person an invitation names who is not one yet."""
    from ..formats.invitation_plan import newcomer_name

    offers = [
        Offer(
            item.invitation.uid,
            f"Add {newcomer_name(item.newcomer)} ({item.newcomer}) as a new contact in Scheduled",
            ticked=True,
        )
        for item in plan.unknown
        if item.newcomer is not None
    ]
    return [ImportOffers("Not a contact yet", offers, id=NEWCOMERS)] if offers else []


def invitation_preview(plan: InvitationPlan) -> str:
    """The preview's text (markup, with the file's words escaped)."""
    lines = plan.summary_lines(add_unknown=True)
    text = [f"[b]{escape(lines[0])}[/]", ""]
    text += [escape(line) for line in lines[1:]]
    if not plan.items:
        text.append("Nothing in this file can be imported.")
    return "\n".join(text)


def chosen(screen: Any, group_id: str) -> list[str]:
    found = screen.query(f"#{group_id}")
    return found.first(ImportOffers).chosen if found else []


def write_contacts(screen: Any, plan: ImportPlan, now: datetime) -> str:
    """Run the import with the ticked offers; the notification's text."""
    from ..actions.imports import run_import

    merges = [tuple(key.split(" ", 1)) for key in chosen(screen, MERGES)]
    result = run_import(
        screen.campaign,
        plan,
        now,
        check_ins=set(chosen(screen, CHECK_INS)),
        merges=[(keep, other) for keep, other in merges],
    )
    text = f"Imported: {plan.count('added')} added, {plan.count('updated')} updated"
    if result.check_ins:
        text += f", {_count(len(result.check_ins), 'congratulations check-in')}"
    if result.merged:
        text += f", {len(result.merged)} merged"
    return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def write_invitations(screen: Any, plan: InvitationPlan, now: datetime) -> str:
    from ..actions.invitations import import_invitations

    outcome = import_invitations(screen.campaign, plan, now, add=set(chosen(screen, NEWCOMERS)))
    text = f"Invitation imported: {_count(len(outcome.meetings), 'meeting')}"
    if outcome.added:
        text += f", {_count(len(outcome.added), 'new contact')}"
    return text
