"""The open app's warning before a thank-you window closes: a notification a few hours before
the 24 hours are up (`domain.reminding.WARN_BEFORE`), once per thank-you, with a bell.

The board owns it (the board lives as long as the app). Each time the board's cards are
worked out, the watch warns about what is due now and sets one timer for the next warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.timer import Timer

    from ..domain.models import Reminder
    from .board import BoardScreen


class ThankYouWatch:
    def __init__(self, board: BoardScreen) -> None:
        self.board = board
        self.warned: set[str] = set()  # reminder ids already warned about
        self._timer: Timer | None = None

    def plan(self, reminders: Iterable[Reminder]) -> list[str]:
        """Warn about what is due now; set the timer for the next warning. The ids warned now."""
        from ..domain.models import ReminderKind
        from ..domain.reminding import WARN_BEFORE

        reminders = list(reminders)
        found = self.check(reminders)
        now = self.board.now
        upcoming = [
            r.due - WARN_BEFORE
            for r in reminders
            if r.is_open
            and r.kind is ReminderKind.THANK_YOU
            and r.id not in self.warned
            and r.due - WARN_BEFORE > now
        ]
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if upcoming:
            wait = (min(upcoming) - now).total_seconds()
            self._timer = self.board.set_timer(wait, self._fire)
        return found

    def _fire(self) -> None:
        self._timer = None
        self.plan(self.board.campaign.reminders())

    def check(self, reminders: Iterable[Reminder] | None = None) -> list[str]:
        """Warn about each thank-you whose window closes soon, once; the ids warned now."""
        from ..domain.compose import Countdown  # imported when first needed: start-up time
        from ..domain.reminding import thank_you_warnings

        board = self.board
        campaign = board.campaign
        now = board.now
        found = []
        for reminder in thank_you_warnings(
            campaign.reminders() if reminders is None else reminders, now
        ):
            if reminder.id in self.warned or reminder.contact_id is None:
                continue
            self.warned.add(reminder.id)
            found.append(reminder.id)
            name = campaign.contact(reminder.contact_id).name
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
