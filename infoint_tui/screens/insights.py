"""Insights (`s` on the board): what the campaign says about itself.

Highlights first (a few sentences the user may not have noticed), then panels: the funnel,
replies, time in stage, weekly activity, captured insights grouped with counts of people, and
the introduction tree. One scrolling page: two columns of panels from 110 columns up, one
below; the number keys jump to a panel.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..domain.goals import week_progress
from ..domain.insights import GroupBy, Insights, compute, group_insights
from ..domain.text import count_of
from ..widgets.insight_panels import (
    funnel_text,
    highlights_text,
    replies_text,
    stage_time_text,
    themes_text,
    tree_text,
    weekly_text,
)
from ..widgets.key_bar import KeyBar
from ..widgets.text import escape
from .base import CampaignMixin, FollowsCampaign

WIDE = 110  # two columns of panels from this width
PANELS = ("funnel", "replies", "stage-time", "activity", "themes", "introductions")
TITLES = {
    "funnel": "Funnel",
    "replies": "Replies",
    "stage-time": "Time in stage",
    "activity": "Activity",
    "themes": "Captured insights",
    "introductions": "Who introduced whom",
}
GROUPINGS = list(GroupBy)


class InsightsBody(VerticalScroll, inherit_bindings=False):
    """The scrolling page: up and down only (j/k too); nothing to scroll sideways."""

    BINDINGS = [
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]


class InsightsScreen(FollowsCampaign, CampaignMixin, Screen[None]):
    AREA = "Insights"
    DEFAULT_CSS = """
    InsightsScreen #insights-header { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    InsightsScreen #insights-body { height: 1fr; padding: 0 1; }
    InsightsScreen .panel {
        height: auto; padding: 0 1;
        border: round $panel-lighten-2; border-title-color: $accent; border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    InsightsScreen #panel-highlights { border: round $accent; margin-bottom: 1; }
    /* In a grid a margin eats into the cell: the gutter spaces the panels instead. */
    InsightsScreen #insights-grid {
        height: auto; layout: grid; grid-size: 1; grid-rows: auto; grid-gutter: 1 1;
    }
    InsightsScreen.-wide #insights-grid { grid-size: 2; }
    """
    BINDINGS = [
        Binding(
            "g", "group", "Group by", tooltip="Group insights by TIARA, tag, company, industry"
        ),
        Binding("1", "jump('funnel')", "Funnel", show=False),
        Binding("2", "jump('replies')", "Replies", show=False),
        Binding("3", "jump('stage-time')", "Time in stage", show=False),
        Binding("4", "jump('activity')", "Activity", show=False),
        Binding("5", "jump('themes')", "Captured insights", show=False),
        Binding("6", "jump('introductions')", "Introductions", show=False),
        Binding("escape", "back", "Back", tooltip="Back to the board"),
        Binding("question_mark", "app.help", "Help", key_display="?", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="insights-screen")
        self.found: Insights | None = None
        self.grouping = GroupBy.TIARA

    def compose(self) -> ComposeResult:
        yield Static(id="insights-header")
        with InsightsBody(id="insights-body"):
            highlights = Static(id="panel-highlights", classes="panel")
            highlights.border_title = "What stands out"
            yield highlights
            with Container(id="insights-grid"):
                for n, name in enumerate(PANELS, start=1):
                    panel = Static(id=f"panel-{name}", classes="panel")
                    panel.border_title = f"{n} {TITLES[name]}"
                    yield panel
        yield KeyBar()

    def on_mount(self) -> None:
        self.recompute()
        self.query_one("#insights-body", InsightsBody).focus()

    WATCHED = ("contacts", "meetings", "touches")

    def show_campaign(self) -> None:
        self.recompute()

    def on_resize(self) -> None:
        if self.found is not None:
            self.show()

    # -- data -------------------------------------------------------------------------------
    def recompute(self) -> None:
        campaign = self.campaign
        self.contacts = campaign.contacts(archived=None)
        self.meetings = campaign.meetings()
        self.found = compute(self.contacts, self.meetings, campaign.touches(), self.now)
        self.show()

    def groups(self) -> list:
        assert self.found is not None
        if self.grouping is GroupBy.TIARA:
            return self.found.by_tiara
        return group_insights(self.contacts, self.meetings, self.grouping)

    # -- drawing ----------------------------------------------------------------------------
    def panel_width(self) -> int:
        """The text width inside one panel (border 2, padding 2, page padding 2, scrollbar 1)."""
        width = self.app.size.width
        if width >= WIDE:
            return (width - 3 - 1) // 2 - 4
        return width - 3 - 4

    def show(self) -> None:
        found = self.found
        assert found is not None
        self.set_class(self.app.size.width >= WIDE, "-wide")
        width = self.panel_width()
        funnel = found.funnel
        header = [f"[b]Insights[/] · {count_of(funnel.total, 'contact')}"]
        header.append(f"{found.heard_from} heard from")
        header.append(
            f"{found.meetings_weekly.total} meetings in {len(found.meetings_weekly.counts)} weeks"
        )
        progress = week_progress(self.contacts, self.meetings, self.campaign.settings, self.now)
        if progress.has_goals:
            header.append(("[$success]" if progress.met else "[b]") + escape(progress.text) + "[/]")
        self.query_one("#insights-header", Static).update(" · ".join(header))
        self._panel("highlights").update(
            highlights_text(found.highlights, funnel.total, found.heard_from)
        )
        self._panel("funnel").update(funnel_text(funnel, width))
        self._panel("replies").update(replies_text(found.replies, found.replies_by_source, width))
        self._panel("stage-time").update(stage_time_text(found.stage_times))
        self._panel("activity").update(
            weekly_text(found.meetings_weekly, found.outreach_weekly, width)
        )
        themes = self._panel("themes")
        themes.border_title = f"5 Captured insights by {self.grouping.label}"
        following = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        themes.border_subtitle = f"g: by {following.label.lower()}"
        themes.update(themes_text(self.groups(), width))
        people = {c.id: c for c in self.contacts}
        self._panel("introductions").update(tree_text(found.introductions, people, width))

    def _panel(self, name: str) -> Static:
        return self.query_one(f"#panel-{name}", Static)

    # -- actions ----------------------------------------------------------------------------
    def action_group(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.show()
        self.action_jump("themes")

    def action_jump(self, name: str) -> None:
        self.query_one("#insights-body", InsightsBody).scroll_to_widget(
            self._panel(name), animate=False, top=True
        )

    def action_back(self) -> None:
        self.dismiss(None)
