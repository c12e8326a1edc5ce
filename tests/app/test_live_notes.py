"""Live notes through the app: typing at once, captures, referrals, the end, saving and reopening."""

from __future__ import annotations

import errno
from datetime import timedelta

import pytest
from textual import events
from textual.widgets import Input, TextArea

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import MeetingQuestion, Tiara
from infoint_tui.domain.stages import Stage
from infoint_tui.screens import live_notes as live_notes_module
from infoint_tui.screens.live_notes import LiveNotesScreen
from infoint_tui.store import journal
from infoint_tui.widgets.capture_bar import CaptureBar
from infoint_tui.widgets.capture_log import CaptureLog
from infoint_tui.widgets.live_questions import QuestionList
from infoint_tui.widgets.meeting_clock import MeetingClock
from infoint_tui.widgets.status_line import StatusLine

from .live_notes_helpers import (
    live_screen,
    make_app,
    saved,
    saved_contact,
    saved_meeting,
    seed_meeting,
    settle,
)


def _status(screen: LiveNotesScreen) -> str:
    return screen.query_one(StatusLine).save_text


async def test_keys_typed_as_the_screen_opens_land_in_the_editor(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # The keys are queued in the same instant the screen is pushed: before it is composed.
        app.open_live_notes(contact_id)
        for char in "Hi Ada":
            app.post_message(events.Key("space" if char == " " else char, char))
        await pilot.press("enter", *"ok")
        screen = live_screen(app)
        assert screen.meeting_id == meeting_id
        assert screen.editor.text == "Hi Ada\nok"
        assert app.focused is screen.editor
    assert app.close_store() is None
    assert saved_meeting(db_path, meeting_id)["notes"] == "Hi Ada\nok"


async def test_keys_pressed_right_after_opening_are_typed(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Started")
        assert live_screen(app).editor.text == "Started"
        assert isinstance(app.focused, TextArea)
    app.close_store()


async def test_typing_starts_the_clock_and_it_warns_near_the_end(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        timer = app.screen.query_one(MeetingClock)
        assert timer.has_class("-waiting")
        await pilot.press("x")
        started = clock.now()
        assert live_screen(app).meeting.started_at == started
        clock.advance(minutes=10)
        timer.tick()
        assert timer.has_class("-running") and "10:00 / 20:00" in str(timer.render())
        clock.advance(minutes=6)  # 4 minutes left
        timer.tick()
        assert timer.has_class("-closing") and not timer.has_class("-running")
        clock.advance(minutes=5)  # a minute over
        timer.tick()
        assert timer.has_class("-over") and "01:00 over" in str(timer.render())
        await pilot.press("escape")
        await settle(app, pilot)
    assert saved_meeting(db_path, meeting_id)["started_at"] == started.isoformat()
    app.close_store()


async def test_ctrl_g_starts_the_clock_before_any_typing(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert app.screen.query_one(MeetingClock).has_class("-running")
        assert saved_meeting(db_path, meeting_id)["started_at"] == clock.now().isoformat()
    app.close_store()


async def test_autosave_after_a_pause_and_at_least_every_few_seconds(db_path, clock):
    """Each key restarts the pause timer; the longest wait is counted from the first unsaved
    key and is not restarted. The timers' callbacks are called here as the timers would."""
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"first")
        screen = live_screen(app)
        pause, longest = screen._pause_timer, screen._wait_timer
        assert pause is not None and longest is not None
        await pilot.press("!")
        assert screen._pause_timer is not pause  # a new key: a new pause
        assert screen._wait_timer is longest  # the longest wait runs on
        await settle(app, pilot)
        assert saved_meeting(db_path, meeting_id)["notes"] == ""  # still typing: not yet
        screen._autosave()  # a timer fires
        await settle(app, pilot)
        assert saved_meeting(db_path, meeting_id)["notes"] == "first!"
        assert screen._pause_timer is None and screen._wait_timer is None
        await pilot.pause()  # the store's Saved message reaches the app
        assert _status(screen) == "saved 09:30:00"
        await pilot.press(*"abc")
        assert screen._wait_timer is not None and screen._wait_timer is not longest
    app.close_store()


async def test_autosave_fires_by_itself(db_path, clock, monkeypatch):
    monkeypatch.setattr(live_notes_module, "AUTOSAVE_PAUSE", 0.05)
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"on its own")
        for _ in range(200):  # until the timer fires: no bound on how soon, only that it does
            await pilot.pause(0.02)
            if not live_screen(app)._dirty:
                break
        await settle(app, pilot)
        assert saved_meeting(db_path, meeting_id)["notes"] == "on its own"
    app.close_store()


async def test_quitting_saves_the_latest_text(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"last words")
        await pilot.press("ctrl+q")  # no pause: nothing has been autosaved yet
    assert app.close_store() is None
    assert saved_meeting(db_path, meeting_id)["notes"] == "last words"


async def test_escape_goes_back_and_saves(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"then escape", "escape")
        assert not isinstance(app.screen, LiveNotesScreen)
        await settle(app, pilot)
        assert saved_meeting(db_path, meeting_id)["notes"] == "then escape"
    app.close_store()


async def test_ctrl_s_saves_now(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"now")
        status = live_screen(app).query_one(StatusLine)
        said: list[str] = []
        say = status.say
        status.say = lambda text: (said.append(text), say(text))[1]  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        assert said[0] == "Saving now…"  # said at once (the save may be done already)
        await settle(app, pilot)
        assert saved_meeting(db_path, meeting_id)["notes"] == "now"
        await pilot.pause(0.3)  # the next tick shows the save done, and says no more
        assert status.save_text.startswith("saved ") and status.message == ""
    app.close_store()


async def test_quick_captures_create_the_right_records(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        screen = live_screen(app)
        editor = screen.editor
        await pilot.press(*"Loves mentoring", "ctrl+n")  # one keystroke: the current line
        editor.insert("\n- send her my case study by friday")
        await pilot.press("enter", "ctrl+t")  # on a fresh empty line: the line just typed
        await pilot.press("ctrl+t")  # a double press does not capture twice
        editor.insert("\nshe will send the research ops report")
        await pilot.press("ctrl+o")
        editor.insert("\nA: build three case studies")
        await pilot.press("ctrl+l")  # a TIARA prefix: captured at once
        editor.insert("\nresearch ops is growing fast")
        await pilot.press("ctrl+l")  # no prefix: the bar asks for the category
        bar = screen.query_one(CaptureBar)
        assert bar.is_open and bar.tiara is Tiara.INSIGHTS
        await pilot.press("up")  # Insights -> Trends
        assert bar.tiara is Tiara.TRENDS
        await pilot.press("enter")
        assert not bar.is_open and app.focused is editor
        editor.insert("\n\n")
        await pilot.press("ctrl+n")  # nothing typed: the bar opens empty
        assert bar.is_open and screen.query_one("#capture-text", Input).value == ""
        await pilot.press(*"Quiet office", "enter")
        await settle(app, pilot)
        log_lines = screen.query_one(CaptureLog).lines
    app.close_store()

    meeting = saved_meeting(db_path, meeting_id)
    captures = [(c["kind"], c["text"], c["tiara"]) for c in meeting["log"]]
    assert captures == [
        ("note", "Loves mentoring", None),
        ("action-mine", "send her my case study by friday", None),
        ("action-theirs", "she will send the research ops report", None),
        ("insight", "build three case studies", "advice"),
        ("insight", "research ops is growing fast", "trends"),
        ("note", "Quiet office", None),
    ]
    assert all(c["at"] == clock.now().isoformat() for c in meeting["log"])
    assert "research ops is growing fast" in meeting["notes"]
    assert len(log_lines) == 6 and log_lines[3].split()[1:3] == ["A", "build"]

    reminders = {r["id"]: r for r in saved(db_path)["reminders"] if r["kind"] == "action"}
    mine = reminders[meeting["log"][1]["reminder_id"]]
    theirs = reminders[meeting["log"][2]["reminder_id"]]
    assert len(reminders) == 2
    assert mine["contact_id"] == contact_id and mine["meeting_id"] == meeting_id
    assert mine["title"] == "send her my case study"
    assert mine["due"].startswith("2026-11-20T09:00")  # "by friday", seen on a Wednesday
    assert theirs["title"] == "Check Ada did: she will send the research ops report"
    assert theirs["due"].startswith("2026-11-25T09:00")  # a week later


async def test_a_referral_creates_a_linked_prospect(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        live_screen(app).editor.insert("You should talk to Grace Hopper at Navy Labs")
        await pilot.press("ctrl+r")
        name = app.screen.query_one("#referral-name", Input)
        assert name.value == "Grace Hopper"  # prefilled: two keystrokes in all
        assert app.screen.query_one("#referral-company", Input).value == "Navy Labs"
        await pilot.press("enter")
        assert isinstance(app.screen, LiveNotesScreen) and isinstance(app.focused, TextArea)
        await pilot.press(*" and more")  # back in the notes at once
        await settle(app, pilot)
    app.close_store()

    data = saved(db_path)
    grace = next(c for c in data["contacts"] if c["name"] == "Grace Hopper")
    assert grace["stage"] == "prospects"
    assert grace["referred_by"] == contact_id
    assert grace["source"] == "referral"
    assert grace["company"] == "Navy Labs"
    touches = [t for t in data["touches"] if t["contact_id"] == contact_id]
    assert [t["kind"] for t in touches] == ["referral"]
    assert "Grace Hopper" in touches[0]["note"]
    log = saved_meeting(db_path, meeting_id)["log"]
    assert log[-1]["kind"] == "referral" and log[-1]["contact_id"] == grace["id"]
    assert saved_meeting(db_path, meeting_id)["notes"].endswith("Navy Labs and more")


async def test_a_referral_can_be_typed_from_scratch_or_cancelled(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("ctrl+r")
        await pilot.press("enter")  # no name: refused with a message, dialog stays
        assert "needs a name" in str(app.screen.query_one("#referral-problem").render())
        await pilot.press("escape")
        assert isinstance(app.screen, LiveNotesScreen)
        await pilot.press("ctrl+r", *"Alan Turing", "tab", *"Bletchley", "enter")
        await settle(app, pilot)
    app.close_store()
    names = [c["name"] for c in saved(db_path)["contacts"]]
    assert names == ["Ada Lovelace", "Alan Turing"]


async def test_ending_moves_the_card_creates_the_thank_you_and_keeps_the_debrief(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Great call")
        started = clock.now()
        clock.advance(minutes=22)
        await pilot.press("ctrl+f")
        await pilot.press("n")  # keep going: nothing changes
        assert isinstance(app.screen, LiveNotesScreen)
        assert live_screen(app).meeting.ended_at is None
        await pilot.press("ctrl+f", "y")
        assert app.screen.query_one("#debrief-learned", TextArea).has_focus
        await pilot.press(*"Portfolios matter", "tab", *"Fits my teaching", "tab", *"Grace")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, LiveNotesScreen)
        assert app.screen.query_one(MeetingClock).has_class("-ended")
        await settle(app, pilot)
    app.close_store()

    ended = started + timedelta(minutes=22)
    contact = saved_contact(db_path, contact_id)
    assert contact["stage"] == Stage.INTERVIEWED.value
    assert contact["history"][-1]["at"] == ended.isoformat()
    meeting = saved_meeting(db_path, meeting_id)
    assert meeting["started_at"] == started.isoformat()
    assert meeting["ended_at"] == ended.isoformat()
    assert meeting["notes"] == "Great call"
    assert (meeting["debrief_learned"], meeting["debrief_fit"], meeting["debrief_who_else"]) == (
        "Portfolios matter",
        "Fits my teaching",
        "Grace",
    )
    data = saved(db_path)
    thank_you = [r for r in data["reminders"] if r["kind"] == "thank-you" and not r["closed_at"]]
    assert len(thank_you) == 1
    assert thank_you[0]["due"] == (ended + timedelta(hours=24)).isoformat()
    assert thank_you[0]["meeting_id"] == meeting_id
    assert [t["kind"] for t in data["touches"]] == ["meeting"]


@pytest.mark.parametrize("failure", ["disk full", "read-only"])
async def test_a_failed_save_is_told_at_once_and_the_words_go_to_a_recovery_copy(
    db_path, clock, monkeypatch, failure
):
    contact_id, meeting_id = seed_meeting(db_path, clock)

    def disk_full(*args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def read_only(*args: object) -> int:  # root ignores file modes, so say it as the OS would
        raise PermissionError(errno.EACCES, "Permission denied")

    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Irreplaceable words")
        monkeypatch.setattr(journal, "append", disk_full if failure == "disk full" else read_only)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.pause()
        screen = live_screen(app)
        assert app.save_error is not None
        assert [n.title for n in app._notifications] == ["Not saved"]
        screen._show_save_state()
        assert _status(screen).startswith("NOT SAVED")
        assert screen.editor.text == "Irreplaceable words"
        copy = app.recovery_copy
        assert copy is not None and copy.parent == db_path.parent
        assert "Irreplaceable words" in copy.read_text()
        assert "Irreplaceable words" not in str(saved(db_path))

        await pilot.press(*" and more", "ctrl+s")  # still failing: the same copy is refreshed
        await settle(app, pilot)
        await pilot.pause()
        assert "Irreplaceable words and more" in copy.read_text()
        assert len(list(db_path.parent.glob("*.recovered-*.json"))) == 1

        monkeypatch.undo()  # space freed, or the file made writable again
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.pause()
        assert app.save_error is None
        screen._show_save_state()
        assert _status(screen).startswith("saved")
    assert app.close_store() is None
    assert saved_meeting(db_path, meeting_id)["notes"] == "Irreplaceable words and more"


async def test_questions_are_marked_asked_and_answered(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("tab")
        assert isinstance(app.focused, QuestionList)
        await pilot.press("space")  # the first question: asked
        await pilot.press("down", "a", *"Build three case studies", "enter")
        assert isinstance(app.focused, QuestionList)
        await pilot.press("escape")  # back to the notes, not off the screen
        assert isinstance(app.focused, TextArea)
        await pilot.press("tab", "up", "space", "escape")  # the first one unmarked again
        await settle(app, pilot)
    app.close_store()
    questions = saved_meeting(db_path, meeting_id)["questions"]
    assert [(q["asked"], q["answer"]) for q in questions] == [
        (False, ""),
        (True, "Build three case studies"),
    ]


async def test_reopening_shows_everything_as_it_was(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"First line", "ctrl+n", "enter", *"Jane Doe @ Acme", "ctrl+r", "enter")
        await pilot.press("tab", "a", *"Less hype than it seems", "enter", "escape")
        clock.advance(minutes=3)
        await pilot.press("escape")
        await settle(app, pilot)
    app.close_store()

    again = make_app(db_path, clock)
    async with again.run_test(size=(100, 30)) as pilot:
        again.open_live_notes(contact_id)  # the same meeting: it has not ended
        await pilot.pause()
        screen = live_screen(again)
        assert screen.meeting_id == meeting_id
        assert screen.editor.text == "First line\nJane Doe @ Acme"
        assert screen.editor.cursor_location == (1, len("Jane Doe @ Acme"))
        log_lines = screen.query_one(CaptureLog).lines
        assert [line.split(maxsplit=2)[1:] for line in log_lines] == [
            ["Note", "First line"],
            ["Ref", "Jane Doe @ Acme"],
        ]
        question = screen.meeting.questions[0]
        assert question.asked and question.answer == "Less hype than it seems"
        timer = screen.query_one(MeetingClock)
        assert "03:00 / 20:00" in str(timer.render())
        await pilot.press("enter", *"more")
        await pilot.press("escape")
        await settle(again, pilot)
    again.close_store()
    assert saved_meeting(db_path, meeting_id)["notes"].endswith("Acme\nmore")


async def test_unknown_contact_is_a_message_not_a_crash(db_path, clock):
    seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.open_live_notes("nobody")
        await pilot.pause()
        assert not isinstance(app.screen, LiveNotesScreen)
        assert [n.title for n in app._notifications] == ["No live notes"]
    app.close_store()


async def test_a_name_typed_in_the_capture_bar_can_become_a_referral(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("ctrl+n", *"Jane Doe @ Acme", "ctrl+r")
        assert app.screen.query_one("#referral-name", Input).value == "Jane Doe"
        await pilot.press("enter")
        assert not live_screen(app).query_one(CaptureBar).is_open
        await settle(app, pilot)
    app.close_store()
    jane = next(c for c in saved(db_path)["contacts"] if c["name"] == "Jane Doe")
    assert (jane["company"], jane["referred_by"]) == ("Acme", contact_id)


async def test_the_capture_log_is_reachable_from_the_keyboard(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, CaptureLog)
        await pilot.press("escape")
        assert isinstance(app.focused, TextArea)
    app.close_store()


async def test_the_answer_field_shows_at_80_columns_under_long_questions(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    seed = open_campaign(db_path, clock=clock)
    meeting = seed.meeting(meeting_id)
    meeting.questions.append(MeetingQuestion(text="What do you wish you had known earlier?"))
    for question in meeting.questions:
        question.text += " And what would you tell someone starting out in it today?"
    seed.save_meeting(meeting)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press("tab", "a", *"Hospitals")
        assert isinstance(app.focused, Input) and app.focused.value == "Hospitals"
        # the list of questions used to fill the panel and push the field out of sight
        assert "Hospitals" in app.export_screenshot()
        await pilot.press("enter")
        await settle(app, pilot)
    app.close_store()
    assert saved_meeting(db_path, meeting_id)["questions"][0]["answer"] == "Hospitals"


async def test_at_80_columns_the_title_and_the_clock_hint_are_not_cut(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "phone" in shown  # the medium, last in the title
        assert "typing starts it (ctrl+g)" in shown
        assert "Nothing captured yet." in shown  # the hint is read from its start
    app.close_store()


async def test_the_debrief_says_how_to_close_it_at_80x24(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Great call", "ctrl+f", "y")
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "escape saves and closes" in shown  # its foot used to be cut off
        assert "Who else should I talk to?" in shown
        app.screen.query_one("#debrief-who-else", TextArea).insert("Grace")
        await pilot.press("escape")
        assert isinstance(app.screen, LiveNotesScreen)
        await settle(app, pilot)
    app.close_store()
    assert saved_meeting(db_path, meeting_id)["debrief_who_else"] == "Grace"


async def test_i_after_the_end_reopens_the_interview_until_its_thank_you_is_due(db_path, clock):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Great call", "ctrl+f", "y", "escape", "escape")
        clock.advance(hours=2)
        app.open_live_notes(contact_id)  # as `i` on the card does
        await pilot.pause()
        screen = live_screen(app)
        assert screen.meeting_id == meeting_id  # not a blank new meeting
        assert screen.editor.text == "Great call"
        await pilot.press("enter", *"After the call: send the deck", "escape")
        clock.advance(hours=23)
        app.open_live_notes(contact_id)  # a day later: the next conversation
        await pilot.pause()
        assert live_screen(app).meeting_id != meeting_id
        await settle(app, pilot)
    app.close_store()
    assert (
        saved_meeting(db_path, meeting_id)["notes"] == "Great call\nAfter the call: send the deck"
    )


async def test_the_palette_names_live_notes_in_words(db_path, clock):
    from infoint_tui.screens.commands import screen_commands

    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        titles = [command.title for command in screen_commands(app, app.screen)]
        assert "Live notes: End" in titles and not any("LiveNotes" in t for t in titles)
    app.close_store()


async def _end_a_call(db_path, clock, planned_in: timedelta, ended_after: timedelta):
    """A meeting planned `planned_in` from now; a line typed now (the clock starts), the call
    ended `ended_after` later. Returns (planned, typed at, the meeting's saved `when`)."""
    contact_id, meeting_id = seed_meeting(db_path, clock)
    repo = open_campaign(db_path, clock=clock)
    meeting = repo.meeting(meeting_id)
    meeting.when = planned = clock.now() + planned_in
    repo.save_meeting(meeting)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Notes")
        typed = clock.now()
        clock.advance(seconds=ended_after.total_seconds())
        await pilot.press("ctrl+f", "y", "escape")
        await settle(app, pilot)
    app.close_store()
    return planned, typed, saved_meeting(db_path, meeting_id)["when"]


async def test_a_call_held_a_day_early_is_dated_when_it_was_held(db_path, clock):
    # they called back today instead of tomorrow
    _, started, when = await _end_a_call(db_path, clock, timedelta(days=1), timedelta(minutes=15))
    assert when == started.isoformat()


async def test_a_call_held_on_time_keeps_its_planned_time(db_path, clock):
    # they picked up a few minutes late
    planned, _, when = await _end_a_call(db_path, clock, timedelta(minutes=-3), timedelta(0))
    assert when == planned.isoformat()


async def test_at_80x24_a_long_capture_shows_from_its_time_and_kind(db_path, clock):
    contact_id, _ = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.pause()
        screen = live_screen(app)
        for number in range(3):
            screen.editor.insert(f"Point {number}: " + "a long thought about the team " * 6)
            await pilot.press("ctrl+n", "enter")
        await pilot.pause()
        log = screen.query_one(CaptureLog)
        last = log.query(".capture").last()
        assert last.region.height > log.content_region.height  # taller than the panel
        assert log.content_region.y <= last.region.y < log.content_region.bottom  # its start
    app.close_store()


async def test_f1_opens_help_from_the_notes_where_question_mark_is_typed(db_path, clock):
    from infoint_tui.screens.help import HelpScreen

    contact_id, meeting_id = seed_meeting(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Why?")
        assert live_screen(app).editor.text == "Why?"  # ? is text here
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen._text()
        assert "Referral" in text and "Back" in text  # the screen's keys, escape included
        await pilot.press("escape")
        assert isinstance(app.screen, LiveNotesScreen)
    app.close_store()


async def test_notes_begun_the_evening_before_do_not_move_the_meeting(db_path, clock):
    # planned tomorrow morning; a line typed tonight starts the clock; the call as planned
    planned, _, when = await _end_a_call(
        db_path, clock, timedelta(hours=14), timedelta(hours=14, minutes=25)
    )
    assert when == planned.isoformat()
