"""The campaign changes live notes make, without the screen: edge cases of ending an interview."""

from __future__ import annotations

from datetime import timedelta

from infoint_tui.domain.models import CaptureKind, Contact, ReminderKind, TouchKind
from infoint_tui.domain.stages import Stage


def test_ending_a_second_meeting_with_a_contact_in_touch(repo, clock):
    ada = repo.add_contact(Contact(name="Ada Lovelace"))
    for stage in (Stage.REACHED_OUT, Stage.SCHEDULED, Stage.INTERVIEWED, Stage.IN_TOUCH):
        repo.move_contact(ada.id, stage)
    assert [r.kind for r in repo.reminders(contact_id=ada.id)] == [ReminderKind.CHECK_IN]
    meeting = repo.ensure_next_meeting(ada.id)
    opened = clock.now()
    clock.advance(minutes=25)
    thank_you = repo.end_interview(meeting, clock.now(), opened)
    assert repo.contact(ada.id).stage is Stage.INTERVIEWED
    assert thank_you is not None and thank_you.due == clock.now() + timedelta(hours=24)
    assert [r.kind for r in repo.reminders(contact_id=ada.id)] == [ReminderKind.THANK_YOU]
    assert (meeting.started_at, meeting.ended_at) == (opened, clock.now())


def test_ending_when_already_interviewed_does_not_move_again(repo, clock):
    ada = repo.add_contact(Contact(name="Ada Lovelace", stage=Stage.INTERVIEWED))
    history = list(repo.contact(ada.id).history)
    meeting = repo.ensure_next_meeting(ada.id)
    meeting.started_at = clock.now() - timedelta(minutes=10)
    repo.end_interview(meeting, clock.now(), clock.now())
    assert repo.contact(ada.id).history == history
    assert meeting.started_at == clock.now() - timedelta(minutes=10)  # kept, not the fallback
    assert [t.kind for t in repo.touches(ada.id)] == [TouchKind.MEETING]


def test_captures_and_referrals_are_one_write_each(repo, clock, db_path):
    ada = repo.add_contact(Contact(name="Ada Lovelace"))
    meeting = repo.ensure_next_meeting(ada.id)
    capture, reminder = repo.record_capture(
        meeting, CaptureKind.ACTION_MINE, "send deck", None, clock.now()
    )
    assert reminder is not None and capture.reminder_id == reminder.id
    assert repo.reminder(reminder.id).kind is ReminderKind.ACTION
    prospect, capture = repo.add_referral(meeting, "Grace Hopper", "", clock.now())
    assert capture.text == "Grace Hopper" and capture.contact_id == prospect.id
    assert repo.contact(prospect.id).referred_by == ada.id
    assert repo.referrals_of(ada.id) == [prospect]
