"""The contact form: new (n), edit (enter), validation, escape saves, archive and delete."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from infoint_tui.domain.stages import Stage
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.contact import ContactScreen

from .helpers import demo_file, running, saved_contacts, settle


async def test_new_contact_opens_with_name_focused_and_saves(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("n")
        assert isinstance(app.screen, ContactScreen)
        assert app.focused is app.screen.query_one("#f-name", Input)
        await pilot.press(*"Lin Park")
        app.screen.query_one("#f-company", Input).value = "Litware"
        app.screen.query_one("#f-email", Input).value = "lin@litware.example"
        app.screen.query_one("#f-tags", Input).value = "media, writing"
        app.screen.query_one("#f-next_due", Input).value = "next tue 10am"
        app.screen.query_one("#f-notes", TextArea).insert("Met at the design meetup.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        doc = saved_contacts(db_path)["Lin Park"]
        assert doc["company"] == "Litware" and doc["tags"] == ["media", "writing"]
        assert doc["next_action_due"].startswith("2026-11-24T10:00")
        assert doc["notes"] == "Met at the design meetup." and doc["stage"] == "prospects"
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        assert app.campaign.contact(app.screen.focused_contact_id).name == "Lin Park"


async def test_edit_and_escape_saves_what_was_typed(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ContactScreen)
        name = app.campaign.contact(screen.contact_id).name
        screen.query_one("#f-role", Input).value = "Head of Research"
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["role"] == "Head of Research"


async def test_bad_email_and_date_are_refused_with_a_message(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        name = app.campaign.contact(screen.contact_id).name
        before = saved_contacts(db_path)[name]
        screen.query_one("#f-email", Input).value = "not-an-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not an email address" in str(screen.query_one("#e-email").render())
        assert app.focused is screen.query_one("#f-email", Input)
        screen.query_one("#f-email", Input).value = ""
        screen.query_one("#f-next_due", Input).value = "the day after never"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "try 2026-12-03" in str(screen.query_one("#e-next_due").render())
        await pilot.press("escape")  # invalid: asks before discarding
        assert app.screen.query_one("#question")
        await pilot.press("n")  # keep editing
        assert app.screen is screen
        await pilot.press("escape", "y")  # discard
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert saved_contacts(db_path)[name] == before


async def test_stage_and_referrer_from_the_form(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        name = app.campaign.contact(screen.contact_id).name
        ruth = next(c for c in app.campaign.contacts() if c.name == "Ruth Abebe")
        from textual.widgets import Select

        screen.query_one("#f-stage", Select).value = "reached-out"
        screen.query_one("#f-referred_by", Select).value = ruth.id
        await pilot.press("ctrl+s", "escape")
        await settle(app, pilot)
        doc = saved_contacts(db_path)[name]
        assert doc["stage"] == "reached-out" and doc["referred_by"] == ruth.id
        assert app.campaign.contact(doc["id"]).stage is Stage.REACHED_OUT
        assert len(app.campaign.reminders(contact_id=doc["id"])) == 2  # the 3B7 clock started


async def test_timeline_shows_history(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        app.go_to_contact(next(c.id for c in app.campaign.contacts() if c.name == "Hannah Schmidt"))
        await pilot.press("enter")
        text = str(app.screen.query_one("#timeline-body").render())
        assert "Moved to Interviewed" in text and "Meeting (Phone, 30 min) held" in text
        assert "Send Hannah a thank-you" in text
        assert "Touch: Message sent" in text and "message-sent" not in text  # words, not codes


async def test_archive_and_delete_from_the_form(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("enter")
        name = app.campaign.contact(app.screen.contact_id).name
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is True
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is False
        await pilot.press("ctrl+d", "y")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert name not in saved_contacts(db_path)


async def test_a_value_longer_than_its_field_stays_readable_at_80_columns(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("n")
        field = app.screen.query_one("#f-url", Input)
        field.focus()
        field.insert_text_at_cursor(
            "https://www.linkedin.com/in/a-long-profile-name-0123456789abcdef"
        )
        await pilot.pause()
        # the one-line field scrolls with its cursor; a scrollbar used to cover its only line
        assert "0123456789abcdef" in app.export_screenshot()


async def test_at_80_columns_a_field_error_wraps_and_goes_once_fixed(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        field = screen.query_one("#f-email", Input)
        field.value = "someone at example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = screen.query_one("#e-email")
        assert "(like name@example.com)" in str(error.render())
        assert error.size.height == 2  # wrapped, not cut at the right edge
        field.value = "someone@example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error.display is False  # no blank line left under the field
        await settle(app, pilot)
        assert "someone@example.com" in [c["email"] for c in saved_contacts(db_path).values()]


async def test_a_new_contact_offers_archive_touch_and_write_once_saved(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("n")
        shown = {active.binding.action for active in app.screen.active_bindings.values()}
        assert {"archive", "log_touch", "compose", "delete"}.isdisjoint(shown)
        await pilot.press(*"Lin Park", "ctrl+s")
        await pilot.pause()
        shown = {active.binding.action for active in app.screen.active_bindings.values()}
        assert {"archive", "log_touch", "compose", "delete"} <= shown
