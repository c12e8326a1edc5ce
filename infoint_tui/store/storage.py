"""A TinyDB storage that keeps the data in memory and encodes the file in cheap pieces.

TinyDB's JSONStorage rereads the whole file on every query and rewrites it in place on every
write. Here reads cost nothing, and the Repository decides when to write, atomically.

Encoding: the data is never mutated in place. TinyDB builds a new table dict on every change
and `put` stores a new document dict, so a shallow copy of the top-level dict is a snapshot
that stays valid while the UI goes on changing things. The JSON of tables, blocks of
documents and documents is cached by the identity of their dicts, so a save encodes and
joins only what changed since the last one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
    """A TinyDB table whose changes copy the table dict (never mutate it) without rebuilding it.

    TinyDB's _update_table converts every key to int and back on each change: about 1 ms at
    3,000 meetings on the UI thread at each autosave, and quadratic over an import's thousands
    of inserts (2.5 s for 4,000 contacts). A copy of the table dict is enough to keep older
    snapshots intact, and about 30x cheaper.
    """

    def put(self, doc_id: int, document: dict[str, Any]) -> None:
        self._replace(str(doc_id), document)

    def insert(self, document: Mapping[str, Any]) -> int:
        if not isinstance(document, Mapping) or isinstance(document, self.document_class):
            return super().insert(document)  # TinyDB's checks, and a Document's own id
        doc_id = self._get_next_id()
        if str(doc_id) in ((self._storage.read() or {}).get(self.name) or {}):
            raise ValueError(f"Document with ID {doc_id} already exists")
        self._replace(str(doc_id), dict(document))
        return doc_id

    def _replace(self, key: str, document: dict[str, Any]) -> None:
        tables = self._storage.read() or {}
        table = dict(tables.get(self.name) or {})
        table[key] = document
        tables[self.name] = table
        self._storage.write(tables)
        self.clear_cache()


class InfointDB(TinyDB):
    table_class = RecordTable
    default_table_name = "meta"


BLOCK_SIZE = 128  # documents per cached piece of the file


class _Block:
    """The JSON of up to BLOCK_SIZE consecutive documents, and what it was made from.

    Each document's JSON is found again as a slice of `data` (`spans`), so the file's text is
    held once, not twice.
    """

    __slots__ = ("keys", "docs", "spans", "data")

    def __init__(
        self,
        keys: list[str],
        docs: list[dict[str, Any]],
        spans: list[tuple[int, int]],
        data: bytes,
    ) -> None:
        self.keys = keys
        self.docs = docs
        self.spans = spans
        self.data = data

    def json(self, index: int) -> bytes:
        start, end = self.spans[index]
        return self.data[start:end]


class Encoder:
    """Turns a snapshot of the tables into file chunks, reusing the JSON of what did not change.

    The writer thread runs this while the UI types; every bytecode it runs holds the GIL the
    UI needs. So an unchanged table (the same dict) costs nothing, and in a changed one the
    documents are checked by identity in blocks: only a block holding a new document is
    joined again, and only new documents are encoded. The blocks are yielded as they are,
    never copied into one big string.
    """

    def __init__(self) -> None:
        self._tables: dict[str, tuple[dict[str, Any], list[_Block]]] = {}

    def chunks(self, snapshot: Tables) -> Iterator[bytes]:
        """Yield the file's bytes piece by piece; each piece holds the GIL only briefly."""
        fresh: dict[str, tuple[dict[str, Any], list[_Block]]] = {}
        yield b"{"
        for t_index, (table_name, table) in enumerate(snapshot.items()):
            yield (b"," if t_index else b"") + orjson.dumps(table_name) + b":{"
            cached = self._tables.get(table_name)
            if cached is not None and cached[0] is table:
                blocks = cached[1]
            else:
                blocks = _blocks_of(table, cached[1] if cached is not None else [])
            fresh[table_name] = (table, blocks)
            for b_index, block in enumerate(blocks):
                if b_index:
                    yield b","
                yield block.data
            yield b"}"
        yield b"}"
        self._tables = fresh

    def forget(self) -> None:
        self._tables = {}


def _blocks_of(table: dict[str, dict[str, Any]], old: list[_Block]) -> list[_Block]:
    items = list(table.items())
    blocks: list[_Block] = []
    moved: dict[int, tuple[_Block, int]] | None = None  # built only if documents changed blocks
    for b_index, start in enumerate(range(0, len(items), BLOCK_SIZE)):
        part = items[start : start + BLOCK_SIZE]
        previous = old[b_index] if b_index < len(old) else None
        if (
            previous is not None
            and len(previous.docs) == len(part)
            and all(
                key == old_key and doc is old_doc
                for (key, doc), old_key, old_doc in zip(
                    part, previous.keys, previous.docs, strict=True
                )
            )
        ):
            blocks.append(previous)
            continue
        keys, docs, pieces, spans = [], [], [], []
        offset = 0
        for i, (key, doc) in enumerate(part):
            if previous is not None and i < len(previous.docs) and previous.docs[i] is doc:
                json = previous.json(i)
            elif previous is not None and i < len(previous.keys) and previous.keys[i] == key:
                json = _encode_document(doc)  # the same record, changed: as each autosave does
            else:  # records were added or removed before this one: look for it elsewhere
                if moved is None:
                    moved = {id(d): (block, j) for block in old for j, d in enumerate(block.docs)}
                found = moved.get(id(doc))
                json = found[0].json(found[1]) if found is not None else _encode_document(doc)
            piece = b'"' + key.encode() + b'":' + json
            keys.append(key)
            docs.append(doc)
            pieces.append(piece)
            spans.append((offset + len(piece) - len(json), offset + len(piece)))
            offset += len(piece) + 1  # the comma
        blocks.append(_Block(keys, docs, spans, b",".join(pieces)))
    return blocks


def _encode_document(doc: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(doc)
    except TypeError:  # an integer beyond 64 bits in a hand-edited file: the slow path keeps it
        import json

        return json.dumps(doc, ensure_ascii=False).encode()
