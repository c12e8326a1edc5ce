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
from typing import Any, cast

import orjson
from filelock import FileLock, Timeout

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

Signature = tuple[int, int, int]
JournalEntry = tuple[str, str, Any]  # ("put", table, doc) or ("delete", table, record id)


class _State:
    """Everything loaded from one version of the file."""

    def __init__(self, data: Tables, path: Path) -> None:
        self.storage = MemoryStorage()
        self.storage.data = data
        self.db = InfointDB(storage=_Handover(self.storage))
        self.objects: dict[str, dict[str, Any]] = {name: {} for name in RECORD_TABLES}
        self.doc_ids: dict[str, dict[str, int]] = {name: {} for name in RECORD_TABLES}
        for name, cls in RECORD_TABLES.items():
            for doc_key, doc in (data.get(name) or {}).items():
                try:
                    record: Any = from_dict(cls, doc)
                except RecordError as error:
                    raise CorruptFile(
                        path, f"{name} record {doc_key}: {error}", newest_backup(path)
                    ) from None
                if "id" not in doc:  # hand-edited: give it an id that is stable across loads
                    record.id = f"{name[0]}{doc_key}"
                self.objects[name][record.id] = record
                self.doc_ids[name][record.id] = int(doc_key)
        settings_docs = list((data.get(SETTINGS_TABLE) or {}).values())
        try:
            self.settings = from_dict(Settings, settings_docs[0]) if settings_docs else Settings()
        except RecordError as error:
            raise CorruptFile(path, f"settings: {error}", newest_backup(path)) from None


class _Handover:
    """TinyDB instantiates its storage itself; this hands it the one we already built."""

    def __init__(self, storage: MemoryStorage) -> None:
        self.storage = storage

    def __call__(self) -> MemoryStorage:
        return self.storage


class FileEngine:
    def __init__(self, path: Path, *, autoflush: bool = True, create: bool = True) -> None:
        self.path = Path(path)
        self.autoflush = autoflush
        self.on_change: Callable[[], None] | None = None
        self.on_reload: Callable[[], None] | None = None
        self._mutex = threading.RLock()
        self._flush_lock = threading.Lock()
        self._file_lock = FileLock(
            str(self.path.with_name(self.path.name + ".lock")),
            timeout=LOCK_TIMEOUT,
            thread_local=False,
        )
        self._encoder = Encoder()
        self._journal: list[JournalEntry] = []
        self._batch_depth = 0
        self._backed_up = False
        self._signature: Signature | None = None
        data = self._read_disk()
        self._signature = self._stat()
        exists = data is not None
        data, migrated_from = self._checked(data or {})
        self._state = _State(data, self.path)
        if exists:
            remove_stale_temp_files(self.path)
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

    def _read_disk(self) -> Tables | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            if not self.path.parent.is_dir():
                raise StoreError(
                    f"{self.path.parent} does not exist (create the folder first)"
                ) from None
            return None
        except IsADirectoryError:
            raise StoreError(f"{self.path} is a folder, not a data file") from None
        except PermissionError:
            raise StoreError(f"{self.path} cannot be read: permission denied") from None
        if not raw.strip():
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise CorruptFile(
                self.path, f"not valid JSON: {error}", newest_backup(self.path)
            ) from None
        problem = _shape_problem(data)
        if problem:
            raise CorruptFile(self.path, problem, newest_backup(self.path))
        return data

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
            saved = (dict(self._state.storage.data), len(self._journal)) if outer else None
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

    def _rollback(self, data: Tables, journal_length: int) -> None:
        del self._journal[journal_length:]
        self._state = _State(data, self.path)

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
        record_id = doc["id"]
        tinydb_table = _records(state, table)
        doc_id = state.doc_ids[table].get(record_id)
        if doc_id is None:
            state.doc_ids[table][record_id] = tinydb_table.insert(doc)
        else:
            tinydb_table.put(doc_id, doc)
        if record is None:
            record = from_dict(RECORD_TABLES[table], doc)
        state.objects[table][record_id] = record

    @staticmethod
    def _apply_delete(state: _State, table: str, record_id: str) -> None:
        doc_id = state.doc_ids[table].pop(record_id, None)
        if doc_id is not None:
            _records(state, table).remove(doc_ids=[doc_id])
        state.objects[table].pop(record_id, None)

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
                    snapshot = dict(self._state.storage.data)
                    meta = snapshot.get(META_TABLE) or {}
                    if not meta:
                        snapshot[META_TABLE] = {"1": {"schema": SCHEMA_VERSION}}
                        self._state.storage.data[META_TABLE] = snapshot[META_TABLE]
                    pending = len(self._journal)
                if self.path.exists() and not os.access(self.path, os.W_OK):
                    raise ReadOnlyFile(f"{self.path} is read-only; nothing was written")
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
        data = self._read_disk() or {}
        data, _ = self._checked(data)
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

        with self._mutex:
            snapshot = dict(self._state.storage.data)
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
