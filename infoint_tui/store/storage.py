"""A TinyDB storage that keeps the data in memory and encodes the file in cheap pieces.

TinyDB's JSONStorage rereads the whole file on every query and rewrites it in place on every
write. Here reads cost nothing, and the Repository decides when to write, atomically.

Encoding: the data is never mutated in place. TinyDB builds a new table dict on every change
and `put` stores a new document dict, so a shallow copy of the top-level dict is a snapshot
that stays valid while the UI goes on changing things. Each document's JSON is cached by the
identity of its dict, so a save encodes only what changed since the last one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

Tables = dict[str, dict[str, dict[str, Any]]]


class MemoryStorage(Storage):
    def __init__(self) -> None:
        self.data: Tables = {}

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        self.data = data

    def close(self) -> None:
        pass


class RecordTable(Table):
    """A TinyDB table with a whole-document replace that never mutates the old dict."""

    def put(self, doc_id: int, document: dict[str, Any]) -> None:
        def updater(table: dict) -> None:
            table[doc_id] = document

        self._update_table(updater)


class InfointDB(TinyDB):
    table_class = RecordTable
    default_table_name = "meta"


class Encoder:
    """Turns a snapshot of the tables into file chunks, reusing each unchanged document's JSON."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[dict[str, Any], bytes]] = {}

    def chunks(self, snapshot: Tables) -> Iterator[bytes]:
        """Yield the file's bytes piece by piece; each piece holds the GIL only briefly."""
        fresh: dict[tuple[str, str], tuple[dict[str, Any], bytes]] = {}
        cache = self._cache
        dumps = orjson.dumps
        yield b"{"
        for t_index, (table_name, table) in enumerate(snapshot.items()):
            yield (b"," if t_index else b"") + dumps(table_name) + b":{"
            parts: list[bytes] = []
            size = 0
            for d_index, (doc_key, doc) in enumerate(table.items()):
                key = (table_name, doc_key)
                hit = cache.get(key)
                if hit is not None and hit[0] is doc:
                    encoded = hit[1]
                else:
                    encoded = _encode_document(doc)
                fresh[key] = (doc, encoded)
                parts.append((b"," if d_index else b"") + b'"' + doc_key.encode() + b'":' + encoded)
                size += len(encoded)
                if size > 256_000:
                    yield b"".join(parts)
                    parts, size = [], 0
            parts.append(b"}")
            yield b"".join(parts)
        yield b"}"
        self._cache = fresh

    def forget(self) -> None:
        self._cache = {}


def _encode_document(doc: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(doc)
    except TypeError:  # an integer beyond 64 bits in a hand-edited file: the slow path keeps it
        import json

        return json.dumps(doc, ensure_ascii=False).encode()
