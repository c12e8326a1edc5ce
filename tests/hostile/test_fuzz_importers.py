"""Random and mutated bytes into every importer: one clean line or a clean result, never a
traceback, and nothing written to the data file when the import fails.

The seeds are the real fixtures (LinkedIn's Connections.csv, Google and vCard 4.0 exports) and
an `export json` of the demo campaign; hypothesis cuts, repeats, flips and splices them, and
drops hostile tokens into them (escape sequences, deep nesting, numbers and dates out of range).
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.cli import main
from infoint_tui.domain.clock import FixedClock
from infoint_tui.domain.codec import to_dict
from infoint_tui.domain.models import Contact
from infoint_tui.domain.text import has_controls
from infoint_tui.domain.validation import record_problems
from infoint_tui.formats import CONTACT_IMPORT_KINDS, IMPORT_KINDS, parse_import
from infoint_tui.formats.invitations import read_invitations
from infoint_tui.formats.jsonfile import export_json
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import FormatError, decode_source
from tests.disk import saved
from tests.formats.helpers import FIXTURES

from .helpers import strings

SHARED = Path("/work/shared/fixtures")
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)


def _seeds() -> dict[str, list[bytes]]:
    folders = [FIXTURES] + ([SHARED] if SHARED.is_dir() else [])
    files = [path for folder in folders for path in sorted(folder.iterdir())]
    seeds: dict[str, list[bytes]] = {"linkedin": [], "vcard": [], "json": [], "ics": []}
    files += sorted((FIXTURES / "invitations").iterdir())
    for path in files:
        if path.suffix == ".csv":
            seeds["linkedin"].append(path.read_bytes())
        elif path.suffix == ".vcf":
            seeds["vcard"].append(path.read_bytes())
        elif path.suffix == ".ics":
            seeds["ics"].append(path.read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        repo = open_campaign(Path(folder) / "demo.json", clock=FixedClock(NOW))
        seed_demo(repo, NOW)
        seeds["json"].append(export_json(Snapshot.of(repo), NOW).encode())
    return seeds


SEEDS = _seeds()
TOKENS = [
    b"\x1b]52;c;aGVsbG8=\x07", b"\x1b[2J", b"\xc2\x9b31m", b"\xe2\x80\xae", b"\x00", b"\r",
    b"\n", b'"', b",", b";", b"\\", b"\xff\xfe", b"\xef\xbb\xbf", b"=1B", b"\\u001b", b"\\ud800",
    b"[" * 300, b"{" * 300, b"1e999", b"100000000000000000000", b"-1", b"0",
    b"0001-01-01T00:00:00+05:00", b"9999-12-31T23:59:59-05:00", b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n", b"ENCODING=QUOTED-PRINTABLE:", b"ENCODING=b:", b"null", b"true", b"[]",
    b"{}", b'"duration_min": 1000000000000000', b'"schema": 99', b'"version": 2',
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> bytes:
    """A seed of `kind` (or of another kind: a vCard fed to the LinkedIn reader) mutated."""
    pool = SEEDS[kind] if draw(st.booleans()) else [s for seeds in SEEDS.values() for s in seeds]
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "token", "delete", "flip", "repeat", "cut"]))
        if action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=16))
        elif action == "token":
            data[where:where] = draw(st.sampled_from(TOKENS))
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 64))]
        elif action == "flip" and where < len(data):
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "repeat":
            data[where:where] = data[where : where + draw(st.integers(1, 200))]
        elif action == "cut":
            del data[where:]
    return bytes(data)


HOSTILE_VALUES = [
    None, True, 0, -1, 10**15, 10**30, 1.5, float("1e308"), "", "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J\u202e\x9b", "\ud800", "x" * 5000, "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00", "2026-11-20T10:00:00", "2026-13-45", "prospects", "scheduled",
    "nobody", [], {}, [None], {"id": 1}, [[[[[]]]]], {"a": {"b": {"c": {}}}},
]  # fmt: skip


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def json_mutated(draw: st.DrawFn) -> bytes:
    """The demo export with values swapped for hostile ones, keys dropped or added."""
    document = json.loads(SEEDS["json"][0])
    for _ in range(draw(st.integers(1, 8))):
        paths = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["value", "value", "drop", "extra"]))
        if action == "value":
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "extra" and isinstance(parent, dict):
            key = draw(st.sampled_from(["zzz", "\x1b[2J", "extra"]))
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
    return json.dumps(document).encode()


def any_input(kind: str) -> st.SearchStrategy[bytes]:
    sources = [mutated(kind), st.binary(max_size=300)]
    if kind == "json":
        sources.append(json_mutated())
    return st.one_of(*sources)


def _assert_clean(parsed) -> None:
    records = [item.record for item in parsed.contacts]
    records += [item.record for items in parsed.records.values() for item in items]
    records += [parsed.settings] if parsed.settings is not None else []
    for record in records:
        assert record_problems(record) == []
        for text in strings(to_dict(record)):
            assert not has_controls(text), text
        if isinstance(record, Contact):
            assert record.name.strip()
    shown = [parsed.source, *parsed.notes, *(str(s) for s in parsed.skipped)]
    shown += [item.where for item in parsed.contacts]
    assert not any(has_controls(line) for line in shown)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_invitation_reader_reads_anything_cleanly_or_says_why_in_one_line(data):
    raw = data.draw(any_input("ics"))
    try:
        found = read_invitations(decode_source("input", raw), timezone.utc)
    except FormatError as error:
        assert "\n" not in str(error) and not has_controls(str(error))
        return
    for invitation in found.invitations:
        for text in strings(vars(invitation)):
            assert not has_controls(text), text


@pytest.mark.parametrize("kind", CONTACT_IMPORT_KINDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_parsers_read_anything_cleanly_or_say_why_in_one_line(kind, data):
    raw = data.draw(any_input(kind))
    try:
        parsed = parse_import(kind, decode_source("input", raw))
    except FormatError as error:
        assert "\n" not in str(error) and not has_controls(str(error))
        return
    _assert_clean(parsed)


@pytest.fixture(scope="module")
def campaign_file(tmp_path_factory) -> Path:
    """A data file with a few contacts in it: what a failed import must leave as it was."""
    path = tmp_path_factory.mktemp("campaign") / "campaign.json"
    repo = open_campaign(path, clock=FixedClock(NOW))
    for name in ("Ada Lovelace", "Grace Hopper"):
        repo.add_contact(Contact(name=name))
    repo.store.close()  # all of it in the file, which is what the test copies
    return path


@pytest.mark.parametrize("kind", IMPORT_KINDS)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_import_command_never_tracebacks_nor_writes_on_failure(kind, data, campaign_file, capsys):
    raw = data.draw(any_input(kind))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "campaign.json"
        shutil.copy(campaign_file, db)
        before = db.read_bytes()
        source = Path(folder) / "input"
        source.write_bytes(raw)
        code = main(["import", kind, str(source), "--db", str(db)])
        out, err = capsys.readouterr()
        assert not has_controls(out) and not has_controls(err)
        if code != 0:
            assert code == 1 and out == ""
            assert len(err.splitlines()) == 1 and err.startswith("infoint: ")
            assert db.read_bytes() == before
            assert not db.with_name(db.name + ".journal").exists()
            return
        assert err == ""
        # What was written loads again, and every name in it is clean.
        assert main(["list", "--json", "--db", str(db)]) == 0
        listed = json.loads(capsys.readouterr()[0])
        assert {"Ada Lovelace", "Grace Hopper"} <= {row["name"] for row in listed}
        for text in strings(saved(db)):
            assert not has_controls(text), text
