"""The contact form's web address: refused when it is not one, completed when it lacks https://."""

from __future__ import annotations

from textual.widgets import Input

from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.contact import ContactScreen

from .helpers import demo_file, running, saved_contacts, settle


async def test_a_bad_web_address_is_refused_and_a_bare_one_completed(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ContactScreen)
        name = app.campaign.contact(screen.contact_id).name
        before = saved_contacts(db_path)[name]
        screen.query_one("#f-url", Input).value = "ftp://nope"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "not a web address" in str(screen.query_one("#e-url").render())
        assert app.focused is screen.query_one("#f-url", Input)
        assert saved_contacts(db_path)[name] == before
        screen.query_one("#f-url", Input).value = "linkedin.com/in/someone-real"
        await pilot.press("ctrl+s", "escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["url"] == "https://linkedin.com/in/someone-real"
