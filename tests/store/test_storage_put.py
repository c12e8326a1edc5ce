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
