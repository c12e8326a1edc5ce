"""A contact's history in one list: stage changes, job changes, meetings, touches, reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .jobs import JobMove
from .models import Contact, Meeting, Reminder, Touch
from .touches import CHOICE_OF


class CampaignReader(Protocol):
    def contact(self, contact_id: str) -> Contact: ...
    def meetings(self, contact_id: str | None = None) -> list[Meeting]: ...
    def touches(self, contact_id: str | None = None) -> list[Touch]: ...
    def reminders(
        self, *, contact_id: str | None = None, open_only: bool = True
    ) -> list[Reminder]: ...


@dataclass(frozen=True)
class Entry:
    at: datetime
    text: str


def timeline(reader: CampaignReader, contact_id: str) -> list[Entry]:
    """Newest first."""
    contact = reader.contact(contact_id)
    entries: list[Entry] = []
    for change in contact.history:
        source = f" from {change.from_stage.label}" if change.from_stage else ""
        entries.append(
            Entry(
                change.at,
                f"Moved to {change.stage.label}{source}"
                if change.from_stage
                else f"Added to {change.stage.label}",
            )
        )
    for job in contact.job_history:
        move = JobMove(job.company, job.role, job.new_company, job.new_role)
        entries.append(Entry(job.at, f"Job change: {move.describe()}"))
    for meeting in reader.meetings(contact_id):
        kind = f"Meeting ({meeting.medium.label}, {meeting.duration_min} min)"
        if meeting.when is not None:
            state = "held" if meeting.ended_at else "planned"
            entries.append(Entry(meeting.when, f"{kind} {state}"))
        if meeting.cancelled_at is not None:
            # At the time it was to take place, if the invitation said; else when cancelled.
            was = meeting.invitation.start if meeting.invitation else None
            entries.append(
                Entry(
                    was or meeting.cancelled_at,
                    f"{kind} cancelled on {meeting.cancelled_at:%a %d %b}",
                )
            )
    for touch in reader.touches(contact_id):
        note = f": {touch.note}" if touch.note else ""
        entries.append(Entry(touch.at, f"Touch: {CHOICE_OF[touch.kind].label}{note}"))
    for reminder in reader.reminders(contact_id=contact_id, open_only=False):
        if reminder.done_at:
            entries.append(Entry(reminder.done_at, f"Done: {reminder.title}"))
        elif reminder.closed_at:
            entries.append(
                Entry(reminder.closed_at, f"Closed ({reminder.closed_reason}): {reminder.title}")
            )
        else:
            entries.append(Entry(reminder.effective_due, f"Due: {reminder.title}"))
    if contact.archived and contact.archived_at:
        reason = f": {contact.archive_reason}" if contact.archive_reason else ""
        entries.append(Entry(contact.archived_at, f"Archived{reason}"))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries
