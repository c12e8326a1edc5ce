"""The records of the campaign: read them, save them, delete them.

Reads return domain objects from memory; each change of a record is a method here, and the
engine writes it to disk. No rule of the method runs here: the use cases in `actions/` decide
what changes, and call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from ..domain.cards import ContactRow
from ..domain.clock import Clock, SystemClock
from ..domain.models import (
    BankQuestion,
    Contact,
    Medium,
    Meeting,
    Reminder,
    Settings,
    TargetEmployer,
    Touch,
)
from ..domain.stages import BY_VALUE, Stage
from .engine import FileEngine
from .errors import NotFound


class Identity(NamedTuple):
    id: str
    name: str
    email: str
    url: str


class MeetingSlot(NamedTuple):
    id: str
    contact_id: str
    when: datetime | None
    ended_at: datetime | None
    medium: Medium
    duration_min: int
    place: str


class Repository(FileEngine):
    def __init__(
        self,
        path: Path | str,
        *,
        clock: Clock | None = None,
        autoflush: bool = True,
        create: bool = True,
        eager: bool = True,
    ) -> None:
        """Open (or create) the data file; `eager=False` puts off decoding records until used."""
        self.clock: Clock = clock or SystemClock()
        super().__init__(Path(path), autoflush=autoflush, create=create, eager=eager)

    def _now(self) -> datetime:
        return self.clock.now()

    def _table(self, name: str) -> dict[str, Any]:
        state = self._state
        found = state.objects.get(name)
        if found is None:
            with self._mutex:
                found = self._state.table(name)
        return found

    def contact_rows(self, *, archived: bool | None = False) -> list[ContactRow]:
        """What the board shows of each contact, without decoding contacts (start-up uses it)."""
        state = self._state
        if "contacts" in state.objects:
            return [ContactRow.of(c) for c in self.contacts(archived=archived)]
        rows = []
        for doc_key, doc in (state.storage.data.get("contacts") or {}).items():
            row = _row(doc_key, doc)
            if archived is None or row.archived == archived:
                rows.append(row)
        return rows

    def identities(self) -> list[Identity]:
        """Every contact's id, name, email and profile URL: what duplicate checks need, read
        without decoding the contacts (so `infoint add` stays quick on a big file)."""
        state = self._state
        if "contacts" in state.objects:
            return [
                Identity(c.id, c.name, c.email, c.url) for c in state.objects["contacts"].values()
            ]
        return [
            Identity(
                str(doc.get("id") or f"c{key}"),
                str(doc.get("name") or ""),
                str(doc.get("email") or ""),
                str(doc.get("url") or ""),
            )
            for key, doc in (state.storage.data.get("contacts") or {}).items()
        ]

    def meeting_slots(self, *, upcoming: bool = False) -> list[MeetingSlot]:
        """When each meeting is, without loading the notes: what the board needs at start-up.

        `upcoming`: only meetings with a time that have not ended (what cards and the agenda use).
        """
        state = self._state
        if state.meetings_ready:
            return [
                MeetingSlot(
                    m.id, m.contact_id, m.when, m.ended_at, m.medium, m.duration_min, m.place
                )
                for m in state.objects["meetings"].values()
                if not upcoming or (m.when is not None and m.ended_at is None)
            ]
        slots = []
        for doc_key, doc in (state.storage.data.get("meetings") or {}).items():
            when, ended = doc.get("when"), doc.get("ended_at")
            if upcoming and (not when or ended):
                continue
            slots.append(
                MeetingSlot(
                    doc.get("id") or f"m{doc_key}",
                    doc.get("contact_id", ""),
                    datetime.fromisoformat(when) if when else None,
                    datetime.fromisoformat(ended) if ended else None,
                    _medium(doc.get("medium")),
                    doc.get("duration_min", 30),
                    doc.get("place", ""),
                )
            )
        return slots

    # -- settings ---------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._state.settings

    def save_settings(self, settings: Settings) -> None:
        self._put_settings(settings)

    # -- contacts ---------------------------------------------------------------------------
    def contacts(self, *, archived: bool | None = False) -> list[Contact]:
        """Active contacts (archived=False), archived ones (True) or all (None), in file order."""
        everyone: Iterable[Contact] = self._table("contacts").values()
        if archived is None:
            return list(everyone)
        return [c for c in everyone if c.archived == archived]

    def contact(self, contact_id: str) -> Contact:
        try:
            return self._table("contacts")[contact_id]
        except KeyError:
            raise NotFound(f"no contact with id {contact_id}") from None

    def find_contacts(self, text: str) -> list[Contact]:
        """Contacts whose id is `text`, or whose name is `text` (any case)."""
        if text in self._table("contacts"):
            return [self._table("contacts")[text]]
        wanted = text.strip().casefold()
        return [c for c in self._table("contacts").values() if c.name.casefold() == wanted]

    def has_contact(self, contact_id: str) -> bool:
        return contact_id in self._table("contacts")

    def save_contact(self, contact: Contact) -> Contact:
        self._put("contacts", contact)
        return contact

    def delete_contact(self, contact_id: str) -> None:
        self.contact(contact_id)
        self._delete("contacts", contact_id)

    def referrals_of(self, contact_id: str) -> list[Contact]:
        return [c for c in self._table("contacts").values() if c.referred_by == contact_id]

    # -- meetings ---------------------------------------------------------------------------
    def meetings(self, contact_id: str | None = None) -> list[Meeting]:
        """Meetings by time (unscheduled last), of one contact or all."""
        found = [
            m
            for m in self._table("meetings").values()
            if contact_id is None or m.contact_id == contact_id
        ]
        return sorted(found, key=_meeting_order)

    def meeting(self, meeting_id: str) -> Meeting:
        try:
            return self._table("meetings")[meeting_id]
        except KeyError:
            raise NotFound(f"no meeting with id {meeting_id}") from None

    def next_meeting(self, contact_id: str) -> Meeting | None:
        """The contact's first meeting that has not ended, if any."""
        for meeting in self.meetings(contact_id):
            if meeting.ended_at is None:
                return meeting
        return None

    def last_meeting(self, contact_id: str) -> Meeting | None:
        held = [m for m in self.meetings(contact_id) if m.ended_at is not None]
        return max(held, key=lambda m: m.ended_at or m.when or datetime.min) if held else None

    def save_meeting(self, meeting: Meeting) -> Meeting:
        self._put("meetings", meeting)
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        self.meeting(meeting_id)
        self._delete("meetings", meeting_id)

    # -- reminders --------------------------------------------------------------------------
    def reminders(self, *, contact_id: str | None = None, open_only: bool = True) -> list[Reminder]:
        found = [
            r
            for r in self._table("reminders").values()
            if (contact_id is None or r.contact_id == contact_id) and (r.is_open or not open_only)
        ]
        return sorted(found, key=lambda r: r.effective_due)

    def reminder(self, reminder_id: str) -> Reminder:
        try:
            return self._table("reminders")[reminder_id]
        except KeyError:
            raise NotFound(f"no reminder with id {reminder_id}") from None

    def save_reminder(self, reminder: Reminder) -> Reminder:
        self._put("reminders", reminder)
        return reminder

    def delete_reminder(self, reminder_id: str) -> None:
        self._delete("reminders", reminder_id)

    # -- touches ----------------------------------------------------------------------------
    def touches(self, contact_id: str | None = None) -> list[Touch]:
        found = [
            t
            for t in self._table("touches").values()
            if contact_id is None or t.contact_id == contact_id
        ]
        return sorted(found, key=lambda t: t.at)

    def save_touch(self, touch: Touch) -> Touch:
        self._put("touches", touch)
        return touch

    def delete_touch(self, touch_id: str) -> None:
        self._delete("touches", touch_id)

    # -- question bank and targets ----------------------------------------------------------
    def custom_questions(self) -> list[BankQuestion]:
        return list(self._table("questions").values())

    def save_question(self, question: BankQuestion) -> BankQuestion:
        self._put("questions", question)
        return question

    def delete_question(self, question_id: str) -> None:
        self._delete("questions", question_id)

    def targets(self) -> list[TargetEmployer]:
        return sorted(
            self._table("targets").values(), key=lambda t: (-t.motivation, t.company.casefold())
        )

    def save_target(self, target: TargetEmployer) -> TargetEmployer:
        self._put("targets", target)
        return target

    def delete_target(self, target_id: str) -> None:
        self._delete("targets", target_id)

    # -- whole records (import, restore) ----------------------------------------------------
    def put_record(self, table: str, record: Any) -> None:
        """Store a record as it is, with no rules applied (import and restore use this)."""
        self._put(table, record)

    def records(self, table: str) -> list[Any]:
        return list(self._table(table).values())


def _row(doc_key: str, doc: dict[str, Any]) -> ContactRow:
    """A board row straight from a stored document (decoding errors surface later, in full)."""
    stage = BY_VALUE.get(doc.get("stage", "prospects"), Stage.PROSPECTS)  # checked in full later
    due = doc.get("next_action_due")
    try:
        next_due = datetime.fromisoformat(due) if isinstance(due, str) else None
    except ValueError:
        next_due = None
    tags = doc.get("tags") or ()
    return ContactRow(
        str(doc.get("id") or f"c{doc_key}"),
        str(doc.get("name", "")),
        str(doc.get("role") or ""),
        str(doc.get("company") or ""),
        tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        stage,
        doc.get("archived") is True,
        str(doc.get("notes") or ""),
        str(doc.get("next_action") or ""),
        next_due,
    )


def _medium(value: object) -> Medium:
    try:
        return Medium(value)
    except ValueError:
        return Medium.VIDEO


def _meeting_order(meeting: Meeting) -> tuple[int, str]:
    return (
        (0, meeting.when.isoformat())
        if meeting.when
        else (1, meeting.created_at.isoformat() if meeting.created_at else "")
    )
