"""Turning encryption at rest on and off for a data file and every copy of it infoint keeps.

The file is rewritten whole (a fold: the journal goes into it), then each backup and each
recovery copy beside it is rewritten in place, atomically and keeping its date, so that nothing
readable stays on disk (or, turning encryption off, so that every copy opens without the key).
Backups are kept rather than removed: they are the user's way back, and losing them to turn on
encryption would trade one safety for another. A copy that cannot be read cannot be encrypted
either; it is removed, and the report says so.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from .backups import list_backups, sweep_backup_folder
from .crypto import Cipher, new_cipher, sealed_in, unlock
from .engine import Engine
from .errors import StoreError, WrongPassphrase
from .layout import META_TABLE, NOTES_TABLE, Doc, Malformed, read_file, read_span, write_file


def encrypt(path: Path, passphrase: str, *, now: Callable[[], datetime]) -> list[str]:
    """Encrypt the campaign at `path` and its copies with `passphrase`; what was done, a line
    each. A file encrypted already is opened with `passphrase` (WrongPassphrase otherwise), and
    its copies not yet encrypted (a run cut short) are. Raises StoreError."""
    engine = _open(path, passphrase, now)
    try:
        with engine.lock_held():
            cipher = engine.cipher
            if cipher is None:
                cipher = new_cipher(passphrase)
                engine.reseal(cipher, backup_label="before-encrypt")
                done = [f"encrypted {engine.shown_path}"]
            else:
                engine.fold()  # a journal left from before is folded in and removed
                done = [f"{engine.shown_path} was encrypted already"]
            done += _convert_copies(engine.path, cipher, passphrase)
    finally:
        engine.release()
    return done


def decrypt(path: Path, passphrase: str, *, now: Callable[[], datetime]) -> list[str]:
    """Write the campaign at `path` and its copies in the clear again; what was done, a line
    each. Raises WrongPassphrase (nothing written), StoreError."""
    engine = _open(path, passphrase, now)
    try:
        with engine.lock_held():
            if engine.cipher is not None:
                engine.reseal(None, backup_label="before-decrypt")
                done = [f"decrypted {engine.shown_path}"]
            else:
                engine.fold()
                done = [f"{engine.shown_path} was not encrypted"]
            done += _convert_copies(engine.path, None, passphrase)
    finally:
        engine.release()
    return done


def is_encrypted(path: Path) -> bool:
    """Whether the data file at `path` is encrypted (False if there is none, or it is not a
    data file: opening it says what is wrong)."""
    try:
        found = read_file(path)
    except Malformed:
        return False  # opening it says what is wrong
    return found is not None and sealed_in(found[0].tables) is not None


def _open(path: Path, passphrase: str, now: Callable[[], datetime]) -> Engine:
    if not path.exists():
        raise StoreError(f"there is no campaign at {path}")
    return Engine(path, create=False, now=now, passphrase=passphrase)


def _copies(path: Path) -> list[tuple[Path, str]]:
    """Every backup, and every recovery copy beside the file, with what kind of copy it is."""
    sweep_backup_folder(path)  # a killed writer's temporary file may hold the campaign
    found = [(backup, "backup") for backup in list_backups(path)]
    prefix = f"{path.stem}.recovered-"  # as Engine.write_recovery_copy names them
    for entry in sorted(path.parent.iterdir()):
        if entry.name.startswith(prefix) and entry.name.endswith(".json"):
            with contextlib.suppress(OSError):
                if entry.is_file() and not entry.is_symlink():
                    found.append((entry, "recovery copy"))
    return found


CONVERTED = "converted"
PLURAL = {"backup": "backups", "recovery copy": "recovery copies"}


def _convert_copies(path: Path, target: Cipher | None, passphrase: str) -> list[str]:
    done: list[str] = []
    counts = dict.fromkeys(PLURAL, 0)
    for copy, kind in _copies(path):
        name = f"{kind} {copy.name}"
        try:
            line = _convert(copy, name, target, passphrase)
        except OSError as error:
            line = f"could not rewrite {name}: {error.strerror or error}"
        if line == CONVERTED:
            counts[kind] += 1
        elif line is not None:
            done.append(line)
    verb = "encrypted" if target is not None else "decrypted"
    summary = [f"{verb} {n} {kind if n == 1 else PLURAL[kind]}" for kind, n in counts.items() if n]
    return summary + done


def _convert(copy: Path, name: str, target: Cipher | None, passphrase: str) -> str | None:
    """Rewrite one copy sealed with `target` (None: in the clear). CONVERTED, None when there
    was nothing to do, else a line saying what happened instead."""
    try:
        found = read_file(copy)
    except (Malformed, StoreError):
        if target is None:
            return f"left {name} as it is: it cannot be read"
        os.unlink(copy)
        return f"removed {name}: it cannot be read, so it could not be encrypted"
    if found is None:
        return None  # pruned meanwhile
    contents, info = found
    sealed = sealed_in(contents.tables)
    if sealed is None and target is None:
        return None
    if sealed is not None and target is not None and target.same_key(sealed):
        return None
    source: Cipher | None = None
    if sealed is not None:
        try:
            source = unlock(copy, sealed, passphrase)
        except WrongPassphrase:
            return f"left {name} as it is: it is encrypted with another passphrase"
        except Malformed:
            return f"left {name} as it is: it is encrypted in a way infoint does not know"
    try:
        tables, notes = _read_all(copy, contents, source)
    except (Malformed, OSError):
        if source is not None:
            return f"left {name} as it is (encrypted): some of it fails its check"
        os.unlink(copy)
        return f"removed {name}: part of it cannot be read, so it could not be encrypted"
    meta_rows = list((contents.tables.get(META_TABLE) or {"1": {}}).items())
    key, meta = meta_rows[0]
    meta = {k: v for k, v in meta.items() if k != "crypt"}
    if target is not None:
        meta["crypt"] = target.meta
    rows: list[tuple[str, list[tuple[str, bytes | Doc]]]] = [(META_TABLE, [(key, meta)])]
    rows += [(table, list(docs.items())) for table, docs in tables.items()]
    write_file(copy, rows, notes, None if target is None else target.seal_record)
    os.utime(copy, ns=(info.st_atime_ns, info.st_mtime_ns))  # backups are listed by date
    return CONVERTED


def _read_all(
    copy: Path, contents: Any, source: Cipher | None
) -> tuple[dict[str, dict[str, Doc]], list[tuple[str, str, bytes | Doc]]]:
    """Every record of a copy, decrypted (`source`): the tables, and the notes to write."""
    tables = {
        table: (
            docs
            if source is None
            else {key: source.open_record(table, key, doc) for key, doc in docs.items()}
        )
        for table, docs in contents.tables.items()
        if table != META_TABLE
    }
    notes: list[tuple[str, str, bytes | Doc]] = []
    if contents.notes:
        fd = os.open(copy, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            for record_id, span in contents.notes.items():
                doc = read_span(fd, span)
                if source is not None:
                    doc = source.open_record(NOTES_TABLE, span.key, doc)
                notes.append((record_id, span.key, doc))
        finally:
            os.close(fd)
    for record_id, (key, doc) in contents.notes_docs.items():
        if source is not None:
            doc = source.open_record(NOTES_TABLE, key, doc)
        notes.append((record_id, key, doc))
    return tables, notes
