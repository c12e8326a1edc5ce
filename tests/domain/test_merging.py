"""Two records of one person: which look alike, and what the merged record holds."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from infoint_tui.domain.merging import likely_duplicates, merge_contacts, reminders_to_close
from infoint_tui.domain.models import (
    Contact,
    Focus,
    JobChange,
    Reminder,
    ReminderKind,
    StageChange,
)
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW

DAY = timedelta(days=1)


def added(stage: Stage, days_ago: int) -> list[StageChange]:
    return [StageChange(stage=stage, at=NOW - days_ago * DAY)]


def test_the_kept_record_wins_and_the_others_differences_go_to_its_notes():
    keep = Contact(
        name="Alice Walker", company="Initech", email="alice@initech.example",
        notes="Met at the meetup", tags=["design"], focus=Focus.PATH,
        history=added(Stage.PROSPECTS, 10), connected_on=date(2024, 3, 1),
    )  # fmt: skip
    other = Contact(
        name="Alice W.", company="Acme", role="Designer", email="alice@home.example",
        phone="+1 555 0100", notes="Likes climbing\nMet at the meetup", tags=["Design", "ux"],
        focus=Focus.COMPANY, research_person="Wrote a book", history=added(Stage.PROSPECTS, 3),
        connected_on=date(2023, 1, 5), last_contact=NOW - DAY,
    )  # fmt: skip
    before = copy.deepcopy((keep, other))
    result = merge_contacts(keep, other, NOW)
    merged = result.contact
    assert (keep, other) == before  # the inputs are not changed
    assert merged.id == keep.id and merged.name == "Alice Walker"
    assert (merged.company, merged.email, merged.focus) == ("Initech", keep.email, Focus.PATH)
    assert (merged.role, merged.phone) == ("Designer", "+1 555 0100")  # empty fields filled
    assert merged.tags == ["design", "ux"]
    assert merged.research_person == "Wrote a book"
    assert merged.connected_on == date(2023, 1, 5) and merged.last_contact == NOW - DAY
    assert merged.notes.splitlines() == [
        "Met at the meetup",
        "Likes climbing",
        "",
        'Merged from "Alice W." on 2026-11-18:',
        "Name: Alice W.",
        "Company: Acme",
        "Other email: alice@home.example",
        "Focus: The company",
    ]
    assert result.filled == ["role", "phone"]
    again = merge_contacts(merged, other, NOW).contact
    assert again.notes.count("Likes climbing") == 1


def test_the_stage_is_that_of_the_latest_real_move():
    keep = Contact(name="A", history=added(Stage.PROSPECTS, 1))  # imported yesterday
    other = Contact(
        name="A",
        stage=Stage.SCHEDULED,
        history=[
            StageChange(stage=Stage.PROSPECTS, at=NOW - 20 * DAY),
            StageChange(stage=Stage.REACHED_OUT, at=NOW - 9 * DAY, from_stage=Stage.PROSPECTS),
            StageChange(stage=Stage.SCHEDULED, at=NOW - 5 * DAY, from_stage=Stage.REACHED_OUT),
        ],
    )
    result = merge_contacts(keep, other, NOW)
    assert result.contact.stage is Stage.SCHEDULED and result.stage_from_other
    # One "added" (the first): the later record's is not a step of the path.
    assert result.contact.history == other.history
    assert result.contact.entered_stage_at() == NOW - 5 * DAY
    # The other way round the kept record has moved last: it keeps its stage.
    back = merge_contacts(other, keep, NOW)
    assert back.contact.stage is Stage.SCHEDULED and not back.stage_from_other
    assert back.contact.history == other.history


def test_a_history_that_ends_elsewhere_gets_the_stage_the_contact_is_at():
    keep = Contact(name="A", stage=Stage.IN_TOUCH, history=added(Stage.IN_TOUCH, 2))
    other = Contact(name="A", history=added(Stage.PROSPECTS, 30))
    merged = merge_contacts(keep, other, NOW).contact
    assert merged.stage is Stage.IN_TOUCH
    assert [(c.stage, c.from_stage, c.at) for c in merged.history] == [
        (Stage.PROSPECTS, None, NOW - 30 * DAY),
        (Stage.IN_TOUCH, Stage.PROSPECTS, NOW - 2 * DAY),  # as long as it has been there
    ]


def test_archived_only_if_both_were_and_no_self_referral():
    keep = Contact(name="A", archived=True, archived_at=NOW, archive_reason="no answer")
    other = Contact(name="A", referred_by=keep.id)
    merged = merge_contacts(keep, other, NOW).contact
    assert not merged.archived and merged.archive_reason == ""
    assert merged.referred_by is None
    both = merge_contacts(keep, Contact(name="A", archived=True), NOW).contact
    assert both.archived and both.archive_reason == "no answer"


def test_referrers_drafts_and_job_history_are_not_dropped():
    bob, carol = Contact(name="Bob"), Contact(name="Carol")
    change = JobChange(at=NOW - DAY, company="Acme", new_company="Initech")
    keep = Contact(name="A", referred_by=bob.id, drafts={"outreach": "Hi A, mine"})
    other = Contact(
        name="A", referred_by=carol.id, drafts={"outreach": "Hi A, theirs", "check-in": "Hey"},
        job_history=[change],
    )  # fmt: skip
    result = merge_contacts(keep, other, NOW, {bob.id: "Bob", carol.id: "Carol"})
    merged = result.contact
    assert merged.referred_by == bob.id and merged.job_history == [change]
    assert merged.drafts == {"outreach": "Hi A, mine", "check-in": "Hey"}
    assert "Also referred by: Carol" in merged.notes
    assert "Unsent outreach draft:\nHi A, theirs" in merged.notes


def test_likely_duplicates_same_name_at_the_same_company_or_a_referral_noted_by_hand():
    referral = Contact(name="Dana Ruiz", referred_by="someone")
    colleague = Contact(name="Evan Stone", company="Acme Corp", email="evan@acme.example")
    namesake = Contact(name="Fay Lin", company="Globex")
    imported = [
        Contact(name="dana  ruiz", company="Initech"),
        Contact(name="Evan Stone", company="ACME", email="e.stone@gmail.example"),
        Contact(name="Fay Lin", company="Hooli"),  # another company: another person, maybe
        Contact(name="Gus Park"),
        Contact(name="Gus Park", company="Umbrella"),  # twice in one file
    ]
    pairs = likely_duplicates([referral, colleague, namesake], imported)
    found = {(p.keep.name, p.other.name, p.why) for p in pairs}
    assert found == {
        ("Dana Ruiz", "dana  ruiz", "same name; one is a referral you noted by hand"),
        ("Evan Stone", "Evan Stone", "same name at Acme Corp"),
        ("Gus Park", "Gus Park", "same name; one has no company"),
    }
    pair = next(p for p in pairs if p.keep is referral)
    assert pair.command == f"infoint merge {referral.id} {imported[0].id}"


def test_reminders_the_merge_ends():
    contact = Contact(name="A", stage=Stage.SCHEDULED)

    def reminder(kind: ReminderKind, title: str, days: int) -> Reminder:
        return Reminder(kind=kind, due=NOW + days * DAY, contact_id=contact.id, title=title)

    nudge = reminder(ReminderKind.FOLLOW_UP, "Follow up once with A", 2)
    first = reminder(ReminderKind.CHECK_IN, "Check in with A", 5)
    second = reminder(ReminderKind.CHECK_IN, "Check in with A", 9)
    congratulate = reminder(ReminderKind.CHECK_IN, "Congratulate A on the new role at B", 1)
    mine = reminder(ReminderKind.ACTION, "Send the article", 1)
    also_mine = reminder(ReminderKind.ACTION, "Send the article", 3)
    closing = reminders_to_close(contact, [second, nudge, first, congratulate, mine, also_mine])
    assert closing == [(nudge, "merged: no longer Reached out"), (second, "merged: a duplicate")]
