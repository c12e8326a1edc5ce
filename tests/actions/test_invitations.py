"""Importing invitations into a campaign: the plan, the meeting, the stage, and the saved file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.invitations import import_invitations
from infoint_tui.domain.agenda import due_items
from infoint_tui.domain.models import Contact, Medium, ReminderKind
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.timeline import timeline
from infoint_tui.formats.invitation_plan import Change, plan_invitations
from infoint_tui.formats.invitations import read_invitations
from infoint_tui.formats.jsonfile import export_json
from infoint_tui.formats.markdown import export_markdown
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import decode_source, read_source
from tests.conftest import ZONE
from tests.disk import saved as saved_document

INVITATIONS = Path(__file__).resolve().parent.parent / "fixtures" / "invitations"
NEW_YORK = ZoneInfo("America/New_York")


def saved_meetings(path: Path) -> list[dict]:
    """The meetings in the file, each with the fields the store keeps beside it (meeting_notes)."""
    data = saved_document(path)
    notes = {doc["id"]: doc for doc in data.get("meeting_notes", {}).values()}
    return [{**notes.get(doc["id"], {}), **doc} for doc in data["meetings"].values()]


def plan(repo, name: str):
    found = read_invitations(read_source(INVITATIONS / name), ZONE)
    return plan_invitations(Snapshot.of(repo), found)


def run(repo, clock, name: str, **options):
    the_plan = plan(repo, name)
    return the_plan, import_invitations(repo, the_plan, clock.now(), **options)


def alice(repo, **fields) -> Contact:
    fields.setdefault("stage", Stage.REACHED_OUT)
    return repo.add_contact(
        Contact(name="Alice Walker", email="Alice.Walker@initech.example", **fields)
    )


def test_an_invitation_creates_the_meeting_and_moves_the_contact_to_scheduled(repo, clock, db_path):
    contact = alice(repo)
    nudges = repo.reminders(contact_id=contact.id)
    assert {r.kind for r in nudges} == {ReminderKind.SECOND_PERSON, ReminderKind.FOLLOW_UP}
    the_plan, outcome = run(repo, clock, "google_request.ics")
    (item,) = the_plan.items
    assert (item.change, item.why, item.to_scheduled) == (Change.CREATE, "same email", True)
    (meeting,) = repo.meetings(contact.id)
    assert meeting.when == datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK)
    assert (meeting.duration_min, meeting.medium) == (30, Medium.VIDEO)
    assert meeting.place == "https://meet.google.com/abc-defg-hij"
    assert meeting.invitation is not None and meeting.invitation.sequence == 0
    assert meeting.checklist and meeting.ask  # the default prep, as any new meeting has
    assert repo.contact(contact.id).stage is Stage.SCHEDULED
    # Entering Scheduled ended the nudges; the meeting is to be confirmed the day before.
    assert [r.kind.value for r in repo.reminders(contact_id=contact.id)] == ["confirm"]
    assert outcome.moved == [repo.contact(contact.id)]
    (stored,) = saved_meetings(db_path)
    assert stored["when"] == "2026-12-01T10:00:00-05:00"
    assert stored["invitation"]["uid"] == "5m1q2t7v9b3c8d0e4f6g8h2j4k@google.com"
    again = open_campaign(db_path)
    assert again.meetings(contact.id)[0].when == meeting.when


def test_the_same_invitation_again_changes_nothing(repo, clock, db_path):
    alice(repo)
    run(repo, clock, "google_request.ics")
    saved = db_path.read_bytes()
    the_plan, outcome = run(repo, clock, "google_request.ics")
    assert the_plan.items[0].change is Change.SAME and not the_plan.changes_anything()
    assert not outcome.wrote_anything and db_path.read_bytes() == saved


def test_an_update_moves_the_meeting_and_an_older_version_changes_nothing(repo, clock):
    contact = alice(repo)
    run(repo, clock, "google_request.ics")
    the_plan, _ = run(repo, clock, "google_update.ics")
    assert the_plan.items[0].change is Change.MOVE
    (meeting,) = repo.meetings(contact.id)
    assert meeting.when == datetime(2026, 12, 2, 15, 30, tzinfo=NEW_YORK)
    assert meeting.invitation is not None and meeting.invitation.sequence == 1
    stale, _ = run(repo, clock, "google_request.ics")
    assert stale.items[0].change is Change.STALE
    assert repo.meetings(contact.id)[0].when == datetime(2026, 12, 2, 15, 30, tzinfo=NEW_YORK)


def test_a_new_start_at_the_same_sequence_is_an_update(repo, clock):
    contact = alice(repo)
    run(repo, clock, "google_request.ics")
    text = (INVITATIONS / "google_request.ics").read_text().replace("20261201T1", "20261204T1")
    found = read_invitations(decode_source("moved.ics", text.encode()), ZONE)
    the_plan = plan_invitations(Snapshot.of(repo), found)
    assert the_plan.items[0].change is Change.MOVE
    import_invitations(repo, the_plan, clock.now())
    assert repo.meetings(contact.id)[0].when.day == 4


def test_a_cancellation_takes_the_meeting_off_the_board_and_agenda_but_not_the_timeline(
    repo, clock, db_path
):
    contact = alice(repo)
    run(repo, clock, "google_request.ics")
    the_plan, _ = run(repo, clock, "google_cancel.ics")
    assert the_plan.items[0].change is Change.CANCEL
    (meeting,) = repo.meetings(contact.id)
    assert meeting.cancelled and meeting.when is None
    assert meeting.cancelled_at == clock.now()
    assert meeting.invitation is not None
    assert meeting.invitation.start == datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK)
    assert meeting.checklist  # the prep is kept
    assert repo.meeting_slots(upcoming=True) == []  # what the board's cards read
    items = due_items(clock.now(), repo.contacts(), repo.meeting_slots(), repo.reminders())
    assert all(item.meeting is None for item in items)
    texts = [entry.text for entry in timeline(repo, contact.id)]
    assert "Meeting (Video, 30 min) cancelled on Wed 18 Nov" in texts
    assert repo.contact(contact.id).stage is Stage.SCHEDULED  # they may find another time
    again, _ = run(repo, clock, "google_cancel.ics")
    assert again.items[0].change is Change.SAME
    journal = export_markdown(Snapshot.of(repo), clock.now())
    assert "#### Meeting: cancelled Wed 18 Nov 2026 09:30 (was Tue 01 Dec 2026 10:00)" in journal
    (stored,) = saved_meetings(db_path)
    assert stored["when"] is None and stored["cancelled_at"].startswith("2026-11-18T09:30")


def test_a_cancellation_from_someone_unknown_offers_nobody(repo, clock):
    (item,) = plan(repo, "outlook_cancel.ics").items
    assert item.change is Change.NOTHING_TO_CANCEL and item.newcomer is None
    assert (
        plan(repo, "outlook_cancel.ics")
        .summary_lines()[1]
        .endswith("cancelled; nobody it names is a contact, so there is nothing to cancel")
    )


def test_a_cancelled_meeting_comes_back_with_a_newer_invitation(repo, clock):
    contact = alice(repo)
    run(repo, clock, "google_request.ics")
    run(repo, clock, "outlook_cancel.ics")  # someone else's: nothing of Alice's
    assert not repo.meetings(contact.id)[0].cancelled
    run(repo, clock, "google_cancel.ics")
    text = (INVITATIONS / "google_update.ics").read_text().replace("SEQUENCE:1", "SEQUENCE:3")
    found = read_invitations(decode_source("again.ics", text.encode()), ZONE)
    import_invitations(repo, plan_invitations(Snapshot.of(repo), found), clock.now())
    (meeting,) = repo.meetings(contact.id)
    assert not meeting.cancelled and meeting.when == datetime(2026, 12, 2, 15, 30, tzinfo=NEW_YORK)


def test_the_prepared_meeting_gets_the_invitation(repo, clock):
    contact = alice(repo, stage=Stage.PROSPECTS)
    prepared = repo.ensure_next_meeting(contact.id)
    prepared.objectives = "Learn how she moved into design"
    repo.save_meeting(prepared)
    the_plan, _ = run(repo, clock, "google_request.ics")
    assert the_plan.items[0].change is Change.FILL
    (meeting,) = repo.meetings(contact.id)
    assert meeting.id == prepared.id and meeting.objectives == "Learn how she moved into design"
    assert meeting.when is not None and meeting.invitation is not None


def test_matching_by_another_email_in_the_notes_or_by_exact_name(repo, clock):
    brian = repo.add_contact(
        Contact(name="Brian Osei", notes="Other email: brian.osei@contoso.example (work)")
    )
    carla = repo.add_contact(Contact(name="carla  mendes"))
    assert plan(repo, "outlook_request.ics").items[0].contact == brian
    item = plan(repo, "zoom_meeting.ics").items[0]
    assert (item.contact, item.why) == (carla, "same name")
    repo.add_contact(Contact(name="Carla Mendes", company="Elsewhere"))
    assert plan(repo, "zoom_meeting.ics").items[0].change is Change.UNKNOWN  # two of that name


def test_someone_unknown_is_offered_and_added_in_scheduled(repo, clock):
    repo.save_settings(type(repo.settings)(my_name="Sam Jones"))
    the_plan = plan(repo, "phone_call.ics")  # saved from my own calendar: I am the organizer
    (item,) = the_plan.items
    assert item.change is Change.UNKNOWN and item.newcomer is not None
    assert item.newcomer.name == "Dmitri Volkov"
    assert not the_plan.changes_anything() and the_plan.changes_anything(add_unknown=True)
    assert not import_invitations(repo, the_plan, clock.now()).wrote_anything
    outcome = import_invitations(repo, the_plan, clock.now(), add=True)
    (dmitri,) = outcome.added
    stored = repo.contact(dmitri.id)
    assert (stored.name, stored.email, stored.stage) == (
        "Dmitri Volkov",
        "dmitri@volkov.example",
        Stage.SCHEDULED,
    )
    (meeting,) = repo.meetings(dmitri.id)
    assert (meeting.medium, meeting.place) == (Medium.PHONE, "+33-1-55-55-01-23")


def test_the_organizer_of_an_invitation_received_is_the_one_to_add(repo, clock):
    (item,) = plan(repo, "google_request.ics").items
    assert item.newcomer is not None and item.newcomer.email == "alice.walker@initech.example"
    (item,) = plan(repo, "coffee.ics").items
    assert item.newcomer is not None and item.newcomer.name == "Erin Baptiste"


def test_a_newcomer_known_only_by_address_is_named_from_it(repo, clock):
    text = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u@test\r\n"
        "DTSTART:20261201T100000Z\r\nORGANIZER:mailto:jo.ann-lee@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = read_invitations(decode_source("x.ics", text.encode()), ZONE)
    the_plan = plan_invitations(Snapshot.of(repo), found)
    (added,) = import_invitations(repo, the_plan, clock.now(), add=True).added
    assert (added.name, added.email) == ("Jo Ann Lee", "jo.ann-lee@example.org")


def test_an_archived_contact_comes_back_and_a_contact_further_along_keeps_its_stage(repo, clock):
    gone = alice(repo)
    repo.archive_contact(gone.id)
    run(repo, clock, "google_request.ics")
    back = repo.contact(gone.id)
    assert not back.archived and back.stage is Stage.SCHEDULED
    brian = repo.add_contact(
        Contact(name="Brian Osei", email="brian.osei@contoso.example", stage=Stage.IN_TOUCH)
    )
    the_plan, _ = run(repo, clock, "outlook_request.ics")
    assert not the_plan.items[0].to_scheduled
    assert repo.contact(brian.id).stage is Stage.IN_TOUCH
    assert repo.meetings(brian.id)[0].when is not None


def test_the_invitations_time_is_in_the_json_export(repo, clock):
    alice(repo)
    run(repo, clock, "outlook_request.ics", add=True)
    exported = json.loads(export_json(Snapshot.of(repo), clock.now()))
    (meeting,) = exported["meetings"]
    assert meeting["when"] == "2026-12-03T14:00:00-08:00"
    assert meeting["duration_min"] == 20
    start = datetime.fromisoformat(meeting["when"])
    assert start.astimezone(ZoneInfo("UTC")) == datetime(2026, 12, 3, 22, 0, tzinfo=ZoneInfo("UTC"))
    assert start - clock.now() > timedelta(days=10)
