"""Follow-through rules: confirm reminders, the 3B7 steps, the step due, goals, notifications."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from infoint_tui.domain.agenda import agenda
from infoint_tui.domain.compose import check_in_candidates
from infoint_tui.domain.confirm import (
    confirm_day,
    confirm_draft,
    confirm_due,
    plan_confirmations,
    time_phrase,
)
from infoint_tui.domain.goals import week_progress
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Medium,
    Meeting,
    Reminder,
    ReminderKind,
    Settings,
    StageChange,
    Tiara,
)
from infoint_tui.domain.nudges import follow_up_draft, same_employer, second_people, where_to_look
from infoint_tui.domain.prep import default_checklist
from infoint_tui.domain.reminding import notification, thank_you_warnings
from infoint_tui.domain.rules import after_follow_up, entering_stage
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.steps import Situation, Step, step_due, why_not
from tests.conftest import NOW, ZONE  # Wednesday 18 November 2026, 09:30 Paris


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def scheduled(name: str = "Dana Wu") -> Contact:
    return Contact(name=name, company="Acme", stage=Stage.SCHEDULED, email="dana@acme.example")


def meeting_for(contact: Contact, when: datetime | None, **fields) -> Meeting:
    return Meeting(
        contact_id=contact.id, when=when, checklist=default_checklist(), created_at=at(10, 9),
        **fields,
    )  # fmt: skip


# -- confirm --------------------------------------------------------------------------------
def test_confirm_is_due_the_business_day_before_at_nine():
    assert confirm_day(at(23, 10), ZONE) == at(20, 0).date()  # Monday's meeting: Friday
    assert confirm_day(at(19, 10), ZONE) == at(18, 0).date()
    assert confirm_due(at(20, 10), NOW) == at(19, 9)
    assert confirm_due(at(19, 10), NOW) == at(18, 9)  # today: still 09:00, not "now"
    assert confirm_due(at(19, 10), at(18, 20)) == at(18, 9)


def test_a_meeting_gets_one_confirm_reminder_and_a_move_replaces_it():
    dana = scheduled()
    meeting = meeting_for(dana, at(20, 10, 30))
    plan = plan_confirmations([meeting], {dana.id: dana}, [], NOW)
    (reminder,) = plan.create
    assert reminder.kind is ReminderKind.CONFIRM and reminder.due == at(19, 9)
    assert reminder.meeting_when == meeting.when and reminder.meeting_id == meeting.id
    assert plan_confirmations([meeting], {dana.id: dana}, [reminder], NOW).empty
    meeting.when = at(23, 14)
    moved = plan_confirmations([meeting], {dana.id: dana}, [reminder], NOW)
    assert moved.close == [(reminder, "meeting moved")]
    assert [r.due for r in moved.create] == [at(20, 9)]


def test_held_cancelled_deleted_and_past_meetings_close_the_reminder():
    dana = scheduled()
    meeting = meeting_for(dana, at(20, 10))
    (reminder,) = plan_confirmations([meeting], {dana.id: dana}, [], NOW).create
    contacts = {dana.id: dana}
    meeting.ended_at = at(20, 10, 30)
    assert plan_confirmations([meeting], contacts, [reminder], NOW).close == [
        (reminder, "meeting held")
    ]
    meeting.ended_at, meeting.when = None, None
    assert plan_confirmations([meeting], contacts, [reminder], NOW).close == [
        (reminder, "meeting cancelled")
    ]
    assert plan_confirmations([], contacts, [reminder], NOW).close == [
        (reminder, "meeting cancelled")
    ]
    meeting.when = at(20, 10)
    later = at(20, 11)
    assert plan_confirmations([meeting], contacts, [reminder], later).close == [
        (reminder, "meeting time passed")
    ]


def test_the_checklist_item_and_the_reminder_are_one_fact():
    dana = scheduled()
    meeting = meeting_for(dana, at(20, 10))
    (reminder,) = plan_confirmations([meeting], {dana.id: dana}, [], NOW).create
    item = next(i for i in meeting.checklist if i.key == "confirm")
    item.done = True  # ticked in prep
    assert plan_confirmations([meeting], {dana.id: dana}, [reminder], NOW).done == [reminder]
    reminder.done_at = NOW
    item.done = False  # unticked
    assert plan_confirmations([meeting], {dana.id: dana}, [reminder], NOW).reopen == [reminder]
    item.done = True
    meeting.when = at(24, 10)  # moved after confirming: confirm the new time
    plan = plan_confirmations([meeting], {dana.id: dana}, [reminder], NOW)
    assert plan.tick == [(meeting, False)] and len(plan.create) == 1


def test_moving_the_card_past_scheduled_closes_it_but_back_to_reached_out_keeps_it():
    dana = scheduled()
    reminder = Reminder(kind=ReminderKind.CONFIRM, due=at(19, 9), contact_id=dana.id)
    effects = entering_stage(dana, Stage.INTERVIEWED, Stage.SCHEDULED, NOW, Settings(), [reminder])
    assert effects.close == [(reminder, "moved to Interviewed")]
    back = entering_stage(dana, Stage.REACHED_OUT, Stage.SCHEDULED, NOW, Settings(), [reminder])
    assert back.close == []


def test_the_confirmation_names_the_time_in_their_zone_and_the_place():
    dana = scheduled()
    new_york = ZoneInfo("America/New_York")
    meeting = meeting_for(
        dana, datetime(2026, 11, 19, 10, 30, tzinfo=new_york), medium=Medium.VIDEO,
        place="https://meet.example/abc", duration_min=20,
    )  # fmt: skip
    draft = confirm_draft(dana, meeting, Settings(my_name="Sam Rivera"), NOW)
    assert "our 20-minute video call tomorrow, Thursday 19 November at 10:30 EST." in draft.body
    assert "https://meet.example/abc" in draft.body and draft.body.endswith("Sam Rivera\n")
    assert draft.missing == []
    same_zone = time_phrase(at(23, 14), NOW)
    assert same_zone == "on Monday 23 November at 14:00"  # my zone: not named
    coffee = meeting_for(dana, at(20, 10), medium=Medium.COFFEE)
    assert "the place or link" in confirm_draft(dana, coffee, Settings(), NOW).missing


# -- 3B7 ------------------------------------------------------------------------------------
def test_second_people_at_the_same_employer_not_contacted_and_connected_first():
    ada = Contact(name="Ada Lovelace", company="Acme Inc.", stage=Stage.REACHED_OUT)
    cold = Contact(name="Cole Dee", company="ACME", source="cold")
    linked = Contact(name="Lin Ked", company="acme", source="linkedin", connected_on=NOW.date())
    asked = Contact(name="Ann Asked", company="Acme", stage=Stage.REACHED_OUT)
    gone = Contact(name="Gone", company="Acme", archived=True)
    other = Contact(name="Oz", company="Zenith")
    people = second_people(ada, [ada, cold, linked, asked, gone, other])
    assert [p.contact.name for p in people] == ["Lin Ked", "Cole Dee", "Ann Asked"]
    assert people[0].can_ask and not people[2].can_ask
    assert "LinkedIn connection since" in people[0].why
    assert same_employer("Acme, Ltd", "ACME") and not same_employer("", "")


def test_where_to_look_names_the_about_page_linkedin_search_and_alumni():
    places = where_to_look("Acme & Co", Settings(school="Lakeside University"))
    assert "About page" in places[0]
    assert "keywords=Acme+%26+Co" in places[1]
    assert "Alumni of Lakeside University at Acme & Co" in places[2]


def test_the_follow_up_refers_to_the_request_and_does_not_repeat_it():
    ada = Contact(name="Ada Lovelace", industry="fintech", email="ada@example.com")
    ruth = Contact(name="Ruth Abebe")
    draft = follow_up_draft(
        ada, Settings(my_name="Sam"), NOW, sent_at=at(9, 10), referrer=ruth
    ).body
    assert "follow up once on the note I sent on Monday 9 November, on Ruth's suggestion" in draft
    assert "work in fintech" in draft and "completely understand" in draft


def test_after_the_follow_up_no_answer_is_suggested_seven_business_days_on():
    ada = Contact(name="Ada Lovelace", stage=Stage.REACHED_OUT)
    effects = after_follow_up(ada, NOW, [])
    (suggestion,) = effects.create
    assert suggestion.kind is ReminderKind.NO_ANSWER and suggestion.due == at(27, 9, 30)
    assert after_follow_up(ada, NOW, [suggestion]).create == []  # once


def situation(contact: Contact, *, reminders=(), meetings=(), contacts=(), now=NOW) -> Situation:
    return Situation(
        contact=contact, settings=Settings(), now=now, reminders=list(reminders),
        meetings=list(meetings), contacts=[contact, *contacts],
    )  # fmt: skip


def test_the_step_due_follows_the_3b7_clock():
    ada = Contact(name="Ada Lovelace", company="Acme", stage=Stage.REACHED_OUT)
    ada.history = [StageChange(stage=Stage.REACHED_OUT, at=at(9, 10))]
    effects = entering_stage(ada, Stage.REACHED_OUT, Stage.PROSPECTS, at(9, 10), Settings(), [])
    second, follow = effects.create
    assert step_due(situation(ada, reminders=effects.create, now=at(10, 9))) is Step.REQUEST
    assert step_due(situation(ada, reminders=effects.create, now=at(12, 12))) is (
        Step.SECOND_PERSON
    )
    assert step_due(situation(ada, reminders=effects.create, now=at(18, 12))) is Step.FOLLOW_UP
    no_answer = after_follow_up(ada, at(18, 12), []).create
    assert step_due(situation(ada, reminders=no_answer, now=at(27, 13))) is Step.NO_ANSWER


def test_steps_that_make_no_sense_say_why():
    prospect = Contact(name="Pat Prospect", company="Acme")
    assert "a thank-you comes after" in why_not(Step.THANK_YOU, situation(prospect))
    assert "send the request first" in why_not(Step.FOLLOW_UP, situation(prospect))
    assert "nothing to confirm" in why_not(Step.CONFIRM, situation(prospect))
    assert "no one else at Acme" in why_not(Step.SECOND_PERSON, situation(prospect))
    assert why_not(Step.REQUEST, situation(prospect)) is None
    booked = scheduled()
    assert step_due(situation(booked)) is None  # booked, no time: nothing to write
    meeting = meeting_for(booked, at(20, 10))
    assert step_due(situation(booked, meetings=[meeting])) is Step.CONFIRM


# -- advice tried ---------------------------------------------------------------------------
def test_the_check_in_tells_them_what_came_of_their_advice_first():
    hannah = Contact(name="Hannah Schmidt", stage=Stage.THANKED)
    meeting = Meeting(contact_id=hannah.id, ended_at=at(10, 10))
    meeting.log = [
        Capture(at=at(10, 9), kind=CaptureKind.INSIGHT, tiara=Tiara.ADVICE, text="Go to meetups"),
        Capture(
            at=at(10, 9, 5),
            kind=CaptureKind.INSIGHT,
            tiara=Tiara.ADVICE,
            text="Build a portfolio with 2-3 case studies.",
            tried_at=at(16, 9),
            outcome="I finished the first one, on the school timetable",
        ),  # fmt: skip
    ]
    found = check_in_candidates(hannah, [hannah], [meeting], NOW)
    assert found[0].text == (
        'I tried your advice ("Build a portfolio with 2-3 case studies"): '
        "I finished the first one, on the school timetable."
    )
    assert found[1].text == 'I took your advice to heart: "Go to meetups".'


# -- goals, notifications -------------------------------------------------------------------
def test_the_week_counts_requests_and_conversations_from_monday():
    ada = Contact(name="Ada", history=[StageChange(stage=Stage.REACHED_OUT, at=at(16, 9))])
    old = Contact(name="Old", history=[StageChange(stage=Stage.REACHED_OUT, at=at(13, 9))])
    leo = Contact(name="Leo", history=[StageChange(stage=Stage.INTERVIEWED, at=at(17, 9))])
    held = Meeting(contact_id=ada.id, ended_at=at(17, 11))
    progress = week_progress(
        [ada, old, leo], [held], Settings(weekly_requests=3, weekly_conversations=2), NOW
    )
    assert (progress.requests, progress.conversations) == (1, 2)
    assert progress.text == "This week: 1/3 requests · 2/2 conversations"
    assert not week_progress([], [], Settings(), NOW).has_goals


def test_the_notification_lists_what_is_due_and_the_warning_comes_hours_before():
    leo = Contact(name="Leo Martins")
    thanks = Reminder(
        kind=ReminderKind.THANK_YOU, due=at(18, 11), contact_id=leo.id, title="Send Leo a thank-you"
    )
    title, body = notification(agenda(NOW, [leo], [], [thanks]))
    assert title == "infoint: 1 due today" and body == "Leo Martins: Send Leo a thank-you"
    assert notification(agenda(NOW, [], [], [])) is None
    assert thank_you_warnings([thanks], NOW) == [thanks]
    assert thank_you_warnings([thanks], NOW - timedelta(hours=2)) == []
    assert thank_you_warnings([thanks], at(18, 11)) == []
