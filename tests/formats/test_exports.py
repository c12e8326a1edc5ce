"""Exports: JSON restores the whole campaign, CSV and Markdown read well, ICS parses back."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta, timezone

import icalendar
import pytest

from infoint_tui.actions import campaign as actions_campaign
from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.domain.models import Contact, Medium, Meeting
from infoint_tui.formats.csvfile import COLUMNS, export_csv
from infoint_tui.formats.ics import export_ics
from infoint_tui.formats.jsonfile import FORMAT_MARKER, export_json, parse_json
from infoint_tui.formats.markdown import export_markdown
from infoint_tui.formats.plan import apply_import, plan_import
from infoint_tui.formats.snapshot import TABLES, Snapshot
from infoint_tui.formats.source import FormatError, decode_source


@pytest.fixture
def demo(repo, clock):
    seed_demo(repo, clock.now())
    return repo


def restore(text: str, path, clock) -> actions_campaign.Campaign:
    target = open_campaign(path, clock=clock)
    parsed = parse_json(decode_source("export.json", text.encode()))
    apply_import(target, plan_import(Snapshot.of(target), parsed))
    return target


# -- json ----------------------------------------------------------------------------------------
def test_json_round_trip_restores_the_whole_campaign(demo, clock, tmp_path):
    text = export_json(Snapshot.of(demo), clock.now())
    document = json.loads(text)
    assert document["format"] == FORMAT_MARKER and document["version"] == 1
    original = Snapshot.of(demo)
    assert all(
        original.table(t) for t in ("contacts", "meetings", "reminders", "touches", "targets")
    )
    restored = restore(text, tmp_path / "restored.json", clock)
    assert Snapshot.of(restored) == original
    # And the restored file says the same thing when reopened from disk.
    reopened = Snapshot.of(open_campaign(tmp_path / "restored.json", clock=clock))
    assert reopened == original
    assert export_json(reopened, clock.now()) == text


def test_json_import_into_the_same_campaign_changes_nothing(demo, clock, db_path):
    text = export_json(Snapshot.of(demo), clock.now())
    saved = db_path.read_bytes()
    plan = plan_import(Snapshot.of(demo), parse_json(decode_source("e.json", text.encode())))
    assert not plan.changes_anything and plan.skipped == []
    assert len(plan.present) == sum(len(Snapshot.of(demo).table(t)) for t in TABLES)
    assert db_path.read_bytes() == saved


def test_json_merge_keeps_local_work_and_adds_the_rest(demo, clock, tmp_path):
    text = export_json(Snapshot.of(demo), clock.now())
    other = open_campaign(tmp_path / "laptop.json", clock=clock)
    local = other.add_contact(
        Contact(name="Daniel K.", email="DKIM@northwind.example", role="typed on the laptop")
    )
    other.add_contact(Contact(name="Someone New"))
    plan = plan_import(Snapshot.of(other), parse_json(decode_source("e.json", text.encode())))
    apply_import(other, plan)
    assert len(other.contacts(archived=None)) == len(demo.contacts(archived=None)) + 1
    daniel = other.contact(local.id)
    assert daniel.name == "Daniel K." and daniel.role == "typed on the laptop"
    assert daniel.company == "Northwind Health" and daniel.research_person
    (demo_daniel,) = demo.find_contacts("Daniel Kim")
    assert {m.id for m in other.meetings(local.id)} == {m.id for m in demo.meetings(demo_daniel.id)}
    assert not other.find_contacts("Daniel Kim")  # merged, not added


@pytest.mark.parametrize(
    "text, message",
    [
        ("[1, 2]", "not an infoint export"),
        ('{"contacts": 3, "x": 1}', "not an infoint export"),
        ('{"format": "infoint-export", "version": 99}', "newer infoint"),
        ('{"format": "infoint-export", "version": 1, "contacts": {}}', "not a list of records"),
        ('{"format": "infoint-export", "version": 1}', "holds no infoint records"),
        ("{not json", "not valid JSON (line 1, column 2"),
        ('{"meta": {"1": {"schema": 7}}, "contacts": {}}', "newer infoint (schema 7)"),
    ],
)
def test_bad_json_is_refused(text, message):
    with pytest.raises(FormatError, match=re.escape(message)):
        parse_json(decode_source("e.json", text.encode()))


def test_bad_records_are_skipped_and_named(clock):
    good = {"id": "c1", "name": "Ada", "stage": "prospects"}
    document = {
        "format": FORMAT_MARKER, "version": 1,
        "contacts": [good, {"id": "c2", "name": "Bob", "stage": "sleeping"}, {"name": "No id"}, 7],
        "meetings": [{"id": "m1", "contact_id": "c2"}],
    }  # fmt: skip
    parsed = parse_json(decode_source("e.json", json.dumps(document).encode()))
    assert [item.record.name for item in parsed.contacts] == ["Ada"]
    reasons = [str(skip) for skip in parsed.skipped]
    assert reasons[0].startswith("contacts #2 (Bob): cannot be read (Contact.stage:")
    assert reasons[1:] == ["contacts #3 (No id): has no id", "contacts #4: is not a JSON object"]
    plan = plan_import(Snapshot(), parsed)
    assert (
        str(plan.skipped[-1]) == "meetings #1: its contact (c2) is not in the file or the campaign"
    )


def test_the_data_file_itself_can_be_imported(demo, db_path, clock, tmp_path):
    demo.store.close()  # the journal folded into the file, as when the app quits
    restored = restore(db_path.read_text(), tmp_path / "copy.json", clock)
    assert Snapshot.of(restored) == Snapshot.of(demo)


# -- csv -----------------------------------------------------------------------------------------
def test_csv_has_one_row_per_contact_with_canonical_stages(demo):
    demo.archive_contact(demo.find_contacts("Wen Li")[0].id, "not a fit")
    rows = list(csv.DictReader(io.StringIO(export_csv(Snapshot.of(demo)))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(demo.contacts(archived=None))
    assert {row["stage"] for row in rows} == {
        "prospects", "reached-out", "scheduled", "interviewed", "thanked", "in-touch",
    }  # fmt: skip
    daniel = next(row for row in rows if row["name"] == "Daniel Kim")
    assert daniel["referred_by"] == "Ruth Abebe" and daniel["tags"] == "research; health"
    assert daniel["next_meeting"].startswith("2026-11-19T10:30")
    wen = next(row for row in rows if row["name"] == "Wen Li")
    assert wen["archived"] == "yes" and rows[-1]["archived"] == "yes"  # archived ones come last
    assert any(row["name"] == "Tomás Herrera" for row in rows)


# -- markdown ------------------------------------------------------------------------------------
def test_markdown_journal_has_a_section_per_contact_with_meetings_and_notes(demo, clock):
    text = export_markdown(Snapshot.of(demo), clock.now())
    assert text.startswith("# Informational interviews: campaign journal\n")
    for contact in demo.contacts():
        assert f"\n### {contact.name}\n" in text
    hannah = text[text.index("### Hannah Schmidt") :].split("\n### ")[0]
    assert "#### Meeting: Wed 18 Nov 2026 05:30" in hannah
    assert "> - Biggest surprise: how much of the job is facilitation, not drawing" in hannah
    assert "(insight, Insights) Facilitation is most of the job" in hannah
    assert "- [ ] Send Hannah a thank-you (due" in hannah
    daniel = text[text.index("### Daniel Kim") :].split("\n### ")[0]
    assert "*Prep* (8/11 done" in daniel and "- [ ] (Trends) What trends" in daniel
    assert "- Referred by: Ruth Abebe" in daniel
    assert text.index("## Prospects") < text.index("## Scheduled") < text.index("## In touch")


# -- ics -----------------------------------------------------------------------------------------
def parse_ics(data: bytes):
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT")), list(calendar.walk("VTODO"))


def test_ics_meetings_are_events_with_start_duration_and_details(demo, clock):
    events, todos = parse_ics(export_ics(Snapshot.of(demo), clock.now()))
    active = {c.id for c in demo.contacts()}
    scheduled = [m for m in demo.meetings() if m.when is not None and m.contact_id in active]
    assert len(events) == len(scheduled) >= 4
    by_uid = {str(e["uid"]): e for e in events}
    (daniel,) = demo.find_contacts("Daniel Kim")
    coffee = demo.meetings(daniel.id)[0]
    event = by_uid[f"meeting-{coffee.id}@infoint"]
    start = event.decoded("dtstart")
    assert start == coffee.when and start.tzinfo is not None
    assert event.decoded("dtend") - start == timedelta(minutes=coffee.duration_min)
    assert str(event["summary"]) == "Coffee with Daniel Kim (UX Researcher @ Northwind Health)"
    assert str(event["location"]) == "Blue Door Café, 5th & Pine"
    description = str(event["description"])
    assert "Learn how he moved from school psychology into research" in description
    assert "- Who else should I talk to, and what should I read?" in description
    open_reminders = [r for r in demo.reminders() if not demo.contact(r.contact_id).archived]
    assert {str(t["uid"]) for t in todos} == {f"reminder-{r.id}@infoint" for r in open_reminders}
    for todo in todos:
        assert todo.decoded("due").tzinfo is not None and str(todo["status"]) == "NEEDS-ACTION"


def test_ics_uids_are_stable_and_sequence_grows(demo, clock):
    first = export_ics(Snapshot.of(demo), clock.now())
    meeting = demo.meetings()[0]
    meeting.when = meeting.when + timedelta(hours=2)
    demo.save_meeting(meeting)
    clock.advance(minutes=5)
    second = export_ics(Snapshot.of(demo), clock.now())
    events1, todos1 = parse_ics(first)
    events2, todos2 = parse_ics(second)
    assert [e["uid"] for e in events1] == [e["uid"] for e in events2]
    assert [t["uid"] for t in todos1] == [t["uid"] for t in todos2]
    moved = {str(e["uid"]): e for e in events2}[f"meeting-{meeting.id}@infoint"]
    assert moved.decoded("dtstart") == meeting.when
    assert int(events2[0]["sequence"]) > int(events1[0]["sequence"])


def test_ics_reminders_as_events_and_archived_contacts_left_out(demo, clock):
    (amara,) = demo.find_contacts("Amara Nwosu")
    demo.archive_contact(amara.id, "moved abroad")
    events, todos = parse_ics(export_ics(Snapshot.of(demo), clock.now(), reminders_as="event"))
    assert todos == []
    reminder_events = [e for e in events if str(e["uid"]).startswith("reminder-")]
    assert len(reminder_events) == len(demo.reminders()) and reminder_events
    assert all(str(e["transp"]) == "TRANSPARENT" for e in reminder_events)
    meeting_contacts = {str(e["summary"]) for e in events if str(e["uid"]).startswith("meeting-")}
    assert not any("Amara" in summary for summary in meeting_contacts)


def test_ics_video_link_and_unscheduled_meetings(repo, clock):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.save_meeting(Meeting(contact_id=ada.id))  # no time yet: not in the calendar
    repo.save_meeting(
        Meeting(
            contact_id=ada.id,
            when=clock.now(),
            medium=Medium.VIDEO,
            place="https://meet.example/ada",
        )
    )
    (event,), _ = parse_ics(export_ics(Snapshot.of(repo), clock.now()))
    assert str(event["url"]) == "https://meet.example/ada"
    assert event.decoded("dtstart") == clock.now().astimezone(timezone.utc)
