"""The brief from the board (b) and from prep: content, export to a file, copy, no meeting yet."""

from __future__ import annotations

from textual.widgets import Input, Static

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.brief import brief_markdown
from infoint_tui.domain.models import MeetingQuestion
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.brief import BriefScreen
from infoint_tui.screens.prep import PrepScreen
from infoint_tui.widgets.confirm import ConfirmScreen
from infoint_tui.widgets.path_prompt import PathPrompt

from .helpers import demo_file, running, settle
from .test_prep import contact_id, meetings_of


async def open_brief(app, pilot, name: str) -> None:
    board = app.screen
    assert isinstance(board, BoardScreen)
    board.show_contact(contact_id(app, name))
    await pilot.press("b")
    await pilot.pause()


def body(app) -> str:
    return str(app.screen.query_one("#brief-body", Static).render())


async def test_b_shows_everything_for_the_last_look_in_order(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await open_brief(app, pilot, "Daniel Kim")
        assert isinstance(app.screen, BriefScreen)
        title = str(app.screen.query_one("#brief-title", Static).render())
        assert "Brief · Daniel Kim" in title and "tomorrow 10:30 · 82% ready" in title
        text = body(app)
        expected_in_order = [
            "Daniel Kim",
            "UX Researcher @ Northwind Health · health tech",
            "Found through a referral · referred by Ruth Abebe",
            "WHEN AND WHERE",
            "Thursday 19 November 2026, 10:30-10:50 CET (tomorrow 10:30)",
            "Coffee at Blue Door Café, 5th & Pine · 20 minutes",
            "I pay",
            "MY OBJECTIVES",
            "• Learn how he moved from school psychology into research",
            "MY QUESTIONS",
            " 1. T  What trends are changing how research teams work with clinicians?",
            " 2. I  What surprised you most when you moved from schools into product\n"
            "       work?",  # wrapped under the text, not under the number
            " 5. As Is there a small project I could take on to test this path?",
            "THE ASK",
            "An introduction to someone else in the field I could learn from",
            "MY INTRODUCTION",
            "I teach science, and I've been running classroom studies for years",
            "STILL TO DO · 82% READY",
            "☐ Prepare the ask (an introduction to someone else)",
            "☐ Confirm time and place (or dial-in) the day before",
            "RESEARCH: DANIEL KIM",
            "5 years at Northwind",
            "RESEARCH: NORTHWIND HEALTH",
            "patient-scheduling software",
        ]
        positions = [text.find(part) for part in expected_in_order]
        assert -1 not in positions, [
            p for p, at in zip(expected_in_order, positions, strict=True) if at < 0
        ]
        assert positions == sorted(positions)
        # It scrolls at 80x24, from the keyboard.
        scroll = app.screen.query_one("#brief-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "pagedown")
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_export_writes_the_markdown_next_to_the_data_file_and_says_where(
    db_path, clock, tmp_path
):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_brief(app, pilot, "Daniel Kim")
        brief = app.screen.brief()
        await pilot.press("e")
        assert isinstance(app.screen, PathPrompt)
        field = app.screen.query_one("#path", Input)
        default = db_path.parent / "daniel-kim-brief.md"
        assert field.value == str(default)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert default.read_text(encoding="utf-8") == brief_markdown(brief)
        assert any(str(default) in n.message for n in app._notifications)
        # Another place: a folder that does not exist is refused; a folder gets the file name.
        await pilot.press("e")
        field = app.screen.query_one("#path", Input)
        field.value = str(tmp_path / "nowhere" / "x.md")
        await pilot.press("enter")
        assert isinstance(app.screen, PathPrompt)
        assert "No folder" in str(app.screen.query_one("#path-hint").render())
        (tmp_path / "briefs").mkdir()
        field.value = str(tmp_path / "briefs") + "/"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        written = tmp_path / "briefs" / "daniel-kim-brief.md"
        assert written.read_text(encoding="utf-8").startswith("# Brief: Daniel Kim\n")
        assert not list((tmp_path / "briefs").glob(".*.tmp"))  # atomic: no temp file left


async def test_c_copies_the_brief_to_the_clipboard(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_brief(app, pilot, "Amara Nwosu")
        await pilot.press("c")
        assert app.clipboard.startswith("# Brief: Amara Nwosu\n")
        assert "Video: meet.example/amara-sam" in app.clipboard


async def test_b_without_a_meeting_says_so_and_offers_prep(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_brief(app, pilot, "Priya Raman")
        assert isinstance(app.screen, ConfirmScreen)
        assert "No meeting with Priya Raman yet" in str(app.screen.query_one("#question").render())
        await pilot.press("n")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert meetings_of(db_path, app, "Priya Raman") == []  # nothing created by asking
        await pilot.press("b", "y")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.contact.name == "Priya Raman"


async def test_from_prep_to_brief_and_back(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        board = app.screen
        board.show_contact(contact_id(app, "Daniel Kim"))
        await pilot.press("p")
        prep = app.screen
        assert isinstance(prep, PrepScreen)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("p")  # back to the prep it came from
        assert app.screen is prep
        await pilot.press("escape", "b", "p")  # from the board: brief, then prep in its place
        assert isinstance(app.screen, PrepScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_my_own_words_in_brackets_are_shown_as_typed(db_path, clock):
    repo = open_campaign(demo_file(db_path, clock), clock=clock)
    daniel = next(c for c in repo.contacts() if c.name == "Daniel Kim")
    meeting = repo.next_meeting(daniel.id)
    meeting.questions.append(MeetingQuestion(text="[Draft] Would [T] teams hire a teacher?"))
    meeting.objectives += "\n[Must] hear about nurses"
    repo.save_meeting(meeting)
    async with running(db_path, clock) as (app, pilot):
        await open_brief(app, pilot, "Daniel Kim")
        text = body(app)
        assert " 6.    [Draft] Would [T] teams hire a teacher?" in text
        assert "• [Must] hear about nurses" in text
