"""The dialogs of live notes over the call: the notes, the clock and the questions stay in view;
a referral's company is read from the sentence; the debrief offers the people referred."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from infoint_tui.screens.live_notes import LiveNotesScreen
from infoint_tui.screens.live_notes_dialogs import (
    DebriefDialog,
    EndInterviewDialog,
    ReferralDialog,
)

from .live_notes_helpers import make_app, saved, saved_meeting, seed_meeting, settle

REFERRAL_LINE = "talk to Jane Doe at Acme, she runs their learning research team"


def _shown(app) -> str:
    return app.export_screenshot().replace("&#160;", " ")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_each_dialog_leaves_the_notes_clock_and_questions_in_view(db_path, clock, size):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=size) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Team of six")
        await pilot.press("enter", *REFERRAL_LINE, "ctrl+r")
        assert isinstance(app.screen, ReferralDialog)
        for dialog in ("referral", "end", "debrief"):
            shown = _shown(app)
            assert "Team of six" in shown, dialog  # the notes
            assert "/ 20:00" in shown or "of 20:00" in shown, dialog  # the clock
            if dialog != "debrief":  # the debrief is tall: the notes and clock stay above it
                assert "What trends" in shown, dialog  # the first question
            if dialog == "referral":
                await pilot.press("enter", "ctrl+f")
                assert isinstance(app.screen, EndInterviewDialog)
            elif dialog == "end":
                await pilot.press("y")
                assert isinstance(app.screen, DebriefDialog)
        await pilot.press("escape")
        await settle(app, pilot)
    app.close_store()


async def test_the_referral_company_stops_where_the_sentence_goes_on(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*REFERRAL_LINE, "ctrl+r")
        assert app.screen.query_one("#referral-name", Input).value == "Jane Doe"
        assert app.screen.query_one("#referral-company", Input).value == "Acme"
        await pilot.press("enter")
        await settle(app, pilot)
    app.close_store()
    added = next(c for c in saved(db_path)["contacts"] if c["name"] == "Jane Doe")
    assert added["company"] == "Acme"


async def test_the_debriefs_who_else_offers_the_people_referred_during_the_call(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*REFERRAL_LINE, "ctrl+r", "enter")
        await pilot.press("enter", *"Bob Lee @ Initech", "ctrl+r", "enter")
        await pilot.press("ctrl+f", "y")
        assert isinstance(app.screen, DebriefDialog)
        who_else = app.screen.query_one("#debrief-who-else", TextArea)
        assert who_else.text == "Jane Doe @ Acme\nBob Lee @ Initech"
        assert "referred during the call: 2" in _shown(app)
        await pilot.press("escape")
        assert isinstance(app.screen, LiveNotesScreen)
        await settle(app, pilot)
    app.close_store()
    assert saved_meeting(db_path, meeting_id)["debrief_who_else"] == (
        "Jane Doe @ Acme\nBob Lee @ Initech"
    )


async def test_notes_on_a_prospect_are_a_call_taking_place_now_not_one_held(tmp_path, clock):
    from infoint_tui.formats import render_export
    from infoint_tui.formats.snapshot import Snapshot as Records

    from .helpers import demo_file, running, saved_table

    path = demo_file(tmp_path / "demo.json", clock)
    async with running(path, clock, size=(80, 24)) as (app, pilot):
        grace = next(c for c in app.campaign.contacts() if c.name == "Grace Okafor")
        assert grace.stage.value == "prospects"
        app.screen.show_contact(grace.id)
        await pilot.press("i", *"She picked up")
        await pilot.press("escape")
        await settle(app, pilot)
        markdown = render_export("markdown", Records.of(app.campaign), clock.now()).decode()
    (meeting,) = [m for m in saved_table(path, "meetings") if m["contact_id"] == grace.id]
    assert meeting["when"] == meeting["started_at"] == clock.now().isoformat()
    assert meeting["ended_at"] is None
    section = markdown[markdown.index("Grace Okafor") :]
    assert "not ended yet" in section.split("\n### ")[0]
    assert "Held" not in section.split("\n### ")[0]
