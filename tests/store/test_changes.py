"""Changes by field, from any process: each writes only what it changed; nothing is lost."""

from __future__ import annotations

import copy
import json

from tinydb import TinyDB

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact, Meeting
from infoint_tui.domain.stages import Stage
from infoint_tui.store.journal import journal_path
from infoint_tui.store.tinydb_storage import CampaignStorage
from tests.disk import saved


def test_two_programs_editing_different_fields_of_one_contact_both_keep_theirs(db_path, clock):
    ada = open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada Lovelace"))
    app = open_campaign(db_path, clock=clock)
    script = open_campaign(db_path, clock=clock)
    mine, theirs = app.contact(ada.id), script.contact(ada.id)
    theirs.company, theirs.role = "Analytical Engines", "Engineer"
    script.save_contact(theirs)
    mine.notes = "Met at the meetup"  # read before the script's change: a stale copy
    app.save_contact(mine)
    doc = next(iter(saved(db_path)["contacts"].values()))
    assert (doc["company"], doc["role"], doc["notes"]) == (
        "Analytical Engines", "Engineer", "Met at the meetup",
    )  # fmt: skip
    again = open_campaign(db_path, clock=clock).contact(ada.id)
    assert (again.company, again.notes) == ("Analytical Engines", "Met at the meetup")


def test_a_copy_edited_in_a_form_writes_only_what_the_form_changed(db_path, clock):
    ada = open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    app = open_campaign(db_path, clock=clock)
    form = copy.deepcopy(app.contact(ada.id))  # the contact form works on a copy
    script = open_campaign(db_path, clock=clock)
    script.move_contact(ada.id, Stage.REACHED_OUT)
    form.email = "ada@example.com"
    app.save_contact(form)
    doc = next(iter(saved(db_path)["contacts"].values()))
    assert doc["email"] == "ada@example.com" and doc["stage"] == "reached-out"


def test_an_edit_of_a_record_deleted_elsewhere_does_not_bring_it_back(db_path, clock):
    ada = open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    app = open_campaign(db_path, clock=clock)
    stale = app.contact(ada.id)
    open_campaign(db_path, clock=clock).delete_contact(ada.id)
    stale.notes = "too late"
    app.save_contact(stale)
    assert saved(db_path)["contacts"] == {}
    assert app.contacts() == []  # the app took in the deletion before writing


def test_a_change_is_a_line_of_the_journal_not_a_new_file(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    ada = campaign.add_contact(Contact(name="Ada"))
    meeting = campaign.save_meeting(Meeting(contact_id=ada.id, notes="x" * 100_000))
    file_before = db_path.read_bytes()
    journal_before = journal_path(db_path).stat().st_size
    meeting.notes += " and a few more words"
    campaign.save_meeting(meeting)
    assert db_path.read_bytes() == file_before  # the file is not rewritten
    grew = journal_path(db_path).stat().st_size - journal_before
    assert grew < 100_300  # the meeting's notes field, not the campaign
    line = journal_path(db_path).read_bytes().splitlines()[-1]
    change = json.loads(line.rsplit(b"\t", 1)[0])
    assert change == [{"t": "meetings", "id": meeting.id, "set": {"notes": meeting.notes}}]


def test_folding_puts_the_journal_in_the_file_which_tinydb_reads(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    for name in ("Ada", "Bob", "Cy"):
        campaign.add_contact(Contact(name=name))
    meeting = campaign.save_meeting(
        Meeting(contact_id=campaign.contacts()[0].id, notes="the notes")
    )
    campaign.store.close()
    assert not journal_path(db_path).exists()
    with TinyDB(db_path, access_mode="r") as db:
        assert sorted(d["name"] for d in db.table("contacts").all()) == ["Ada", "Bob", "Cy"]
        assert db.table("meeting_notes").all()[0]["notes"] == "the notes"
    assert campaign.meeting(meeting.id).notes == "the notes"  # now read from the new file
    meeting = campaign.meeting(meeting.id)
    meeting.notes += "!"
    campaign.save_meeting(meeting)
    assert open_campaign(db_path, clock=clock).meeting(meeting.id).notes == "the notes!"


def test_a_batch_is_one_line_or_nothing(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    before = journal_path(db_path).read_bytes() if journal_path(db_path).exists() else b""
    try:
        with campaign.batch():
            campaign.add_contact(Contact(name="Ada"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert campaign.contacts() == []
    after = journal_path(db_path).read_bytes() if journal_path(db_path).exists() else b""
    assert after == before
    with campaign.batch():
        campaign.add_contact(Contact(name="Ada"))
        campaign.add_contact(Contact(name="Bob"))
    assert len(journal_path(db_path).read_bytes().splitlines()) == 2  # the header, one change


def test_unknown_tables_and_fields_survive_a_fold(db_path, clock):
    db_path.write_text(json.dumps({
        "meta": {"1": {"schema": 2}},
        "contacts": {"1": {"id": "a", "name": "Ada", "favourite_tea": "earl grey"}},
        "my_own_table": {"1": {"anything": [1, 2, 3]}},
    }))  # fmt: skip
    campaign = open_campaign(db_path, clock=clock)
    ada = campaign.contact("a")
    ada.company = "Analytical"
    campaign.save_contact(ada)
    campaign.store.close()
    document = json.loads(db_path.read_text())
    assert document["contacts"]["1"]["favourite_tea"] == "earl grey"
    assert document["contacts"]["1"]["company"] == "Analytical"
    assert document["my_own_table"] == {"1": {"anything": [1, 2, 3]}}


def test_fields_at_their_default_are_left_out_and_a_cleared_field_is_removed(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    ada = campaign.add_contact(Contact(name="Ada", email="ada@example.com"))
    raw = CampaignStorage(db_path).read()["contacts"]
    (doc,) = raw.values()
    assert doc["email"] == "ada@example.com" and "phone" not in doc and "stage" not in doc
    ada.email = ""
    campaign.save_contact(ada)
    (doc,) = CampaignStorage(db_path).read()["contacts"].values()
    assert "email" not in doc and doc["name"] == "Ada"
    assert open_campaign(db_path, clock=clock).contact(ada.id).email == ""


def test_settings_keep_a_template_emptied_on_purpose(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    settings = campaign.settings
    settings.outreach_template = ""
    campaign.save_settings(settings)
    assert open_campaign(db_path, clock=clock).settings.outreach_template == ""


def test_a_whole_record_saved_over_a_stored_one_clears_what_it_leaves_empty(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    ada = campaign.add_contact(Contact(name="Ada", email="ada@example.com", phone="555"))
    fresh = Contact(name="Ada", id=ada.id, phone="555")  # made anew, not read from the file
    campaign.put_record("contacts", fresh)
    again = open_campaign(db_path, clock=clock).contact(ada.id)
    assert (again.email, again.phone) == ("", "555")
