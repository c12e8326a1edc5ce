"""Actions on contacts: add, edit, move between stages, archive, delete, log a touch, and the
reminders a contact owes or is owed."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.models import Contact, Reminder, StageChange, Touch, TouchKind
from ..domain.stages import Stage
from .base import CampaignBase

if TYPE_CHECKING:
    from ..domain.touches import Logged


class ContactActions(CampaignBase):
    def add_contact(self, contact: Contact, *, at: datetime | None = None) -> Contact:
        """A new contact, with what entering its stage means (a Reached out one owes nudges)."""
        moment = at or self.now()
        contact.created_at = contact.created_at or moment
        with self.batch():
            if not contact.history:
                contact.history.append(StageChange(stage=contact.stage, at=moment))
                self._apply(
                    rules.entering_stage(
                        contact, contact.stage, None, moment, self.settings, [], None
                    ),
                    moment,
                )
            self.store.save_contact(contact)
        return contact

    def save_contact(self, contact: Contact) -> Contact:
        """Save edited fields; a changed stage is a move, with its effects."""
        stored = self.store.contact(contact.id) if self.store.has_contact(contact.id) else None
        if stored is not None and stored is not contact and stored.stage != contact.stage:
            wanted = contact.stage
            contact.stage = stored.stage
            with self.batch():
                self.store.save_contact(contact)
                self.move_contact(contact.id, wanted)
            return contact
        return self.store.save_contact(contact)

    def move_contact(self, contact_id: str, stage: Stage, *, at: datetime | None = None) -> Contact:
        """Move to `stage`, recorded with its time; entering it has the stage's effects."""
        contact = self.contact(contact_id)
        old = contact.stage
        if old == stage:
            return contact
        moment = at or self.now()
        implied = rules.touch_implied_by_move(contact, old, stage, self.touches(contact_id))
        if implied is not None:  # the touch's own rules close what it answers, move the card
            self.log_touch(contact_id, implied, at=moment, note=rules.IMPLIED_THANK_YOU)
            return self.contact(contact_id)
        with self.batch():
            contact.stage = stage
            contact.history.append(StageChange(stage=stage, at=moment, from_stage=old))
            effects = rules.entering_stage(
                contact,
                stage,
                old,
                moment,
                self.settings,
                self.reminders(contact_id=contact_id),
                self.last_meeting(contact_id),
                self.touches(contact_id),
            )
            self._apply(effects, moment)
            self.store.save_contact(contact)
            self._contact_changed(contact_id)
        return contact

    def undo_move(self, contact_id: str, stage: Stage) -> Contact:
        """Take back the move just made (a key pressed by mistake): the card goes back to
        `stage`, with what entering it again means, and neither move stays in the history the
        funnel counts."""
        contact = self.contact(contact_id)
        mistaken = contact.history[-1] if contact.history else None
        with self.batch():
            if mistaken is not None:  # what the move logged by itself goes with it
                self._forget_implied_touches(contact, mistaken.at)
            contact = self.move_contact(contact_id, stage)
            if mistaken is not None and mistaken.from_stage == stage and len(contact.history) > 2:
                del contact.history[-2:]
                self.store.save_contact(contact)
        return contact

    def _forget_implied_touches(self, contact: Contact, at: datetime) -> None:
        implied = [
            t for t in self.touches(contact.id) if t.at == at and t.note == rules.IMPLIED_THANK_YOU
        ]
        if not implied:
            return
        for touch in implied:
            self.store.delete_touch(touch.id)
        contact.last_contact = max(
            (t.at for t in self.touches(contact.id) if rules.restarts_clock(t.kind)),
            default=None,
        )
        self.store.save_contact(contact)

    def archive_contact(self, contact_id: str, reason: str = "") -> Contact:
        """Close the contact (declined, no answer, not a fit): off the board, reminders closed."""
        contact = self.contact(contact_id)
        moment = self.now()
        with self.batch():
            contact.archived, contact.archived_at, contact.archive_reason = True, moment, reason
            self._apply(rules.on_archive(contact, self.reminders(contact_id=contact_id)), moment)
            self.store.save_contact(contact)
            self._contact_changed(contact_id)
        return contact

    def restore_contact(self, contact_id: str) -> Contact:
        """Bring an archived contact back; its stage's reminders start again from now."""
        contact = self.contact(contact_id)
        moment = self.now()
        with self.batch():
            contact.archived, contact.archived_at, contact.archive_reason = False, None, ""
            self._apply(
                rules.on_restore(
                    contact,
                    moment,
                    self.settings,
                    self.reminders(contact_id=contact_id),
                    self.last_meeting(contact_id),
                    self.touches(contact_id),
                ),
                moment,
            )
            self.store.save_contact(contact)
            self._contact_changed(contact_id)
        return contact

    def delete_contact(self, contact_id: str) -> None:
        """Delete for good, with the contact's meetings, reminders and touches; whoever they
        referred keeps their record, without the link."""
        self.contact(contact_id)
        with self.batch():
            for meeting in self.meetings(contact_id):
                self.store.delete_meeting(meeting.id)
            for reminder in self.reminders(contact_id=contact_id, open_only=False):
                self.store.delete_reminder(reminder.id)
            for touch in self.touches(contact_id):
                self.store.delete_touch(touch.id)
            for other in self.referrals_of(contact_id):
                other.referred_by = None
                self.store.save_contact(other)
            self.store.delete_contact(contact_id)

    # -- touches -------------------------------------------------------------------------------
    def log_touch(
        self, contact_id: str, kind: TouchKind, *, at: datetime | None = None, note: str = ""
    ) -> Touch:
        """Record a contact made: it restarts the keep-in-touch clock, closes what it answers,
        and moves the card where the touch says it goes (a thank-you sent: Thanked)."""
        contact = self.contact(contact_id)
        touch = Touch(contact_id=contact_id, kind=kind, at=at or self.now(), note=note)
        with self.batch():
            self.store.save_touch(touch)
            if rules.restarts_clock(kind) and (
                contact.last_contact is None or touch.at >= contact.last_contact
            ):
                contact.last_contact = touch.at
                self.store.save_contact(contact)
            self._apply(
                rules.after_touch(
                    contact,
                    touch,
                    self.settings,
                    self.reminders(contact_id=contact_id),
                    self.touches(contact_id),
                ),
                touch.at,
            )
            move = rules.stage_after_touch(kind, contact.stage)
            if move is not None:
                self.move_contact(contact_id, move, at=touch.at)
        return touch

    def record_touch(
        self, contact_id: str, kind: TouchKind, at: datetime, note: str = ""
    ) -> Logged:
        """Log a touch the user reported, and say what it closed and where the card went."""
        from ..domain.touches import Logged, closed_to_report

        contact = self.contact(contact_id)
        before = {r.id for r in self.reminders(contact_id=contact_id)}
        stage = contact.stage
        self.log_touch(contact_id, kind, at=at, note=note.strip())
        closed = closed_to_report(
            r
            for r in self.reminders(contact_id=contact_id, open_only=False)
            if r.id in before and not r.is_open
        )
        moved = self.contact(contact_id).stage
        return Logged(contact.name, kind, at, closed, moved if moved is not stage else None)

    # -- reminders -----------------------------------------------------------------------------
    def complete_reminder(self, reminder_id: str) -> Reminder:
        """Mark done, with what that means the user did (`rules.after_done`): a check-in done is
        a check-in touch (which schedules the next), a thank-you done a thank-you touch (which
        moves the card to Thanked), a follow-up done a message sent."""
        reminder = self.reminder(reminder_id)
        if not reminder.is_open:
            return reminder
        moment = self.now()
        with self.batch():
            reminder.done_at = moment
            self.store.save_reminder(reminder)
            contact_id = reminder.contact_id or ""
            if self.store.has_contact(contact_id):
                touch = rules.after_done(reminder)
                if touch is not None:
                    self.log_touch(contact_id, touch, at=moment, note=reminder.title)
        return reminder

    def snooze_reminder(self, reminder_id: str, until: datetime) -> Reminder:
        reminder = self.reminder(reminder_id)
        reminder.snoozed_until = until
        return self.store.save_reminder(reminder)

    def done_next_action(self, contact_id: str, title: str) -> Contact:
        """The contact's own next action is done: cleared, and kept in the timeline as a note."""
        changed = copy.deepcopy(self.contact(contact_id))
        changed.next_action, changed.next_action_due = "", None
        with self.batch():
            self.log_touch(contact_id, TouchKind.NOTE, note=f"Done: {title}")
            self.save_contact(changed)
        return changed

    def set_next_action(self, contact_id: str, title: str, due: datetime | None) -> Contact:
        changed = copy.deepcopy(self.contact(contact_id))
        changed.next_action, changed.next_action_due = title, due
        return self.save_contact(changed)

    def _apply(self, effects: rules.Effects, moment: datetime) -> None:
        """Store what a rule said: reminders closed (with the reason) and created."""
        for reminder, reason in effects.close:
            reminder.closed_at, reminder.closed_reason = moment, reason
            self.store.save_reminder(reminder)
        for reminder in effects.create:
            reminder.created_at = reminder.created_at or moment
            self.store.save_reminder(reminder)
