"""The data file's layout: one record per line, any JSON reader reads it, notes read in parts."""

from __future__ import annotations

import json
import os

import pytest
from tinydb import TinyDB

from infoint_tui.store.layout import Malformed, read_file, read_span, write_file


def _write(path, contacts=(), notes=()):
    tables = [
        ("meta", [("1", {"schema": 2, "fold": "f"})]),
        ("contacts", [(str(i + 1), doc) for i, doc in enumerate(contacts)]),
        ("meetings", []),
    ]
    rows = [(doc["id"], str(i + 1), doc) for i, doc in enumerate(notes)]
    return write_file(path, tables, rows)


def test_written_file_is_json_and_tinydb_reads_every_table(tmp_path):
    path = tmp_path / "c.json"
    _write(path, [{"id": "a", "name": "Ada"}, {"id": "b", "name": "Bob \\ \"q\"\n"}],
           [{"id": "m1", "notes": "line one\nline two"}])  # fmt: skip
    document = json.loads(path.read_text())
    assert list(document) == ["meta", "contacts", "meetings", "meeting_notes"]
    with TinyDB(path, access_mode="r") as db:
        assert [d["name"] for d in db.table("contacts").all()] == ["Ada", 'Bob \\ "q"\n']
        assert db.table("meeting_notes").all()[0]["notes"] == "line one\nline two"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_reading_parses_small_tables_and_only_indexes_the_notes(tmp_path):
    path = tmp_path / "c.json"
    spans = _write(path, [{"id": "a", "name": "Ada"}],
                   [{"id": "m1", "notes": "x" * 5000}, {"id": "m2", "notes": "y"}])  # fmt: skip
    contents, info = read_file(path)
    assert contents.in_lines and info.st_size == path.stat().st_size
    assert contents.tables["contacts"] == {"1": {"id": "a", "name": "Ada"}}
    assert contents.notes == spans and contents.notes_docs == {}
    fd = os.open(path, os.O_RDONLY)
    try:
        assert read_span(fd, contents.notes["m1"])["notes"] == "x" * 5000
        assert read_span(fd, contents.notes["m2"]) == {"id": "m2", "notes": "y"}
    finally:
        os.close(fd)


def test_a_file_in_another_layout_is_read_whole(tmp_path):
    path = tmp_path / "c.json"
    with TinyDB(path) as db:  # TinyDB's own writing: everything on one line
        db.table("contacts").insert({"id": "a", "name": "Ada"})
        db.table("meeting_notes").insert({"id": "m1", "notes": "hi"})
    contents, _ = read_file(path)
    assert not contents.in_lines
    assert contents.tables["contacts"]["1"]["name"] == "Ada"
    assert contents.notes_docs == {"m1": ("1", {"id": "m1", "notes": "hi"})}


@pytest.mark.parametrize(
    "text, problem",
    [
        ('{"contacts": {"1": {"name": "A"}, "1": {"name": "B"}}}', "appears twice"),
        ('{\n"contacts":{\n"1":{"name":"A"},\n"1":{"name":"B"}\n}\n}\n', "same key"),
        ("[" * 200_000, "nested too deeply"),
        ('{"contacts": {"1": {"name": "A"', "not valid JSON"),
    ],
)
def test_duplicates_and_broken_json_are_refused_not_dropped(tmp_path, text, problem):
    path = tmp_path / "c.json"
    path.write_text(text)
    with pytest.raises(Malformed, match=problem):
        read_file(path)


def test_a_broken_notes_line_is_found_when_read(tmp_path):
    path = tmp_path / "c.json"
    _write(path, [], [{"id": "m1", "notes": "fine"}])
    raw = path.read_bytes().replace(b'"notes":"fine"', b'"notes":"fi\x00e')
    path.write_bytes(raw)
    contents, _ = read_file(path)  # indexing does not parse the notes
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(Malformed, match="not valid JSON"):
            read_span(fd, contents.notes["m1"])
    finally:
        os.close(fd)
