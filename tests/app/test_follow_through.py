"""Follow-through in the app: confirm from the agenda, the 3B7 steps from the board's c,
no answer, advice tried, the thank-you warning, weekly goals; asserted on the file."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, OptionList

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.advice import AdviceScreen
from infoint_tui.screens.agenda import AgendaScreen
from infoint_tui.screens.compose import ComposeScreen
from infoint_tui.screens.follow_through import SecondPersonScreen
from infoint_tui.widgets.confirm import ConfirmScreen
from infoint_tui.widgets.draft_area import DraftArea

from .helpers import demo_file, running, saved_contacts, saved_table, settle
from .test_agenda import go_to, reminders_of, touches_of
from .test_prep import contact_id


def meeting_of(path, clock, name: str):
    """The contact's meeting with a time, as the saved file holds it (opened afresh)."""
    repo = open_campaign(path, clock=clock)
    cid = saved_contacts(path)[name]["id"]
    return next(m for m in repo.meetings(cid) if m.when is not None)


async def test_done_on_a_confirm_row_ticks_the_prep_checklist(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, app, "Daniel Kim", "confirm")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.screen.kind == "confirm"
        assert "Blue Door Café" in app.screen.query_one(DraftArea).text
        await pilot.press("escape")
        await pilot.press("d")
        await settle(app, pilot)
    (confirm,) = [r for r in reminders_of(db_path, "Daniel Kim") if r["kind"] == "confirm"]
    assert confirm["done_at"] == clock.now().isoformat()
    item = next(i for i in meeting_of(db_path, clock, "Daniel Kim").checklist if i.key == "confirm")
    assert item.done is True


async def test_ticking_confirm_in_prep_marks_the_reminder_done(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        cid = contact_id(app, "Daniel Kim")
        meeting = app.campaign.next_meeting(cid)
        index = next(n for n, i in enumerate(meeting.checklist) if i.key == "confirm")
        app.screen.show_contact(cid)
        await pilot.press("p")
        await pilot.pause()
        from infoint_tui.widgets.checklist import Checklist

        checklist = app.screen.query_one(Checklist)
        checklist.select_item(index)
        checklist.focus()
        await pilot.press("space")
        await settle(app, pilot)
    (confirm,) = [r for r in reminders_of(db_path, "Daniel Kim") if r["kind"] == "confirm"]
    assert confirm["done_at"] is not None


async def test_c_on_a_card_at_day_3_lists_who_else_and_sends_the_request(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        marcus = app.campaign.contact(contact_id(app, "Marcus Bell"))
        app.campaign.add_contact(Contact(name="Nia Adatum", company="Adatum", source="alumni"))
        app.screen.rebuild()
        app.screen.show_contact(marcus.id)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SecondPersonScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.screen.second_of == marcus.id
        assert app.screen.query_one(DraftArea).text.startswith("Hi Nia,")
        await pilot.press("ctrl+o", "y")
        await settle(app, pilot)
    assert saved_contacts(db_path)["Nia Adatum"]["stage"] == "reached-out"
    (second,) = [r for r in reminders_of(db_path, "Marcus Bell") if r["kind"] == "second-person"]
    assert second["done_at"] == clock.now().isoformat()


async def test_nobody_else_there_shows_where_to_look(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        app.screen.show_contact(contact_id(app, "Marcus Bell"))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SecondPersonScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(".where"))
        assert "About page" in text and "keywords=Adatum" in text and "Lakeside University" in text


async def test_the_follow_up_then_no_answer_closes_the_contact(db_path, clock):
    demo_file(db_path, clock)
    clock.advance(days=6)  # Tuesday 24 November: Marcus's day 7 has come
    async with running(db_path, clock) as (app, pilot):
        app.screen.show_contact(contact_id(app, "Marcus Bell"))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.screen.kind == "follow-up"
        text = app.screen.query_one(DraftArea).text
        assert "follow up once on the note I sent" in text
        await pilot.press("ctrl+o", "y")
        await settle(app, pilot)
        assert [t["kind"] for t in touches_of(db_path, "Marcus Bell")][-1] == "message-sent"
        kinds = {r["kind"]: r for r in reminders_of(db_path, "Marcus Bell")}
        assert kinds["follow-up"]["done_at"] is not None
        assert kinds["no-answer"]["due"].startswith("2026-12-03")
        clock.advance(days=10)
        await pilot.press("a")
        await go_to(pilot, app, "Marcus Bell", "no answer")
        await pilot.press("d")
        await settle(app, pilot)
    marcus = saved_contacts(db_path)["Marcus Bell"]
    assert marcus["archived"] is True and marcus["archive_reason"] == "no answer"


async def test_c_when_no_answer_is_due_offers_to_close(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        cid = contact_id(app, "Marcus Bell")
        app.campaign.follow_up_sent(cid, "Following up", clock.now() - timedelta(days=12))
        app.screen.show_contact(cid)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(app, pilot)
    assert saved_contacts(db_path)["Marcus Bell"]["archive_reason"] == "no answer"


async def test_advice_marked_tried_goes_into_the_check_in(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        app.screen.show_contact(contact_id(app, "Leo Martins"))
        await pilot.press("enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, AdviceScreen) and app.screen.found
        await pilot.press("enter")
        app.screen.query_one("#outcome", Input).value = "Two teams answered; one call booked"
        await pilot.press("enter")
        await settle(app, pilot)
        options = app.screen.query_one("#advice-list", OptionList)
        assert "tried" in str(options.get_option_at_index(0).prompt)
        await pilot.press("escape")  # the advice list
        await pilot.press("ctrl+o")  # the contact screen's write: Leo is at Thanked
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.screen.kind == "check-in"
        assert "Two teams answered; one call booked" in app.screen.query_one(DraftArea).text
    logs = [c for m in open_campaign(db_path, clock=clock).meetings() for c in m.log]
    assert any(c.outcome == "Two teams answered; one call booked" and c.tried_at for c in logs)


async def test_the_open_app_warns_once_before_a_thank_you_window_closes(db_path, clock):
    demo_file(db_path, clock)
    hannah_due = None
    async with running(db_path, clock) as (app, pilot):
        cid = contact_id(app, "Hannah Schmidt")
        (thanks,) = [
            r for r in app.campaign.reminders(contact_id=cid) if r.kind.value == "thank-you"
        ]
        hannah_due = thanks.due
        assert not [n for n in app._notifications if n.title == "Thank-you"]
        clock.at = hannah_due - timedelta(hours=2)
        board = app.screen
        assert board.thank_you_watch.check() == [thanks.id]
        assert board.thank_you_watch.check() == []  # once
        await pilot.pause()
        warned = [n for n in app._notifications if n.title == "Thank-you"]
        assert len(warned) == 1 and "Hannah Schmidt" in warned[0].message
        assert "2 h left" in warned[0].message


async def test_weekly_goals_from_settings_show_in_the_agenda_header(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        app.open_settings()
        await pilot.pause()
        app.screen.query_one("#s-weekly_requests", Input).value = "3"
        app.screen.query_one("#s-weekly_conversations", Input).value = "2"
        await pilot.press("escape")
        await pilot.press("a")
        assert isinstance(app.screen, AgendaScreen)
        header = str(app.screen.query_one("#agenda-header").render())
        assert "Week" in header and "/3 requests" in header and "/2 conversations" in header
        await settle(app, pilot)
    settings = saved_table(db_path, "settings")[0]
    assert (settings["weekly_requests"], settings["weekly_conversations"]) == (3, 2)
    assert Stage  # imported for readers of the file's stages
