from datetime import datetime, time

import pytest
from dateutil import tz

from infoint_tui.domain.dates import (
    DateParseError,
    add_business_days,
    business_days_between,
    format_when,
    parse_when,
)

ZONE = tz.gettz("America/New_York")
NOW = datetime(2026, 11, 18, 14, 5, tzinfo=ZONE)  # a Wednesday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-12-03 10:30", datetime(2026, 12, 3, 10, 30)),
        ("Dec 3 10am", datetime(2026, 12, 3, 10, 0)),
        ("dec 3, 2pm", datetime(2026, 12, 3, 14, 0)),
        ("tomorrow 9:00", datetime(2026, 11, 19, 9, 0)),
        ("tomorrow at 4pm", datetime(2026, 11, 19, 16, 0)),
        ("today 17:30", datetime(2026, 11, 18, 17, 30)),
        ("next tue", datetime(2026, 11, 24, 9, 0)),
        ("Friday 11am", datetime(2026, 11, 20, 11, 0)),
        ("wed", datetime(2026, 11, 25, 9, 0)),  # on a Wednesday, "wed" is next week's
        ("Jan 5", datetime(2027, 1, 5, 9, 0)),  # no year typed, and January is past: next year
        ("Jan 5 2026", datetime(2026, 1, 5, 9, 0)),  # a year typed is kept
        ("next week", datetime(2026, 11, 23, 9, 0)),
    ],
)
def test_parse_when_reads_what_people_type(text, expected):
    result = parse_when(text, NOW)
    assert result.tzinfo is not None
    assert result.replace(tzinfo=None) == expected


def test_relative_amounts_and_now():
    assert parse_when("in 3 days", NOW) == datetime(2026, 11, 21, 14, 5, tzinfo=ZONE)
    assert parse_when("in 2 hours", NOW) == datetime(2026, 11, 18, 16, 5, tzinfo=ZONE)
    assert parse_when("now", NOW) == NOW


def test_explicit_zone_is_kept():
    result = parse_when("2026-12-03T10:30:00+00:00", NOW)
    assert result.utcoffset().total_seconds() == 0


def test_default_time_applies_to_dates_without_time():
    assert parse_when("2026-12-03", NOW, default_time=time(0, 0)).hour == 0


@pytest.mark.parametrize(
    "text", ["", "   ", "blorp", "tomorrow at teatime", "2026-13-45", "next blursday"]
)
def test_unreadable_text_gives_a_clear_error_with_examples(text):
    with pytest.raises(DateParseError, match="try 2026-12-03 10:30"):
        parse_when(text, NOW)


def test_business_days_skip_weekends_across_month_end():
    friday = datetime(2026, 10, 30, 10, 0, tzinfo=ZONE)
    assert add_business_days(friday, 1) == datetime(2026, 11, 2, 10, 0, tzinfo=ZONE)
    assert add_business_days(friday, 3) == datetime(2026, 11, 4, 10, 0, tzinfo=ZONE)
    assert add_business_days(friday, 7) == datetime(2026, 11, 10, 10, 0, tzinfo=ZONE)
    assert business_days_between(friday.date(), datetime(2026, 11, 4, tzinfo=ZONE).date()) == 3


def test_format_when_is_short_and_relative():
    assert format_when(datetime(2026, 11, 18, 10, 30, tzinfo=ZONE), NOW) == "today 10:30"
    assert format_when(datetime(2026, 11, 19, 9, 0, tzinfo=ZONE), NOW) == "tomorrow 09:00"
    assert format_when(datetime(2026, 12, 1, 9, 0, tzinfo=ZONE), NOW) == "Tue 1 Dec 09:00"
    assert format_when(None, NOW) == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mon 23 Nov 2026 10:30", datetime(2026, 11, 23, 10, 30, tzinfo=ZONE)),
        ("Tue 24 Nov 10:30", datetime(2026, 11, 24, 10, 30, tzinfo=ZONE)),
        ("Thursday 3 December 9am", datetime(2026, 12, 3, 9, 0, tzinfo=ZONE)),
        ("wed dec 2 14:00", datetime(2026, 12, 2, 14, 0, tzinfo=ZONE)),
    ],
)
def test_a_weekday_in_front_of_a_full_date_reads_as_that_date(text, expected):
    # The prep screen writes a meeting time this way; reading it back must give the same time.
    assert parse_when(text, NOW) == expected


def test_a_weekday_with_a_bad_time_still_says_what_is_wrong():
    with pytest.raises(DateParseError, match="could not read the time"):
        parse_when("tue banana", NOW)
