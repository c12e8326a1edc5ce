"""What the board shows: each contact's card, its next due thing, and the filter.

Pure functions of the data and a moment in time, so the board can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from .models import Contact, Reminder, ReminderKind

DUE_WORDS = {
    ReminderKind.THANK_YOU: "thank-you by",
    ReminderKind.SECOND_PERSON: "2nd person?",
    ReminderKind.FOLLOW_UP: "follow up",
    ReminderKind.CHECK_IN: "check in",
    ReminderKind.ACTION: "to do",
    ReminderKind.CUSTOM: "reminder",
}
MEDIUM_WORDS = {"phone": "call", "video": "video", "coffee": "coffee", "in-person": "meeting"}


class MeetingTime(Protocol):
    @property
    def contact_id(self) -> str: ...
    @property
    def when(self) -> datetime | None: ...
    @property
    def ended_at(self) -> datetime | None: ...
    @property
    def medium(self) -> str: ...


@dataclass(frozen=True)
class Due:
    """The most pressing next thing for a contact."""

    at: datetime
    text: str
    level: str  # "overdue", "today", "soon" (within a week) or "later"


@dataclass(frozen=True)
class Card:
    contact_id: str
    name: str
    detail: str
    due: Due | None
    tags: tuple[str, ...]
    archived: bool


def short_when(at: datetime, now: datetime) -> str:
    """As short as a card needs: '14:00', 'tmrw 10:30', 'Mon 9:00', '3 Dec'; or how late."""
    local = at.astimezone(now.tzinfo)
    if at < now:
        late = now - at
        if late < timedelta(hours=1):
            return f"{max(1, int(late.total_seconds() // 60))}m late"
        if late < timedelta(days=1):
            return f"{int(late.total_seconds() // 3600)}h late"
        return f"{late.days}d late"
    days = (local.date() - now.date()).days
    clock = f"{local.hour}:{local.minute:02d}"
    if days == 0:
        return clock
    if days == 1:
        return f"tmrw {clock}"
    if days < 7:
        return f"{local:%a} {clock}"
    return f"{local.day} {local:%b}"


def due_level(at: datetime, now: datetime) -> str:
    if at < now:
        return "overdue"
    if at.astimezone(now.tzinfo).date() == now.date():
        return "today"
    return "soon" if at - now <= timedelta(days=7) else "later"


def next_due(
    contact: Contact,
    reminders: Iterable[Reminder],
    meetings: Iterable[MeetingTime],
    now: datetime,
) -> Due | None:
    """The earliest open reminder or upcoming meeting of `contact`."""
    best: Due | None = None
    for reminder in reminders:
        if not reminder.is_open:
            continue
        at = reminder.effective_due
        if best is None or at < best.at:
            words = (
                reminder.title
                if reminder.kind is ReminderKind.ACTION and reminder.title
                else DUE_WORDS[reminder.kind]
            )
            best = Due(at, f"{words} {short_when(at, now)}", due_level(at, now))
    for meeting in meetings:
        if meeting.when is None or meeting.ended_at is not None:
            continue
        if best is None or meeting.when < best.at:
            words = MEDIUM_WORDS.get(meeting.medium, "meeting")
            level = due_level(meeting.when, now)
            if level == "overdue":
                words = "end the " + words + "?"
            best = Due(meeting.when, f"{words} {short_when(meeting.when, now)}", level)
    return best


def build_cards(
    contacts: Iterable[Contact],
    reminders: Iterable[Reminder],
    meetings: Iterable[MeetingTime],
    now: datetime,
) -> dict[str, Card]:
    """Cards for many contacts at once: reminders and meetings are grouped in one pass."""
    reminders_of: dict[str, list[Reminder]] = {}
    for reminder in reminders:
        if reminder.contact_id is not None and reminder.is_open:
            reminders_of.setdefault(reminder.contact_id, []).append(reminder)
    meetings_of: dict[str, list[MeetingTime]] = {}
    for meeting in meetings:
        if meeting.ended_at is None and meeting.when is not None:
            meetings_of.setdefault(meeting.contact_id, []).append(meeting)
    return {
        c.id: card_for(c, reminders_of.get(c.id, ()), meetings_of.get(c.id, ()), now)
        for c in contacts
    }


def card_for(
    contact: Contact, reminders: Iterable[Reminder], meetings: Iterable[MeetingTime], now: datetime
) -> Card:
    return Card(
        contact_id=contact.id,
        name=contact.name,
        detail=contact.role_at_company,
        due=next_due(contact, reminders, meetings, now),
        tags=tuple(contact.tags),
        archived=contact.archived,
    )


def card_order(card: Card) -> tuple[int, str, str]:
    """Cards with something due come first, soonest first; then by name."""
    if card.due is None:
        return (1, "", card.name.casefold())
    return (0, card.due.at.isoformat(), card.name.casefold())


def haystack(contact: Contact) -> str:
    """Everything the filter matches: name, company, role, tags and notes."""
    return " ".join(
        (contact.name, contact.company, contact.role, " ".join(contact.tags), contact.notes)
    ).casefold()


def matches(hay: str, query: str) -> bool:
    """Every word of the query appears somewhere (any case, any order)."""
    return all(word in hay for word in query.casefold().split())
