"""Thank-you and keep-in-touch drafts, filled from Settings' templates, the contact and the notes.

The thank-you quotes one specific thing the user picks (`specific_candidates`: the meeting
log's insights, the questions' answers, the notes' lines), mentions any introduction offered
during the call (`offered_introductions`: the log's referral captures), and keeps the door
open; `thank_you_countdown` says how long is left of the 24 hours. The check-in shares an
update and tells them what came of their advice or introductions (`check_in_candidates`).

Templates use `{placeholders}`; an unknown placeholder is left as typed, so a user's own
template never breaks a draft. Placeholders: first_name, name, company, role, my_name,
signature, pitch; thank-you: when, specific, introduction; check-in: update, outcome.

"Mark sent" is the screen's, through the store: for a thank-you
`repo.log_touch(cid, TouchKind.THANK_YOU)` then `repo.move_contact(cid, Stage.THANKED)`
(the touch closes the thank-you reminder and the move starts the check-in cadence); for a
check-in `repo.log_touch(cid, TouchKind.CHECK_IN)` (which schedules the next one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .jobs import congratulations_line
from .models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    Reminder,
    ReminderKind,
    Settings,
    Tiara,
)
from .rules import first_name
from .stages import Stage
from .themes import normalise

THANK_YOU_SUBJECT = "Thank you for your time"
CHECK_IN_SUBJECT = "A quick update"
NEWS_BLANK = "[your news: what you have done since we spoke]"
MIN_NOTE_WORDS = 4  # shorter note lines are headings or fragments, not something to quote
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s+")

# How a thank-you introduces the line it quotes, by the TIARA tag of the insight.
_APPRECIATED = {
    Tiara.TRENDS: "your view of where the field is heading",
    Tiara.INSIGHTS: "what you shared about the work",
    Tiara.ADVICE: "your advice",
    Tiara.RESOURCES: "the resources you pointed me to",
    Tiara.ASSIGNMENTS: "your suggestion of something to try",
}


@dataclass(frozen=True)
class Candidate:
    """A line the user can pick for a draft."""

    text: str  # the line itself (quoted in a thank-you) or a ready sentence (check-in)
    source: str  # "insight", "answer", "note"; check-in: "congratulations", "introduction",
    # "advice", "resource"
    tiara: Tiara | None = None
    contact_id: str | None = None  # check-in introductions: the person they introduced


@dataclass(frozen=True)
class Introduction:
    """An introduction offered during a call (a referral capture)."""

    name: str
    contact_id: str | None = None  # the prospect the capture created, when it did


@dataclass(frozen=True)
class Draft:
    to: str  # the contact's email address ("" when unknown)
    subject: str
    body: str
    missing: list[str] = field(default_factory=list)  # what the user should still provide


@dataclass(frozen=True)
class Countdown:
    due: datetime
    remaining: timedelta  # negative once overdue

    @property
    def overdue(self) -> bool:
        return self.remaining < timedelta(0)

    @property
    def text(self) -> str:
        """'23 h 5 min left', '12 min left', 'overdue by 2 h 5 min', 'overdue by 3 days 2 h'."""
        span = _span(abs(self.remaining))
        return f"overdue by {span}" if self.overdue else f"{span} left"


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


# -- filling a template ----------------------------------------------------------------------
def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace `{name}` with values[name]; leave unknown placeholders and stray braces alone."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _common(contact: Contact, settings: Settings) -> dict[str, str]:
    return {
        "first_name": first_name(contact),
        "name": contact.name,
        "company": contact.company,
        "role": contact.role,
        "my_name": settings.my_name,
        "signature": settings.signature or settings.my_name,
        "pitch": settings.pitch,
    }


def _common_missing(contact: Contact, settings: Settings) -> list[str]:
    missing = []
    if not settings.my_name:
        missing.append("your name (Settings)")
    if not contact.email:
        missing.append(f"{first_name(contact)}'s email address")
    return missing


def _names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _strip_end(text: str) -> str:
    return text.strip().rstrip(".!;:,").strip()


# -- the thank-you ---------------------------------------------------------------------------
def specific_candidates(meeting: Meeting) -> list[Candidate]:
    """Lines worth quoting: the log's insights, then the questions' answers, then the notes'
    lines of at least four words (bullets removed); each wording once."""
    found: list[Candidate] = []
    seen: set[str] = set()

    def offer(text: str, source: str, tiara: Tiara | None = None) -> None:
        line = _BULLET.sub("", text).strip()
        key = normalise(line)
        if line and key not in seen:
            seen.add(key)
            found.append(Candidate(line, source, tiara))

    for capture in meeting.log:
        if capture.kind is CaptureKind.INSIGHT:
            offer(capture.text, "insight", capture.tiara)
    for question in meeting.questions:
        if question.answer.strip():
            offer(question.answer, "answer", question.tiara)
    for line in meeting.notes.splitlines():
        words = _BULLET.sub("", line).split()
        if len(words) >= MIN_NOTE_WORDS and not line.rstrip().endswith(":"):
            offer(line, "note")
    return found


def offered_introductions(meeting: Meeting, contacts: Iterable[Contact] = ()) -> list[Introduction]:
    """The introductions offered in the call: its referral captures, named by the prospect
    each created when that contact still exists, else by the capture's text."""
    people = {c.id: c for c in contacts}
    found = []
    for capture in meeting.log:
        if capture.kind is not CaptureKind.REFERRAL:
            continue
        person = people.get(capture.contact_id or "")
        name = person.name if person else _strip_end(capture.text)
        if name:
            found.append(Introduction(name, capture.contact_id))
    return found


def when_phrase(moment: datetime | None, now: datetime) -> str:
    """'today', 'yesterday', 'on Tuesday', 'on 3 November' (for 'Thank you for your time ...')."""
    if moment is None:
        return "today"
    day = moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()
    days = (now.date() - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}"


def ahead_phrase(moment: datetime, now: datetime) -> str:
    """'later today', 'tomorrow', 'on Thursday', 'on 3 December' (a coming meeting)."""
    day = moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()
    days = (day - now.date()).days
    if days <= 0:
        return "later today"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}"


def specific_sentence(line: Candidate | str | None) -> str:
    if line is None:
        return ""
    if isinstance(line, str):
        line = Candidate(line, "note")
    text = _strip_end(_BULLET.sub("", line.text))
    if not text:
        return ""
    what = _APPRECIATED.get(line.tiara, "what you said") if line.tiara else "what you said"
    return f'I especially appreciated {what}: "{text}".'


def introduction_sentence(introductions: Sequence[Introduction]) -> str:
    if not introductions:
        return ""
    names = _names([i.name for i in introductions])
    return (
        f"Thank you also for offering to introduce me to {names}; I'll write to them this week.\n\n"
    )


def thank_you_draft(
    contact: Contact,
    meeting: Meeting | None,
    settings: Settings,
    now: datetime,
    *,
    specific: Candidate | str | None = None,
    introductions: Sequence[Introduction] | None = None,
) -> Draft:
    """The thank-you from `settings.thank_you_template`. `introductions` default to the
    meeting's referral captures (pass `offered_introductions(meeting, contacts)` for names
    taken from the prospects they created)."""
    if introductions is None:
        introductions = offered_introductions(meeting) if meeting else []
    held = (meeting.ended_at or meeting.when) if meeting else None
    values = _common(contact, settings) | {
        "when": when_phrase(held, now),
        "specific": specific_sentence(specific),
        "introduction": introduction_sentence(introductions),
    }
    missing = _common_missing(contact, settings)
    if not values["specific"]:
        missing.insert(0, "a specific line from your notes")
    body = _tidy(fill(settings.thank_you_template, values))
    return Draft(contact.email, THANK_YOU_SUBJECT, body, missing)


def _tidy(body: str) -> str:
    """An empty placeholder leaves a double space or a line of spaces: take them out."""
    lines = [re.sub(r"(?<=\S) {2,}(?=\S)", " ", line).rstrip() for line in body.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def thank_you_reminder(
    reminders: Iterable[Reminder], contact_id: str, meeting_id: str | None = None
) -> Reminder | None:
    """The contact's open thank-you reminder (the one for `meeting_id` when there are several)."""
    open_ones = [
        r
        for r in reminders
        if r.is_open and r.kind is ReminderKind.THANK_YOU and r.contact_id == contact_id
    ]
    for reminder in open_ones:
        if meeting_id is not None and reminder.meeting_id == meeting_id:
            return reminder
    return min(open_ones, key=lambda r: r.due) if open_ones else None


def thank_you_countdown(
    now: datetime,
    reminder: Reminder | None = None,
    meeting: Meeting | None = None,
    settings: Settings | None = None,
) -> Countdown | None:
    """Time left of the 24 hours: to the thank-you reminder's due time (a snooze does not move
    the promise), else to the meeting's end plus `settings.thank_you_hours`; None if neither."""
    if reminder is not None:
        due = reminder.due
    elif meeting is not None and meeting.ended_at is not None:
        due = meeting.ended_at + timedelta(hours=(settings or Settings()).thank_you_hours)
    else:
        return None
    return Countdown(due, due - now)


# -- the keep-in-touch check-in ----------------------------------------------------------------
def check_in_candidates(
    contact: Contact,
    contacts: Iterable[Contact],
    meetings: Iterable[Meeting],
    now: datetime,
) -> list[Candidate]:
    """Sentences telling them what came of their help: each person they introduced (where
    that conversation stands), then their advice and resources captured in meetings. After a
    recent job change (domain.jobs), the congratulations come first."""
    all_meetings = list(meetings)
    found: list[Candidate] = []
    congratulations = congratulations_line(contact, now)
    if congratulations:
        found.append(Candidate(congratulations, "congratulations"))
    for person in contacts:
        if person.referred_by != contact.id or person.archived:
            continue
        sentence = _introduction_outcome(person, all_meetings, now)
        if sentence:
            found.append(Candidate(sentence, "introduction", contact_id=person.id))
    tried = [
        Candidate(tried_sentence(capture), capture.tiara.value, capture.tiara)
        for _, _, capture in advice_captures(all_meetings, contact.id)
        if capture.tried_at is not None and capture.tiara is not None
    ]
    # What came of their advice is the best reason to write: it comes first.
    found = tried + found
    for meeting in all_meetings:
        if meeting.contact_id != contact.id:
            continue
        for capture in meeting.log:
            if capture.kind is not CaptureKind.INSIGHT or capture.tried_at is not None:
                continue
            text = _strip_end(capture.text)
            if capture.tiara is Tiara.ADVICE:
                found.append(
                    Candidate(f'I took your advice to heart: "{text}".', "advice", capture.tiara)
                )
            elif capture.tiara is Tiara.RESOURCES:
                found.append(
                    Candidate(
                        f'I followed up on what you recommended: "{text}".',
                        "resource",
                        capture.tiara,
                    )
                )
    return found


ADVICE_TIARA = (Tiara.ADVICE, Tiara.RESOURCES)


def advice_captures(
    meetings: Iterable[Meeting], contact_id: str
) -> list[tuple[Meeting, int, Capture]]:
    """The contact's advice and resources captured in calls (TIARA A and R), oldest first,
    each with its meeting and its place in the meeting's log."""
    found = []
    for meeting in meetings:
        if meeting.contact_id != contact_id:
            continue
        for index, capture in enumerate(meeting.log):
            if capture.kind is CaptureKind.INSIGHT and capture.tiara in ADVICE_TIARA:
                found.append((meeting, index, capture))
    return sorted(found, key=lambda found: found[2].at)


def tried_sentence(capture: Capture) -> str:
    """What I did with their advice or resource, for the check-in."""
    text = _strip_end(capture.text)
    outcome = _strip_end(capture.outcome)
    if capture.tiara is Tiara.RESOURCES:
        start = f'I followed up on the resource you recommended ("{text}")'
    else:
        start = f'I tried your advice ("{text}")'
    if not outcome:
        return start + "."
    return f"{start}: {outcome}."


def _introduction_outcome(person: Contact, meetings: Sequence[Meeting], now: datetime) -> str:
    theirs = [m for m in meetings if m.contact_id == person.id]
    held = [m for m in theirs if m.ended_at is not None]
    upcoming = [m for m in theirs if m.ended_at is None and m.when is not None and m.when > now]
    if held or person.stage.order >= Stage.INTERVIEWED.order:
        last = max((m.ended_at for m in held if m.ended_at), default=None)
        when = f" {when_phrase(last, now)}" if last else ""
        return f"I spoke with {person.name}{when}, thanks to your introduction, and it was very helpful."
    if person.stage is Stage.SCHEDULED or upcoming:
        soon = min((m.when for m in upcoming if m.when), default=None)
        when = ahead_phrase(soon, now) if soon else "soon"
        return f"Thanks to your introduction, I'm meeting {person.name} {when}."
    if person.stage is Stage.REACHED_OUT:
        return f"I've written to {person.name}, as you suggested."
    return f"I'm about to write to {person.name}, as you suggested."


def check_in_draft(
    contact: Contact,
    settings: Settings,
    *,
    update: str = "",
    outcome: Candidate | str | None = None,
) -> Draft:
    """The check-in from `settings.check_in_template`: `update` is the user's news; `outcome`
    (a picked `check_in_candidates` line, or typed) goes in `{outcome}` when the template has
    one, else it follows the update."""
    news = update.strip()
    told = (outcome.text if isinstance(outcome, Candidate) else (outcome or "")).strip()
    if news and news[-1] not in ".!?":
        news += "."
    typed = bool(news)
    if not typed:
        news = NEWS_BLANK  # shows where the news goes; the draft is not ready without it
    values = _common(contact, settings) | {"outcome": told}
    has_outcome = "{outcome}" in settings.check_in_template
    values["update"] = news if has_outcome else " ".join(p for p in (news, told) if p)
    missing = _common_missing(contact, settings)
    if not typed:
        missing.insert(0, "your update")
    body = _tidy(fill(settings.check_in_template, values))
    return Draft(contact.email, CHECK_IN_SUBJECT, body, missing)
