"""Sending a message: what "mark sent" does for each step (domain/sending.py names them)."""

from __future__ import annotations

from ..domain.models import ReminderKind, TouchKind
from ..domain.sending import CONFIRM, FOLLOW_UP, OUTREACH, THANK_YOU
from ..domain.stages import Stage
from .follow_through import FollowThroughActions


class MessageActions(FollowThroughActions):
    def record_sent(
        self, contact_id: str, kind: str, text: str, second_of: str | None = None
    ) -> None:
        """Log the message with its text, move the card on, drop the kept draft: one change.
        A request with `second_of` went to a second person at that contact's company."""
        now = self.now()
        if kind == OUTREACH and second_of is not None:
            self.second_person_sent(second_of, contact_id, text, now)
            return
        if kind == FOLLOW_UP:
            self.follow_up_sent(contact_id, text, now)
            return
        if kind == CONFIRM:
            self.confirmation_sent(contact_id, text, now)
            return
        contact = self.contact(contact_id)
        touch = {OUTREACH: TouchKind.MESSAGE_SENT, THANK_YOU: TouchKind.THANK_YOU}.get(
            kind, TouchKind.CHECK_IN
        )
        with self.batch():
            if contact.drafts.pop(kind, None) is not None:
                self.store.save_contact(contact)
            if kind == OUTREACH:
                if contact.stage is Stage.PROSPECTS:
                    self.move_contact(contact.id, Stage.REACHED_OUT)
                else:  # a follow-up: it answers the 3B7 follow-up reminder once that is due
                    for reminder in self.reminders(contact_id=contact.id):
                        if (
                            reminder.kind is ReminderKind.FOLLOW_UP
                            and reminder.effective_due <= now
                        ):
                            reminder.done_at = now
                            self.store.save_reminder(reminder)
            self.log_touch(contact.id, touch, note=text)
