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


def _problem(screen, field: str) -> str:
    label = screen.query_one(f"#e-{field}")
    return str(label.render()) if label.has_class("-error") else ""


async def test_fields_are_checked_as_they_are_typed_and_the_message_follows_the_value(
    db_path, clock
):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, ContactScreen)
        await pilot.pause()
        assert all(_problem(screen, f) == "" for f in ("name", "email", "url", "cadence"))
        await pilot.press(*"Ada", "tab", "tab", "tab", "tab", "tab")
        assert app.focused is screen.query_one("#f-email", Input)
        await pilot.press(*"ada@")
        assert "'ada@' is not an email address" in _problem(screen, "email")
        await pilot.press(*"exa")
        assert "'ada@exa' is not" in _problem(screen, "email")  # the value now typed
        await pilot.press(*"mple.com")
        assert _problem(screen, "email") == ""
        screen.query_one("#f-cadence", Input).focus()
        await pilot.press(*"six")
        assert "a number of weeks" in _problem(screen, "cadence")
        await pilot.press("backspace", "backspace", "backspace", "6")
        assert _problem(screen, "cadence") == ""
        screen.query_one("#f-name", Input).focus()
        await pilot.press("end", "backspace", "backspace", "backspace")
        assert "needs a name" in _problem(screen, "name")
        await pilot.press(*"Ada Byron")
        assert _problem(screen, "name") == ""
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
    saved = saved_contacts(db_path)["Ada Byron"]
    assert (saved["email"], saved["cadence_weeks"]) == ("ada@example.com", 6)


async def test_words_as_they_are_spelled_linkedin_and_one_contact(db_path, clock):
    from textual.widgets import Select

    from infoint_tui.actions.campaign import open_campaign
    from infoint_tui.domain.models import Contact
    from infoint_tui.domain.stages import Stage
    from infoint_tui.screens.insights import InsightsScreen

    seed = open_campaign(db_path, clock=clock)
    seed.add_contact(Contact(name="Ada Byron", source="linkedin", stage=Stage.REACHED_OUT))
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "enter")
        assert app.screen.query_one("#f-source", Select).value == "linkedin"
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "LinkedIn" in shown and "Linkedin" not in shown
        await pilot.press("escape", "s")
        assert isinstance(app.screen, InsightsScreen)
        header = str(app.screen.query_one("#insights-header").render())
        assert "1 contact ·" in header and "1 contacts" not in header
