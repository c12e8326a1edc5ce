"""Text in CJK or with emoji is laid out by terminal cells: wrapped lines keep their indent."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Capture, CaptureKind, ChecklistItem, MeetingQuestion, Tiara
from infoint_tui.screens.brief import BriefScreen
from infoint_tui.screens.insights import InsightsScreen
from infoint_tui.screens.prep import PrepScreen
from infoint_tui.widgets.checklist import Checklist

from .helpers import demo_file, running

QUESTION = "田中さんの研究チームでは、臨床医と一緒にどのように調査を計画していますか？"
ITEM = "🚀 研究チームのブログ記事を読んで、共通の話題をメモする 📚"
INSIGHT = "研究者はワークショップを運営できることが求められている"


def _seed(db_path, clock) -> str:
    demo_file(db_path, clock)
    campaign = open_campaign(db_path, clock=clock)
    daniel = next(c for c in campaign.contacts() if c.name == "Daniel Kim")
    meeting = campaign.next_meeting(daniel.id)
    assert meeting is not None
    meeting.questions.insert(0, MeetingQuestion(text=QUESTION, tiara=Tiara.TRENDS))
    meeting.checklist.insert(0, ChecklistItem(text=ITEM))
    campaign.save_meeting(meeting)
    for other in campaign.contacts():
        held = campaign.last_meeting(other.id)
        if held is not None:
            held.log.append(
                Capture(at=clock.now(), kind=CaptureKind.INSIGHT, tiara=Tiara.TRENDS, text=INSIGHT)
            )
            campaign.save_meeting(held)
    return daniel.id


async def test_brief_checklist_and_insights_wrap_wide_text_within_their_width(db_path, clock):
    daniel = _seed(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        app.open_brief(daniel)
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        body = app.screen.query_one("#brief-questions", Static)
        lines = str(body.render()).splitlines()
        first = next(i for i, line in enumerate(lines) if "田中さん" in line)
        wrapped = [lines[first]]
        for line in lines[first + 1 :]:
            if not line.startswith(" " * 7):  # the next question: the wrapped ones are indented
                break
            wrapped.append(line)
        assert len(wrapped) >= 2 and "か？" in wrapped[-1], wrapped
        assert all(cell_len(line) <= body.content_size.width for line in wrapped), wrapped
        await pilot.press("escape")

        app.open_prep(daniel)
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        checklist = app.screen.query_one(Checklist)
        prompt = next(str(o.prompt) for o in checklist.options if "🚀" in str(o.prompt))
        width = checklist.scrollable_content_region.width
        assert all(cell_len(line) <= width for line in prompt.splitlines()), prompt
        await pilot.press("escape", "s")

        assert isinstance(app.screen, InsightsScreen)
        panel = app.screen.query_one("#panel-themes", Static)
        quoted = [
            line for line in str(panel.render()).splitlines() if "研究" in line or "運営" in line
        ]
        assert quoted and all(cell_len(line) <= panel.content_size.width for line in quoted)
