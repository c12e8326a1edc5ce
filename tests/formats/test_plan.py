"""Import plans: the same person is found, empty fields are filled, nothing typed is replaced."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoint_tui.domain.dedupe import DuplicateFinder, find_duplicate
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    Reminder,
    ReminderKind,
    Settings,
    StageChange,
    TargetEmployer,
    Touch,
    TouchKind,
)
from infoint_tui.domain.stages import Stage
from infoint_tui.formats.linkedin import parse_linkedin
from infoint_tui.formats.merge import append_lines, merged_changes
from infoint_tui.formats.plan import Incoming, Parsed, apply_import, plan_import
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import decode_source
from infoint_tui.formats.vcard import parse_vcard
from tests.formats.helpers import connection, linkedin_csv, vcard


def linkedin(rows):
    return parse_linkedin(decode_source("Connections.csv", linkedin_csv(rows).encode()))


def test_new_connections_are_added_as_prospects(repo, clock):
    plan = plan_import(Snapshot.of(repo), linkedin([connection(1), connection(3)]))
    assert [p.record.name for p in plan.added] == ["Person1 Example1", "Person3 Example3"]
    assert repo.contacts() == []  # planning writes nothing
    outcome = apply_import(repo, plan)
    assert outcome.added["contacts"] == 2
    (one, three) = repo.contacts()
    assert one.stage is Stage.PROSPECTS and one.history[0].at == clock.now()
    assert one.source == "linkedin" and one.connected_on == date(2024, 3, 14)
    assert three.email == "person3@example.com"


def test_same_url_or_email_is_the_same_person_and_only_empty_fields_fill(repo):
    typed = repo.add_contact(
        Contact(name="P. Example", url="http://linkedin.com/in/person-1-example/", role="My words")
    )
    by_email = repo.add_contact(Contact(name="Three", email="PERSON3@example.com"))
    before = copy.deepcopy(repo.contacts())
    plan = plan_import(Snapshot.of(repo), linkedin([connection(1), connection(3), connection(4)]))
    assert repo.contacts() == before  # the plan did not touch the live records
    assert [p.record.name for p in plan.added] == ["Person4 Example4"]
    updates = {p.target_id: p for p in plan.updated}
    assert updates[typed.id].reason == "same profile URL"
    assert set(updates[typed.id].changes) == {"company", "source", "connected_on"}
    assert updates[by_email.id].reason == "same email"
    apply_import(repo, plan)
    kept = repo.contact(typed.id)
    assert kept.name == "P. Example" and kept.role == "My words"  # typed: kept
    assert kept.company == "Company 1, Inc." and kept.connected_on == date(2024, 3, 14)
    assert repo.contact(by_email.id).url == "https://www.linkedin.com/in/person-3-example"
    assert len(repo.contacts()) == 3


def test_importing_the_same_file_twice_adds_and_changes_nothing(repo, db_path):
    parsed = linkedin([connection(n) for n in range(1, 30)])
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    saved = db_path.read_bytes()
    plan = plan_import(Snapshot.of(repo), parsed)
    assert not plan.changes_anything and len(plan.present) == 29
    assert not apply_import(repo, plan).wrote_anything
    assert db_path.read_bytes() == saved


def test_two_rows_for_one_person_become_one_contact(repo):
    rows = [connection(1), connection(2), connection(1, email="p1@example.com", position="Lead")]
    plan = plan_import(Snapshot.of(repo), linkedin(rows))
    assert len(plan.added) == 2
    (dupe,) = plan.present
    assert dupe.where == "line 7" and dupe.reason == "same person as line 5"
    apply_import(repo, plan)
    person1 = repo.find_contacts("Person1 Example1")[0]
    assert person1.email == "p1@example.com" and person1.role == "Engineer"  # first row's role kept
    assert any("line 7: same person as line 5" in line for line in plan.summary_lines())


def test_a_differing_email_or_phone_goes_to_the_notes_once(repo):
    kept = repo.add_contact(
        Contact(name="Ada", email="ada@work.example", phone="+1 555 0100", notes="Met at PyCon")
    )
    card = vcard(
        "FN:Ada Lovelace",
        "EMAIL;TYPE=pref:ada@home.example",
        "EMAIL:ada@work.example",
        "TEL:+1 (555) 0100",
        "NOTE:Loves engines",
    )
    parsed = parse_vcard(decode_source("a.vcf", card.encode()))
    plan = plan_import(Snapshot.of(repo), parsed)
    (update,) = plan.updated
    assert update.target_id == kept.id and update.reason == "same email"  # via a second email
    apply_import(repo, plan)
    ada = repo.contact(kept.id)
    assert ada.email == "ada@work.example" and ada.phone == "+1 555 0100"
    assert ada.notes.splitlines() == [
        "Met at PyCon",
        "Loves engines",
        "Other email: ada@home.example",
    ]
    again = plan_import(Snapshot.of(repo), parsed)
    assert not again.changes_anything


def test_a_stale_plan_neither_duplicates_nor_overwrites(repo):
    parsed = linkedin([connection(1), connection(2)])
    plan = plan_import(Snapshot.of(repo), parsed)
    # While the preview was open, the user added Person1 by hand and typed a company.
    repo.add_contact(
        Contact(name="Someone", url="linkedin.com/in/person-1-example", company="Typed Co")
    )
    outcome = apply_import(repo, plan)
    assert outcome.added["contacts"] == 1 and outcome.updated["contacts"] == 1
    assert len(repo.contacts()) == 2
    assert repo.find_contacts("Someone")[0].company == "Typed Co"
    assert not apply_import(repo, plan).wrote_anything  # applying it again adds nothing


def test_a_failing_apply_leaves_nothing(repo, db_path, monkeypatch):
    saved = db_path.read_bytes()
    plan = plan_import(Snapshot.of(repo), linkedin([connection(1), connection(2)]))
    calls = []
    real = repo.add_contact

    def failing(contact, **kwargs):
        calls.append(contact)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(contact, **kwargs)

    monkeypatch.setattr(repo, "add_contact", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        apply_import(repo, plan)
    assert repo.contacts() == [] and db_path.read_bytes() == saved


def test_merging_an_export_points_records_at_the_surviving_contact(repo, clock):
    mine = repo.add_contact(Contact(name="Ada (mine)", email="ada@example.com", role="Typed"))
    theirs = Contact(name="Ada Lovelace", email="ADA@example.com", company="Engines", tags=["math"])
    friend = Contact(name="Friend", referred_by=theirs.id)
    meeting = Meeting(
        contact_id=theirs.id,
        when=clock.now(),
        log=[
            Capture(at=clock.now(), kind=CaptureKind.REFERRAL, text="Friend", contact_id=friend.id)
        ],
    )
    reminder = Reminder(
        kind=ReminderKind.THANK_YOU, due=clock.now(), contact_id=theirs.id, meeting_id=meeting.id
    )
    touch = Touch(contact_id=theirs.id, kind=TouchKind.CALL, at=clock.now())
    orphan = Touch(contact_id="nobody", kind=TouchKind.CALL, at=clock.now())
    parsed = Parsed(
        kind="infoint JSON export",
        source="x.json",
        exact_ids=True,
        contacts=[Incoming("contacts #1", theirs), Incoming("contacts #2", friend)],
        records={
            "meetings": [Incoming("meetings #1", meeting)],
            "reminders": [Incoming("reminders #1", reminder)],
            "touches": [Incoming("touches #1", touch), Incoming("touches #2", orphan)],
        },
    )
    plan = plan_import(Snapshot.of(repo), parsed)
    assert theirs.id != mine.id and meeting.contact_id == theirs.id  # parsed records untouched
    assert [(s.where, s.reason) for s in plan.skipped] == [
        ("touches #2", "its contact (nobody) is not in the file or the campaign")
    ]
    apply_import(repo, plan)
    ada = repo.contact(mine.id)
    assert ada.name == "Ada (mine)" and ada.role == "Typed" and ada.company == "Engines"
    assert ada.tags == ["math"] and len(repo.contacts()) == 2
    assert repo.contact(friend.id).referred_by == mine.id
    (stored_meeting,) = repo.meetings()
    assert stored_meeting.contact_id == mine.id and stored_meeting.log[0].contact_id == friend.id
    assert repo.reminders()[0].contact_id == mine.id and repo.touches()[0].contact_id == mine.id
    assert not plan_import(Snapshot.of(repo), parsed).changes_anything


def test_same_record_id_merges_facts_without_overwriting(repo, clock):
    contact = repo.add_contact(Contact(name="Ada"))
    meeting = repo.save_meeting(Meeting(contact_id=contact.id, notes="line one"))
    reminder = repo.save_reminder(
        Reminder(kind=ReminderKind.CUSTOM, due=clock.now(), contact_id=contact.id)
    )
    incoming_meeting = copy.deepcopy(meeting)
    incoming_meeting.notes = "line one\nline two typed on the laptop"
    incoming_meeting.when = clock.now() + timedelta(days=1)
    incoming_meeting.duration_min = 45  # a value, not an empty field: kept as it is here
    done = copy.deepcopy(reminder)
    done.done_at = clock.now()
    parsed = Parsed(
        kind="k", source="s", exact_ids=True,
        records={"meetings": [Incoming("m", incoming_meeting)], "reminders": [Incoming("r", done)]},
    )  # fmt: skip
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    stored = repo.meeting(meeting.id)
    assert stored.notes == "line one\nline two typed on the laptop"
    assert stored.when == clock.now() + timedelta(days=1) and stored.duration_min == 30
    assert repo.reminder(reminder.id).done_at == clock.now()


def test_targets_and_questions_match_by_content(repo):
    repo.save_target(TargetEmployer(company="Northwind Health", motivation=3))
    parsed = Parsed(
        kind="k", source="s", exact_ids=True,
        records={"targets": [Incoming("t", TargetEmployer(company="northwind  health", industry="health"))]},
    )  # fmt: skip
    plan = plan_import(Snapshot.of(repo), parsed)
    assert plan.added == [] and plan.updated[0].reason == "same company"
    apply_import(repo, plan)
    (target,) = repo.targets()
    assert target.motivation == 3 and target.industry == "health"


def test_settings_are_restored_whole_only_over_untouched_defaults(repo):
    incoming = Settings(my_name="Sam", pitch="a teacher", default_duration_min=45)
    parsed = Parsed(kind="k", source="s", exact_ids=True, settings=incoming)
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    assert repo.settings == incoming
    repo.save_settings(Settings(my_name="Me", default_duration_min=15))
    plan = plan_import(Snapshot.of(repo), parsed)
    assert plan.settings_changes == ["pitch"]
    apply_import(repo, plan)
    assert repo.settings.my_name == "Me" and repo.settings.pitch == "a teacher"
    assert repo.settings.default_duration_min == 15


def test_append_lines():
    assert append_lines("", "new") == "new"
    assert append_lines("a\nb", "b\nc") == "a\nb\nc"
    assert append_lines("a\nb\n", "a\n\nb") == "a\nb\n"


def test_merge_never_touches_identity_or_stage():
    kept = Contact(name="Kept", stage=Stage.INTERVIEWED, email="")
    incoming = Contact(name="Other", stage=Stage.PROSPECTS, email="x@example.com", archived=True)
    assert merged_changes(kept, incoming) == {"email": "x@example.com"}


emails = st.sampled_from(["", "a@x.io", "A@X.io ", "b@x.io"])
urls = st.sampled_from(
    ["", "https://linkedin.com/in/a", "linkedin.com/in/a/", "http://www.LinkedIn.com/in/b?x=1"]
)
people = st.builds(lambda e, u: Contact(name="p", email=e, url=u), emails, urls)


@given(st.lists(people, max_size=6), people)
def test_duplicate_finder_agrees_with_find_duplicate(existing, candidate):
    finder = DuplicateFinder(existing)
    assert (finder.find(candidate) is None) == (find_duplicate(existing, candidate) is None)


def test_a_new_contact_gets_its_other_emails_and_phones_in_the_notes(repo):
    card = vcard(
        "FN:Ada", "NOTE:Met at PyCon", "EMAIL:a@work.example",
        "item1.EMAIL:a@home.example", "item1.X-ABLabel:Personal",
        "TEL;TYPE=CELL:+1 555 0001", "TEL;TYPE=HOME:+1 555 0002", "TEL:+1 555 0003",
    )  # fmt: skip
    parsed = parse_vcard(decode_source("a.vcf", card.encode()))
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    (ada,) = repo.contacts()
    assert ada.email == "a@work.example" and ada.phone == "+1 555 0001"
    assert ada.notes.splitlines() == [
        "Met at PyCon",
        "Other emails: a@home.example (Personal)",
        "Other phones: +1 555 0002 (home); +1 555 0003",
    ]
    assert not plan_import(Snapshot.of(repo), parsed).changes_anything


def test_without_email_or_url_the_same_name_and_company_is_the_same_person(repo):
    # An old export: no URL column, no emails. Importing it twice must not double everyone.
    header = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
    rows = [
        ["Ada", "Lovelace", "", "Engines", "Analyst", "09/21/2017"],
        ["Bob", "Smith", "", "", "", ""],
    ]
    parsed = parse_linkedin(decode_source("old.csv", linkedin_csv(rows, header=header).encode()))
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    again = parse_linkedin(decode_source("old.csv", linkedin_csv(rows, header=header).encode()))
    plan = plan_import(Snapshot.of(repo), again)
    assert not plan.changes_anything
    assert [p.reason for p in plan.present] == [
        "same name and company",
        "same name (and no company)",
    ]


def test_a_phone_book_without_emails_imported_twice_adds_nothing(repo):
    text = vcard("FN:Mum", "TEL;TYPE=CELL:+33 6 12 34 56 78") + vcard(
        "FN:Dentist", "TEL:01 23 45 67 89"
    )
    apply_import(
        repo, plan_import(Snapshot.of(repo), parse_vcard(decode_source("a.vcf", text.encode())))
    )
    renumbered = text.replace(
        "+33 6 12 34 56 78", "06 12 34 56 78"
    )  # the same number, written otherwise
    plan = plan_import(Snapshot.of(repo), parse_vcard(decode_source("a.vcf", renumbered.encode())))
    assert not plan.changes_anything and len(plan.present) == 2
    assert [p.reason for p in plan.present] == ["same name and phone"] * 2


def test_a_hand_typed_contact_meets_its_linkedin_row_by_name_and_company(repo):
    typed = repo.add_contact(
        Contact(name="person1  example1", company="company 1, inc.", role="Mine")
    )
    plan = plan_import(Snapshot.of(repo), linkedin([connection(1)]))
    (update,) = plan.updated
    assert update.target_id == typed.id and update.reason == "same name and company"
    assert "url" in update.changes and "role" not in update.changes


def test_same_name_with_different_profiles_is_two_people(repo):
    repo.add_contact(
        Contact(
            name="Person1 Example1", company="Company 1, Inc.", url="linkedin.com/in/someone-else"
        )
    )
    plan = plan_import(Snapshot.of(repo), linkedin([connection(1)]))
    assert len(plan.added) == 1


def test_later_rows_of_one_person_bring_their_keys_along(repo):
    rows = [
        connection(1, email=""),  # line 5: URL only
        connection(1, email="one@example.com"),  # line 6: the same URL, and an email
        connection(9, first="P.", last="One", url="", email="one@example.com"),  # line 7: the email
    ]
    plan = plan_import(Snapshot.of(repo), linkedin(rows))
    assert len(plan.added) == 1
    assert [p.reason for p in plan.present] == ["same person as line 5", "same person as line 5"]
    apply_import(repo, plan)
    (person,) = repo.contacts()
    assert person.email == "one@example.com" and person.name == "Person1 Example1"


def test_a_contact_never_moved_takes_the_stage_of_the_same_person_further_along(repo, clock):
    imported = repo.add_contact(Contact(name="Ada", email="ada@example.com"))  # e.g. from LinkedIn
    moved = repo.add_contact(Contact(name="Bob", email="bob@example.com"))
    repo.move_contact(moved.id, Stage.REACHED_OUT)
    earlier = clock.now() - timedelta(days=30)
    theirs = [
        Contact(name="Ada L.", email="ada@example.com", stage=Stage.INTERVIEWED,
                history=[StageChange(stage=Stage.PROSPECTS, at=earlier),
                         StageChange(stage=Stage.INTERVIEWED, at=earlier + timedelta(days=9))]),
        Contact(name="Bob B.", email="bob@example.com", stage=Stage.THANKED,
                history=[StageChange(stage=Stage.THANKED, at=earlier)]),
    ]  # fmt: skip
    parsed = Parsed(
        kind="k",
        source="s",
        exact_ids=True,
        contacts=[Incoming(f"#{i}", c) for i, c in enumerate(theirs)],
    )
    apply_import(repo, plan_import(Snapshot.of(repo), parsed))
    ada, bob = repo.contact(imported.id), repo.contact(moved.id)
    assert ada.stage is Stage.INTERVIEWED and ada.history == theirs[0].history
    assert bob.stage is Stage.REACHED_OUT and [c.stage for c in bob.history] == [
        Stage.PROSPECTS, Stage.REACHED_OUT,
    ]  # fmt: skip
