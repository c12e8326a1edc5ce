"""The reminder rules, as pure functions on a fixed clock, and as the store applies them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.domain import rules
from infoint_tui.domain.models import (
    Contact,
    Meeting,
    Reminder,
    ReminderKind,
    Settings,
    StageChange,
    Touch,
    TouchKind,
)
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW, ZONE
from tests.disk import saved


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZONE)


def created(effects: rules.Effects) -> dict[ReminderKind, Reminder]:
    return {r.kind: r for r in effects.create}


def reach_out(moment: datetime, company: str = "Analytical") -> dict[ReminderKind, Reminder]:
    ada = Contact(name="Ada Lovelace", company=company)
    return created(
        rules.entering_stage(ada, Stage.REACHED_OUT, Stage.PROSPECTS, moment, Settings(), [])
    )


# -- 3B7 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "start, second_person, follow_up",
    [
        # Wednesday: 3 business days is Monday, 7 is the Friday after.
        (at(2026, 11, 18, 9, 30), at(2026, 11, 23, 9, 30), at(2026, 11, 27, 9, 30)),
        # Friday afternoon, across the month end.
        (at(2026, 11, 27, 16, 0), at(2026, 12, 2, 16, 0), at(2026, 12, 8, 16, 0)),
        # Saturday: the weekend does not count, and October turns into November.
        (at(2026, 10, 31, 11, 0), at(2026, 11, 4, 11, 0), at(2026, 11, 10, 11, 0)),
        # New Year's Eve (a Thursday): into the next year.
        (at(2026, 12, 31, 18, 0), at(2027, 1, 5, 18, 0), at(2027, 1, 11, 18, 0)),
        # Sunday evening counts from Monday.
        (at(2026, 11, 22, 21, 0), at(2026, 11, 25, 21, 0), at(2026, 12, 1, 21, 0)),
    ],
)
def test_3b7_counts_business_days(start, second_person, follow_up):
    made = reach_out(start)
    assert made[ReminderKind.SECOND_PERSON].due == second_person
    assert made[ReminderKind.FOLLOW_UP].due == follow_up
    for reminder in made.values():
        assert reminder.due.weekday() < 5


def test_3b7_titles_name_the_company_when_known():
    assert reach_out(NOW)[ReminderKind.SECOND_PERSON].title == (
        "No reply from Ada yet: reach a second person at Analytical"
    )
    assert reach_out(NOW, company="")[ReminderKind.SECOND_PERSON].title == (
        "No reply from Ada yet: reach a second person"
    )
    assert reach_out(NOW)[ReminderKind.FOLLOW_UP].title == "Follow up once with Ada"


def test_a_reply_a_call_or_a_meeting_answers_the_nudges_but_my_own_message_does_not():
    ada = Contact(name="Ada", stage=Stage.REACHED_OUT)
    nudges = list(reach_out(NOW).values())
    for reminder in nudges:
        reminder.contact_id = ada.id
    sent = Touch(contact_id=ada.id, kind=TouchKind.MESSAGE_SENT, at=NOW + timedelta(days=1))
    assert rules.after_touch(ada, sent, Settings(), nudges).close == []
    for kind in (TouchKind.REPLY, TouchKind.CALL, TouchKind.MEETING):
        touch = Touch(contact_id=ada.id, kind=kind, at=NOW + timedelta(days=2))
        closed = rules.after_touch(ada, touch, Settings(), nudges).close
        assert [(r.kind, why) for r, why in closed] == [
            (ReminderKind.SECOND_PERSON, f"answered: {kind.value}"),
            (ReminderKind.FOLLOW_UP, f"answered: {kind.value}"),
        ]


# -- the thank-you -------------------------------------------------------------------------
def _interviewed(contact: Contact, moment: datetime, meeting: Meeting | None, settings=None):
    contact.history.append(
        StageChange(stage=Stage.INTERVIEWED, at=moment, from_stage=Stage.SCHEDULED)
    )
    effects = rules.entering_stage(
        contact, Stage.INTERVIEWED, Stage.SCHEDULED, moment, settings or Settings(), [], meeting
    )
    return created(effects)[ReminderKind.THANK_YOU]


def test_thank_you_is_due_24_hours_after_the_meeting_ends():
    ada = Contact(
        name="Ada", history=[StageChange(stage=Stage.SCHEDULED, at=NOW - timedelta(days=5))]
    )
    call = Meeting(
        contact_id=ada.id, when=NOW - timedelta(hours=3), ended_at=NOW - timedelta(hours=2)
    )
    thanks = _interviewed(ada, NOW, call)
    assert thanks.due == NOW - timedelta(hours=2) + timedelta(hours=24)
    assert thanks.meeting_id == call.id and thanks.title == "Send Ada a thank-you"


def test_thank_you_without_a_meeting_is_due_24_hours_after_the_move():
    ada = Contact(
        name="Ada", history=[StageChange(stage=Stage.SCHEDULED, at=NOW - timedelta(days=5))]
    )
    assert _interviewed(ada, NOW, None).due == NOW + timedelta(hours=24)


def test_a_meeting_from_an_earlier_round_does_not_make_the_thank_you_overdue():
    old_call = Meeting(contact_id="x", when=at(2026, 3, 1, 10), ended_at=at(2026, 3, 1, 10, 30))
    ada = Contact(
        name="Ada", history=[StageChange(stage=Stage.SCHEDULED, at=NOW - timedelta(days=2))]
    )
    assert _interviewed(ada, NOW, old_call).due == NOW + timedelta(hours=24)


def test_thank_you_hours_come_from_settings():
    ada = Contact(name="Ada")
    assert _interviewed(ada, NOW, None, Settings(thank_you_hours=48)).due == NOW + timedelta(
        hours=48
    )


# -- the keep-in-touch cadence ---------------------------------------------------------------
def _enter_in_touch(contact: Contact, moment: datetime, touches=(), settings=None) -> Reminder:
    effects = rules.entering_stage(
        contact, Stage.IN_TOUCH, Stage.THANKED, moment, settings or Settings(), [], None, touches
    )
    return created(effects)[ReminderKind.CHECK_IN]


def test_check_in_cadence_defaults_to_8_weeks_with_a_latest_date_2_weeks_later():
    check = _enter_in_touch(Contact(name="Ruth"), NOW)
    assert check.due == NOW + timedelta(weeks=8)
    assert check.latest == NOW + timedelta(weeks=10)
    assert check.title == "Check in with Ruth"


def test_check_in_cadence_per_contact_and_from_settings():
    assert _enter_in_touch(Contact(name="Ruth", cadence_weeks=4), NOW).due == NOW + timedelta(
        weeks=4
    )
    assert _enter_in_touch(Contact(name="Ruth", cadence_weeks=4), NOW).latest == NOW + timedelta(
        weeks=5
    )
    settings = Settings(default_cadence_weeks=12)
    check = _enter_in_touch(Contact(name="Ruth"), NOW, settings=settings)
    assert check.due == NOW + timedelta(weeks=12) and check.latest == NOW + timedelta(weeks=15)


def test_check_in_counts_from_the_last_contact():
    ruth = Contact(name="Ruth", last_contact=NOW - timedelta(weeks=3))
    assert _enter_in_touch(ruth, NOW).due == NOW + timedelta(weeks=5)


def test_any_touch_restarts_the_clock_and_closes_the_old_check_in():
    ruth = Contact(name="Ruth", stage=Stage.IN_TOUCH)
    old = _enter_in_touch(ruth, NOW)
    old.contact_id = ruth.id
    later = NOW + timedelta(weeks=6)
    for kind in (TouchKind.REPLY, TouchKind.CALL, TouchKind.MESSAGE_SENT, TouchKind.CHECK_IN):
        effects = rules.after_touch(
            ruth, Touch(contact_id=ruth.id, kind=kind, at=later), Settings(), [old]
        )
        assert effects.close == [(old, "clock restarted by a touch")]
        (new,) = effects.create
        assert new.kind is ReminderKind.CHECK_IN and new.due == later + timedelta(weeks=8)


def test_a_private_note_is_not_a_touch():
    ruth = Contact(name="Ruth", stage=Stage.IN_TOUCH)
    note = Touch(contact_id=ruth.id, kind=TouchKind.NOTE, at=NOW)
    assert rules.after_touch(ruth, note, Settings(), []) == rules.Effects()


def test_a_touch_logged_after_the_fact_does_not_pull_the_clock_back():
    ruth = Contact(name="Ruth", stage=Stage.THANKED, last_contact=NOW)
    old_call = Touch(contact_id=ruth.id, kind=TouchKind.CALL, at=NOW - timedelta(weeks=4))
    (new,) = rules.after_touch(ruth, old_call, Settings(), []).create
    assert new.due == NOW + timedelta(weeks=8)


def test_no_more_than_three_check_ins_a_year():
    ruth = Contact(name="Ruth", stage=Stage.IN_TOUCH)
    dates = [NOW - timedelta(weeks=w) for w in (30, 20, 10)]
    mine = [Touch(contact_id=ruth.id, kind=TouchKind.CHECK_IN, at=d) for d in dates]
    theirs = [Touch(contact_id=ruth.id, kind=TouchKind.REPLY, at=d) for d in dates]
    # Three check-ins in the past 30 weeks: the next waits until the oldest is a year old.
    paced = _enter_in_touch(ruth, NOW, mine)
    assert paced.due == dates[0] + timedelta(days=365)
    assert paced.latest == paced.due + timedelta(weeks=2)
    assert "paced" in paced.title
    # Their replies are not my check-ins; other contacts' check-ins do not count either.
    assert _enter_in_touch(ruth, NOW, theirs).due == NOW + timedelta(weeks=8)
    others = [Touch(contact_id="someone-else", kind=TouchKind.CHECK_IN, at=d) for d in dates]
    assert _enter_in_touch(ruth, NOW, others).due == NOW + timedelta(weeks=8)
    # Two check-ins leave room for a third at the usual cadence.
    assert _enter_in_touch(ruth, NOW, mine[1:]).due == NOW + timedelta(weeks=8)
    # The cap comes from settings.
    assert _enter_in_touch(
        ruth, NOW, mine, Settings(max_check_ins_per_year=4)
    ).due == NOW + timedelta(weeks=8)
    assert _enter_in_touch(
        ruth, NOW, mine, Settings(max_check_ins_per_year=0)
    ).due == NOW + timedelta(weeks=8)


def test_the_check_in_touch_itself_counts_towards_the_cap():
    ruth = Contact(name="Ruth", stage=Stage.IN_TOUCH)
    earlier = [
        Touch(contact_id=ruth.id, kind=TouchKind.CHECK_IN, at=NOW - timedelta(weeks=w))
        for w in (20, 10)
    ]
    now_touch = Touch(contact_id=ruth.id, kind=TouchKind.CHECK_IN, at=NOW)
    (new,) = rules.after_touch(ruth, now_touch, Settings(), [], earlier).create
    assert new.due == NOW - timedelta(weeks=20) + timedelta(days=365)


# -- moving and archiving --------------------------------------------------------------------
def _open(contact: Contact, *kinds: ReminderKind) -> list[Reminder]:
    return [Reminder(kind=k, due=NOW, contact_id=contact.id) for k in kinds]


def test_moving_back_closes_stage_reminders_and_keeps_my_own():
    ada = Contact(name="Ada", stage=Stage.PROSPECTS)
    reminders = _open(
        ada,
        ReminderKind.SECOND_PERSON,
        ReminderKind.FOLLOW_UP,
        ReminderKind.ACTION,
        ReminderKind.CUSTOM,
    )
    effects = rules.entering_stage(
        ada, Stage.PROSPECTS, Stage.REACHED_OUT, NOW, Settings(), reminders
    )
    assert [(r.kind, why) for r, why in effects.close] == [
        (ReminderKind.SECOND_PERSON, "moved back"), (ReminderKind.FOLLOW_UP, "moved back"),
    ]  # fmt: skip
    assert effects.create == []


def test_moving_back_from_in_touch_to_thanked_keeps_the_check_in_as_it_was():
    """] then [ by mistake: an overdue check-in stays overdue, not pushed into the future."""
    ruth = Contact(name="Ruth", stage=Stage.THANKED)
    (old,) = _open(ruth, ReminderKind.CHECK_IN)
    effects = rules.entering_stage(ruth, Stage.THANKED, Stage.IN_TOUCH, NOW, Settings(), [old])
    assert effects.close == [] and effects.create == []


def test_moving_back_from_thanked_to_interviewed_ends_the_check_in_and_owes_a_thank_you():
    ruth = Contact(name="Ruth", stage=Stage.INTERVIEWED)
    (old,) = _open(ruth, ReminderKind.CHECK_IN)
    effects = rules.entering_stage(ruth, Stage.INTERVIEWED, Stage.THANKED, NOW, Settings(), [old])
    assert effects.close == [(old, "moved back")]
    assert [r.kind for r in effects.create] == [ReminderKind.THANK_YOU]


def test_moving_forward_closes_what_the_stage_left_behind():
    ada = Contact(name="Ada", stage=Stage.SCHEDULED)
    reminders = _open(ada, ReminderKind.SECOND_PERSON, ReminderKind.FOLLOW_UP, ReminderKind.ACTION)
    effects = rules.entering_stage(
        ada, Stage.SCHEDULED, Stage.REACHED_OUT, NOW, Settings(), reminders
    )
    assert [why for _, why in effects.close] == ["moved to Scheduled", "moved to Scheduled"]
    # Thanked to In touch keeps the open check-in rather than making a second one.
    ruth = Contact(name="Ruth", stage=Stage.IN_TOUCH)
    check = _open(ruth, ReminderKind.CHECK_IN)
    assert (
        rules.entering_stage(ruth, Stage.IN_TOUCH, Stage.THANKED, NOW, Settings(), check)
        == rules.Effects()
    )


def test_archiving_closes_everything():
    ada = Contact(name="Ada")
    reminders = _open(ada, ReminderKind.SECOND_PERSON, ReminderKind.ACTION, ReminderKind.CUSTOM)
    assert [why for _, why in rules.on_archive(ada, reminders).close] == ["archived"] * 3


def test_what_marking_done_means():
    def done(kind):
        return rules.after_done(Reminder(kind=kind, due=NOW))

    assert done(ReminderKind.THANK_YOU) is TouchKind.THANK_YOU
    assert done(ReminderKind.CHECK_IN) is TouchKind.CHECK_IN
    assert done(ReminderKind.FOLLOW_UP) is TouchKind.MESSAGE_SENT
    assert done(ReminderKind.SECOND_PERSON) is None
    assert done(ReminderKind.ACTION) is None


def test_a_thank_you_touch_moves_interviewed_to_thanked_only():
    assert rules.stage_after_touch(TouchKind.THANK_YOU, Stage.INTERVIEWED) is Stage.THANKED
    assert rules.stage_after_touch(TouchKind.THANK_YOU, Stage.THANKED) is None
    assert rules.stage_after_touch(TouchKind.THANK_YOU, Stage.IN_TOUCH) is None
    assert rules.stage_after_touch(TouchKind.REPLY, Stage.INTERVIEWED) is None


# -- through the store: what lands in the file -------------------------------------------------
def _saved_reminders(db_path):

    return list(saved(db_path)["reminders"].values())


def test_reply_through_the_store_closes_nudges_in_the_file(repo, db_path, clock):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    clock.advance(days=2)
    repo.log_touch(ada.id, TouchKind.REPLY)
    docs = _saved_reminders(db_path)
    assert {(d["kind"], d["closed_reason"], d["closed_at"]) for d in docs} == {
        ("second-person", "answered: reply", clock.now().isoformat()),
        ("follow-up", "answered: reply", clock.now().isoformat()),
    }


def test_in_touch_cadence_through_the_store(repo, db_path, clock):
    ruth = repo.add_contact(Contact(name="Ruth", cadence_weeks=6))
    repo.move_contact(ruth.id, Stage.IN_TOUCH)
    (check,) = repo.reminders(contact_id=ruth.id)
    assert check.due == clock.now() + timedelta(weeks=6)
    assert check.latest == check.due + timedelta(days=10)  # a quarter of the cadence
    clock.advance(weeks=3)
    repo.log_touch(ruth.id, TouchKind.REPLY, note="Congratulated me on the course")
    (check,) = repo.reminders(contact_id=ruth.id)
    assert check.due == clock.now() + timedelta(weeks=6)
    doc = next(d for d in _saved_reminders(db_path) if d["closed_at"] is None)
    assert doc["due"] == check.due.isoformat() and doc["latest"] == check.latest.isoformat()
    # A private note does not count as a contact.
    clock.advance(days=1)
    repo.log_touch(ruth.id, TouchKind.NOTE, note="She likes Earl Grey")
    assert repo.reminders(contact_id=ruth.id) == [check]
    assert repo.contact(ruth.id).last_contact == clock.now() - timedelta(days=1)


def test_check_in_done_schedules_the_next_one(repo, clock):
    ruth = repo.add_contact(Contact(name="Ruth"))
    repo.move_contact(ruth.id, Stage.IN_TOUCH)
    (check,) = repo.reminders(contact_id=ruth.id)
    clock.advance(weeks=8, days=2)
    repo.complete_reminder(check.id)
    assert repo.reminder(check.id).done_at == clock.now()
    (touch,) = repo.touches(ruth.id)
    assert touch.kind is TouchKind.CHECK_IN and touch.at == clock.now()
    (following,) = repo.reminders(contact_id=ruth.id)
    assert following.kind is ReminderKind.CHECK_IN and following.due == clock.now() + timedelta(
        weeks=8
    )


def test_the_fourth_check_in_in_a_year_is_pushed_out(repo, clock):
    ruth = repo.add_contact(Contact(name="Ruth"))
    repo.move_contact(ruth.id, Stage.IN_TOUCH)
    first = clock.now()
    for _ in range(3):
        (check,) = repo.reminders(contact_id=ruth.id)
        clock.at = check.due
        repo.complete_reminder(check.id)
    (check,) = repo.reminders(contact_id=ruth.id)
    assert [t.at for t in repo.touches(ruth.id)] == [
        first + timedelta(weeks=8 * n) for n in (1, 2, 3)
    ]
    assert check.due == first + timedelta(weeks=8) + timedelta(days=365)


def test_thank_you_done_moves_to_thanked_and_starts_the_cadence(repo, clock):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.INTERVIEWED)
    (thanks,) = repo.reminders(contact_id=ada.id)
    clock.advance(hours=5)
    repo.complete_reminder(thanks.id)
    assert repo.contact(ada.id).stage is Stage.THANKED
    assert [t.kind for t in repo.touches(ada.id)] == [TouchKind.THANK_YOU]
    (check,) = repo.reminders(contact_id=ada.id)
    assert check.kind is ReminderKind.CHECK_IN and check.due == clock.now() + timedelta(weeks=8)
    # Done twice is done once.
    repo.complete_reminder(thanks.id)
    assert len(repo.touches(ada.id)) == 1


def test_restoring_an_archived_contact_restarts_its_clock(repo, clock):
    ada = repo.add_contact(Contact(name="Ada"))
    repo.move_contact(ada.id, Stage.REACHED_OUT)
    repo.archive_contact(ada.id, "no answer")
    assert repo.reminders(contact_id=ada.id) == []
    clock.advance(days=30)
    repo.restore_contact(ada.id)
    kinds = {r.kind: r for r in repo.reminders(contact_id=ada.id)}
    assert set(kinds) == {ReminderKind.SECOND_PERSON, ReminderKind.FOLLOW_UP}
    assert kinds[ReminderKind.SECOND_PERSON].due > clock.now()
