"""The agenda (`a`): sections, done, snooze, open, write, live notes; asserted on the file."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Label

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.agenda import DONE_FOR_TODAY
from infoint_tui.domain.models import Contact
from infoint_tui.screens.agenda import AgendaScreen
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.snooze import SnoozeScreen

from .helpers import demo_file, running, saved_contacts, saved_table, settle


def agenda_screen(app) -> AgendaScreen:
    assert isinstance(app.screen, AgendaScreen)
    return app.screen


def rows(app) -> list[tuple[str, str]]:
    """(contact, noun) of every row, top to bottom."""
    screen = agenda_screen(app)
    return [(screen.rows[k].contact_name, screen.rows[k].noun) for k in screen.order]


def current(app) -> tuple[str, str] | None:
    item = agenda_screen(app).current
    return (item.contact_name, item.noun) if item else None


def listing_text(app) -> str:
    listing = agenda_screen(app).query_one("#agenda-list")
    return "\n".join(str(option.prompt) for option in listing.options)


async def go_to(pilot, app, name: str, noun: str) -> None:
    await pilot.press("home")
    for _ in range(len(agenda_screen(app).order)):
        if current(app) == (name, noun):
            return
        await pilot.press("down")
    assert current(app) == (name, noun)


def reminders_of(path, name: str) -> list[dict]:
    contact_id = saved_contacts(path)[name]["id"]
    return [r for r in saved_table(path, "reminders") if r["contact_id"] == contact_id]


def touches_of(path, name: str) -> list[dict]:
    contact_id = saved_contacts(path)[name]["id"]
    return [t for t in saved_table(path, "touches") if t["contact_id"] == contact_id]


async def test_a_opens_overdue_today_and_the_next_seven_days(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        screen = agenda_screen(app)
        header = str(screen.query_one("#agenda-header").render())
        assert "1 overdue" in header and "4 today" in header and "6 in the next 7 days" in header
        assert rows(app) == [
            ("Marcus Bell", "nudge"),  # 3B7: no reply after 3 business days
            ("Kenji Sato", "check-in"),
            ("Sofia Rossi", "nudge"),
            ("Daniel Kim", "confirm"),  # the business day before tomorrow's coffee
            ("Hannah Schmidt", "thank-you"),
            ("Daniel Kim", "meeting"),
            ("Amara Nwosu", "confirm"),
            ("Amara Nwosu", "meeting"),
            ("Marcus Bell", "follow-up"),
            ("Sofia Rossi", "follow-up"),
            ("Ruth Abebe", "check-in"),
        ]
        text = listing_text(app)
        assert text.index("Overdue") < text.index("Today") < text.index("Next 7 days")
        assert "1d late" in text and "tomorrow 10:30" in text and "by Sat" in text
        assert DONE_FOR_TODAY not in text
        assert current(app) == ("Marcus Bell", "nudge")
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_done_closes_the_thank_you_logs_it_moves_the_card_and_the_cursor(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Hannah Schmidt", "thank-you")
        await pilot.press("d")
        assert ("Hannah Schmidt", "thank-you") not in rows(app)
        assert current(app) == ("Daniel Kim", "meeting")  # the row that followed
        await settle(app, pilot)
        (thanks,) = [r for r in reminders_of(db_path, "Hannah Schmidt") if r["kind"] == "thank-you"]
        assert thanks["done_at"] == clock.now().isoformat()
        assert [t["kind"] for t in touches_of(db_path, "Hannah Schmidt")][-1] == "thank-you"
        assert saved_contacts(db_path)["Hannah Schmidt"]["stage"] == "thanked"


async def test_done_on_a_check_in_logs_it_and_schedules_the_next(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Kenji Sato", "check-in")
        await pilot.press("space")
        assert current(app) == ("Sofia Rossi", "nudge")
        await settle(app, pilot)
        check_ins = [r for r in reminders_of(db_path, "Kenji Sato") if r["kind"] == "check-in"]
        done = [r for r in check_ins if r["done_at"]]
        waiting = [r for r in check_ins if not r["done_at"] and not r["closed_at"]]
        assert len(done) == 1 and len(waiting) == 1
        assert waiting[0]["due"].startswith("2027-01-13")  # 8 weeks after today's check-in
        assert touches_of(db_path, "Kenji Sato")[-1]["kind"] == "check-in"


async def test_snooze_a_day_moves_the_row_to_next_week_and_the_cursor_on(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Sofia Rossi", "nudge")
        await pilot.press("s")
        assert isinstance(app.screen, SnoozeScreen)
        await pilot.press("1")
        assert current(app) == ("Daniel Kim", "confirm")
        screen = agenda_screen(app)
        assert screen.result is not None
        today = [i.contact_name for i in screen.result.today]
        assert today == ["Kenji Sato", "Daniel Kim", "Hannah Schmidt"]
        assert any(i.snoozed and i.contact_name == "Sofia Rossi" for i in screen.result.upcoming)
        await settle(app, pilot)
        (nudge,) = [r for r in reminders_of(db_path, "Sofia Rossi") if r["kind"] == "second-person"]
        assert (
            nudge["snoozed_until"]
            == (clock.now() + timedelta(days=1)).replace(hour=9, minute=0).isoformat()
        )
        assert nudge["done_at"] is None


async def test_snooze_to_a_date_typed_in_words(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Marcus Bell", "nudge")
        await pilot.press("s", "4")
        snooze = app.screen
        assert isinstance(snooze, SnoozeScreen)
        await pilot.press(*"someday", "enter")
        assert app.screen is snooze  # not read: stays open and says so
        hint = snooze.query_one("#snooze-hint", Label)
        assert "could not read" in str(hint.render()) and hint.has_class("-error")
        snooze.query_one("#snooze-date", Input).value = ""
        await pilot.press(*"fri 2pm")
        assert "Fri 20 Nov 14:00" in str(hint.render())
        await pilot.press("enter")
        assert isinstance(app.screen, AgendaScreen)
        assert current(app) == ("Kenji Sato", "check-in")
        await settle(app, pilot)
        (nudge,) = [r for r in reminders_of(db_path, "Marcus Bell") if r["kind"] == "second-person"]
        assert nudge["snoozed_until"].startswith("2026-11-20T14:00")


async def test_escape_cancels_a_snooze(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a", "s", "escape")
        assert current(app) == ("Marcus Bell", "nudge")
        await settle(app, pilot)
        assert all(r["snoozed_until"] is None for r in reminders_of(db_path, "Marcus Bell"))


async def test_enter_opens_the_contact_and_escape_comes_back(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Ruth Abebe", "check-in")
        await pilot.press("enter")
        assert isinstance(app.screen, ContactScreen)
        assert app.campaign.contact(app.screen.contact_id).name == "Ruth Abebe"
        await pilot.press("escape")
        assert current(app) == ("Ruth Abebe", "check-in")


async def test_meetings_have_no_done_but_live_notes_when_the_app_has_them(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        opened: list[str] = []
        app.open_live_notes = opened.append  # as the live-notes branch provides
        await pilot.press("a")
        await go_to(pilot, app, "Daniel Kim", "meeting")
        before = rows(app)
        await pilot.press("d")
        assert rows(app) == before  # a meeting is held, not ticked off
        await pilot.press("i")
        assert opened == [saved_contacts(db_path)["Daniel Kim"]["id"]]


async def test_write_opens_the_thank_you_composer(db_path, clock):
    from infoint_tui.screens.compose import ComposeScreen

    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Hannah Schmidt", "thank-you")
        await pilot.press("w")
        assert isinstance(app.screen, ComposeScreen)
        assert "Hannah" in app.screen.query_one("TextArea").text


async def test_an_empty_campaign_is_done_for_today(db_path, clock):
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        text = listing_text(app)
        assert DONE_FOR_TODAY in text and "Nothing in the next 7 days." in text
        assert agenda_screen(app).current is None
        await pilot.press("d", "s", "enter")  # nothing to act on: nothing happens
        assert isinstance(app.screen, AgendaScreen)


async def test_done_for_today_still_shows_the_next_seven_days(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(
        Contact(
            name="Lin Park",
            next_action="Send the case study",
            next_action_due=clock.now() + timedelta(days=2),
        )
    )
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        text = listing_text(app)
        assert DONE_FOR_TODAY in text and "Send the case study" in text
        assert current(app) == ("Lin Park", "to-do")


async def test_done_on_a_next_action_clears_it_and_keeps_a_note(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(
        Contact(name="Lin Park", next_action="Send the case study", next_action_due=clock.now())
    )
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        assert current(app) == ("Lin Park", "to-do")
        await pilot.press("d")
        assert DONE_FOR_TODAY in listing_text(app)
        await settle(app, pilot)
        doc = saved_contacts(db_path)["Lin Park"]
        assert doc["next_action_due"] is None and doc["next_action"] == ""
        (note,) = touches_of(db_path, "Lin Park")
        assert note["kind"] == "note" and note["note"] == "Done: Send the case study"
        assert doc["last_contact"] is None  # a note is not a contact: the clock keeps running


async def test_snoozing_a_next_action_moves_its_due_date(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(
        Contact(name="Lin Park", next_action="Send the case study", next_action_due=clock.now())
    )
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a", "s", "3")
        await settle(app, pilot)
        assert saved_contacts(db_path)["Lin Park"]["next_action_due"].startswith("2026-11-25T09:00")


async def test_log_a_reply_from_a_nudge_row_closes_both_nudges(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        assert current(app) == ("Marcus Bell", "nudge")
        await pilot.press("r", "enter", "enter", "enter")  # reply received (the default), now
        assert isinstance(app.screen, AgendaScreen)
        assert [r for r in rows(app) if r[0] == "Marcus Bell"] == []
        assert current(app) == ("Kenji Sato", "check-in")
        await settle(app, pilot)
        nudges = [r for r in reminders_of(db_path, "Marcus Bell")]
        assert {r["kind"] for r in nudges} == {"second-person", "follow-up"}
        assert all(r["closed_reason"] == "answered: reply" for r in nudges)


async def test_the_palette_reaches_the_agenda_actions(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("ctrl+p", *"board: agenda")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("ctrl+p", *"agenda: snooze")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeScreen)


async def test_help_on_the_agenda_lists_its_keys(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a", "question_mark")
        text = str(app.screen.query_one("#help-text").render())
        for words in ("Agenda", "Done", "Snooze", "Log touch", "Reply received", "Agenda rows"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)


async def test_at_80x24_the_snooze_dialog_shows_the_whole_reminder(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Marcus Bell", "nudge")
        await pilot.press("s")
        assert isinstance(app.screen, SnoozeScreen)
        what = app.screen.query_one("#snooze-what", Label)
        text = str(what.render())
        assert text.startswith("Marcus Bell: ") and "second person" in text
        assert what.size.height >= 2  # wrapped inside the dialog, not cut at its edge
        await pilot.press("escape")


async def test_a_click_highlights_a_row_and_a_double_click_opens_it(db_path, clock):
    from infoint_tui.screens.contact import ContactScreen

    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        listing = agenda_screen(app).query_one("#agenda-list")
        third = agenda_screen(app).order[2]
        y = listing.get_option_index(third)  # one line per option, from the top
        await pilot.click(listing, offset=(10, y))
        assert isinstance(app.screen, AgendaScreen)  # opened nothing
        assert agenda_screen(app).current_key == third
        await pilot.double_click(listing, offset=(10, y))
        assert isinstance(app.screen, ContactScreen)
