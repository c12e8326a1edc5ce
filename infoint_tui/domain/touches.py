"""Logging a touch by hand: the kinds a user picks from, and when it happened, typed in words.

A touch is something that already happened ("they replied yesterday 3pm"), so times read
backwards: "mon" is last Monday, "2 hours ago" works, and a moment in the future is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .dates import DateParseError, format_when, parse_when
from .models import Reminder, ReminderKind, TouchKind
from .rules import ANSWERING_TOUCHES, NO_REPLY_KINDS, restarts_clock
from .stages import Stage

PAST_HINT = "try now, 2 hours ago, yesterday 15:00, mon 10am, Nov 12"
# A touch a minute ahead of the clock is a slow typist, not the future.
FUTURE_SLACK = timedelta(minutes=1)


@dataclass(frozen=True)
class TouchChoice:
    kind: TouchKind
    label: str  # "Reply received"
    effect: str  # what logging it does, in the user's words
    logged: str  # "a reply from {name}"


RESTARTS = "restarts the keep-in-touch clock"
# The order of the log-a-touch menu: what users log most first. `effect` is what it does when
# there is nothing open for it to close (the modal says "closes 2 nudges" when there is).
TOUCH_CHOICES = [
    TouchChoice(TouchKind.REPLY, "Reply received", RESTARTS, "a reply from {name}"),
    TouchChoice(TouchKind.CALL, "Call", RESTARTS, "a call with {name}"),
    TouchChoice(TouchKind.MEETING, "Meeting", RESTARTS, "a meeting with {name}"),
    TouchChoice(TouchKind.MESSAGE_SENT, "Message sent", RESTARTS, "a message to {name}"),
    TouchChoice(TouchKind.THANK_YOU, "Thank-you sent", RESTARTS, "a thank-you to {name}"),
    TouchChoice(TouchKind.CHECK_IN, "Check-in sent", RESTARTS, "a check-in with {name}"),
    TouchChoice(TouchKind.REFERRAL, "They introduced me", RESTARTS, "an introduction by {name}"),
    TouchChoice(
        TouchKind.NOTE, "Private note", "a note only: the clock keeps running", "a note on {name}"
    ),
]
CHOICE_OF = {choice.kind: choice for choice in TOUCH_CHOICES}

_AGO = re.compile(r"^(\d+)\s*(minute|min|hour|hr|day|week)s?\s+ago$")
_AGO_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours"}
_WEEKDAY = re.compile(r"^(?:last\s+)?(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b\s*(.*)$")
_DAY_NUMBER = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
               "fri": 4, "sat": 5, "sun": 6}  # fmt: skip


def touch_time(text: str, now: datetime) -> datetime:
    """When a touch happened, typed in words; empty text means now.

    Raises DateParseError (one line with a hint) for text it cannot read or a future moment.
    """
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned or cleaned == "now":
        return now
    if match := _AGO.match(cleaned):
        unit = _AGO_UNITS.get(match.group(2), match.group(2) + "s")
        return now - timedelta(**{unit: int(match.group(1))})
    if match := _WEEKDAY.match(cleaned):
        rest = match.group(2).removeprefix("at ").strip()
        back = (now.weekday() - _DAY_NUMBER[match.group(1)]) % 7
        try:
            moment = parse_when(f"today {rest}", now) if rest else now
        except DateParseError:
            raise DateParseError(
                f"could not read the time in {text.strip()!r} ({PAST_HINT})"
            ) from None
        if back == 0 and (not rest or moment > now or cleaned.startswith("last")):
            back = 7  # "mon" on a Monday is a week ago, unless its time is earlier today
        moment -= timedelta(days=back)
    else:
        try:
            # "yesterday" alone keeps the time of day, so the order of the day's touches holds.
            moment = parse_when(cleaned, now, default_time=now.time(), prefer_future=False)
        except DateParseError:
            raise DateParseError(
                f"could not read {text.strip()!r} as a time ({PAST_HINT})"
            ) from None
    if moment > now + FUTURE_SLACK:
        raise DateParseError(f"{text.strip()!r} is in the future; log a touch once it happened")
    return moment


def closed_by(kind: TouchKind, open_reminders: list[Reminder]) -> list[Reminder]:
    """The open reminders a touch of this kind will answer (for the preview in the modal)."""
    if not restarts_clock(kind):
        return []
    return [
        r
        for r in open_reminders
        if (r.kind in NO_REPLY_KINDS and kind in ANSWERING_TOUCHES)
        or (r.kind is ReminderKind.THANK_YOU and kind is TouchKind.THANK_YOU)
    ]


# The reminders worth naming when a touch closes them, by the word the user knows them by.
_NOUN = {
    ReminderKind.SECOND_PERSON: "nudge",
    ReminderKind.FOLLOW_UP: "nudge",
    ReminderKind.THANK_YOU: "thank-you",
}


def closed_to_report(reminders: Iterable[Reminder]) -> list[Reminder]:
    return [r for r in reminders if r.kind in _NOUN]


def describe_closed(reminders: list[Reminder]) -> str:
    """'2 nudges', 'the thank-you', '1 nudge and the thank-you'."""
    nudges = sum(1 for r in reminders if _NOUN.get(r.kind) == "nudge")
    others = [r for r in reminders if _NOUN.get(r.kind) != "nudge"]
    words = [f"{nudges} nudge{'s' if nudges != 1 else ''}"] if nudges else []
    words += [f"the {_NOUN.get(r.kind, r.kind.value)}" for r in others]
    return " and ".join(words)


@dataclass(frozen=True)
class Logged:
    """What logging a touch did, for the message the user sees."""

    name: str
    kind: TouchKind
    at: datetime
    closed: list[Reminder] = field(default_factory=list)
    moved_to: Stage | None = None

    def summary(self, now: datetime) -> str:
        what = CHOICE_OF[self.kind].logged.format(name=self.name)
        when = (
            "" if abs((now - self.at).total_seconds()) < 60 else f" ({format_when(self.at, now)})"
        )
        parts = [f"Logged {what}{when}"]
        if self.closed:
            parts.append(f"closed {describe_closed(self.closed)}")
        if self.moved_to is not None:
            parts.append(f"moved to {self.moved_to.label}")
        return " · ".join(parts)
