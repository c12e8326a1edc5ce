"""Log a touch (`r` on the board, ctrl+t on the contact, `L` for a reply now): the file shows it."""

from __future__ import annotations

from textual.widgets import Input, Label, Select

from infoint_tui.domain.stages import Stage
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.log_touch import LogTouchScreen, QuickReplyScreen

from .helpers import demo_file, running, saved_contacts, settle
from .test_agenda import reminders_of, touches_of


def focused_name(app) -> str | None:
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    contact_id = screen.focused_contact_id
    return app.campaign.contact(contact_id).name if contact_id else None


def open_nudges(path, name: str) -> list[str]:
    return sorted(
        r["kind"]
        for r in reminders_of(path, name)
        if not r["done_at"] and not r["closed_at"] and r["kind"] in ("second-person", "follow-up")
    )


async def test_r_logs_a_reply_with_a_note_and_closes_the_3b7_nudges(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right")
        assert focused_name(app) == "Marcus Bell"
        assert open_nudges(db_path, "Marcus Bell") == ["follow-up", "second-person"]
        await pilot.press("r")
        modal = app.screen
        assert isinstance(modal, LogTouchScreen)
        assert "closes 2 nudges" in str(modal.query_one("#touch-kind").options[0].prompt)
        await pilot.press("enter")  # reply received: on to the note
        assert app.focused is modal.query_one("#touch-note", Input)
        await pilot.press(*"Happy to talk", "enter")  # "⏎ next", as the dialog says
        assert app.screen is modal and app.focused is modal.query_one("#touch-when", Input)
        await pilot.press("enter")  # the last field: logs
        assert isinstance(app.screen, BoardScreen)
        card = next(c for c in app.screen.cards.values() if c.name == "Marcus Bell")
        assert card.due is None  # the nudges were all it had due
        await settle(app, pilot)
        (reply,) = [t for t in touches_of(db_path, "Marcus Bell") if t["kind"] == "reply"]
        assert reply["note"] == "Happy to talk" and reply["at"] == clock.now().isoformat()
        assert open_nudges(db_path, "Marcus Bell") == []
        assert saved_contacts(db_path)["Marcus Bell"]["last_contact"] == clock.now().isoformat()


async def test_a_call_yesterday_typed_in_words(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "down")
        assert focused_name(app) == "Sofia Rossi"
        await pilot.press("r", "down")  # call
        modal = app.screen
        modal.query_one("#touch-when", Input).focus()
        await pilot.press(*"yesterday 3pm")
        assert "yesterday 15:00" in str(modal.query_one("#touch-hint", Label).render())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (call,) = [t for t in touches_of(db_path, "Sofia Rossi") if t["kind"] == "call"]
        assert call["at"].startswith("2026-11-17T15:00")
        assert open_nudges(db_path, "Sofia Rossi") == []


async def test_a_time_in_the_future_is_refused_and_nothing_is_logged(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "r")
        modal = app.screen
        modal.query_one("#touch-when", Input).focus()
        await pilot.press(*"tomorrow", "enter")
        assert app.screen is modal
        hint = modal.query_one("#touch-hint", Label)
        assert "in the future" in str(hint.render()) and hint.has_class("-error")
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert [t for t in touches_of(db_path, "Marcus Bell") if t["kind"] == "reply"] == []
        assert open_nudges(db_path, "Marcus Bell") == ["follow-up", "second-person"]


async def test_capital_l_asks_then_logs_a_reply_now(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "L")
        assert isinstance(app.screen, QuickReplyScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert open_nudges(db_path, "Marcus Bell") == ["follow-up", "second-person"]
        await pilot.press("L", "enter")  # enter answers yes: L was the question
        await settle(app, pilot)
        assert open_nudges(db_path, "Marcus Bell") == []
        assert [t["kind"] for t in touches_of(db_path, "Marcus Bell")][-1] == "reply"


async def test_ctrl_t_on_the_contact_logs_a_thank_you_and_the_form_follows(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "right", "right", "enter")
        assert isinstance(app.screen, ContactScreen)
        assert app.campaign.contact(app.screen.contact_id).name == "Hannah Schmidt"
        await pilot.press("ctrl+t")
        modal = app.screen
        assert isinstance(modal, LogTouchScreen)
        await pilot.press("down", "down", "down", "down")  # thank-you sent
        assert str(modal.query_one("#touch-kind").options[4].prompt).endswith(
            "closes the thank-you, moves the card to Thanked[/]"
        )
        await pilot.press("enter", "enter", "enter")  # kind, note, when
        contact_screen = app.screen
        assert isinstance(contact_screen, ContactScreen)
        assert contact_screen.query_one("#f-stage", Select).value == Stage.THANKED.value
        assert "Touch: Thank-you sent" in str(contact_screen.query_one("#timeline-body").render())
        await pilot.press("escape")  # saving the form must not move the card back
        await settle(app, pilot)
        assert saved_contacts(db_path)["Hannah Schmidt"]["stage"] == "thanked"
        thanks = [r for r in reminders_of(db_path, "Hannah Schmidt") if r["kind"] == "thank-you"]
        assert thanks[0]["closed_reason"] == "thank-you sent"


async def test_a_private_note_does_not_restart_the_clock(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        before = saved_contacts(db_path)["Marcus Bell"]["last_contact"]
        await pilot.press("right", "r", "end", "enter", *"ask Sofia about him", "enter", "enter")
        await settle(app, pilot)
        assert saved_contacts(db_path)["Marcus Bell"]["last_contact"] == before
        assert touches_of(db_path, "Marcus Bell")[-1]["kind"] == "note"
        assert open_nudges(db_path, "Marcus Bell") == ["follow-up", "second-person"]


async def test_enter_in_the_note_goes_on_to_when_so_the_rest_typed_stays_in_the_dialog(
    db_path, clock
):
    """Enter in the note logged at once: what the user typed next ran as board keys."""
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right", "r", "enter", *"Happy to talk", "enter", *"2 hours ago")
        modal = app.screen
        assert isinstance(modal, LogTouchScreen)
        assert modal.query_one("#touch-when", Input).value == "2 hours ago"
        assert "07:30" in str(modal.query_one("#touch-hint", Label).render())
        await pilot.press("enter")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        (reply,) = [t for t in touches_of(db_path, "Marcus Bell") if t["kind"] == "reply"]
        assert reply["note"] == "Happy to talk" and reply["at"].startswith("2026-11-18T07:30")
