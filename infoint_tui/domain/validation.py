"""Checks for what people type into contact fields, with messages that say how to fix it, and
the ranges a record's numbers and dates must fall in to be shown, exported and computed with."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any

from .text import clean_text

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/.*)?$", re.IGNORECASE)


class InvalidField(ValueError):
    """A value that cannot be stored as typed."""


def check_email(text: str) -> str:
    value = text.strip()
    if value and not _EMAIL.match(value):
        raise InvalidField(f"{value!r} is not an email address (like name@example.com)")
    return value


def check_url(text: str) -> str:
    """Accept `linkedin.com/in/ada` as `https://linkedin.com/in/ada`; refuse what is not a web address."""
    value = text.strip()
    if not value:
        return value
    if not _SCHEME.match(value):
        value = "https://" + value
    scheme, rest = value.split("://", 1)
    if scheme.lower() not in ("http", "https") or not _HOST.match(rest):
        raise InvalidField(f"{text.strip()!r} is not a web address (like linkedin.com/in/name)")
    return value


MAX_NAME_LENGTH = 200  # characters; a longer "name" is a pasted paragraph, not a person


def check_name(text: str) -> str:
    """A name on one line, its control characters and extra spaces taken out."""
    value = " ".join(clean_text(text).split())
    if not value:
        raise InvalidField("a contact needs a name")
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidField(
            f"a name of {len(value):,} characters is too long (at most {MAX_NAME_LENGTH})"
        )
    return value


MAX_LINE_LENGTH = 1000  # characters in a one-line field (company, role, a tag)


def check_line(text: str, field: str) -> str:
    """A one-line field as typed or read: control characters out, spaces tidied, not too long."""
    value = " ".join(clean_text(text).split())
    if len(value) > MAX_LINE_LENGTH:
        raise InvalidField(
            f"{field} of {len(value):,} characters is too long (at most {MAX_LINE_LENGTH})"
        )
    return value


def check_weeks(text: str) -> int | None:
    """A keep-in-touch cadence: "6", "6 weeks"; None when left empty (the default applies)."""
    value = text.strip().removesuffix("weeks").removesuffix("week").strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 104:
        raise InvalidField("a number of weeks, 1 to 104")
    return int(value)


def normalize_url(url: str) -> str:
    """A key for 'the same profile': no scheme, no www, no trailing slash or query, any case."""
    value = url.strip().lower()
    value = _SCHEME.sub("", value)
    value = value.removeprefix("www.")
    value = value.split("?", 1)[0].split("#", 1)[0]
    return value.rstrip("/")


def normalize_email(email: str) -> str:
    return email.strip().lower()


# -- ranges ------------------------------------------------------------------------------------
# Dates outside these years are typing slips or hostile files; inside them, every sum the
# rules make (a meeting's end, a check-in after its cadence) stays within what datetime holds.
MIN_YEAR = 1900
MAX_YEAR = 2200
# Whole-number fields by name, with the range a sane value lies in.
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "duration_min": (1, 24 * 60),  # a meeting, in minutes
    "default_duration_min": (1, 24 * 60),
    "cadence_weeks": (1, 104),  # a check-in every week to every two years (the contact form's)
    "default_cadence_weeks": (1, 104),
    "max_check_ins_per_year": (1, 52),
    "thank_you_hours": (1, 24 * 7),
    "motivation": (1, 3),  # a target employer: curious to dream employer
    "weekly_requests": (0, 100),  # the week's goals (0: no goal)
    "weekly_conversations": (0, 100),
}


class OutOfRange(InvalidField):
    """A number or date a record cannot hold: it would crash a sum or mean nothing."""


def moment_problem(value: date | datetime, field: str) -> str | None:
    """Why a date or date-time cannot be kept (a year outside MIN_YEAR..MAX_YEAR, a time
    without a time zone), or None."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return (
            f"{field} is {value.isoformat()} (dates must be in the years {MIN_YEAR} to {MAX_YEAR})"
        )
    if isinstance(value, datetime) and value.utcoffset() is None:
        return f"{field} is {value.isoformat()}, without a time zone"
    return None


def number_problem(value: Any, field: str) -> str | None:
    """Why a whole-number field (one of NUMBER_RANGES) cannot be kept, or None."""
    low, high = NUMBER_RANGES[field]
    if type(value) is not int:
        return f"{field} is {value!r}, not a whole number"
    if not low <= value <= high:
        return f"{field} is {value} (it must be {low} to {high})"
    return None


def check_moment(value: date | datetime, field: str = "the date") -> date | datetime:
    """`value` if its year is in range; OutOfRange otherwise."""
    problem = moment_problem(value, field)
    if problem:
        raise OutOfRange(problem)
    return value


def check_number(value: Any, field: str) -> int:
    """`value` if it is a whole number in NUMBER_RANGES[field]; OutOfRange otherwise."""
    problem = number_problem(value, field)
    if problem:
        raise OutOfRange(problem)
    return int(value)


def check_duration(minutes: Any) -> int:
    """A meeting's length in minutes, 1 to 1440."""
    return check_number(minutes, "duration_min")


def meeting_problems(meeting: Any) -> list[str]:
    """What is out of range in a meeting, or in anything shaped like one (the store's light
    MeetingSlot): its start, its end and its length."""
    problems = []
    for field in ("when", "started_at", "ended_at"):
        value = getattr(meeting, field, None)
        if value is not None:
            problem = (
                moment_problem(value, field)
                if isinstance(value, (date, datetime))
                else f"{field} is {value!r}, not a date and time"
            )
            if problem:
                problems.append(problem)
    problem = number_problem(getattr(meeting, "duration_min", 30), "duration_min")
    return problems + ([problem] if problem else [])


def record_problems(record: Any) -> list[str]:
    """What is out of range in any record (Contact, Meeting, Reminder, Touch, TargetEmployer,
    Settings, and the records inside them): every date and date-time, and the whole numbers
    of NUMBER_RANGES. Empty when the record can be shown, exported and computed with."""
    problems: list[str] = []
    _collect(record, "", problems)
    return problems


def first_problem(record: Any) -> str | None:
    problems = record_problems(record)
    return problems[0] if problems else None


def _collect(record: Any, prefix: str, problems: list[str]) -> None:
    for name, kind in _plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if kind == "date":
            if isinstance(value, (date, datetime)):
                if MIN_YEAR <= value.year <= MAX_YEAR and (
                    not isinstance(value, datetime) or value.tzinfo is not None
                ):
                    continue  # the common case, checked without building a message
                problem = moment_problem(value, prefix + name)
            else:
                problem = f"{prefix}{name} is {value!r}, not a date"
            if problem:
                problems.append(problem)
        elif kind == "number":
            problem = number_problem(value, name)
            if problem:
                problems.append(prefix + problem)
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if dataclasses.is_dataclass(item) and not isinstance(item, type):
                    _collect(item, f"{prefix}{name}[{index}].", problems)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            _collect(value, f"{prefix}{name}.", problems)


_PLANS: dict[type, tuple[tuple[str, str], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """A record class's fields that can be out of range, in order, with their kind: "date",
    "number" (one of NUMBER_RANGES) or "nested" (a record, or a list of them, inside it);
    worked out once per class from its type hints. Text, flags and enums are never checked."""
    plan = _PLANS.get(cls)
    if plan is None:
        import typing

        hints = typing.get_type_hints(cls)
        found: list[tuple[str, str]] = []
        for name in _field_names(cls):
            hint = hints.get(name, Any)
            inner = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
            if name in NUMBER_RANGES:
                found.append((name, "number"))
            elif inner in (date, datetime):
                found.append((name, "date"))
            elif typing.get_origin(hint) is list or hint is Any or dataclasses.is_dataclass(inner):
                found.append((name, "nested"))
        plan = _PLANS[cls] = tuple(found)
    return plan


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(
            field.name
            for field in dataclasses.fields(cls)  # type: ignore[arg-type]
            if field.name != "extra"
        )
    return names
