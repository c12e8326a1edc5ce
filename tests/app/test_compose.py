"""The composer (c): outreach checked as typed, thank-you, check-in; copy, mark sent, drafts kept."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from infoint_tui.domain.outreach import RequestRule, draft_outreach
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.compose import ComposeScreen
from infoint_tui.widgets.confirm import ConfirmScreen
from infoint_tui.widgets.draft_area import DraftArea

from .helpers import demo_file, running, saved_contacts, saved_table, settle
from .test_prep import contact_id


async def open_composer(app, pilot, name: str) -> ComposeScreen:
    board = app.screen
    assert isinstance(board, BoardScreen)
    board.show_contact(contact_id(app, name))
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, ComposeScreen)
    return app.screen


def rule_line(screen, rule: RequestRule) -> str:
    return str(screen.query_one(f"#rule-{rule.value}", Static).render())


def rule_why(screen, rule: RequestRule) -> str:
    return str(screen.query_one(f"#why-{rule.value}", Static).render())


def status(screen) -> str:
    return str(screen.query_one("#draft-status", Static).render())


def touches_of(path, app, name: str) -> list[dict]:
    cid = contact_id(app, name)
    return [t for t in saved_table(path, "touches") if t["contact_id"] == cid]


async def test_outreach_draft_follows_every_rule_and_a_bad_edit_fails_the_right_one_live(
    db_path, clock
):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Priya Raman")
        draft = screen.query_one(DraftArea)
        priya = app.campaign.contact(contact_id(app, "Priya Raman"))
        assert draft.text == draft_outreach(priya, app.campaign.settings)
        assert app.focused is draft
        # 80 words and the signature (name and email) it ends with
        assert "82 words · follows every rule · a good day to send" in status(screen)
        for rule in RequestRule:
            assert rule_line(screen, rule).startswith("✓"), rule
        assert "Wednesday: a good day to send" in str(screen.query_one("#send-time").render())
        # Typed at the end of the draft: a job request.
        draft.move_cursor(draft.document.end)
        await pilot.press(*" Any openings?")
        assert rule_line(screen, RequestRule.NO_JOBS).startswith("✗ No jobs")
        assert "“openings”" in rule_why(screen, RequestRule.NO_JOBS)
        assert draft.marked == ["openings"]  # underlined in the text
        assert "1 rule to fix" in status(screen) and "edited" in status(screen)
        others = [r for r in RequestRule if r is not RequestRule.NO_JOBS]
        assert all(rule_line(screen, r).startswith("✓") for r in others)
        await pilot.press(*["backspace"] * len(" Any openings?"))
        assert "follows every rule" in status(screen) and draft.marked == []


async def test_at_80x24_the_status_line_says_when_to_send(db_path, clock):
    demo_file(db_path, clock)
    clock.advance(days=2)  # a Friday: wait for Tuesday
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        screen = await open_composer(app, pilot, "Priya Raman")
        side = screen.query_one("#side")
        assert screen.query_one("#send-time").region.y >= side.region.bottom  # below the fold
        assert status(screen).endswith("follows every rule · send it Tuesday")


async def test_long_and_pushy_requests_fail_their_rules(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Priya Raman")
        draft = screen.query_one(DraftArea)
        draft.load_text(
            "Hi Priya,\n\nI'm a teacher. Could we meet for an hour? Let me know when works.\n\nSam"
        )
        await pilot.pause()
        assert rule_line(screen, RequestRule.CONNECTION_FIRST).startswith("✗")
        assert rule_line(screen, RequestRule.SHORT_MEETING).startswith("✗")
        assert "“an hour”" in rule_why(screen, RequestRule.SHORT_MEETING)
        assert rule_line(screen, RequestRule.MY_FOLLOW_UP).startswith("✗")
        assert "an hour" in draft.marked and "Let me know" in draft.marked
        draft.insert(" word" * 100)
        await pilot.pause()
        assert rule_line(screen, RequestRule.UNDER_100_WORDS).startswith("✗")
        assert "words: cut" in rule_why(screen, RequestRule.UNDER_100_WORDS)


async def test_copy_then_mark_sent_moves_to_reached_out_and_logs_the_message(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Priya Raman")
        text = screen.query_one(DraftArea).text
        await pilot.press("ctrl+l")
        assert app.clipboard == text
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mark the request to Priya as sent?" in str(
            app.screen.query_one("#question").render()
        )
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        priya = saved_contacts(db_path)["Priya Raman"]
        assert priya["stage"] == "reached-out"
        assert priya["history"][-1]["at"] == clock.now().isoformat()
        (touch,) = touches_of(db_path, app, "Priya Raman")
        assert touch["kind"] == "message-sent" and touch["note"] == text
        kinds = {
            r["kind"]
            for r in saved_table(db_path, "reminders")
            if r["contact_id"] == priya["id"] and r.get("closed_at") is None
        }
        assert {"second-person", "follow-up"} <= kinds  # the 3B7 clock started
        names = [c.name for c in app.screen.column(1).cards]
        assert "Priya Raman" in names


async def test_cancelling_mark_sent_changes_nothing_and_escape_keeps_the_draft(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Wen Li")
        assert rule_line(screen, RequestRule.FILLED_IN).startswith("✗")  # [article] blanks
        draft = screen.query_one(DraftArea)
        draft.load_text(draft.text.replace("[article, talk or post] on [topic]", "talk at UXDX"))
        await pilot.pause()
        assert rule_line(screen, RequestRule.FILLED_IN).startswith("✓")
        await pilot.press("ctrl+o")
        assert "It still breaks" not in str(app.screen.query_one("#detail").render())
        await pilot.press("n")
        assert app.screen is screen
        await pilot.press("escape")
        await settle(app, pilot)
        wen = saved_contacts(db_path)["Wen Li"]
        assert wen["stage"] == "prospects" and touches_of(db_path, app, "Wen Li") == []
        assert "talk at UXDX" in wen["drafts"]["outreach"]
        screen = await open_composer(app, pilot, "Wen Li")  # the saved draft comes back
        assert "talk at UXDX" in screen.query_one(DraftArea).text
        await pilot.press("ctrl+r", "y")  # start again from the template
        assert "[article, talk or post]" in screen.query_one(DraftArea).text
        await pilot.press("escape")
        await settle(app, pilot)
        assert "outreach" not in saved_contacts(db_path)["Wen Li"].get("drafts", {})


async def test_thank_you_quotes_a_picked_line_counts_down_and_mark_sent_thanks(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Hannah Schmidt")
        countdown = str(screen.query_one("#countdown", Static).render())
        assert countdown.startswith("21 h left of the 24 hours")
        draft = screen.query_one(DraftArea)
        assert '"Facilitation is most of the job"' in draft.text
        lines = screen.query_one("#lines", OptionList)
        lines.focus()
        await pilot.press("down", "enter")
        assert "I especially appreciated your advice: " in draft.text
        assert '"Portfolio: 2-3 case studies showing the messy middle"' in draft.text
        ticks = [str(o.prompt).startswith("[$success]✓") for o in lines.options]
        assert ticks[:3] == [False, True, False]  # the quoted line is ticked
        # Once edited, picking another line asks before replacing the edits.
        draft.insert("PS: ")
        await pilot.press("up", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert "PS: " in draft.text and "messy middle" in draft.text
        assert str(lines.options[1].prompt).startswith("[$success]✓")  # still the one quoted
        text = draft.text
        await pilot.press("ctrl+o", "y")
        await pilot.pause()
        await settle(app, pilot)
        hannah = saved_contacts(db_path)["Hannah Schmidt"]
        assert hannah["stage"] == "thanked"
        touch = touches_of(db_path, app, "Hannah Schmidt")[-1]  # after the demo's reply
        assert touch["kind"] == "thank-you" and touch["note"] == text
        thank_yous = [
            r
            for r in saved_table(db_path, "reminders")
            if r["contact_id"] == hannah["id"] and r["kind"] == "thank-you"
        ]
        assert thank_yous and all(r.get("closed_at") or r.get("done_at") for r in thank_yous)


async def test_check_in_takes_my_news_and_what_came_of_their_help(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Ruth Abebe")
        draft = screen.query_one(DraftArea)
        assert "[your news" in draft.text and "still to add: your update" in status(screen)
        assert screen.candidates[0].text in draft.text  # the first outcome, picked for me
        assert app.focused is screen.query_one("#update", Input)
        await pilot.press(*"I finished my first case study", "enter")
        assert app.focused is draft
        assert "since we spoke: I finished my first case study. " in draft.text
        # Pick what came of her introduction to Daniel instead.
        daniel = next(
            n for n, c in enumerate(screen.candidates) if "meeting Daniel Kim tomorrow" in c.text
        )
        outcomes = screen.query_one("#outcomes", OptionList)
        outcomes.focus()
        outcomes.highlighted = daniel
        await pilot.press("enter")
        assert (
            "I finished my first case study. Thanks to your introduction, I'm meeting Daniel Kim "
            "tomorrow." in draft.text
        )
        text = draft.text
        await pilot.press("ctrl+o", "y")
        await pilot.pause()
        await settle(app, pilot)
        touches = touches_of(db_path, app, "Ruth Abebe")
        assert touches[-1]["kind"] == "check-in" and touches[-1]["note"] == text
        ruth = saved_contacts(db_path)["Ruth Abebe"]
        assert ruth["stage"] == "in-touch" and ruth["last_contact"] == clock.now().isoformat()


async def test_c_on_a_scheduled_card_writes_the_confirmation(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Daniel Kim")  # coffee tomorrow 10:30
        assert screen.kind == "confirm"
        text = screen.query_one(DraftArea).text
        assert "tomorrow, Thursday 19 November at 10:30" in text
        assert "Blue Door Café, 5th & Pine" in text


async def test_c_on_a_scheduled_card_without_a_time_says_what_to_do_instead(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        cid = contact_id(app, "Daniel Kim")
        meeting = app.campaign.next_meeting(cid)
        meeting.when = None
        app.campaign.save_meeting(meeting)
        app.screen.show_contact(cid)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert any("meeting is booked" in n.message for n in app._notifications)


async def test_the_contact_screen_opens_the_composer_after_saving(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        app.screen.show_contact(contact_id(app, "Wen Li"))  # a prospect: the request is due
        await pilot.press("enter")
        app.screen.query_one("#f-role", Input).value = "Principal UX Researcher"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.screen.kind == "outreach"
        assert "Your path to Principal UX Researcher" in app.screen.query_one(DraftArea).text
        await settle(app, pilot)
        assert saved_contacts(db_path)["Wen Li"]["role"] == "Principal UX Researcher"


async def test_thank_you_mentions_an_offered_introduction_unless_unticked(db_path, clock):
    from textual.widgets import SelectionList

    from infoint_tui.actions.campaign import open_campaign
    from infoint_tui.domain.models import Capture, CaptureKind

    demo_file(db_path, clock)
    repo = open_campaign(db_path, clock=clock)
    hannah = next(c for c in repo.contacts() if c.name == "Hannah Schmidt")
    meeting = repo.last_meeting(hannah.id)
    assert meeting is not None
    meeting.log.append(Capture(at=clock.now(), kind=CaptureKind.REFERRAL, text="Mina Park"))
    repo.save_meeting(meeting)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_composer(app, pilot, "Hannah Schmidt")
        draft = screen.query_one(DraftArea)
        assert "Thank you also for offering to introduce me to Mina Park;" in draft.text
        intros = screen.query_one("#intros", SelectionList)
        intros.focus()
        await pilot.press("space")  # untick: not edited, so the draft follows at once
        await pilot.pause()
        assert "introduce me" not in draft.text
        draft.insert("Dear ")
        await pilot.press("space")  # tick again, but the draft is edited: ask first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep my draft: the tick goes back too
        assert "introduce me" not in draft.text and intros.selected == []
