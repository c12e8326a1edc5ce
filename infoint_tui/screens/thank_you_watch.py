"""The open app's warning before a thank-you window closes: a notification a few hours before
the 24 hours are up (`domain.reminding.WARN_BEFORE`), once per thank-you, with a bell.

The board owns it (the board lives as long as the app): it checks when the board is rebuilt
and every few minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.models import Reminder
    from .board import BoardScreen

CHECK_EVERY_S = 300.0


class ThankYouWatch:
    def __init__(self, board: BoardScreen) -> None:
        self.board = board
        self.warned: set[str] = set()  # reminder ids already warned about

    def check(self, reminders: Iterable[Reminder] | None = None) -> list[str]:
        """Warn about each thank-you whose window closes soon, once; the ids warned now."""
        from ..domain.compose import Countdown  # imported when first needed: start-up time
        from ..domain.reminding import thank_you_warnings

        board = self.board
        repo = board.repo
        now = board.now
        found = []
        for reminder in thank_you_warnings(
            repo.reminders() if reminders is None else reminders, now
        ):
            if reminder.id in self.warned or reminder.contact_id is None:
                continue
            self.warned.add(reminder.id)
            found.append(reminder.id)
            name = repo.contact(reminder.contact_id).name
            left = Countdown(reminder.due, reminder.due - now).text
            closes = reminder.due.astimezone(now.tzinfo)
            board.app.notify(
                f"{left} to thank {name}: the 24 hours are up at {closes:%H:%M}. "
                "c on their card writes it; short is fine.",
                title="Thank-you",
                severity="warning",
                timeout=60,
                markup=False,
            )
            board.app.bell()
        return found
