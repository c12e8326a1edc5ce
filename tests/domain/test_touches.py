"""Logging a touch by hand: times typed in words read backwards, and what a touch will close."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.domain.dates import DateParseError
from infoint_tui.domain.models import Reminder, ReminderKind, TouchKind
from infoint_tui.domain.touches import CHOICE_OF, TOUCH_CHOICES, closed_by, touch_time
from tests.conftest import NOW, ZONE  # Wednesday 18 November 2026, 09:30


def at(day: int, hour: int = 9, minute: int = 30) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


@pytest.mark.parametrize(
    "text, moment",
    [
        ("", NOW),
        ("now", NOW),
        ("  Now ", NOW),
        ("2 hours ago", NOW - timedelta(hours=2)),
        ("45 min ago", NOW - timedelta(minutes=45)),
        ("3 days ago", NOW - timedelta(days=3)),
        ("1 week ago", NOW - timedelta(weeks=1)),
        ("yesterday", at(17)),  # the time of day is kept
        ("yesterday 3pm", at(17, 15, 0)),
        ("mon", at(16)),  # the last Monday, not the next
        ("monday 10am", at(16, 10, 0)),
        ("fri 3pm", at(13, 15, 0)),
        ("wed 8:00", at(18, 8, 0)),  # today, a Wednesday, earlier this morning
        ("wed 10:00", at(11, 10, 0)),  # later than now today: last week's
        ("wednesday", at(11)),
        ("last wed", at(11)),
        ("Nov 12 14:00", at(12, 14, 0)),
        ("2026-11-17 10:00", at(17, 10, 0)),
    ],
)
def test_touch_times_read_backwards(text, moment):
    assert touch_time(text, NOW) == moment


@pytest.mark.parametrize("text", ["tomorrow", "in 2 days", "Dec 3", "today 11:00"])
def test_a_touch_in_the_future_is_refused(text):
    with pytest.raises(DateParseError, match="in the future"):
        touch_time(text, NOW)


@pytest.mark.parametrize("text", ["someday", "fri at lunch"])
def test_unreadable_times_say_what_to_try(text):
    with pytest.raises(DateParseError, match="2 hours ago"):
        touch_time(text, NOW)


def test_a_minute_ahead_is_a_slow_typist_not_the_future():
    assert touch_time("today 9:31", NOW) == at(18, 9, 31)


def test_every_touch_kind_is_offered_once_reply_first():
    assert [c.kind for c in TOUCH_CHOICES][0] is TouchKind.REPLY
    assert set(CHOICE_OF) == set(TouchKind) and len(TOUCH_CHOICES) == len(TouchKind)


def test_what_a_touch_closes():
    def remind(kind: ReminderKind) -> Reminder:
        return Reminder(kind=kind, due=NOW, contact_id="c")

    nudge, follow = remind(ReminderKind.SECOND_PERSON), remind(ReminderKind.FOLLOW_UP)
    thanks, check = remind(ReminderKind.THANK_YOU), remind(ReminderKind.CHECK_IN)
    open_ = [nudge, follow, thanks, check]
    assert closed_by(TouchKind.REPLY, open_) == [nudge, follow]
    assert closed_by(TouchKind.CALL, open_) == [nudge, follow]
    assert closed_by(TouchKind.THANK_YOU, open_) == [thanks]
    assert closed_by(TouchKind.MESSAGE_SENT, open_) == []
    assert closed_by(TouchKind.NOTE, open_) == []
