"""Meeting notes are parsed after start-up, yet never lost or skipped by a write."""

from __future__ import annotations

import json

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact, Meeting
from infoint_tui.store import CorruptFile


def _campaign(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    ada = repo.add_contact(Contact(name="Ada"))
    meeting = repo.ensure_next_meeting(ada.id)
    meeting.notes = 'Long notes with "quotes", a marker ,"meeting_notes":{ and more'
    meeting.when = clock.now()
    repo.save_meeting(meeting)
    return ada, meeting


def test_notes_come_last_and_are_parsed_on_first_use(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    raw = db_path.read_text()
    assert list(json.loads(raw))[-1] == "meeting_notes"
    repo = open_campaign(db_path, clock=clock, eager=False)
    assert not repo.store._state.meetings_ready
    (slot,) = repo.meeting_slots()
    assert slot.contact_id == ada.id and slot.when == clock.now()
    assert not repo.store._state.meetings_ready
    assert repo.meeting(meeting.id).notes == meeting.notes


def test_a_write_before_the_notes_are_read_keeps_them(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    repo = open_campaign(db_path, clock=clock, eager=False)
    contact = repo.contact(ada.id)
    contact.company = "Analytical"
    repo.save_contact(contact)
    again = open_campaign(db_path, clock=clock)
    assert again.meeting(meeting.id).notes == meeting.notes
    assert again.contact(ada.id).company == "Analytical"


def test_rollback_before_the_notes_are_read_keeps_them(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    repo = open_campaign(db_path, clock=clock, eager=False)
    with pytest.raises(RuntimeError), repo.batch():
        repo.save_meeting(Meeting(contact_id=ada.id))  # loads the notes inside the batch
        raise RuntimeError("boom")
    repo.add_contact(Contact(name="Bob"))
    assert open_campaign(db_path, clock=clock).meeting(meeting.id).notes == meeting.notes


def test_broken_notes_are_reported_and_never_overwritten(db_path, clock):
    _campaign(db_path, clock)
    raw = db_path.read_bytes()
    broken = raw[:-20]  # cut inside the notes table
    db_path.write_bytes(broken)
    with pytest.raises(CorruptFile, match="not valid JSON"):
        open_campaign(db_path, clock=clock)  # an eager open reads it all and refuses
    repo = open_campaign(db_path, clock=clock, eager=False)  # the head still reads
    with pytest.raises(CorruptFile, match="not valid JSON"):
        repo.store.load_everything()
    with pytest.raises(CorruptFile):
        repo.add_contact(Contact(name="Bob"))
    assert db_path.read_bytes() == broken


def test_a_marker_in_a_nested_key_falls_back_to_a_full_read(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    data = json.loads(db_path.read_text())
    doc = next(iter(data["meeting_notes"].values()))
    doc["x"] = {"meeting_notes": {"1": {}}}
    db_path.write_text(json.dumps(data, separators=(",", ":")))
    repo = open_campaign(db_path, clock=clock)
    assert repo.meeting(meeting.id).extra["x"] == {"meeting_notes": {"1": {}}}
    assert repo.meeting(meeting.id).notes == meeting.notes


def test_a_bad_record_found_late_is_reported_and_kept(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    data = json.loads(db_path.read_text())
    next(iter(data["meetings"].values()))["medium"] = "carrier pigeon"
    db_path.write_text(json.dumps(data, separators=(",", ":")))
    repo = open_campaign(db_path, clock=clock, eager=False)
    repo.add_contact(Contact(name="Bob"))  # writes without decoding the meetings
    with pytest.raises(CorruptFile, match="meetings record 1"):
        repo.store.load_everything()
    assert "carrier pigeon" in db_path.read_text()  # written back as it was, not lost


def test_a_change_made_while_a_table_decodes_is_not_lost(db_path, clock):
    ada, meeting = _campaign(db_path, clock)
    repo = open_campaign(db_path, clock=clock, eager=False)
    state = repo.store._state
    decoded = state.decode("contacts")  # as the background thread does, outside the lock
    repo.add_contact(Contact(name="Bob"))  # the UI writes meanwhile; contacts not decoded yet
    assert not state.install("contacts", decoded)  # stale: refused
    assert sorted(c.name for c in repo.contacts()) == ["Ada", "Bob"]


def test_add_on_a_lazy_file_decodes_nothing_it_does_not_need(db_path, clock):
    _campaign(db_path, clock)
    repo = open_campaign(db_path, clock=clock, eager=False)
    repo.add_contact(Contact(name="Bob"))
    assert "contacts" not in repo.store._state.objects and not repo.store._state.meetings_ready
    again = open_campaign(db_path, clock=clock)
    assert sorted(c.name for c in again.contacts()) == ["Ada", "Bob"]
    assert len(again.meetings()) == 1
