"""`infoint agenda`: the same list as the agenda screen, as plain text, on a fixed date."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.cli import main
from infoint_tui.domain.clock import FixedClock, SystemClock
from infoint_tui.domain.models import Contact, Medium, Reminder, ReminderKind, TouchKind
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW, ZONE  # Wednesday 18 November 2026, 09:30 Paris


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


@pytest.fixture
def frozen(monkeypatch):
    """The command reads the system clock: pin it to Wednesday 18 November, 09:30 Paris."""
    monkeypatch.setattr(SystemClock, "now", lambda self: NOW)


@pytest.fixture
def campaign(db_path):
    clock = FixedClock(at(10, 9))
    repo = open_campaign(db_path, clock=clock)
    ruth = repo.add_contact(Contact(name="Ruth Abebe", company="Wingtip"))
    repo.move_contact(
        ruth.id, Stage.IN_TOUCH, at=at(12, 12) - timedelta(weeks=8)
    )  # ideal Thu 12 Nov
    leo = repo.add_contact(Contact(name="Leo Martins", company="Proseware"))
    repo.move_contact(leo.id, Stage.INTERVIEWED, at=at(16, 15))  # thank-you overdue since Tue
    ada = repo.add_contact(Contact(name="Ada Lovelace", company="Analytical"))
    repo.move_contact(ada.id, Stage.REACHED_OUT, at=at(16, 10))  # Mon: nudge Thu, follow-up Wed
    hannah = repo.add_contact(Contact(name="Hannah Schmidt", company="Fabrikam"))
    repo.move_contact(hannah.id, Stage.SCHEDULED, at=at(12, 9))
    call = repo.ensure_next_meeting(hannah.id)
    call.when, call.started_at, call.ended_at = at(17, 17), at(17, 17), at(17, 17, 40)
    repo.save_meeting(call)
    repo.move_contact(hannah.id, Stage.INTERVIEWED, at=at(17, 18))  # due Wed 17:40
    daniel = repo.add_contact(Contact(name="Daniel Kim", company="Northwind Health"))
    repo.move_contact(daniel.id, Stage.SCHEDULED, at=at(12, 9))
    coffee = repo.ensure_next_meeting(daniel.id)
    coffee.when, coffee.medium, coffee.place = at(19, 10, 30), Medium.COFFEE, "Blue Door Café"
    repo.save_meeting(coffee)
    sofia = repo.add_contact(Contact(name="Sofia Rossi", company="Litware"))
    repo.move_contact(sofia.id, Stage.REACHED_OUT, at=at(9, 11))
    repo.log_touch(sofia.id, TouchKind.REPLY, at=at(10, 8))  # answered: no nudges
    repo.save_reminder(Reminder(kind=ReminderKind.CUSTOM, due=at(17, 9), snoozed_until=at(21, 9),
                                contact_id=sofia.id, title="Send Sofia the article"))  # fmt: skip
    gone = repo.add_contact(Contact(name="Gone Away"))
    repo.move_contact(gone.id, Stage.REACHED_OUT, at=at(2, 9))
    repo.archive_contact(gone.id, "no answer")
    return db_path


EXPECTED = """\
Agenda for Wed 18 Nov 2026

Overdue (1)
  Tue 17 Nov 15:00 thank-you  Leo Martins: Send Leo a thank-you

Today (3)
  by Thu 26 Nov    check-in   Ruth Abebe: Check in with Ruth
  Wed 18 Nov 09:00 confirm    Daniel Kim: Confirm the coffee with Daniel: Thu 19 Nov 10:30
  Wed 18 Nov 17:40 thank-you  Hannah Schmidt: Send Hannah a thank-you

Next 7 days (4)
  Thu 19 Nov 10:00 nudge      Ada Lovelace: No reply from Ada yet: reach a second person at Analytical
  Thu 19 Nov 10:30 meeting    Daniel Kim: Coffee, 20 min · Blue Door Café
  Sat 21 Nov 09:00 reminder   Sofia Rossi: Send Sofia the article (snoozed)
  Wed 25 Nov 10:00 nudge      Ada Lovelace: Follow up once with Ada
"""


def test_a_check_in_due_today_shows_its_latest_date_not_its_ideal_one_weeks_ago(
    capsys, campaign, frozen
):
    """Today listed 'Thu 12 Nov ... (by Thu 26 Nov)': a date long past, under Today."""
    code, out, _ = run(capsys, "agenda", "--db", str(campaign))
    today = out.split("Today")[1].split("Next 7 days")[0]
    (row,) = [line for line in today.splitlines() if "check-in" in line]
    assert row.split()[:4] == ["by", "Thu", "26", "Nov"] and "12 Nov" not in row


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_agenda_for_today(capsys, campaign, frozen):
    code, out, err = run(capsys, "agenda", "--db", str(campaign))
    assert (code, err) == (0, "")
    assert out == EXPECTED


EXPECTED_FRIDAY = """\
Agenda for Fri 20 Nov 2026

Overdue (4)
  Tue 17 Nov 15:00 thank-you  Leo Martins: Send Leo a thank-you
  Wed 18 Nov 17:40 thank-you  Hannah Schmidt: Send Hannah a thank-you
  Thu 19 Nov 10:00 nudge      Ada Lovelace: No reply from Ada yet: reach a second person at Analytical
  Thu 19 Nov 10:30 meeting    Daniel Kim: Mark it held (and take notes) or give it a new date

That day (1)
  by Thu 26 Nov    check-in   Ruth Abebe: Check in with Ruth

Next 7 days (2)
  Sat 21 Nov 09:00 reminder   Sofia Rossi: Send Sofia the article (snoozed)
  Wed 25 Nov 10:00 nudge      Ada Lovelace: Follow up once with Ada
"""


@pytest.mark.parametrize("date", ["2026-11-20", "fri", "Nov 20", "in 2 days"])
def test_agenda_for_another_date(capsys, campaign, frozen, date):
    code, out, err = run(capsys, "agenda", "--date", date, "--db", str(campaign))
    assert (code, err, out) == (0, "", EXPECTED_FRIDAY)


def test_agenda_for_today_by_name_is_todays(capsys, campaign, frozen):
    assert run(capsys, "agenda", "--date", "today", "--db", str(campaign))[1] == EXPECTED


def test_nothing_due(capsys, db_path, frozen):
    open_campaign(db_path, clock=FixedClock(NOW)).add_contact(Contact(name="Ada"))
    code, out, err = run(capsys, "agenda", "--db", str(db_path))
    assert (code, err) == (0, "")
    assert out == "Agenda for Wed 18 Nov 2026\n\nNothing due — done for today.\n"
    assert run(capsys, "agenda", "--date", "2026-12-25", "--db", str(db_path))[1] == (
        "Agenda for Fri 25 Dec 2026\n\nNothing due that day.\n"
    )


def test_nothing_due_today_but_later_this_week(capsys, db_path, frozen):
    repo = open_campaign(db_path, clock=FixedClock(NOW))
    ada = repo.add_contact(Contact(name="Ada Lovelace"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    code, out, _ = run(capsys, "agenda", "--db", str(db_path))
    assert out == (
        "Agenda for Wed 18 Nov 2026\n\nNothing due — done for today.\n\nNext 7 days (1)\n"
        "  Mon 23 Nov 09:30 nudge      Ada Lovelace: No reply from Ada yet: reach a second person\n"
    )


def test_a_missing_file_is_not_created(capsys, tmp_path, frozen):
    path = tmp_path / "absent.json"
    code, out, _ = run(capsys, "agenda", "--db", str(path))
    assert code == 0 and "done for today" in out and not path.exists()


@pytest.mark.parametrize("date", ["someday", "2026-13-45", ""])
def test_a_date_it_cannot_read_is_a_usage_error(capsys, campaign, frozen, date):
    before = campaign.read_bytes()
    code, out, err = run(capsys, "agenda", "--date", date, "--db", str(campaign))
    assert code == 2 and out == ""
    assert err.startswith("infoint: error: --date:") and err.count("\n") == 1
    assert campaign.read_bytes() == before


def test_agenda_has_help(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["agenda", "--help"])
    assert exit.value.code == 0
    assert "usage: infoint agenda" in capsys.readouterr().out


def test_agenda_does_not_write(capsys, campaign, frozen):
    before = campaign.read_bytes()
    run(capsys, "agenda", "--db", str(campaign))
    assert campaign.read_bytes() == before
