"""Thank-you and check-in drafts: templates filled from the contact, the notes and Settings."""

from __future__ import annotations

from datetime import timedelta

from infoint_tui.domain.compose import (
    Candidate,
    Introduction,
    check_in_candidates,
    check_in_draft,
    fill,
    offered_introductions,
    specific_candidates,
    thank_you_countdown,
    thank_you_draft,
    thank_you_reminder,
    when_phrase,
)
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    MeetingQuestion,
    Reminder,
    ReminderKind,
    Settings,
    Tiara,
)
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW  # Wednesday 18 November 2026, 09:30

SETTINGS = Settings(my_name="Sam Rivera", signature="Sam Rivera · sam@example.com")
HANNAH = Contact(
    name="Hannah Schmidt",
    email="hannah@fabrikam.example",
    company="Fabrikam",
    stage=Stage.INTERVIEWED,
)
MARIA = Contact(name="Maria Chen", referred_by=HANNAH.id)
NOTES = """Hannah moved from teaching art to design 8 years ago.
- Biggest surprise: how much of the job is facilitation
* Teachers already do research
Follow-ups:
ok

- Hannah moved from teaching art to design 8 years ago
"""


def call(**fields) -> Meeting:
    ended = NOW - timedelta(hours=18)  # Tuesday 15:30
    base = dict(contact_id=HANNAH.id, when=ended - timedelta(minutes=30), ended_at=ended, notes=NOTES, log=[
        Capture(at=ended, kind=CaptureKind.INSIGHT, tiara=Tiara.ADVICE, text="Portfolio: 2-3 case studies showing the messy middle."),
        Capture(at=ended, kind=CaptureKind.NOTE, text="Running late"),
        Capture(at=ended, kind=CaptureKind.REFERRAL, text="Maria Chen (design systems lead)", contact_id=MARIA.id),
        Capture(at=ended, kind=CaptureKind.ACTION_MINE, text="Send the case study"),
    ], questions=[
        MeetingQuestion(text="What surprised you?", tiara=Tiara.INSIGHTS, answer="How much of the job is facilitation"),
        MeetingQuestion(text="Unasked", tiara=Tiara.TRENDS),
    ])  # fmt: skip
    base.update(fields)
    return Meeting(**base)


def test_fill_leaves_unknown_placeholders_and_braces_alone():
    assert fill("Hi {first_name}, {unknown} {not closed", {"first_name": "Ada"}) == (
        "Hi Ada, {unknown} {not closed"
    )
    assert fill("{a}{a}", {"a": "{b}", "b": "no"}) == "{b}{b}"  # values are not filled again


def test_specific_candidates_insights_then_answers_then_note_lines():
    found = specific_candidates(call())
    assert [(c.source, c.text, c.tiara) for c in found] == [
        ("insight", "Portfolio: 2-3 case studies showing the messy middle.", Tiara.ADVICE),
        ("answer", "How much of the job is facilitation", Tiara.INSIGHTS),
        ("note", "Hannah moved from teaching art to design 8 years ago.", None),
        ("note", "Biggest surprise: how much of the job is facilitation", None),
        ("note", "Teachers already do research", None),
    ]  # the heading, the two-word line and the repeated line are left out
    assert specific_candidates(Meeting(contact_id="x")) == []


def test_short_lines_and_headings_are_not_offered():
    meeting = Meeting(
        contact_id="x", notes="- Teachers already do research\nNext steps:\nok fine\n"
    )
    assert [c.text for c in specific_candidates(meeting)] == ["Teachers already do research"]


def test_offered_introductions_name_the_prospect_created():
    assert offered_introductions(call(), [HANNAH, MARIA]) == [Introduction("Maria Chen", MARIA.id)]
    assert offered_introductions(call()) == [
        Introduction("Maria Chen (design systems lead)", MARIA.id)
    ]


def test_thank_you_draft_quotes_the_line_mentions_the_introduction_and_signs():
    meeting = call()
    advice = specific_candidates(meeting)[0]
    draft = thank_you_draft(HANNAH, meeting, SETTINGS, NOW, specific=advice,
                            introductions=offered_introductions(meeting, [MARIA]))  # fmt: skip
    assert draft.to == "hannah@fabrikam.example" and draft.subject == "Thank you for your time"
    assert draft.body == (
        "Hi Hannah,\n\n"
        "Thank you for your time yesterday. I especially appreciated your advice: "
        '"Portfolio: 2-3 case studies showing the messy middle".\n\n'
        "Thank you also for offering to introduce me to Maria Chen; I'll write to them this "
        "week.\n\n"
        "I'll let you know how things go, and I hope to stay in touch.\n\n"
        "Best,\nSam Rivera · sam@example.com\n"  # the Signature setting
    )
    assert draft.body.count("let you know") == 1
    assert draft.missing == []


def test_templates_saved_before_the_signature_was_used_sign_with_it_now():
    from infoint_tui.domain.models import DEFAULT_THANK_YOU

    old = DEFAULT_THANK_YOU.replace("{signature}", "{my_name}")
    settings = Settings(my_name="Sam Rivera", signature="Sam · 555 0100", thank_you_template=old)
    assert settings.thank_you_template == DEFAULT_THANK_YOU
    edited = old.replace("Best,", "Cheers,")  # edited by the user: kept as written
    assert Settings(thank_you_template=edited).thank_you_template == edited
    draft = thank_you_draft(HANNAH, call(log=[]), settings, NOW, specific="the messy middle")
    assert draft.body.endswith("Best,\nSam · 555 0100\n")


def test_thank_you_draft_with_a_typed_line_and_no_introduction():
    draft = thank_you_draft(
        HANNAH, call(log=[]), SETTINGS, NOW, specific="- the messy middle matters!"
    )
    assert draft.body == (
        "Hi Hannah,\n\n"
        'Thank you for your time yesterday. I especially appreciated what you said: "the messy middle matters".\n\n'
        "I'll let you know how things go, and I hope to stay in touch.\n\n"
        "Best,\nSam Rivera · sam@example.com\n"
    )


def test_thank_you_draft_says_what_is_missing():
    nobody = Contact(name="Ada")
    draft = thank_you_draft(nobody, None, Settings(), NOW)
    assert draft.missing == [
        "a specific line from your notes",
        "your name (Settings)",
        "Ada's email address",
    ]
    assert draft.body.startswith("Hi Ada,\n\nThank you for your time today.\n\n")
    assert "{" not in draft.body


def test_thank_you_draft_uses_the_users_template():
    settings = Settings(
        my_name="Sam",
        thank_you_template="{first_name} @ {company}: {specific} {custom} -- {signature}",
    )
    draft = thank_you_draft(HANNAH, call(), settings, NOW,
                            specific=Candidate("Trends matter", "insight", Tiara.TRENDS))  # fmt: skip
    assert draft.body == (
        "Hannah @ Fabrikam: I especially appreciated your view of where the field is heading: "
        '"Trends matter". {custom} -- Sam\n'
    )


def test_when_phrase():
    assert when_phrase(NOW - timedelta(hours=2), NOW) == "today"
    assert when_phrase(NOW - timedelta(days=1), NOW) == "yesterday"
    assert when_phrase(NOW - timedelta(days=2), NOW) == "on Monday"
    assert when_phrase(NOW - timedelta(days=9), NOW) == "on 9 November"
    assert when_phrase(None, NOW) == "today"


def test_thank_you_countdown():
    reminder = Reminder(
        kind=ReminderKind.THANK_YOU, due=NOW + timedelta(hours=23, minutes=5), contact_id=HANNAH.id
    )
    assert thank_you_countdown(NOW, reminder).text == "23 h 5 min left"
    assert thank_you_countdown(NOW + timedelta(hours=23), reminder).text == "5 min left"
    late = thank_you_countdown(NOW + timedelta(hours=25, minutes=5), reminder)
    assert late.overdue and late.text == "overdue by 2 h"
    assert (
        thank_you_countdown(NOW + timedelta(days=3, hours=1), reminder).text
        == "overdue by 2 days 1 h"
    )
    # A snooze does not move the promise.
    reminder.snoozed_until = NOW + timedelta(days=2)
    assert thank_you_countdown(NOW, reminder).remaining == timedelta(hours=23, minutes=5)
    # Without a reminder, 24 hours (Settings) after the meeting ended.
    assert thank_you_countdown(NOW, meeting=call()).remaining == timedelta(hours=6)
    assert (
        thank_you_countdown(NOW, meeting=call(), settings=Settings(thank_you_hours=48)).text
        == "1 day 6 h left"
    )
    assert thank_you_countdown(NOW, meeting=Meeting(contact_id="x")) is None


def test_thank_you_reminder_finds_the_open_one_for_the_meeting():
    meeting = call()
    other = Reminder(kind=ReminderKind.THANK_YOU, due=NOW, contact_id=HANNAH.id, meeting_id="older")
    mine = Reminder(
        kind=ReminderKind.THANK_YOU,
        due=NOW + timedelta(hours=1),
        contact_id=HANNAH.id,
        meeting_id=meeting.id,
    )
    done = Reminder(
        kind=ReminderKind.THANK_YOU,
        due=NOW,
        contact_id=HANNAH.id,
        meeting_id=meeting.id,
        done_at=NOW,
    )
    nudge = Reminder(kind=ReminderKind.FOLLOW_UP, due=NOW, contact_id=HANNAH.id)
    assert thank_you_reminder([other, mine, done, nudge], HANNAH.id, meeting.id) is mine
    assert thank_you_reminder([other, mine], HANNAH.id) is other
    assert thank_you_reminder([done, nudge], HANNAH.id) is None


# -- check-ins ----------------------------------------------------------------------------------
RUTH = Contact(name="Ruth Abebe", email="ruth@wingtip.example", stage=Stage.IN_TOUCH)


def test_check_in_candidates_tell_what_came_of_their_help():
    met = Contact(name="Daniel Kim", referred_by=RUTH.id, stage=Stage.THANKED)
    booked = Contact(name="Amara Nwosu", referred_by=RUTH.id, stage=Stage.SCHEDULED)
    written = Contact(name="Wen Li", referred_by=RUTH.id, stage=Stage.REACHED_OUT)
    listed = Contact(name="Grace Okafor", referred_by=RUTH.id)
    gone = Contact(name="Gone", referred_by=RUTH.id, archived=True)
    stranger = Contact(name="Stranger", stage=Stage.THANKED)
    meetings = [
        Meeting(contact_id=met.id, when=NOW - timedelta(days=2), ended_at=NOW - timedelta(days=2)),
        Meeting(contact_id=booked.id, when=NOW + timedelta(days=1, hours=2)),
        Meeting(contact_id=RUTH.id, when=NOW - timedelta(weeks=9), ended_at=NOW - timedelta(weeks=9), log=[
            Capture(at=NOW, kind=CaptureKind.INSIGHT, tiara=Tiara.ADVICE, text="Build one case study."),
            Capture(at=NOW, kind=CaptureKind.INSIGHT, tiara=Tiara.RESOURCES, text="Just Enough Research"),
            Capture(at=NOW, kind=CaptureKind.INSIGHT, tiara=Tiara.TRENDS, text="AI evals"),
        ]),
    ]  # fmt: skip
    found = check_in_candidates(RUTH, [met, booked, written, listed, gone, stranger], meetings, NOW)
    assert [(c.source, c.text) for c in found] == [
        (
            "introduction",
            "I spoke with Daniel Kim on Monday, thanks to your introduction, and it was very helpful.",
        ),
        ("introduction", "Thanks to your introduction, I'm meeting Amara Nwosu tomorrow."),
        ("introduction", "I've written to Wen Li, as you suggested."),
        ("introduction", "I'm about to write to Grace Okafor, as you suggested."),
        ("advice", 'I took your advice to heart: "Build one case study".'),
        ("resource", 'I followed up on what you recommended: "Just Enough Research".'),
    ]
    assert found[0].contact_id == met.id


def test_check_in_draft_shares_the_update_and_the_outcome():
    outcome = Candidate("I've written to Wen Li, as you suggested.", "introduction")
    draft = check_in_draft(
        RUTH, SETTINGS, update="I finished my first UX case study", outcome=outcome
    )
    assert (
        draft.to == "ruth@wingtip.example"
        and draft.subject == "A quick update"
        and draft.missing == []
    )
    assert draft.body == (
        "Hi Ruth,\n\n"
        "A quick update since we spoke: I finished my first UX case study. "
        "I've written to Wen Li, as you suggested.\n\n"
        "Thank you again for your advice. I hope all is well with you.\n\n"
        "Best,\nSam Rivera · sam@example.com\n"
    )


def test_check_in_draft_with_an_outcome_placeholder_and_nothing_typed():
    settings = Settings(
        my_name="Sam", check_in_template="News: {update}\nYour help: {outcome}\n{my_name}"
    )
    draft = check_in_draft(RUTH, settings, update="Started a course!", outcome="Met Daniel.")
    assert draft.body == "News: Started a course!\nYour help: Met Daniel.\nSam\n"
    empty = check_in_draft(RUTH, SETTINGS)
    assert empty.missing == ["your update"]
    assert "since we spoke: [your news: what you have done since we spoke]\n" in empty.body
