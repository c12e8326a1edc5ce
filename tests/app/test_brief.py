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
    """Every part of the brief, in order, as shown."""
    return "\n".join(
        str(part.render()) for part in app.screen.query(".part").results(Static) if part.display
    )


async def test_b_shows_everything_for_the_last_look_in_order(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await open_brief(app, pilot, "Daniel Kim")
        assert isinstance(app.screen, BriefScreen)
        title = str(app.screen.query_one("#brief-title", Static).render())
        assert "Brief · Daniel Kim" in title and "tomorrow 10:30 · 82% ready" in title
        text = body(app)
        expected_in_order = [
            "UX Researcher @ Northwind Health · health tech",
            "Thu 19 Nov, 10:30-10:50 · Coffee at Blue Door Café, 5th & Pine · I pay",
            "Found through a referral · referred by Ruth Abebe · focus: the industry",
            "MY OBJECTIVES",
            "• Learn how he moved from school psychology into research",
            "MY QUESTIONS",
            " 1. T  What trends are changing how research teams work with clinicians?",
            " 3. A  If you were in my position, what would you do in the next three\n"
            "       months?",  # wrapped under the text, not under the number
            " 5. As Is there a small project I could take on to test this path?",
            "ASK  An introduction to someone else in the field I could learn from",
            "(Settings' default: confirm it in prep)",  # prep says the ask is missing, too
            "INTRO  I teach science, and I've been running classroom studies for years",
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
        await pilot.press("j")
        assert scroll.scroll_y == 1
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
        assert " 6.    [Draft] Would [T] teams hire a teacher?" in text.replace("\n       ", " ")
        assert "• [Must] hear about nurses" in text


def _screen_text(app) -> str:
    return app.export_screenshot().replace("&#160;", " ")


async def test_a_full_prep_is_one_80x24_screen_with_the_checkers_warnings(db_path, clock):
    from .full_prep import THIRD_OBJECTIVE, full_prep_file

    daniel = full_prep_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        app.open_brief(daniel)
        await pilot.pause()
        meeting = app.campaign.next_meeting(daniel)
        shown = _screen_text(app)
        expected = [
            "Thu 19 Nov, 10:30-10:50",
            "Blue Door Café",
            "referred by Ruth Abebe",
            THIRD_OBJECTIVE,
            *(q.text[:30] for q in meeting.questions),
            *(q.text.split()[-1] for q in meeting.questions),  # a wrapped one's end too
            "✗ asks for a job",  # the question checker's warning on "Are you hiring?"
            "8 for 20 minutes: about 6 fit",
            "An introduction to someone else in the field",
            "I teach science",
            "want to do that work on products.",  # the end of the introduction
        ]
        missing = [part for part in expected if part not in shown]
        assert missing == [], missing
        assert app.screen.query_one("#brief-scroll").scroll_y == 0


async def test_page_down_never_skips_a_part(db_path, clock):
    from .full_prep import full_prep_file

    daniel = full_prep_file(db_path, clock)
    async with running(db_path, clock, size=(80, 16)) as (app, pilot):
        app.open_brief(daniel)
        await pilot.pause()
        scroll = app.screen.query_one("#brief-scroll")
        height = scroll.scrollable_content_region.height
        parts = [p for p in app.screen.query(".part") if p.display]
        seen = set(range(0, height))
        while scroll.scroll_y < scroll.max_scroll_y:
            before = scroll.scroll_y
            await pilot.press("pagedown")
            assert before < scroll.scroll_y <= before + height  # on, and no line jumped over
            top = int(scroll.scroll_y)
            # a part that does not fit whole is brought to the top, heading first
            assert top in {p.virtual_region.y for p in parts} | {
                before + height,
                scroll.max_scroll_y,
            }
            seen |= set(range(top, top + height))
        every_line = set(range(0, max(p.virtual_region.bottom for p in parts)))
        assert every_line <= seen
        await pilot.press("pageup")
        assert scroll.scroll_y < scroll.max_scroll_y


async def test_the_brief_and_prep_agree_on_an_ask_never_confirmed(db_path, clock):
    from infoint_tui.widgets.checklist import Checklist

    demo_file(db_path, clock)
    async with running(db_path, clock, size=(120, 40)) as (app, pilot):
        await open_brief(app, pilot, "Daniel Kim")
        assert "(Settings' default: confirm it in prep)" in body(app)
        assert "☐ Prepare the ask" in body(app)
        await pilot.press("p")  # prep says the same
        prep = app.screen
        assert isinstance(prep, PrepScreen)
        assert "the ask" in str(prep.query_one("#missing").render())
        checklist = prep.query_one(Checklist)
        index = next(i for i, item in enumerate(prep.meeting.checklist) if item.key == "ask")
        checklist.select_item(index)
        await pilot.press("space")  # confirmed as it is
        assert "the ask" not in str(prep.query_one("#missing").render())
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, BriefScreen)
        assert "Settings' default" not in body(app)
        assert "Prepare the ask" not in body(app)
