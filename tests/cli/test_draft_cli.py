"""`infoint draft` (every step, from the command line) and `infoint agenda --notify`."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.cli import main
from infoint_tui.domain.clock import FixedClock, SystemClock
from infoint_tui.domain.models import Capture, CaptureKind, Contact, Medium, Settings, Tiara
from infoint_tui.domain.stages import Stage
from infoint_tui.notifier import send
from tests.conftest import NOW, ZONE  # Wednesday 18 November 2026, 09:30 Paris


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(SystemClock, "now", lambda self: NOW)


@pytest.fixture
def campaign(db_path):
    repo = open_campaign(db_path, clock=FixedClock(at(2, 9)))
    repo.save_settings(Settings(my_name="Sam Rivera", school="Lakeside University"))
    repo.add_contact(Contact(name="Pat Prospect", company="Tailspin", source="linkedin"))
    ada = repo.add_contact(Contact(name="Ada Lovelace", company="Acme", industry="fintech"))
    repo.move_contact(ada.id, Stage.REACHED_OUT, at=at(13, 10))  # Friday: day 3 is Wednesday
    repo.add_contact(Contact(name="Bob Lee", company="ACME Inc.", source="alumni"))
    repo.add_contact(Contact(name="Cy Connected", company="acme", connected_on=at(2, 9).date()))
    marcus = repo.add_contact(Contact(name="Marcus Bell", company="Adatum"))
    repo.move_contact(marcus.id, Stage.REACHED_OUT, at=at(6, 10))  # day 7 was Tuesday
    dana = repo.add_contact(Contact(name="Dana Wu", company="Northwind", phone="+33 6 12"))
    repo.move_contact(dana.id, Stage.SCHEDULED, at=at(12, 9))
    call = repo.ensure_next_meeting(dana.id)
    call.when, call.medium = at(19, 16), Medium.PHONE
    repo.save_meeting(call)
    hannah = repo.add_contact(Contact(name="Hannah Schmidt", company="Fabrikam"))
    repo.move_contact(hannah.id, Stage.SCHEDULED, at=at(12, 9))
    held = repo.ensure_next_meeting(hannah.id)
    held.when, held.started_at, held.ended_at = at(17, 17), at(17, 17), at(17, 17, 40)
    held.log = [
        Capture(at=at(17, 17, 10), kind=CaptureKind.INSIGHT, tiara=Tiara.ADVICE,
                text="Build a portfolio with 2-3 case studies"),
    ]  # fmt: skip
    repo.save_meeting(held)
    repo.move_contact(hannah.id, Stage.INTERVIEWED, at=at(17, 18))
    ruth = repo.add_contact(Contact(name="Ruth Abebe", company="Wingtip"))
    repo.move_contact(ruth.id, Stage.IN_TOUCH, at=at(10, 9))
    repo.add_contact(Contact(name="Twin Name"))
    repo.add_contact(Contact(name="Twin Name"))
    return db_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def draft(capsys, campaign, name, *more):
    return run(capsys, "draft", name, *more, "--db", str(campaign))


def test_the_step_due_by_default(capsys, campaign, frozen):
    code, out, err = draft(capsys, campaign, "Pat Prospect")
    assert (code, err) == (0, "") and out.startswith("Hi Pat,\n\nI came across your profile")
    code, out, _ = draft(capsys, campaign, "Marcus Bell")  # day 7: follow up once
    assert code == 0 and "follow up once on the note I sent on Friday 6 November" in out
    code, out, _ = draft(capsys, campaign, "Dana Wu")  # the call is tomorrow
    assert code == 0
    assert "Just confirming our 20-minute call tomorrow, Thursday 19 November at 16:00." in out
    assert "I'll call you on +33 6 12." in out
    code, out, _ = draft(capsys, campaign, "Hannah Schmidt")
    assert code == 0 and out.startswith("Hi Hannah,\n\nThank you for your time yesterday.")
    code, out, _ = draft(capsys, campaign, "Ruth Abebe")
    assert code == 0 and "A quick update since we spoke" in out


def test_second_person_writes_to_the_first_of_who_else_is_there(capsys, campaign, frozen):
    code, out, err = draft(capsys, campaign, "Ada Lovelace")  # day 3
    assert code == 0 and out.startswith("Hi Cy,")  # a LinkedIn connection comes first
    assert err == "To Cy Connected at Acme; --to picks another: Bob Lee\n"
    code, out, _ = draft(
        capsys, campaign, "Ada Lovelace", "--step", "second-person", "--to", "bob lee"
    )
    assert code == 0 and out.startswith("Hi Bob,\n\nAs a fellow Lakeside University graduate")
    code, out, err = draft(
        capsys, campaign, "Ada Lovelace", "--step", "second-person", "--to", "Zed"
    )
    assert (code, out) == (1, "") and err.count("\n") == 1 and "Cy Connected, Bob Lee" in err


def test_no_one_else_there_says_where_to_look(capsys, campaign, frozen):
    code, out, err = draft(capsys, campaign, "Marcus Bell", "--step", "second-person")
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert "no one else at Adatum" in err and "About page" in err and "keywords=Adatum" in err


@pytest.mark.parametrize(
    ("name", "step", "words"),
    [
        ("Pat Prospect", "thank-you", "a thank-you comes after"),
        ("Pat Prospect", "follow-up", "send the request first"),
        ("Pat Prospect", "check-in", "a check-in follows a conversation"),
        ("Ruth Abebe", "confirm", "nothing to confirm"),
        ("Dana Wu", "follow-up", "there is nothing to follow up"),
    ],
)
def test_a_step_that_makes_no_sense_says_why(capsys, campaign, frozen, name, step, words):
    code, out, err = draft(capsys, campaign, name, "--step", step)
    assert (code, out) == (1, "") and err.count("\n") == 1 and words in err


def test_unknown_and_ambiguous_names_are_one_line(capsys, campaign, frozen):
    code, out, err = draft(capsys, campaign, "Nobody")
    assert (code, out, err) == (1, "", "infoint: no contact named 'Nobody'\n")
    code, out, err = draft(capsys, campaign, "Twin Name")
    assert code == 1 and out == "" and err.count("\n") == 1 and "give an id" in err


def test_an_unknown_step_is_a_usage_error(capsys, campaign, frozen):
    with pytest.raises(SystemExit) as exit:
        main(["draft", "Ada Lovelace", "--step", "nudge", "--db", str(campaign)])
    assert exit.value.code == 2


def test_control_characters_never_reach_stdout(capsys, db_path, frozen):
    repo = open_campaign(db_path, clock=FixedClock(NOW))
    repo.put_record("contacts", Contact(name="Eve\x1b]52;c;SGVsbG8=\x07 Evil", company="X"))
    code, out, _ = run(capsys, "draft", "Eve\x1b]52;c;SGVsbG8=\x07 Evil", "--db", str(db_path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and out.startswith("Hi Eve")


def test_draft_writes_nothing(capsys, campaign, frozen):
    before = campaign.read_bytes()
    for name in ("Pat Prospect", "Ada Lovelace", "Dana Wu", "Hannah Schmidt"):
        draft(capsys, campaign, name)
    assert campaign.read_bytes() == before


def test_draft_never_loads_textual(campaign):
    code = (
        "import sys; from infoint_tui.cli import main; "
        f"main(['draft', 'Pat Prospect', '--db', {str(campaign)!r}]); "
        f"main(['draft', 'Hannah Schmidt', '--step', 'thank-you', '--db', {str(campaign)!r}]); "
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Hi Pat" in result.stdout and "Hi Hannah" in result.stdout


# -- notifications --------------------------------------------------------------------------
@pytest.fixture
def fake_notify_send(tmp_path, monkeypatch):
    """A notify-send on PATH that records its arguments, one a line (no real desktop)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "notify-send"
    script.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "${0%/*}/args"\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder / "args"


def test_agenda_notify_raises_one_notification_and_prints_the_same(
    capsys, campaign, frozen, fake_notify_send
):
    _, plain, _ = run(capsys, "agenda", "--db", str(campaign))
    code, out, err = run(capsys, "agenda", "--notify", "--db", str(campaign))
    assert (code, err, out) == (0, "", plain)
    args = fake_notify_send.read_text().splitlines()
    assert args[:2] == ["--app-name=infoint", "infoint: 2 overdue, 3 due today"]
    assert "Hannah Schmidt: Send Hannah a thank-you" in args


def test_agenda_notify_with_nothing_due_raises_none(capsys, db_path, frozen, fake_notify_send):
    open_campaign(db_path, clock=FixedClock(NOW)).add_contact(Contact(name="Ada"))
    code, out, _ = run(capsys, "agenda", "--notify", "--db", str(db_path))
    assert code == 0 and "done for today" in out and not fake_notify_send.exists()


def test_without_a_notifier_or_a_terminal_nothing_extra(
    capsys, campaign, frozen, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no notify-send there
    _, plain, _ = run(capsys, "agenda", "--db", str(campaign))
    code, out, _ = run(capsys, "agenda", "--notify", "--db", str(campaign))
    assert code == 0 and out == plain and "\x1b" not in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_an_osc_notification_cleaned(tmp_path):
    stream = Terminal()
    how = send("infoint: 1 due", "Eve\x1b[2J: thank-you", stream=stream,
               env={"PATH": str(tmp_path), "TERM": "xterm-256color"}, platform="linux")  # fmt: skip
    assert how == "osc" and stream.getvalue() == "\x1b]9;infoint: 1 due: Eve: thank-you\x07"
    stream = Terminal()
    send("a;b", "one\ntwo", stream=stream, env={"PATH": str(tmp_path), "TERM": "rxvt-unicode"})
    assert stream.getvalue() == "\x1b]777;notify;a,b;one · two\x07"
    assert send("t", "b", stream=io.StringIO(), env={"PATH": str(tmp_path)}) == ""
