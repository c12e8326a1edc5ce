"""The journal beside the data file: the changes made since the file was last written, one per line.

    {"journal":1,"fold":"3f9c…"}\t1a2b3c4d
    [{"t":"meetings","id":"…","set":{"notes":"…"}}]\t5e6f7a8b

The first line names the version of the data file the journal continues (its `fold` token); a
journal that names another version was folded into the file already, or belongs to a file that
was put back from a backup, and is ignored. Each further line is one change, all of it or none:
a list of record changes, then a tab and the CRC-32 of the JSON. A line cut short by a crash
has no newline or a wrong checksum; reading stops there, and the next writer cuts it off.

Appends are made under the data file's lock and flushed to disk before they count as saved.
In an encrypted campaign each change's JSON is sealed (crypto.py) and written as a JSON string;
the header stays readable, and the checksum is over what is written.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .atomic import fsync_folder

VERSION = 1


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + ".journal")


# In an encrypted campaign: the payload's JSON to what is written (a JSON string), and back.
Seal = Callable[[bytes], bytes]
Unseal = Callable[[Any], Any]


def encode(payload: Any, seal: Seal | None = None) -> bytes:
    """One journal line: the payload's JSON (sealed, given `seal`), a tab, its checksum, a
    newline."""
    try:
        data = orjson.dumps(payload)
    except TypeError:  # an integer beyond 64 bits in a hand-edited file: the slow path keeps it
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if seal is not None:
        data = seal(data)
    return data + b"\t" + format(zlib.crc32(data), "08x").encode() + b"\n"


def _decode(line: bytes, unseal: Unseal | None = None) -> Any:
    """The payload of a complete line, or raise ValueError."""
    data, tab, crc = line[:-1].rpartition(b"\t")
    if not tab or not line.endswith(b"\n") or crc != format(zlib.crc32(data), "08x").encode():
        raise ValueError("checksum")
    payload = orjson.loads(data)
    return payload if unseal is None else unseal(payload)


@dataclass
class Read:
    """What reading the journal found: the changes after `offset`, up to `end` (the end of the
    last whole line). `current` is False if the journal continues another version of the file."""

    changes: list[list[dict[str, Any]]]
    end: int
    current: bool
    size: int  # the journal's size on disk (more than `end` when a line was cut short)


def read(path: Path, fold: str, offset: int = 0, unseal: Unseal | None = None) -> Read:
    """The journal's changes after `offset` (0: from the start, checking the header). In an
    encrypted campaign, `unseal` opens each change; one it cannot open ends the reading, as a
    line cut short does."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if offset == 0:
                header_line = handle.readline()
                try:
                    header = _decode(header_line)
                except (ValueError, orjson.JSONDecodeError):
                    return Read([], 0, False, size)
                if not isinstance(header, dict) or header.get("fold") != fold:
                    return Read([], 0, False, size)
                offset = len(header_line)
            else:
                handle.seek(offset)
            changes: list[list[dict[str, Any]]] = []
            for line in handle:
                try:
                    change = _decode(line, unseal)
                except (ValueError, orjson.JSONDecodeError):
                    break  # cut short by a crash: what follows is not ours to read
                if not isinstance(change, list):
                    break
                changes.append(change)
                offset += len(line)
            return Read(changes, offset, True, size)
    except FileNotFoundError:
        return Read([], 0, True, 0)


def append(path: Path, fold: str, end: int, line: bytes) -> int:
    """Append one line made by `encode` (under the data file's lock) after `end`, the end of the
    last whole line read; flushed to disk before returning the new end. A journal of another
    version of the file, or bytes after `end` (a line a crash cut short), are replaced."""
    if end == 0:  # a new journal for this version of the file
        header = encode({"journal": VERSION, "fold": fold})
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600
        )
        try:
            os.write(fd, header + line)
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_folder(path.parent)
        return len(header) + len(line)
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        if os.fstat(fd).st_size != end:
            os.ftruncate(fd, end)
        written = os.pwrite(fd, line, end)
        if written != len(line):
            os.ftruncate(fd, end)
            raise OSError(28, "the journal line could not be written whole")
        _sync_data(fd)
    finally:
        os.close(fd)
    return end + len(line)


def _sync_data(fd: int) -> None:
    sync = getattr(os, "fdatasync", os.fsync)
    sync(fd)


def remove(path: Path) -> None:
    """After a fold: the file holds everything, so the journal goes (a stale one is ignored)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
