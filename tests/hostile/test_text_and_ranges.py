"""domain.text and domain.validation: control characters out, values out of range named."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

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
)
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.text import clean_record, clean_text, has_controls
from infoint_tui.domain.validation import (
    InvalidField,
    OutOfRange,
    check_duration,
    check_line,
    check_moment,
    check_name,
    meeting_problems,
    record_problems,
)

from .corpus import BIDI, C1_CSI, CLEAR, HOSTILE_NAME, HOSTILE_NOTE, OSC52, leaks

UTC = timezone.utc
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Ada{OSC52}!", "Ada!"),  # the whole OSC, payload and all
        ("Ada\x1b]0;title\x1b\\!", "Ada!"),  # an OSC ended by ESC backslash
        (f"A{CLEAR}B", "AB"),
        (f"A{C1_CSI}B", "AB"),
        ("A\x9d8;;http://x\x9cB", "AB"),  # a C1 OSC (a hyperlink)
        ("A\x1bcB", "AB"),  # a full reset
        (f"A{BIDI}B\u2066C\u2069", "ABC"),
        ("A\x1b]never ended", "Anever ended"),  # only the controls of a broken sequence go
        ("A\ud800B", "AB"),  # a lone surrogate no file could hold
        ("Zoë 😀 李", "Zoë 😀 李"),
    ],
)
def test_clean_text_takes_out_whole_sequences(text, expected):
    assert clean_text(text) == expected
    assert not has_controls(clean_text(text))


def test_clean_text_keeps_lines_only_where_a_field_has_several():
    assert clean_text("a\r\nb\tc") == "a b c"
    assert clean_text("a\r\nb\tc", multiline=True) == "a\nb\tc"


def test_clean_record_cleans_every_text_field_and_nested_record():
    contact = Contact(
        name=HOSTILE_NAME,
        tags=[f"vip{CLEAR}", "a\nb"],
        notes=HOSTILE_NOTE,
        drafts={"outreach": f"Hi{OSC52}"},
        extra={"nick": [f"x{C1_CSI}"]},
        history=[StageChange(stage=Stage.PROSPECTS, at=NOW)],
    )
    changed = clean_record(contact)
    assert contact.name == "Ada Lovelace"
    assert contact.tags == ["vip", "a b"]
    assert contact.notes == "first line\nsecond line"  # lines kept in a multi-line field
    assert contact.drafts == {"outreach": "Hi"} and contact.extra == {"nick": ["x"]}
    assert sorted(changed) == ["drafts", "extra", "name", "notes", "tags"]
    meeting = Meeting(
        contact_id="c1", log=[Capture(at=NOW, kind=CaptureKind.NOTE, text=f"ok{BIDI}")]
    )
    assert clean_record(meeting) == ["log.text"] and meeting.log[0].text == "ok"
    assert clean_record(Contact(name="Plain", notes="a\r\nb")) == []  # line ends are no warning


def test_check_name_cleans_and_refuses_empty_or_huge_names():
    assert check_name(HOSTILE_NAME) == "Ada Lovelace"
    with pytest.raises(InvalidField, match="needs a name"):
        check_name(f"{OSC52}{CLEAR}\x07{BIDI}")
    with pytest.raises(InvalidField, match="102,400 characters is too long"):
        check_name("x" * 102_400)
    assert check_line(f"sales{CLEAR}\nteam", "a tag") == "sales team"
    with pytest.raises(InvalidField, match="a tag of 2,000 characters"):
        check_line("t" * 2000, "a tag")
    assert not leaks(check_name(HOSTILE_NAME))


def test_ranges_name_each_problem():
    meeting = Meeting(
        contact_id="c1",
        duration_min=10**15,
        when=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
    )
    assert record_problems(meeting) == [
        "when is 0001-01-01T00:00:00+05:00 (dates must be in the years 1900 to 2200)",
        "duration_min is 1000000000000000 (it must be 1 to 1440)",
    ]
    assert meeting_problems(meeting) == record_problems(meeting)
    contact = Contact(name="A", cadence_weeks=0, connected_on=date(9999, 12, 31))
    contact.history.append(StageChange(stage=Stage.PROSPECTS, at=datetime(9999, 1, 1, tzinfo=UTC)))
    assert record_problems(contact) == [  # in the order of the fields
        "history[1].at is 9999-01-01T00:00:00+00:00 (dates must be in the years 1900 to 2200)",
        "cadence_weeks is 0 (it must be 1 to 104)",
        "connected_on is 9999-12-31 (dates must be in the years 1900 to 2200)",
    ]
    assert record_problems(TargetEmployer(company="X", motivation=7)) == [
        "motivation is 7 (it must be 1 to 3)"
    ]
    assert record_problems(Settings(thank_you_hours=True)) == [  # type: ignore[arg-type]
        "thank_you_hours is True, not a whole number"
    ]
    reminder = Reminder(kind=ReminderKind.CUSTOM, due=NOW, snoozed_until=NOW.replace(year=1899))
    assert record_problems(reminder) == [
        "snoozed_until is 1899-11-18T09:30:00+00:00 (dates must be in the years 1900 to 2200)"
    ]
    for record in (Contact(name="A"), Meeting(contact_id="c", when=NOW), Settings()):
        assert record_problems(record) == []


def test_checks_raise_out_of_range():
    assert check_duration(1440) == 1440
    with pytest.raises(OutOfRange, match="it must be 1 to 1440"):
        check_duration(1441)
    with pytest.raises(OutOfRange, match="not a whole number"):
        check_duration("30")
    assert check_moment(date(1900, 1, 1)) == date(1900, 1, 1)
    with pytest.raises(OutOfRange, match="years 1900 to 2200"):
        check_moment(datetime(2201, 1, 1, tzinfo=UTC))
    with pytest.raises(OutOfRange, match="without a time zone"):
        check_moment(datetime(2026, 1, 1))
