"""The curated question bank: good informational-interview questions by TIARA and focus.

TIARA (Trends, Insights, Advice, Resources, Assignments) orders a conversation from the
field's big picture down to what I can do next. Each question says in one line what it
gets me. The bank also holds flagged examples to avoid: basic questions that research
answers ("What do you do?") and job requests ("Are you hiring?"), so the picker can show
them as what not to ask. Curated ids are stable ("q-trends-01"): meetings refer to them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .models import BankQuestion, Focus, MeetingQuestion, Tiara
from .question_checks import flag_question, normalize_question

_P, _IND, _C = Focus.PATH, Focus.INDUSTRY, Focus.COMPANY  # short names keep the table readable

# (id, tiara, focus, text, why)
_GOOD: tuple[tuple[str, Tiara, Focus, str, str], ...] = (
    # Trends: where the field is heading.
    ("q-trends-01", Tiara.TRENDS, _IND, "What changes do you see coming in this field over the next few years?", "Shows where the field is heading, so you aim where it will be."),
    ("q-trends-02", Tiara.TRENDS, _IND, "Which new tools, methods or rules are changing how the work gets done?", "Names the skills that are gaining value right now."),
    ("q-trends-03", Tiara.TRENDS, _C, "What are the biggest challenges your team is facing right now?", "The problems people there care about: the ones you could help solve."),
    ("q-trends-04", Tiara.TRENDS, _IND, "Which parts of the field are growing, and which are shrinking?", "Steers you toward corners of the field with room for newcomers."),
    ("q-trends-05", Tiara.TRENDS, _P, "How has your role changed since you started in it?", "Shows how fast the work moves and what it is turning into."),
    ("q-trends-06", Tiara.TRENDS, _C, "How is your company adapting to the changes in its industry?", "Its strategy as insiders see it, beyond the press releases."),
    ("q-trends-07", Tiara.TRENDS, _IND, "What do newcomers tend to underestimate about where this field is going?", "Corrects the outsider's picture before you act on it."),
    ("q-trends-08", Tiara.TRENDS, _C, "What is your team's focus for the coming year?", "The priorities you would walk into, and what to follow in the news."),
    # Insights: what the work is really like.
    ("q-insights-01", Tiara.INSIGHTS, _P, "What does a typical week look like for you?", "The day-to-day no job description shows: the best test of fit."),
    ("q-insights-02", Tiara.INSIGHTS, _P, "What challenges do you face in your role?", "The hard parts of the work, from someone who lives them."),
    ("q-insights-03", Tiara.INSIGHTS, _P, "What surprised you most when you started in this field?", "The gap between how the field looks from outside and how it is."),
    ("q-insights-04", Tiara.INSIGHTS, _P, "What do you enjoy most about your work, and what would you change?", "What keeps people in the field, and what wears them down."),
    ("q-insights-05", Tiara.INSIGHTS, _P, "How did you get from your first steps in this field to where you are now?", "A real path in, usually less straight than it looks on a profile."),
    ("q-insights-06", Tiara.INSIGHTS, _P, "What skills do you wish you had when you started?", "The gaps to close before you make the move."),
    ("q-insights-07", Tiara.INSIGHTS, _C, "How would you describe the culture on your team?", "The lived experience behind the values on the website."),
    ("q-insights-08", Tiara.INSIGHTS, _C, "How are decisions made on your team, and who has a say?", "How work really gets done there, and who matters in it."),
    ("q-insights-09", Tiara.INSIGHTS, _IND, "What separates people who thrive in this field from those who struggle?", "What the field really rewards, in the words of someone inside it."),
    ("q-insights-10", Tiara.INSIGHTS, _IND, "What do people outside the field most often get wrong about it?", "Clears up assumptions before they cost you a wrong turn."),
    ("q-insights-11", Tiara.INSIGHTS, _C, "What do you look for in the people you like working with most?", "What colleagues there value, beyond the list of skills."),
    ("q-insights-12", Tiara.INSIGHTS, _P, "What was the hardest decision along your path, and how did you make it?", "How they weighed a real trade-off, which helps you weigh yours."),
    # Advice: what they would do in my place.
    ("q-advice-01", Tiara.ADVICE, _P, "If you were in my position, what would you do in the next three months?", "Turns their experience into concrete next steps for you."),
    ("q-advice-02", Tiara.ADVICE, _IND, "What would make someone with my background credible in this field?", "How to translate what you already have into their language."),
    ("q-advice-03", Tiara.ADVICE, _P, "Looking back, what would you do differently if you started again?", "Lessons they paid for, free to you."),
    ("q-advice-04", Tiara.ADVICE, _IND, "How do people usually move into this field from outside it?", "The usual doors in, and which ones are closing."),
    ("q-advice-05", Tiara.ADVICE, _P, "From what you know of my background, where do you think I would fit best?", "An honest outside view of your fit, sometimes a path you hadn't seen."),
    ("q-advice-06", Tiara.ADVICE, _IND, "Which courses or certifications are worth the time, and which are not?", "Saves you months on training the field does not value."),
    ("q-advice-07", Tiara.ADVICE, _C, "What would you want a newcomer to your company to understand on day one?", "The unwritten rules of the place, from the inside."),
    ("q-advice-08", Tiara.ADVICE, _P, "What is the best career advice you have been given?", "Often the story behind their own turning point."),
    ("q-advice-09", Tiara.ADVICE, _IND, "What mistakes do career changers often make when moving into this field?", "The traps to avoid, from someone who has watched others fall in."),
    # Resources: who else to talk to, what to read, where to go.
    ("q-resources-01", Tiara.RESOURCES, _P, "Who else would you suggest I talk to?", "The ask that keeps your network growing: each talk leads to the next."),
    ("q-resources-02", Tiara.RESOURCES, _IND, "Which publications, newsletters or podcasts do you follow to stay current?", "Where insiders learn, so you can speak their language."),
    ("q-resources-03", Tiara.RESOURCES, _IND, "Which professional groups, meetups or events are worth attending?", "Places to meet the next people on your list."),
    ("q-resources-04", Tiara.RESOURCES, _IND, "What books or courses shaped how you think about your work?", "The ideas behind how they work, to read before your next talk."),
    ("q-resources-05", Tiara.RESOURCES, _C, "Who else at your company would be good to speak with?", "A second view from inside, and a warm introduction to ask for."),
    ("q-resources-06", Tiara.RESOURCES, _IND, "Which companies or teams are doing the most interesting work in this area?", "New names for your target list from someone who knows the landscape."),
    ("q-resources-07", Tiara.RESOURCES, _P, "Are there online communities where people in your role share their work?", "Where to learn in public and be seen by people in the field."),
    ("q-resources-08", Tiara.RESOURCES, _P, "Do you know anyone who made a move similar to mine?", "Someone whose path you could follow step by step."),
    # Assignments: something to do before we next speak.
    ("q-assignments-01", Tiara.ASSIGNMENTS, _P, "Is there a small project I could take on to test whether this work suits me?", "A way to try the work before committing, and something to show."),
    ("q-assignments-02", Tiara.ASSIGNMENTS, _IND, "What problem would you give a newcomer to see how they think?", "What good work looks like there, and a practice case for you."),
    ("q-assignments-03", Tiara.ASSIGNMENTS, _P, "What could I do this month to start building the skills you mentioned?", "Turns advice into a plan with a date on it."),
    ("q-assignments-04", Tiara.ASSIGNMENTS, _C, "Is there a question your team is exploring that I could look into and share my thoughts on?", "A reason to follow up with something of value to them."),
    ("q-assignments-05", Tiara.ASSIGNMENTS, _IND, "What would a strong work sample look like in this field?", "The bar to aim for in anything you make to show your skills."),
    ("q-assignments-06", Tiara.ASSIGNMENTS, _P, "May I get back to you once I have tried what you suggested?", "Sets up the next conversation, with progress to report."),
    ("q-assignments-07", Tiara.ASSIGNMENTS, _IND, "Is there a volunteer role or side project where I could practise this work?", "Experience you can start now, without waiting for an offer."),
    ("q-assignments-08", Tiara.ASSIGNMENTS, _P, "What is one thing I should try before we next speak?", "A small, specific task that shows you act on advice."),
)  # fmt: skip

# (id, focus, text, why): questions the research should answer.
_BASIC: tuple[tuple[str, Focus, str, str], ...] = (
    ("q-avoid-basic-01", _P, "What do you do?", "Their profile answers this; asking shows you did not prepare. Ask what a typical week looks like."),
    ("q-avoid-basic-02", _C, "What does your company do?", "The About page answers this. Ask what challenges the company is facing."),
    ("q-avoid-basic-03", _P, "What is your job title?", "Their profile or signature says so. Ask how their role has changed."),
    ("q-avoid-basic-04", _P, "How long have you worked there?", "Their profile shows it. Ask what changed while they were there."),
    ("q-avoid-basic-05", _C, "What products does your company sell?", "The website and press releases answer this. Ask where the company is heading."),
    ("q-avoid-basic-06", _P, "Where did you go to school?", "Their profile shows it. Ask which part of their education turned out to matter."),
)  # fmt: skip

# (id, focus, text, why): questions that ask for a job.
_JOB: tuple[tuple[str, Focus, str, str], ...] = (
    ("q-avoid-job-01", _C, "Are you hiring?", "Turns the talk into a job interview. If it goes well, you will hear about openings anyway."),
    ("q-avoid-job-02", _C, "Can you refer me for a job?", "Too much to ask of someone you have just met; a referral is earned through the relationship."),
    ("q-avoid-job-03", _C, "Are there any open positions on your team?", "The careers page answers this. Ask what the team is working on."),
    ("q-avoid-job-04", _P, "Can I send you my resume?", "Reads as a job application. If they want it, they will ask."),
    ("q-avoid-job-05", _C, "Could you put in a good word for me with the hiring manager?", "Asks them to vouch for someone they have met once. Ask who else to talk to."),
)  # fmt: skip


def curated_bank() -> list[BankQuestion]:
    """The curated questions, good ones first (in TIARA order), then the ones to avoid.

    Each call returns fresh objects, so a caller may change them freely.
    """
    good = [
        BankQuestion(id=qid, text=text, tiara=tiara, focus=focus, why=why)
        for qid, tiara, focus, text, why in _GOOD
    ]
    basic = [
        BankQuestion(id=qid, text=text, focus=focus, why=why, basic=True)
        for qid, focus, text, why in _BASIC
    ]
    jobs = [
        BankQuestion(id=qid, text=text, focus=focus, why=why, job_request=True)
        for qid, focus, text, why in _JOB
    ]
    return good + basic + jobs


CURATED_IDS: frozenset[str] = frozenset(
    [row[0] for row in _GOOD] + [row[0] for row in _BASIC] + [row[0] for row in _JOB]
)


def full_bank(custom: Iterable[BankQuestion]) -> list[BankQuestion]:
    """The curated bank followed by the user's own questions (`Repository.custom_questions()`).

    A custom question with the id of a curated one replaces it (the user reworded it).
    Custom questions are re-checked as free text, so a job request or a basic question
    is flagged even if it was saved before the check existed (copies; the input is untouched).
    """
    merged: dict[str, BankQuestion] = {q.id: q for q in curated_bank()}
    extras: list[BankQuestion] = []
    for question in custom:
        flagged = flag_question(dataclasses.replace(question, custom=True))
        if question.id in merged:
            merged[question.id] = flagged
        else:
            extras.append(flagged)
    return list(merged.values()) + extras


def bank_index(bank: Iterable[BankQuestion]) -> dict[str, BankQuestion]:
    """Questions by id."""
    return {q.id: q for q in bank}


def by_tiara(bank: Iterable[BankQuestion]) -> dict[Tiara, list[BankQuestion]]:
    """The good questions grouped by TIARA category, in TIARA order (every key present).

    Questions to avoid, and custom questions without a category, are left out: see
    `to_avoid` and `uncategorised`.
    """
    groups: dict[Tiara, list[BankQuestion]] = {tiara: [] for tiara in Tiara}
    for question in bank:
        if question.tiara is not None and not question.to_avoid:
            groups[question.tiara].append(question)
    return groups


def to_avoid(bank: Iterable[BankQuestion]) -> list[BankQuestion]:
    """The flagged questions: basic ones first, then job requests."""
    flagged = [q for q in bank if q.to_avoid]
    return sorted(flagged, key=lambda q: (not q.basic, q.job_request))


def uncategorised(bank: Iterable[BankQuestion]) -> list[BankQuestion]:
    """Good questions with no TIARA category (the user's own, typed without one)."""
    return [q for q in bank if q.tiara is None and not q.to_avoid]


def filter_bank(
    bank: Iterable[BankQuestion],
    *,
    tiara: Tiara | None = None,
    focus: Focus | None = None,
    text: str = "",
    include_avoid: bool = False,
) -> list[BankQuestion]:
    """Questions matching a category, a focus and words typed in a search box (all words, any order).

    A question with no focus suits every focus.
    """
    words = normalize_question(text).split()
    found = []
    for question in bank:
        if question.to_avoid and not include_avoid:
            continue
        if tiara is not None and question.tiara is not tiara:
            continue
        if focus is not None and question.focus not in (focus, None):
            continue
        haystack = normalize_question(f"{question.text} {question.why}")
        if all(word in haystack for word in words):
            found.append(question)
    return found


def to_meeting_question(question: BankQuestion) -> MeetingQuestion:
    """The bank question as a question chosen for a meeting (keeps the link to the bank)."""
    return MeetingQuestion(text=question.text, tiara=question.tiara, bank_id=question.id)


def suggest_questions(
    bank: Iterable[BankQuestion],
    focus: Focus | None,
    *,
    exclude: Iterable[MeetingQuestion] = (),
) -> list[MeetingQuestion]:
    """One good question per TIARA category, preferring the interview's focus.

    Questions already chosen or asked (`exclude`, matched by bank id or by text) are skipped,
    so a second meeting with the same person gets fresh questions.
    """
    taken_ids = {q.bank_id for q in exclude if q.bank_id}
    taken_texts = {normalize_question(q.text) for q in exclude}
    chosen: list[MeetingQuestion] = []
    groups = by_tiara(bank)
    for tiara in Tiara:
        candidates = [
            q
            for q in groups[tiara]
            if q.id not in taken_ids and normalize_question(q.text) not in taken_texts
        ]
        candidates.sort(key=lambda q: 0 if focus is None or q.focus is focus else 1)
        if candidates:
            chosen.append(to_meeting_question(candidates[0]))
    return chosen
