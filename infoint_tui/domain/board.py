"""Building the board's cards from the records: each contact's next due thing from the agenda.

Start-up builds cards for every contact but words only the visible ones (`Card.due` is worked
out when first drawn), and orders cards by the due time alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, cast

from .agenda import AgendaItem, MeetingLike, due_labels, next_due, next_due_by_contact
from .cards import Card, ContactRow, Due
from .models import Reminder


def due_of(item: AgendaItem, now: datetime) -> Due:
    """A card's view of the agenda item that is most pressing for its contact."""
    if item.overdue:
        level = "overdue"
    elif item.starts.astimezone(now.tzinfo).date() <= now.date():
        level = "today"
    else:
        level = "soon" if item.due - now <= timedelta(days=7) else "later"
    text, *shorter = due_labels(item, now)
    return Due(item.due, text, level, tuple(shorter))


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
