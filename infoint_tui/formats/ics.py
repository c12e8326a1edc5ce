"""The iCalendar export: meetings as events, open reminders as to-dos (or events), via `icalendar`.

Each item's UID is derived from its record id, so importing a newer export into a calendar
updates the items it already holds instead of adding copies. Times are written in UTC, which
every calendar converts to its own zone without needing time-zone definitions.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Literal

from .. import __version__
from ..domain.models import Contact, Medium, Meeting, Reminder
from ..domain.prep import i_pick_up_the_tab
from ..domain.text import clean_text
from .snapshot import Snapshot

UID_DOMAIN = "infoint"
REMINDER_MINUTES = 15  # how long a reminder blocks when written as an event
RemindersAs = Literal["todo", "event"]

_VERB = {
    Medium.PHONE: "Phone call with",
    Medium.VIDEO: "Video call with",
    Medium.COFFEE: "Coffee with",
    Medium.IN_PERSON: "Meeting with",
}


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.id}@{UID_DOMAIN}"


def reminder_uid(reminder: Reminder) -> str:
    return f"reminder-{reminder.id}@{UID_DOMAIN}"


def export_ics(
    campaign: Snapshot,
    now: datetime,
    *,
    reminders_as: RemindersAs = "todo",
    left_out: list[str] | None = None,
) -> bytes:
    """Meetings that have a time, and open reminders, of contacts who are not archived.

    Records out of range (a file edited by hand) are left out, and named in `left_out` when
    given. Text is written without control characters, which RFC 5545 does not allow.
    """
    from icalendar import Calendar, Event, Todo

    campaign = campaign.in_range(left_out if left_out is not None else [])
    contacts = {c.id: c for c in campaign.contacts}
    stamp = now.astimezone(timezone.utc)
    # Calendars accept an item again only with a higher SEQUENCE; minutes since 1970 grow with
    # every export, so each re-import counts as the newer version.
    sequence = int(stamp.timestamp() // 60)
    calendar = Calendar()
    calendar.add("prodid", f"-//infoint//infoint {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Informational interviews")
    for meeting in campaign.meetings:
        contact = contacts.get(meeting.contact_id)
        if meeting.when is None or contact is None or contact.archived:
            continue
        event = Event()
        start = meeting.when.astimezone(timezone.utc)
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=meeting.duration_min))
        place = _line(meeting.place)
        event.add("summary", f"{_VERB[meeting.medium]} {_line(contact.name)}" + _about(contact))
        event.add("location", place or meeting.medium.label)
        if place.startswith(("http://", "https://")):
            event.add("url", place)
        event.add("description", _meeting_description(meeting, contact))
        event.add("status", "CONFIRMED")
        event.add("categories", ["Informational interview"])
        calendar.add_component(event)
    meeting_ids = {m.id for m in campaign.meetings}
    for reminder in campaign.reminders:
        contact = contacts.get(reminder.contact_id or "")
        if not reminder.is_open or (contact is not None and contact.archived):
            continue
        due = reminder.effective_due.astimezone(timezone.utc)
        item = Todo() if reminders_as == "todo" else Event()
        item.add("uid", reminder_uid(reminder))
        item.add("dtstamp", stamp)
        item.add("sequence", sequence)
        item.add("summary", _reminder_title(reminder, contact))
        if reminders_as == "todo":
            item.add("due", due)
            item.add("status", "NEEDS-ACTION")
        else:
            item.add("dtstart", due)
            item.add("dtend", due + timedelta(minutes=REMINDER_MINUTES))
            item.add("transp", "TRANSPARENT")  # a reminder does not make me busy
        if contact is not None:
            item.add("description", _contact_lines(contact))
        if reminder.meeting_id in meeting_ids:
            item.add("related-to", f"meeting-{reminder.meeting_id}@{UID_DOMAIN}")
        calendar.add_component(item)
    return bytes(calendar.to_ical())


def _line(text: str) -> str:
    return clean_text(text).strip()


def _block(text: str) -> str:
    return clean_text(text, multiline=True).strip()


def _about(contact: Contact) -> str:
    about = _line(contact.role_at_company)
    return f" ({about})" if about else ""


def _reminder_title(reminder: Reminder, contact: Contact | None) -> str:
    title = _line(reminder.title) or reminder.kind.value.replace("-", " ").capitalize()
    name = _line(contact.name) if contact is not None else ""
    if name and name.split()[0] not in title:
        title += f": {name}"
    return title


def _contact_lines(contact: Contact) -> str:
    lines = [f"{_line(contact.name)}{_about(contact)}"]
    lines += [_line(value) for value in (contact.email, contact.phone, contact.url) if value]
    return "\n".join(lines)


def _meeting_description(meeting: Meeting, contact: Contact) -> str:
    parts = [_contact_lines(contact)]
    if _block(meeting.objectives):
        parts.append("Objectives:\n" + _block(meeting.objectives))
    if _block(meeting.ask):
        parts.append("The ask:\n" + _block(meeting.ask))
    if meeting.questions:
        parts.append("Questions:\n" + "\n".join(f"- {_line(q.text)}" for q in meeting.questions))
    if i_pick_up_the_tab(meeting):
        parts.append("I pick up the tab.")
    return "\n\n".join(parts)
