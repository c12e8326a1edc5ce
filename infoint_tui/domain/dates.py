"""Reading dates and times the way people type them, and calendar arithmetic.

`parse_when("Dec 3 10am", now)`, `parse_when("tomorrow 9:00", now)`, `parse_when("next tue", now)`.
Every result is timezone-aware: text without a zone takes the zone of `now`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

HINT = "try 2026-12-03 10:30, Dec 3 10am, tomorrow 9:00, next tue, in 3 days"

_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "day": "days", "week": "weeks"}
_IN = re.compile(r"^in\s+(\d+)\s*(minute|min|hour|day|week)s?$")
_RELATIVE_DAY = re.compile(
    r"^(today|tonight|tomorrow|yesterday|(?:next\s+|this\s+)?[a-z]+)\b\s*(.*)$"
)


_WEEKDAY_THEN_DATE = re.compile(r"^[a-z]+\s+(?:\d{1,4}\b|[a-z]{3,}\s+\d)")


class DateParseError(ValueError):
    """Text that cannot be read as a date or time."""


def parse_when(
    text: str, now: datetime, *, default_time: time = time(9, 0), prefer_future: bool = True
) -> datetime:
    """Read a date and time typed in words; raise DateParseError with a hint otherwise."""
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if cleaned.startswith("at "):
        cleaned = cleaned[3:]
    if not cleaned:
        raise DateParseError(f"no date given ({HINT})")
    if cleaned == "now":
        return now
    if match := _IN.match(cleaned):
        amount, unit = int(match.group(1)), _UNITS[match.group(2)]
        return now + timedelta(**{unit: amount})
    if cleaned == "next week":
        return _at(now.date() + timedelta(days=7 - now.weekday()), default_time, now)
    relative = _relative_day(cleaned, now)
    if relative is not None:
        day, rest = relative
        try:
            clock = _parse_time(rest, text) if rest else default_time
        except DateParseError:
            # "Tue 24 Nov 10:30": a weekday in front of a full date, as infoint writes dates.
            if not _WEEKDAY_THEN_DATE.match(cleaned):
                raise
            return _absolute(text, now, default_time, prefer_future)
        return _at(day, clock, now)
    return _absolute(text, now, default_time, prefer_future)


def parse_date(text: str, now: datetime) -> date:
    return parse_when(text, now).date()


def _at(day: date, clock: time, now: datetime) -> datetime:
    return datetime.combine(day, clock).replace(tzinfo=now.tzinfo)


def _relative_day(cleaned: str, now: datetime) -> tuple[date, str] | None:
    match = _RELATIVE_DAY.match(cleaned)
    if not match:
        return None
    word, rest = match.group(1), match.group(2).removeprefix("at ").strip()
    today = now.date()
    if word in ("today", "tonight"):
        return today, rest
    if word == "tomorrow":
        return today + timedelta(days=1), rest
    if word == "yesterday":
        return today - timedelta(days=1), rest
    name = word.removeprefix("next ").removeprefix("this ").strip()
    if name not in _WEEKDAYS:
        return None
    ahead = (_WEEKDAYS[name] - today.weekday()) % 7
    if ahead == 0:  # "tue" on a Tuesday means next week's
        ahead = 7
    return today + timedelta(days=ahead), rest


def _parse_time(rest: str, original: str) -> time:
    from dateutil import parser as dateutil_parser  # imported when first needed: start-up cost

    try:
        parsed = dateutil_parser.parse(rest, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError) as error:
        raise DateParseError(f"could not read the time in {original!r} ({HINT})") from error
    if parsed.date() != date(2000, 1, 1):
        raise DateParseError(f"could not read the time in {original!r} ({HINT})")
    return parsed.time()


def _absolute(text: str, now: datetime, default_time: time, prefer_future: bool) -> datetime:
    from dateutil import parser as dateutil_parser

    base = datetime.combine(now.date(), default_time)
    try:
        parsed = dateutil_parser.parse(text, default=base)
        # Parse again with another default year: a different answer means no year was typed.
        other = dateutil_parser.parse(
            text, default=base.replace(year=2004 if now.year != 2004 else 2008, month=1, day=1)
        )
    except (ValueError, OverflowError) as error:
        raise DateParseError(f"could not read {text.strip()!r} as a date ({HINT})") from error
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=now.tzinfo)
    year_given = parsed.year == other.year
    if prefer_future and not year_given and parsed < now - timedelta(days=60):
        parsed = parsed.replace(year=parsed.year + 1)
    return parsed


def add_business_days(start: datetime, days: int) -> datetime:
    """`start` moved forward by `days` working days (Saturday and Sunday skipped)."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


def business_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    if end <= start:
        return 0
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    return count


def format_when(moment: datetime | None, now: datetime) -> str:
    """A short human form: 'today 10:30', 'tomorrow 09:00', 'Tue 3 Dec 14:00'."""
    if moment is None:
        return ""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    days = (local.date() - now.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"tomorrow {clock}"
    if days == -1:
        return f"yesterday {clock}"
    if local.year == now.year:
        return f"{local:%a} {local.day} {local:%b} {clock}"
    return f"{local.day} {local:%b %Y} {clock}"
