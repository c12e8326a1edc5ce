"""What every action stands on: the store, the clock, and the reads that pass through to the store.

Screens and commands never hold the store: they hold a `Campaign` (actions/campaign.py), whose
reads are these.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.clock import Clock
from ..domain.models import (
    BankQuestion,
    Contact,
    Meeting,
    Reminder,
    Settings,
    TargetEmployer,
    Touch,
)

if TYPE_CHECKING:
    from ..domain.cards import ContactRow, Listing
    from ..store.repository import Identity, MeetingSlot, Repository


class CampaignBase:
    def __init__(self, store: Repository, clock: Clock | None = None) -> None:
        self.store = store
        self.clock: Clock = clock or store.clock

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def path(self) -> Path:
        return self.store.path

    def _contact_changed(self, contact_id: str) -> None:
        """Called after an action changed a contact's stage or meetings: what depends on them
        follows (the follow-through keeps the confirmations in step)."""

    @property
    def unsaved(self) -> bool:
        """Whether changes are waiting to be written to disk."""
        return self.store.dirty

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several actions as one change: all of it is kept, or none."""
        with self.store.batch():
            yield

    # -- reading -----------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.store.settings

    def contact(self, contact_id: str) -> Contact:
        return self.store.contact(contact_id)

    def contacts(self, *, archived: bool | None = False) -> list[Contact]:
        return self.store.contacts(archived=archived)

    def find_contacts(self, text: str) -> list[Contact]:
        return self.store.find_contacts(text)

    def contact_rows(self, *, archived: bool | None = False) -> list[ContactRow]:
        return self.store.contact_rows(archived=archived)

    def listing(self, *, archived: bool | None = False) -> list[Listing]:
        return self.store.listing(archived=archived)

    def identities(self) -> list[Identity]:
        return self.store.identities()

    def referrals_of(self, contact_id: str) -> list[Contact]:
        return self.store.referrals_of(contact_id)

    def meeting(self, meeting_id: str) -> Meeting:
        return self.store.meeting(meeting_id)

    def meetings(self, contact_id: str | None = None) -> list[Meeting]:
        return self.store.meetings(contact_id)

    def next_meeting(self, contact_id: str) -> Meeting | None:
        return self.store.next_meeting(contact_id)

    def last_meeting(self, contact_id: str) -> Meeting | None:
        return self.store.last_meeting(contact_id)

    def meeting_slots(self, *, upcoming: bool = False) -> list[MeetingSlot]:
        return self.store.meeting_slots(upcoming=upcoming)

    def reminder(self, reminder_id: str) -> Reminder:
        return self.store.reminder(reminder_id)

    def reminders(self, *, contact_id: str | None = None, open_only: bool = True) -> list[Reminder]:
        return self.store.reminders(contact_id=contact_id, open_only=open_only)

    def touches(self, contact_id: str | None = None) -> list[Touch]:
        return self.store.touches(contact_id)

    def custom_questions(self) -> list[BankQuestion]:
        return self.store.custom_questions()

    def targets(self) -> list[TargetEmployer]:
        return self.store.targets()

    def records(self, table: str) -> list[Any]:
        return self.store.records(table)

    # -- saving what the user edited (no rule applies) ----------------------------------------
    def save_settings(self, settings: Settings) -> None:
        self.store.save_settings(settings)

    def save_reminder(self, reminder: Reminder) -> Reminder:
        reminder.created_at = reminder.created_at or self.now()
        return self.store.save_reminder(reminder)

    def save_question(self, question: BankQuestion) -> BankQuestion:
        question.custom = True
        return self.store.save_question(question)

    def delete_question(self, question_id: str) -> None:
        self.store.delete_question(question_id)

    def save_target(self, target: TargetEmployer) -> TargetEmployer:
        return self.store.save_target(target)

    def delete_target(self, target_id: str) -> None:
        self.store.delete_target(target_id)

    def put_record(self, table: str, record: Any) -> None:
        """Store a record as it is, with no rules applied (import and restore)."""
        self.store.put_record(table, record)
