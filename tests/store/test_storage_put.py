"""RecordTable.put replaces one document without touching the tables a snapshot holds."""

from __future__ import annotations

import pytest
from tinydb import Query

from infoint_tui.store.storage import InfointDB, MemoryStorage


def _db() -> tuple[InfointDB, MemoryStorage]:
    storage = MemoryStorage()
    handover = lambda: storage  # noqa: E731 - TinyDB builds its storage from a callable
    return InfointDB(storage=handover), storage


def test_put_leaves_an_earlier_snapshot_as_it_was():
    db, storage = _db()
    table = db.table("meetings")
    first = table.insert({"id": "a", "notes": "one"})
    table.insert({"id": "b", "notes": "other"})
    snapshot = dict(storage.data)
    old_table = snapshot["meetings"]
    table.put(first, {"id": "a", "notes": "two"})
    assert old_table == {"1": {"id": "a", "notes": "one"}, "2": {"id": "b", "notes": "other"}}
    assert storage.data["meetings"]["1"] == {"id": "a", "notes": "two"}
    assert storage.data["meetings"] is not old_table


def test_put_is_seen_by_queries_and_keeps_ids():
    db, _ = _db()
    table = db.table("meetings")
    first = table.insert({"id": "a", "notes": "one"})
    assert table.search(Query().notes == "one")  # fills TinyDB's query cache
    table.put(first, {"id": "a", "notes": "two"})
    assert table.search(Query().notes == "one") == []
    assert table.get(doc_id=first) == {"id": "a", "notes": "two"}
    assert table.insert({"id": "c"}) == first + 1


def test_insert_copies_the_table_and_numbers_after_the_highest_id():
    db, storage = _db()
    storage.data = {"contacts": {"7": {"id": "old"}}}  # as read from a file
    table = db.table("contacts")
    snapshot = dict(storage.data)
    source = {"id": "new"}
    assert table.insert(source) == 8
    assert snapshot["contacts"] == {"7": {"id": "old"}}  # the snapshot's table is untouched
    assert storage.data["contacts"] == {"7": {"id": "old"}, "8": {"id": "new"}}
    source["id"] = "changed"  # the stored document is a copy
    assert table.get(doc_id=8) == {"id": "new"}
    assert table.search(Query().id == "new") == [{"id": "new"}]
    assert table.insert({"id": "next"}) == 9


def test_insert_refuses_an_id_already_taken():
    db, storage = _db()
    table = db.table("contacts")
    table.insert({"id": "a"})
    storage.data = {"contacts": {"1": {"id": "a"}, "2": {"id": "b"}}}  # written behind its back
    with pytest.raises(ValueError, match="ID 2 already exists"):
        table.insert({"id": "c"})
    assert storage.data["contacts"]["2"] == {"id": "b"}


def test_insert_numbers_on_and_leaves_an_earlier_snapshot_as_it_was():
    db, storage = _db()
    table = db.table("contacts")
    assert [table.insert({"id": x}) for x in "abc"] == [1, 2, 3]
    snapshot = dict(storage.data)
    old_table = snapshot["contacts"]
    assert table.insert({"id": "d"}) == 4
    assert list(old_table) == ["1", "2", "3"]
    assert storage.data["contacts"]["4"] == {"id": "d"} and table.get(doc_id=4) == {"id": "d"}


def test_insert_after_reopening_continues_after_the_highest_id():
    db, storage = _db()
    storage.data = {"contacts": {"7": {"id": "a"}, "3": {"id": "b"}}}
    assert db.table("contacts").insert({"id": "c"}) == 8
