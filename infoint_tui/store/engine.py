"""The campaign in memory over the data file and its journal; changes by field, from any process.

Loading reads the file (the meeting notes only indexed, see layout.py) and replays the journal.
A change is applied in memory at once and kept pending; `commit()` appends what is pending to
the journal as one line, under the file's lock, after taking in what other processes appended
since (their changes, field by field, are kept: ours only set the fields we changed). `fold()`
writes everything into the file, atomically, and starts the journal afresh.

Records are plain documents (dicts) here, never changed in place: a change makes a new dict.
The Repository decodes them into domain objects.

In an encrypted campaign (crypto.py) the records are decrypted as they are read (the meeting
notes when a meeting is opened) and sealed as they are written, journal lines too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import journal
from .atomic import atomic_write
from .backups import make_backup, newest_backup, sweep_backup_folder
from .crypto import Cipher, open_contents, passphrase_from_environment, sealed_in, unlock
from .errors import (
    CampaignReplaced,
    CorruptFile,
    NewerSchema,
    PassphraseNeeded,
    ReadOnlyFile,
    StoreError,
)
from .layout import (
    META_TABLE,
    NOTES_TABLE,
    SETTINGS_TABLE,
    TABLE_ORDER,
    Contents,
    Doc,
    Malformed,
    Seal,
    Span,
    open_for_reading,
    read_file,
    read_span,
    write_file,
)
from .lock import WriteLock
from .schema import SCHEMA_VERSION, migrate, schema_of

# Meeting fields in the small `meetings` table (what the board and the agenda read); every other
# field is in `meeting_notes`, read only when a meeting is opened.
MEETING_LOGISTICS = frozenset(
    {
        "id",
        "contact_id",
        "when",
        "duration_min",
        "medium",
        "place",
        "i_pay",
        "started_at",
        "ended_at",
        "cancelled_at",
        "created_at",
    }
)
RECORD_TABLES = ("contacts", "meetings", "reminders", "touches", "questions", "targets")
SETTINGS_ID = "1"
# A change this large is written into the file at once rather than appended to the journal.
FOLD_AT_CHANGE_BYTES = 1 << 20
# The journal is folded into the file once it passes this size, or this share of the file.
FOLD_AT_JOURNAL_BYTES = 4 << 20
FOLD_AT_JOURNAL_SHARE = 0.25

Signature = tuple[int, int, int]


@dataclass
class Changed:
    """What a change touched: record ids by table; `everything` when the file was reloaded."""

    records: dict[str, set[str]] = field(default_factory=dict)
    everything: bool = False

    def add(self, table: str, record_id: str) -> None:
        self.records.setdefault(table, set()).add(record_id)

    def __bool__(self) -> bool:
        return self.everything or any(self.records.values())


@dataclass
class RecordChange:
    """One record's change: `put` a whole new record, `set` some fields of one, or delete it."""

    table: str
    id: str
    set: Doc | None = None  # fields to set (a new record when `new`)
    unset: tuple[str, ...] = ()
    new: bool = False
    delete: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.table, "id": self.id}
        if self.delete:
            out["del"] = 1
        elif self.new:
            out["put"] = self.set
        else:
            out["set"] = self.set or {}
            if self.unset:
                out["unset"] = list(self.unset)
        return out

    @classmethod
    def from_json(cls, data: Any) -> RecordChange:
        if not isinstance(data, dict) or not isinstance(data.get("t"), str):
            raise ValueError("not a record change")
        table, record_id = data["t"], str(data.get("id", ""))
        if data.get("del"):
            return cls(table, record_id, delete=True)
        if isinstance(data.get("put"), dict):
            return cls(table, record_id, set=data["put"], new=True)
        fields, unset = data.get("set"), data.get("unset", [])
        if not isinstance(fields, dict) or not isinstance(unset, list):
            raise ValueError("not a record change")
        return cls(table, record_id, set=fields, unset=tuple(str(u) for u in unset))


class Table:
    """One table's documents by record id, and the key each has in the file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.docs: dict[str, Doc] = {}
        self.keys: dict[str, str] = {}
        self._next_key = 1

    def load(self, raw: dict[str, Doc]) -> None:
        prefix = self.name[0]
        for key, doc in raw.items():
            record_id = (
                str(doc.get("id") or f"{prefix}{key}") if self.name != SETTINGS_TABLE else key
            )
            if record_id in self.docs:
                raise Malformed(f"table {self.name!r} has two records with the id {record_id!r}")
            self.docs[record_id] = doc
            self.keys[record_id] = key
        self._next_key = max((int(k) for k in raw), default=0) + 1

    def key_for(self, record_id: str) -> str:
        key = self.keys.get(record_id)
        if key is None:
            key = self.keys[record_id] = str(self._next_key)
            self._next_key += 1
        return key


class Notes:
    """The meetings' notes documents: indexed in the file (read when asked for), or in memory
    once changed since the file was written."""

    def __init__(self) -> None:
        self.spans: dict[str, Span] = {}
        self.docs: dict[str, Doc] = {}
        self.keys: dict[str, str] = {}
        self._fd: int | None = None
        self._closer: weakref.finalize[Any, Any] | None = None
        self._lock = threading.Lock()
        self.cipher: Cipher | None = None  # what the records in the file are sealed with

    @property
    def fd(self) -> int | None:
        """A descriptor on the version of the file the spans point into."""
        return self._fd

    @fd.setter
    def fd(self, fd: int | None) -> None:
        if self._closer is not None:
            self._closer.detach()  # the old descriptor is closed by whoever replaced it
        self._fd = fd
        self._closer = weakref.finalize(self, _close_quietly, fd) if fd is not None else None

    def get(self, record_id: str) -> Doc | None:
        doc = self.docs.get(record_id)
        if doc is not None:
            return doc
        span = self.spans.get(record_id)
        if span is None or self.fd is None:
            return None
        return self.read(span)

    def read(self, span: Span) -> Doc:
        """The record at `span` in the file (decrypted). Raises Malformed."""
        if self.fd is None:
            return {}
        with self._lock:
            doc = read_span(self.fd, span)
        cipher = self.cipher
        return doc if cipher is None else cipher.open_record(NOTES_TABLE, span.key, doc)

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
            self._closer = None
        self._fd = None


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


class State:
    """One loaded version of the campaign: the file's tables, the journal replayed on top."""

    def __init__(self) -> None:
        self.tables: dict[str, Table] = {}
        self.notes = Notes()
        self.meta: Doc = {}
        self.signature: Signature | None = None
        self.in_lines = True  # the file is in layout.py's layout (else rewritten at next fold)
        self.journal_end = 0  # the end of the last whole journal line taken in
        self.journal_seen = 0  # the journal's size when last read
        self.journal_current = True

    def table(self, name: str) -> Table:
        found = self.tables.get(name)
        if found is None:
            found = self.tables[name] = Table(name)
        return found

    @property
    def fold(self) -> str:
        return str(self.meta.get("fold") or "")

    @property
    def campaign_id(self) -> str:
        return str(self.meta.get("campaign") or "")

    @property
    def cipher(self) -> Cipher | None:
        return self.notes.cipher

    def seal_line(self) -> journal.Seal | None:
        """How a journal line continuing this version of the file is sealed (None: it is not)."""
        cipher, fold = self.notes.cipher, self.fold
        return None if cipher is None else (lambda data: cipher.seal_line(data, fold))

    def unseal_line(self) -> journal.Unseal | None:
        cipher, fold = self.notes.cipher, self.fold
        return None if cipher is None else (lambda payload: cipher.open_line(payload, fold))

    def close(self) -> None:
        self.notes.close()


def _signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class Engine:
    def __init__(
        self,
        path: Path,
        *,
        create: bool = True,
        now: Callable[[], datetime],
        passphrase: str | None = None,
    ) -> None:
        """Open (or create) the data file. An encrypted one is opened with `passphrase`, else
        the one in the environment or the system keyring (PassphraseNeeded if none)."""
        self.shown_path = Path(path)
        self.path = _real_path(self.shown_path)
        self.journal_path = journal.journal_path(self.path)
        self._now = now
        self._mutex = threading.RLock()
        self._lock = WriteLock(self.path)
        self._pending: list[RecordChange] = []
        self._undo: list[list[tuple[str, str, Doc | None, Doc | None, Span | None]]] = []
        self._batch_changed: Changed | None = None
        self.on_change: Callable[[Changed, bool], None] | None = None
        self.warnings: list[str] = []  # what went wrong but lost nothing (a backup not made)
        self.stopped: str | None = None  # why writing stopped (the file became another campaign)
        self._notes_checked = False
        self.create = create
        self._passphrase = passphrase
        self._cipher: Cipher | None = None  # the key last unlocked (a reload reuses it)
        self._state = self._load(create=create)
        if self._state.signature is None and create:
            self.fold()  # a new campaign: the file exists from now on
        elif self._needs_upgrade(self._state) and create:
            self._upgrade()

    # -- loading -----------------------------------------------------------------------------
    def _load(self, *, create: bool) -> State:
        try:
            found = read_file(self.path)
        except Malformed as problem:
            raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        state = State()
        if found is None:  # a new campaign; the file is made at its first change (if `create`)
            if create and not self.path.parent.is_dir():
                raise StoreError(f"{self.path.parent} does not exist (create the folder first)")
            state.meta = _new_meta()
            return state
        contents, info = found
        if info.st_size == 0 or not contents.tables and not contents.notes_docs:
            backup = newest_backup(self.path)
            if backup is not None:
                raise CorruptFile(self.shown_path, "it is empty, but backups of it exist", backup)
        state.signature = _signature(info)
        state.notes.cipher = self._open_sealed(contents)
        self._fill(state, contents)
        replay = journal.read(self.journal_path, state.fold, unseal=state.unseal_line())
        state.journal_end, state.journal_current = replay.end, replay.current
        state.journal_seen = replay.size
        for change in replay.changes:
            self._replay(state, change, Changed())
        return state

    def _open_sealed(self, contents: Contents) -> Cipher | None:
        """An encrypted file's key (None if it is not encrypted), and its records (but the
        notes indexed in the file) decrypted in `contents`, once the passphrase is checked."""
        sealed = sealed_in(contents.tables)
        if sealed is None:
            return None
        try:
            cipher = self._cipher
            if cipher is None or not cipher.same_key(sealed):  # else a reload: the same key
                passphrase = self._passphrase or passphrase_from_environment(self.path)
                if passphrase is None:
                    raise PassphraseNeeded(self.shown_path)
                cipher = unlock(self.shown_path, sealed, passphrase)
                self._cipher, self._passphrase = cipher, passphrase
            open_contents(contents, cipher)
        except Malformed as problem:
            raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        return cipher

    @property
    def cipher(self) -> Cipher | None:
        """The key the file is sealed with (None: it is not encrypted)."""
        return self._state.cipher

    def _fill(self, state: State, contents: Contents) -> None:
        tables = contents.tables
        meta_docs = list((tables.get(META_TABLE) or {}).values())
        state.meta = dict(meta_docs[0]) if meta_docs else {}
        found = schema_of(tables)
        if isinstance(found, str):
            raise CorruptFile(self.shown_path, found, newest_backup(self.path))
        if found is None and _foreign(tables):
            raise CorruptFile(
                self.shown_path,
                f"not an infoint data file (tables: {', '.join(sorted(_foreign(tables)))})",
                None,
            )
        if found is not None and found > SCHEMA_VERSION:
            raise NewerSchema(self.shown_path, found, SCHEMA_VERSION, newest_backup(self.path))
        if found is not None and found < SCHEMA_VERSION:
            tables = migrate(tables, found)
            state.in_lines = False
            state.meta["migrated_from"] = found
        state.in_lines = state.in_lines and contents.in_lines
        try:
            for name, raw in tables.items():
                if name != META_TABLE:
                    state.table(name).load(raw)
        except Malformed as problem:
            raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        notes = state.notes
        for record_id, span in contents.notes.items():
            notes.spans[record_id] = span
            notes.keys[record_id] = span.key
        for record_id, (key, doc) in contents.notes_docs.items():
            notes.docs[record_id] = doc
            notes.keys[record_id] = key
        if notes.spans:
            notes.fd = open_for_reading(self.path)

    @staticmethod
    def _needs_upgrade(state: State) -> bool:
        return (
            not state.fold
            or not state.in_lines
            or "migrated_from" in state.meta
            or state.meta.get("schema") != SCHEMA_VERSION
        )

    def _upgrade(self) -> None:
        """A file from an older version, or not in this layout: backed up, then written anew."""
        label = ""
        if "migrated_from" in self._state.meta:
            label = f"schema{self._state.meta.pop('migrated_from')}"
        self.fold(backup_label=label or "before-upgrade")

    # -- reading -----------------------------------------------------------------------------
    def docs(self, table: str) -> dict[str, Doc]:
        """Every document of a table by record id (meetings: the logistics only). Read-only."""
        found = self._state.tables.get(table)
        return found.docs if found is not None else {}

    def doc(self, table: str, record_id: str) -> Doc | None:
        """One whole document (a meeting with its notes), or None."""
        state = self._state
        light = state.tables[table].docs.get(record_id) if table in state.tables else None
        if light is None or table != "meetings":
            return light
        try:
            heavy = state.notes.get(record_id)
        except Malformed as problem:
            raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        return {**heavy, **light} if heavy else light

    def notes_version(self, record_id: str) -> object:
        """What a meeting's notes are now (a document or a place in the file), compared by
        identity to tell whether they changed."""
        notes = self._state.notes
        return notes.docs.get(record_id) or notes.spans.get(record_id)

    @property
    def settings_doc(self) -> Doc | None:
        return self.docs(SETTINGS_TABLE).get(SETTINGS_ID)

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    # -- changing ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes as one: all are kept (one line of the journal), or, on an exception,
        none."""
        with self._mutex:
            outer = self._batch_changed is None
            if outer:
                self._batch_changed = Changed()
                self._undo.append([])
                pending_before = len(self._pending)
            try:
                yield
            except BaseException:
                if outer:
                    self._roll_back(pending_before)
                    self._batch_changed = None
                raise
            if not outer:
                return
            changed, self._batch_changed = self._batch_changed, None
            self._undo.pop()
        if changed:
            self._changed(changed)

    def _roll_back(self, pending_before: int) -> None:
        state = self._state
        for table, record_id, light, heavy, span in reversed(self._undo.pop()):
            docs = state.table(table).docs
            if light is None:
                docs.pop(record_id, None)
            else:
                docs[record_id] = light
            if table == "meetings":
                notes = state.notes
                if heavy is None:
                    notes.docs.pop(record_id, None)
                else:
                    notes.docs[record_id] = heavy
                if span is None:
                    notes.spans.pop(record_id, None)
                else:
                    notes.spans[record_id] = span
        del self._pending[pending_before:]

    def apply(self, change: RecordChange) -> None:
        """Apply a change of this process: in memory at once, on disk at the next commit."""
        with self.batch():
            state = self._state
            light = state.table(change.table).docs.get(change.id)
            heavy = span = None
            if change.table == "meetings":
                heavy, span = state.notes.docs.get(change.id), state.notes.spans.get(change.id)
            self._undo[-1].append((change.table, change.id, light, heavy, span))
            if _apply(state, change):
                self._pending.append(change)
                assert self._batch_changed is not None
                self._batch_changed.add(change.table, change.id)

    def _changed(self, changed: Changed, elsewhere: bool = False) -> None:
        if self.on_change is not None:
            self.on_change(changed, elsewhere)

    def _replay(self, state: State, entry: Any, changed: Changed) -> None:
        """Apply one journal line (a list of record changes) written by any process."""
        if not isinstance(entry, list):
            return
        for item in entry:
            try:
                change = RecordChange.from_json(item)
            except ValueError:
                continue  # written by a newer version: not ours to understand
            if _apply(state, change):
                changed.add(change.table, change.id)

    # -- writing -----------------------------------------------------------------------------
    def commit(self) -> bool:
        """Write what is pending: one journal line (or a fold when large), under the lock, after
        taking in other processes' changes. True if anything was written. Raises StoreError."""
        with self._mutex:
            if not self._pending:
                return False
        self._refuse_if_stopped()
        with self._lock.held():
            self._sync_locked()
            with self._mutex:
                pending = list(self._pending)
                if not pending:
                    return False
            state = self._state
            line = journal.encode([change.to_json() for change in pending], state.seal_line())
            if not state.fold or len(line) > FOLD_AT_CHANGE_BYTES:
                self._fold_locked()
                return True
            try:
                end = journal.append(self.journal_path, state.fold, state.journal_end, line)
            except PermissionError:
                raise ReadOnlyFile(
                    f"cannot write in {self.path.parent}: permission denied; nothing was saved"
                ) from None
            except OSError as error:
                raise StoreError(
                    f"could not save to {self.journal_path}: {error.strerror or error}"
                ) from None
            with self._mutex:
                state.journal_end = state.journal_seen = end
                state.journal_current = True
                del self._pending[: len(pending)]
            if self._journal_too_big(state):
                self._fold_locked()
        return True

    def _journal_too_big(self, state: State) -> bool:
        file_size = state.signature[1] if state.signature else 0
        return state.journal_end > max(FOLD_AT_JOURNAL_BYTES, file_size * FOLD_AT_JOURNAL_SHARE)

    @property
    def journal_bytes(self) -> int:
        return self._state.journal_end

    def fold(self, backup_label: str = "") -> None:
        """Write the whole campaign into the file (atomically) and start the journal afresh."""
        self._refuse_if_stopped()
        with self._lock.held():
            if self._state.signature is not None:
                self._sync_locked()
            self._fold_locked(backup_label)

    def reseal(self, cipher: Cipher | None, backup_label: str = "") -> None:
        """Write the whole campaign into the file sealed with `cipher` (None: in the clear), and
        start the journal afresh: how encryption is turned on, off, or given a new key."""
        self._refuse_if_stopped()
        with self._lock.held():
            if self._state.signature is not None:
                self._sync_locked()
            self._fold_locked(backup_label, cipher=cipher, reseal=True)
            self._cipher = cipher

    def _fold_locked(
        self, backup_label: str = "", *, cipher: Cipher | None = None, reseal: bool = False
    ) -> None:
        with self._mutex:
            state = self._state
            if not reseal:
                cipher = state.cipher
            meta = {**state.meta, "schema": SCHEMA_VERSION, "fold": secrets.token_hex(8)}
            meta.pop("migrated_from", None)
            meta.pop("crypt", None)
            if cipher is not None:
                meta["crypt"] = cipher.meta
            meta.setdefault("campaign", uuid.uuid4().hex)
            tables = self._snapshot(state, meta)
            notes = self._notes_snapshot(state)
            pending = len(self._pending)
        if state.signature is not None:
            self._backup(backup_label)
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise ReadOnlyFile(f"{self.shown_path} is read-only; nothing was written")
        rows = self._note_rows(state, notes, copy=cipher is state.cipher)
        try:
            spans = write_file(self.path, tables, rows, _sealer(cipher))
        except Malformed as problem:
            raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        except PermissionError:
            raise ReadOnlyFile(
                f"cannot write in {self.path.parent}: permission denied; nothing was written"
            ) from None
        except OSError as error:
            raise StoreError(
                f"could not write {self.shown_path}: {error.strerror or error}"
            ) from None
        journal.remove(self.journal_path)
        info = os.stat(self.path)
        fd = open_for_reading(self.path)
        written = {record_id: body for record_id, _, body in notes}
        with self._mutex:
            old_fd = state.notes.fd
            state.meta = meta
            state.signature = _signature(info)
            state.in_lines = True
            state.journal_end = state.journal_seen = 0
            state.journal_current = True
            self._notes_checked = True
            meetings = state.table("meetings").docs
            for record_id, span in spans.items():
                if record_id not in meetings and record_id not in state.notes.keys:
                    continue  # deleted while the file was written
                # What is now in the file is read from there, unless it changed meanwhile.
                if state.notes.docs.get(record_id) is written.get(record_id):
                    state.notes.docs.pop(record_id, None)
                state.notes.spans[record_id] = span
            state.notes.fd = fd
            state.notes.cipher = cipher
            del self._pending[:pending]
        if old_fd is not None:
            with contextlib.suppress(OSError):
                os.close(old_fd)

    def _snapshot(self, state: State, meta: Doc) -> list[tuple[str, list[tuple[str, Doc]]]]:
        """The tables as they will be written (documents are never changed in place, so the
        snapshot stays valid while changes go on). Call under the mutex."""
        order = [name for name in TABLE_ORDER if name != META_TABLE]
        order += sorted(name for name in state.tables if name not in order and name != META_TABLE)
        tables: list[tuple[str, list[tuple[str, Doc]]]] = [(META_TABLE, [("1", meta)])]
        for name in order:
            table = state.tables.get(name)
            rows = (
                [(table.key_for(record_id), doc) for record_id, doc in table.docs.items()]
                if table is not None
                else []
            )
            if rows or name in TABLE_ORDER:
                tables.append((name, rows))
        return tables

    @staticmethod
    def _notes_snapshot(state: State) -> list[tuple[str, str, Doc | Span]]:
        """Each meeting's notes as they will be written: the document if it changed since the
        file was written, else where it lies in the file. Call under the mutex."""
        notes = state.notes
        meetings = state.table("meetings")
        rows: list[tuple[str, str, Doc | Span]] = []
        for record_id in [*meetings.docs, *(i for i in notes.keys if i not in meetings.docs)]:
            body: Doc | Span | None = notes.docs.get(record_id) or notes.spans.get(record_id)
            if body is None:
                continue
            key = notes.keys.get(record_id) or meetings.key_for(record_id)
            notes.keys[record_id] = key
            rows.append((record_id, key, body))
        return rows

    def _note_rows(
        self, state: State, rows: list[tuple[str, str, Doc | Span]], *, copy: bool = True
    ) -> Iterator[tuple[str, str, bytes | Doc]]:
        """The notes' JSON for the new file: what is on disk is copied, checked once (unless
        not `copy`: a file sealed with another key, or none, reads each and writes it anew)."""
        fd, check = state.notes.fd, not self._notes_checked
        for record_id, key, body in rows:
            if isinstance(body, Span):
                if fd is None:
                    continue
                if not copy:
                    yield record_id, key, state.notes.read(body)
                    continue
                raw = os.pread(fd, body.length, body.offset)
                if check:
                    _check_json(raw, body, state.cipher)
                yield record_id, key, raw
            else:
                yield record_id, key, body

    def _backup(self, label: str) -> None:
        """Keep the file about to be replaced; a backup that fails is a warning, not a failure."""
        try:
            sweep_backup_folder(self.path)
            make_backup(self.path, self._now(), label=label, force=bool(label))
        except OSError as error:
            self.warnings.append(
                f"no backup was made ({error.strerror or error}); your data is saved"
            )

    def _refuse_if_stopped(self) -> None:
        if self.stopped:
            raise CampaignReplaced(self.stopped)

    def document(self) -> dict[str, dict[str, Doc]]:
        """The whole campaign as the TinyDB document a fold would write (notes read in)."""
        with self._mutex:
            state = self._state
            tables = self._snapshot(state, dict(state.meta))
            notes = self._notes_snapshot(state)
        data = {name: dict(rows) for name, rows in tables}
        data[NOTES_TABLE] = {
            key: body if isinstance(body, dict) else read_span_of(state, body)
            for _, key, body in notes
        }
        return data

    # -- other processes ---------------------------------------------------------------------
    def sync(self) -> Changed:
        """Take in what other processes changed (their journal lines, or a new file)."""
        with self._lock.held():
            return self._sync_locked()

    def poll(self) -> Changed:
        """`sync` if the file or the journal changed since we looked (cheap when nothing did)."""
        state = self._state
        try:
            info = os.stat(self.path)
        except OSError:
            return Changed()
        try:
            size = os.stat(self.journal_path).st_size
        except OSError:
            size = 0
        if _signature(info) == state.signature and size in (state.journal_end, state.journal_seen):
            return Changed()
        if self.stopped:
            return Changed()
        return self.sync()

    def _sync_locked(self) -> Changed:
        state = self._state
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            info = None
        if info is not None and _signature(info) != state.signature:
            return self._reload()
        if info is None and state.signature is not None:
            self._stop("the data file was removed while infoint had it open")
            return Changed()
        found = journal.read(
            self.journal_path, state.fold, state.journal_end, unseal=state.unseal_line()
        )
        state.journal_seen = found.size
        changed = Changed()
        if not found.changes:
            return changed
        with self._mutex:
            for entry in found.changes:
                self._replay(state, entry, changed)
            state.journal_end = found.end
            for change in self._pending:  # ours come after theirs on disk, so here too
                _apply(state, change)
        if changed:
            self._changed(changed, elsewhere=True)
        return changed

    def _reload(self) -> Changed:
        """Another process wrote the file: load it, replay its journal, then our pending."""
        fresh = self._load(create=False)
        if self._state.campaign_id and fresh.campaign_id != self._state.campaign_id:
            fresh.close()
            self._stop(
                f"{self.shown_path} was replaced by another campaign while infoint had it open"
            )
            return Changed()
        with self._mutex:
            for change in self._pending:
                _apply(fresh, change)
            old, self._state = self._state, fresh
            self._notes_checked = False
        old.close()
        changed = Changed(everything=True)
        self._changed(changed, elsewhere=True)
        return changed

    def _stop(self, why: str) -> None:
        self.stopped = why

    # -- backups -----------------------------------------------------------------------------
    def restore(self, backup: Path) -> None:
        """Put a backup in place of the data file. The campaign as it is now (journal included)
        is kept as a backup first; a backup that does not load is refused, nothing changed."""
        self._refuse_if_stopped()
        check = Engine(backup, create=False, now=self._now, passphrase=self._passphrase)
        try:
            check.check_notes()
            ours, theirs = self._state.cipher, check._state.cipher
        finally:
            check.release()
        mismatch = _sealed_otherwise(ours, theirs)
        if mismatch:
            raise StoreError(f"{backup.name} {mismatch}; nothing was restored")
        with self._lock.held():
            self._sync_locked()
            self._fold_locked()
            try:
                make_backup(self.path, self._now(), label="before-restore", force=True)
            except OSError as error:
                raise StoreError(
                    f"the campaign as it is could not be backed up first "
                    f"({error.strerror or error}); nothing was restored"
                ) from None
            with open(backup, "rb") as source:
                atomic_write(self.path, iter(lambda: source.read(1 << 20), b""))
            journal.remove(self.journal_path)
            self._reload()

    # -- when the file cannot be written -----------------------------------------------------
    def write_recovery_copy(self, previous: Path | None = None) -> Path:
        """Write everything in memory to a new file beside the data file (or in the temporary
        folder): the user's words must land somewhere. Given the copy an earlier call made, it
        is replaced, so repeated failures keep one file."""
        import tempfile

        with self._mutex:
            state = self._state
            tables = self._snapshot(state, dict(state.meta))
            notes = self._notes_snapshot(state)
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        name = previous.name if previous is not None else f"{self.path.stem}.recovered-{stamp}.json"
        folders = [self.path.parent, Path(tempfile.gettempdir())]
        if previous is not None:
            folders.insert(0, previous.parent)
        for folder in folders:
            target = folder / name
            try:
                write_file(target, tables, self._note_rows(state, notes), _sealer(state.cipher))
            except OSError:
                continue
            return target
        raise StoreError("could not write a recovery copy anywhere")

    def check_notes(self) -> None:
        """Read every notes record once (a file edited by hand may hold a broken one): raises
        CorruptFile if one cannot be read. The app runs this after its first paint."""
        state = self._state
        notes = state.notes
        for span in list(notes.spans.values()):
            if notes.fd is None:
                return
            with notes._lock:
                raw = os.pread(notes.fd, span.length, span.offset)
            try:
                _check_json(raw, span, notes.cipher)
            except Malformed as problem:
                raise CorruptFile(self.shown_path, str(problem), newest_backup(self.path)) from None
        if state is self._state:
            self._notes_checked = True

    def close(self) -> None:
        """Write what is pending and fold the journal into the file (on quit). The campaign
        stays readable."""
        if self.stopped:
            return
        self.commit()
        if self._state.journal_end or not self._state.in_lines:
            self.fold()

    def release(self) -> None:
        """Let go of the file (its descriptor); nothing can be read after this."""
        self._state.close()

    def lock_held(self) -> contextlib.AbstractContextManager[None]:
        """The file's write lock for a block (re-entrant): no other program writes meanwhile."""
        return self._lock.held()


def _apply(state: State, change: RecordChange) -> bool:
    """Apply a record change to a state; False if it changes nothing (a field set on a record
    deleted meanwhile, or a deletion of one that is gone)."""
    table = state.table(change.table)
    docs = table.docs
    meeting = change.table == "meetings"
    if change.delete:
        found = docs.pop(change.id, None) is not None
        table.keys.pop(change.id, None)
        if meeting:
            found = state.notes.docs.pop(change.id, None) is not None or found
            found = state.notes.spans.pop(change.id, None) is not None or found
            state.notes.keys.pop(change.id, None)
        return found
    fields = change.set or {}
    old = docs.get(change.id)
    if old is None and not change.new:
        return False  # deleted meanwhile: a deletion wins over an edit
    if not meeting:
        doc = dict(fields) if change.new else {**old, **fields}  # type: ignore[dict-item]
        for name in change.unset:
            doc.pop(name, None)
        docs[change.id] = doc
        table.key_for(change.id)
        return True
    light = {k: v for k, v in fields.items() if k in MEETING_LOGISTICS}
    heavy = {k: v for k, v in fields.items() if k not in MEETING_LOGISTICS}
    if change.new:
        docs[change.id] = light
        state.notes.docs[change.id] = {"id": change.id, **heavy}
        state.notes.spans.pop(change.id, None)
    else:
        doc = {**old, **light}  # type: ignore[dict-item]
        for name in change.unset:
            doc.pop(name, None)
        docs[change.id] = doc
        if heavy or any(name not in MEETING_LOGISTICS for name in change.unset):
            current = state.notes.get(change.id) or {"id": change.id}
            notes_doc = {**current, **heavy}
            for name in change.unset:
                if name not in MEETING_LOGISTICS:
                    notes_doc.pop(name, None)
            state.notes.docs[change.id] = notes_doc
    key = table.key_for(change.id)
    state.notes.keys.setdefault(change.id, key)
    return True


def read_span_of(state: State, span: Span) -> Doc:
    return state.notes.read(span)


def _check_json(raw: bytes, span: Span, cipher: Cipher | None = None) -> None:
    """Raise Malformed unless `raw` is a notes record (one that decrypts, in a sealed file)."""
    import orjson

    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise Malformed(f"not valid JSON in table {NOTES_TABLE!r}, record {span.key}") from None
    if not isinstance(doc, dict):
        raise Malformed(f"table {NOTES_TABLE!r} has a malformed record {span.key!r}")
    if cipher is not None:
        cipher.open_record(NOTES_TABLE, span.key, doc)


def _sealed_otherwise(ours: Cipher | None, theirs: Cipher | None) -> str:
    """How a backup's encryption differs from the campaign's ("" when it does not)."""
    if ours is not None and theirs is None:
        return "is in the clear and the campaign is encrypted (`infoint encrypt` encrypts it)"
    if ours is None and theirs is not None:
        return "is encrypted and the campaign is not (`infoint decrypt` decrypts it)"
    if ours is not None and theirs is not None and not ours.same_key(theirs.meta):
        return "is encrypted with another key than the campaign"
    return ""


def _sealer(cipher: Cipher | None) -> Seal | None:
    return None if cipher is None else cipher.seal_record


def _new_meta() -> Doc:
    return {"schema": SCHEMA_VERSION, "campaign": uuid.uuid4().hex}


def _foreign(tables: dict[str, Any]) -> set[str]:
    ours = {*RECORD_TABLES, META_TABLE, SETTINGS_TABLE, NOTES_TABLE, "_default"}
    foreign = {name for name, docs in tables.items() if docs and name not in ours}
    if foreign and not any(tables.get(name) for name in RECORD_TABLES):
        return foreign
    return set()


def _real_path(path: Path) -> Path:
    """The file to write: a symbolic link's target (the link stays a link)."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path
