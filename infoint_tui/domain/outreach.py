"""The outreach request: a draft from my template, the rules of a good request, the day to send.

The rules come from the method (spec and seeds): say first how I know of them; stay under
100 words so it reads on a phone without scrolling; never mention jobs, openings or a
resume; show a broad interest (their path, the field) rather than their company's vacancies;
ask for a short meeting (15-30 minutes) that is easy to say yes to; keep the follow-up in my
hands ("I'll follow up next week", not "let me know"). Each rule is a pure function of the
text that says pass or fail in one line and points at the words at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import Enum
from typing import NamedTuple

from . import request_words as vocab
from .models import Contact, Settings

MAX_WORDS = 100  # a request must stay under this
LONGEST_ASK_MIN = 30  # the longest meeting worth asking a stranger for


class RequestRule(str, Enum):
    CONNECTION_FIRST = "connection-first"
    UNDER_100_WORDS = "under-100-words"
    NO_JOBS = "no-jobs"
    BROAD_INTEREST = "broad-interest"
    SHORT_MEETING = "short-meeting"
    MY_FOLLOW_UP = "my-follow-up"
    FILLED_IN = "filled-in"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    RequestRule.CONNECTION_FIRST: "The connection first",
    RequestRule.UNDER_100_WORDS: "Under 100 words",
    RequestRule.NO_JOBS: "No jobs, openings or resume",
    RequestRule.BROAD_INTEREST: "A broad interest",
    RequestRule.SHORT_MEETING: "A short, easy meeting",
    RequestRule.MY_FOLLOW_UP: "The follow-up is mine",
    RequestRule.FILLED_IN: "No blanks left",
}


@dataclass(frozen=True)
class Hit:
    """Words in the text that a rule points at, with their place (offsets into the text)."""

    text: str
    start: int
    end: int


def location_of(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as a TextArea selection wants it."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


@dataclass(frozen=True)
class RuleResult:
    rule: RequestRule
    passed: bool
    explanation: str  # one line, saying why and how to fix it
    hits: tuple[Hit, ...] = ()  # the offending words, where relevant

    @property
    def label(self) -> str:
        return self.rule.label

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(hit.text for hit in self.hits)


@dataclass(frozen=True)
class RequestCheck:
    """Every rule's result for one request, in the order the screen lists them."""

    results: tuple[RuleResult, ...]
    word_count: int

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [r for r in self.results if not r.passed]

    def result(self, rule: RequestRule) -> RuleResult:
        return next(r for r in self.results if r.rule is rule)


def _rx(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def _hits(patterns: Iterable[re.Pattern[str]], text: str) -> list[Hit]:
    found: dict[tuple[int, int], Hit] = {}
    for pattern in patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.span(), Hit(match.group(0), match.start(), match.end()))
    ordered = sorted(found.values(), key=lambda h: (h.start, -h.end))
    merged: list[Hit] = []
    for hit in ordered:  # drop a hit inside an earlier, longer one
        if merged and hit.start < merged[-1].end:
            continue
        merged.append(hit)
    return merged


def _quote(hits: Iterable[Hit], limit: int = 4) -> str:
    words = list(dict.fromkeys(h.text for h in hits))
    shown = ", ".join(f"“{w}”" for w in words[:limit])
    return shown + (", …" if len(words) > limit else "")


# -- words ----------------------------------------------------------------------------------
def word_count(text: str) -> int:
    """Words as a reader counts them: "I'm", "high-school" and "20" are one word each."""
    return len(vocab.WORD.findall(text))


def check_length(text: str) -> RuleResult:
    count = word_count(text)
    if count < MAX_WORDS:
        return RuleResult(
            RequestRule.UNDER_100_WORDS,
            True,
            f"{count} words: short enough to read on a phone without scrolling.",
        )
    return RuleResult(
        RequestRule.UNDER_100_WORDS,
        False,
        f"{count} words: cut {count - MAX_WORDS + 1} to get under {MAX_WORDS}, "
        "so it reads on a phone without scrolling.",
    )


# -- the connection first -------------------------------------------------------------------
def _body_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences after the greeting, with their offsets, blank ones dropped."""
    greeting = vocab.GREETING.match(text)
    start = greeting.end() if greeting else 0
    found = []
    for match in vocab.SENTENCE_END.finditer(text, start):
        if match.group(0) == ".":
            before = text[start : match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in vocab.ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        sentence = text[start : match.end()].strip()
        if re.search(r"\w", sentence):
            found.append((start, sentence))
        start = match.end()
    rest = text[start:].strip()
    if re.search(r"\w", rest):
        found.append((start, rest))
    return found


def opening_sentence(text: str) -> str:
    """The first sentence after the greeting, skipping a pleasantry ("I hope you're well")."""
    sentences = _body_sentences(text)
    for _, sentence in sentences[:3]:
        if not vocab.PLEASANTRY.match(sentence):
            return sentence
    return sentences[0][1] if sentences else ""


def check_connection_first(text: str, referrer: Contact | None = None) -> RuleResult:
    rule = RequestRule.CONNECTION_FIRST
    first = opening_sentence(text)
    if not first:
        return RuleResult(rule, False, "Start with how you know of them: who referred you, "
                          "where you met, or their article or talk.")  # fmt: skip
    patterns = list(vocab.CONNECTION)
    if referrer is not None and referrer.name.strip():
        names = {referrer.name.strip(), referrer.name.split()[0]}
        patterns += [re.compile(rf"\b{re.escape(n)}\b", re.IGNORECASE) for n in names]
    if found := _hits(patterns, first):
        return RuleResult(rule, True, f"Opens with how you know of them ({_quote(found, 2)}).")
    if vocab.ABOUT_ME.match(first):
        explanation = ("Opens with you; start with how you know of them instead: "
                       "who referred you, where you met, or their article or talk.")  # fmt: skip
    elif referrer is not None:
        explanation = (f"Say first that {referrer.name} suggested you get in touch: "
                       "a shared connection is the best reason to answer.")  # fmt: skip
    else:
        explanation = ("The first sentence should say how you know of them: who referred you, "
                       "where you met, or their article or talk.")  # fmt: skip
    return RuleResult(rule, False, explanation)


# -- no jobs --------------------------------------------------------------------------------
def _exempt_spans(text: str, contact: Contact | None) -> list[tuple[int, int]]:
    """Where the contact's own role or company is written: "Recruiter" there is not a job word."""
    if contact is None:
        return []
    spans = []
    for value in (contact.role, contact.company):
        if value.strip():
            for match in re.finditer(re.escape(value.strip()), text, re.IGNORECASE):
                spans.append(match.span())
    return spans


def check_no_jobs(text: str, contact: Contact | None = None) -> RuleResult:
    rule = RequestRule.NO_JOBS
    exempt = _exempt_spans(text, contact)
    found = [
        h
        for h in _hits(vocab.JOB_WORDS, text)
        if not any(start <= h.start and h.end <= end for start, end in exempt)
        and not (h.text.lower() == "position" and vocab.SITUATION.search(text[: h.start]))
    ]
    if found:
        return RuleResult(
            rule,
            False,
            f"Mentions {_quote(found)}: it reads as a job request and puts them on guard. "
            "Ask for their advice and experience instead.",
            tuple(found),
        )
    return RuleResult(rule, True, "No jobs, openings or resume: it reads as a request for advice.")


# -- a broad interest -----------------------------------------------------------------------
def _company_patterns(contact: Contact | None) -> list[re.Pattern[str]]:
    if contact is None or not contact.company.strip():
        return []
    name = re.escape(contact.company.strip())
    return _rx(
        rf"\b(?:work|working|join|joining|get into|getting into|a role at|a career at|a place at)"
        rf"\s+(?:at |for |with )?{name}\b",
        rf"\b(?:roles?|positions?|openings?|opportunities|vacancies) (?:at|with|in) {name}\b",
        rf"\binterested in {name}\b",
    )


def check_broad_interest(text: str, contact: Contact | None = None) -> RuleResult:
    rule = RequestRule.BROAD_INTEREST
    narrow = _hits([*vocab.NARROW, *_company_patterns(contact)], text)
    if narrow:
        return RuleResult(
            rule,
            False,
            f"Aims at a place in their company ({_quote(narrow, 2)}); ask about their path "
            "or the field, which they can help with freely.",
            tuple(narrow),
        )
    if not _hits(vocab.BROAD, text):
        return RuleResult(
            rule,
            False,
            "Say what you want to learn: their path or the field "
            "(“I would value your advice on moving into UX research”).",
        )
    return RuleResult(
        rule, True, "Asks to learn about their path or the field, not about vacancies."
    )


# -- a short, easy meeting ------------------------------------------------------------------
def _minutes(word: str) -> int:
    return int(word) if word.isdigit() else vocab.NUMBER_WORDS[word.lower()]


def asked_minutes(text: str) -> tuple[int | None, tuple[Hit, ...]]:
    """The longest meeting the text asks for, in minutes (None when it names no length)."""
    longest: int | None = None
    hits = []
    for match in vocab.MINUTES.finditer(text):
        values = [_minutes(g) for g in match.groups() if g]
        longest = max([longest or 0, *values])
        hits.append(Hit(match.group(0), match.start(), match.end()))
    for pattern, value in vocab.OTHER_LENGTHS:
        for match in pattern.finditer(text):
            longest = max(longest or 0, value)
            hits.append(Hit(match.group(0), match.start(), match.end()))
    return longest, tuple(hits)


def check_short_meeting(text: str) -> RuleResult:
    rule = RequestRule.SHORT_MEETING
    minutes, hits = asked_minutes(text)
    if minutes is None:
        return RuleResult(
            rule,
            False,
            "Ask for a short meeting with a length: 15 to 30 minutes, a call or a coffee.",
        )
    if minutes > LONGEST_ASK_MIN:
        long_hits = tuple(h for h in hits if (asked_minutes(h.text)[0] or 0) > LONGEST_ASK_MIN)
        return RuleResult(
            rule,
            False,
            f"{_quote(long_hits or hits, 2)} is a lot to ask of someone busy; "
            "15 to 30 minutes is easier to say yes to.",
            long_hits or hits,
        )
    if not _hits(vocab.EASY, text):
        return RuleResult(
            rule,
            False,
            f"{minutes} minutes is right; make it easy to say yes: offer a call, "
            "at a time that suits them.",
        )
    return RuleResult(
        rule, True, f"Asks for {minutes} minutes, in a way that is easy to say yes to."
    )


# -- the follow-up is mine ------------------------------------------------------------------
def check_follow_up(text: str) -> RuleResult:
    rule = RequestRule.MY_FOLLOW_UP
    mine = _hits(vocab.MINE, text)
    if mine:
        return RuleResult(rule, True, f"The next step is yours ({_quote(mine, 1)}).")
    theirs = _hits(vocab.THEIRS, text)
    if theirs:
        return RuleResult(
            rule,
            False,
            f"{_quote(theirs, 2)} leaves the next step to them; say when you will "
            "follow up (“I'll follow up next week”).",
            tuple(theirs),
        )
    return RuleResult(
        rule,
        False,
        "Say when you will follow up (“I'll follow up next week”), so the next "
        "step is yours.",  # fmt: skip
    )


# -- no blanks ------------------------------------------------------------------------------
def check_filled_in(text: str) -> RuleResult:
    rule = RequestRule.FILLED_IN
    found = _hits(vocab.BLANKS, text)
    if found:
        return RuleResult(rule, False, f"Fill in {_quote(found, 3)} before sending.", tuple(found))
    return RuleResult(rule, True, "No blanks left to fill in.")


def check_request(
    text: str, *, contact: Contact | None = None, referrer: Contact | None = None
) -> RequestCheck:
    """Every rule of a good request on `text`. `contact` (the person written to) keeps their
    own role and company from counting as job words; `referrer` lets their name count as
    the connection."""
    results = (
        check_connection_first(text, referrer),
        check_length(text),
        check_no_jobs(text, contact),
        check_broad_interest(text, contact),
        check_short_meeting(text),
        check_follow_up(text),
        check_filled_in(text),
    )
    return RequestCheck(results=results, word_count=word_count(text))


# -- the day to send ------------------------------------------------------------------------
class SendAdvice(NamedTuple):
    ok: bool  # a good moment to send now
    advice: str  # one line
    next_good: datetime  # now when ok, else the next good moment (Tuesday 09:00)


SEND_HOUR = time(9, 0)


def best_send_time(now: datetime) -> SendAdvice:
    """Tuesday or Wednesday is best; Thursday morning will do. Not Monday (people are starting
    their week), not after Thursday noon (they are finishing it), and Friday is a black hole."""
    weekday = now.weekday()
    if weekday in (1, 2):
        return SendAdvice(
            True, f"{now:%A}: a good day to send (Tuesday and Wednesday are best).", now
        )
    if weekday == 3 and now.hour < 12:
        return SendAdvice(
            True,
            "Thursday morning: fine if you send before noon; after that, wait for Tuesday.",
            now,
        )
    days = (1 - weekday) % 7 or 7
    tuesday = datetime.combine(now.date() + timedelta(days=days), SEND_HOUR, tzinfo=now.tzinfo)
    reasons = {
        0: "Monday: people are busy starting their week.",
        3: "Thursday afternoon: people are busy finishing their week.",
        4: "Friday is a black hole: messages get buried over the weekend.",
        5: "The weekend: it would sit under Monday's pile.",
        6: "The weekend: it would sit under Monday's pile.",
    }
    return SendAdvice(False, f"{reasons[weekday]} Send it on Tuesday.", tuesday)


# -- the draft ------------------------------------------------------------------------------
TEMPLATE_FIELDS: dict[str, str] = {
    "first_name": "their first name",
    "name": "their full name",
    "role": "their role (or “where you are now”)",
    "company": "their company",
    "industry": "their industry",
    "connection": "how I know of them, as the opening sentence (from how I found them and who referred me)",
    "interest": "what I'm exploring: “work in” their industry (or “work like yours”)",
    "referrer": "who referred me",
    "minutes": "how long a meeting to ask for (Settings: default duration, at most 30)",
    "my_pitch": "my short introduction (Settings: pitch)",
    "my_name": "my name (Settings)",
    "signature": "my signature (Settings), or my name",
}


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """`{name}` placeholders replaced from `values`; unknown ones are left for the checker
    to point at, and stray braces never raise."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def connection_sentence(
    contact: Contact, settings: Settings, referrer: Contact | None = None
) -> str:
    """How I know of them, as an opening sentence without its full stop. Where the data
    cannot say (which event, which article), a [bracketed] blank asks me to fill it in."""
    source = contact.source.strip().lower()
    if referrer is not None and referrer.name.strip():
        return f"{referrer.name.strip()} suggested I get in touch with you"
    if source in ("referral", "friends & family"):
        return "[who referred you] suggested I get in touch with you"
    if source == "event":
        return "It was good to meet you at [event]"
    if source == "alumni":
        school = settings.school.strip() or "[school]"
        return f"As a fellow {school} graduate, I wanted to reach out"
    if source == "linkedin":
        return "I came across your profile on LinkedIn"
    return "I came across your [article, talk or post] on [topic]"


def template_values(
    contact: Contact, settings: Settings, referrer: Contact | None = None
) -> dict[str, str]:
    """What each placeholder of the outreach template stands for, for this contact."""
    parts = contact.name.split()
    minutes = min(max(settings.default_duration_min, 15), LONGEST_ASK_MIN)
    my_name = settings.my_name.strip() or "[your name]"
    return {
        "first_name": parts[0] if parts else "there",
        "name": contact.name.strip(),
        "role": contact.role.strip() or "where you are now",
        "company": contact.company.strip() or "[their company]",
        "industry": contact.industry.strip() or "your field",
        "connection": connection_sentence(contact, settings, referrer),
        "interest": f"work in {contact.industry.strip()}"
        if contact.industry.strip()
        else "work like yours",
        "referrer": referrer.name.strip() if referrer else "[who referred you]",
        "minutes": str(minutes),
        "my_pitch": settings.pitch.strip().rstrip(".") or "[who you are, in one line]",
        "my_name": my_name,
        "signature": settings.signature.strip() or my_name,
    }


def draft_outreach(contact: Contact, settings: Settings, referrer: Contact | None = None) -> str:
    """A first draft of the request from `settings.outreach_template`, filled for `contact`."""
    return fill_template(settings.outreach_template, template_values(contact, settings, referrer))
