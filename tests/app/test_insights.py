"""Insights (`s`): the figures of the demo campaign as the screen shows them, grouping, jumps."""

from __future__ import annotations

import re

from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.insights import InsightsScreen

from .helpers import demo_file, running

FUNNEL_ROW = re.compile(r"^(\D+?)\s+(\d+) (█+)\s+(\S*)\s+(\d+)$")


def funnel_rows(text: str) -> list[tuple[str, int, int, str, int]]:
    """(stage, reached, bar length, conversion, now) of each funnel line."""
    found = []
    for line in text.splitlines():
        if match := FUNNEL_ROW.match(line):
            label, reached, bar, conv, now = match.groups()
            found.append((label, int(reached), len(bar), conv, int(now)))
    return found


def panel(app, name: str) -> str:
    screen = app.screen
    assert isinstance(screen, InsightsScreen)
    return str(screen.query_one(f"#panel-{name}").render())


async def test_s_shows_the_demo_campaign_in_figures(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(120, 40)) as (app, pilot):
        await pilot.press("s")
        assert isinstance(app.screen, InsightsScreen)
        assert app.screen.has_class("-wide")  # two columns of panels at 120
        rows = funnel_rows(panel(app, "funnel"))
        assert [(label, reached, now) for label, reached, _, _, now in rows] == [
            ("Prospects", 13, 4), ("Reached out", 9, 2), ("Scheduled", 6, 2),
            ("Interviewed", 4, 1), ("Thanked", 3, 1), ("In touch", 2, 2),
        ]  # fmt: skip
        assert [conv for *_, conv, _ in rows] == ["", "69%", "67%", "67%", "75%*", "67%*"]
        bars = [bar for _, _, bar, _, _ in rows]
        assert bars == sorted(bars, reverse=True) and bars[0] > 3 * bars[-1]
        assert "13 contacts (1 archived)" in panel(app, "funnel")
        assert "* fewer than 5 cases: a small sample" in panel(app, "funnel")
        replies = panel(app, "replies")
        assert "6 of 9 (67%) · 2 still waiting" in replies
        assert "3.1 days median (6 replies)" in replies
        assert "alumni" in replies and "small sample" in replies
        themes = " ".join(panel(app, "themes").split())  # long lines wrap in two columns
        assert "“Facilitation is most of the job”" in themes
        assert "mentioned by 2 of 4 people: Kenji Sato, Hannah Schmidt" in themes
        assert "mentioned by 2 of 4 people: Ruth Abebe, Leo Martins" in themes
        tree = panel(app, "introductions").splitlines()
        assert tree[0] == "2 introductions by 1 person · longest chain 1"
        assert tree[2] == "Ruth Abebe · In touch · VP Product @ Wingtip"
        assert tree[3].startswith("├── Daniel Kim") and tree[4].startswith("└── Grace Okafor")
        highlights = panel(app, "highlights")
        assert '"Facilitation is most of the job": mentioned by 2 of 4 people.' in highlights
        assert "Ruth Abebe's introductions led to 2 people." in highlights
        activity = panel(app, "activity")
        # sent in 12 weeks: 9 requests and follow-ups, 3 thank-yous and Ruth's check-in
        assert "4 held · small sample" in activity and "13 sent" in activity
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_g_groups_insights_by_tag_company_and_industry(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("s", "g")
        screen = app.screen
        assert screen.query_one("#panel-themes").border_title.endswith("by Tag")
        assert "mentor  heard from 1 person" in panel(app, "themes")
        await pilot.press("g")
        assert screen.query_one("#panel-themes").border_title.endswith("by Company")
        assert "Wingtip  heard from 1 person" in panel(app, "themes")
        await pilot.press("g", "g")
        assert screen.query_one("#panel-themes").border_title.endswith("by TIARA category")


async def test_80x24_is_one_column_that_scrolls_and_the_numbers_jump(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("s")
        screen = app.screen
        assert not screen.has_class("-wide")
        body = screen.query_one("#insights-body")
        assert body.scroll_y == 0 and body.max_scroll_y > 40
        await pilot.press("6")
        await pilot.pause()
        tree = screen.query_one("#panel-introductions")
        assert body.scroll_y > 0 and body.region.contains_region(tree.region)  # the last: in view
        await pilot.press("1")
        await pilot.pause()
        assert screen.query_one("#panel-funnel").region.y <= body.region.y + 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0


async def test_an_empty_campaign_says_what_would_fill_it(db_path, clock):
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("s")
        assert "Not enough to go on yet: 0 contacts" in panel(app, "highlights")
        assert "No one reached out to yet" in panel(app, "replies")
        assert "No insights captured yet" in panel(app, "themes")
        assert "No introductions yet" in panel(app, "introductions")


async def test_the_palette_opens_insights(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("ctrl+p", *"board: insights")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)


async def test_help_on_insights_lists_its_keys_and_no_sideways_scrolling(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("s", "question_mark")
        text = str(app.screen.query_one("#help-text").render())
        for words in ("Insights", "Group by", "Introductions", "Scrolling", "Page down"):
            assert words in text
        assert "Scroll Left" not in text
