"""Job changes: what counts as one, how it is said, and the congratulations that follow."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.domain.jobs import (
    JobMove,
    apply_move,
    congratulations_check_in,
    congratulations_line,
    job_move,
    same_company,
)
from infoint_tui.domain.models import Contact, Reminder, ReminderKind
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW


def person(**fields) -> Contact:
    return Contact(name=fields.pop("name", "Alice Walker"), **fields)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Acme", "ACME, Inc.", True),
        ("Meta", "Meta Platforms, Inc.", True),
        ("Harbor & Pine Architects", "harbor & pine architects llc", True),
        ("Acme", "Initech", False),
        ("Acme", "Acmeco", False),
        ("Co", "Company", False),
    ],
)
def test_the_same_company_written_another_way(a, b, same):
    assert same_company(a, b) is same


def test_a_new_company_is_a_job_change_with_the_old_job_kept():
    kept = person(company="Acme", role="Engineer")
    move = job_move(kept, person(company="Initech", role="Staff Engineer"))
    assert move == JobMove("Acme", "Engineer", "Initech", "Staff Engineer")
    assert move.describe() == "Engineer @ Acme → Staff Engineer @ Initech"
    change = apply_move(kept, move, NOW, "LinkedIn connections from Connections.csv")
    assert (kept.company, kept.role) == ("Initech", "Staff Engineer")
    assert kept.job_history == [change]
    assert (change.company, change.role, change.at) == ("Acme", "Engineer", NOW)


def test_a_new_company_with_the_same_title_is_said_by_company():
    move = job_move(person(company="Acme", role="CTO"), person(company="Initech", role="CTO"))
    assert move is not None and move.describe() == "Acme → Initech"


def test_a_new_company_without_a_title_clears_the_old_title():
    kept = person(company="Acme", role="Engineer")
    move = job_move(kept, person(company="Initech"))
    assert move is not None
    apply_move(kept, move, NOW)
    assert (kept.company, kept.role) == ("Initech", "")
    assert kept.job_history[0].role == "Engineer"


def test_a_new_title_at_the_same_company_counts_when_the_title_came_from_linkedin():
    imported = person(company="Acme", role="Engineer", source="linkedin")
    move = job_move(imported, person(company="Acme Inc", role="Senior Engineer"))
    assert move is not None and move.describe() == "Engineer → Senior Engineer"


def test_a_title_the_user_typed_is_never_replaced():
    typed = person(company="Acme", role="the one who hires designers")
    assert job_move(typed, person(company="Acme", role="Head of Design")) is None
    no_company = person(role="My words")
    assert job_move(no_company, person(company="Acme", role="Engineer")) is None


@pytest.mark.parametrize(
    "incoming",
    [
        {"company": "", "role": "Something else"},  # the file says nothing of the job
        {"company": "ACME, Inc.", "role": "engineer"},  # the same job, written differently
        {"company": "Acme", "role": ""},  # no title: nothing to compare
    ],
)
def test_not_a_job_change(incoming):
    assert (
        job_move(person(company="Acme", role="Engineer", source="linkedin"), person(**incoming))
        is None
    )


def test_an_earlier_job_from_an_older_file_does_not_move_them_back():
    kept = person(company="Acme", role="Engineer")
    apply_move(kept, JobMove("Acme", "Engineer", "Initech", "Staff Engineer"), NOW)
    assert job_move(kept, person(company="Acme, Inc.", role="Engineer")) is None
    assert job_move(kept, person(company="Globex", role="VP")) is not None


def test_congratulations_check_in_is_due_the_next_working_morning():
    contact = person(company="Initech", stage=Stage.IN_TOUCH)
    change = JobMove("Acme", "Engineer", "Initech", "Staff Engineer").change(NOW)
    reminder = congratulations_check_in(contact, change, NOW)
    assert reminder is not None and reminder.kind is ReminderKind.CHECK_IN
    assert reminder.title == "Congratulate Alice on the new role at Initech"
    assert reminder.due == datetime(2026, 11, 19, 9, 0, tzinfo=NOW.tzinfo)  # NOW is a Wednesday
    assert reminder.latest == reminder.due + timedelta(days=14)
    friday = NOW + timedelta(days=2)
    assert congratulations_check_in(contact, change, friday).due.weekday() == 0  # Monday


def test_congratulations_only_for_people_one_has_been_in_touch_with_and_only_once():
    change = JobMove("Acme", "Engineer", "Acme", "CTO").change(NOW)
    assert congratulations_check_in(person(stage=Stage.PROSPECTS), change, NOW) is None
    archived = person(stage=Stage.THANKED, archived=True)
    assert congratulations_check_in(archived, change, NOW) is None
    contact = person(stage=Stage.SCHEDULED)
    first = congratulations_check_in(contact, change, NOW)
    assert first is not None and first.title == "Congratulate Alice on becoming CTO"
    assert congratulations_check_in(contact, change, NOW, [first]) is None
    done = Reminder(kind=first.kind, due=first.due, contact_id=contact.id, title=first.title)
    done.done_at = NOW
    assert congratulations_check_in(contact, change, NOW, [done]) is not None


def test_the_check_in_draft_line_for_a_recent_job_change():
    contact = person(company="Initech")
    assert congratulations_line(contact, NOW) == ""
    contact.job_history.append(JobMove("Acme", "Engineer", "Initech", "CTO").change(NOW))
    assert congratulations_line(contact, NOW + timedelta(days=3)) == (
        "Congratulations on your new role as CTO at Initech!"
    )
    assert congratulations_line(contact, NOW + timedelta(days=120)) == ""  # old news
