"""What the campaign says about itself: funnel, replies, time in stage, weekly activity,
captured insights grouped with counts of people, and who introduced whom.

Pure functions of the records; `compute()` gathers everything the insights screen shows.
Captured insights live in `themes.py` and the introduction tree in `introductions.py`; both
are re-exported here, so the screen imports from this one module.
Every figure drawn from fewer than `SMALL_SAMPLE` cases carries `small_sample=True`, so the
screen can say so rather than let 1 of 2 read as "50%".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .introductions import IntroNode, IntroTree, introduction_tree, tree_lines
from .models import Contact, Meeting, Touch, TouchKind, source_name
from .stages import STAGES, Stage
from .stats import SMALL_SAMPLE, is_small, median
from .text import count_of
from .themes import (
    NO_CATEGORY,
    CapturedInsight,
    GroupBy,
    InsightGroup,
    Theme,
    captured_insights,
    group_insights,
    normalise,
    people_heard_from,
    themes,
)

__all__ = [
    "NO_CATEGORY", "SMALL_SAMPLE", "WEEKS", "CapturedInsight", "Funnel", "FunnelStage",
    "GroupBy", "InsightGroup", "Insights", "IntroNode", "IntroTree", "ReplyStats", "StageTime",
    "Theme", "Weekly", "captured_insights", "compute", "funnel", "furthest_stage",
    "group_insights", "people_heard_from", "highlights", "introduction_tree", "is_small",
    "meetings_per_week", "normalise", "reached_out_at", "reply_stats", "reply_stats_by",
    "sparkline", "themes", "time_in_stage", "time_to_reply", "touches_per_week", "tree_lines",
]  # fmt: skip

WEEKS = 12


# -- funnel ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class FunnelStage:
    stage: Stage
    current: int  # active contacts in this stage now
    reached: int  # contacts that ever reached this stage or a later one
    conversion: float | None  # reached / the previous stage's reached; None for Prospects
    small_sample: bool  # the conversion rests on fewer than SMALL_SAMPLE contacts


@dataclass(frozen=True)
class Funnel:
    stages: list[FunnelStage]
    total: int  # contacts counted (archived ones included: they are the drop-off)
    archived: int

    @property
    def small_sample(self) -> bool:
        return is_small(self.total)


def furthest_stage(contact: Contact) -> Stage:
    """The furthest stage the contact ever reached, from its history and its stage now."""
    reached = [change.stage for change in contact.history] + [contact.stage]
    return max(reached, key=lambda stage: stage.order)


def funnel(contacts: Iterable[Contact]) -> Funnel:
    """How many contacts ever reached each stage (a contact that skipped a stage counts as
    having passed it), how many sit in it now, and the conversion between stages."""
    people = list(contacts)
    furthest = [furthest_stage(c).order for c in people]
    rows: list[FunnelStage] = []
    previous: int | None = None
    for stage in STAGES:
        reached = sum(1 for order in furthest if order >= stage.order)
        current = sum(1 for c in people if c.stage is stage and not c.archived)
        conversion = reached / previous if previous else None
        small = previous is not None and is_small(previous)
        rows.append(FunnelStage(stage, current, reached, conversion, small))
        previous = reached
    return Funnel(rows, len(people), sum(1 for c in people if c.archived))


# -- replies --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReplyStats:
    reached_out: int  # contacts that entered Reached out
    replied: int  # ... and answered (a reply touch, or a move to Scheduled or beyond)
    waiting: int  # ... no answer yet, still active at Reached out
    times: dict[str, timedelta] = field(default_factory=dict)  # contact id -> time to reply

    @property
    def rate(self) -> float | None:
        return self.replied / self.reached_out if self.reached_out else None

    @property
    def median(self) -> timedelta | None:
        return median(list(self.times.values()))

    @property
    def small_sample(self) -> bool:
        """The reply rate rests on fewer than SMALL_SAMPLE contacts."""
        return is_small(self.reached_out)

    @property
    def median_small_sample(self) -> bool:
        return is_small(self.replied)


def reached_out_at(contact: Contact) -> datetime | None:
    entries = [c.at for c in contact.history if c.stage is Stage.REACHED_OUT]
    return min(entries) if entries else None


def time_to_reply(contact: Contact, touches: Iterable[Touch]) -> timedelta | None:
    """From first entering Reached out to the first reply touch or move to Scheduled or beyond."""
    start = reached_out_at(contact)
    if start is None:
        return None
    answers = [
        t.at
        for t in touches
        if t.contact_id == contact.id and t.kind is TouchKind.REPLY and t.at >= start
    ]
    answers += [
        c.at for c in contact.history if c.stage.order >= Stage.SCHEDULED.order and c.at >= start
    ]
    return min(answers) - start if answers else None


def reply_stats(contacts: Iterable[Contact], touches: Iterable[Touch]) -> ReplyStats:
    return _reply_stats(contacts, _by_contact(touches))


def _by_contact(touches: Iterable[Touch]) -> dict[str, list[Touch]]:
    grouped: dict[str, list[Touch]] = {}
    for touch in touches:
        grouped.setdefault(touch.contact_id, []).append(touch)
    return grouped


def _reply_stats(contacts: Iterable[Contact], touches: dict[str, list[Touch]]) -> ReplyStats:
    reached = replied = waiting = 0
    times: dict[str, timedelta] = {}
    for contact in contacts:
        if reached_out_at(contact) is None:
            continue
        reached += 1
        delay = time_to_reply(contact, touches.get(contact.id, []))
        if delay is not None:
            replied += 1
            times[contact.id] = delay
        elif not contact.archived and contact.stage is Stage.REACHED_OUT:
            waiting += 1
    return ReplyStats(reached, replied, waiting, times)


def reply_stats_by(
    contacts: Iterable[Contact],
    touches: Iterable[Touch],
    key: Callable[[Contact], str] = lambda c: c.source or "unknown",
) -> dict[str, ReplyStats]:
    """Reply stats per group (by default the source: referral, cold, alumni...), largest first."""
    grouped = _by_contact(touches)
    groups: dict[str, list[Contact]] = {}
    for contact in contacts:
        if reached_out_at(contact) is not None:
            groups.setdefault(key(contact), []).append(contact)
    stats = {name: _reply_stats(members, grouped) for name, members in groups.items()}
    return dict(sorted(stats.items(), key=lambda item: (-item[1].reached_out, item[0])))


# -- time in stage --------------------------------------------------------------------------
@dataclass(frozen=True)
class StageTime:
    stage: Stage
    median: timedelta | None  # over finished stays (the contact moved on)
    stays: int
    waiting_median: timedelta | None  # how long the active contacts in it now have been there
    waiting: int

    @property
    def small_sample(self) -> bool:
        return is_small(self.stays)


def time_in_stage(contacts: Iterable[Contact], now: datetime) -> list[StageTime]:
    finished: dict[Stage, list[timedelta]] = {stage: [] for stage in STAGES}
    current: dict[Stage, list[timedelta]] = {stage: [] for stage in STAGES}
    for contact in contacts:
        history = sorted(contact.history, key=lambda change: change.at)
        for here, following in zip(history, history[1:], strict=False):
            finished[here.stage].append(following.at - here.at)
        if history and not contact.archived and history[-1].stage is contact.stage:
            current[contact.stage].append(now - history[-1].at)
    return [
        StageTime(
            stage,
            median(finished[stage]),
            len(finished[stage]),
            median(current[stage]),
            len(current[stage]),
        )
        for stage in STAGES
    ]


# -- weekly activity ------------------------------------------------------------------------
@dataclass(frozen=True)
class Weekly:
    weeks: list[date]  # Mondays, oldest first; the last is this week
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def small_sample(self) -> bool:
        return is_small(self.total)

    @property
    def sparkline(self) -> str:
        return sparkline(self.counts)


def _week_of(moment: datetime, now: datetime) -> date:
    day = moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()
    return day - timedelta(days=day.weekday())


def _weekly(moments: Iterable[datetime], now: datetime, weeks: int) -> Weekly:
    this_week = _week_of(now, now)
    mondays = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(mondays, 0)
    for moment in moments:
        week = _week_of(moment, now)
        if week in counts and moment <= now:
            counts[week] += 1
    return Weekly(mondays, [counts[m] for m in mondays])


def meetings_per_week(meetings: Iterable[Meeting], now: datetime, weeks: int = WEEKS) -> Weekly:
    """Meetings held (marked ended) in each of the last `weeks` weeks, by the day they began."""
    held = [m.when or m.started_at or m.ended_at for m in meetings if m.ended_at is not None]
    return _weekly([moment for moment in held if moment is not None], now, weeks)


def touches_per_week(
    touches: Iterable[Touch],
    now: datetime,
    weeks: int = WEEKS,
    kinds: Iterable[TouchKind] | None = None,
) -> Weekly:
    wanted = set(kinds) if kinds is not None else None
    return _weekly(
        [t.at for t in touches if wanted is None or t.kind in wanted],
        now,
        weeks,
    )


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(counts: Sequence[int]) -> str:
    """One character per count, '▁' for zero and '█' for the largest."""
    top = max(counts, default=0)
    if top <= 0:
        return _BARS[0] * len(counts)
    return "".join(_BARS[round(c / top * (len(_BARS) - 1))] for c in counts)


# -- everything at once ---------------------------------------------------------------------
# What counts as a message sent: requests and follow-ups, thank-yous, check-ins.
MESSAGES_SENT = (TouchKind.MESSAGE_SENT, TouchKind.THANK_YOU, TouchKind.CHECK_IN)


@dataclass(frozen=True)
class Insights:
    funnel: Funnel
    replies: ReplyStats
    replies_by_source: dict[str, ReplyStats]
    stage_times: list[StageTime]
    meetings_weekly: Weekly
    outreach_weekly: Weekly  # messages sent per week (MESSAGES_SENT)
    by_tiara: list[InsightGroup]
    themes: list[Theme]  # across everyone
    heard_from: int
    introductions: IntroTree
    highlights: list[str]


def compute(
    contacts: Iterable[Contact],
    meetings: Iterable[Meeting],
    touches: Iterable[Touch],
    now: datetime,
    *,
    weeks: int = WEEKS,
) -> Insights:
    """Everything the insights screen shows, in one pass over the records. Groupings other
    than TIARA (`group_insights(..., GroupBy.COMPANY)`) are computed when the user asks."""
    people, held, logged = list(contacts), list(meetings), list(touches)
    replies = reply_stats(people, logged)
    by_source = reply_stats_by(people, logged)
    stage_times = time_in_stage(people, now)
    tree = introduction_tree(people)
    all_themes = themes(captured_insights(people, held))
    heard = len(people_heard_from(people, held))
    return Insights(
        funnel=funnel(people),
        replies=replies,
        replies_by_source=by_source,
        stage_times=stage_times,
        meetings_weekly=meetings_per_week(held, now, weeks),
        outreach_weekly=touches_per_week(logged, now, weeks, list(MESSAGES_SENT)),
        by_tiara=group_insights(people, held, GroupBy.TIARA),
        themes=all_themes,
        heard_from=heard,
        introductions=tree,
        highlights=highlights(by_source, stage_times, all_themes, heard, tree),
    )


def highlights(
    by_source: dict[str, ReplyStats],
    stage_times: list[StageTime],
    all_themes: list[Theme],
    heard_from: int,
    tree: IntroTree,
) -> list[str]:
    """A few plain sentences about the campaign, each marked when its sample is small."""
    found: list[str] = []

    def note(text: str, small: bool) -> None:
        found.append(text + (" (small sample)" if small else ""))

    # A missing source says nothing the user can act on: compared are the sources noted.
    rated = [(name, s) for name, s in by_source.items() if s.rate is not None and name != "unknown"]
    if len(rated) >= 2:
        best = max(rated, key=lambda item: (item[1].rate or 0.0, item[1].reached_out))
        worst = min(rated, key=lambda item: (item[1].rate or 0.0, -item[1].reached_out))
        if (best[1].rate or 0.0) > (worst[1].rate or 0.0):
            # answered: a reply logged, or a meeting agreed (the card moved to Scheduled)
            note(
                f"{source_name(best[0], capital=True)} contacts answered {best[1].replied} of "
                f"{count_of(best[1].reached_out, 'request')}; {source_name(worst[0])} contacts "
                f"{worst[1].replied} of {worst[1].reached_out}.",
                best[1].small_sample or worst[1].small_sample,
            )
    slow = [t for t in stage_times if t.median is not None and t.stage is not Stage.IN_TOUCH]
    if slow:
        longest = max(slow, key=lambda t: t.median or timedelta(0))
        days = (longest.median or timedelta(0)) / timedelta(days=1)
        note(
            f"Contacts spend longest in {longest.stage.label}: {days:.0f} days on median.",
            longest.small_sample,
        )
    shared = [t for t in all_themes if len(t.people) >= 2]
    if shared:
        top = shared[0]
        note(
            f'"{top.text}": mentioned by {len(top.people)} of {heard_from} people.',
            is_small(heard_from),
        )
    if tree.roots:
        star = max(tree.roots, key=lambda node: node.descendants)
        note(
            f"{star.contact.name}'s introductions led to {star.descendants} "
            f"{'person' if star.descendants == 1 else 'people'}.",
            False,
        )
    return found
