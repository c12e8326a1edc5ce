"""The prep checklist, objectives, logistics words, and the readiness meter's breakdown."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoint_tui.domain import codec
from infoint_tui.domain.models import (
    ChecklistItem,
    Contact,
    Medium,
    Meeting,
    MeetingQuestion,
    Settings,
)
from infoint_tui.domain.prep import (
    DEFAULT_CHECKLIST,
    DURATIONS,
    PrepGroup,
    add_item,
    add_objective,
    group_of,
    i_pick_up_the_tab,
    introduction_text,
    is_applicable,
    is_done,
    items_by_group,
    new_meeting_defaults,
    objective_lines,
    place_label,
    readiness,
    readiness_report,
    remove_item,
    restore_defaults,
    toggle_item,
    who_pays,
)
from tests.conftest import NOW


def _meeting(**fields) -> Meeting:
    meeting = Meeting(contact_id="c1", **fields)
    return new_meeting_defaults(meeting, Settings())


def _complete(meeting: Meeting) -> Meeting:
    for item in meeting.checklist:
        item.done = True
    meeting.when = NOW + timedelta(days=1)
    meeting.place = "Blue Door Café"
    meeting.objectives = "Learn how he moved into research"
    meeting.questions = [MeetingQuestion(text="Who else should I talk to?")]
    meeting.introduction = "I teach science."
    return meeting


def test_a_new_meeting_gets_the_default_checklist_and_ask():
    meeting = _meeting()
    assert [item.key for item in meeting.checklist] == [key for key, _ in DEFAULT_CHECKLIST]
    assert meeting.ask == Settings().default_ask
    assert DURATIONS == (15, 20, 30)


def test_every_default_item_has_a_group():
    groups = items_by_group(_meeting())
    assert [len(groups[g]) for g in PrepGroup] == [5, 4, 2]
    assert group_of(ChecklistItem(text="Print the map", group="logistics")) is PrepGroup.LOGISTICS
    assert group_of(ChecklistItem(text="Mine", group="nonsense")) is PrepGroup.PLAN


def test_custom_items_can_be_added_toggled_removed_and_defaults_restored():
    meeting = _meeting()
    item = add_item(meeting, "  Bring   the printed case study ", PrepGroup.LOGISTICS)
    assert item.text == "Bring the printed case study" and item.key == ""
    assert meeting.checklist[-1] is item and group_of(item) is PrepGroup.LOGISTICS
    with pytest.raises(ValueError, match="already on the checklist"):
        add_item(meeting, "bring the PRINTED case study")
    with pytest.raises(ValueError, match="needs some text"):
        add_item(meeting, "   ")
    assert toggle_item(meeting, len(meeting.checklist) - 1) is True
    assert toggle_item(meeting, len(meeting.checklist) - 1) is False
    removed = remove_item(meeting, 2)
    assert removed.key == "research-about"
    with pytest.raises(IndexError):
        toggle_item(meeting, 99)
    [back] = restore_defaults(meeting)
    assert back.key == "research-about"
    assert [i.key for i in meeting.checklist][:4] == [
        "research-person",
        "research-writing",
        "research-about",
        "research-bios",
    ]
    assert restore_defaults(meeting) == []


def test_a_custom_item_and_its_group_survive_the_file():
    meeting = _meeting()
    add_item(meeting, "Print the map", PrepGroup.LOGISTICS)
    again = codec.from_dict(Meeting, codec.to_dict(meeting))
    assert again.checklist[-1] == ChecklistItem(text="Print the map", group="logistics")


def test_objectives_are_lines_without_bullets():
    meeting = _meeting(objectives="- Learn the trends\n\n  * Hear how she moved  \n")
    assert objective_lines(meeting) == ["Learn the trends", "Hear how she moved"]
    add_objective(meeting, "Get an introduction")
    assert meeting.objectives == "Learn the trends\nHear how she moved\nGet an introduction"
    with pytest.raises(ValueError, match="already an objective"):
        add_objective(meeting, "get an  introduction")
    with pytest.raises(ValueError):
        add_objective(meeting, "")


def test_the_tab_only_matters_when_we_meet_in_person():
    tab = next(i for i in _meeting().checklist if i.key == "tab")
    assert is_applicable(tab, _meeting(medium=Medium.COFFEE))
    assert is_applicable(tab, _meeting(medium=Medium.IN_PERSON))
    assert not is_applicable(tab, _meeting(medium=Medium.PHONE))
    call = _meeting(medium=Medium.VIDEO)
    for item in call.checklist:
        item.done = item.key != "tab"
    assert readiness(call) == 1.0
    assert readiness_report(call).total == 10


def test_saying_i_pay_plans_the_tab_without_ticking_it():
    coffee = _meeting(medium=Medium.COFFEE)
    tab = next(i for i in coffee.checklist if i.key == "tab")
    assert not is_done(tab, coffee)
    before = readiness_report(coffee).group(PrepGroup.LOGISTICS).done
    coffee.i_pay = True
    assert is_done(tab, coffee) and not tab.done
    assert readiness_report(coffee).group(PrepGroup.LOGISTICS).done == before + 1
    assert "picking up the tab" not in readiness_report(coffee).missing


def test_readiness_breaks_down_by_group_and_says_what_is_missing():
    meeting = _meeting(medium=Medium.COFFEE)
    for item in meeting.checklist[:5]:
        item.done = True
    meeting.questions = [MeetingQuestion(text="Who else should I talk to?")]
    meeting.introduction = "I teach science."
    meeting.objectives = "Learn the trends"
    report = readiness_report(meeting, now=NOW)
    assert (report.done, report.total, report.percent) == (5, 11, 45)
    research, plan, logistics = report.groups
    assert research.complete and research.fraction == 1.0
    assert (plan.done, plan.total) == (0, 4)
    assert plan.missing == ("objectives", "questions", "the ask", "my introduction")
    assert logistics.missing == ("no date and time, no place", "picking up the tab")
    assert report.gaps == ("no date and time, no place",)
    assert not report.ready
    assert report.summary() == (
        "5/11 ready · missing: objectives, questions, the ask, my introduction, "
        "no date and time, no place, picking up the tab"
    )


def test_details_missing_show_even_when_the_item_is_ticked():
    meeting = _complete(_meeting(medium=Medium.VIDEO))
    meeting.place = ""
    meeting.objectives = ""
    report = readiness_report(meeting)
    assert report.percent == 100 and not report.ready
    assert report.missing == ["no objectives written", "no video link"]


def test_research_notes_and_introduction_count_when_the_contact_and_settings_are_given():
    meeting = _complete(_meeting(medium=Medium.PHONE))
    meeting.introduction = ""
    meeting.place = ""
    contact = Contact(name="Dan", company="Northwind", phone="")
    report = readiness_report(meeting, contact=contact, settings=Settings())
    assert report.missing == [
        "no notes on the person",
        "no notes on the company",
        "no introduction",
        "no phone number",
    ]
    contact.research_person, contact.research_company, contact.phone = "x", "y", "+33 1"
    pitched = Settings(pitch="a teacher moving into UX research")
    assert readiness_report(meeting, contact=contact, settings=pitched).ready


def test_a_passed_meeting_time_is_a_gap_until_it_is_held():
    meeting = _complete(_meeting())
    meeting.when = NOW - timedelta(hours=2)
    assert readiness_report(meeting, now=NOW).gaps == ("the meeting time has passed",)
    meeting.ended_at = NOW
    assert readiness_report(meeting, now=NOW).ready


def test_a_removed_default_item_still_reports_its_gap():
    meeting = _complete(_meeting())
    meeting.ask = ""
    remove_item(meeting, next(i for i, it in enumerate(meeting.checklist) if it.key == "ask"))
    assert readiness_report(meeting).group(PrepGroup.PLAN).missing == ("no ask",)


def test_an_empty_checklist_is_not_ready():
    meeting = Meeting(contact_id="c1")
    assert readiness(meeting) == 0.0
    assert readiness_report(meeting).fraction == 0.0 and not readiness_report(meeting).ready


def test_introduction_is_mine_or_my_pitch_as_a_sentence():
    settings = Settings(pitch="a science teacher moving into UX research")
    assert (
        introduction_text(_meeting(), settings) == "I'm a science teacher moving into UX research."
    )
    assert introduction_text(_meeting(introduction=" Hello! "), settings) == "Hello!"
    assert introduction_text(_meeting(), Settings(pitch="I teach.")) == "I teach."
    assert introduction_text(_meeting(), Settings()) == ""


def test_place_and_who_pays_in_words():
    assert place_label(_meeting(medium=Medium.COFFEE, place="Blue Door")) == "Coffee at Blue Door"
    assert place_label(_meeting(medium=Medium.COFFEE)) == "Coffee (place not set)"
    assert (
        place_label(_meeting(medium=Medium.VIDEO, place="meet.example/x"))
        == "Video: meet.example/x"
    )
    assert place_label(_meeting(medium=Medium.PHONE)) == "Phone"
    assert who_pays(_meeting(medium=Medium.COFFEE, i_pay=True)) == "I pay"
    assert who_pays(_meeting(medium=Medium.COFFEE)).startswith("Not settled")
    assert who_pays(_meeting(medium=Medium.PHONE)) == ""
    # "I pay" ticked for a coffee that then became a call: no tab to pick up
    assert who_pays(_meeting(medium=Medium.VIDEO, i_pay=True)) == ""
    assert not i_pick_up_the_tab(_meeting(medium=Medium.VIDEO, i_pay=True))
    assert i_pick_up_the_tab(_meeting(medium=Medium.IN_PERSON, i_pay=True))


def test_writing_the_ask_or_the_introduction_ticks_its_item_and_never_unticks():
    from infoint_tui.domain.prep import mark_prepared, new_meeting_defaults

    meeting = Meeting(contact_id="c1")
    new_meeting_defaults(meeting, Settings())
    assert not next(i for i in meeting.checklist if i.key == "ask").done
    assert mark_prepared(meeting, "ask") is True
    assert next(i for i in meeting.checklist if i.key == "ask").done
    assert mark_prepared(meeting, "ask") is False  # already done: nothing changes
    assert mark_prepared(meeting, "no-such-item") is False
