"""The data file: a TinyDB JSON document written one record per line, so it can be read in parts.

    {
    "meta":{
    "1":{"schema":2,"fold":"…"}
    },
    "contacts":{
    "1":{"name":"Ada Lovelace",…},
    "2":{…}
    },
    …
    "meeting_notes":{
    "1":{"id":"…","notes":"…",…}
    }
    }

Any JSON reader (TinyDB's own storage included) reads it as one document. A file written this way
is read table by table: the small tables are parsed whole, and the meeting notes, most of the
bytes, are only indexed (where each record's line starts and ends) to be read when asked for.
A file in any other layout (written by TinyDB, by an older infoint, by hand) is read whole.
In an encrypted campaign each record's JSON is sealed as it is written (`seal`, see crypto.py);
the lines and the index stay the same.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .atomic import atomic_write
from .errors import StoreError

NOTES_TABLE = "meeting_notes"
META_TABLE = "meta"
SETTINGS_TABLE = "settings"
# The tables in file order; a table the file holds that is not named here (a newer version's,
# a user's) is kept and written back after these, before the notes.
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

Doc = dict[str, Any]


@dataclass(frozen=True)
class Span:
    """Where one record's JSON lies in the file: `length` bytes from `offset`."""

    key: str
    offset: int
    length: int


@dataclass
class Contents:
    """A data file as read: every table's documents by key, but the notes, which are indexed.

    `notes` maps a notes record's id to its span in the file; `notes_docs` holds the notes
    that were parsed already (a file in another layout is parsed whole).
    """

    tables: dict[str, dict[str, Doc]] = field(default_factory=dict)
    notes: dict[str, Span] = field(default_factory=dict)
    notes_docs: dict[str, tuple[str, Doc]] = field(default_factory=dict)
    in_lines: bool = True  # written in this layout (else the next write rewrites it so)


_TABLE_OPEN = re.compile(rb'"((?:[^"\\\n]|\\.)*)":\{\n')
_NOTES_LINE = re.compile(rb'"(\d+)":\{"id":"([0-9A-Za-z_.-]{1,64})"')


class Malformed(Exception):
    """The file does not hold what an infoint data file holds; `str()` says what is wrong."""


def read_file(path: Path) -> tuple[Contents, os.stat_result] | None:
    """The file's contents and its stat, or None if there is no file. Raises Malformed,
    StoreError (not a regular file, unreadable)."""
    with contextlib.suppress(OSError):
        _refuse_special(path, os.stat(path))
    try:
        # Not blocking: opening a named pipe would otherwise wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a data file") from None
    except PermissionError:
        raise StoreError(f"{path} cannot be read: permission denied") from None
    except OSError as error:
        raise StoreError(f"{path} cannot be read: {error.strerror or error}") from None
    info = os.fstat(fd)
    try:
        _refuse_special(path, info)
    except StoreError:
        os.close(fd)
        raise
    with open(fd, "rb", buffering=1 << 16) as handle:
        first = handle.readline()
        if first == b"{\n":
            contents = _read_lines(handle, len(first))
            if contents is not None:
                return contents, info
        handle.seek(0)
        raw = handle.read()
    return _read_whole(raw), info


def _refuse_special(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a folder, not a data file")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a regular file; infoint reads and writes only files")


_NOTES_OPEN = b'\n"' + NOTES_TABLE.encode() + b'":{\n'
_CHUNK = 1 << 22


def _read_lines(handle: Any, offset: int) -> Contents | None:
    """Read a file in this module's layout; None if it turns out not to be (read it whole).

    The small tables come first: they are read in one piece and each parsed in one call. The
    notes table, last, is read line by line and only indexed."""
    light, notes_at = _read_until_notes(handle)
    if notes_at is None:  # no notes table: the document's closing brace ends the last table
        light = light.rstrip()
        if not light.endswith(b"}\n}"):
            return None
        light = light[:-1]
    contents = Contents()
    if not _parse_light(contents, light):
        return None
    if notes_at is None:
        return contents
    handle.seek(offset + notes_at)
    offset += notes_at
    line = handle.readline()
    offset += len(line)
    while True:
        line = handle.readline()
        if line in (b"}\n", b"},\n"):
            break
        if not line.endswith(b"\n") or not _index_note(contents, line, offset):
            return None
        offset += len(line)
    closing = handle.readline()
    if line != b"}\n" or closing not in (b"}\n", b"}") or handle.read(1).strip():
        return None
    return contents


def _read_until_notes(handle: Any) -> tuple[bytes, int | None]:
    """What comes before the notes table (read in big pieces), and where the notes table's
    first line starts, counted from there (None when the file has no notes table)."""
    buffer = bytearray()
    searched = 0
    while True:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return bytes(buffer), None
        buffer += chunk
        found = buffer.find(_NOTES_OPEN, max(0, searched - len(_NOTES_OPEN)))
        if found >= 0:
            return bytes(buffer[: found + 1]), found + 1
        searched = len(buffer)


def _parse_light(contents: Contents, light: bytes) -> bool:
    """Parse every small table of `light` (the file after its first line, up to the notes).

    A table ends at the first line that is only "}," (a record's line starts with its key), or,
    for the last one, at the end."""
    at = 0
    while at < len(light):
        found = _TABLE_OPEN.match(light, at)
        if found is None:
            return False
        name = orjson.loads(b'"' + found.group(1) + b'"')
        if name in contents.tables or name == NOTES_TABLE:
            raise Malformed(f"table {name!r} appears twice")
        start = found.end() - 2  # the table's "{"
        close = light.find(b"\n},\n", start)
        if close < 0:  # the last table
            body = light[start:].rstrip()
            at = len(light)
        else:
            body = light[start : close + 2]
            at = close + 4
        if not body.endswith(b"\n}"):
            return False
        contents.tables[name] = _parse_table(name, body)
    return True


def _parse_table(name: str, body: bytes) -> dict[str, Doc]:
    """One table from its text, "{" to "}", a record a line."""
    if body.endswith(b",\n}"):
        raise Malformed(f"table {name!r} ends with a comma")
    try:
        table = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise Malformed(f"not valid JSON in table {name!r}: {error}") from None
    if not isinstance(table, dict):
        raise Malformed(f"table {name!r} is not a JSON object")
    if len(table) != body.count(b"\n") - 1:
        raise Malformed(f"table {name!r} has two records with the same key")
    _check_table(name, table)
    return table  # type: ignore[no-any-return]


def _index_note(contents: Contents, line: bytes, offset: int) -> bool:
    """Index one line of the notes table; False if it is not a record line of this layout."""
    end = len(line) - (2 if line.endswith(b",\n") else 1)
    found = _NOTES_LINE.match(line)
    if found is not None:
        key, record_id = found.group(1).decode(), found.group(2).decode()
        start = len(found.group(1)) + 3  # '"', the key, '":'
    else:  # a line in this layout whose record does not start with its id: parse it
        colon = line.find(b'":')
        if not line.startswith(b'"') or colon < 0:
            return False
        key = line[1:colon].decode("utf-8", "replace")
        start = colon + 2
        try:
            doc = orjson.loads(line[start:end])
        except orjson.JSONDecodeError:
            raise Malformed(f"not valid JSON in table {NOTES_TABLE!r}") from None
        if not isinstance(doc, dict) or not key.isdigit():
            raise Malformed(f"table {NOTES_TABLE!r} has a malformed record {key!r}")
        record_id = str(doc.get("id") or f"m{key}")
    if record_id in contents.notes:
        raise Malformed(f"table {NOTES_TABLE!r} has two records with the id {record_id!r}")
    contents.notes[record_id] = Span(key, offset + start, end - start)
    return True


def _read_whole(raw: bytes) -> Contents:
    """A file in another layout: parsed whole, refusing what TinyDB would silently drop."""
    if not raw.strip():
        return Contents(in_lines=False)
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
    except RecursionError:
        raise Malformed("nested too deeply to be an infoint data file") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise Malformed(f"not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise Malformed(f"not an infoint data file (the top level is a JSON {type(data).__name__})")
    contents = Contents(in_lines=False)
    for name, table in data.items():
        if not isinstance(table, dict):
            raise Malformed(f"table {name!r} is not a JSON object")
        _check_table(name, table)
        if name == NOTES_TABLE:
            for key, doc in table.items():
                record_id = str(doc.get("id") or f"m{key}")
                if record_id in contents.notes_docs:
                    raise Malformed(
                        f"table {NOTES_TABLE!r} has two records with the id {record_id!r}"
                    )
                contents.notes_docs[record_id] = (key, doc)
        else:
            contents.tables[name] = table
    return contents


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _DuplicateKey(f"the key {twice!r} appears twice in one object")
    return found


def _check_table(name: str, table: dict[str, Any]) -> None:
    for key, doc in table.items():
        if not key.isdigit() or not isinstance(doc, dict):
            raise Malformed(f"table {name!r} has a malformed record {key!r}")


def read_span(fd: int, span: Span) -> Doc:
    """One notes record, read from the open file `fd`. Raises Malformed."""
    raw = os.pread(fd, span.length, span.offset)
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise Malformed(f"not valid JSON in table {NOTES_TABLE!r}, record {span.key}") from None
    if not isinstance(doc, dict):
        raise Malformed(f"table {NOTES_TABLE!r} has a malformed record {span.key!r}")
    return doc  # type: ignore[no-any-return]


# -- writing -----------------------------------------------------------------------------------
Row = tuple[str, "bytes | Doc"]  # a record's key and its JSON (bytes) or its document
# A record's JSON as an encrypted file holds it: (table, key, JSON, the notes' record id or None).
Seal = Callable[[str, str, bytes, "str | None"], bytes]


def write_file(
    path: Path,
    tables: Iterable[tuple[str, Iterable[Row]]],
    notes: Iterable[tuple[str, str, bytes | Doc]],
    seal: Seal | None = None,
) -> dict[str, Span]:
    """Write the file atomically: `tables` in order, then the notes as (record id, key, JSON or
    document). Given `seal`, every document but the meta record is sealed (JSON given as bytes
    is written as it is: it was read from a file sealed alike). Returns where each notes record
    landed in the new file."""
    spans: dict[str, Span] = {}
    atomic_write(path, _chunks(tables, notes, spans, seal))
    return spans


def _chunks(
    tables: Iterable[tuple[str, Iterable[Row]]],
    notes: Iterable[tuple[str, str, bytes | Doc]],
    spans: dict[str, Span],
    seal: Seal | None = None,
) -> Iterator[bytes]:
    offset = 2
    yield b"{\n"
    pending_close = b""
    for name, rows in [*tables, (NOTES_TABLE, None)]:
        head = pending_close + orjson.dumps(name) + b":{\n"
        yield head
        offset += len(head)
        separator = b""
        if rows is None:
            for record_id, key, body in notes:
                prefix = separator + b'"' + key.encode() + b'":'
                if isinstance(body, bytes):
                    data = body
                elif seal is not None:
                    data = seal(NOTES_TABLE, key, _encode(body), record_id)
                else:
                    data = _encode(body)
                spans[record_id] = Span(key, offset + len(prefix), len(data))
                yield prefix
                yield data
                offset += len(prefix) + len(data)
                separator = b",\n"
        else:
            block: list[bytes] = []
            sealing = seal if name != META_TABLE else None
            for key, body in rows:
                if isinstance(body, bytes):
                    data = body
                elif sealing is not None:
                    data = sealing(name, key, _encode(body), None)
                else:
                    data = _encode(body)
                block.append(separator + b'"' + key.encode() + b'":' + data)
                separator = b",\n"
                if len(block) >= 256:
                    chunk = b"".join(block)
                    offset += len(chunk)
                    yield chunk
                    block = []
            chunk = b"".join(block)
            offset += len(chunk)
            yield chunk
        ending = b"\n" if separator else b""
        yield ending
        offset += len(ending)
        pending_close = b"},\n"
    yield b"}\n}\n"


def _encode(doc: Doc) -> bytes:
    try:
        return orjson.dumps(doc)
    except TypeError:  # an integer beyond 64 bits in a hand-edited file: the slow path keeps it
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def open_for_reading(path: Path) -> int | None:
    """A descriptor on the file as it is now (it stays readable after the file is replaced)."""
    with contextlib.suppress(FileNotFoundError):
        return os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    return None
