"""The records of the campaign: read them as domain objects, save them, delete them.

Documents are decoded when asked for, not at load: the board reads its rows straight from the
documents, and a meeting's notes are read from the file only when the meeting is opened.

Fields that hold nothing (None, empty text, an empty list) are left out of the stored record.
Saving writes only the fields that changed since the object was read: each decoded object
remembers the document it came from, so a save from a copy read before another program changed
other fields of the record keeps that program's fields. No rule of the method runs here: the
use cases in `actions/` decide what changes, and call these.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from ..domain.cards import ContactRow, Listing
from ..domain.clock import Clock, SystemClock
from ..domain.codec import RecordError, from_dict, to_dict
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
from ..domain.stages import Stage
from .engine import SETTINGS_ID, Changed, Engine, RecordChange
from .errors import NotFound
from .layout import SETTINGS_TABLE, Doc

T = TypeVar("T")

MODELS: dict[str, type] = {
    "contacts": Contact,
    "meetings": Meeting,
    "reminders": Reminder,
    "touches": Touch,
    "questions": BankQuestion,
    "targets": TargetEmployer,
}
# The attribute in which a decoded object keeps the document it was read from.
STORED = "_stored_as"


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


class Repository:
    def __init__(
        self,
        path: Path | str,
        *,
        clock: Clock | None = None,
        autoflush: bool = True,
        create: bool = True,
        passphrase: str | None = None,
    ) -> None:
        """Open (or create) the data file. With `autoflush`, every change is on disk when the
        call that made it returns; without, `flush()` writes (the app's writer thread). An
        encrypted file is opened with `passphrase`, else the environment's or the keyring's."""
        self.clock: Clock = clock or SystemClock()
        self.zone = self.clock.now().tzinfo  # dates read back in the user's zone
        self.autoflush = autoflush
        self.engine = Engine(Path(path), create=create, now=self.clock.now, passphrase=passphrase)
        self.engine.on_change = self._engine_changed
        self.on_change: Callable[[Changed, bool], None] | None = None
        self._objects: dict[str, dict[str, tuple[Doc, Any]]] = {}
        self._settings: tuple[Doc | None, Settings] | None = None
        self.unreadable: dict[tuple[str, str], str] = {}  # records that failed to decode

    # -- the file ----------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.engine.shown_path

    @property
    def dirty(self) -> bool:
        return self.engine.dirty

    def flush(self) -> bool:
        """Write what is pending (a journal line); True if anything was written."""
        return self.engine.commit()

    def close(self) -> None:
        """Write what is pending and fold the journal into the file (it stays readable)."""
        self.engine.close()

    def write_recovery_copy(self, previous: Path | None = None) -> Path:
        return self.engine.write_recovery_copy(previous)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes into one (all of it is written, or, on an exception, none)."""
        with self.engine.batch():
            yield

    def _engine_changed(self, changed: Changed, elsewhere: bool) -> None:
        if elsewhere:
            self._forget(changed)
        elif self.autoflush:
            self.engine.commit()
        if self.on_change is not None:
            self.on_change(changed, elsewhere)

    def _forget(self, changed: Changed) -> None:
        """Another program changed records: objects decoded before are read again when asked."""
        if changed.everything:
            self._objects.clear()
            self._settings = None
            return
        for table, ids in changed.records.items():
            cached = self._objects.get(table)
            if cached is not None:
                for record_id in ids:
                    cached.pop(record_id, None)

    # -- decoding ----------------------------------------------------------------------------
    def _decode(self, table: str, record_id: str, doc: Doc) -> Any:
        try:
            record: Any = from_dict(MODELS[table], doc, self.zone)
        except RecordError as error:
            self.unreadable[(table, record_id)] = str(error)
            return None
        if "id" not in doc:  # hand-edited: the id the store gave it, stable across loads
            record.id = record_id
        record.__dict__[STORED] = doc
        return record

    def _get(self, table: str, record_id: str, *, keep: bool = True) -> Any:
        """The record as an object: the same object while its document is unchanged (screens
        change it, then save it). `keep=False` for reads of a whole table of meetings, which
        would otherwise hold every meeting's notes in memory."""
        doc = self.engine.docs(table).get(record_id)
        if doc is None:
            return None
        version: Any = doc
        if table == "meetings":
            version = (doc, self.engine.notes_version(record_id))
        cached = self._objects.setdefault(table, {})
        found = cached.get(record_id)
        if found is not None and _same(found[0], version):
            return found[1]
        whole = self.engine.doc(table, record_id) if table == "meetings" else doc
        record = self._decode(table, record_id, whole or doc)
        if record is not None and keep:
            cached[record_id] = (version, record)
        return record

    def _all(
        self, table: str, keep: Callable[[Doc], bool] | None = None, *, hold: bool = True
    ) -> list[Any]:
        """Every readable record of a table (that `keep` accepts, judged on the document)."""
        found = []
        for record_id, doc in list(self.engine.docs(table).items()):
            if keep is not None and not keep(doc):
                continue
            record = self._get(table, record_id, keep=hold)
            if record is not None:
                found.append(record)
        return found

    # -- saving ------------------------------------------------------------------------------
    def _save(self, table: str, record: T) -> T:
        """Write the fields of `record` that changed since it was read (all of a new record)."""
        doc = to_dict(record, sparse=True)
        record_id: str = doc["id"]
        base = record.__dict__.get(STORED)
        light = self.engine.docs(table).get(record_id)
        current = light
        if table == "meetings" and light is not None and base is None:
            current = self.engine.doc(table, record_id)
        change = _change(table, record_id, doc, base, current, type(record))
        if change is None:
            return record
        # Read from the document now stored: then the object is that document, and is kept.
        read_from_current = base is not None and (
            base is light if table != "meetings" else self._holds(table, record_id, record)
        )
        self.engine.apply(change)
        record.__dict__[STORED] = doc
        cached = self._objects.setdefault(table, {})
        cached.pop(record_id, None)
        stored = self.engine.docs(table).get(record_id)
        if stored is not None and (read_from_current or base is None and light is None):
            version: Any = stored
            if table == "meetings":
                version = (stored, self.engine.notes_version(record_id))
            cached[record_id] = (version, record)
        return record

    def _holds(self, table: str, record_id: str, record: Any) -> bool:
        """Whether `record` is the object kept for the record's current version."""
        found = self._objects.get(table, {}).get(record_id)
        if found is None or found[1] is not record:
            return False
        version = (self.engine.docs(table).get(record_id), self.engine.notes_version(record_id))
        return _same(found[0], version)

    def _delete(self, table: str, record_id: str) -> None:
        self.engine.apply(RecordChange(table, record_id, delete=True))
        cached = self._objects.get(table)
        if cached is not None:
            cached.pop(record_id, None)

    # -- settings ----------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        doc = self.engine.settings_doc
        cached = self._settings
        if cached is not None and cached[0] is doc:
            return cached[1]
        settings = Settings()
        if doc is not None:
            try:
                settings = from_dict(Settings, doc, self.zone)
            except RecordError as error:
                self.unreadable[(SETTINGS_TABLE, SETTINGS_ID)] = str(error)
        settings.__dict__[STORED] = doc
        self._settings = (doc, settings)
        return settings

    def save_settings(self, settings: Settings) -> None:
        doc = to_dict(settings, sparse=True)
        base = settings.__dict__.get(STORED)
        current = self.engine.settings_doc
        if current is None:
            base = None  # none stored yet: a new record
        change = _change(SETTINGS_TABLE, SETTINGS_ID, doc, base, current, Settings)
        if change is None:
            return
        self.engine.apply(change)
        settings.__dict__[STORED] = doc

    # -- contacts ----------------------------------------------------------------------------
    def contacts(self, *, archived: bool | None = False) -> list[Contact]:
        """Active contacts (archived=False), archived ones (True) or all (None), in file order."""
        if archived is None:
            return self._all("contacts")
        return self._all("contacts", lambda doc: (doc.get("archived") is True) == archived)

    def contact(self, contact_id: str) -> Contact:
        found: Contact | None = self._get("contacts", contact_id)
        if found is None:
            raise NotFound(f"no contact with id {contact_id}")
        return found

    def has_contact(self, contact_id: str) -> bool:
        return contact_id in self.engine.docs("contacts")

    def find_contacts(self, text: str) -> list[Contact]:
        """Contacts whose id is `text`, or whose name is `text` (any case)."""
        if self.has_contact(text):
            found = self._get("contacts", text)
            return [found] if found is not None else []
        wanted = text.strip().casefold()
        return self._all(
            "contacts", lambda doc: str(doc.get("name", "")).strip().casefold() == wanted
        )

    def contact_rows(self, *, archived: bool | None = False) -> list[ContactRow]:
        """What the board shows of each contact, read from the documents without decoding."""
        rows = []
        for record_id, doc in self.engine.docs("contacts").items():
            row = _row(record_id, doc)
            if archived is None or row.archived == archived:
                rows.append(row)
        return rows

    def listing(self, *, archived: bool | None = False) -> list[Listing]:
        """What the command line lists of each contact, read from the documents."""
        found = []
        for record_id, doc in self.engine.docs("contacts").items():
            if archived is not None and (doc.get("archived") is True) != archived:
                continue
            get = doc.get
            tags = get("tags")
            found.append(
                Listing(
                    record_id,
                    _text(get("name")),
                    _text(get("company")),
                    _text(get("role")),
                    _text(get("email")),
                    _text(get("phone")),
                    _text(get("url")),
                    _STAGES.get(get("stage", "prospects"), Stage.PROSPECTS),
                    tuple(t for t in tags if type(t) is str) if type(tags) is list else (),
                    _text(get("source")),
                    get("archived") is True,
                )  # fmt: skip
            )
        return found

    def identities(self) -> list[Identity]:
        """Every contact's id, name, email and profile URL (what duplicate checks need)."""
        return [
            Identity(
                record_id,
                str(doc.get("name") or ""),
                str(doc.get("email") or ""),
                str(doc.get("url") or ""),
            )
            for record_id, doc in self.engine.docs("contacts").items()
        ]

    def referrals_of(self, contact_id: str) -> list[Contact]:
        return self._all("contacts", lambda doc: doc.get("referred_by") == contact_id)

    def save_contact(self, contact: Contact) -> Contact:
        return self._save("contacts", contact)

    def delete_contact(self, contact_id: str) -> None:
        self.contact(contact_id)
        self._delete("contacts", contact_id)

    # -- meetings ----------------------------------------------------------------------------
    def meetings(self, contact_id: str | None = None) -> list[Meeting]:
        """Meetings by time (unscheduled last), of one contact or all (notes included; all
        of them are read from the file, and not kept in memory)."""
        if contact_id is None:
            return sorted(self._all("meetings", hold=False), key=_meeting_order)
        return sorted(
            self._all("meetings", lambda doc: doc.get("contact_id") == contact_id),
            key=_meeting_order,
        )

    def meeting(self, meeting_id: str, *, keep: bool = True) -> Meeting:
        """One meeting, notes included (`keep=False`: not kept in memory once read, for a pass
        over many)."""
        found: Meeting | None = self._get("meetings", meeting_id, keep=keep)
        if found is None:
            raise NotFound(f"no meeting with id {meeting_id}")
        return found

    def next_meeting(self, contact_id: str) -> Meeting | None:
        """The contact's first meeting that has not ended and is not cancelled, if any."""
        for meeting in self.meetings(contact_id):
            if meeting.ended_at is None and not meeting.cancelled:
                return meeting
        return None

    def last_meeting(self, contact_id: str) -> Meeting | None:
        held = [m for m in self.meetings(contact_id) if m.ended_at is not None]
        return max(held, key=lambda m: m.ended_at or m.when or datetime.min) if held else None

    def meeting_slots(self, *, upcoming: bool = False) -> list[MeetingSlot]:
        """When each meeting is, read from the logistics alone (no notes): what the board and
        the agenda need. `upcoming`: only meetings with a time that have not ended."""
        slots = []
        for record_id, doc in self.engine.docs("meetings").items():
            when, ended = doc.get("when"), doc.get("ended_at")
            if upcoming and (not when or ended):
                continue
            try:
                slot = MeetingSlot(
                    record_id,
                    str(doc.get("contact_id", "")),
                    datetime.fromisoformat(when) if isinstance(when, str) and when else None,
                    datetime.fromisoformat(ended) if isinstance(ended, str) and ended else None,
                    _medium(doc.get("medium")),
                    _minutes(doc.get("duration_min")),
                    str(doc.get("place") or ""),
                )
            except ValueError:
                self.unreadable[("meetings", record_id)] = f"meeting time {when!r} is not a date"
                continue
            slots.append(slot)
        return slots

    def save_meeting(self, meeting: Meeting) -> Meeting:
        return self._save("meetings", meeting)

    def delete_meeting(self, meeting_id: str) -> None:
        self.meeting(meeting_id)
        self._delete("meetings", meeting_id)

    # -- reminders ---------------------------------------------------------------------------
    def reminders(self, *, contact_id: str | None = None, open_only: bool = True) -> list[Reminder]:
        def keep(doc: Doc) -> bool:
            if contact_id is not None and doc.get("contact_id") != contact_id:
                return False
            return not open_only or (doc.get("done_at") is None and doc.get("closed_at") is None)

        found: list[Reminder] = self._all("reminders", keep)
        return sorted(found, key=lambda r: r.effective_due)

    def reminder(self, reminder_id: str) -> Reminder:
        found: Reminder | None = self._get("reminders", reminder_id)
        if found is None:
            raise NotFound(f"no reminder with id {reminder_id}")
        return found

    def save_reminder(self, reminder: Reminder) -> Reminder:
        return self._save("reminders", reminder)

    def delete_reminder(self, reminder_id: str) -> None:
        self._delete("reminders", reminder_id)

    # -- touches -----------------------------------------------------------------------------
    def touches(self, contact_id: str | None = None) -> list[Touch]:
        keep = None if contact_id is None else (lambda doc: doc.get("contact_id") == contact_id)
        found: list[Touch] = self._all("touches", keep)
        return sorted(found, key=lambda t: t.at)

    def save_touch(self, touch: Touch) -> Touch:
        return self._save("touches", touch)

    def delete_touch(self, touch_id: str) -> None:
        self._delete("touches", touch_id)

    # -- question bank and targets -----------------------------------------------------------
    def custom_questions(self) -> list[BankQuestion]:
        found: list[BankQuestion] = self._all("questions")
        return found

    def save_question(self, question: BankQuestion) -> BankQuestion:
        return self._save("questions", question)

    def delete_question(self, question_id: str) -> None:
        self._delete("questions", question_id)

    def targets(self) -> list[TargetEmployer]:
        found: list[TargetEmployer] = self._all("targets")
        return sorted(found, key=lambda t: (-t.motivation, t.company.casefold()))

    def save_target(self, target: TargetEmployer) -> TargetEmployer:
        return self._save("targets", target)

    def delete_target(self, target_id: str) -> None:
        self._delete("targets", target_id)

    # -- whole records (import, restore, export) ---------------------------------------------
    def put_record(self, table: str, record: Any) -> None:
        """Store a record as it is, with no rules applied (import and restore use this)."""
        self._save(table, record)

    def records(self, table: str) -> list[Any]:
        return self._all(table, hold=table != "meetings")


def _change(
    table: str, record_id: str, doc: Doc, base: Doc | None, current: Doc | None, model: type
) -> RecordChange | None:
    """The change that saving `doc` (read from `base`, None for an object made anew) makes to
    the record stored as `current`; None when there is nothing to write."""
    if current is None:  # new; or deleted meanwhile, and an edit does not bring it back
        return RecordChange(table, record_id, set=doc, new=base is None)
    if base is None:  # a whole object for a stored record: the fields it leaves empty too
        known = _fields_of(model)
        unset = tuple(k for k in current if k not in doc and k in known)
        return RecordChange(table, record_id, set=doc, unset=unset)
    fields = {k: v for k, v in doc.items() if k not in base or base[k] != v}
    unset = tuple(k for k in base if k not in doc)
    if not fields and not unset:
        return None
    return RecordChange(table, record_id, set=fields, unset=unset)


def _fields_of(model: type) -> frozenset[str]:
    found = _FIELDS.get(model)
    if found is None:
        found = _FIELDS[model] = frozenset(
            f.name
            for f in dataclasses.fields(model)  # type: ignore[arg-type]
            if f.name != "extra"
        )
    return found


_FIELDS: dict[type, frozenset[str]] = {}


def _same(a: Any, b: Any) -> bool:
    """Two versions of a record are the same documents (compared by identity)."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(x is y for x, y in zip(a, b, strict=True))
    return a is b


def _row(record_id: str, doc: Doc) -> ContactRow:
    """A board row straight from a stored document (a field of the wrong type reads as empty:
    the record is checked in full when it is opened)."""
    get = doc.get
    stage = _STAGES.get(get("stage", "prospects"), Stage.PROSPECTS)
    due = get("next_action_due")
    next_due = None
    if due is not None and type(due) is str:
        with contextlib.suppress(ValueError):
            next_due = datetime.fromisoformat(due)
        if next_due is not None and next_due.tzinfo is None:
            next_due = None
    tags = get("tags")
    return ContactRow(
        record_id,
        _text(get("name")),
        _text(get("role")),
        _text(get("company")),
        tuple(t for t in tags if type(t) is str) if type(tags) is list else (),
        stage,
        get("archived") is True,
        _text(get("notes")),
        _text(get("next_action")),
        next_due,
    )


def _text(value: object) -> str:
    return value if type(value) is str else ""


_STAGES = {stage.value: stage for stage in Stage}


def _medium(value: object) -> Medium:
    try:
        return Medium(value)
    except ValueError:
        return Medium.VIDEO


def _minutes(value: object) -> int:
    """As stored (the agenda reports one out of range); a length that is not a number: 30."""
    return value if type(value) is int else 30


def _meeting_order(meeting: Meeting) -> tuple[int, str]:
    return (
        (0, meeting.when.isoformat())
        if meeting.when
        else (1, meeting.created_at.isoformat() if meeting.created_at else "")
    )
