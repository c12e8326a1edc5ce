"""`export vcard`, `import ics`, job changes on re-import, and `merge`, from the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import vobject

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.cli import main
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from tests.disk import saved as saved_document
from tests.formats.helpers import linkedin_csv

INVITATIONS = Path(__file__).resolve().parent.parent / "fixtures" / "invitations"


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


# -- export vcard ------------------------------------------------------------------------------
def test_export_vcard_reads_back_with_vobject_and_reimports_as_the_same_people(
    capsys, db_path, tmp_path
):
    repo = open_campaign(db_path)
    repo.add_contact(
        Contact(
            name="Alice Walker", company="Initech, Inc.", role="Staff Engineer",
            email="alice@initech.example", phone="+1 555 0100",
            url="https://www.linkedin.com/in/alice-walker", notes="Met at PyCon;\nlikes maps",
            tags=["design"],
        )
    )  # fmt: skip
    repo.add_contact(Contact(name="Bob Lee", stage=Stage.SCHEDULED))
    target = tmp_path / "people.vcf"
    code, out, err = run(capsys, "export", "vcard", "-o", str(target), "--db", str(db_path))
    assert code == 0 and out == "" and err == f"wrote {target}\n"
    cards = list(vobject.readComponents(target.read_text()))
    assert [c.fn.value for c in cards] == ["Alice Walker", "Bob Lee"]
    alice = cards[0]
    assert alice.org.value == ["Initech, Inc."] and alice.title.value == "Staff Engineer"
    assert alice.note.value == "Met at PyCon;\nlikes maps"
    assert (target.stat().st_mode & 0o777) == 0o600 or os.name != "posix"
    code, out, _ = run(capsys, "export", "vcard", "--db", str(db_path))
    assert code == 0 and out.count("BEGIN:VCARD") == 2
    # Into the same campaign: nothing new. Into an empty one: the same people.
    saved = db_path.read_bytes()
    code, out, _ = run(capsys, "import", "vcard", str(target), "--db", str(db_path))
    assert "0 added, 0 updated, 2 already present" in out and db_path.read_bytes() == saved
    other = tmp_path / "other.json"
    code, out, _ = run(capsys, "import", "vcard", str(target), "--db", str(other))
    assert code == 0 and "2 added" in out
    back = {c.name: c for c in open_campaign(other).contacts()}
    for field in ("company", "role", "email", "phone", "url", "notes", "tags"):
        assert getattr(back["Alice Walker"], field) == getattr(repo.contacts()[0], field)


# -- import ics --------------------------------------------------------------------------------
def test_import_ics_request_again_update_cancel(capsys, db_path):
    open_campaign(db_path).add_contact(
        Contact(name="Alice Walker", email="alice.walker@initech.example", stage=Stage.REACHED_OUT)
    )

    def ics(name, *more):
        return run(capsys, "import", "ics", str(INVITATIONS / name), "--db", str(db_path), *more)

    code, out, err = ics("google_request.ics", "--dry-run")
    assert code == 0 and err == "" and out.startswith("dry run, nothing written: ")
    assert open_campaign(db_path).meetings() == []
    code, out, _ = ics("google_request.ics")
    assert code == 0
    assert out.splitlines() == [
        "Calendar invitation from google_request.ics: 1 scheduled, 0 moved, 0 cancelled, "
        "0 unchanged, 0 skipped",
        "  event 1 (Sam / Alice: career chat): Alice Walker (same email): meeting Tue 01 Dec "
        "2026 10:00 EST, 30 min, video (https://meet.google.com/abc-defg-hij), created; "
        "Alice Walker moves to Scheduled",
    ]
    saved = db_path.read_bytes()
    code, out, _ = ics("google_request.ics")
    assert "already imported; nothing changed" in out and db_path.read_bytes() == saved
    code, out, _ = ics("google_update.ics")
    assert "meeting moved to Wed 02 Dec 2026 15:30 EST" in out
    code, out, _ = run(capsys, "export", "json", "--db", str(db_path))
    (meeting,) = json.loads(out)["meetings"]
    assert meeting["when"] == "2026-12-02T15:30:00-05:00" and meeting["invitation"]["sequence"] == 1
    code, out, _ = ics("google_cancel.ics")
    assert "Alice Walker (same invitation): meeting cancelled" in out
    code, out, _ = run(capsys, "export", "json", "--db", str(db_path))
    (meeting,) = json.loads(out)["meetings"]
    assert meeting["when"] is None and meeting["cancelled_at"]
    assert meeting["invitation"]["start"] == "2026-12-02T15:30:00-05:00"


def test_import_ics_unknown_person_needs_add(capsys, db_path):
    open_campaign(db_path).add_contact(Contact(name="Someone Else"))
    saved = db_path.read_bytes()
    zoom = str(INVITATIONS / "zoom_meeting.ics")
    code, out, err = run(capsys, "import", "ics", zoom, "--db", str(db_path))
    assert code == 1 and out == "" and one_line_error(err)
    assert "nobody it names is a contact (Carla Mendes <cmendes@fastmail.example>)" in err
    assert "--add adds them in Scheduled" in err and db_path.read_bytes() == saved
    code, out, _ = run(capsys, "import", "ics", zoom, "--add", "--db", str(db_path))
    assert code == 0 and "adds Carla Mendes (Carla Mendes <cmendes@fastmail.example>)" in out
    carla = open_campaign(db_path).find_contacts("Carla Mendes")[0]
    assert carla.stage is Stage.SCHEDULED
    code, out, err = run(capsys, "import", "ics", zoom, "--db", str(db_path))
    assert code == 0 and "already imported" in out


def test_import_ics_from_nobody_known_does_not_create_the_data_file(capsys, tmp_path):
    db_path = tmp_path / "new.json"
    code, _, err = run(
        capsys, "import", "ics", str(INVITATIONS / "coffee.ics"), "--db", str(db_path)
    )
    assert code == 1 and one_line_error(err) and not db_path.exists()


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 2, "absent.ics: no such file"),
        (b"", 1, "invite.ics is empty"),
        (b"not a calendar\n", 1, "invite.ics is not a calendar file: no BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", 1, "invite.ics is cut short"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30, 1, "invite.ics is not a text file"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261201\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            1,
            "invite.ics: nothing could be imported (event 1: an all-day event has no time of day)",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-12-01 10h\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            1,
            "invite.ics: nothing could be imported (event 1: has no usable start",
        ),
    ],
)
def test_a_malformed_invitation_is_one_clean_line(capsys, tmp_path, content, code, message):
    db_path = tmp_path / "campaign.json"
    open_campaign(db_path).add_contact(Contact(name="Alice"))
    saved = db_path.read_bytes()
    source = tmp_path / ("absent.ics" if content is None else "invite.ics")
    if content is not None:
        source.write_bytes(content)
    result, out, err = run(capsys, "import", "ics", str(source), "--db", str(db_path))
    assert result == code and out == "" and one_line_error(err)
    assert message in err
    assert db_path.read_bytes() == saved


def test_add_is_only_for_invitations(capsys, db_path, tmp_path):
    source = tmp_path / "c.csv"
    source.write_text("x")
    code, _, err = run(capsys, "import", "linkedin", str(source), "--add", "--db", str(db_path))
    assert code == 2 and "--add is for calendar invitations" in err


# -- job changes -------------------------------------------------------------------------------
def test_a_reimport_says_the_job_change_and_adds_a_check_in(capsys, db_path, tmp_path):
    url = "https://www.linkedin.com/in/alice-walker"
    first, second = tmp_path / "old.csv", tmp_path / "new.csv"
    first.write_text(linkedin_csv([["Alice", "Walker", url, "", "Acme", "CTO", "1 Mar 2024"]]))
    second.write_text(linkedin_csv([["Alice", "Walker", url, "", "Initech", "CTO", "1 Mar 2024"]]))
    run(capsys, "import", "linkedin", str(first), "--db", str(db_path))
    repo = open_campaign(db_path)
    repo.move_contact(repo.contacts()[0].id, Stage.THANKED)
    code, out, _ = run(capsys, "import", "linkedin", str(second), "--dry-run", "--db", str(db_path))
    assert code == 0 and "  Alice Walker: Acme → Initech" in out.splitlines()
    assert open_campaign(db_path).contacts()[0].company == "Acme"
    code, out, _ = run(capsys, "import", "linkedin", str(second), "--db", str(db_path))
    lines = out.splitlines()
    assert "  Alice Walker: Acme → Initech" in lines
    assert any(
        line.startswith("  congratulations check-in for Alice Walker, due ") for line in lines
    )
    alice = open_campaign(db_path).contacts()[0]
    assert alice.company == "Initech" and alice.job_history[0].company == "Acme"
    code, out, _ = run(capsys, "agenda", "--date", "next week", "--db", str(db_path))
    assert "Congratulate Alice on the new role at Initech" in out


# -- merge -------------------------------------------------------------------------------------
@pytest.fixture
def twins(db_path):
    repo = open_campaign(db_path)
    bob = repo.add_contact(Contact(name="Bob Lee"))
    dana = repo.add_contact(Contact(name="Dana Ruiz", referred_by=bob.id))
    other = repo.add_contact(
        Contact(name="Dana Ruiz", company="Initech", email="d@initech.example")
    )
    repo.ensure_next_meeting(other.id)
    return dana, other


def test_merge_by_ids_with_a_dry_run_first(capsys, db_path, twins):
    dana, other = twins
    before = saved_document(db_path)
    code, out, _ = run(capsys, "merge", dana.id, other.id, "--dry-run", "--db", str(db_path))
    assert code == 0 and out.startswith("dry run, nothing written: Merge Dana Ruiz (Initech; ")
    assert saved_document(db_path) == before
    code, out, err = run(capsys, "merge", dana.id, other.id, "--db", str(db_path))
    assert code == 0 and err == "" and out.startswith("Merged Dana Ruiz (Initech; ")
    assert "  moved to Dana Ruiz: 1 meeting" in out
    saved = saved_document(db_path)
    danas = [d for d in saved["contacts"].values() if d["name"] == "Dana Ruiz"]
    assert len(danas) == 1 and danas[0]["id"] == dana.id and danas[0]["company"] == "Initech"
    assert [m["contact_id"] for m in saved["meetings"].values()] == [dana.id]


def test_merge_by_exact_names(capsys, db_path, twins):
    repo = open_campaign(db_path)
    repo.add_contact(Contact(name="Eli Park", company="Globex"))
    code, _, _ = run(capsys, "merge", "eli park", twins[1].id, "--db", str(db_path))
    assert code == 0
    assert open_campaign(db_path).find_contacts("Eli Park")[0].company == "Globex"


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["Dana Ruiz", "Bob Lee"], 1, "KEEP: 2 contacts are named 'Dana Ruiz': "),
        (["Bob Lee", "Nobody"], 1, "OTHER: no contact named 'Nobody'"),
        (["Bob Lee", "bob lee"], 2, "KEEP and OTHER are the same contact (Bob Lee, "),
        (["Bob Lee"], 2, "required: OTHER"),
    ],
)
def test_merge_refuses_in_one_line(capsys, db_path, twins, argv, code, message):
    saved = db_path.read_bytes()
    result, out, err = run(capsys, "merge", *argv, "--db", str(db_path))
    assert result == code and out == "" and one_line_error(err) and message in err
    assert db_path.read_bytes() == saved


def test_merge_on_a_missing_file_writes_nothing(capsys, tmp_path):
    db_path = tmp_path / "none.json"
    code, _, err = run(capsys, "merge", "a", "b", "--db", str(db_path))
    assert code == 1 and "no contact named 'a'" in err and not db_path.exists()


def test_help_is_light_and_names_the_new_commands():
    code = (
        "import sys\n"
        "from infoint_tui.cli import build_parser\n"
        "p = build_parser()\n"
        "for args in (['merge', '--help'], ['import', '--help'], ['export', '--help']):\n"
        "    try: p.parse_args(args)\n"
        "    except SystemExit: pass\n"
        "assert 'textual' not in sys.modules, 'textual'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())  # argparse wraps lines
    assert "usage: infoint merge" in text and "KEEP wins every conflict" in text
    assert "ics (a calendar invitation" in text and "vcard (a vCard 3.0" in text
