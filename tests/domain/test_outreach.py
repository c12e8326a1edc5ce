"""The request checker on real requests, the day to send, and the draft from the template."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoint_tui.domain.models import DEFAULT_OUTREACH, Contact, Settings
from infoint_tui.domain.outreach import (
    MAX_WORDS,
    TEMPLATE_FIELDS,
    RequestRule,
    asked_minutes,
    best_send_time,
    check_request,
    draft_outreach,
    fill_template,
    location_of,
    opening_sentence,
    word_count,
)
from tests.conftest import ZONE

RUTH = Contact(name="Ruth Abebe")
DANIEL = Contact(
    name="Daniel Kim",
    role="UX Researcher",
    company="Northwind Health",
    industry="health tech",
    source="referral",
)
SETTINGS = Settings(
    my_name="Sam Rivera", pitch="a high-school science teacher moving into UX research"
)

# -- good requests: every rule passes -------------------------------------------------------
GOOD = {
    "referral": """Hi Daniel,

Ruth Abebe suggested I get in touch with you. I'm a science teacher moving into UX research, \
and your path from school psychology into research is the move I'm exploring.

Would you have 20 minutes for a call in the next few weeks? I'd value your advice. \
I'll follow up next week to find a time that suits you.

Best,
Sam""",
    "event": """Hello Grace,

I heard you speak on the edtech panel at the Lakeside Learning Summit, and your point about \
designing with teachers stayed with me. I taught for nine years and I'm curious how designers \
in edtech work with classrooms.

Could we talk for 15 minutes, by phone or over coffee, whenever is convenient for you? \
I'll call your office on Monday to see what works.

Thank you,
Sam Rivera""",
    "alumni": """Dear Ms. Raman,

As a fellow Lakeside University alum, I was glad to find you in the alumni directory. \
I'm exploring a move from teaching into health research and would love to learn how you \
approached the same shift.

Might you have half an hour in the coming weeks for a quick call, at a time that suits you? \
I will reach out again next Tuesday to find a time.

With thanks,
Sam Rivera""",
    "article": """Hi Leo,

I read your article on evaluating research tools for small teams, and the part on diary \
studies was really useful. I'm a teacher learning UX research, and I'd love to hear how you \
got into the field.

Would you be open to a 20-minute video call in the next month? I'll follow up next Wednesday \
to find a time that fits your schedule.

Thanks,
Sam""",
    "inline greeting": "Hi Sofia, my aunt Maria Lopez mentioned you might be open to talking "
    "about content design. I'm a teacher exploring the field and would value your perspective "
    "on the work day to day. Could I take 15-20 minutes of your time by phone, whenever suits "
    "you? I'll email you on Tuesday to find a time. Thank you, Sam",
    "linkedin, pleasantry first": """Hi Marcus,

I hope you're well. I came across your post on LinkedIn about running research ops at Adatum. \
I'm a teacher of nine years moving into UX research, and I'm curious how research teams in \
enterprise software decide what to study.

Would you have 20 minutes for a call next week or the week after, whichever is easier? \
I'll follow up on Thursday morning to find a slot.

Best wishes,
Sam Rivera""",
}


@pytest.mark.parametrize("name", GOOD)
def test_good_requests_pass_every_rule(name):
    check = check_request(GOOD[name], contact=DANIEL, referrer=RUTH)
    assert [(r.rule, r.explanation) for r in check.failures] == []
    assert check.passed and check.word_count < MAX_WORDS
    assert [r.rule for r in check.results] == list(RequestRule)


# -- bad requests: each fails for its own reason, and only that one --------------------------
REFERRAL_OPENING = "Hi Daniel,\n\nRuth Abebe suggested I get in touch with you. "
ASK = (
    "\n\nWould you have 20 minutes for a call in the next few weeks, whenever suits you? "
    "I'll follow up next week to find a time.\n\nBest,\nSam"
)
ME = "I'm a teacher moving into UX research and would value your advice on the field."

BAD = [
    (
        "too long",
        REFERRAL_OPENING
        + ME
        + " I have taught science for nine years at Lakeside High, where I ran classroom "
        "studies, wrote lesson plans with other teachers, interviewed students about how they "
        "learn, and presented the findings to parents and to the school board every term. "
        "Last year I finished an online course in research methods and started a portfolio of "
        "small projects." + ASK,
        RequestRule.UNDER_100_WORDS,
        (),
    ),
    (
        "asks if they are hiring",
        REFERRAL_OPENING + ME + " I'd also love to know if your team is hiring." + ASK,
        RequestRule.NO_JOBS,
        ("hiring",),
    ),
    (
        "offers a resume",
        REFERRAL_OPENING + ME + " I've attached my resume in case there are openings." + ASK,
        RequestRule.NO_JOBS,
        ("resume", "openings"),
    ),
    (
        "asks for a position",
        REFERRAL_OPENING + ME + " Could you tell me about any positions or job postings?" + ASK,
        RequestRule.NO_JOBS,
        ("positions", "job"),
    ),
    (
        "opens with me",
        "Hi Daniel,\n\nMy name is Sam and I'm a teacher moving into UX research. Ruth Abebe "
        "suggested I get in touch, and I would value your advice on the field." + ASK,
        RequestRule.CONNECTION_FIRST,
        (),
    ),
    (
        "no connection at all",
        "Dear Mr Kim,\n\nI'm writing to ask for some of your time. " + ME + ASK,
        RequestRule.CONNECTION_FIRST,
        (),
    ),
    (
        "wants to join their team",
        REFERRAL_OPENING + "I'm a teacher and I would love to join your team one day." + ASK,
        RequestRule.BROAD_INTEREST,
        ("join your team",),
    ),
    (
        "wants to work at their company",
        REFERRAL_OPENING
        + "I've always wanted to work at Northwind Health and would value your advice."
        + ASK,
        RequestRule.BROAD_INTEREST,
        ("work at Northwind Health",),
    ),
    (
        "says nothing of what to learn",
        REFERRAL_OPENING + "I'm a teacher based in Lakeside." + ASK,
        RequestRule.BROAD_INTEREST,
        (),
    ),
    (
        "leaves the follow-up to them",
        REFERRAL_OPENING
        + ME
        + "\n\nWould you have 20 minutes for a call, whenever suits you? Let me know!\n\nBest,\nSam",
        RequestRule.MY_FOLLOW_UP,
        ("Let me know",),
    ),
    (
        "hopes to hear back",
        REFERRAL_OPENING
        + ME
        + "\n\nWould you have 20 minutes for a call, whenever suits you? I look forward to "
        "hearing from you.\n\nBest,\nSam",
        RequestRule.MY_FOLLOW_UP,
        ("look forward to hearing",),
    ),
    (
        "asks for an hour over lunch",
        REFERRAL_OPENING
        + ME
        + "\n\nCould I take you out for lunch? An hour would be plenty. I'll follow up next week "
        "to find a day that suits you.\n\nBest,\nSam",
        RequestRule.SHORT_MEETING,
        ("lunch", "An hour"),
    ),
    (
        "asks for 45 minutes",
        REFERRAL_OPENING + ME + ASK.replace("20 minutes", "45 minutes"),
        RequestRule.SHORT_MEETING,
        ("45 minutes",),
    ),
    (
        "names no length",
        REFERRAL_OPENING + ME + ASK.replace("20 minutes for ", ""),
        RequestRule.SHORT_MEETING,
        (),
    ),
    (
        "is not easy to say yes to",
        REFERRAL_OPENING
        + ME
        + "\n\nCould we meet for 20 minutes at my office on Friday at 8am? I'll follow up next "
        "week to confirm.\n\nBest,\nSam",
        RequestRule.SHORT_MEETING,
        (),
    ),
    (
        "left a blank from the template",
        "Hi Daniel,\n\nIt was good to meet you at [event]. " + ME + ASK,
        RequestRule.FILLED_IN,
        ("[event]",),
    ),
]


@pytest.mark.parametrize(("text", "rule", "words"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_requests_fail_for_the_right_reason(text, rule, words):
    check = check_request(text, contact=DANIEL, referrer=RUTH)
    assert [r.rule for r in check.failures] == [rule]
    failure = check.result(rule)
    assert sorted(w.lower() for w in failure.words) == sorted(w.lower() for w in words)
    for hit in failure.hits:
        assert text[hit.start : hit.end] == hit.text
    assert failure.explanation and "\n" not in failure.explanation


def test_there_are_enough_real_examples():
    assert len(GOOD) >= 6 and len(BAD) >= 10


def test_the_long_request_says_how_many_words_to_cut():
    text = BAD[0][1]
    result = check_request(text).result(RequestRule.UNDER_100_WORDS)
    assert result.explanation.startswith(f"{word_count(text)} words: cut ")


def test_their_own_role_is_not_a_job_word():
    recruiter = Contact(name="Ann Lee", role="Technical Recruiter", company="Jobs Inc")
    text = "Hi Ann, your path to Technical Recruiter at Jobs Inc stood out."
    assert check_request(text, contact=recruiter).result(RequestRule.NO_JOBS).passed
    assert not check_request(text).result(RequestRule.NO_JOBS).passed


@pytest.mark.parametrize(
    "text",
    [
        "If you have an opening in your calendar next week, I'll call.",
        "I was in a similar position to yours five years ago.",
        "The same ideas apply to teaching.",
        "I'd love to hear what an eye-opening project looked like.",
    ],
)
def test_everyday_words_are_not_job_words(text):
    assert check_request(text).result(RequestRule.NO_JOBS).passed


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I plan to apply for a role on your team.", "apply for a role"),
        ("Are there positions open?", "positions"),
        ("I'd welcome a referral: could you refer me?", "could you refer me"),
        ("Is your company recruiting?", "recruiting"),
    ],
)
def test_job_words_in_other_forms(text, word):
    result = check_request(text).result(RequestRule.NO_JOBS)
    assert not result.passed and word in result.words


def test_the_referrers_first_name_is_a_connection():
    text = "Hi Daniel,\n\nRuth thought we should talk. " + ME + ASK
    assert check_request(text, referrer=RUTH).result(RequestRule.CONNECTION_FIRST).passed
    assert not check_request(text).result(RequestRule.CONNECTION_FIRST).passed


def test_an_empty_request_fails_what_it_lacks():
    check = check_request("")
    assert check.word_count == 0
    assert {r.rule for r in check.failures} == {
        RequestRule.CONNECTION_FIRST,
        RequestRule.BROAD_INTEREST,
        RequestRule.SHORT_MEETING,
        RequestRule.MY_FOLLOW_UP,
    }


def test_opening_sentence_skips_the_greeting_and_a_pleasantry():
    assert opening_sentence("Hi Dan,\n\nI hope you're well! We met at PyCon.") == "We met at PyCon."
    assert opening_sentence("Dear Dr. Smith,\nRuth says hello.") == "Ruth says hello."
    assert opening_sentence("Hi Dan\nRuth says hello") == "Ruth says hello"
    assert opening_sentence("Hi Dan Ruth Abebe says hello.") == "Hi Dan Ruth Abebe says hello."
    assert opening_sentence("Hello! Dr. J. Abebe of Acme Inc. says hi. Me next.") == (
        "Dr. J. Abebe of Acme Inc. says hi."
    )


def test_a_title_in_the_first_sentence_does_not_cut_it_short():
    text = "Hi Ana,\n\nDr. Ruth Abebe suggested I get in touch with you. " + ME + ASK
    assert check_request(text).passed


@pytest.mark.parametrize(
    ("first", "connected"),
    [
        ("As a fellow Lakeside University alum, I wanted to write.", True),
        ("I'm a fellow teacher.", True),
        ("I'm a research fellow at Lakeside.", False),
    ],
)
def test_fellow_means_common_ground_not_a_title(first, connected):
    text = "Hi Ana,\n\n" + first + " " + ME + ASK
    assert check_request(text).result(RequestRule.CONNECTION_FIRST).passed is connected


def test_asked_minutes_reads_numbers_words_and_ranges():
    assert asked_minutes("a 15-minute call")[0] == 15
    assert asked_minutes("fifteen or twenty minutes")[0] == 20
    assert asked_minutes("20 to 30 mins")[0] == 30
    assert asked_minutes("half an hour")[0] == 30
    assert asked_minutes("a quick chat")[0] is None


@given(st.text())
def test_the_checker_never_fails_on_any_text(text):
    check = check_request(text, contact=DANIEL, referrer=RUTH)
    assert len(check.results) == len(RequestRule)
    for result in check.results:
        for hit in result.hits:
            assert text[hit.start : hit.end] == hit.text


@given(st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), max_size=150))
def test_word_count_counts_words(words):
    assert word_count(" ".join(words)) == len(words)


# -- the draft ------------------------------------------------------------------------------
def test_a_fresh_draft_for_a_referral_passes_every_rule():
    text = draft_outreach(DANIEL, SETTINGS, referrer=RUTH)
    assert text.startswith("Hi Daniel,\n\nRuth Abebe suggested I get in touch with you. ")
    assert "20 minutes" in text and text.endswith("Sam Rivera")
    check = check_request(text, contact=DANIEL, referrer=RUTH)
    assert check.failures == []


@pytest.mark.parametrize("source", ["linkedin", "alumni"])
def test_fresh_drafts_pass_when_the_data_says_how_i_know_them(source):
    contact = Contact(name="Priya Raman", role="UX Research Lead", source=source)
    settings = Settings(my_name="Sam", pitch="a teacher", school="Lakeside University")
    text = draft_outreach(contact, settings)
    assert check_request(text, contact=contact).failures == []


@pytest.mark.parametrize(
    ("source", "blank"),
    [("event", "[event]"), ("referral", "[who referred you]"), ("cold", "[topic]")],
)
def test_a_draft_leaves_a_blank_where_the_data_cannot_say(source, blank):
    contact = Contact(name="Wen Li", source=source)
    text = draft_outreach(contact, SETTINGS)
    check = check_request(text, contact=contact)
    assert [r.rule for r in check.failures] == [RequestRule.FILLED_IN]
    assert blank in check.result(RequestRule.FILLED_IN).words


def test_a_draft_without_settings_asks_for_my_name_and_pitch():
    text = draft_outreach(DANIEL, Settings(), referrer=RUTH)
    words = check_request(text).result(RequestRule.FILLED_IN).words
    assert set(words) == {"[who you are, in one line]", "[your name]"}


def test_the_draft_asks_for_at_most_30_minutes():
    assert "30 minutes" in draft_outreach(DANIEL, Settings(default_duration_min=60), RUTH)
    assert "15 minutes" in draft_outreach(DANIEL, Settings(default_duration_min=5), RUTH)


def test_the_default_template_only_uses_documented_fields():
    import re

    assert set(re.findall(r"\{(\w+)\}", DEFAULT_OUTREACH)) <= set(TEMPLATE_FIELDS)


def test_fill_template_keeps_unknown_fields_and_stray_braces():
    assert fill_template("Hi {first_name} {oops} {", {"first_name": "Dan"}) == "Hi Dan {oops} {"


@given(st.text(max_size=30), st.text(max_size=30), st.sampled_from(["", "referral", "event"]))
def test_drafting_never_fails_on_odd_names(name, role, source):
    text = draft_outreach(Contact(name=name, role=role, source=source), SETTINGS)
    assert "{connection}" not in text and "{my_pitch}" not in text


# -- the day to send ------------------------------------------------------------------------
def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, 16 + day, hour, 0, tzinfo=ZONE)  # 16 Nov 2026 is a Monday


def test_tuesday_and_wednesday_are_good_days():
    for day in (1, 2):
        ok, advice, next_good = best_send_time(_at(day))
        assert ok and next_good == _at(day) and "good day" in advice


def test_thursday_morning_is_fine_but_not_after_noon():
    assert best_send_time(_at(3, 11)).ok
    ok, advice, next_good = best_send_time(_at(3, 12))
    assert not ok and "Thursday afternoon" in advice
    assert next_good == datetime(2026, 11, 24, 9, 0, tzinfo=ZONE)


def test_monday_waits_for_tuesday_of_the_same_week():
    ok, advice, next_good = best_send_time(_at(0, 8))
    assert not ok and advice.startswith("Monday")
    assert next_good == datetime(2026, 11, 17, 9, 0, tzinfo=ZONE)


def test_friday_is_a_black_hole_and_the_weekend_waits_for_tuesday():
    ok, advice, next_good = best_send_time(_at(4))
    assert not ok and "black hole" in advice
    assert next_good == datetime(2026, 11, 24, 9, 0, tzinfo=ZONE)
    for day in (5, 6):
        assert best_send_time(_at(day)).next_good == datetime(2026, 11, 24, 9, 0, tzinfo=ZONE)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_the_next_good_moment_is_never_in_the_past_and_always_good(naive):
    now = naive.replace(tzinfo=ZONE)
    ok, _, next_good = best_send_time(now)
    assert next_good >= now - timedelta(hours=2)  # a DST change may shift the clock by an hour
    assert (next_good == now) is ok
    assert best_send_time(next_good).ok
    assert next_good - now < timedelta(days=8)


def test_location_of_turns_an_offset_into_row_and_column():
    text = "Hi Dan,\n\nAre you hiring?"
    hit = check_request(text).result(RequestRule.NO_JOBS).hits[0]
    assert location_of(text, hit.start) == (2, 8)
    assert location_of(text, 0) == (0, 0)
    assert location_of(text, len(text)) == (2, 15)
