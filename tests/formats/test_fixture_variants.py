"""Every shared fixture, and variants of it the tests make (a BOM, LF or CRLF line ends, blank
lines at the end), reads the same people; importing a variant after the original adds nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.cli import main
from infoint_tui.formats import parse_import
from infoint_tui.formats.jsonfile import export_json
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import decode_source
from tests.formats.helpers import FIXTURES

KIND_OF = {".csv": "linkedin", ".vcf": "vcard"}
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in KIND_OF)


def _lines(raw: bytes, newline: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").replace(b"\n", newline)


VARIANTS = {
    "as-is": lambda raw: raw,
    "bom": lambda raw: codecs.BOM_UTF8 + raw,
    "lf": lambda raw: _lines(raw, b"\n"),
    "crlf": lambda raw: _lines(raw, b"\r\n"),
    "bom-crlf": lambda raw: codecs.BOM_UTF8 + _lines(raw, b"\r\n"),
    "blank-lines-at-the-end": lambda raw: raw.rstrip(b"\r\n") + b"\n\n\n",
}


def people(kind: str, name: str, raw: bytes) -> list[tuple[object, ...]]:
    parsed = parse_import(kind, decode_source(name, raw))
    assert parsed.skipped == [], parsed.skipped
    return [
        (c.record.name, c.record.email, c.record.company, c.record.role, c.record.url,
         c.record.phone, c.record.connected_on, c.record.notes)
        for c in parsed.contacts
    ]  # fmt: skip


def test_every_fixture_is_covered():
    assert {p.name for p in FIXTURE_FILES} == {
        "linkedin_Connections.csv", "contacts_google.vcf", "contacts_v4.vcf",
    }  # fmt: skip


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_a_variant_reads_the_same_people_and_adds_nothing_after_the_original(
    capsys, tmp_path, fixture: Path, variant: str
):
    kind = KIND_OF[fixture.suffix]
    raw = fixture.read_bytes()
    changed = VARIANTS[variant](raw)
    expected = people(kind, fixture.name, raw)
    assert expected and people(kind, fixture.name, changed) == expected

    db = tmp_path / "campaign.json"
    other = tmp_path / fixture.name
    other.write_bytes(changed)
    assert main(["import", kind, str(fixture), "--db", str(db)]) == 0
    saved = db.read_bytes()
    capsys.readouterr()
    assert main(["import", kind, str(other), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"0 added, 0 updated, {len(expected)} already present, 0 skipped" in out
    assert db.read_bytes() == saved


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_export_json_variant_restores_the_whole_campaign(tmp_path, clock, variant):
    source = open_campaign(tmp_path / "source.json", clock=clock)
    seed_demo(source, clock.now())
    exported = tmp_path / "export.json"
    exported.write_bytes(VARIANTS[variant](export_json(Snapshot.of(source), clock.now()).encode()))
    target = tmp_path / "restored.json"
    assert main(["import", "json", str(exported), "--db", str(target)]) == 0
    assert Snapshot.of(open_campaign(target, clock=clock)) == Snapshot.of(source)
