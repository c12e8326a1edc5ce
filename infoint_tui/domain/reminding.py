"""What a desktop notification says: the agenda's due items in a title and a few lines, and
the thank-yous whose 24 hours are nearly up (the open app warns once, a few hours before).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from .agenda import Agenda
from .models import Reminder, ReminderKind
from .text import clean_text

WARN_BEFORE = timedelta(hours=3)  # time enough to write a short thank-you
MAX_LINES = 5


def notification(result: Agenda) -> tuple[str, str] | None:
    """(title, body) for what is overdue or due today; None when nothing is."""
    due = [*result.overdue, *result.today]
    if not due:
        return None
    counts = []
    if result.overdue:
        counts.append(f"{len(result.overdue)} overdue")
    if result.today:
        counts.append(f"{len(result.today)} due today")
    lines = []
    for item in due[:MAX_LINES]:
        who = f"{item.contact_name}: " if item.contact else ""
        late = " (overdue)" if item.overdue else ""
        lines.append(clean_text(f"{who}{item.title}{late}"))
    if len(due) > MAX_LINES:
        lines.append(f"… and {len(due) - MAX_LINES} more (infoint agenda)")
    return "infoint: " + ", ".join(counts), "\n".join(lines)


def thank_you_warnings(
    reminders: Iterable[Reminder], now: datetime, lead: timedelta = WARN_BEFORE
) -> list[Reminder]:
    """Open thank-yous due within `lead` and not yet due (a snooze does not move the promise)."""
    return [
        r
        for r in reminders
        if r.is_open and r.kind is ReminderKind.THANK_YOU and r.due - lead <= now < r.due
    ]
