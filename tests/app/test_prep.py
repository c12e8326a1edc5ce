"""The prep screen from the board: logistics in words, the checklist, research, plan, questions."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Checkbox, Input, RadioSet, Static, TabbedContent, TextArea

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Meeting, MeetingQuestion, Tiara
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.prep import PrepScreen
from infoint_tui.widgets.checklist import Checklist
from infoint_tui.widgets.confirm import ConfirmScreen
from infoint_tui.widgets.question_picker import ChosenQuestions, QuestionBank, QuestionPicker

from .helpers import demo_file, running, saved_contacts, saved_table, settle


def contact_id(app, name: str) -> str:
    return next(c.id for c in app.campaign.contacts() if c.name == name)


async def open_prep(app, pilot, name: str) -> PrepScreen:
    board = app.screen
    assert isinstance(board, BoardScreen)
    board.show_contact(contact_id(app, name))
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PrepScreen)
    return app.screen


def meetings_of(path, app, name: str) -> list[dict]:
    """The contact's meetings as saved: logistics and notes are kept in two tables."""
    cid = contact_id(app, name)
    notes = {doc["id"]: doc for doc in saved_table(path, "meeting_notes")}
    return [
        notes.get(m["id"], {}) | m for m in saved_table(path, "meetings") if m["contact_id"] == cid
    ]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def show_tab(screen, pilot, tab: str) -> None:
    screen.query_one(TabbedContent).active = tab
    await pilot.pause()


async def test_p_creates_the_meeting_and_logistics_typed_in_words_are_saved_with_the_zone(
    db_path, clock
):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Priya Raman")
        await settle(app, pilot)
        (created,) = meetings_of(db_path, app, "Priya Raman")  # created by opening prep
        assert created["when"] is None and len(created["checklist"]) == 11
        await pilot.press("ctrl+n")  # Checklist → Logistics, typing goes to the time
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-logistics"
        assert app.focused is screen.query_one("#when", Input)
        await pilot.press(*"next tue 10:30")
        assert text_of(screen, "#when-preview").startswith("→ Tue 24 Nov 10:30 CET")
        # Duration and medium from the keyboard: focus the set, move, select.
        screen.query_one("#duration", RadioSet).focus()  # on 20 min, the default
        await pilot.press("right", "enter")
        screen.query_one("#medium", RadioSet).focus()  # on Video, the default
        assert not screen.query_one("#who-pays").display  # nobody pays for a video call
        await pilot.press("right", "enter")
        assert screen.query_one("#who-pays").display  # a coffee has a tab
        assert screen.query_one("#place-label").render().plain == "Place"  # type: ignore[attr-defined]
        screen.query_one("#place", Input).value = "Blue Door Café"
        screen.query_one("#i-pay", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        (meeting,) = meetings_of(db_path, app, "Priya Raman")
        assert meeting["when"] == "2026-11-24T10:30:00+01:00"
        assert meeting["duration_min"] == 30 and meeting["medium"] == "coffee"
        assert meeting["place"] == "Blue Door Café" and meeting["i_pay"] is True
        tab = next(i for i in meeting["checklist"] if i["key"] == "tab")
        assert tab["done"] is True  # "I pay" plans the tab


async def test_an_unreadable_time_is_shown_and_not_saved(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Daniel Kim")
        before = screen.meeting.when
        await show_tab(screen, pilot, "tab-logistics")
        screen.query_one("#when", Input).value = "the day after never"
        await pilot.pause()
        preview = text_of(screen, "#when-preview")
        assert preview.startswith("✗ could not read") and "try 2026-12-03" in preview
        assert screen.query_one("#when-preview").has_class("-error")
        await pilot.press("escape")  # asks before leaving with a time it cannot read
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # fix it
        assert app.screen is screen and app.focused is screen.query_one("#when", Input)
        screen.query_one("#when", Input).value = "Dec 3 4pm"
        await pilot.pause()
        assert text_of(screen, "#when-preview").startswith("→ Thu 3 Dec 16:00 CET")
        await pilot.press("escape")
        await settle(app, pilot)
        (meeting,) = meetings_of(db_path, app, "Daniel Kim")
        assert meeting["when"] == "2026-12-03T16:00:00+01:00" != before.isoformat()


async def test_checklist_ticks_adds_removes_and_the_meter_follows(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Amara Nwosu")
        checklist = screen.query_one(Checklist)
        assert app.focused is checklist
        assert "30%" in text_of(screen, "#meter")
        checklist.select_item(3)  # "Skim staff bios of their team", not done in the demo
        await pilot.press("space")
        assert screen.meeting.checklist[3].done
        assert "40%" in text_of(screen, "#meter")
        await pilot.press("a")
        assert app.focused is screen.query_one("#new-item", Input)
        await pilot.press(*"Print my questions", "enter")
        assert app.focused is checklist
        assert checklist.current_index == 11 and screen.meeting.checklist[11].group == "plan"
        await pilot.press("space")  # tick my own item
        checklist.select_item(9)  # Confirm time and place
        await pilot.press("d")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (meeting,) = meetings_of(db_path, app, "Amara Nwosu")
        items = {i["text"]: i for i in meeting["checklist"]}
        assert items["Skim staff bios of their team"]["done"] is True
        assert items["Print my questions"] == {
            "text": "Print my questions",
            "done": True,
            "key": "",
            "group": "plan",
        }
        assert "Confirm time and place (or dial-in) the day before" not in items
        await pilot.press("r")  # restore defaults puts it back
        await pilot.press("escape")
        await settle(app, pilot)
        (meeting,) = meetings_of(db_path, app, "Amara Nwosu")
        assert any(i["key"] == "confirm" for i in meeting["checklist"])


async def test_g_goes_to_where_an_item_is_done(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Amara Nwosu")
        checklist = screen.query_one(Checklist)
        checklist.select_item(5)  # Set my objectives
        await pilot.press("g")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-plan"
        assert app.focused is screen.query_one("#objectives", TextArea)


async def test_the_research_tab_at_80x24_keeps_what_i_know_of_them_in_view(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        screen = await open_prep(app, pilot, "Daniel Kim")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert app.focused is screen.query_one("#research-person", TextArea)
        pane = screen.query_one("#tab-research .pane")
        assert pane.scroll_y == 0  # focusing the notes did not scroll the facts away
        assert "UX Researcher @ Northwind Health" in text_of(screen, "#contact-facts")


async def test_research_plan_and_introduction_are_saved_where_they_belong(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Amara Nwosu")
        assert "no notes on the person" in text_of(screen, "#missing")
        await show_tab(screen, pilot, "tab-research")
        screen.query_one("#research-person", TextArea).insert("Ran learning design at a museum.")
        screen.query_one("#research-company", TextArea).insert("Contoso Learning: K-12 courses.")
        await pilot.pause()
        assert "no notes on the person" not in text_of(screen, "#missing")
        await show_tab(screen, pilot, "tab-plan")
        ideas = screen.query_one("#objective-ideas")
        ideas.focus()
        await pilot.press("down", "enter")  # the second idea
        assert screen.query_one("#objectives", TextArea).text == (
            "Understand what a typical week in their role looks like"
        )
        screen.query_one("#ask-ideas").focus()
        await pilot.press("down", "down", "enter")
        assert screen.query_one("#ask", Input).value.startswith("Their advice on my single")
        hint = text_of(screen, "#intro-hint")
        assert "your pitch from Settings" in hint and "science teacher" in hint
        screen.query_one("#introduction", TextArea).insert("I teach science and run studies.")
        await pilot.pause()
        assert text_of(screen, "#intro-hint") == ""
        await pilot.press("escape")
        await settle(app, pilot)
        amara = saved_contacts(db_path)["Amara Nwosu"]
        assert amara["research_person"] == "Ran learning design at a museum."
        assert amara["research_company"] == "Contoso Learning: K-12 courses."
        (meeting,) = meetings_of(db_path, app, "Amara Nwosu")
        assert meeting["objectives"] == "Understand what a typical week in their role looks like"
        assert meeting["ask"] == "Their advice on my single most useful next step"
        assert meeting["introduction"] == "I teach science and run studies."
        done = {item["key"]: item["done"] for item in meeting["checklist"] if item["key"]}
        # written: prepared, without a tick by hand
        assert done["objectives"] and done["ask"] and done["introduction"]


async def test_picking_reordering_and_removing_questions_with_live_warnings(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Amara Nwosu")
        await show_tab(screen, pilot, "tab-questions")
        picker = screen.query_one(QuestionPicker)
        warnings = lambda: text_of(picker, "#q-warnings")  # noqa: E731
        assert "No questions chosen yet" in warnings()
        bank = picker.query_one(QuestionBank)
        bank.focus()
        first = bank.current_id
        await pilot.press("enter")  # pick the first Trends question (the industry focus)
        assert [q.bank_id for q in screen.meeting.questions] == [first]
        assert "No Insights question yet" in warnings() and "No Trends" not in warnings()
        await pilot.press("down", "space")  # a second Trends question
        second = bank.current_id
        picker.query_one("#q-focus").value = "all"
        await pilot.press("slash")
        assert app.focused is picker.query_one("#q-filter", Input)
        await pilot.press(*"hiring", "enter")  # the filter finds the job request to avoid
        assert app.focused is bank
        assert bank.current_id == "q-avoid-job-01"
        await pilot.press("enter")
        assert "asks for a job" in warnings()
        chosen = picker.query_one(ChosenQuestions)
        chosen.focus()
        assert chosen.highlighted == 2
        await pilot.press("K")  # move the job request up
        assert [q.bank_id for q in screen.meeting.questions] == [first, "q-avoid-job-01", second]
        await pilot.press("d")  # and take it off
        assert "asks for a job" not in warnings()
        await pilot.press("escape")
        await settle(app, pilot)
        (meeting,) = meetings_of(db_path, app, "Amara Nwosu")
        assert [q["bank_id"] for q in meeting["questions"]] == [first, second]
        assert all(q["tiara"] == "trends" for q in meeting["questions"])
        (questions,) = [item for item in meeting["checklist"] if item["key"] == "questions"]
        assert questions["done"]  # chosen: prepared, without a tick by hand


async def test_my_own_question_is_checked_saved_to_the_bank_and_picked(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Amara Nwosu")
        await show_tab(screen, pilot, "tab-questions")
        picker = screen.query_one(QuestionPicker)
        own = picker.query_one("#q-own", Input)
        own.focus()
        own.value = "How do museums hire learning designers?"
        await pilot.press("enter")
        own.value = "Are you hiring for your team?"
        await pilot.press("enter")
        await pilot.pause()
        assert own.value == ""
        assert "asks for a job" in text_of(picker, "#q-warnings")
        await settle(app, pilot)
        bank = {q["text"]: q for q in saved_table(db_path, "questions")}
        assert bank["How do museums hire learning designers?"]["job_request"] is False
        assert bank["How do museums hire learning designers?"]["custom"] is True
        assert bank["Are you hiring for your team?"]["job_request"] is True
        (meeting,) = meetings_of(db_path, app, "Amara Nwosu")
        assert [q["text"] for q in meeting["questions"]] == list(bank)
        assert meeting["questions"][0]["bank_id"] == bank[meeting["questions"][0]["text"]]["id"]
    # Another meeting's picker offers it from the bank, under "Your own".
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Priya Raman")
        await show_tab(screen, pilot, "tab-questions")
        picker = screen.query_one(QuestionPicker)
        picker.query_one("#q-focus").value = "all"
        await pilot.pause()
        prompts = [str(o.prompt) for o in picker.query_one(QuestionBank).options]
        assert any(
            "How do museums hire learning designers?" in p and "(mine)" in p for p in prompts
        )


async def test_a_question_asked_in_an_earlier_meeting_is_marked(db_path, clock):
    demo_file(db_path, clock)
    repo = open_campaign(db_path, clock=clock)
    leo = next(c for c in repo.contacts() if c.name == "Leo Martins")
    held = repo.last_meeting(leo.id)
    assert held is not None
    held.questions = [
        MeetingQuestion(
            text="Who else would you suggest I talk to?",
            tiara=Tiara.RESOURCES,
            bank_id="q-resources-01",
            asked=True,
            answer="Talk to Mina at Proseware",
        )
    ]
    repo.save_meeting(held)
    repo.save_meeting(Meeting(contact_id=leo.id, when=clock.now() + timedelta(days=20)))
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Leo Martins")
        await show_tab(screen, pilot, "tab-questions")
        picker = screen.query_one(QuestionPicker)
        picker.query_one("#q-focus").value = "all"
        picker.query_one("#q-filter", Input).value = "who else would you suggest"
        await pilot.pause()
        bank = picker.query_one(QuestionBank)
        bank.focus()
        assert bank.current_id == "q-resources-01"
        assert "⟲ asked 09 Nov" in str(bank.highlighted_option.prompt)  # marked in the bank too
        await pilot.press("enter")
        chosen = str(picker.query_one(ChosenQuestions).options[0].prompt)
        assert "⟲ asked 09 Nov" in chosen
        assert "Already asked on 09 Nov 2026: “Talk to Mina at Proseware”" in text_of(
            picker, "#q-warnings"
        )


async def test_help_and_the_palette_list_the_prep_keys_without_the_list_noise(db_path, clock):
    from infoint_tui.app import InfointApp

    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_prep(app, pilot, "Daniel Kim")
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        for words in ("Prep", "Next tab", "Brief", "Checklist", "Tick", "Go to it", "Restore"):
            assert words in text, words
        assert "Scroll Left" not in text and "Page Up" not in text
        await pilot.press("escape")
        titles = [c.title for c in InfointApp.get_system_commands(app, screen)]
        assert "Prep: Next tab" in titles and "Prep: Tick" in titles
        assert not any(t.startswith("Prep: Up") or "Scroll" in t for t in titles), titles


async def test_prep_opened_and_left_untouched_leaves_no_empty_meeting_behind(db_path, clock):
    """After the call, `p` then escape must not put an empty meeting in place of the one held:
    live notes and the brief would open it from then on."""
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        before = meetings_of(db_path, app, "Hannah Schmidt")
        assert before and all(m["ended_at"] for m in before)  # her interview is over
        await open_prep(app, pilot, "Hannah Schmidt")
        await pilot.press("escape")
        await settle(app, pilot)
        assert meetings_of(db_path, app, "Hannah Schmidt") == before
        assert app.campaign.next_meeting(contact_id(app, "Hannah Schmidt")) is None
        await open_prep(app, pilot, "Hannah Schmidt")  # a follow-up, planned this time
        await pilot.press("ctrl+b", "space", "escape")  # one item ticked: the meeting is kept
        await settle(app, pilot)
        assert len(meetings_of(db_path, app, "Hannah Schmidt")) == len(before) + 1


async def test_a_contact_deleted_while_its_prep_is_open_leaves_without_an_error(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_prep(app, pilot, "Hannah Schmidt")  # makes a meeting ahead
        app.campaign.delete_contact(contact_id(app, "Hannah Schmidt"))  # e.g. from Targets › People
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
    assert "Hannah Schmidt" not in saved_contacts(db_path)


async def test_at_80x24_a_long_checklist_item_wraps_under_its_text(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        screen = await open_prep(app, pilot, "Daniel Kim")
        checklist = screen.query_one(Checklist)
        prompt = next(
            str(o.prompt) for o in checklist.options if "Choose my questions" in str(o.prompt)
        )
        first, *rest = prompt.split("\n")
        assert rest and all(line.startswith("    ") and line.strip() for line in rest), prompt
        await pilot.resize_terminal(160, 40)  # wide: one line again
        await pilot.pause()
        prompt = next(
            str(o.prompt) for o in checklist.options if "Choose my questions" in str(o.prompt)
        )
        assert "\n" not in prompt


async def test_p_after_the_call_shows_the_call_held_and_prepares_another_only_when_asked(
    db_path, clock
):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        (held,) = meetings_of(db_path, app, "Leo Martins")  # Thanked: his call is over
        screen = await open_prep(app, pilot, "Leo Martins")
        assert screen.meeting_id == held["id"]
        assert "held" in text_of(screen, "#prep-title")
        assert "Next meeting" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("escape")
        await settle(app, pilot)
        assert meetings_of(db_path, app, "Leo Martins") == [held]  # no empty meeting made

        screen = await open_prep(app, pilot, "Leo Martins")
        await pilot.press("ctrl+b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepScreen) and screen.meeting_id != held["id"]
        assert "held" not in text_of(screen, "#prep-title")
        await pilot.press("space", "escape")
        await settle(app, pilot)
        after = meetings_of(db_path, app, "Leo Martins")
        assert len(after) == 2 and [m["ended_at"] is None for m in after].count(True) == 1
