"""What the board shows: a light row per contact, its card, its next due thing, the filter.

Pure functions of the data and a moment in time, so the board can be tested without a screen.
Start-up builds cards for every contact but words only the visible ones (`Card.due` is
computed when first drawn), and orders cards by the due time alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple, cast

from .agenda import AgendaItem, MeetingLike, due_label, next_due, next_due_by_contact
from .models import Contact, Reminder
from .stages import Stage


class ContactRow(NamedTuple):
    """What the board and the agenda read of a contact; cheap to make from the raw file."""

    id: str
    name: str
    role: str
    company: str
    tags: tuple[str, ...]
    stage: Stage
    archived: bool
    notes: str
    next_action: str
    next_action_due: datetime | None

    @classmethod
    def of(cls, contact: Contact) -> ContactRow:
        return cls(
            contact.id, contact.name, contact.role, contact.company, tuple(contact.tags),
            contact.stage, contact.archived, contact.notes, contact.next_action,
            contact.next_action_due,
        )  # fmt: skip

    @property
    def role_at_company(self) -> str:
        if self.role and self.company:
            return f"{self.role} @ {self.company}"
        return self.role or self.company


@dataclass(frozen=True)
class Due:
    """The most pressing next thing for a contact, as a card shows it."""

    at: datetime
    text: str
    level: str  # "overdue", "today", "soon" (within a week) or "later"


class Card:
    """One card; its due text is worked out when it is first drawn."""

    __slots__ = ("row", "item", "now", "_due")

    def __init__(self, row: ContactRow, item: AgendaItem | None, now: datetime) -> None:
        self.row, self.item, self.now = row, item, now
        self._due: Due | None = None

    contact_id = property(lambda self: self.row.id)
    name = property(lambda self: self.row.name)
    stage = property(lambda self: self.row.stage)
    tags = property(lambda self: self.row.tags)
    archived = property(lambda self: self.row.archived)
    detail = property(lambda self: self.row.role_at_company)

    @property
    def due(self) -> Due | None:
        if self._due is None and self.item is not None:
            self._due = due_of(self.item, self.now)
        return self._due

    def __repr__(self) -> str:
        return f"Card({self.name!r}, {self.stage.value})"


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
    rows: Iterable[ContactRow],
    reminders: Iterable[Reminder],
    meetings: Iterable[MeetingLike],
    now: datetime,
) -> dict[str, Card]:
    """Cards for many contacts at once; their due things come from the agenda in one pass."""
    people = list(rows)
    # The agenda reads only what ContactRow has of a Contact.
    due = next_due_by_contact(cast(Any, people), meetings, reminders, now)
    return {row.id: Card(row, due.get(row.id), now) for row in people}


def card_for(
    row: ContactRow, reminders: Iterable[Reminder], meetings: Iterable[MeetingLike], now: datetime
) -> Card:
    return Card(row, next_due(cast(Any, row), meetings, reminders, now), now)


def card_order(card: Card) -> tuple[int, str, str]:
    """Cards with something due come first, soonest first; then by name."""
    if card.item is None:
        return (1, "", card.name.casefold())
    return (0, card.item.due.isoformat(), card.name.casefold())


def haystack(row: ContactRow | Contact) -> str:
    """Everything the filter matches: name, company, role, tags and notes."""
    return " ".join((row.name, row.company, row.role, " ".join(row.tags), row.notes)).casefold()


def matches(hay: str, query: str) -> bool:
    """Every word of the query appears somewhere (any case, any order)."""
    return all(word in hay for word in query.casefold().split())
