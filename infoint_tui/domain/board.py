"""What the board shows: each contact's card, its next due thing, and the filter.

Pure functions of the data and a moment in time, so the board can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .agenda import AgendaItem, MeetingLike, due_label, next_due, next_due_by_contact
from .models import Contact, Reminder


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


def due_of(item: AgendaItem, now: datetime) -> Due:
    """A card's view of the agenda item that is most pressing for its contact."""
    if item.overdue:
        level = "overdue"
    elif item.starts.astimezone(now.tzinfo).date() <= now.date():
        level = "today"
    else:
        level = "soon" if item.due - now <= timedelta(days=7) else "later"
    return Due(item.due, due_label(item, now), level)


def build_cards(
    contacts: Iterable[Contact],
    reminders: Iterable[Reminder],
    meetings: Iterable[MeetingLike],
    now: datetime,
) -> dict[str, Card]:
    """Cards for many contacts at once; their due things come from the agenda in one pass."""
    people = list(contacts)
    due = next_due_by_contact(people, meetings, reminders, now)
    return {c.id: _card(c, due.get(c.id), now) for c in people}


def card_for(
    contact: Contact, reminders: Iterable[Reminder], meetings: Iterable[MeetingLike], now: datetime
) -> Card:
    return _card(contact, next_due(contact, meetings, reminders, now), now)


def _card(contact: Contact, item: AgendaItem | None, now: datetime) -> Card:
    return Card(
        contact_id=contact.id,
        name=contact.name,
        detail=contact.role_at_company,
        due=due_of(item, now) if item is not None else None,
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
