"""What each panel of the insights screen says, as Rich text for a given width.

Pure functions of `domain.insights` results, so the screen only lays them out. Every figure
resting on fewer than `SMALL_SAMPLE` cases is marked, in words or with a footnoted `*`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rich.text import Text

from ..domain.insights import (
    SMALL_SAMPLE,
    Funnel,
    InsightGroup,
    IntroTree,
    ReplyStats,
    StageTime,
    Weekly,
    tree_lines,
)
from ..domain.models import Contact, source_name
from ..domain.stages import Stage
from ..domain.text import count_of
from .palette import STAGE_COLORS
from .text import fit, plain, wrap

SMALL = "small sample"
FOOTNOTE = f"* fewer than {SMALL_SAMPLE} cases: a small sample"
LABEL = 13  # stage names and row labels
NBSP = "\u00a0"


def span(delta: timedelta | None) -> str:
    """'20 h', '3.7 days', '11 days', '—'."""
    if delta is None:
        return "—"
    hours = delta / timedelta(hours=1)
    if hours < 48:
        return f"{hours:.0f} h"
    days = hours / 24
    return f"{days:.1f} days" if days < 10 else f"{days:.0f} days"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


# -- highlights -----------------------------------------------------------------------------
def highlights_text(found: Sequence[str], contacts: int, heard_from: int) -> Text:
    if not found:
        return Text(
            f"Not enough to go on yet: {count_of(contacts, 'contact')}, "
            f"{count_of(heard_from, 'conversation')}. "
            "Reach out, hold a few calls and capture insights (i in live notes).",
            style="dim",
        )
    text = Text()
    for n, sentence in enumerate(found):
        if n:
            text.append("\n")
        text.append("• ", style="bold")
        main, small, _ = sentence.partition(f" ({SMALL})")
        text.append(plain(main))  # quotes tags, companies and what people said
        if small:
            text.append(f" ({SMALL})", style="dim italic")
    return text


# -- funnel ---------------------------------------------------------------------------------
def funnel_text(funnel: Funnel, width: int) -> Text:
    """One line a stage: reached (a bar in the stage's colour), conversion, how many now."""
    bar_room = max(6, width - LABEL - 4 - 6 - 1 - 5)
    top = max((row.reached for row in funnel.stages), default=0) or 1
    text = Text()
    header = f"{'':<{LABEL}}{'reached':<{4 + bar_room}}{'conv.':>6} {'now':>5}"
    text.append(header + "\n", style="dim")
    flagged = False
    for row in funnel.stages:
        colour = STAGE_COLORS[row.stage]
        text.append(fit(row.stage.label, LABEL - 1).ljust(LABEL), style=f"bold {colour}")
        text.append(f"{row.reached:>3} ")
        length = round(row.reached / top * bar_room)
        if row.reached and not length:
            length = 1
        text.append("█" * length, style=colour)
        text.append(" " * (bar_room - length))
        conversion = percent(row.conversion) if row.conversion is not None else ""
        mark = "*" if row.small_sample and row.conversion is not None else " "
        flagged |= mark == "*"
        text.append(f" {conversion:>5}", style="dim" if row.small_sample else "")
        text.append(mark, style="yellow")
        text.append(f" {row.current:>4}\n")
    total = f"{funnel.total} contact{'s' if funnel.total != 1 else ''}"
    if funnel.archived:
        total += f" ({funnel.archived} archived)"
    text.append(total, style="dim")
    if funnel.small_sample:
        text.append(f" · {SMALL}", style="dim italic")
    text.append("\nreached: got this far or further", style="dim")
    text.append("\nconv.: share of the stage before", style="dim")
    if flagged:
        text.append("\n" + FOOTNOTE, style="dim")
    return text


# -- replies --------------------------------------------------------------------------------
def replies_text(replies: ReplyStats, by_source: dict[str, ReplyStats], width: int) -> Text:
    text = Text()
    if not replies.reached_out:
        text.append("No one reached out to yet: move a card to Reached out.", style="dim")
        return text
    text.append(f"{'Reply rate':<{LABEL + 2}}", style="bold")
    text.append(f"{replies.replied} of {replies.reached_out} ({percent(replies.rate)})")
    if replies.waiting:
        text.append(f" · {replies.waiting} still waiting")
    if replies.small_sample:
        text.append(f" · {SMALL}", style="dim italic")
    text.append(f"\n{'Time to reply':<{LABEL + 2}}", style="bold")
    if replies.median is None:
        text.append("no replies yet", style="dim")
    else:
        text.append(f"{span(replies.median)} median ({replies.replied} replies)")
        if replies.median_small_sample:
            text.append(f" · {SMALL}", style="dim italic")
    if len(by_source) < 2:
        return text
    text.append(f"\n\n{'by source':<{LABEL + 2}}{'replied':<10}{'median':<10}", style="dim")
    for name, stats in by_source.items():
        text.append("\n")
        text.append(fit(plain(source_name(name), multiline=False), LABEL + 1).ljust(LABEL + 2))
        text.append(f"{stats.replied} of {stats.reached_out}".ljust(10))
        text.append(span(stats.median).ljust(10))
        if stats.small_sample and width >= LABEL + 2 + 20 + 13:
            text.append(SMALL, style="dim italic")
        elif stats.small_sample:
            text.append("*", style="yellow")
    return text


# -- time in stage --------------------------------------------------------------------------
def stage_time_text(rows: Sequence[StageTime]) -> Text:
    text = Text()
    text.append(f"{'':<{LABEL}}{'median stay (n)':>15}  there now\n", style="dim")
    flagged = False
    for row in rows:
        colour = STAGE_COLORS[row.stage]
        text.append(fit(row.stage.label, LABEL - 1).ljust(LABEL), style=f"bold {colour}")
        stay = f"{span(row.median)} ({row.stays})" if row.stays else "—"
        mark = "*" if row.stays and row.small_sample else " "
        flagged |= mark == "*"
        text.append(stay.rjust(14), style="dim" if row.small_sample else "")
        text.append(mark + " ", style="yellow")
        if row.waiting:
            text.append(f"{row.waiting} for {span(row.waiting_median)}")
        else:
            text.append("—", style="dim")
        text.append("\n")
    text.append("n: contacts who have moved on from the stage", style="dim")
    if flagged:
        text.append("\n" + FOOTNOTE, style="dim")
    return text


# -- weekly activity ------------------------------------------------------------------------
def weekly_text(meetings: Weekly, outreach: Weekly, width: int) -> Text:
    weeks = len(meetings.counts)
    rows = (
        ("Meetings held per week", meetings, "held", STAGE_COLORS[Stage.INTERVIEWED]),
        ("Messages sent per week", outreach, "sent", STAGE_COLORS[Stage.REACHED_OUT]),
    )

    def after(weekly: Weekly, noun: str) -> tuple[str, bool]:
        return f"  {weekly.total} {noun}", weekly.total > 0 and weekly.small_sample

    tails = [after(weekly, noun) for _, weekly, noun, _ in rows]
    tail = max(len(total) + (len(f" · {SMALL}") if small else 0) for total, small in tails)
    scale = next((n for n in (3, 2) if weeks * n + tail <= width), 1)  # one scale for both
    text = Text()
    for (title, weekly, _, colour), (total, small) in zip(rows, tails, strict=True):
        if text:
            text.append("\n\n")
        text.append(f"{title}, last {weeks} weeks\n", style="bold")
        line = "".join(char * scale for char in weekly.sparkline)
        text.append(line, style=colour)
        text.append(total)
        if small:
            text.append(f" · {SMALL}", style="dim italic")
        first, last = weekly.weeks[0], weekly.weeks[-1]
        left, right = f"{first.day} {first:%b}", f"wk of {last.day} {last:%b}"
        gap = max(1, len(line) - len(left) - len(right))
        text.append(f"\n{left}{' ' * gap}{right}", style="dim")
    return text


# -- captured insights ----------------------------------------------------------------------
def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap with a hanging indent; a no-break space (between a person's names) holds."""
    return [line.replace(NBSP, " ") for line in wrap(text, max(20, width), first, rest)]


def themes_text(groups: Sequence[InsightGroup], width: int, limit: int = 5) -> Text:
    text = Text()
    if not any(group.themes for group in groups):
        text.append(
            "No insights captured yet. In live notes, capture what you learn as an insight "
            "(tagged Trend, Insight, Advice, Resource or Assignment); the same point heard "
            "from several people is counted here.",
            style="dim",
        )
        return text
    for n, group in enumerate(groups):
        if n:
            text.append("\n")
        text.append(plain(group.name, multiline=False), style="bold")
        heard = group.heard_from
        people = "person" if heard == 1 else "people"
        text.append(f"  heard from {heard} {people}", style="dim")
        if group.small_sample and group.themes:
            text.append(f" · {SMALL}", style="dim italic")
        if not group.themes:
            text.append("\n  nothing captured yet", style="dim")
        for theme in group.themes[:limit]:
            # Long lines wrap (indented) rather than lose the words or names that matter here.
            for line in _wrap(f"“{plain(theme.text, multiline=False)}”", width, "  ", "   "):
                text.append("\n" + line)
            names = ", ".join(
                plain(p.name, multiline=False).replace(" ", NBSP) for p in theme.people
            )
            many = len(theme.people) >= 2
            for line in _wrap(f"{group.mentioned_by(theme)}: {names}", width, "    ", "      "):
                text.append("\n" + line, style="bold green" if many else "dim")
        if len(group.themes) > limit:
            text.append(f"\n  and {len(group.themes) - limit} more", style="dim")
    return text


# -- introductions --------------------------------------------------------------------------
def tree_text(tree: IntroTree, people: dict[str, Contact], width: int) -> Text:
    text = Text()
    if not tree.roots:
        text.append(
            "No introductions yet. When someone introduces you to another person, set "
            "“Referred by” on the new contact (a referral captured in live notes does it).",
            style="dim",
        )
        return text
    made, by = tree.introductions, tree.introducers
    text.append(
        f"{made} introduction{'s' if made != 1 else ''} by {by} "
        f"{'person' if by == 1 else 'people'} · longest chain {tree.deepest}\n\n",
        style="dim",
    )
    for n, line in enumerate(tree_lines(tree, label=lambda c: c.id)):
        contact_id = line.lstrip("│├└─ ")
        prefix = line[: len(line) - len(contact_id)]
        contact = people[contact_id]
        if n:
            text.append("\n")
        text.append(prefix, style="dim")
        name = plain(contact.name, multiline=False)
        text.append(name, style=f"bold {STAGE_COLORS[contact.stage]}")
        detail = f" · {contact.stage.label}"
        if contact.role_at_company:
            detail += f" · {plain(contact.role_at_company, multiline=False)}"
        room = width - len(prefix) - len(name)
        if room > 6:
            text.append(fit(detail, room), style="dim")
    return text
