"""Checks on the questions picked for a meeting: TIARA coverage, basic questions, job requests.

Also the free-text check for a question the user types ("Are you hiring?" is flagged, "What
do hiring managers look for?" is not) and the marks on questions already asked of this
person in an earlier meeting. Pure functions; the prep screen shows what they return.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .models import BankQuestion, Meeting, MeetingQuestion, Tiara


class WarningKind(str, Enum):
    NO_QUESTIONS = "no-questions"
    MISSING_TIARA = "missing-tiara"
    JOB_REQUEST = "job-request"
    BASIC = "basic"
    DUPLICATE = "duplicate"
    TOO_MANY = "too-many"
    ASKED_BEFORE = "asked-before"


class Severity(str, Enum):
    """How much a warning matters, most serious first: the screen picks a colour from it."""

    AVOID = "avoid"  # would spoil the meeting: asking for a job
    WARNING = "warning"  # worth fixing: a basic question, the same question twice
    ADVICE = "advice"  # the plan could be better: a TIARA category empty, too many questions
    NOTE = "note"  # for information: asked in an earlier meeting

    @property
    def order(self) -> int:
        return list(Severity).index(self)


_SEVERITY = {
    WarningKind.JOB_REQUEST: Severity.AVOID,
    WarningKind.BASIC: Severity.WARNING,
    WarningKind.DUPLICATE: Severity.WARNING,
    WarningKind.NO_QUESTIONS: Severity.ADVICE,
    WarningKind.MISSING_TIARA: Severity.ADVICE,
    WarningKind.TOO_MANY: Severity.ADVICE,
    WarningKind.ASKED_BEFORE: Severity.NOTE,
}

# What a question of each category gets you, for "No Trends question yet (...)".
TIARA_HINTS = {
    Tiara.TRENDS: "where the field is heading",
    Tiara.INSIGHTS: "what the work is really like",
    Tiara.ADVICE: "what they would do in your place",
    Tiara.RESOURCES: "who else to talk to, what to read",
    Tiara.ASSIGNMENTS: "something to do before you next speak",
}

# About one question every three minutes leaves room for answers and follow-ups.
MINUTES_PER_QUESTION = 3


@dataclass(frozen=True)
class SelectionWarning:
    """One thing to look at in a meeting's questions, said in one line."""

    kind: WarningKind
    message: str
    index: int | None = None  # position in the meeting's question list; None for the whole list
    tiara: Tiara | None = None  # the missing category, for MISSING_TIARA
    words: str = ""  # the words that triggered it, as typed

    @property
    def severity(self) -> Severity:
        return _SEVERITY[self.kind]


@dataclass(frozen=True)
class TextFlags:
    """What the free-text check found in a question: the offending words, or ''."""

    basic: str = ""
    job_request: str = ""

    @property
    def flagged(self) -> bool:
        return bool(self.basic or self.job_request)


@dataclass(frozen=True)
class PastAsk:
    """A question asked of this person in an earlier meeting."""

    meeting_id: str
    when: datetime | None
    answer: str


# -- normalising --------------------------------------------------------------------------
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_question(text: str) -> str:
    """A key for 'the same question': any case, spacing, punctuation or apostrophe style.

    "What's new?" and "whats   NEW" give the same key; the key of a key is itself.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    folded = unicodedata.normalize("NFKC", folded).replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


# -- the free-text check ------------------------------------------------------------------
_JOB_NOUNS = r"(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?|spots?)"
_JOB_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bhiring\b(?!\s+(?:managers?|committees?|panels?)\b)",
        r"\b(?:hire|employ) me\b",
        r"\b(?:would|could|will|can|might) (?:you|they|your (?:company|team)) (?:ever )?(?:hire|employ|take on)\b",
        r"\b(?<!eye-)(?<!eye )openings\b",
        r"\b(?:an?|any|job|new|open|the) opening\b",
        r"\bvacanc(?:y|ies)\b",
        r"\b(?:open|available|vacant|unfilled|current) " + _JOB_NOUNS + r"\b",
        r"\b(?:jobs?|positions?|openings?) (?:available|open)\b",
        r"\bany (?:jobs?|positions?|openings?|internships?)\b",
        _JOB_NOUNS + r" (?:available )?for (?:me|someone like me)\b",
        r"\bjob (?:offers?|applications?)\b",
        r"\b(?:get|give|find|offer) me (?:a |an )?(?:job|position|role|internship|interview|offer)\b",
        r"\b(?:looking for|need|want|seeking|get) a job\b",
        r"\b(?:is|are) there (?:a |an )?(?:jobs?|positions?|internships?)\b",
        r"\ba job (?:at|with|on|in) (?:your|the|this)\b",
        r"\brefer me\b(?!\s+to\s+(?:someone|anyone|somebody|anybody|others?|other people|people|colleagues?|a colleague|a friend|a few|one|two|an?\s+\w+\s+(?:who|that)))",
        r"\b(?:employee|job|internal) referral\b",
        r"\breferral for (?:a|an|the|this|that) (?:jobs?|roles?|positions?|openings?)\b",
        r"\bmy (?:resume|résumé|cv)\b",
        r"\bput in a good word\b",
        r"\b(?:can|could|may|might) i (?:come )?work (?:for|with) you\b",
        r"\bapply (?:for|to|at) (?:a |an |the |this |your )?(?:jobs?|positions?|openings?|company|team|firm)\b",
        r"\b(?:get|land) (?:me )?an? (?:job )?interview\b",
    )
]

_BASIC_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        r"what (?:exactly |actually )?do you (?:actually |really )?do(?: for (?:a living|work)| at work| at \w+| there| in your (?:job|role)| exactly)?",
        r"(?:(?:can|could|would) you )?(?:tell me|explain|describe) (?:about )?what (?:you do|your (?:company|firm|team|organi[sz]ation) does)(?: there)?",
        r"what(?: is|s) your (?:current )?(?:job title|title|job|role|position)",
        r"where do you work",
        r"what (?:company|firm|organi[sz]ation) do you work (?:for|at)",
        r"what (?:does|do) (?:your|the) (?:company|firm|organi[sz]ation|employer|business|startup|agency) do",
        r"how long have you (?:worked|been) (?:there|here|at \w+(?: \w+)?|with (?:the|your) (?:company|firm|team)|in your (?:current )?(?:role|job|position)|doing (?:this|that))",
        r"what (?:products?|services?) does (?:your|the) (?:company|firm|business) (?:make|sell|offer|provide)",
        r"who are (?:your|the) (?:companys )?(?:customers|clients|competitors)",
        r"where did you (?:go to (?:school|college|university)|study|graduate(?: from)?)",
        r"what did you study(?: at (?:school|college|university))?",
        r"how (?:big|large) is (?:your|the) (?:company|firm|organi[sz]ation)",
        r"how many (?:people|employees|staff) (?:work (?:there|at (?:your|the) company)|does (?:your|the) company have)",
        r"who (?:founded|owns|runs|started) (?:your|the) (?:company|firm|business)",
        r"what(?: is|s) (?:your|the) (?:companys )?mission",
        r"what industry (?:are you|is your company) in",
    )
]
_LEAD_INS = re.compile(
    r"^(?:so |and |ok |okay |first |to start |quick question |i was wondering |i wonder )+"
)


def question_flags(text: str, *, company: str = "") -> TextFlags:
    """Whether a typed question is a basic one research should answer, or asks for a job.

    `company` (the contact's company) also catches "What does Acme do?".
    """
    typed = text.translate(_APOSTROPHES)
    job = ""
    for pattern in _JOB_PATTERNS:
        if match := pattern.search(typed):
            job = match.group(0)
            break
    basic = ""
    for sentence in re.split(r"[?!.;]+", typed):
        key = _LEAD_INS.sub("", normalize_question(sentence))
        if not key:
            continue
        if any(p.fullmatch(key) for p in _BASIC_PATTERNS) or _asks_what_company_does(key, company):
            basic = sentence.strip()
            break
    return TextFlags(basic=basic, job_request=job)


def _asks_what_company_does(key: str, company: str) -> bool:
    name = normalize_question(company)
    if not name:
        return False
    first = name.split()[0]
    return any(key == f"what does {n} do" for n in {name, first})


def check_question_text(text: str, *, company: str = "") -> list[SelectionWarning]:
    """The warnings for one question typed by the user (empty when it is a good one)."""
    flags = question_flags(text, company=company)
    return _text_warnings(text, flags, None)


def flag_question(question: BankQuestion, *, company: str = "") -> BankQuestion:
    """Set the question's basic/job_request flags from its text (never clears a flag); returns it."""
    flags = question_flags(question.text, company=company)
    question.basic = question.basic or bool(flags.basic)
    question.job_request = question.job_request or bool(flags.job_request)
    return question


def _short(text: str, limit: int = 48) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


def _text_warnings(text: str, flags: TextFlags, index: int | None) -> list[SelectionWarning]:
    found = []
    if flags.job_request:
        found.append(
            SelectionWarning(
                kind=WarningKind.JOB_REQUEST,
                index=index,
                words=flags.job_request,
                message=f"“{_short(text)}” asks for a job: it turns the talk into a job "
                "interview. Ask for their advice instead.",
            )
        )
    if flags.basic:
        found.append(
            SelectionWarning(
                kind=WarningKind.BASIC,
                index=index,
                words=flags.basic,
                message=f"“{_short(text)}” is one your research should answer (their profile, "
                "the company's website). Ask something only they can tell you.",
            )
        )
    return found


# -- earlier meetings ---------------------------------------------------------------------
def earlier_meetings(meetings: Iterable[Meeting], current: Meeting) -> list[Meeting]:
    """The other meetings with the same person that came before `current` (or were held)."""
    found = []
    for meeting in meetings:
        if meeting.id == current.id or meeting.contact_id != current.contact_id:
            continue
        later = (
            meeting.when is not None and current.when is not None and meeting.when > current.when
        )
        if meeting.held or not later:
            found.append(meeting)
    return found


def asked_before(
    questions: Sequence[MeetingQuestion], earlier: Iterable[Meeting]
) -> list[PastAsk | None]:
    """For each question, when it was asked of this person before (by bank id or same text).

    A question counts as asked when it was ticked as asked or has an answer; merely planned
    in an earlier meeting does not count. The latest earlier ask wins.
    """
    by_id: dict[str, PastAsk] = {}
    by_text: dict[str, PastAsk] = {}
    dated = sorted(earlier, key=lambda m: (m.when is not None, m.when or datetime.min))
    for meeting in dated:
        for past in meeting.questions:
            if not (past.asked or past.answer.strip()):
                continue
            ask = PastAsk(meeting_id=meeting.id, when=meeting.when, answer=past.answer.strip())
            if past.bank_id:
                by_id[past.bank_id] = ask
            by_text[normalize_question(past.text)] = ask
    marks: list[PastAsk | None] = []
    for question in questions:
        mark = by_id.get(question.bank_id) if question.bank_id else None
        marks.append(mark or by_text.get(normalize_question(question.text)))
    return marks


# -- the whole selection ------------------------------------------------------------------
def category_of(question: MeetingQuestion, bank: dict[str, BankQuestion]) -> Tiara | None:
    """The question's TIARA category: its own, or its bank question's."""
    if question.tiara is not None:
        return question.tiara
    source = bank.get(question.bank_id) if question.bank_id else None
    return source.tiara if source else None


def covered_categories(
    questions: Iterable[MeetingQuestion], bank: Iterable[BankQuestion]
) -> set[Tiara]:
    index = {q.id: q for q in bank}
    return {t for q in questions if (t := category_of(q, index)) is not None}


def check_selection(
    questions: Sequence[MeetingQuestion],
    bank: Iterable[BankQuestion],
    earlier_meetings: Iterable[Meeting] = (),
    *,
    company: str = "",
    duration_min: int | None = None,
) -> list[SelectionWarning]:
    """Everything worth a look in the questions chosen for a meeting, most serious first.

    - a TIARA category with no question (or no question at all);
    - a basic question research should answer, or a job request (from the bank's flags when
      the text is the bank's, and from the free-text check always);
    - the same question twice;
    - more questions than fit the meeting (about one every three minutes), if `duration_min`;
    - a question already asked of this person in an earlier meeting (with its answer).
    `earlier_meetings` is what `earlier_meetings(repo.meetings(contact_id), meeting)` returns.
    """
    index = {q.id: q for q in bank}
    found: list[SelectionWarning] = []
    if not questions:
        found.append(
            SelectionWarning(
                kind=WarningKind.NO_QUESTIONS,
                message="No questions chosen yet: pick one per TIARA category "
                "(Trends, Insights, Advice, Resources, Assignments).",
            )
        )
    else:
        covered = {t for q in questions if (t := category_of(q, index)) is not None}
        for tiara in Tiara:
            if tiara not in covered:
                found.append(
                    SelectionWarning(
                        kind=WarningKind.MISSING_TIARA,
                        tiara=tiara,
                        message=f"No {tiara.label} question yet ({TIARA_HINTS[tiara]}).",
                    )
                )
    if duration_min and len(questions) > max(3, duration_min // MINUTES_PER_QUESTION):
        fit = max(3, duration_min // MINUTES_PER_QUESTION)
        found.append(
            SelectionWarning(
                kind=WarningKind.TOO_MANY,
                message=f"{len(questions)} questions for {duration_min} minutes: about {fit} "
                "fit. Put the ones that matter most first.",
            )
        )
    seen: dict[str, int] = {}
    for position, question in enumerate(questions):
        flags = question_flags(question.text, company=company)
        source = index.get(question.bank_id) if question.bank_id else None
        if source is not None and normalize_question(source.text) == normalize_question(
            question.text
        ):
            flags = TextFlags(
                basic=flags.basic or (question.text if source.basic else ""),
                job_request=flags.job_request or (question.text if source.job_request else ""),
            )
        found.extend(_text_warnings(question.text, flags, position))
        key = normalize_question(question.text)
        if key in seen:
            found.append(
                SelectionWarning(
                    kind=WarningKind.DUPLICATE,
                    index=position,
                    message=f"“{_short(question.text)}” is already question {seen[key] + 1}.",
                )
            )
        else:
            seen[key] = position
    for position, past in enumerate(asked_before(questions, earlier_meetings)):
        if past is None:
            continue
        when = f"on {past.when:%d %b %Y}" if past.when else "in an earlier meeting"
        answer = f": “{_short(past.answer, 60)}”" if past.answer else ""
        found.append(
            SelectionWarning(
                kind=WarningKind.ASKED_BEFORE,
                index=position,
                message=f"Already asked {when}{answer}",
            )
        )
    return sorted(found, key=lambda w: (w.severity.order, -1 if w.index is None else w.index))
