"""Actions on meetings: prepare the next one, capture during the call, end the interview.

Live notes put the editor's latest text into `meeting.notes` before calling these: the meeting
is saved with it, in the same change.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    Reminder,
    ReminderKind,
    Tiara,
    TouchKind,
)
from ..domain.stages import Stage
from .contacts import ContactActions


class MeetingActions(ContactActions):
    def ensure_next_meeting(self, contact_id: str) -> Meeting:
        """The contact's next meeting, created with the default prep if there is none."""
        from ..domain.prep import new_meeting_defaults  # the prep's rules: not at start-up

        existing = self.next_meeting(contact_id)
        if existing is not None:
            return existing
        self.contact(contact_id)
        meeting = Meeting(
            contact_id=contact_id,
            duration_min=self.settings.default_duration_min,
            created_at=self.now(),
        )
        new_meeting_defaults(meeting, self.settings)
        return self.store.save_meeting(meeting)

    def save_meeting(self, meeting: Meeting) -> Meeting:
        self.contact(meeting.contact_id)
        meeting.created_at = meeting.created_at or self.now()
        with self.batch():
            self.store.save_meeting(meeting)
            self._contact_changed(meeting.contact_id)
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        contact_id = self.meeting(meeting_id).contact_id
        with self.batch():
            self.store.delete_meeting(meeting_id)
            self._contact_changed(contact_id)

    def record_capture(
        self, meeting: Meeting, kind: CaptureKind, text: str, tiara: Tiara | None, at: datetime
    ) -> tuple[Capture, Reminder | None]:
        """Log a capture on the meeting; an action item also becomes a reminder."""
        from ..domain.live_notes import action_reminder

        capture = Capture(at=at, kind=kind, text=text, tiara=tiara)
        reminder = None
        with self.batch():
            if kind in (CaptureKind.ACTION_MINE, CaptureKind.ACTION_THEIRS):
                reminder = action_reminder(capture, self.contact(meeting.contact_id), meeting, at)
                self.save_reminder(reminder)
                capture.reminder_id = reminder.id
            meeting.log.append(capture)
            self.save_meeting(meeting)
        return capture, reminder

    def add_referral(
        self, meeting: Meeting, name: str, company: str, at: datetime
    ) -> tuple[Contact, Capture]:
        """A new Prospect referred by the meeting's contact, a touch on the referrer, a log line."""
        referrer = self.contact(meeting.contact_id)
        label = f"{name} @ {company}" if company else name
        with self.batch():
            prospect = Contact(
                name=name,
                company=company,
                source="referral",
                referred_by=referrer.id,
                stage=Stage.PROSPECTS,
            )
            self.add_contact(prospect, at=at)
            self.log_touch(referrer.id, TouchKind.REFERRAL, at=at, note=f"Referred {label}")
            capture = Capture(at=at, kind=CaptureKind.REFERRAL, text=label, contact_id=prospect.id)
            meeting.log.append(capture)
            self.save_meeting(meeting)
        return prospect, capture

    def end_interview(self, meeting: Meeting, at: datetime, started: datetime) -> Reminder | None:
        """Record the times, move the contact to Interviewed, log the meeting; the thank-you due.

        `started` is used when the clock never ran (nothing was typed before the end).
        """
        contact = self.contact(meeting.contact_id)
        meeting.started_at = meeting.started_at or started
        meeting.ended_at = at
        if meeting.when is None or not (
            meeting.started_at - timedelta(hours=1) <= meeting.when <= at
        ):  # held at another time than planned (not notes begun the evening before): dated then
            meeting.when = max(meeting.started_at, at - timedelta(minutes=meeting.duration_min))
        with self.batch():
            self.save_meeting(meeting)  # first: the thank-you is due from the meeting's end
            if contact.stage is not Stage.INTERVIEWED:
                self.move_contact(contact.id, Stage.INTERVIEWED, at=at)
            self.log_touch(contact.id, TouchKind.MEETING, at=at)
        due = [r for r in self.reminders(contact_id=contact.id) if r.kind is ReminderKind.THANK_YOU]
        return due[0] if due else None
