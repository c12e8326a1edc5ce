"""Confirming a meeting the business day before: the reminder's life, and the short draft.

Every meeting with a time, not yet held, with a contact still at Scheduled or before, has a
"confirm" reminder due at 09:00 on the business day before it (or at once when that moment
has passed). The reminder remembers the time it confirms (`Reminder.meeting_when`): when the
meeting moves, that reminder closes and one for the new time opens; when the meeting is
cancelled (its time cleared, or deleted), is held, or its time passes, it closes.

The prep checklist's "confirm" item and the reminder are one fact seen twice: marking the
reminder done ticks the item, ticking the item marks the reminder done, unticking it reopens
the reminder. `plan_confirmations` works out what to change so both agree with the meetings;
`actions/follow_through.sync_confirmations` applies it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from .compose import Draft, _common, _common_missing, _tidy
from .models import ChecklistItem, Contact, Medium, Meeting, Reminder, ReminderKind, Settings
from .rules import first_name
from .stages import Stage

CONFIRM_HOUR = time(9, 0)
CONFIRM_KEY = "confirm"  # the prep checklist's item (domain/prep.py DEFAULT_CHECKLIST)
CONFIRM_SUBJECT = "Confirming our conversation"

_NOUN = {
    Medium.PHONE: "call",
    Medium.VIDEO: "video call",
    Medium.COFFEE: "coffee",
    Medium.IN_PERSON: "meeting",
}


def confirm_day(when: datetime, zone: tzinfo | None) -> date:
    """The business day before the meeting's day (Friday for a Monday meeting)."""
    day = when.astimezone(zone).date() if zone else when.date()
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def confirm_due(when: datetime, now: datetime) -> datetime:
    """09:00 on the business day before the meeting, in my zone; today, when that day has
    passed (a meeting booked late, or seen late)."""
    due = datetime.combine(confirm_day(when, now.tzinfo), CONFIRM_HOUR, tzinfo=now.tzinfo)
    return max(due, datetime.combine(now.date(), CONFIRM_HOUR, tzinfo=now.tzinfo))


def confirm_item(meeting: Meeting) -> ChecklistItem | None:
    return next((item for item in meeting.checklist if item.key == CONFIRM_KEY), None)


def not_confirmable(meeting: Meeting, contact: Contact | None, now: datetime) -> str | None:
    """Why the meeting needs no confirmation (the reason its reminder closes), or None."""
    if contact is None:
        return "contact deleted"
    if contact.archived:
        return "archived"
    if meeting.ended_at is not None or meeting.started_at is not None:
        return "meeting held"
    if meeting.when is None:
        return "meeting cancelled"
    if meeting.when <= now:
        return "meeting time passed"
    if contact.stage.order > Stage.SCHEDULED.order:
        return f"moved to {contact.stage.label}"
    return None


def confirm_title(contact: Contact, meeting: Meeting, now: datetime) -> str:
    assert meeting.when is not None
    local = meeting.when.astimezone(now.tzinfo) if now.tzinfo else meeting.when
    noun = _NOUN.get(meeting.medium, "meeting")
    return f"Confirm the {noun} with {first_name(contact)}: {local:%a} {local.day} {local:%b %H:%M}"


@dataclass
class ConfirmPlan:
    """What to change so the confirm reminders and checklist items agree with the meetings."""

    create: list[Reminder] = field(default_factory=list)
    close: list[tuple[Reminder, str]] = field(default_factory=list)
    done: list[Reminder] = field(default_factory=list)  # ticked in prep: the reminder is done
    # unticked in prep, or its card moved back to Scheduled: due again
    reopen: list[Reminder] = field(default_factory=list)
    tick: list[tuple[Meeting, bool]] = field(default_factory=list)  # the checklist item

    @property
    def empty(self) -> bool:
        return not (self.create or self.close or self.done or self.reopen or self.tick)


def _taken_back(reminder: Reminder) -> bool:
    """Closed because the card moved past Scheduled, and it is back: the reminder still holds."""
    return reminder.closed_at is not None and reminder.closed_reason.startswith("moved to")


def plan_confirmations(
    meetings: Iterable[Meeting],
    contacts: Mapping[str, Contact],
    reminders: Iterable[Reminder],
    now: datetime,
) -> ConfirmPlan:
    """Compare the meetings (every one with a time not yet held, and every one an open confirm
    reminder points at) with the confirm reminders (open, done and closed) and say what to do.

    A confirm reminder whose meeting is not among `meetings` belongs to a deleted meeting.
    """
    plan = ConfirmPlan()
    by_meeting: dict[str, list[Reminder]] = {}
    for reminder in reminders:
        if reminder.kind is ReminderKind.CONFIRM and reminder.meeting_id:
            by_meeting.setdefault(reminder.meeting_id, []).append(reminder)
    seen: set[str] = set()
    for meeting in meetings:
        seen.add(meeting.id)
        own = sorted(by_meeting.get(meeting.id, []), key=_created)
        contact = contacts.get(meeting.contact_id)
        reason = not_confirmable(meeting, contact, now)
        if reason is not None:
            plan.close += [(r, reason) for r in own if r.is_open]
            continue
        assert contact is not None and meeting.when is not None
        item = confirm_item(meeting)
        ticked = item.done if item is not None else None
        latest = own[-1] if own else None
        if latest is not None and latest.meeting_when != meeting.when:
            if latest.is_open:
                plan.close.append((latest, "meeting moved"))
            if ticked:  # the tick was for the old time
                plan.tick.append((meeting, False))
            plan.create.append(_new(contact, meeting, now, done=False))
        elif latest is not None and _taken_back(latest):
            plan.reopen.append(latest)  # a move taken back at once: the same reminder again
        elif latest is None or latest.closed_at is not None:
            plan.create.append(_new(contact, meeting, now, done=bool(ticked)))
        elif latest.is_open and ticked:
            plan.done.append(latest)
        elif latest.done_at is not None and ticked is False:
            plan.reopen.append(latest)
    for meeting_id, own in by_meeting.items():
        if meeting_id not in seen:
            plan.close += [(r, "meeting cancelled") for r in own if r.is_open]
    return plan


def _created(reminder: Reminder) -> datetime:
    return reminder.created_at or reminder.due


def _new(contact: Contact, meeting: Meeting, now: datetime, *, done: bool) -> Reminder:
    assert meeting.when is not None
    return Reminder(
        kind=ReminderKind.CONFIRM,
        due=confirm_due(meeting.when, now),
        contact_id=contact.id,
        meeting_id=meeting.id,
        meeting_when=meeting.when,
        title=confirm_title(contact, meeting, now),
        created_at=now,
        done_at=now if done else None,
    )


def meeting_to_confirm(meetings: Iterable[Meeting], now: datetime) -> Meeting | None:
    """The contact's next meeting with a time, not yet held or started."""
    coming = [
        m
        for m in meetings
        if m.when is not None and m.ended_at is None and m.started_at is None and m.when > now
    ]
    return min(coming, key=lambda m: m.when or now) if coming else None


# -- the draft ------------------------------------------------------------------------------
def time_phrase(when: datetime, now: datetime, my_zone: tzinfo | None = None) -> str:
    """The meeting's time in its own zone (the contact's terms): 'tomorrow, Thursday 19
    November at 10:30'; the zone is named when it differs from mine ('at 10:30 EST')."""
    mine = my_zone or now.tzinfo
    today = now.astimezone(when.tzinfo).date() if when.tzinfo else now.date()
    days = (when.date() - today).days
    clock = f"{when:%H:%M}"
    if mine is not None and when.utcoffset() != when.astimezone(mine).utcoffset():
        clock += f" {when.tzname() or when.strftime('%z')}"
    day = f"{when:%A} {when.day} {when:%B}"
    if when.year != today.year:
        day += f" {when.year}"
    prefix = {0: "today, ", 1: "tomorrow, "}.get(days, "on ")
    return f"{prefix}{day} at {clock}"


def place_sentence(meeting: Meeting, contact: Contact) -> tuple[str, bool]:
    """Where, in the medium's words; and whether the place or link is known."""
    place = meeting.place.strip()
    if meeting.medium is Medium.PHONE:
        if place:
            return f"I'll call you on {place}.", True
        if contact.phone.strip():
            return f"I'll call you on {contact.phone.strip()}.", True
        return "I'll call you on [your number].", False
    if meeting.medium is Medium.VIDEO:
        if place:
            return f"Here is the link again: {place}", True
        return "Here is the link again: [video link]", False
    if place:
        return f"We're meeting at {place}.", True
    return "We're meeting at [place].", False


def confirm_draft(contact: Contact, meeting: Meeting, settings: Settings, now: datetime) -> Draft:
    """A short confirmation: the time in their terms, and the place or link."""
    assert meeting.when is not None
    noun = _NOUN.get(meeting.medium, "meeting")
    where, known = place_sentence(meeting, contact)
    values = _common(contact, settings)
    body = (
        f"Hi {values['first_name']},\n\n"
        f"Just confirming our {meeting.duration_min}-minute {noun} "
        f"{time_phrase(meeting.when, now)}. {where}\n\n"
        "Looking forward to speaking with you.\n\n"
        f"Best,\n{values['signature'] or '[your name]'}"
    )
    missing = _common_missing(contact, settings)
    if not known:
        missing.insert(0, "the number" if meeting.medium is Medium.PHONE else "the place or link")
    return Draft(contact.email, CONFIRM_SUBJECT, _tidy(body), missing)
