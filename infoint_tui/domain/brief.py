"""The brief: one meeting's prep as plain data for a last look, and as Markdown for export.

`build_brief` gathers who, when and where, objectives, questions, the ask, my introduction,
what is still unchecked and the research notes; the brief screen lays it out and
`brief_markdown` writes it as a Markdown page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .dates import format_when
from .markdown_text import block_line, inline
from .models import BankQuestion, Contact, Meeting, Settings
from .prep import (
    introduction_text,
    is_applicable,
    is_done,
    objective_lines,
    place_label,
    readiness_report,
    who_pays,
)
from .question_checks import (
    MINUTES_PER_QUESTION,
    WarningKind,
    asked_before,
    category_of,
    check_selection,
)

# What the brief says beside a question the checker flags (prep shows the full message).
QUESTION_WARNINGS = {
    WarningKind.JOB_REQUEST: "asks for a job",
    WarningKind.BASIC: "research answers it",
    WarningKind.DUPLICATE: "asked twice",
}

# Beside an ask prep has not confirmed, so the brief and prep agree that it is still to do.
ASK_IS_DEFAULT = "Settings' default: confirm it in prep"

SOURCE_WORDS = {
    "referral": "a referral",
    "cold": "cold outreach",
    "event": "an event",
    "alumni": "the alumni network",
    "friends & family": "friends and family",
    "linkedin": "LinkedIn",
    "other": "another way",
}


@dataclass(frozen=True)
class BriefQuestion:
    number: int  # 1-based, in the order I mean to ask
    text: str
    tiara: str  # "Trends", or "" when the question has no category
    letter: str  # "T", "I", "A", "R", "As", or ""
    asked_before: str  # "asked on 03 Nov 2026", or ""
    warning: str = ""  # what the question checker says of it: "asks for a job", or ""


@dataclass(frozen=True)
class Brief:
    """Everything for the last look before a meeting, as text ready to show."""

    meeting_id: str
    contact_id: str
    # who
    name: str
    role: str
    company: str
    role_at_company: str
    industry: str
    focus: str  # "Their path", "The industry", "The company", or ""
    how_found: str  # "a referral", "LinkedIn", or ""
    referred_by: str  # the referrer's name, or ""
    # when and where
    when: datetime | None
    when_text: str  # "tomorrow 10:30" relative to now, or "not set"
    date_text: str  # "Thursday 19 November 2026, 10:30-11:00 CET", or "Date and time not set"
    duration_min: int
    medium: str  # "Coffee", "Video", ...
    place: str  # "Coffee at Blue Door Café"
    who_pays: str  # "I pay", or a warning for coffee, or ""
    # the plan
    objectives: tuple[str, ...]
    questions: tuple[BriefQuestion, ...]
    ask: str
    ask_is_default: bool  # Settings' default ask, never confirmed in prep
    introduction: str
    introduction_from_pitch: bool
    unchecked: tuple[str, ...]  # checklist items not done
    missing: tuple[str, ...]  # details not filled in: "no date and time", "no ask"
    readiness_percent: int
    research_person: str
    research_company: str
    phone: str = ""  # their number, for when I am running late
    held: bool = False  # the meeting already took place (a brief read afterwards)
    questions_note: str = ""  # "8 questions for 20 minutes: about 6 fit", or ""
    day_text: str = ""  # "Thu 19 Nov, 10:30-10:50" in my time zone, or ""


def build_brief(
    meeting: Meeting,
    contact: Contact,
    settings: Settings,
    *,
    now: datetime,
    referrer: Contact | None = None,
    bank: Iterable[BankQuestion] = (),
    earlier_meetings: Iterable[Meeting] = (),
) -> Brief:
    """The brief of `meeting` with `contact`.

    `referrer` is the contact who introduced them (`repo.contact(contact.referred_by)`),
    `bank` fills in the TIARA category of questions picked from it, and `earlier_meetings`
    (see `question_checks.earlier_meetings`) marks questions already asked of this person.
    """
    index = {q.id: q for q in bank}
    earlier = list(earlier_meetings)
    past = asked_before(meeting.questions, earlier)
    checked = check_selection(
        meeting.questions,
        index.values(),
        earlier,
        company=contact.company,
        duration_min=meeting.duration_min,
    )
    warnings = {
        w.index: QUESTION_WARNINGS[w.kind]
        for w in reversed(checked)  # the most serious last: it wins
        if w.index is not None and w.kind in QUESTION_WARNINGS
    }
    too_many = next((w for w in checked if w.kind is WarningKind.TOO_MANY), None)
    questions = []
    for number, (question, ask) in enumerate(zip(meeting.questions, past, strict=True), 1):
        tiara = category_of(question, index)
        questions.append(
            BriefQuestion(
                number=number,
                text=question.text,
                tiara=tiara.label if tiara else "",
                letter=tiara.letter if tiara else "",
                asked_before=_asked_words(ask.when if ask else None, ask is not None),
                warning=warnings.get(number - 1, ""),
            )
        )
    introduction = introduction_text(meeting, settings)
    report = readiness_report(meeting, contact=contact, settings=settings, now=now)
    unchecked = tuple(
        item.text
        for item in meeting.checklist
        if not is_done(item, meeting) and is_applicable(item, meeting)
    )
    return Brief(
        meeting_id=meeting.id,
        contact_id=contact.id,
        name=contact.name,
        role=contact.role,
        company=contact.company,
        role_at_company=contact.role_at_company,
        industry=contact.industry,
        focus=contact.focus.label if contact.focus else "",
        how_found=SOURCE_WORDS.get(contact.source.strip().lower(), contact.source.strip()),
        referred_by=referrer.name if referrer else "",
        when=meeting.when,
        when_text=format_when(meeting.when, now) if meeting.when else "not set",
        date_text=_date_text(meeting, now),
        day_text=_day_text(meeting, now),
        duration_min=meeting.duration_min,
        medium=meeting.medium.label,
        place=place_label(meeting),
        who_pays=who_pays(meeting),
        objectives=tuple(objective_lines(meeting)),
        questions=tuple(questions),
        ask=meeting.ask.strip(),
        ask_is_default=_ask_is_default(meeting, settings),
        introduction=introduction,
        introduction_from_pitch=bool(introduction) and not meeting.introduction.strip(),
        unchecked=unchecked,
        missing=report.gaps,
        readiness_percent=report.percent,
        research_person=contact.research_person.strip(),
        research_company=contact.research_company.strip(),
        phone=contact.phone.strip(),
        held=meeting.held,
        questions_note=(
            f"{len(meeting.questions)} for {meeting.duration_min} minutes: about "
            f"{max(3, meeting.duration_min // MINUTES_PER_QUESTION)} fit"
            if too_many
            else ""
        ),
    )


def _ask_is_default(meeting: Meeting, settings: Settings) -> bool:
    """The ask a new meeting starts with (Settings' default), not yet confirmed: prep lists
    "the ask" as missing until its checklist item is ticked or the ask is written."""
    ask = next((item for item in meeting.checklist if item.key == "ask"), None)
    return (
        bool(meeting.ask.strip())
        and meeting.ask.strip() == settings.default_ask.strip()
        and ask is not None
        and not ask.done
    )


def _asked_words(when: datetime | None, asked: bool) -> str:
    if not asked:
        return ""
    return f"asked on {when:%d %b %Y}" if when else "asked before"


def _date_text(meeting: Meeting, now: datetime) -> str:
    """The full date in my time zone (a time read back from the file only knows its offset,
    so its zone is shown as "UTC+01:00" unless converted)."""
    if meeting.when is None:
        return "Date and time not set"
    when = meeting.when.astimezone(now.tzinfo) if now.tzinfo else meeting.when
    end = when + timedelta(minutes=meeting.duration_min)
    zone = when.tzname() or ""
    return f"{when:%A} {when.day} {when:%B %Y}, {when:%H:%M}-{end:%H:%M} {zone}".strip()


def _day_text(meeting: Meeting, now: datetime) -> str:
    if meeting.when is None:
        return ""
    when = meeting.when.astimezone(now.tzinfo) if now.tzinfo else meeting.when
    end = when + timedelta(minutes=meeting.duration_min)
    return f"{when:%a} {when.day} {when:%b}, {when:%H:%M}-{end:%H:%M}"


def brief_filename(name: str) -> str:
    """The export's file name: "Tomás Herrera" gives "tomas-herrera-brief.md"."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return f"{slug or 'meeting'}-brief.md"


def who_line(brief: Brief) -> str:
    """How I know of them, in one line: "Found through a referral · referred by Ruth Abebe"."""
    parts = []
    if brief.how_found:
        parts.append(f"Found through {brief.how_found}")
    if brief.referred_by:
        parts.append(f"referred by {brief.referred_by}")
    return " · ".join(parts)


def brief_markdown(brief: Brief) -> str:
    """The brief as a Markdown page (for `export markdown` and the brief screen's export).
    What the user or an import wrote is escaped: it reads as typed, never as markup."""
    lines = [f"# Brief: {inline(brief.name)}", ""]
    if brief.role_at_company:
        headline = f"**{inline(brief.role_at_company)}**"
        if brief.industry:
            headline += f" · {inline(brief.industry)}"
        lines += [headline, ""]
    about = [line for line in (inline(who_line(brief)), _focus_line(brief)) if line]
    lines += [*(f"- {line}" for line in about), *([""] if about else [])]

    lines += ["## When and where", "", f"- {brief.date_text}"]
    if brief.when is not None:
        lines.append(f"- {brief.duration_min} minutes")
    lines.append(f"- {inline(brief.place)}")
    if brief.who_pays:
        lines.append(f"- {inline(brief.who_pays)}")
    if brief.phone:
        lines.append(f"- Their phone: {inline(brief.phone)}")
    lines.append("")

    lines += _section("My objectives", [f"- {inline(o)}" for o in brief.objectives])
    lines += _section(
        "My questions" + (f" ({brief.questions_note})" if brief.questions_note else ""),
        [
            f"{q.number}. {f'[{q.letter}] ' if q.letter else ''}{inline(q.text)}"
            + (f" _({inline(q.asked_before)})_" if q.asked_before else "")
            + (f" **✗ {inline(q.warning)}**" if q.warning else "")
            for q in brief.questions
        ],
    )
    ask = _block(brief.ask)
    if ask and brief.ask_is_default:
        ask[-1] += f"  _({ASK_IS_DEFAULT})_"
    lines += _section("The ask", ask)
    intro = _block(brief.introduction)
    if intro and brief.introduction_from_pitch:
        intro[-1] += "  _(my pitch from Settings)_"
    lines += _section("My introduction", intro)
    still = [f"- [ ] {inline(text)}" for text in brief.unchecked]
    still += [f"- {inline(m)}" for m in brief.missing]
    if still:
        lines += _section(f"Still to do ({brief.readiness_percent}% ready)", still)
    if brief.research_person:
        lines += _section(f"Research: {inline(brief.name)}", _block(brief.research_person))
    if brief.research_company:
        company = inline(brief.company)
        title = f"Research: {company}" if company else "Research: the company"
        lines += _section(title, _block(brief.research_company))
    return "\n".join(lines).rstrip() + "\n"


def _block(text: str) -> list[str]:
    """Free text as the lines of a paragraph, none of which can open a heading or HTML."""
    return [block_line(line) for line in text.splitlines()] if text.strip() else []


def _focus_line(brief: Brief) -> str:
    return f"Interview focus: {brief.focus.lower()}" if brief.focus else ""


def _section(title: str, body: list[str]) -> list[str]:
    return [f"## {title}", "", *(body or ["_(none yet)_"]), ""]
