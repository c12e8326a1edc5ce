"""The file engine under the Repository: load, keep in memory, merge, and write atomically.

Every change is applied in memory at once (reads never touch the disk) and recorded in a
journal. `flush()` writes the whole file through a temporary file under a file lock; if
another process changed the file since we read it, its content is loaded and our journal
replayed on top, so neither process loses the other's writes.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, cast

import orjson

from ..domain.codec import RecordError, from_dict, to_dict
from ..domain.models import (
    BankQuestion,
    Contact,
    Meeting,
    Reminder,
    Settings,
    TargetEmployer,
    Touch,
)
from .atomic import atomic_write, remove_stale_temp_files
from .backups import make_backup, newest_backup
from .errors import CorruptFile, NewerSchema, ReadOnlyFile, StoreError
from .schema import META_TABLE, SCHEMA_VERSION, SETTINGS_TABLE, Tables, migrate, schema_of
from .storage import Encoder, InfointDB, MemoryStorage, RecordTable

RECORD_TABLES: dict[str, type] = {
    "contacts": Contact,
    "meetings": Meeting,
    "reminders": Reminder,
    "touches": Touch,
    "questions": BankQuestion,
    "targets": TargetEmployer,
}
LOCK_TIMEOUT = 10.0
NOTES_TABLE = "meeting_notes"
# Meeting fields kept in the small `meetings` table; every other field goes to `meeting_notes`.
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
        "created_at",
    }
)
# The order of tables in the file: the big notes table last, so start-up can skip it.
TABLE_ORDER = (
    META_TABLE,
    SETTINGS_TABLE,
    "contacts",
    "reminders",
    "touches",
    "targets",
    "questions",
    "meetings",
)

Signature = tuple[int, int, int]
JournalEntry = tuple[str, str, Any]  # ("put", table, doc) or ("delete", table, record id)


class _State:
    """Everything loaded from one version of the file.

    Records are decoded into domain objects table by table on first use (or by a background
    thread after the first paint): start-up reads only what the board shows.

    Meetings are stored in two tables: `meetings` holds the logistics (small, read at start-up
    for the board) and `meeting_notes` the rest (notes, questions, checklist, log: most of the
    file). The notes table comes last in the file and is parsed only when meetings are decoded.
    """

    def __init__(
        self, data: Tables, path: Path, notes_bytes: bytes | memoryview | None = None
    ) -> None:
        self.path = path
        self.storage = MemoryStorage()
        self.storage.data = data
        self.db = InfointDB(storage=_Handover(self.storage))
        self.objects: dict[str, dict[str, Any]] = {}  # a table appears here once decoded
        self.doc_ids: dict[str, dict[str, int]] = {}
        self.notes_bytes = notes_bytes
        settings_docs = list((data.get(SETTINGS_TABLE) or {}).values())
        try:
            self.settings = from_dict(Settings, settings_docs[0]) if settings_docs else Settings()
        except RecordError as error:
            raise CorruptFile(path, f"settings: {error}", newest_backup(path)) from None

    @property
    def meetings_ready(self) -> bool:
        return "meetings" in self.objects

    def table(self, name: str) -> dict[str, Any]:
        """The decoded records of a table, decoding it now if needed (call under the lock)."""
        found = self.objects.get(name)
        if found is None:
            self.install(name, self.decode(name))
            found = self.objects[name]
        return found

    def ids(self, name: str) -> dict[str, int]:
        """Record id -> TinyDB document id, read from the documents without decoding them."""
        found = self.doc_ids.get(name)
        if found is None:
            if name == NOTES_TABLE:
                self.notes_table()
            found = {}
            for doc_key, doc in (self.storage.data.get(name) or {}).items():
                found[doc.get("id") or f"{NOTES_PARENT.get(name, name)[0]}{doc_key}"] = int(doc_key)
            self.doc_ids[name] = found
        return found

    def notes_table(self) -> dict[str, Any]:
        """The meeting notes table, parsed now if start-up put it off."""
        if self.notes_bytes is not None:
            self.install_notes(self.parse_notes(self.notes_bytes))
        return self.storage.data.get(NOTES_TABLE) or {}

    def ensure_meetings(self) -> None:
        self.table("meetings")

    def install_notes(self, notes_table: dict[str, Any]) -> None:
        """Put the parsed notes table in place (what a write needs; decoding can wait)."""
        if NOTES_TABLE not in self.storage.data:
            self.storage.data[NOTES_TABLE] = notes_table
        self.notes_bytes = None

    def decode(self, name: str) -> Decoded:
        """Decode a table without touching the state (safe outside the lock)."""
        data = self.storage.data
        cls = RECORD_TABLES[name]
        objects: dict[str, Any] = {}
        ids: dict[str, dict[str, int]] = {name: {}}
        notes_table = None
        if name == "meetings":
            notes_table = data.get(NOTES_TABLE)
            if notes_table is None and self.notes_bytes is not None:
                notes_table = self.parse_notes(self.notes_bytes)
            if notes_table is None:
                notes_table = {}
            heavy_by_id = {doc.get("id"): (key, doc) for key, doc in notes_table.items()}
            ids[NOTES_TABLE] = {}
        for doc_key, doc in (data.get(name) or {}).items():
            if name == "meetings":
                record_id = doc.get("id") or f"m{doc_key}"
                notes_key, heavy = heavy_by_id.pop(record_id, (None, {}))
                if notes_key is not None:
                    ids[NOTES_TABLE][record_id] = int(notes_key)
                doc = {**heavy, **doc}
            try:
                record: Any = from_dict(cls, doc)
            except RecordError as error:
                raise CorruptFile(
                    self.path, f"{name} record {doc_key}: {error}", newest_backup(self.path)
                ) from None
            if "id" not in doc:  # hand-edited: give it an id that is stable across loads
                record.id = f"{name[0]}{doc_key}"
            objects[record.id] = record
            ids[name][record.id] = int(doc_key)
        return Decoded(name, objects, ids, notes_table, data.get(name))

    def install(self, name: str, decoded: Decoded) -> bool:
        """Keep a decoded table; False if its documents changed since (decode again)."""
        if name in self.objects:
            return True  # decoded meanwhile by another thread: keep what is there
        if self.storage.data.get(name) is not decoded.source:
            return False  # a change was written to the documents after they were read
        if decoded.notes_table is not None:
            self.install_notes(decoded.notes_table)
            if self.storage.data.get(NOTES_TABLE) is not decoded.notes_table:
                return False
        self.doc_ids.update(decoded.ids)
        self.objects[name] = decoded.objects
        return True

    def parse_notes(self, raw: bytes | memoryview) -> dict[str, Any]:
        try:
            notes = orjson.loads(b"{" + bytes(raw[1:]) if isinstance(raw, memoryview) else raw)
        except orjson.JSONDecodeError as error:
            raise CorruptFile(
                self.path, f"not valid JSON: {error}", newest_backup(self.path)
            ) from None
        problem = _shape_problem(notes)
        if problem or list(notes) != [NOTES_TABLE]:
            raise CorruptFile(
                self.path, problem or "malformed meeting notes", newest_backup(self.path)
            )
        return notes[NOTES_TABLE]  # type: ignore[no-any-return]


class Decoded(NamedTuple):
    name: str
    objects: dict[str, Any]
    ids: dict[str, dict[str, int]]
    notes_table: dict[str, Any] | None
    source: Any  # the table's documents as they were when decoded (compared by identity)


NOTES_PARENT = {NOTES_TABLE: "meetings"}


class _Handover:
    """TinyDB instantiates its storage itself; this hands it the one we already built."""

    def __init__(self, storage: MemoryStorage) -> None:
        self.storage = storage

    def __call__(self) -> MemoryStorage:
        return self.storage


class FileEngine:
    def __init__(
        self, path: Path, *, autoflush: bool = True, create: bool = True, eager: bool = True
    ) -> None:
        self.path = Path(path)
        self.autoflush = autoflush
        self.on_change: Callable[[], None] | None = None
        self.on_reload: Callable[[], None] | None = None
        self._mutex = threading.RLock()
        self._flush_lock = threading.Lock()
        self._file_lock: Any = None  # a filelock.FileLock, made at the first write (import cost)
        self._encoder = Encoder()
        self._journal: list[JournalEntry] = []
        self._batch_depth = 0
        self._backed_up = False
        self._signature: Signature | None = None
        data, notes_bytes = self._read_disk(split=True)
        self._signature = self._stat()
        exists = data is not None
        data, migrated_from = self._checked(data or {})
        self._state = _State(data, self.path, notes_bytes)
        if eager:  # the app passes eager=False and calls load_everything() after its first paint
            self.load_everything()
        self._swept = not exists  # temp files of killed writers are removed at the first write
        if migrated_from is not None:
            make_backup(self.path, self._now(), label=f"schema{migrated_from}", force=True)
            self._backed_up = True
            self._journal.append(("meta", META_TABLE, None))
            self.flush()
        elif not exists and create:
            self._journal.append(("meta", META_TABLE, None))
            self.flush()

    # -- what subclasses provide ------------------------------------------------------------
    def _now(self) -> Any:
        raise NotImplementedError

    # -- reading the file -------------------------------------------------------------------
    def _stat(self) -> Signature | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _read_disk(self, split: bool = False) -> tuple[Tables | None, memoryview | None]:
        """The file's tables; with `split`, the meeting notes are returned unparsed if possible."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            if not self.path.parent.is_dir():
                raise StoreError(
                    f"{self.path.parent} does not exist (create the folder first)"
                ) from None
            return None, None
        except IsADirectoryError:
            raise StoreError(f"{self.path} is a folder, not a data file") from None
        except PermissionError:
            raise StoreError(f"{self.path} cannot be read: permission denied") from None
        if not raw.strip():
            return {}, None
        if split:
            head, notes = _split_notes(raw)
            if head is not None:
                return head, notes
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise CorruptFile(
                self.path, f"not valid JSON: {error}", newest_backup(self.path)
            ) from None
        problem = _shape_problem(data)
        if problem:
            raise CorruptFile(self.path, problem, newest_backup(self.path))
        return data, None

    def _checked(self, data: Tables) -> tuple[Tables, int | None]:
        """Refuse newer files; migrate older ones (the caller backs up first)."""
        found = schema_of(data)
        if found is None:
            ours = set(RECORD_TABLES) | {META_TABLE, SETTINGS_TABLE, "_default"}
            foreign = sorted(t for t, docs in data.items() if docs and t not in ours)
            if foreign and not any(data.get(t) for t in RECORD_TABLES):
                raise CorruptFile(
                    self.path, f"not an infoint data file (tables: {', '.join(foreign)})", None
                )
            found = SCHEMA_VERSION  # no meta yet: written by this version before its first save
        if found > SCHEMA_VERSION:
            raise NewerSchema(self.path, found, SCHEMA_VERSION, newest_backup(self.path))
        if found < SCHEMA_VERSION:
            return migrate(data, found), found
        return data, None

    # -- changing records -------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes into one write; on an exception nothing of the batch is kept."""
        with self._mutex:
            outer = self._batch_depth == 0
            saved = (
                (dict(self._state.storage.data), len(self._journal), self._state.notes_bytes)
                if outer
                else None
            )
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                self._batch_depth -= 1
                if saved is not None:
                    self._rollback(*saved)
                raise
            self._batch_depth -= 1
        if outer:
            self._changed()

    def _rollback(
        self, data: Tables, journal_length: int, notes_bytes: bytes | memoryview | None
    ) -> None:
        del self._journal[journal_length:]
        self._state = _State(data, self.path, notes_bytes)

    def _put(self, table: str, record: Any) -> None:
        with self._mutex:
            doc = to_dict(record)
            self._apply_put(self._state, table, doc, record)
            self._journal.append(("put", table, doc))
        self._changed()

    def _delete(self, table: str, record_id: str) -> None:
        with self._mutex:
            self._apply_delete(self._state, table, record_id)
            self._journal.append(("delete", table, record_id))
        self._changed()

    def _put_settings(self, settings: Settings) -> None:
        with self._mutex:
            self._state.settings = settings
            self._journal.append(("settings", SETTINGS_TABLE, to_dict(settings)))
            _records(self._state, SETTINGS_TABLE).put(1, self._journal[-1][2])
        self._changed()

    @staticmethod
    def _apply_put(state: _State, table: str, doc: dict[str, Any], record: Any = None) -> None:
        """Store a document; the decoded records, if the table was decoded, follow it."""
        objects = state.objects.get(table)  # not decoded yet: it will be, from the documents
        if table == "meetings":
            light = {k: v for k, v in doc.items() if k in MEETING_LOGISTICS}
            heavy = {k: v for k, v in doc.items() if k not in MEETING_LOGISTICS or k == "id"}
            FileEngine._put_doc(state, NOTES_TABLE, heavy)
            FileEngine._put_doc(state, table, light)
        else:
            FileEngine._put_doc(state, table, doc)
        if objects is not None:
            objects[doc["id"]] = (
                record if record is not None else from_dict(RECORD_TABLES[table], doc)
            )

    @staticmethod
    def _put_doc(state: _State, table: str, doc: dict[str, Any]) -> None:
        ids = state.ids(table)  # first: for the notes, this parses a table put off at start-up
        record_id = doc["id"]
        doc_id = ids.get(record_id)
        if doc_id is None:
            ids[record_id] = _records(state, table).insert(doc)
        else:
            _records(state, table).put(doc_id, doc)

    @staticmethod
    def _apply_delete(state: _State, table: str, record_id: str) -> None:
        tables = [table, NOTES_TABLE] if table == "meetings" else [table]
        for name in tables:
            doc_id = state.ids(name).pop(record_id, None)
            if doc_id is not None:
                _records(state, name).remove(doc_ids=[doc_id])
        objects = state.objects.get(table)
        if objects is not None:
            objects.pop(record_id, None)

    def _changed(self) -> None:
        if self._batch_depth:
            return
        if self.autoflush:
            self.flush()
        if self.on_change is not None:
            self.on_change()

    # -- writing the file -------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return bool(self._journal)

    def flush(self) -> bool:
        """Write pending changes to disk now; True if anything was written.

        Safe to call from a worker thread: it holds the in-memory lock only to take a snapshot.
        """
        with self._flush_lock:
            with self._mutex:
                if not self._journal:
                    return False
            from filelock import FileLock, Timeout

            if self._file_lock is None:
                lock_path = self.path.with_name(self.path.name + ".lock")
                self._file_lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT, thread_local=False)
            self._parse_notes_outside_the_lock()
            try:
                self._file_lock.acquire()
            except Timeout:
                raise StoreError(
                    f"{self.path} is locked by another program (waited {LOCK_TIMEOUT:.0f} s); nothing was written"
                ) from None
            try:
                with self._mutex:
                    current = self._stat()
                    if current is not None and current != self._signature:
                        self._merge_from_disk()
                    if self._state.notes_bytes is not None:  # never write a file without the notes
                        self._state.install_notes(self._state.parse_notes(self._state.notes_bytes))
                    snapshot = _ordered(self._state.storage.data)
                    meta = snapshot.get(META_TABLE) or {}
                    if not meta:
                        snapshot[META_TABLE] = {"1": {"schema": SCHEMA_VERSION}}
                        self._state.storage.data[META_TABLE] = snapshot[META_TABLE]
                    pending = len(self._journal)
                if self.path.exists() and not os.access(self.path, os.W_OK):
                    raise ReadOnlyFile(f"{self.path} is read-only; nothing was written")
                if not self._swept:
                    remove_stale_temp_files(self.path)
                    self._swept = True
                if not self._backed_up:
                    make_backup(self.path, self._now())
                    self._backed_up = True
                try:
                    atomic_write(self.path, self._encoder.chunks(snapshot))
                except PermissionError:
                    raise ReadOnlyFile(
                        f"cannot write in {self.path.parent}: permission denied"
                    ) from None
                except OSError as error:
                    raise StoreError(
                        f"could not write {self.path}: {error.strerror or error}"
                    ) from None
                signature = self._stat()
            finally:
                self._file_lock.release()
            with self._mutex:
                self._signature = signature
                del self._journal[:pending]
        return True

    def _merge_from_disk(self) -> None:
        """Another process wrote the file: take its content and replay our unsaved changes."""
        data, _ = self._read_disk()
        data, _ = self._checked(data or {})
        fresh = _State(data, self.path)
        for kind, table, payload in self._journal:
            if kind == "put":
                self._apply_put(fresh, table, payload)
            elif kind == "delete":
                self._apply_delete(fresh, table, payload)
            elif kind == "settings":
                fresh.settings = from_dict(Settings, payload)
                _records(fresh, SETTINGS_TABLE).put(1, payload)
        self._state = fresh
        if self.on_reload is not None:
            self.on_reload()

    def write_recovery_copy(self, previous: Path | None = None) -> Path:
        """Save everything in memory to a new file beside the data file (or in the temp folder).

        Used when the data file cannot be written: the user's words must land somewhere.
        Given the copy an earlier call made, it is replaced, so repeated failures keep one file.
        """
        import tempfile
        from datetime import datetime as _dt

        self._parse_notes_outside_the_lock()
        with self._mutex:
            if self._state.notes_bytes is not None:
                self._state.install_notes(self._state.parse_notes(self._state.notes_bytes))
            snapshot = _ordered(self._state.storage.data)
        stamp = _dt.now().strftime("%Y%m%d-%H%M%S")
        name = previous.name if previous is not None else f"{self.path.stem}.recovered-{stamp}.json"
        folders = [self.path.parent, Path(tempfile.gettempdir())]
        if previous is not None:
            folders.insert(0, previous.parent)
        for folder in folders:
            target = folder / name
            try:
                atomic_write(target, Encoder().chunks(snapshot))
            except OSError:
                continue
            return target
        raise StoreError("could not write a recovery copy anywhere")

    def _parse_notes_outside_the_lock(self) -> None:
        """Parse put-off meeting notes without holding the lock the UI thread needs for changes."""
        state = self._state
        raw = state.notes_bytes
        if raw is None:
            return
        parsed = state.parse_notes(raw)
        with self._mutex:
            if self._state is state:
                state.install_notes(parsed)

    def load_everything(self) -> None:
        """Decode every table now (from a worker thread after the first paint: the decoding
        happens outside the lock, so the UI can go on changing records meanwhile).

        Raises CorruptFile if a record or the notes cannot be read."""
        for name in RECORD_TABLES:
            state = self._state
            if name in state.objects:
                continue
            decoded = state.decode(name)
            with self._mutex:
                if self._state is state and not state.install(name, decoded):
                    state.table(name)  # changed while decoding: decode again, under the lock

    def reload_if_changed(self) -> bool:
        """Pick up changes another process made (nothing of ours is lost); True if it did."""
        with self._mutex:
            current = self._stat()
            if current is None or current == self._signature:
                return False
            self._merge_from_disk()
            if not self._journal:
                self._signature = current
            return True


def _ordered(data: Tables) -> Tables:
    """A snapshot of the tables in file order: known tables, unknown ones, the notes last."""
    ordered = {name: data[name] for name in TABLE_ORDER if name in data}
    for name, table in data.items():
        if name not in ordered and name != NOTES_TABLE:
            ordered[name] = table
    if NOTES_TABLE in data:
        ordered[NOTES_TABLE] = data[NOTES_TABLE]
    return ordered


_NOTES_MARKER = b',"' + NOTES_TABLE.encode() + b'":{'


def _split_notes(raw: bytes) -> tuple[Tables | None, memoryview | None]:
    """Parse everything but the trailing meeting-notes table, which is returned as bytes.

    The marker cannot occur inside a JSON string (its quotes would be escaped), and if it was
    found inside a nested object the head would not parse: then the caller reads it all.
    """
    at = raw.rfind(_NOTES_MARKER)
    if at <= 0:
        return None, None
    try:
        head = orjson.loads(raw[:at] + b"}")
    except orjson.JSONDecodeError:
        return None, None
    if _shape_problem(head) or NOTES_TABLE in head:
        return None, None
    return head, memoryview(raw)[at:]  # ',"meeting_notes":{...}}' without copying it


def _records(state: _State, name: str) -> RecordTable:
    return cast(RecordTable, state.db.table(name))


def _shape_problem(data: Any) -> str:
    if not isinstance(data, dict):
        return f"not an infoint data file (the top level is a JSON {type(data).__name__})"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not a JSON object"
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                return f"table {name!r} has a malformed record {key!r}"
    return ""
