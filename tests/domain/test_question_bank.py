"""The curated bank, merging the user's questions, and the checks on a meeting's questions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoint_tui.domain.models import BankQuestion, Focus, Meeting, MeetingQuestion, Tiara
from infoint_tui.domain.question_bank import (
    CURATED_IDS,
    by_tiara,
    curated_bank,
    filter_bank,
    full_bank,
    suggest_questions,
    to_avoid,
    to_meeting_question,
    uncategorised,
)
from infoint_tui.domain.question_checks import (
    Severity,
    WarningKind,
    asked_before,
    check_question_text,
    check_selection,
    earlier_meetings,
    normalize_question,
    question_flags,
)
from tests.conftest import NOW


def test_curated_bank_has_every_category_and_focus_with_a_why():
    bank = curated_bank()
    good = [q for q in bank if not q.to_avoid]
    assert 40 <= len(good) <= 60
    for tiara, questions in by_tiara(bank).items():
        assert len(questions) >= 6, tiara
        assert {q.focus for q in questions} >= {Focus.PATH, Focus.INDUSTRY, Focus.COMPANY}, tiara
    assert all(q.why and len(q.why) <= 100 for q in bank)
    assert len({q.id for q in bank}) == len(bank) == len(CURATED_IDS)
    assert all(q.id.startswith(("q-trends-", "q-insights-", "q-advice-", "q-resources-",
                                "q-assignments-", "q-avoid-")) for q in bank)  # fmt: skip


def test_curated_ids_are_stable():
    first, second = curated_bank(), curated_bank()
    assert [q.id for q in first] == [q.id for q in second]
    bank = {q.id: q for q in first}
    assert bank["q-avoid-basic-01"].text == "What do you do?"
    assert bank["q-avoid-job-01"].text == "Are you hiring?"
    assert bank["q-resources-01"].tiara is Tiara.RESOURCES


def test_examples_to_avoid_are_flagged_and_kept_out_of_categories():
    bank = curated_bank()
    avoid = to_avoid(bank)
    texts = {q.text for q in avoid}
    assert {"What do you do?", "What does your company do?"} <= texts
    assert {"Are you hiring?", "Can you refer me for a job?"} <= texts
    assert all(q.basic for q in avoid[:6]) and all(q.job_request for q in avoid[6:])
    categorised = [q for qs in by_tiara(bank).values() for q in qs]
    assert not any(q.to_avoid for q in categorised)


def test_the_free_text_check_agrees_with_every_curated_flag():
    for question in curated_bank():
        flags = question_flags(question.text)
        assert bool(flags.basic) == question.basic, question.text
        assert bool(flags.job_request) == question.job_request, question.text


def test_curated_bank_returns_copies():
    bank = curated_bank()
    bank[0].text = "changed"
    assert curated_bank()[0].text != "changed"


def test_full_bank_appends_custom_questions_and_flags_their_text():
    mine = BankQuestion(id="mine1", text="Is there an opening on your team?", tiara=Tiara.ADVICE)
    good = BankQuestion(
        id="mine2", text="How do nurses react to new software?", tiara=Tiara.INSIGHTS
    )
    bank = full_bank([mine, good])
    assert [q.id for q in bank[-2:]] == ["mine1", "mine2"]
    assert bank[-2].job_request and bank[-2].custom
    assert not bank[-1].to_avoid
    assert not mine.job_request, "the stored question is not changed"
    assert bank[-1] in by_tiara(bank)[Tiara.INSIGHTS]


def test_a_custom_question_with_a_curated_id_rewords_it():
    reworded = BankQuestion(
        id="q-trends-01", text="Where is health tech heading?", tiara=Tiara.TRENDS
    )
    bank = full_bank([reworded])
    assert len(bank) == len(curated_bank())
    assert next(q for q in bank if q.id == "q-trends-01").text == "Where is health tech heading?"


def test_uncategorised_and_filter():
    loose = BankQuestion(id="x", text="What do you read on Sundays?")
    bank = full_bank([loose])
    assert [q.id for q in uncategorised(bank)] == ["x"]
    found = filter_bank(bank, tiara=Tiara.RESOURCES, focus=Focus.INDUSTRY, text="podcasts")
    assert [q.id for q in found] == ["q-resources-02"]
    assert filter_bank(bank, text="HIRING") == []
    assert [q.id for q in filter_bank(bank, text="hiring", include_avoid=True)] == [
        "q-avoid-job-01",
        "q-avoid-job-05",
    ]
    company = filter_bank(bank, focus=Focus.COMPANY)
    assert company and all(q.focus in (Focus.COMPANY, None) for q in company)


def test_suggest_questions_gives_one_per_category_in_focus_and_skips_taken():
    bank = curated_bank()
    picked = suggest_questions(bank, Focus.COMPANY)
    assert [q.tiara for q in picked] == list(Tiara)
    index = {q.id: q for q in bank}
    assert all(index[q.bank_id].focus is Focus.COMPANY for q in picked if q.bank_id)
    again = suggest_questions(bank, Focus.COMPANY, exclude=picked)
    assert not {q.bank_id for q in again} & {q.bank_id for q in picked}


# -- the free-text check --------------------------------------------------------------------
JOB_REQUESTS = [
    ("Are you hiring?", "hiring"),
    ("Is your team hiring right now?", "hiring"),
    ("Do you have any openings?", "openings"),
    ("Are there open positions on your team?", "open positions"),
    ("Can you refer me for a job?", "refer me"),
    ("Could you refer me to the hiring manager?", "refer me"),
    ("Is there a job for me at your company?", "job for me"),
    ("Would your company hire someone like me?", "Would your company hire"),
    ("Can I send you my resume?", "my resume"),
    ("Could you pass my CV along?", "my CV"),
    ("Do you have any internships?", "any internships"),
    ("Could you put in a good word for me?", "put in a good word"),
    ("How do I apply to your company?", "apply to your company"),
    ("Any vacancies coming up?", "vacancies"),
]
BASIC = [
    "What do you do?",
    "So, what do you do?",
    "What exactly do you do there?",
    "What does your company do?",
    "Can you tell me what your company does?",
    "What is your job title?",
    "What’s your role?",
    "Where do you work?",
    "How long have you worked at Northwind?",
    "Where did you go to school?",
    "How big is the company?",
]
GOOD = [
    "What do hiring managers look for in a portfolio?",
    "Could you refer me to someone else I should talk to?",
    "What do you do on a typical day?",
    "What was an eye-opening moment in your first year?",
    "Are there any roles where a teaching background helps?",
    "How did you find a job after school?",
    "What do you look for in the people you like working with most?",
    "How has your role changed since you started in it?",
    "What position did you start in?",
]


@pytest.mark.parametrize(("text", "words"), JOB_REQUESTS)
def test_job_requests_are_flagged_with_the_words(text, words):
    flags = question_flags(text)
    assert flags.job_request.lower() == words.lower()
    [warning] = check_question_text(text)
    assert warning.kind is WarningKind.JOB_REQUEST and warning.severity is Severity.AVOID
    assert warning.words == flags.job_request


@pytest.mark.parametrize("text", BASIC)
def test_basic_questions_are_flagged(text):
    assert question_flags(text).basic
    assert [w.kind for w in check_question_text(text)] == [WarningKind.BASIC]


@pytest.mark.parametrize("text", GOOD)
def test_good_questions_are_not_flagged(text):
    assert not question_flags(text).flagged
    assert check_question_text(text) == []


def test_asking_what_their_company_does_by_name_is_basic():
    assert question_flags("What does Northwind do?", company="Northwind Health").basic
    assert not question_flags("What does Northwind do?").basic
    assert not question_flags(
        "What does Northwind do for nurses at night?", company="Northwind"
    ).basic


# -- normalising --------------------------------------------------------------------------
def test_normalize_question_ignores_case_spacing_punctuation_and_apostrophes():
    assert normalize_question("What’s  NEW?") == normalize_question("whats new") == "whats new"


@given(st.text())
def test_normalize_question_is_idempotent(text):
    key = normalize_question(text)
    assert normalize_question(key) == key


@given(st.text(), st.sampled_from("?!.,;"))
def test_normalize_question_ignores_case_and_trailing_punctuation(text, mark):
    assert normalize_question(text.casefold() + mark) == normalize_question(text)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàç '’?", max_size=40))
def test_normalize_question_ignores_upper_and_lower_case(text):
    assert normalize_question(text.upper()) == normalize_question(text.lower())


@given(st.text())
def test_question_flags_never_fail_on_any_text(text):
    flags = question_flags(text, company=text[:10])
    assert flags.basic in text or flags.basic == ""


# -- a meeting's selection ------------------------------------------------------------------
def _one_per_category() -> list[MeetingQuestion]:
    bank = curated_bank()
    return [to_meeting_question(by_tiara(bank)[t][0]) for t in Tiara]


def test_a_full_tiara_selection_has_no_warnings():
    assert check_selection(_one_per_category(), curated_bank(), []) == []


def test_no_questions_at_all_is_one_clear_warning():
    [warning] = check_selection([], curated_bank(), [])
    assert warning.kind is WarningKind.NO_QUESTIONS


def test_missing_categories_are_named():
    questions = [q for q in _one_per_category() if q.tiara not in (Tiara.TRENDS, Tiara.ASSIGNMENTS)]
    warnings = check_selection(questions, curated_bank(), [])
    assert [(w.kind, w.tiara) for w in warnings] == [
        (WarningKind.MISSING_TIARA, Tiara.TRENDS),
        (WarningKind.MISSING_TIARA, Tiara.ASSIGNMENTS),
    ]
    assert "No Trends question yet" in warnings[0].message


def test_a_question_without_tiara_takes_its_bank_category():
    questions = _one_per_category()
    questions[0].tiara = None
    assert check_selection(questions, curated_bank(), []) == []


def test_basic_job_and_duplicate_questions_are_warned_at_their_place():
    bank = curated_bank()
    index = {q.id: q for q in bank}
    questions = [
        *_one_per_category(),
        to_meeting_question(index["q-avoid-basic-01"]),
        MeetingQuestion(text="Are there any openings at Northwind?"),
        MeetingQuestion(text=_one_per_category()[0].text.upper()),
    ]
    warnings = check_selection(questions, bank, [])
    assert [(w.kind, w.index) for w in warnings] == [
        (WarningKind.JOB_REQUEST, 6),
        (WarningKind.BASIC, 5),
        (WarningKind.DUPLICATE, 7),
    ]
    assert "already question 1" in warnings[2].message


def test_a_custom_question_typed_as_a_job_request_is_caught_without_the_bank():
    questions = [*_one_per_category(), MeetingQuestion(text="Can you refer me for the role?")]
    [warning] = check_selection(questions, [], [])
    assert warning.kind is WarningKind.JOB_REQUEST and warning.index == 5


def test_an_edited_bank_question_is_judged_by_its_new_text():
    bank = curated_bank()
    edited = to_meeting_question(next(q for q in bank if q.id == "q-avoid-basic-01"))
    edited.text = "What do you do in your first hour at work?"
    warnings = check_selection([*_one_per_category(), edited], bank, [])
    assert warnings == []


def test_too_many_questions_for_the_time():
    questions = [to_meeting_question(q) for q in curated_bank() if not q.to_avoid][:9]
    kinds = [w.kind for w in check_selection(questions, curated_bank(), [], duration_min=15)]
    assert WarningKind.TOO_MANY in kinds
    kinds = [w.kind for w in check_selection(questions, curated_bank(), [], duration_min=30)]
    assert WarningKind.TOO_MANY not in kinds


# -- asked in an earlier meeting ------------------------------------------------------------
def _earlier(asked: list[MeetingQuestion], days_ago: int = 20) -> Meeting:
    when = NOW - timedelta(days=days_ago)
    return Meeting(
        contact_id="c1", when=when, ended_at=when + timedelta(minutes=20), questions=asked
    )


def test_questions_asked_before_are_marked_by_bank_id_or_text():
    picked = _one_per_category()
    old = _earlier(
        [
            MeetingQuestion(text="reworded", bank_id=picked[0].bank_id, asked=True),
            MeetingQuestion(text=picked[2].text.lower() + "  ", answer="Start a portfolio"),
            MeetingQuestion(text=picked[3].text, asked=False),  # planned, never asked
        ]
    )
    marks = asked_before(picked, [old])
    assert [m is not None for m in marks] == [True, False, True, False, False]
    assert marks[2] is not None and marks[2].answer == "Start a portfolio"
    warnings = check_selection(picked, curated_bank(), [old])
    assert [(w.kind, w.index, w.severity) for w in warnings] == [
        (WarningKind.ASKED_BEFORE, 0, Severity.NOTE),
        (WarningKind.ASKED_BEFORE, 2, Severity.NOTE),
    ]
    assert warnings[1].message == f"Already asked on {old.when:%d %b %Y}: “Start a portfolio”"


def test_the_latest_earlier_answer_wins():
    q = MeetingQuestion(text="Who else should I talk to?")
    first = _earlier([MeetingQuestion(text=q.text, answer="Ana")], days_ago=60)
    second = _earlier([MeetingQuestion(text=q.text, answer="Bo")], days_ago=10)
    [mark] = asked_before([q], [second, first])
    assert mark is not None and mark.answer == "Bo"


def test_earlier_meetings_are_the_same_persons_before_this_one():
    current = Meeting(contact_id="c1", when=NOW + timedelta(days=1))
    held = _earlier([], days_ago=5)
    later = Meeting(contact_id="c1", when=NOW + timedelta(days=30))
    other_person = Meeting(contact_id="c2", when=NOW - timedelta(days=3))
    undated = Meeting(contact_id="c1")
    found = earlier_meetings([current, held, later, other_person, undated], current)
    assert found == [held, undated]
    assert earlier_meetings([current], current) == []
    # A meeting with no date yet sees every other meeting with this person as earlier.
    assert held in earlier_meetings([held], Meeting(contact_id="c1", when=None))
    assert datetime(2026, 1, 1, tzinfo=NOW.tzinfo) < NOW
