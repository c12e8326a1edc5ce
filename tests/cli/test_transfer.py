"""`infoint import` and `infoint export` from the shell: summaries, files, and every bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import icalendar
import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.cli import main
from infoint_tui.domain.models import Contact
from infoint_tui.formats.snapshot import Snapshot
from tests.disk import journal_of, saved
from tests.formats.helpers import FIXTURES, connection, linkedin_csv, vcard


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exit:  # argparse's own usage errors
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(db_path, clock):
    seed_demo(open_campaign(db_path, clock=clock), clock.now())
    return db_path


def test_import_linkedin_fixture_then_again(capsys, db_path):
    fixture = str(FIXTURES / "linkedin_Connections.csv")
    code, out, err = run(capsys, "import", "linkedin", fixture, "--db", str(db_path))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == (
        "LinkedIn connections from linkedin_Connections.csv: 8 added, 0 updated, "
        "0 already present, 0 skipped"
    )
    stored = saved(db_path)["contacts"]
    tom = next(d for d in stored.values() if d["name"] == "Tom Becker")
    assert tom["company"] == "Quillfeather Health, Inc." and tom["source"] == "linkedin"
    assert tom["connected_on"] == "2025-08-07" and tom["stage"] == "prospects"
    before = (db_path.read_bytes(), journal_of(db_path).read_bytes())
    code, out, _ = run(capsys, "import", "linkedin", fixture, "--db", str(db_path))
    assert code == 0 and "0 added, 0 updated, 8 already present" in out
    assert (db_path.read_bytes(), journal_of(db_path).read_bytes()) == before


def test_import_vcards_merges_with_linkedin(capsys, db_path):
    run(
        capsys,
        "import",
        "linkedin",
        str(FIXTURES / "linkedin_Connections.csv"),
        "--db",
        str(db_path),
    )
    code, out, _ = run(capsys, "import", "vcard", str(FIXTURES / "contacts_google.vcf"), "--db", str(db_path))  # fmt: skip
    assert code == 0
    assert "1 added, 1 updated" in out
    assert "card 1 (line 1): updated Maya Okafor (same profile URL): email, phone, notes" in out
    code, out, _ = run(capsys, "import", "vcard", str(FIXTURES / "contacts_v4.vcf"), "--db", str(db_path))  # fmt: skip
    assert code == 0 and "1 added" in out
    names = [c.name for c in open_campaign(db_path).contacts()]
    assert len(names) == 10 and names.count("Maya Okafor") == 1


def test_partial_file_imports_good_rows_and_lists_bad_ones(capsys, db_path, tmp_path):
    source = tmp_path / "Connections.csv"
    rows = [connection(1), ["", "", "", "", "", "", ""], ["x", "y"], connection(4, email="bad")]
    rows[1][2] = "https://www.linkedin.com/in/nameless"
    source.write_text(linkedin_csv(rows))
    code, out, err = run(capsys, "import", "linkedin", str(source), "--db", str(db_path))
    assert code == 0 and err == ""
    assert "2 added, 0 updated, 0 already present, 2 skipped" in out
    assert "  line 6 skipped: no first or last name" in out
    assert "  line 7 skipped: only 2 of 7 columns (the row is cut short)" in out
    assert (
        "  line 8: 'bad' is not an email address (like name@example.com); imported without it"
        in out
    )


def test_dry_run_writes_nothing(capsys, db_path):
    fixture = str(FIXTURES / "linkedin_Connections.csv")
    code, out, _ = run(capsys, "import", "linkedin", fixture, "--dry-run", "--db", str(db_path))
    assert code == 0 and out.startswith("dry run, nothing written: ") and "8 added" in out
    assert not db_path.exists()


def test_a_latin1_file_is_imported_and_the_encoding_named(capsys, db_path, tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_bytes(linkedin_csv([connection(1, first="Zoë", company="Café")]).encode("cp1252"))
    code, out, _ = run(capsys, "import", "linkedin", str(source), "--db", str(db_path))
    assert code == 0 and "1 added" in out and "read as Windows-1252" in out
    assert open_campaign(db_path).contacts()[0].name == "Zoë Example1"


def _bad_inputs(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "random.csv").write_text("city,population\nParis,2100000\n")
    (tmp_path / "photo.vcf").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 20)
    (tmp_path / "cut.vcf").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Cut\nEMAIL:cut@ex")
    (tmp_path / "nobody.csv").write_text(
        linkedin_csv([["", "", "https://linkedin.com/in/x", "", "", "", ""]])
    )
    (tmp_path / "export.json").write_text('{"format": "infoint-export", "version": 5}')
    (tmp_path / "folder").mkdir()


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["import", "linkedin", "{tmp}/absent.csv"], 2, "absent.csv: no such file"),
        (["import", "linkedin", "{tmp}/folder"], 2, "is a folder, not a file"),
        (["import", "outlook", "{tmp}/random.csv"], 2, "invalid choice: 'outlook'"),
        (["import", "linkedin"], 2, "required: FILE"),
        (["import", "linkedin", "{tmp}/empty.csv"], 1, "empty.csv is empty"),
        (["import", "linkedin", "{tmp}/random.csv"], 1, "random.csv is not LinkedIn's Connections.csv"),
        (["import", "vcard", "{tmp}/random.csv"], 1, "random.csv is not a vCard file"),
        (["import", "vcard", "{tmp}/photo.vcf"], 1, "photo.vcf is not a text file"),
        (["import", "vcard", "{tmp}/cut.vcf"], 1, "cut.vcf: nothing could be imported (card 1 (line 1): cut short: the file ends before its END:VCARD)"),
        (["import", "linkedin", "{tmp}/nobody.csv"], 1, "nobody.csv: nothing could be imported (line 5: no first or last name)"),
        (["import", "json", "{tmp}/export.json"], 1, "exported by a newer infoint (export version 5"),
        (["import", "json", "{tmp}/random.csv"], 1, "random.csv is not valid JSON"),
        (["export", "pdf"], 2, "invalid choice: 'pdf'"),
        (["export", "json", "-o", "{tmp}/no/such/folder/x.json"], 2, "does not exist"),
        (["export", "json", "-o", "{tmp}/folder"], 2, "is a folder"),
        (["export", "json", "-o", "{db}"], 2, "is your data file"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_writes_nothing(capsys, tmp_path, argv, code, message):
    _bad_inputs(tmp_path)
    db_path = tmp_path / "campaign.json"
    run(capsys, "add", "Existing", "--db", str(db_path))
    before = sorted(os.listdir(tmp_path)), db_path.read_bytes()
    argv = [a.format(tmp=tmp_path, db=db_path) for a in argv]
    result, out, err = run(capsys, "--db", str(db_path), *argv)
    assert result == code
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err and out == ""
    assert (sorted(os.listdir(tmp_path)), db_path.read_bytes()) == before


def test_bad_import_does_not_create_the_data_file(capsys, tmp_path):
    db_path = tmp_path / "new.json"
    (tmp_path / "random.csv").write_text("a,b\n1,2\n")
    code, _, _ = run(
        capsys, "import", "linkedin", str(tmp_path / "random.csv"), "--db", str(db_path)
    )
    assert code == 1 and not db_path.exists()


def test_a_truncated_card_among_good_ones_is_listed(capsys, db_path, tmp_path):
    source = tmp_path / "phone.vcf"
    source.write_text(
        vcard("FN:Good One") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut\r\n" + vcard("FN:Good Two")
    )
    code, out, _ = run(capsys, "import", "vcard", str(source), "--db", str(db_path))
    assert code == 0 and "2 added, 0 updated, 0 already present, 1 skipped" in out
    assert "card 2 (line 5) skipped: cut short: the next card begins before its END:VCARD" in out


# -- export --------------------------------------------------------------------------------------
def test_export_json_to_stdout_and_file_then_restore(capsys, demo_db, tmp_path, clock):
    code, out, _ = run(capsys, "export", "json", "--db", str(demo_db))
    assert code == 0 and json.loads(out)["format"] == "infoint-export"
    target = tmp_path / "backup.json"
    code, out, err = run(capsys, "export", "json", "-o", str(target), "--db", str(demo_db))
    assert code == 0 and out == "" and err == f"wrote {target}\n"
    assert json.loads(target.read_text())["contacts"]
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    restored = tmp_path / "restored.json"
    code, out, _ = run(capsys, "import", "json", str(target), "--db", str(restored))
    assert code == 0 and "13 added" in out and "settings: restored" in out
    assert Snapshot.of(open_campaign(restored)) == Snapshot.of(open_campaign(demo_db))
    code, out, _ = run(capsys, "import", "json", str(target), "--db", str(restored))
    assert "0 added, 0 updated, 13 already present" in out


def test_export_csv_markdown_ics(capsys, demo_db):
    code, out, _ = run(capsys, "export", "csv", "--db", str(demo_db))
    assert code == 0 and out.startswith("id,name,stage,") and len(out.strip().splitlines()) == 14
    code, out, _ = run(capsys, "export", "markdown", "--db", str(demo_db))
    assert code == 0 and "### Tomás Herrera" in out
    code, out, _ = run(capsys, "export", "ics", "--db", str(demo_db))
    calendar = icalendar.Calendar.from_ical(out)
    assert code == 0 and len(calendar.walk("VEVENT")) == 6 and calendar.walk("VTODO")
    code, out, _ = run(capsys, "export", "ics", "--reminders-as", "event", "--db", str(demo_db))
    calendar = icalendar.Calendar.from_ical(out)
    assert not calendar.walk("VTODO") and len(calendar.walk("VEVENT")) > 6


def test_export_replaces_an_existing_file_whole(capsys, demo_db, tmp_path):
    target = tmp_path / "journal.md"
    target.write_text("old content " * 10_000)
    code, _, _ = run(capsys, "export", "markdown", "-o", str(target), "--db", str(demo_db))
    assert code == 0 and target.read_text().startswith("# Informational interviews")
    assert "old content" not in target.read_text()


def test_export_of_a_missing_file_is_empty_and_creates_nothing(capsys, tmp_path):
    db_path = tmp_path / "none.json"
    code, out, _ = run(capsys, "export", "csv", "--db", str(db_path))
    assert (
        code == 0
        and out.strip()
        == "id,name,stage,role,company,industry,location,email,phone,url,source,referred_by,tags,focus,connected_on,added,last_contact,next_meeting,next_action,next_action_due,open_reminders,archived,archive_reason,notes"
    )
    assert not db_path.exists()


# -- in a real process ---------------------------------------------------------------------------
def _cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "infoint_tui", *args], capture_output=True,
                          text=True, timeout=60, **kwargs)  # fmt: skip


def test_help_for_import_and_export():
    for command in ("import", "export"):
        result = _cli(command, "--help")
        assert result.returncode == 0 and f"usage: infoint {command}" in result.stdout
    assert "linkedin" in _cli("import", "--help").stdout
    assert "--reminders-as" in _cli("export", "--help").stdout


def test_import_and_export_never_load_textual(tmp_path):
    csv_path = tmp_path / "c.csv"
    shutil.copy(FIXTURES / "linkedin_Connections.csv", csv_path)
    code = (
        "import sys; from infoint_tui.cli import main; "
        f"main(['import', 'linkedin', {str(csv_path)!r}, '--db', {str(tmp_path / 'db.json')!r}]); "
        f"main(['export', 'ics', '--db', {str(tmp_path / 'db.json')!r}]); "
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_stdout_export_is_utf8_whatever_the_locale(tmp_path, clock):
    db_path = tmp_path / "db.json"
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Zoë Ñandú"))
    result = subprocess.run(
        [sys.executable, "-m", "infoint_tui", "export", "csv", "--db", str(db_path)],
        capture_output=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Zoë Ñandú".encode() in result.stdout


def test_importing_a_data_file_reads_its_journal_too(capsys, tmp_path):
    """`import json` of another campaign's data file takes what its user saw saved, including
    the changes still in the journal beside it."""
    other = tmp_path / "other.json"
    run(capsys, "add", "Ada Lovelace", "--company", "Analytical", "--db", str(other))
    assert journal_of(other).exists() and "Ada" not in other.read_text()
    ours = tmp_path / "ours.json"
    code, out, _ = run(capsys, "import", "json", str(other), "--db", str(ours))
    assert code == 0 and "1 added" in out
    assert [d["name"] for d in saved(ours)["contacts"].values()] == ["Ada Lovelace"]
