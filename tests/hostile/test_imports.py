"""Every importer, fed hostile text and values out of range, through `infoint import`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from infoint_tui.formats import parse_import
from infoint_tui.formats.source import FormatError, decode_source, read_source
from tests.disk import saved
from tests.formats.helpers import connection, linkedin_csv, vcard

from .corpus import CLEAN_NAME, CLEAR, HOSTILE_NAME, HOSTILE_NOTE, OSC52, leaks
from .helpers import run, saved_text


def _export(tmp_path: Path, **tables: list[dict]) -> Path:
    document = {"format": "infoint-export", "version": 1, **tables}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # ESC written as \u001b
    return path


def _contact(cid: str, name: str, **fields: object) -> dict:
    return {"id": cid, "name": name, "stage": "prospects", **fields}


def test_linkedin_names_lose_their_escapes(capsys, tmp_path, db_path):
    rows = [
        connection(1, first="Ada" + OSC52, last=CLEAR + "Lovelace", company=f"Acme{CLEAR}"),
        connection(2, first=f"{OSC52}\x07", last="\x9b2J"),  # nothing left once cleaned
    ]
    source = tmp_path / "Connections.csv"
    source.write_text(linkedin_csv(rows), encoding="utf-8")
    code, out, err = run(capsys, "import", "linkedin", str(source), "--db", str(db_path))
    assert code == 0 and err == ""
    assert "1 added" in out and "line 6 skipped: no first or last name" in out
    assert "control characters taken out of: name, company" in out
    assert not leaks(out) and not leaks(saved_text(db_path))
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert "Ada Lovelace" in out and "Acme" in out and not leaks(out)


def test_vcard_escapes_hidden_in_quoted_printable_are_taken_out(capsys, tmp_path, db_path):
    text = vcard(
        "FN:Ada\\n\x1b[2JLovelace",
        # =1B is ESC, =07 is BEL: the file itself looks clean, the decoded value is not.
        "NOTE;ENCODING=QUOTED-PRINTABLE:Met=1B]52;c;aGVsbG8gd29ybGQ=3D=07 at=0D=0Aan event",
        "ORG:Acme\u202e",
        "CATEGORIES:vip\x1b[31m,ok",
        version="2.1",
    )
    source = tmp_path / "contacts.vcf"
    source.write_text(text, encoding="utf-8")
    parsed = parse_import("vcard", read_source(source))
    (item,) = parsed.contacts
    assert item.record.name == CLEAN_NAME and item.record.company == "Acme"
    assert item.record.notes == "Met at\nan event" and item.record.tags == ["vip", "ok"]
    code, out, _ = run(capsys, "import", "vcard", str(source), "--db", str(db_path))
    assert code == 0 and "1 added" in out and not leaks(out)
    assert not leaks(saved_text(db_path))


def test_json_import_cleans_every_text_field(capsys, tmp_path, db_path):
    source = _export(
        tmp_path,
        contacts=[_contact("c1", HOSTILE_NAME, notes=HOSTILE_NOTE, tags=[f"t{CLEAR}"])],
        meetings=[
            {
                "id": "m1",
                "contact_id": "c1",
                "when": "2026-11-20T10:00:00+01:00",
                "place": f"Café{OSC52}",
                "notes": HOSTILE_NOTE,
                "questions": [
                    {"text": f"Why?{CLEAR}", "answer": "A\x9bB"},
                ],
            },
        ],  # fmt: skip
        settings={"my_name": f"Sam{OSC52}", "signature": "Sam\r\nsam@example.com\x07"},
    )
    code, out, err = run(capsys, "import", "json", str(source), "--db", str(db_path))
    assert code == 0 and err == "" and "1 added" in out and not leaks(out)
    data = saved(db_path)
    assert not leaks(saved_text(db_path))
    (contact,) = data["contacts"].values()
    assert contact["name"] == CLEAN_NAME and contact["notes"] == "first line\nsecond line"
    (settings,) = data["settings"].values()
    assert settings["signature"] == "Sam\nsam@example.com"


def test_json_import_refuses_values_out_of_range_one_line_each(capsys, tmp_path, db_path):
    source = _export(
        tmp_path,
        contacts=[
            _contact("c1", "Ada"),
            _contact("c2", "Old", history=[{"stage": "prospects", "at": "0001-01-01T00:00:00+05:00"}]),
            _contact("c3", "Slow", cadence_weeks=10**9),
            _contact("c4", "x" * 300),
        ],
        meetings=[
            {"id": "m1", "contact_id": "c1", "when": "2026-11-20T10:00:00+01:00", "duration_min": 10**15},
            {"id": "m2", "contact_id": "c1", "when": "9999-12-31T23:59:00-05:00"},
            {"id": "m3", "contact_id": "c1", "when": "2026-11-21T10:00:00+01:00", "duration_min": 45},
        ],
        reminders=[{"id": "r1", "kind": "custom", "due": "0001-01-01T00:00:00+00:00", "contact_id": "c1"}],
        targets=[{"id": "t1", "company": "Acme", "motivation": 99}],
        settings={"default_duration_min": 0},
    )  # fmt: skip
    code, out, err = run(capsys, "import", "json", str(source), "--db", str(db_path))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith("1 added, 0 updated, 0 already present, 8 skipped")
    assert lines[2:] == [
        "  contacts #2 (Old) skipped: out of range: history[1].at is 0001-01-01T00:00:00+05:00 "
        "(dates must be in the years 1900 to 2200)",
        "  contacts #3 (Slow) skipped: out of range: cadence_weeks is 1000000000 (it must be 1 to 104)",
        f"  contacts #4 ({'x' * 59}…) skipped: a name of 300 characters is too long (at most 200)",
        "  meetings #1 skipped: out of range: duration_min is 1000000000000000 (it must be 1 to 1440)",
        "  meetings #2 skipped: out of range: when is 9999-12-31T23:59:00-05:00 "
        "(dates must be in the years 1900 to 2200)",
        "  reminders #1 skipped: out of range: due is 0001-01-01T00:00:00+00:00 "
        "(dates must be in the years 1900 to 2200)",
        "  targets #1 skipped: out of range: motivation is 99 (it must be 1 to 3)",
        "  settings skipped: out of range: default_duration_min is 0 (it must be 1 to 1440)",
    ]  # fmt: skip
    data = saved(db_path)
    assert [m["id"] for m in data["meetings"].values()] == ["m3"]
    assert [c["name"] for c in data["contacts"].values()] == ["Ada"]
    assert not data.get("reminders") and not data.get("targets")
    for command in (["agenda"], ["export", "ics"], ["export", "markdown"]):
        code, out, err = run(capsys, *command, "--db", str(db_path))
        assert code == 0 and err == ""


@pytest.mark.parametrize("kind", ["json", "linkedin", "vcard"])
def test_a_document_nested_200000_deep_is_one_clean_line(capsys, tmp_path, db_path, kind):
    source = tmp_path / "deep.json"
    source.write_text("[" * 200_000 + "]" * 200_000)
    code, out, err = run(capsys, "import", kind, str(source), "--db", str(db_path))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    if kind == "json":
        assert (
            err
            == "infoint: deep.json is nested too deeply (more than 64 levels) to be an infoint export\n"
        )
    assert not db_path.exists()


def test_json_nested_deep_inside_a_record_is_refused_before_the_store_sees_it(
    capsys, tmp_path, db_path
):
    deep: object = "bottom"
    for _ in range(300):  # the store's writer (orjson) refuses more than 255 levels
        deep = {"inner": deep}
    source = _export(tmp_path, contacts=[_contact("c1", "Ada", nickname=deep)])
    code, _, err = run(capsys, "import", "json", str(source), "--db", str(db_path))
    assert code == 1 and "nested too deeply" in err and not db_path.exists()


def test_lone_surrogates_never_reach_the_file(capsys, tmp_path, db_path):
    source = tmp_path / "export.json"
    source.write_text(
        '{"format": "infoint-export", "version": 1, "contacts": '
        '[{"id": "c1", "name": "Ada\\ud800 Lovelace", "notes": "\\udfff"}]}'
    )
    code, out, err = run(capsys, "import", "json", str(source), "--db", str(db_path))
    assert code == 0 and "1 added" in out
    assert saved(db_path)["contacts"]["1"]["name"] == "Ada Lovelace"


def test_special_files_are_refused_without_waiting(capsys, tmp_path, db_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    code, _, err = run(capsys, "import", "linkedin", str(fifo), "--db", str(db_path))
    assert (code, err) == (1, f"infoint: {fifo} is not a regular file\n")
    with pytest.raises(FormatError, match="is not a regular file"):
        read_source(Path("/dev/zero"))
    assert not db_path.exists()


def test_a_file_name_with_escapes_is_shown_clean(capsys, tmp_path, db_path):
    source = tmp_path / f"evil{CLEAR}.csv"
    source.write_text("not, a, linkedin, file\n")
    code, _, err = run(capsys, "import", "linkedin", str(source), "--db", str(db_path))
    assert code == 1 and "evil.csv is not LinkedIn" in err and not leaks(err)
    assert decode_source(f"x{OSC52}.csv", b"a").name == f"x{OSC52}.csv"  # names come cleaned in


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x00", "input cannot be read as UTF-16 text (truncated data at byte 0)"),
        (b"\xff\xfeN\x00a\x00\n", "input cannot be read as UTF-16 text (truncated data at byte 6)"),
        (b"\xef\xbb\xbf\x80First Name", "input cannot be read as UTF-8 text (invalid start byte at byte 0)"),
    ],
)  # fmt: skip
def test_bytes_that_claim_an_encoding_they_break_are_one_line(raw, message):
    with pytest.raises(FormatError) as caught:
        decode_source("input", raw)
    assert str(caught.value) == message


def test_a_version_of_any_shape_is_quoted_not_printed(tmp_path):
    source = tmp_path / "export.json"
    source.write_text(json.dumps({"format": "infoint-export", "version": f"{CLEAR}2"}))
    with pytest.raises(FormatError, match=r"export version '\\x1b\[2J2'"):
        parse_import("json", read_source(source))
