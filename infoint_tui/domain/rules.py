"""What happens when a contact enters a stage or a touch is logged: reminders made and closed.

Pure functions of the data and a moment in time; the store applies what they return, so
every path (a key on the board, the end of live notes, the command line) has the same effects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .dates import add_business_days
from .models import Contact, Meeting, Reminder, ReminderKind, Settings, Touch, TouchKind
from .stages import Stage

# Reminders that a reply answers: the 3B7 nudges of Reached out.
NO_REPLY_KINDS = frozenset({ReminderKind.SECOND_PERSON, ReminderKind.FOLLOW_UP})
# Reminders that belong to a stage and end when the contact moves past it.
STAGE_KINDS = {
    ReminderKind.SECOND_PERSON: Stage.REACHED_OUT,
    ReminderKind.FOLLOW_UP: Stage.REACHED_OUT,
    ReminderKind.THANK_YOU: Stage.INTERVIEWED,
}


@dataclass
class Effects:
    """Reminders to create, and open reminders to close with a reason."""

    create: list[Reminder] = field(default_factory=list)
    close: list[tuple[Reminder, str]] = field(default_factory=list)


def cadence_weeks(contact: Contact, settings: Settings) -> int:
    return contact.cadence_weeks or settings.default_cadence_weeks


def next_check_in(contact: Contact, settings: Settings, since: datetime) -> datetime:
    return since + timedelta(weeks=cadence_weeks(contact, settings))


def entering_stage(
    contact: Contact,
    new: Stage,
    old: Stage | None,
    at: datetime,
    settings: Settings,
    open_reminders: Iterable[Reminder],
    last_meeting: Meeting | None = None,
) -> Effects:
    """The reminders a move from `old` to `new` at `at` creates and closes."""
    effects = Effects()
    reminders = [r for r in open_reminders if r.is_open and r.contact_id == contact.id]
    if old is not None and new.order < old.order:
        effects.close = [(r, "moved back") for r in reminders if r.kind is not ReminderKind.ACTION]
        reminders = []
    else:
        for reminder in reminders:
            owner = STAGE_KINDS.get(reminder.kind)
            if owner is not None and owner.order < new.order:
                effects.close.append((reminder, f"moved to {new.label}"))
    kinds_open = {r.kind for r in reminders if all(r is not c for c, _ in effects.close)}
    first = contact.name.split()[0] if contact.name.split() else contact.name

    def make(kind: ReminderKind, due: datetime, title: str, meeting: Meeting | None = None) -> None:
        if kind in kinds_open:
            return
        effects.create.append(
            Reminder(
                kind=kind,
                due=due,
                contact_id=contact.id,
                meeting_id=meeting.id if meeting else None,
                title=title,
                created_at=at,
            )
        )

    if new is Stage.REACHED_OUT:
        company = f" at {contact.company}" if contact.company else ""
        make(
            ReminderKind.SECOND_PERSON,
            add_business_days(at, 3),
            f"No reply from {first} yet: reach a second person{company}",
        )
        make(ReminderKind.FOLLOW_UP, add_business_days(at, 7), f"Follow up once with {first}")
    elif new is Stage.INTERVIEWED:
        ended = last_meeting.ended_at if last_meeting and last_meeting.ended_at else None
        base = ended if ended is not None and ended <= at else at
        make(
            ReminderKind.THANK_YOU,
            base + timedelta(hours=settings.thank_you_hours),
            f"Send {first} a thank-you",
            last_meeting,
        )
    elif new in (Stage.THANKED, Stage.IN_TOUCH):
        since = contact.last_contact if contact.last_contact and contact.last_contact <= at else at
        make(
            ReminderKind.CHECK_IN, next_check_in(contact, settings, since), f"Check in with {first}"
        )
    return effects


def after_touch(
    contact: Contact, touch: Touch, settings: Settings, open_reminders: Iterable[Reminder]
) -> Effects:
    """A logged touch answers the 3B7 nudges (on a reply) and restarts the keep-in-touch clock."""
    effects = Effects()
    reminders = [r for r in open_reminders if r.is_open and r.contact_id == contact.id]
    for reminder in reminders:
        if reminder.kind in NO_REPLY_KINDS and touch.kind in (
            TouchKind.REPLY,
            TouchKind.CALL,
            TouchKind.MEETING,
        ):
            effects.close.append((reminder, f"answered: {touch.kind.value}"))
        elif reminder.kind is ReminderKind.THANK_YOU and touch.kind is TouchKind.THANK_YOU:
            effects.close.append((reminder, "thank-you sent"))
        elif reminder.kind is ReminderKind.CHECK_IN:
            effects.close.append((reminder, "clock restarted by a touch"))
    if contact.stage in (Stage.THANKED, Stage.IN_TOUCH):
        first = contact.name.split()[0] if contact.name.split() else contact.name
        effects.create.append(
            Reminder(
                kind=ReminderKind.CHECK_IN,
                due=next_check_in(contact, settings, touch.at),
                contact_id=contact.id,
                title=f"Check in with {first}",
                created_at=touch.at,
            )
        )
    return effects


def on_archive(contact: Contact, open_reminders: Iterable[Reminder]) -> Effects:
    return Effects(
        close=[(r, "archived") for r in open_reminders if r.is_open and r.contact_id == contact.id]
    )
