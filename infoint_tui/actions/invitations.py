"""Importing a calendar invitation: the meeting created, moved or cancelled, the contact moved.

The plan (formats.invitation_plan) is made again from the file against the campaign as it is
now, so a preview left open while something else changed never duplicates a meeting. Everything
is written in one batch: all of it, or nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.models import Contact, Invitation, Meeting
from ..domain.prep import new_meeting_defaults
from ..domain.stages import Stage
from ..formats.invitation_plan import (
    CHANGES,
    Change,
    InvitationPlan,
    PlannedInvitation,
    newcomer_name,
    plan_invitations,
)
from ..formats.invitations import Invitation as CalendarEvent
from ..formats.snapshot import Snapshot

if TYPE_CHECKING:
    from .campaign import Campaign


@dataclass
class InvitationOutcome:
    meetings: list[Meeting] = field(default_factory=list)  # created, moved or cancelled
    added: list[Contact] = field(default_factory=list)  # people who were not contacts
    moved: list[Contact] = field(default_factory=list)  # contacts moved to Scheduled

    @property
    def wrote_anything(self) -> bool:
        return bool(self.meetings or self.added)


def import_invitations(
    campaign: Campaign, plan: InvitationPlan, now: datetime, *, add: bool | Collection[str] = False
) -> InvitationOutcome:
    """Write what `plan` previews. `add`: True adds every unknown person the plan offers, or
    the UIDs of the invitations whose person to add (the app's ticked boxes)."""
    outcome = InvitationOutcome()
    if plan.file is None:
        return outcome
    with campaign.batch():
        fresh = plan_invitations(Snapshot.of(campaign), plan.file)
        for item in fresh.items:
            wanted = add is True or (not isinstance(add, bool) and item.invitation.uid in add)
            if item.change is Change.UNKNOWN and item.newcomer is not None and wanted:
                contact = Contact(
                    name=newcomer_name(item.newcomer),
                    email=item.newcomer.email,
                    stage=Stage.SCHEDULED,
                    created_at=now,
                )
                campaign.add_contact(contact, at=now)
                outcome.added.append(contact)
                item = PlannedInvitation(item.invitation, Change.CREATE, contact)
            if item.change in CHANGES:
                _apply(campaign, item, now, outcome)
    return outcome


def _apply(
    campaign: Campaign, item: PlannedInvitation, now: datetime, outcome: InvitationOutcome
) -> None:
    event = item.invitation
    contact = item.contact
    assert contact is not None
    meeting = item.meeting
    if meeting is None:
        meeting = new_meeting_defaults(
            Meeting(contact_id=contact.id, duration_min=campaign.settings.default_duration_min),
            campaign.settings,
        )
    if item.change is Change.CANCEL:
        meeting.invitation = _invitation(event, meeting.invitation, meeting.when)
        meeting.when, meeting.cancelled_at = None, now
    else:
        meeting.invitation = _invitation(event)
        meeting.when, meeting.cancelled_at = event.start, None
        if event.duration_min:
            meeting.duration_min = event.duration_min
        if event.place or item.meeting is None:
            meeting.medium, meeting.place = event.medium, event.place
    campaign.save_meeting(meeting)
    outcome.meetings.append(meeting)
    if item.restore:
        campaign.restore_contact(contact.id)
    if item.to_scheduled:
        campaign.move_contact(contact.id, Stage.SCHEDULED, at=now)
        outcome.moved.append(contact)


def _invitation(
    event: CalendarEvent, before: Invitation | None = None, when: datetime | None = None
) -> Invitation:
    """What the meeting remembers of the invitation; a cancellation keeps the start it had."""
    start = event.start if before is None else (before.start or when or event.start)
    sequence = max(event.sequence, before.sequence if before else 0)
    organizer = str(event.organizer) if event.organizer else ""
    return Invitation(uid=event.uid, sequence=sequence, start=start, organizer=organizer)
