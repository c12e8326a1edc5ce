"""The board's cards as plain data: a light row per contact, the card, ordering and the filter.

Nothing heavy is imported here, so the board can paint from cards prepared by another process
before the rest of the domain is loaded. `domain/board.py` builds cards from the records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from .stages import Stage

if TYPE_CHECKING:
    from .agenda import AgendaItem
    from .models import Contact


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


class Listing(NamedTuple):
    """What `infoint list` shows of a contact; read from the stored document, not decoded."""

    id: str
    name: str
    company: str
    role: str
    email: str
    phone: str
    url: str
    stage: Stage
    tags: tuple[str, ...]
    source: str
    archived: bool

    @property
    def role_at_company(self) -> str:
        if self.role and self.company:
            return f"{self.role} @ {self.company}"
        return self.role or self.company


class Due(NamedTuple):
    """The most pressing next thing for a contact, as a card shows it."""

    at: datetime
    text: str
    level: str  # "overdue", "today", "soon" (within a week) or "later"
    shorter: tuple[str, ...] = ()  # other ways to say it, shorter, for narrow cards


class Card:
    """One card. Its due text is worked out from the agenda item when first drawn."""

    __slots__ = ("row", "item", "now", "_due", "order", "_haystack")

    def __init__(
        self, row: ContactRow, item: AgendaItem | None, now: datetime, due: Due | None = None
    ) -> None:
        self.row, self.item, self.now = row, item, now
        self._due = due
        self.order: tuple[int, str, str] | None = None  # card_order's key, worked out once
        self._haystack: str | None = None

    contact_id = property(lambda self: self.row.id)
    name = property(lambda self: self.row.name)
    stage = property(lambda self: self.row.stage)
    tags = property(lambda self: self.row.tags)
    archived = property(lambda self: self.row.archived)
    detail = property(lambda self: self.row.role_at_company)

    @property
    def due(self) -> Due | None:
        if self._due is None and self.item is not None:
            self._due = _due_of()(self.item, self.now)
        return self._due

    @property
    def haystack(self) -> str:
        """What the filter matches (worked out on the first search, then kept with the card)."""
        if self._haystack is None:
            self._haystack = haystack(self.row)
        return self._haystack

    @property
    def due_at(self) -> datetime | None:
        if self.item is not None:
            return self.item.due
        return self._due.at if self._due is not None else None

    @property
    def overdue(self) -> bool:
        if self.item is not None:
            return self.item.overdue
        return self._due is not None and self._due.level == "overdue"

    def starts_before(self, moment: datetime) -> bool:
        """Whether its due thing is already on the agenda before `moment` (for "due today")."""
        if self.item is not None:
            return self.item.starts < moment
        return self._due is not None and self._due.level == "today"

    def __repr__(self) -> str:
        return f"Card({self.name!r}, {self.stage.value})"


def _due_of() -> Callable[[AgendaItem, datetime], Due]:
    """domain.board's due_of, imported on first use (the board can paint prepared cards
    before the agenda's rules are loaded), then kept: a card's due is asked for thousands of
    times."""
    global _DUE_OF
    if _DUE_OF is None:
        from .board import due_of

        _DUE_OF = due_of
    return _DUE_OF


_DUE_OF: Callable[[AgendaItem, datetime], Due] | None = None


def card_order(card: Card) -> tuple[int, str, str]:
    """Cards with something due come first, soonest first; then by name."""
    if card.order is None:
        at = card.due_at
        name = card.name.casefold()
        card.order = (1, "", name) if at is None else (0, at.isoformat(), name)
    return card.order


def haystack(row: ContactRow) -> str:
    """Everything the filter matches: name, company, role, tags and notes."""
    return " ".join((row.name, row.company, row.role, " ".join(row.tags), row.notes)).casefold()


def matches(hay: str, query: str) -> bool:
    """Every word of the query appears somewhere (any case, any order)."""
    return all(word in hay for word in query.casefold().split())
