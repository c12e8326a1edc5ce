"""The brief of one meeting, as data and as Markdown."""

from __future__ import annotations

from datetime import datetime, timedelta

from infoint_tui.domain.brief import brief_filename, brief_markdown, build_brief, who_line
from infoint_tui.domain.models import (
    Contact,
    Focus,
    Medium,
    Meeting,
    MeetingQuestion,
    Settings,
    Tiara,
)
from infoint_tui.domain.prep import new_meeting_defaults
from infoint_tui.domain.question_bank import curated_bank
from tests.conftest import NOW, ZONE

SETTINGS = Settings(my_name="Sam Rivera", pitch="a science teacher moving into UX research")
RUTH = Contact(name="Ruth Abebe")


def _daniel() -> Contact:
    return Contact(
        name="Daniel Kim",
        role="UX Researcher",
        company="Northwind Health",
        industry="health tech",
        source="referral",
        referred_by=RUTH.id,
        focus=Focus.PATH,
        research_person="5 years at Northwind.\nWrote 'Research with nurses, not about them'.",
        research_company="Patient-scheduling software; Series C in May.",
    )


def _meeting(contact: Contact) -> Meeting:
    meeting = new_meeting_defaults(Meeting(contact_id=contact.id), SETTINGS)
    meeting.when = datetime(2026, 11, 19, 10, 30, tzinfo=ZONE)
    meeting.duration_min = 30
    meeting.medium, meeting.place, meeting.i_pay = Medium.COFFEE, "Blue Door Café", True
    meeting.objectives = "Learn how he moved into research\nUnderstand a research week"
    meeting.questions = [
        MeetingQuestion(
            text="What trends are changing research with clinicians?", tiara=Tiara.TRENDS
        ),
        MeetingQuestion(text="Who else should I talk to?", bank_id="q-resources-01"),
        MeetingQuestion(text="What do nurses think of it?"),
    ]
    for item in meeting.checklist[:9]:
        item.done = True
    return meeting


def test_the_brief_holds_who_when_plan_and_research():
    daniel = _daniel()
    meeting = _meeting(daniel)
    brief = build_brief(meeting, daniel, SETTINGS, now=NOW, referrer=RUTH, bank=curated_bank())
    assert (brief.name, brief.role_at_company, brief.industry) == (
        "Daniel Kim",
        "UX Researcher @ Northwind Health",
        "health tech",
    )
    assert (brief.how_found, brief.referred_by, brief.focus) == (
        "a referral",
        "Ruth Abebe",
        "Their path",
    )
    assert who_line(brief) == "Found through a referral · referred by Ruth Abebe"
    assert brief.when_text == "tomorrow 10:30"
    assert brief.date_text == "Thursday 19 November 2026, 10:30-11:00 CET"
    assert (brief.medium, brief.place, brief.who_pays) == (
        "Coffee",
        "Coffee at Blue Door Café",
        "I pay",
    )
    assert brief.objectives == ("Learn how he moved into research", "Understand a research week")
    assert [(q.number, q.letter, q.tiara) for q in brief.questions] == [
        (1, "T", "Trends"),
        (2, "R", "Resources"),
        (3, "", ""),
    ]
    assert brief.ask == SETTINGS.default_ask
    assert brief.introduction == "I'm a science teacher moving into UX research."
    assert brief.introduction_from_pitch
    # "I pay" is set, so the tab is planned even though its item was never ticked.
    assert brief.unchecked == ("Confirm time and place (or dial-in) the day before",)
    assert brief.missing == ()
    assert brief.readiness_percent == 91
    assert brief.research_company.startswith("Patient-scheduling")


def test_the_brief_marks_questions_asked_in_an_earlier_meeting():
    daniel = _daniel()
    meeting = _meeting(daniel)
    held = Meeting(
        contact_id=daniel.id,
        when=NOW - timedelta(days=30),
        ended_at=NOW - timedelta(days=30),
        questions=[MeetingQuestion(text="who else should I talk to", asked=True)],
    )
    brief = build_brief(meeting, daniel, SETTINGS, now=NOW, earlier_meetings=[held])
    assert [q.asked_before for q in brief.questions] == ["", f"asked on {held.when:%d %b %Y}", ""]


def test_a_bare_meeting_still_makes_a_brief_that_says_what_is_missing():
    someone = Contact(name="Wen Li")
    meeting = Meeting(contact_id=someone.id, medium=Medium.VIDEO)
    brief = build_brief(meeting, someone, Settings(), now=NOW)
    assert brief.when_text == "not set" and brief.date_text == "Date and time not set"
    assert brief.place == "Video" and brief.who_pays == ""
    assert brief.introduction == "" and not brief.introduction_from_pitch
    assert brief.missing == (
        "no notes on the person",
        "no objectives written",
        "no questions chosen",
        "no ask",
        "no introduction",
        "no date and time, no video link",
    )
    text = brief_markdown(brief)
    assert text.startswith("# Brief: Wen Li\n")
    assert "## My questions\n\n_(none yet)_" in text
    assert "- no date and time, no video link" in text


def test_brief_markdown_reads_in_order():
    daniel = _daniel()
    meeting = _meeting(daniel)
    meeting.introduction = "I've run classroom studies for nine years."
    brief = build_brief(meeting, daniel, SETTINGS, now=NOW, referrer=RUTH, bank=curated_bank())
    text = brief_markdown(brief)
    assert text == (
        "# Brief: Daniel Kim\n"
        "\n"
        "**UX Researcher @ Northwind Health** · health tech\n"
        "\n"
        "- Found through a referral · referred by Ruth Abebe\n"
        "- Interview focus: their path\n"
        "\n"
        "## When and where\n"
        "\n"
        "- Thursday 19 November 2026, 10:30-11:00 CET\n"
        "- 30 minutes\n"
        "- Coffee at Blue Door Café\n"
        "- I pay\n"
        "\n"
        "## My objectives\n"
        "\n"
        "- Learn how he moved into research\n"
        "- Understand a research week\n"
        "\n"
        "## My questions\n"
        "\n"
        "1. [T] What trends are changing research with clinicians?\n"
        "2. [R] Who else should I talk to?\n"
        "3. What do nurses think of it?\n"
        "\n"
        "## The ask\n"
        "\n"
        "An introduction to someone else in the field I could learn from\n"
        "\n"
        "## My introduction\n"
        "\n"
        "I've run classroom studies for nine years.\n"
        "\n"
        "## Still to do (91% ready)\n"
        "\n"
        "- [ ] Confirm time and place (or dial-in) the day before\n"
        "\n"
        "## Research: Daniel Kim\n"
        "\n"
        "5 years at Northwind.\n"
        "Wrote 'Research with nurses, not about them'.\n"
        "\n"
        "## Research: Northwind Health\n"
        "\n"
        "Patient-scheduling software; Series C in May.\n"
    )


def test_the_export_file_is_named_after_the_person():
    assert brief_filename("Daniel Kim") == "daniel-kim-brief.md"
    assert brief_filename("Tomás Herrera") == "tomas-herrera-brief.md"
    assert brief_filename("  O'Brien, Jo ") == "o-brien-jo-brief.md"
    assert brief_filename("!!!") == "meeting-brief.md"


def test_a_time_read_back_from_the_file_shows_my_zone_not_its_offset():
    from datetime import timedelta, timezone

    meeting = Meeting(contact_id="c1", duration_min=30)
    meeting.when = (NOW + timedelta(days=1)).astimezone(timezone(timedelta(hours=1)))
    brief = build_brief(meeting, Contact(name="Ann Lee"), Settings(), now=NOW)
    assert brief.date_text == "Thursday 19 November 2026, 09:30-10:00 CET"


def test_the_brief_carries_the_question_checkers_warnings_and_the_unconfirmed_ask():
    daniel = _daniel()
    meeting = _meeting(daniel)
    meeting.questions += [
        MeetingQuestion(text="Are you hiring right now?"),
        MeetingQuestion(text="What do nurses think of it?"),
    ]
    for item in meeting.checklist:
        item.done = item.key != "ask"
    brief = build_brief(meeting, daniel, SETTINGS, now=NOW, bank=curated_bank())
    assert [q.warning for q in brief.questions] == ["", "", "", "asks for a job", "asked twice"]
    assert brief.ask == SETTINGS.default_ask and brief.ask_is_default
    markdown = brief_markdown(brief)
    assert "Are you hiring right now? **✗ asks for a job**" in markdown
    assert "(Settings' default: confirm it in prep)" in markdown
    meeting.ask = "An introduction to a research ops lead"  # written: no longer the default
    assert not build_brief(meeting, daniel, SETTINGS, now=NOW).ask_is_default
