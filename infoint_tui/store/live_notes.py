"""What live notes change in the campaign: captures, referrals, and the end of an interview.

Each is one batch (one write, all or nothing) through the Repository, so the rules run the
same way they do from the board or the command line. The caller puts the editor's latest
text into `meeting.notes` first: the meeting is saved with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain.live_notes import action_reminder
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
from .repository import Repository


def record_capture(
    repo: Repository,
    meeting: Meeting,
    kind: CaptureKind,
    text: str,
    tiara: Tiara | None,
    at: datetime,
) -> tuple[Capture, Reminder | None]:
    """Log a capture on the meeting; an action item also becomes an ACTION reminder."""
    capture = Capture(at=at, kind=kind, text=text, tiara=tiara)
    reminder = None
    with repo.batch():
        if kind in (CaptureKind.ACTION_MINE, CaptureKind.ACTION_THEIRS):
            reminder = action_reminder(capture, repo.contact(meeting.contact_id), meeting, at)
            repo.save_reminder(reminder)
            capture.reminder_id = reminder.id
        meeting.log.append(capture)
        repo.save_meeting(meeting)
    return capture, reminder


def add_referral(
    repo: Repository, meeting: Meeting, name: str, company: str, at: datetime
) -> tuple[Contact, Capture]:
    """A new Prospect referred by the meeting's contact, a touch on the referrer, a log line."""
    referrer = repo.contact(meeting.contact_id)
    label = f"{name} @ {company}" if company else name
    with repo.batch():
        prospect = Contact(
            name=name,
            company=company,
            source="referral",
            referred_by=referrer.id,
            stage=Stage.PROSPECTS,
        )
        repo.add_contact(prospect, at=at)
        repo.log_touch(referrer.id, TouchKind.REFERRAL, at=at, note=f"Referred {label}")
        capture = Capture(at=at, kind=CaptureKind.REFERRAL, text=label, contact_id=prospect.id)
        meeting.log.append(capture)
        repo.save_meeting(meeting)
    return prospect, capture


def end_interview(
    repo: Repository, meeting: Meeting, at: datetime, started: datetime
) -> Reminder | None:
    """Record the times, move the contact to Interviewed, log the meeting; the thank-you due.

    `started` is used when the clock never ran (nothing was typed before the end).
    """
    contact = repo.contact(meeting.contact_id)
    meeting.started_at = meeting.started_at or started
    meeting.ended_at = at
    if meeting.when is None or not (
        meeting.started_at - timedelta(hours=1) <= meeting.when <= at
    ):  # held at another time than planned (not notes begun the evening before): dated then
        meeting.when = max(meeting.started_at, at - timedelta(minutes=meeting.duration_min))
    with repo.batch():
        repo.save_meeting(meeting)  # first: the thank-you is due from the meeting's end
        if contact.stage is not Stage.INTERVIEWED:
            repo.move_contact(contact.id, Stage.INTERVIEWED, at=at)
        repo.log_touch(contact.id, TouchKind.MEETING, at=at)
    due = [r for r in repo.reminders(contact_id=contact.id) if r.kind is ReminderKind.THANK_YOU]
    return due[0] if due else None
