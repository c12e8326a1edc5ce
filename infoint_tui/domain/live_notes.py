"""Live notes, the pure part: reading captures from a typed line, action due dates, the call clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import Enum

from .dates import DateParseError, add_business_days, parse_when
from .models import Capture, CaptureKind, Contact, Meeting, Reminder, ReminderKind, Tiara

CLOSING_MINUTES = 5  # the clock warns in the last five minutes: respect their time

# What the log shows before each capture.
KIND_TAGS = {
    CaptureKind.NOTE: "Note",
    CaptureKind.ACTION_MINE: "Me",
    CaptureKind.ACTION_THEIRS: "Them",
    CaptureKind.REFERRAL: "Ref",
    CaptureKind.INSIGHT: "Insight",
}
KIND_LABELS = {
    CaptureKind.NOTE: "Note",
    CaptureKind.ACTION_MINE: "My action item",
    CaptureKind.ACTION_THEIRS: "Their action item",
    CaptureKind.REFERRAL: "Referral",
    CaptureKind.INSIGHT: "Insight",
}
TIARA_ORDER = list(Tiara)
# After the call, live notes reopen the interview that just ended (to finish the notes, the
# debrief) for as long as its thank-you is due, rather than start a blank meeting.
REOPEN_WITHIN = timedelta(hours=24)

_BULLET = re.compile(r"^\s*(?:[-*+•>]|\d+[.)]|\[[ xX]\])\s+")
_TIARA_PREFIX = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*)$", re.DOTALL)
_TIARA_WORDS: dict[str, Tiara] = {}
for _tiara in Tiara:
    for _word in (_tiara.letter, _tiara.value, _tiara.value.rstrip("s")):
        _TIARA_WORDS[_word.lower()] = _tiara
_LEAD_INS = re.compile(
    r"\b(?:talk to|talk with|speak to|speak with|reach out to|get in touch with|"
    r"introduce me to|intro to|introduction to|contact|meet|ask|email|call)\s+",
    re.IGNORECASE,
)
_COMPANY_SPLIT = re.compile(
    r"(\s+(?:@|at|from)\s+|\s*@\s*)|\s*,\s*|\s+[-–—]\s+", re.IGNORECASE
)  # group 1: a word that names the company next ("at", "@", "from")
# Where the company's name ends: the next clause ("Acme, she runs their research team").
_CLAUSE_END = re.compile(
    r"\s*[,;:]\s*|\s+[-–—]\s+|\.\s+|\s+(?:and\s+)?(?:who|which|that|where|she|he|they)\b",
    re.IGNORECASE,
)
_AT_COMPANY = re.compile(r"(?:\s+(?:at|from)\s+|\s*@\s*)(\S.*)$", re.IGNORECASE)
_NOT_A_COMPANY = re.compile(
    r"^(?:she|he|they|who|which|her|his|their|i|we|you|it|is|was|runs|works|leads)\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_BY = re.compile(r"^(.*\S)\s+(?:by|before|due|on)\s+(\S.*)$", re.IGNORECASE)

MY_ACTION_DAYS = 2  # business days, unless the line says "by <when>"
THEIR_ACTION_DAYS = 7  # then check whether what they offered has come


class ClockPhase(str, Enum):
    WAITING = "waiting"  # not started
    RUNNING = "running"
    CLOSING = "closing"  # the last five minutes
    OVER = "over"  # past the planned duration
    ENDED = "ended"


@dataclass(frozen=True)
class ClockReading:
    elapsed: timedelta
    planned: timedelta
    phase: ClockPhase

    @property
    def text(self) -> str:
        return f"{format_minutes(self.elapsed)} / {format_minutes(self.planned)}"


def read_clock(meeting: Meeting, now: datetime) -> ClockReading:
    """How long the call has run, of how long was planned, and whether time is nearly up."""
    planned = timedelta(minutes=max(meeting.duration_min, 0))
    if meeting.started_at is None:
        return ClockReading(timedelta(0), planned, ClockPhase.WAITING)
    end = meeting.ended_at or now
    elapsed = max(end - meeting.started_at, timedelta(0))
    if meeting.ended_at is not None:
        phase = ClockPhase.ENDED
    elif elapsed > planned:
        phase = ClockPhase.OVER
    elif elapsed >= planned - timedelta(minutes=CLOSING_MINUTES):
        phase = ClockPhase.CLOSING
    else:
        phase = ClockPhase.RUNNING
    return ClockReading(elapsed, planned, phase)


def start_call(meeting: Meeting, now: datetime) -> None:
    """The call begins now: the clock starts, and a call that had no date is dated now (live
    notes on a contact never scheduled are a call taking place, not a meeting held long ago)."""
    meeting.started_at = now
    if meeting.when is None:
        meeting.when = now


def format_minutes(span: timedelta) -> str:
    """`mm:ss`, or `h:mm:ss` past an hour."""
    seconds = int(span.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def capture_text(line: str) -> str:
    """The words of a typed line, without a list bullet or surrounding spaces."""
    return _BULLET.sub("", line).strip()


def split_tiara(text: str) -> tuple[Tiara | None, str]:
    """`"A: build a portfolio"` is Advice; a line without such a prefix has no category."""
    match = _TIARA_PREFIX.match(text)
    if match:
        found = _TIARA_WORDS.get(match.group(1).lower())
        if found is not None:
            return found, match.group(2).strip()
    return None, text.strip()


def next_tiara(current: Tiara | None, step: int = 1) -> Tiara:
    if current is None:
        return TIARA_ORDER[0] if step > 0 else TIARA_ORDER[-1]
    return TIARA_ORDER[(TIARA_ORDER.index(current) + step) % len(TIARA_ORDER)]


def split_referral(text: str) -> tuple[str, str]:
    """Read a name and a company from a typed line: "Jane Doe @ Acme", "talk to Jane Doe at Acme"."""
    cleaned = capture_text(text)
    lead_in = _LEAD_INS.search(cleaned)  # "you should talk to Jane": the name follows
    if lead_in:
        cleaned = cleaned[lead_in.end() :]
    cleaned = cleaned.strip().rstrip(".;")
    parens = _PARENS.match(cleaned)
    if parens:
        return " ".join(parens.group(1).split()), parens.group(2).strip()
    found = _COMPANY_SPLIT.search(cleaned)
    if found is None:
        return " ".join(cleaned.split()), ""
    name = " ".join(cleaned[: found.start()].split())
    rest = cleaned[found.end() :]
    if found.group(1) is None:  # "Jane Doe, she runs research at Acme": a clause, not a company
        clause = _first_clause(rest)
        at = _AT_COMPANY.search(clause)
        if at is not None:
            rest = at.group(1)
        elif _NOT_A_COMPANY.match(clause):
            return name, ""
    return name, _first_clause(rest)


def _first_clause(text: str) -> str:
    return " ".join(_CLAUSE_END.split(text, maxsplit=1)[0].split()).rstrip(".")


def action_due(kind: CaptureKind, text: str, now: datetime) -> tuple[datetime, str]:
    """When an action item falls due, and its text without the date.

    "send the case study by friday" is due Friday 9:00; without a date, mine are due in two
    business days, and theirs get a check a week later (did the promised article come?).
    """
    match = _BY.match(text)
    if match:
        try:
            due = parse_when(match.group(2), now)
        except DateParseError:
            pass
        else:
            if due > now:
                return due, match.group(1)
    if kind is CaptureKind.ACTION_MINE:
        day = add_business_days(now, MY_ACTION_DAYS)
    else:
        day = now + timedelta(days=THEIR_ACTION_DAYS)
    return datetime.combine(day.date(), time(9, 0), tzinfo=now.tzinfo), text


def action_reminder(
    capture: Capture, contact: Contact, meeting: Meeting, now: datetime
) -> Reminder:
    """The reminder an action item becomes."""
    due, what = action_due(capture.kind, capture.text, now)
    first = contact.name.split()[0] if contact.name.split() else contact.name
    if capture.kind is CaptureKind.ACTION_MINE:
        title = what
    else:
        title = f"Check {first} did: {what}"
    return Reminder(
        kind=ReminderKind.ACTION,
        due=due,
        contact_id=contact.id,
        meeting_id=meeting.id,
        title=title,
        created_at=now,
    )


def capture_tag(capture: Capture) -> str:
    if capture.kind is CaptureKind.INSIGHT and capture.tiara is not None:
        return capture.tiara.letter
    return KIND_TAGS[capture.kind]


def is_repeat(log: list[Capture], kind: CaptureKind, text: str, tiara: Tiara | None) -> bool:
    """The same line captured again with the same tag (a double press) is not a new capture."""
    return bool(log) and (log[-1].kind, log[-1].text, log[-1].tiara) == (kind, text, tiara)


def meeting_to_reopen(last_held: Meeting | None, now: datetime) -> Meeting | None:
    """The contact's last interview if it ended within REOPEN_WITHIN, else None."""
    if last_held is None or last_held.ended_at is None:
        return None
    return last_held if now - last_held.ended_at <= REOPEN_WITHIN else None
