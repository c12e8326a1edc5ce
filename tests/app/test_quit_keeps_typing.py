"""Quitting (ctrl+q) from an editing screen right after typing keeps what was typed."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from infoint_tui.actions.campaign import Campaign, open_campaign
from infoint_tui.widgets.draft_area import DraftArea

from .helpers import demo_file, make_app
from .test_prep import contact_id


async def quit_after(db_path, clock, keys: list[str], edit) -> Campaign:
    demo_file(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        board = app.screen
        await edit(app, pilot, board)
        for key in keys:
            await pilot.press(key)
        await pilot.press("ctrl+q")  # at once: no escape, no ctrl+s, no save delay
        await pilot.pause()
    assert app.close_store() is None
    return open_campaign(db_path, clock=clock)


async def test_prep_research_typed_just_before_quitting_is_saved(db_path, clock):
    async def edit(app, pilot, board) -> None:
        board.show_contact(contact_id(app, "Amara Nwosu"))
        await pilot.press("p")
        app.screen.query_one("#research-person", TextArea).insert("Ran a museum lab.")
        await pilot.pause()

    repo = await quit_after(db_path, clock, [], edit)
    amara = next(c for c in repo.contacts() if c.name == "Amara Nwosu")
    assert amara.research_person == "Ran a museum lab."


async def test_a_draft_typed_just_before_quitting_is_kept(db_path, clock):
    async def edit(app, pilot, board) -> None:
        board.show_contact(contact_id(app, "Priya Raman"))
        await pilot.press("c")
        app.screen.query_one(DraftArea).insert("PS: ")
        await pilot.pause()

    repo = await quit_after(db_path, clock, [], edit)
    priya = next(c for c in repo.contacts() if c.name == "Priya Raman")
    assert priya.drafts["outreach"].startswith("PS: Hi Priya,")


async def test_settings_typed_just_before_quitting_are_saved(db_path, clock):
    async def edit(app, pilot, board) -> None:
        app.open_settings()
        await pilot.pause()
        app.screen.query_one("#s-school", Input).value = "Metro State"
        await pilot.pause()

    repo = await quit_after(db_path, clock, [], edit)
    assert repo.settings.school == "Metro State"
