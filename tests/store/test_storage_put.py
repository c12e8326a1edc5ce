"""RecordTable.put replaces one document without touching the tables a snapshot holds."""

from __future__ import annotations

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
