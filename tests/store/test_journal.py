"""The journal: whole lines count, a line cut short by a crash does not, a stale journal is ignored."""

from __future__ import annotations

from infoint_tui.store import journal

FOLD = "abc123"


def _append(path, end, *changes):
    for change in changes:
        end = journal.append(path, FOLD, end, journal.encode(change))
    return end


def test_lines_are_read_back_in_order(tmp_path):
    path = tmp_path / "c.json.journal"
    end = _append(path, 0, [{"t": "contacts", "id": "a"}], [{"t": "contacts", "id": "b"}])
    found = journal.read(path, FOLD)
    assert found.current and found.end == end == path.stat().st_size
    assert [c[0]["id"] for c in found.changes] == ["a", "b"]
    assert journal.read(path, FOLD, found.end).changes == []  # nothing after the end
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_line_cut_short_is_not_read_and_the_next_append_replaces_it(tmp_path):
    path = tmp_path / "c.json.journal"
    end = _append(path, 0, [{"t": "contacts", "id": "a"}])
    whole = journal.encode([{"t": "contacts", "id": "b"}])
    for cut in (1, len(whole) // 2, len(whole) - 1):  # killed in the middle of a write
        with open(path, "r+b") as handle:
            handle.truncate(end)
            handle.seek(end)
            handle.write(whole[:cut])
        found = journal.read(path, FOLD)
        assert [c[0]["id"] for c in found.changes] == ["a"] and found.end == end
    end = _append(path, found.end, [{"t": "contacts", "id": "c"}])
    assert [c[0]["id"] for c in journal.read(path, FOLD).changes] == ["a", "c"]


def test_a_line_with_a_wrong_checksum_ends_the_reading(tmp_path):
    path = tmp_path / "c.json.journal"
    _append(path, 0, [{"t": "contacts", "id": "a"}], [{"t": "contacts", "id": "b"}])
    raw = path.read_bytes().replace(b'"id":"a"', b'"id":"x"')
    path.write_bytes(raw)
    assert journal.read(path, FOLD).changes == []


def test_a_journal_of_another_version_of_the_file_is_ignored_and_replaced(tmp_path):
    path = tmp_path / "c.json.journal"
    _append(path, 0, [{"t": "contacts", "id": "a"}])
    stale = journal.read(path, "another")
    assert not stale.current and stale.changes == [] and stale.end == 0
    journal.append(path, "another", 0, journal.encode([{"t": "contacts", "id": "b"}]))
    assert [c[0]["id"] for c in journal.read(path, "another").changes] == ["b"]
    assert journal.read(path, FOLD).changes == []


def test_no_journal_is_an_empty_one(tmp_path):
    found = journal.read(tmp_path / "none.journal", FOLD)
    assert found.current and found.changes == [] and found.end == 0
