"""Actions on contacts: what the rules do on a move, and what lands on disk."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact, ReminderKind, TouchKind
from infoint_tui.domain.stages import Stage
from infoint_tui.store import NotFound
from tests.disk import saved


def test_new_file_has_schema_and_is_owner_only(repo, db_path):
    assert saved(db_path)["meta"]["1"]["schema"] == 2
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_add_and_reload(repo, db_path, clock):
    ada = repo.add_contact(Contact(name="Ada Lovelace", company="Analytical", tags=["math"]))
    docs = list(saved(db_path)["contacts"].values())
    assert docs[0]["name"] == "Ada Lovelace" and docs[0]["stage"] == "prospects"
    again = open_campaign(db_path, clock=clock)
    (loaded,) = again.contacts()
    assert loaded == ada
    assert loaded.history[0].stage is Stage.PROSPECTS and loaded.history[0].at == clock.now()


def test_move_records_history_with_time(repo, db_path, clock):
    ada = repo.add_contact(Contact(name="Ada"))
    clock.advance(hours=2)
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    doc = next(iter(saved(db_path)["contacts"].values()))
    assert doc["stage"] == "reached-out"
    assert doc["history"][-1] == {
        "stage": "reached-out", "at": clock.now().isoformat(), "from_stage": "prospects",
    }  # fmt: skip


def test_reached_out_starts_the_3b7_clock(repo, clock):
    ada = repo.add_contact(Contact(name="Ada Lovelace", company="Analytical"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)  # Wednesday
    kinds = {r.kind: r for r in repo.reminders(contact_id=ada.id)}
    assert kinds[ReminderKind.SECOND_PERSON].due == clock.now() + timedelta(days=5)  # Mon
    assert kinds[ReminderKind.FOLLOW_UP].due == clock.now() + timedelta(days=9)  # next Fri
    assert "second person at Analytical" in kinds[ReminderKind.SECOND_PERSON].title


def test_a_reply_closes_the_nudges(repo):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    repo.log_touch(ada.id, TouchKind.REPLY)
    assert repo.reminders(contact_id=ada.id) == []
    closed = repo.reminders(contact_id=ada.id, open_only=False)
    assert {r.closed_reason for r in closed} == {"answered: reply"}


def test_interviewed_creates_thank_you_due_in_24_hours(repo, clock):
    ada = repo.add_contact(Contact(name="Ada"), at=clock.now())
    repo.move_contact(ada.id, Stage.INTERVIEWED)
    (thanks,) = repo.reminders(contact_id=ada.id)
    assert thanks.kind is ReminderKind.THANK_YOU and thanks.due == clock.now() + timedelta(hours=24)


def test_moving_back_closes_open_reminders(repo):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    repo.move_contact(ada.id, Stage.PROSPECTS)
    assert repo.reminders(contact_id=ada.id) == []


def test_archive_closes_reminders_and_hides_contact(repo):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    repo.archive_contact(ada.id, "no answer")
    assert repo.contacts() == [] and repo.contacts(archived=True)[0].archive_reason == "no answer"
    assert repo.reminders() == []
    repo.restore_contact(ada.id)
    assert [c.name for c in repo.contacts()] == ["Ada"]


def test_delete_removes_everything_of_the_contact(repo, db_path):
    ada = repo.add_contact(Contact(name="Ada"))
    bob = repo.add_contact(Contact(name="Bob", referred_by=ada.id))
    repo.ensure_next_meeting(ada.id)
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    repo.delete_contact(ada.id)
    data = saved(db_path)
    assert [d["name"] for d in data["contacts"].values()] == ["Bob"]
    assert data["meetings"] == {} and data["reminders"] == {}
    assert repo.contact(bob.id).referred_by is None
    with pytest.raises(NotFound):
        repo.contact(ada.id)


def test_ensure_next_meeting_creates_once_with_default_prep(repo):
    ada = repo.add_contact(Contact(name="Ada"))
    first = repo.ensure_next_meeting(ada.id)
    assert repo.ensure_next_meeting(ada.id).id == first.id
    assert len(repo.meetings(ada.id)) == 1
    assert len(first.checklist) >= 8 and first.ask
    assert first.duration_min == repo.settings.default_duration_min


def test_save_contact_with_changed_stage_applies_rules(repo, clock):
    import copy

    ada = repo.add_contact(Contact(name="Ada"))
    edited = copy.deepcopy(ada)
    edited.stage, edited.company = Stage.REACHED_OUT, "Analytical"
    repo.save_contact(edited)
    assert repo.contact(ada.id).company == "Analytical"
    assert repo.contact(ada.id).history[-1].stage is Stage.REACHED_OUT
    assert len(repo.reminders(contact_id=ada.id)) == 2


def test_batch_is_one_write_and_rolls_back_on_error(repo, db_path):
    before = db_path.read_bytes()
    with pytest.raises(RuntimeError), repo.batch():
        repo.add_contact(Contact(name="Ada"))
        raise RuntimeError("boom")
    assert db_path.read_bytes() == before
    assert repo.contacts() == []
    with repo.batch():
        repo.add_contact(Contact(name="Ada"))
        repo.add_contact(Contact(name="Bob"))
        assert len(saved(db_path).get("contacts", {})) == 0  # not written yet
    assert len(saved(db_path)["contacts"]) == 2


def test_unknown_fields_survive_a_save(db_path, clock):
    db_path.write_text(json.dumps({
        "meta": {"1": {"schema": 1}},
        "contacts": {"1": {"id": "abc", "name": "Ada", "stage": "thanked", "favourite_tea": "earl grey"}},
    }))  # fmt: skip
    repo = open_campaign(db_path, clock=clock)
    ada = repo.contact("abc")
    ada.company = "Analytical"
    repo.save_contact(ada)
    doc = saved(db_path)["contacts"]["1"]
    assert doc["favourite_tea"] == "earl grey" and doc["company"] == "Analytical"


def test_tinydb_can_read_our_file_once_the_journal_is_folded(repo, db_path):
    from tinydb import TinyDB

    repo.add_contact(Contact(name="Ada"))
    repo.store.close()
    with TinyDB(db_path) as db:
        assert db.table("contacts").all()[0]["name"] == "Ada"


def test_writes_leave_no_temp_files(repo, db_path):
    for i in range(5):
        repo.add_contact(Contact(name=f"P{i}"))
    leftovers = [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
