"""Following through: confirmations kept in step with the meetings, the 3B7 messages marked
sent, a contact closed as "no answer", and a reminder marked done with what it means. Rules
come from `domain/` (confirm, nudges, rules, steps).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.models import Meeting, Reminder, ReminderKind, TouchKind
from ..domain.stages import Stage
from ..domain.validation import meeting_problems
from .meetings import MeetingActions

if TYPE_CHECKING:
    from ..domain.models import Contact
    from ..domain.steps import Situation

NO_ANSWER_REASON = "no answer"


class FollowThroughActions(MeetingActions):
    def situation(self, contact_id: str, now: datetime) -> Situation:
        """Everything the step rules read about one contact."""
        from ..domain.steps import Situation  # the drafts' rules: not needed at start-up

        contact = self.contact(contact_id)
        return Situation(
            contact=contact,
            settings=self.settings,
            now=now,
            contacts=self.contacts(archived=None),
            meetings=self.meetings(contact_id),
            reminders=self.reminders(contact_id=contact_id),
            touches=self.touches(contact_id),
            targets=self.targets(),
            all_meetings=self.meetings(),
        )

    # -- confirmations --------------------------------------------------------------------------
    def _meetings_to_check(self, now: datetime, contact_id: str | None) -> list[Meeting]:
        """Meetings with a time still to come, and those an open confirm reminder points at
        (of one contact, or all); read without being kept in memory."""
        wanted = {
            slot.id
            for slot in self.meeting_slots(upcoming=True)
            if slot.when is not None
            and slot.when > now
            and (contact_id is None or slot.contact_id == contact_id)
            and not meeting_problems(slot)  # a year 9999 in a hand-edited file: left alone
        }
        wanted |= {
            r.meeting_id
            for r in self.reminders(contact_id=contact_id)
            if r.kind is ReminderKind.CONFIRM and r.meeting_id is not None
        }
        found = []
        for meeting_id in wanted:
            try:
                found.append(self.store.meeting(meeting_id, keep=False))
            except LookupError:  # deleted: its reminder closes
                continue
        return found

    def _contact_changed(self, contact_id: str) -> None:
        """A contact's meetings or stage changed: its confirmations follow."""
        self.sync_confirmations(contact_id=contact_id)

    def sync_confirmations(
        self, now: datetime | None = None, *, contact_id: str | None = None
    ) -> bool:
        """Bring the confirm reminders and the checklist's "confirm" items in line with the
        meetings (created, moved, cancelled, held, ticked in prep), of one contact or all. True
        if anything changed."""
        now = now or self.now()
        meetings = self._meetings_to_check(now, contact_id)
        contacts = {}  # only the few with meetings: start-up decodes no more contacts than it must
        for meeting in meetings:
            try:
                contacts[meeting.contact_id] = self.contact(meeting.contact_id)
            except LookupError:
                continue
        reminders = [
            r
            for r in self.reminders(contact_id=contact_id, open_only=False)
            if r.kind is ReminderKind.CONFIRM
        ]
        from ..domain.confirm import confirm_item, plan_confirmations

        plan = plan_confirmations(meetings, contacts, reminders, now)
        if plan.empty:
            return False
        with self.batch():
            for reminder, reason in plan.close:
                reminder.closed_at, reminder.closed_reason = now, reason
                self.save_reminder(reminder)
            for reminder in plan.done:
                reminder.done_at = now
                self.save_reminder(reminder)
            for reminder in plan.reopen:
                reminder.done_at = reminder.closed_at = None
                reminder.closed_reason = ""
                self.save_reminder(reminder)
            for meeting, ticked in plan.tick:
                item = confirm_item(meeting)
                if item is not None:
                    item.done = ticked
                    self.store.save_meeting(meeting)
            for reminder in plan.create:
                self.save_reminder(reminder)
        return True

    def set_confirmed(self, meeting_id: str, confirmed: bool, now: datetime) -> None:
        """Tick (or untick) the meeting's "confirm" item, and its reminder with it."""
        from ..domain.confirm import confirm_item

        meeting = self.meeting(meeting_id)
        item = confirm_item(meeting)
        with self.batch():
            if item is not None and item.done != confirmed:
                item.done = confirmed
                self.save_meeting(meeting)
            if item is None:  # the user removed the item: the reminder alone says it
                for reminder in self.reminders(
                    contact_id=meeting.contact_id, open_only=not confirmed
                ):
                    if reminder.kind is ReminderKind.CONFIRM and reminder.meeting_id == meeting_id:
                        reminder.done_at = now if confirmed else None
                        self.save_reminder(reminder)
            self.sync_confirmations(now, contact_id=meeting.contact_id)

    def confirmation_sent(self, contact_id: str, text: str, now: datetime) -> None:
        """The confirmation went: logged with its text, the reminder done, the item ticked."""
        from ..domain.confirm import meeting_to_confirm

        meeting = meeting_to_confirm(self.meetings(contact_id), now)
        with self.batch():
            self._drop_draft(contact_id, "confirm")
            self.log_touch(contact_id, TouchKind.MESSAGE_SENT, at=now, note=text)
            if meeting is not None:
                self.set_confirmed(meeting.id, True, now)

    # -- the 3B7 steps --------------------------------------------------------------------------
    def follow_up_sent(self, contact_id: str, text: str, now: datetime) -> None:
        """Followed up once: logged, the follow-up reminder done, and the no-answer suggestion
        set for `rules.NO_ANSWER_BUSINESS_DAYS` business days on."""
        with self.batch():
            self._drop_draft(contact_id, "follow-up")
            self.log_touch(contact_id, TouchKind.MESSAGE_SENT, at=now, note=text)
            self._followed_up(contact_id, now)

    def _followed_up(self, contact_id: str, now: datetime) -> None:
        for reminder in self.reminders(contact_id=contact_id):
            if reminder.kind is ReminderKind.FOLLOW_UP:
                reminder.done_at = now
                self.save_reminder(reminder)
        contact = self.contact(contact_id)
        self._apply(rules.after_follow_up(contact, now, self.reminders(contact_id=contact_id)), now)

    def second_person_sent(self, first_id: str, second_id: str, text: str, now: datetime) -> None:
        """The request to a second person at the first one's company went: the second moves to
        Reached out (their own 3B7 clock starts) and the first's second-person reminder is done."""
        first = self.contact(first_id)
        with self.batch():
            self._drop_draft(second_id, "outreach")
            second = self.contact(second_id)
            if second.stage is Stage.PROSPECTS:
                self.move_contact(second_id, Stage.REACHED_OUT, at=now)
            self.log_touch(second_id, TouchKind.MESSAGE_SENT, at=now, note=text)
            for reminder in self.reminders(contact_id=first_id):
                if reminder.kind is ReminderKind.SECOND_PERSON:
                    reminder.done_at = now
                    self.save_reminder(reminder)
            note = f"Wrote to {second.name} too, at {first.company}"
            self.log_touch(first_id, TouchKind.NOTE, at=now, note=note)

    def close_no_answer(self, contact_id: str, now: datetime) -> Contact:
        """Archive the contact with the reason "no answer" (restoring brings them back)."""
        with self.batch():
            for reminder in self.reminders(contact_id=contact_id):
                if reminder.kind is ReminderKind.NO_ANSWER:
                    reminder.done_at = now
                    self.save_reminder(reminder)
            return self.archive_contact(contact_id, NO_ANSWER_REASON)

    def complete_reminder(self, reminder_id: str) -> Reminder:
        """Mark a reminder done, with what that means: a confirmation ticks the prep checklist; a
        follow-up starts the no-answer wait; "no answer" archives the contact; the rest as
        `ContactActions.complete_reminder` does (a thank-you moves the card to Thanked...)."""
        now = self.now()
        reminder = self.reminder(reminder_id)
        if not reminder.is_open:
            return reminder
        if reminder.kind is ReminderKind.CONFIRM and reminder.meeting_id:
            with self.batch():
                if reminder.contact_id:
                    self.log_touch(
                        reminder.contact_id, TouchKind.MESSAGE_SENT, at=now, note=reminder.title
                    )
                self.set_confirmed(reminder.meeting_id, True, now)
                if reminder.is_open:  # no checklist item to carry it
                    reminder.done_at = now
                    self.save_reminder(reminder)
            return reminder
        if reminder.kind is ReminderKind.NO_ANSWER and reminder.contact_id:
            self.close_no_answer(reminder.contact_id, now)
            return reminder
        with self.batch():
            done = super().complete_reminder(reminder_id)
            if reminder.kind is ReminderKind.FOLLOW_UP and reminder.contact_id:
                self._followed_up(reminder.contact_id, now)
        return done

    def _drop_draft(self, contact_id: str, key: str) -> None:
        contact = self.contact(contact_id)
        if contact.drafts.pop(key, None) is not None:
            self.save_contact(contact)
