"""What is due: the agenda (overdue, today, the next 7 days), each card's next due thing, snoozing.

Pure functions of the records and a moment `now`; the agenda screen, the board's cards and
`infoint agenda` all read the same items, so they always agree.

When an item counts as overdue:
- a thank-you: the moment its 24 hours are up (it is a promise with a clock);
- a meeting: when it should have ended but was never marked held, while the contact is
  still at Scheduled or before (a meeting that happened needs logging; one that did not needs
  a new date);
- everything else (nudges, check-ins, action items, custom reminders): once its day has passed
  (a check-in: once its latest day has passed; between its ideal and latest days it is due).
A snoozed reminder reappears on the day its snooze ends and is never overdue before that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Protocol

from .dates import DateParseError, parse_when
from .models import Contact, Medium, Reminder, ReminderKind
from .stages import Stage
from .text import clean_text
from .validation import meeting_problems, moment_problem, record_problems


class MeetingLike(Protocol):
    """What the agenda reads of a meeting: a full Meeting, or the store's light MeetingSlot."""

    @property
    def id(self) -> str: ...
    @property
    def contact_id(self) -> str: ...
    @property
    def when(self) -> datetime | None: ...
    @property
    def ended_at(self) -> datetime | None: ...
    @property
    def duration_min(self) -> int: ...
    @property
    def medium(self) -> Medium: ...
    @property
    def place(self) -> str: ...


MEDIUM_NOUN = {
    Medium.PHONE: "call",
    Medium.VIDEO: "video",
    Medium.COFFEE: "coffee",
    Medium.IN_PERSON: "meeting",
}

DONE_FOR_TODAY = "Nothing due — done for today."
UPCOMING_DAYS = 7
CARD_LABEL_WIDTH = 22  # a card's text at 80x24; overdue labels leave room for the "! " mark
SNOOZE_HOUR = time(9, 0)  # a snoozed item comes back at the start of a working day


class AgendaKind(str, Enum):
    THANK_YOU = "thank-you"
    NUDGE = "nudge"  # the 3B7 reminders: reach a second person, follow up once, no answer
    CONFIRM = "confirm"  # the business day before a meeting: confirm time and place
    CHECK_IN = "check-in"
    MEETING = "meeting"
    ACTION = "action"  # action items from a meeting, and a contact's next action
    CUSTOM = "reminder"

    @property
    def label(self) -> str:
        return {"thank-you": "Thank-you", "check-in": "Check-in"}.get(
            self.value, self.value.capitalize()
        )


_KIND_OF = {
    ReminderKind.THANK_YOU: AgendaKind.THANK_YOU,
    ReminderKind.SECOND_PERSON: AgendaKind.NUDGE,
    ReminderKind.FOLLOW_UP: AgendaKind.NUDGE,
    ReminderKind.NO_ANSWER: AgendaKind.NUDGE,
    ReminderKind.CONFIRM: AgendaKind.CONFIRM,
    ReminderKind.CHECK_IN: AgendaKind.CHECK_IN,
    ReminderKind.ACTION: AgendaKind.ACTION,
    ReminderKind.CUSTOM: AgendaKind.CUSTOM,
}
# The word a card uses ("nudge Mon", "thank-you due today").
_NOUN = {
    ReminderKind.THANK_YOU: "thank-you",
    ReminderKind.SECOND_PERSON: "nudge",
    ReminderKind.FOLLOW_UP: "follow-up",
    ReminderKind.NO_ANSWER: "no answer",
    ReminderKind.CONFIRM: "confirm",
    ReminderKind.CHECK_IN: "check-in",
    ReminderKind.ACTION: "to-do",
    ReminderKind.CUSTOM: "reminder",
}
_ORDER = list(AgendaKind)


@dataclass(frozen=True)
class AgendaItem:
    """One thing due. Exactly one of `reminder` / `meeting` is set, or neither for a
    contact's own next action (`Contact.next_action_due`)."""

    kind: AgendaKind
    due: datetime  # a reminder's (snoozed) due time, a meeting's start, a next action's due
    title: str
    overdue: bool
    starts: datetime  # when it enters the agenda's Today (a thank-you: as soon as it exists)
    contact: Contact | None = None
    reminder: Reminder | None = None
    meeting: MeetingLike | None = None
    latest: datetime | None = None  # check-ins: the last day before the contact goes cold
    snoozed: bool = False

    @property
    def key(self) -> str:
        """A stable id for a row or a card: the reminder's or meeting's id."""
        if self.reminder is not None:
            return f"reminder-{self.reminder.id}"
        if self.meeting is not None:
            return f"meeting-{self.meeting.id}"
        return f"next-action-{self.contact.id if self.contact else ''}"

    @property
    def contact_name(self) -> str:
        return self.contact.name if self.contact else ""

    @property
    def noun(self) -> str:
        if self.reminder is not None:
            return _NOUN[self.reminder.kind]
        return "meeting" if self.kind is AgendaKind.MEETING else "to-do"

    @property
    def can_snooze(self) -> bool:
        """Only reminders snooze; a meeting is rescheduled, a next action re-dated."""
        return self.reminder is not None


@dataclass(frozen=True)
class Agenda:
    day: date
    now: datetime
    overdue: list[AgendaItem] = field(default_factory=list)
    today: list[AgendaItem] = field(default_factory=list)
    upcoming: list[AgendaItem] = field(default_factory=list)  # the next 7 days after `day`
    # Records out of range (a file edited by hand): left out, one line each, never a crash.
    left_out: list[str] = field(default_factory=list)

    @property
    def done_for_today(self) -> bool:
        return not self.overdue and not self.today

    @property
    def items(self) -> list[AgendaItem]:
        return [*self.overdue, *self.today, *self.upcoming]


# -- building the items ---------------------------------------------------------------------
def _moot(reminder: Reminder, now: datetime) -> bool:
    """A confirmation whose meeting time has come: nothing is left to confirm (the app closes
    it at its next start; until then it is not shown)."""
    return (
        reminder.kind is ReminderKind.CONFIRM
        and reminder.meeting_when is not None
        and reminder.meeting_when <= now
    )


def due_items(
    now: datetime,
    contacts: Iterable[Contact],
    meetings: Iterable[MeetingLike],
    reminders: Iterable[Reminder],
    left_out: list[str] | None = None,
) -> list[AgendaItem]:
    """Everything open for the active contacts, at any date, by due time.

    A record whose dates or length are out of range (domain.validation) is left out, and a
    line saying why is added to `left_out` when given.
    """
    people = {c.id: c for c in contacts if not c.archived}
    items: list[AgendaItem] = []
    skipped: list[str] = [] if left_out is None else left_out
    for reminder in reminders:
        if not reminder.is_open or _moot(reminder, now):
            continue
        contact = None
        if reminder.contact_id is not None:
            contact = people.get(reminder.contact_id)
            if contact is None:  # archived or gone
                continue
        problems = record_problems(reminder)
        if problems:
            skipped.append(_left_out("reminder", reminder.id, contact, problems))
            continue
        items.append(_reminder_item(reminder, contact, now))
    for meeting in meetings:
        contact = people.get(meeting.contact_id)
        if contact is not None and meeting.when is not None and meeting.ended_at is None:
            problems = meeting_problems(meeting)
            if problems:
                skipped.append(_left_out("meeting", meeting.id, contact, problems))
                continue
            item = _meeting_item(meeting, contact, now)
            if item is not None:
                items.append(item)
    for contact in people.values():
        if contact.next_action_due is not None:
            problem = moment_problem(contact.next_action_due, "next_action_due")
            if problem:
                skipped.append(_left_out("contact", contact.id, contact, [problem]))
                continue
            items.append(_next_action_item(contact, now))
    items.sort(key=_sort_key)
    return items


def _left_out(what: str, record_id: str, contact: Contact | None, problems: list[str]) -> str:
    who = f" ({clean_text(contact.name)})" if contact is not None and what != "contact" else ""
    name = f" {clean_text(contact.name)}" if contact is not None and what == "contact" else ""
    return f"{what} {record_id}{name}{who}: {'; '.join(problems)}"


def _sort_key(item: AgendaItem) -> tuple[datetime, int, str]:
    return (item.due, _ORDER.index(item.kind), item.contact_name.casefold())


def _day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()


def _reminder_item(reminder: Reminder, contact: Contact | None, now: datetime) -> AgendaItem:
    due = reminder.effective_due
    snoozed = reminder.snoozed_until is not None
    if reminder.kind is ReminderKind.THANK_YOU:
        starts = min(reminder.snoozed_until or reminder.created_at or due, due)
        overdue = now > due
    else:
        starts = due
        deadline = max(due, reminder.latest) if reminder.latest else due
        overdue = _day(deadline, now) < now.date()
    return AgendaItem(
        kind=_KIND_OF[reminder.kind],
        due=due,
        title=reminder.title or f"{_NOUN[reminder.kind].capitalize()}",
        overdue=overdue,
        starts=starts,
        contact=contact,
        reminder=reminder,
        latest=reminder.latest,
        snoozed=snoozed,
    )


def _meeting_item(meeting: MeetingLike, contact: Contact, now: datetime) -> AgendaItem | None:
    if meeting.when is None or meeting.ended_at is not None:
        return None
    should_end = meeting.when + timedelta(minutes=meeting.duration_min)
    overdue = now > should_end
    if overdue and contact.stage.order > Stage.SCHEDULED.order:
        return None  # the card moved on without the meeting being logged: nothing to chase
    where = f" · {meeting.place}" if meeting.place else ""
    title = f"{meeting.medium.label}, {meeting.duration_min} min{where}"
    if overdue:
        title = "Mark it held (and take notes) or give it a new date"
    return AgendaItem(
        kind=AgendaKind.MEETING,
        due=meeting.when,
        title=title,
        overdue=overdue,
        starts=meeting.when,
        contact=contact,
        meeting=meeting,
    )


def _next_action_item(contact: Contact, now: datetime) -> AgendaItem:
    due = contact.next_action_due
    assert due is not None
    return AgendaItem(
        kind=AgendaKind.ACTION,
        due=due,
        title=contact.next_action or "Next action",
        overdue=_day(due, now) < now.date(),
        starts=due,
        contact=contact,
    )


# -- the agenda -----------------------------------------------------------------------------
def agenda(
    now: datetime,
    contacts: Iterable[Contact],
    meetings: Iterable[MeetingLike],
    reminders: Iterable[Reminder],
    *,
    days: int = UPCOMING_DAYS,
) -> Agenda:
    """Overdue, today (the day of `now`), and the next `days` days.

    For a day other than today, pass `moment_for(day, clock_now)` as `now`.
    """
    today = now.date()
    horizon = today + timedelta(days=days)
    result = Agenda(day=today, now=now)
    for item in due_items(now, contacts, meetings, reminders, result.left_out):
        starts = _day(item.starts, now)
        if item.overdue:
            result.overdue.append(item)
        elif starts <= today:
            result.today.append(item)
        elif starts <= horizon:
            result.upcoming.append(item)
    return result


def moment_for(day: date, now: datetime) -> datetime:
    """The moment an agenda for `day` is computed at: `now` on today, else that day's start."""
    if day == now.date():
        return now
    return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)


# -- a card's next due thing ----------------------------------------------------------------
def next_due(
    contact: Contact, meetings: Iterable[MeetingLike], reminders: Iterable[Reminder], now: datetime
) -> AgendaItem | None:
    """The contact's most pressing due thing: the oldest overdue one, else the soonest."""
    return next_due_by_contact([contact], meetings, reminders, now).get(contact.id)


def next_due_by_contact(
    contacts: Iterable[Contact],
    meetings: Iterable[MeetingLike],
    reminders: Iterable[Reminder],
    now: datetime,
) -> dict[str, AgendaItem]:
    """`next_due` for many contacts in one pass (the board uses this when it is built)."""
    found: dict[str, AgendaItem] = {}
    waiting: dict[str, AgendaItem] = {}  # confirmations whose day has not come
    for item in due_items(now, contacts, meetings, reminders):
        if item.contact is None:
            continue
        if item.kind is AgendaKind.CONFIRM and _day(item.starts, now) > now.date():
            # Until its day, the meeting itself is the more useful thing for a card to show.
            waiting.setdefault(item.contact.id, item)
            continue
        best = found.get(item.contact.id)
        if best is None or (item.overdue and not best.overdue):
            found[item.contact.id] = item
    for contact_id, item in waiting.items():
        found.setdefault(contact_id, item)
    return found


def days_late(item: AgendaItem, now: datetime) -> int:
    """Whole days since an overdue item's deadline (a check-in's latest day); 0 if today."""
    deadline = item.due
    if item.latest is not None and item.latest > deadline:
        deadline = item.latest
    return max(0, (now.date() - _day(deadline, now)).days)


def due_label(item: AgendaItem, now: datetime) -> str:
    """Short text for a card: 'meeting tomorrow 10:30', 'thank-you due today', 'nudge Mon',
    'check-in by 2 Dec', 'thank-you overdue', 'follow-up 3d late'.

    Every label fits a card's 22 columns at 80x24 with the overdue mark ("! ") in front;
    the overdue ones say "3d late" so they fit a 120-column board's narrower cards too.
    """
    return due_labels(item, now)[0]


def due_labels(item: AgendaItem, now: datetime) -> tuple[str, ...]:
    """The card's label for the item, then shorter ways to say it, for narrower cards
    ('coffee tomorrow 10:30', 'tomorrow 10:30'; 'thank-you due tomorrow', 'thanks tomorrow')."""
    noun = item.noun
    if item.overdue:
        if item.kind is AgendaKind.MEETING:
            return ("meeting to log", "to log")
        late = days_late(item, now)
        if late < 1:
            return (f"{noun} overdue", "overdue")
        return (f"{noun} {late}d late", f"{late}d late")
    if item.kind is AgendaKind.MEETING:
        noun = MEDIUM_NOUN.get(item.meeting.medium, "meeting") if item.meeting else "meeting"
        day = short_day(item.due, now)
        clock = f"{item.due.astimezone(now.tzinfo):%H:%M}"
        label = f"{noun} {day}"
        full = f"{label} {clock}"
        if len(full) > CARD_LABEL_WIDTH:
            return (label, f"{day} {clock}", day)
        return (full, f"{day} {clock}", label, day)
    if item.kind is AgendaKind.THANK_YOU:
        day = short_day(item.due, now)
        label = f"{noun} due {day}"
        short = f"{noun} {day}"
        first = label if len(label) <= CARD_LABEL_WIDTH else short
        return (first, short, f"thanks {day}", day)
    if item.latest is not None and _day(item.starts, now) <= now.date():
        latest = short_day(item.latest, now)
        return (f"{noun} by {latest}", f"by {latest}")
    return (f"{noun} {short_day(item.starts, now)}", short_day(item.starts, now))


def when_text(item: AgendaItem, now: datetime) -> str:
    """The agenda's 'when' column: 'today 16:00', 'by tomorrow 08:00' (a thank-you), 'by Sat',
    'Mon', '3d late'."""
    local = item.due.astimezone(now.tzinfo) if now.tzinfo else item.due
    if item.overdue and item.kind is not AgendaKind.MEETING:
        late = days_late(item, now)
        return f"{late}d late" if late >= 1 else f"late, {local:%H:%M}"
    if item.kind is AgendaKind.THANK_YOU:  # a deadline: in Today from the moment it exists
        return f"by {short_day(item.due, now)} {local:%H:%M}"
    if item.kind is AgendaKind.MEETING:
        return f"{short_day(item.due, now)} {local:%H:%M}"
    if item.latest is not None and _day(item.starts, now) <= now.date():
        return f"by {short_day(item.latest, now)}"
    return short_day(item.starts, now)


def short_day(moment: datetime, now: datetime) -> str:
    """'today', 'tomorrow', 'yesterday', 'Mon' (within the coming week), '2 Dec', and
    '2 Dec 2027' for a day six months or more away in another year."""
    day = _day(moment, now)
    delta = (day - now.date()).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if 1 < delta < 7:
        return f"{day:%a}"
    if day.year == now.year or abs(delta) < 180:  # "3 Jan" in December means next month's
        return f"{day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


# -- plain text (infoint agenda) ------------------------------------------------------------
def render_text(result: Agenda, *, is_today: bool = True) -> str:
    """The agenda as plain text for a shell login or cron."""
    day = result.day
    lines = [f"Agenda for {day:%a} {day.day} {day:%b %Y}", ""]
    sections = [("Overdue", result.overdue), ("Today" if is_today else "That day", result.today)]
    if result.done_for_today:
        lines.append(DONE_FOR_TODAY if is_today else "Nothing due that day.")
    else:
        for heading, items in sections:
            if items:
                lines.append(f"{heading} ({len(items)})")
                lines.extend(_text_row(item, result.now) for item in items)
                lines.append("")
        lines.pop()
    if result.upcoming:
        lines += ["", f"Next {UPCOMING_DAYS} days ({len(result.upcoming)})"]
        lines.extend(_text_row(item, result.now) for item in result.upcoming)
    if result.left_out:
        lines += ["", f"Left out, out of range in the data file ({len(result.left_out)})"]
        lines.extend(f"  {line}" for line in result.left_out)
    return "\n".join(lines) + "\n"


def _text_row(item: AgendaItem, now: datetime) -> str:
    local = item.due.astimezone(now.tzinfo) if now.tzinfo else item.due
    when = f"{local:%a} {local.day} {local:%b} {local:%H:%M}"
    who = f"{clean_text(item.contact_name)}: " if item.contact else ""
    notes = []
    if item.kind is AgendaKind.CHECK_IN and item.latest is not None and not item.overdue:
        latest = item.latest.astimezone(now.tzinfo) if now.tzinfo else item.latest
        by = f"by {latest:%a} {latest.day} {latest:%b}"
        if _day(item.starts, now) <= now.date():  # its window is open: the latest date is news,
            when = by  # the ideal date weeks ago is not
        else:
            notes.append(by)
    if item.snoozed:
        notes.append("snoozed")
    extra = f" ({', '.join(notes)})" if notes else ""
    return f"  {when:<17}{item.kind.value:<11}{who}{clean_text(item.title)}{extra}".rstrip()


# -- snoozing -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SnoozeOption:
    label: str  # "1 day", "3 days", "a week"
    until: datetime


def snooze_options(now: datetime) -> list[SnoozeOption]:
    """1 day, 3 days, a week: each ends at 09:00 on that day."""
    return [
        SnoozeOption(
            label, datetime.combine(now.date() + timedelta(days=n), SNOOZE_HOUR, now.tzinfo)
        )
        for label, n in (("1 day", 1), ("3 days", 3), ("a week", 7))
    ]


def snooze_until(text: str, now: datetime) -> datetime:
    """A snooze end typed in words ("fri", "Dec 3", "in 2 weeks", "next week").

    Raises DateParseError (one line, with a hint) for text it cannot read or a moment that
    is not in the future.
    """
    moment = parse_when(text, now, default_time=SNOOZE_HOUR)
    if moment <= now:
        raise DateParseError(f"{text.strip()!r} is not in the future; snooze to a later date")
    return moment
