"""Insights on hand-built cases and on the seeded demo campaign."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.actions.demo import seed_demo
from infoint_tui.domain.insights import (
    GroupBy,
    captured_insights,
    compute,
    funnel,
    group_insights,
    highlights,
    introduction_tree,
    meetings_per_week,
    normalise,
    reply_stats,
    reply_stats_by,
    sparkline,
    themes,
    time_in_stage,
    touches_per_week,
    tree_lines,
)
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    StageChange,
    Tiara,
    Touch,
    TouchKind,
    source_name,
)
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW, ZONE

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=ZONE)


def walked(name: str, *steps: tuple[Stage, float], archived: bool = False, **fields) -> Contact:
    """A contact whose history is `steps`: (stage, days after T0)."""
    history = [StageChange(stage=stage, at=T0 + timedelta(days=d)) for stage, d in steps]
    return Contact(name=name, stage=history[-1].stage, history=history, archived=archived, **fields)


P, RO, S, IV, T, IT = (Stage.PROSPECTS, Stage.REACHED_OUT, Stage.SCHEDULED, Stage.INTERVIEWED, Stage.THANKED, Stage.IN_TOUCH)  # fmt: skip


# -- funnel -----------------------------------------------------------------------------------
def test_funnel_counts_everyone_who_ever_reached_a_stage():
    people = [
        walked("only listed", (P, 0)),
        walked("waiting", (P, 0), (RO, 1)),
        walked("interviewed", (P, 0), (RO, 1), (S, 3), (IV, 8)),
        walked("skipped reached out", (P, 0), (S, 2)),
        walked("no answer", (P, 0), (RO, 1), archived=True),
        walked("moved back", (P, 0), (RO, 1), (S, 4), (RO, 6)),
    ]
    result = funnel(people)
    rows = [(r.stage, r.reached, r.current, r.conversion) for r in result.stages]
    assert rows == [
        (P, 6, 1, None),
        (RO, 5, 2, 5 / 6),
        (S, 3, 1, 3 / 5),
        (IV, 1, 1, 1 / 3),
        (T, 0, 0, 0.0),
        (IT, 0, 0, None),
    ]
    assert (result.total, result.archived) == (6, 1)
    assert [r.small_sample for r in result.stages] == [False, False, False, True, True, True]
    assert not result.small_sample


# -- replies ----------------------------------------------------------------------------------
def test_reply_rate_and_median_time_to_reply():
    quick = walked("quick", (P, 0), (RO, 1), (S, 4), source="referral")
    slow = walked("slow", (P, 0), (RO, 1), (S, 6), source="cold")
    fast = walked("fast", (P, 0), (RO, 2), source="referral")
    silent = walked("silent", (P, 0), (RO, 1), source="cold")
    gave_up = walked("gave up", (P, 0), (RO, 1), archived=True, source="cold")
    never = walked("never reached out", (P, 0))
    touches = [
        Touch(contact_id=quick.id, kind=TouchKind.REPLY, at=T0 + timedelta(days=3)),  # 2 days
        Touch(contact_id=fast.id, kind=TouchKind.REPLY, at=T0 + timedelta(days=2, hours=6)),
        Touch(contact_id=silent.id, kind=TouchKind.REPLY, at=T0),  # before the request: not a reply
        Touch(contact_id=silent.id, kind=TouchKind.MESSAGE_SENT, at=T0 + timedelta(days=3)),
    ]
    stats = reply_stats([quick, slow, fast, silent, gave_up, never], touches)
    assert (stats.reached_out, stats.replied, stats.waiting) == (5, 3, 1)
    assert stats.rate == 3 / 5
    assert stats.times == {
        quick.id: timedelta(days=2), slow.id: timedelta(days=5), fast.id: timedelta(hours=6),
    }  # fmt: skip
    assert stats.median == timedelta(days=2)
    assert not stats.small_sample and stats.median_small_sample
    by_source = reply_stats_by([quick, slow, fast, silent, gave_up, never], touches)
    assert [(k, v.reached_out, v.replied) for k, v in by_source.items()] == [
        ("cold", 3, 1), ("referral", 2, 2),
    ]  # fmt: skip
    assert by_source["referral"].small_sample


def test_no_one_reached_out_yet():
    stats = reply_stats([walked("a", (P, 0))], [])
    assert (stats.reached_out, stats.rate, stats.median, stats.small_sample) == (
        0,
        None,
        None,
        True,
    )


# -- time in stage ------------------------------------------------------------------------------
def test_median_time_in_each_stage_over_finished_stays():
    now = T0 + timedelta(days=20)
    people = [
        walked("a", (P, 0), (RO, 2), (S, 5)),
        walked("b", (P, 0), (RO, 4), (S, 6)),
        walked("c", (P, 0), (RO, 6)),
        walked("d", (P, 0), (RO, 1), archived=True),
    ]
    times = {t.stage: t for t in time_in_stage(people, now)}
    assert (times[P].median, times[P].stays) == (timedelta(days=3), 4)
    assert (times[RO].median, times[RO].stays) == (timedelta(days=2.5), 2)
    assert (times[RO].waiting, times[RO].waiting_median) == (1, timedelta(days=14))
    assert (times[S].waiting, times[S].waiting_median) == (2, timedelta(days=14.5))
    assert times[S].median is None and times[S].small_sample


# -- weekly activity ----------------------------------------------------------------------------
def test_meetings_per_week_counts_held_meetings_by_monday():
    def held(when):
        return Meeting(contact_id="x", when=when, ended_at=when + timedelta(minutes=30))

    monday = datetime(2026, 11, 16, 0, 0, tzinfo=ZONE)  # the week of NOW
    meetings = [
        held(monday),  # this week, first minute
        held(monday - timedelta(minutes=1)),  # last week, last minute
        held(monday - timedelta(days=3)),
        Meeting(contact_id="x", when=monday + timedelta(days=1)),  # not held
        held(monday - timedelta(weeks=4)),  # outside a 4-week window
    ]
    weekly = meetings_per_week(meetings, NOW, weeks=4)
    assert weekly.weeks == [monday.date() - timedelta(weeks=n) for n in (3, 2, 1, 0)]
    assert weekly.counts == [0, 0, 2, 1]
    assert weekly.total == 3 and weekly.small_sample
    assert weekly.sparkline == "▁▁█▅"


def test_touches_per_week_by_kind():
    touches = [
        Touch(contact_id="x", kind=TouchKind.MESSAGE_SENT, at=NOW - timedelta(days=1)),
        Touch(contact_id="x", kind=TouchKind.REPLY, at=NOW - timedelta(days=1)),
        Touch(contact_id="x", kind=TouchKind.MESSAGE_SENT, at=NOW + timedelta(days=1)),  # future
    ]
    assert touches_per_week(touches, NOW, weeks=2).counts == [0, 2]
    assert touches_per_week(touches, NOW, weeks=2, kinds=[TouchKind.MESSAGE_SENT]).counts == [0, 1]


def test_sparkline():
    assert sparkline([]) == "" and sparkline([0, 0]) == "▁▁"
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█"


# -- captured insights --------------------------------------------------------------------------
HANNAH = Contact(
    name="Hannah", company="Fabrikam", industry="fintech", tags=["design", "leadership"]
)
LEO = Contact(name="Leo", company="Proseware", industry="AI", tags=["research"])
KIM = Contact(name="Kim", company="fabrikam", industry="fintech", tags=["Design"])
GRACE = Contact(name="Grace", company="Contoso")  # no meeting held: not heard from


def insight(text, tiara, minutes=0):
    return Capture(
        at=NOW + timedelta(minutes=minutes), kind=CaptureKind.INSIGHT, text=text, tiara=tiara
    )


def held(contact, *log):
    return Meeting(
        contact_id=contact.id, when=NOW, ended_at=NOW + timedelta(minutes=30), log=list(log)
    )


MEETINGS = [
    held(HANNAH, insight("Facilitation is most of the job", Tiara.INSIGHTS, 1),
         insight("Portfolio: 2-3 case studies", Tiara.ADVICE, 2),
         Capture(at=NOW, kind=CaptureKind.NOTE, text="Facilitation is most of the job")),
    held(HANNAH, insight("Facilitation is most of the job.", Tiara.INSIGHTS, 50)),
    held(LEO, insight("facilitation is MOST of the job!", Tiara.INSIGHTS, 3),
         insight("Evaluation design is growing", None, 4)),
    held(KIM),
    Meeting(contact_id=GRACE.id, when=NOW + timedelta(days=2)),
]  # fmt: skip
PEOPLE = [HANNAH, LEO, KIM, GRACE]


def test_normalise_ignores_case_punctuation_and_small_words():
    assert normalise("Facilitation is most of the job!") == "facilitation most job"
    assert normalise("The portfolio IS key") == normalise("portfolio key")
    assert normalise("It is") == "it is"  # never empty


def test_themes_count_distinct_people():
    found = themes(captured_insights(PEOPLE, MEETINGS))
    top = found[0]
    assert top.text == "Facilitation is most of the job"
    assert [p.name for p in top.people] == ["Hannah", "Leo"] and len(top.mentions) == 3
    assert [t.text for t in found[1:]] == [
        "Portfolio: 2-3 case studies",
        "Evaluation design is growing",
    ]


def test_insights_by_tiara_category():
    groups = group_insights(PEOPLE, MEETINGS, GroupBy.TIARA)
    assert [g.name for g in groups] == [
        "Trends",
        "Insights",
        "Advice",
        "Resources",
        "Assignments",
        "No category",
    ]
    by_name = {g.name: g for g in groups}
    insights = by_name["Insights"]
    (theme,) = insights.themes
    assert insights.heard_from == 3 and insights.mentioned_by(theme) == "mentioned by 2 of 3 people"
    assert insights.small_sample
    assert by_name["Trends"].themes == [] and by_name["No category"].mentions == 1


def test_insights_by_company_tag_and_industry():
    companies = group_insights(PEOPLE, MEETINGS, GroupBy.COMPANY)
    assert [(g.name, g.mentions, g.heard_from) for g in companies] == [
        ("Fabrikam", 3, 2),
        ("Proseware", 2, 1),
    ]
    fabrikam = companies[0]
    assert fabrikam.mentioned_by(fabrikam.themes[0]) == "mentioned by 1 of 2 people"
    assert companies[1].mentioned_by(companies[1].themes[0]) == "mentioned by 1 of 1 person"
    tags = group_insights(PEOPLE, MEETINGS, GroupBy.TAG)
    assert [(g.name, g.mentions, g.heard_from) for g in tags] == [
        ("design", 3, 2), ("leadership", 3, 1), ("research", 2, 1),
    ]  # fmt: skip
    industries = group_insights(PEOPLE, MEETINGS, GroupBy.INDUSTRY)
    assert [(g.name, g.heard_from) for g in industries] == [("fintech", 2), ("AI", 1)]


# -- the introduction tree ----------------------------------------------------------------------
def test_introduction_tree():
    def person(name, minutes, referred_by=None):
        return Contact(
            name=name, referred_by=referred_by, created_at=NOW + timedelta(minutes=minutes)
        )

    ruth = person("Ruth", 0)
    daniel = person("Daniel", 1, ruth.id)
    maria = person("Maria", 2, daniel.id)
    sam = person("Sam", 3, ruth.id)
    omar = person("Omar", 4, maria.id)
    alone = person("Alone", 5)
    orphan = person("Orphan", 6, "deleted")
    ann = person("Ann", 7)
    bob = person("Bob", 8, ann.id)
    x = person("X", 9)
    y = person("Y", 10, x.id)
    x.referred_by = y.id  # a loop
    tree = introduction_tree([omar, sam, maria, daniel, ruth, alone, orphan, bob, ann, x, y])
    assert tree_lines(tree) == [
        "Ruth",
        "├── Daniel",
        "│   └── Maria",
        "│       └── Omar",
        "└── Sam",
        "Ann",
        "└── Bob",
        "X",
        "└── Y",
    ]
    assert [(r.contact.name, r.descendants, r.depth) for r in tree.roots] == [
        ("Ruth", 4, 3), ("Ann", 1, 1), ("X", 1, 1),
    ]  # fmt: skip
    assert (tree.introductions, tree.introducers, tree.deepest) == (6, 5, 3)
    assert tree_lines(tree, lambda c: c.name.upper())[0] == "RUTH"


def test_no_introductions_yet():
    tree = introduction_tree([Contact(name="A")])
    assert tree.roots == [] and tree_lines(tree) == [] and tree.deepest == 0


# -- highlights ---------------------------------------------------------------------------------
def test_highlights_say_something_and_flag_small_samples():
    people = [
        walked("r1", (P, 0), (RO, 1), (S, 2), source="referral"),
        walked("r2", (P, 0), (RO, 1), (S, 3), source="referral"),
        walked("c1", (P, 0), (RO, 1), source="cold"),
        walked("c2", (P, 0), (RO, 1), source="cold"),
        walked("c3", (P, 0), (RO, 1), (S, 9), source="cold"),
    ]
    people[1].referred_by = people[0].id
    insights = compute([*people, *PEOPLE], MEETINGS, [], T0 + timedelta(days=10))
    assert insights.highlights == [
        "Referral contacts answered 2 of 2 requests; cold contacts 1 of 3. (small sample)",
        "Contacts spend longest in Reached out: 2 days on median. (small sample)",
        '"Facilitation is most of the job": mentioned by 2 of 3 people. (small sample)',
        "r1's introductions led to 1 person.",
    ]
    assert highlights({}, [], [], 0, introduction_tree([])) == []


def test_a_source_is_written_as_its_name_is_spelled():
    people = [
        walked("l1", (P, 0), (RO, 1), source="linkedin"),
        walked("a1", (P, 0), (RO, 1), (S, 2), source="alumni"),
    ]
    found = compute(people, [], [], T0 + timedelta(days=10)).highlights
    assert found[0].startswith("Alumni contacts answered 1 of 1 request; LinkedIn contacts 0 of 1.")
    assert source_name("friends & family", capital=True) == "Friends & family"


def test_contacts_with_no_source_are_left_out_of_the_comparison():
    people = [
        walked("u1", (P, 0), (RO, 1), (S, 2)),  # no source noted: answered by a meeting agreed
        walked("c1", (P, 0), (RO, 1), source="cold"),
    ]
    found = compute(people, [], [], T0 + timedelta(days=10)).highlights
    assert not any("nknown" in line or "answered" in line for line in found)


# -- the seeded demo campaign -------------------------------------------------------------------
@pytest.fixture
def demo(repo, clock):
    seed_demo(repo, clock.now())
    return repo


def test_insights_on_the_demo_campaign(demo, clock):
    found = compute(demo.contacts(archived=None), demo.meetings(), demo.touches(), clock.now())
    assert [(r.stage, r.reached, r.current) for r in found.funnel.stages] == [
        (P, 13, 4), (RO, 9, 2), (S, 6, 2), (IV, 4, 1), (T, 3, 1), (IT, 2, 2),
    ]  # fmt: skip
    assert found.funnel.archived == 1  # Olivia never answered, even after the follow-up
    assert (found.replies.reached_out, found.replies.replied, found.replies.waiting) == (9, 6, 2)
    assert found.replies.median == timedelta(days=3, hours=2)
    assert found.heard_from == 4
    shared = [(g.name, t.text, len(t.people)) for g in found.by_tiara for t in g.themes]
    assert ("Insights", "Facilitation is most of the job", 2) in shared
    assert ("Resources", "Read 'Just Enough Research'", 2) in shared
    assert ("Trends", "Evaluation design is the growth area", 1) in shared
    assert tree_lines(found.introductions) == ["Ruth Abebe", "├── Daniel Kim", "└── Grace Okafor"]
    assert found.meetings_weekly.total == 4 and found.meetings_weekly.small_sample
    # in the last 12 weeks: the requests and one follow-up (9: Kenji's request is older), the
    # thank-yous of the three people past Interviewed, and Ruth's check-in
    assert found.outreach_weekly.total == 13
    assert "Ruth Abebe's introductions led to 2 people." in found.highlights
    assert (
        '"Facilitation is most of the job": mentioned by 2 of 4 people. (small sample)'
        in found.highlights
    )


def test_a_theme_is_named_by_its_most_common_wording():
    a, b, c = Contact(name="A"), Contact(name="B"), Contact(name="C")
    meetings = [
        held(a, insight("AI evals are the growth area!", Tiara.TRENDS, 1)),
        held(b, insight("AI evals are the growth area", Tiara.TRENDS, 2)),
        held(c, insight("AI evals are the growth area", Tiara.TRENDS, 3)),
    ]
    (theme,) = themes(captured_insights([a, b, c], meetings))
    assert theme.text == "AI evals are the growth area" and len(theme.people) == 3
