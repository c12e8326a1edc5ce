"""The pure part of live notes: reading a typed line, action due dates, the call clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoint_tui.domain.live_notes import (
    ClockPhase,
    action_due,
    action_reminder,
    capture_text,
    format_minutes,
    is_repeat,
    next_tiara,
    read_clock,
    split_referral,
    split_tiara,
)
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    ReminderKind,
    Tiara,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe @ Acme", ("Jane Doe", "Acme")),
        ("Jane Doe@Acme", ("Jane Doe", "Acme")),
        ("- talk to Jane Doe at Acme Corp.", ("Jane Doe", "Acme Corp")),
        ("You should speak with Jane Doe from Acme", ("Jane Doe", "Acme")),
        ("Jane Doe (Acme, Paris office)", ("Jane Doe", "Acme, Paris office")),
        ("Jane Doe, Acme", ("Jane Doe", "Acme")),
        ("Jane Doe - Acme", ("Jane Doe", "Acme")),
        ("  Jane   Doe  ", ("Jane Doe", "")),
        ("Mary-Ann O'Neil", ("Mary-Ann O'Neil", "")),
        # the company ends where the sentence goes on about the person
        (
            "talk to Jane Doe at Acme, she runs their learning research team",
            ("Jane Doe", "Acme"),
        ),
        ("Jane Doe at Acme who runs research ops", ("Jane Doe", "Acme")),
        ("Jane Doe at Procter and Gamble", ("Jane Doe", "Procter and Gamble")),
        ("Jane Doe, she runs research at Acme", ("Jane Doe", "Acme")),
        ("Jane Doe, who leads design", ("Jane Doe", "")),
        ("meet Jane Doe @ Acme Corp. She is lovely", ("Jane Doe", "Acme Corp")),
        ("", ("", "")),
    ],
)
def test_split_referral_reads_a_name_and_a_company(line, expected):
    assert split_referral(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T: AI tools everywhere", (Tiara.TRENDS, "AI tools everywhere")),
        ("i: managers hire for curiosity", (Tiara.INSIGHTS, "managers hire for curiosity")),
        ("Advice: build a portfolio", (Tiara.ADVICE, "build a portfolio")),
        ("R: the ResearchOps slack", (Tiara.RESOURCES, "the ResearchOps slack")),
        ("As: redo one case study", (Tiara.ASSIGNMENTS, "redo one case study")),
        ("assignment: a small survey", (Tiara.ASSIGNMENTS, "a small survey")),
        ("Note: not a category", (None, "Note: not a category")),
        ("no prefix at all", (None, "no prefix at all")),
    ],
)
def test_split_tiara_reads_the_category_prefix(text, expected):
    assert split_tiara(text) == expected


def test_next_tiara_cycles_both_ways():
    assert next_tiara(None) is Tiara.TRENDS
    assert next_tiara(Tiara.ASSIGNMENTS) is Tiara.TRENDS
    assert next_tiara(Tiara.TRENDS, -1) is Tiara.ASSIGNMENTS


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- item", "item"),
        ("* item", "item"),
        ("1. item", "item"),
        ("[ ] item", "item"),
        ("  x ", "x"),
    ],
)
def test_capture_text_drops_bullets(line, expected):
    assert capture_text(line) == expected


def test_action_due_reads_a_date_or_defaults(clock):
    now = clock.now()  # Wednesday 18 Nov 2026, 09:30
    due, text = action_due(CaptureKind.ACTION_MINE, "send the deck by friday", now)
    assert (due.date().isoformat(), due.hour, text) == ("2026-11-20", 9, "send the deck")
    due, text = action_due(CaptureKind.ACTION_MINE, "send the deck", now)
    assert due.date().isoformat() == "2026-11-20"  # two business days
    due, _ = action_due(CaptureKind.ACTION_MINE, "work on portfolio", now)
    assert due.date().isoformat() == "2026-11-20"  # "on portfolio" is not a date
    due, text = action_due(CaptureKind.ACTION_THEIRS, "she sends the report", now)
    assert (due.date().isoformat(), text) == ("2026-11-25", "she sends the report")
    due, _ = action_due(CaptureKind.ACTION_MINE, "done by yesterday", now)
    assert due > now  # a date in the past is not taken


def test_action_reminder_is_an_action_for_the_contact(clock):
    contact = Contact(name="Ada Lovelace")
    meeting = Meeting(contact_id=contact.id)
    capture = Capture(at=clock.now(), kind=CaptureKind.ACTION_THEIRS, text="intro to Grace")
    reminder = action_reminder(capture, contact, meeting, clock.now())
    assert reminder.kind is ReminderKind.ACTION
    assert (reminder.contact_id, reminder.meeting_id) == (contact.id, meeting.id)
    assert reminder.title == "Check Ada did: intro to Grace"


def test_read_clock_phases(clock):
    meeting = Meeting(contact_id="c", duration_min=20)
    now = clock.now()
    assert read_clock(meeting, now).phase is ClockPhase.WAITING
    meeting.started_at = now
    assert read_clock(meeting, now + timedelta(minutes=14, seconds=59)).phase is ClockPhase.RUNNING
    assert read_clock(meeting, now + timedelta(minutes=15)).phase is ClockPhase.CLOSING
    assert read_clock(meeting, now + timedelta(minutes=20)).phase is ClockPhase.CLOSING
    over = read_clock(meeting, now + timedelta(minutes=20, seconds=1))
    assert over.phase is ClockPhase.OVER and over.text == "20:01 / 20:00"
    meeting.ended_at = now + timedelta(minutes=18)
    ended = read_clock(meeting, now + timedelta(hours=5))
    assert ended.phase is ClockPhase.ENDED and ended.elapsed == timedelta(minutes=18)


def test_format_minutes():
    assert format_minutes(timedelta(seconds=5)) == "00:05"
    assert format_minutes(timedelta(minutes=75, seconds=3)) == "1:15:03"


def test_is_repeat_only_for_the_same_last_capture(clock):
    log = [Capture(at=clock.now(), kind=CaptureKind.NOTE, text="x")]
    assert is_repeat(log, CaptureKind.NOTE, "x", None)
    assert not is_repeat(log, CaptureKind.ACTION_MINE, "x", None)
    assert not is_repeat([], CaptureKind.NOTE, "x", None)
