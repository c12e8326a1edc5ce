"""The board from the keyboard (and the mouse): every key asserts on the screen and the file."""

from __future__ import annotations

from infoint_tui.domain.stages import Stage
from infoint_tui.screens.board import BoardScreen
from infoint_tui.widgets.board_view import BoardView

from .helpers import demo_file, running, saved_contacts, saved_table, settle


def board(app) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


def names(app, stage: Stage) -> list[str]:
    return [card.name for card in board(app).column(stage.order).cards]


def focused_name(app) -> str | None:
    screen = board(app)
    contact_id = screen.focused_contact_id
    return app.campaign.contact(contact_id).name if contact_id else None


async def test_columns_counts_and_cards(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = board(app)
        titles = [screen.column(s.order).title for s in Stage]
        painted = screen.view.render_line(0).text  # the titles as drawn, counts included
        assert all(title in painted for title in titles), painted
        assert titles[0].startswith("Prospects") and "4" in titles[0]
        assert [t.split()[0] for t in titles] == [
            "Prospects",
            "Reached",
            "Scheduled",
            "Interviewed",
            "Thanked",
            "In",
        ]
        hannah = next(c for c in screen.cards.values() if c.name == "Hannah Schmidt")
        assert hannah.detail == "Design Manager @ Fabrikam"
        assert hannah.due is not None and hannah.due.text == "thank-you due tomorrow"
        daniel = next(c for c in screen.cards.values() if c.name == "Daniel Kim")
        assert daniel.due is not None and daniel.due.text == "confirm today"  # coffee tomorrow
        assert isinstance(app.focused, BoardView)


async def test_arrows_and_hjkl_move_between_cards_and_columns(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        first = focused_name(app)
        await pilot.press("down")
        second = focused_name(app)
        assert second != first
        await pilot.press("k")
        assert focused_name(app) == first
        await pilot.press("right")
        assert board(app).column_index == 1 and focused_name(app) in names(app, Stage.REACHED_OUT)
        await pilot.press("l", "l")
        assert board(app).column_index == 3
        await pilot.press("h", "left")
        assert board(app).column_index == 1


async def test_bracket_moves_the_card_saves_at_once_and_keeps_focus(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        name = focused_name(app)
        await pilot.press("right_square_bracket")
        assert name in names(app, Stage.REACHED_OUT) and name not in names(app, Stage.PROSPECTS)
        assert focused_name(app) == name and board(app).column_index == 1
        await settle(app, pilot)
        doc = saved_contacts(db_path)[name]
        assert doc["stage"] == "reached-out"
        assert doc["history"][-1]["from_stage"] == "prospects"
        assert doc["history"][-1]["at"] == clock.now().isoformat()
        reminders = [
            r
            for r in saved_table(db_path, "reminders")
            if r["contact_id"] == doc["id"] and not r["closed_at"]
        ]
        assert {r["kind"] for r in reminders} == {"second-person", "follow-up"}
        await pilot.press("shift+right")
        assert focused_name(app) == name and board(app).column_index == 2
        await pilot.press("left_square_bracket", "shift+left")
        assert focused_name(app) == name and board(app).column_index == 0
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["stage"] == "prospects"
        assert [
            r
            for r in saved_table(db_path, "reminders")
            if r["contact_id"] == doc["id"] and not r["closed_at"]
        ] == []


async def test_filter_as_you_type_enter_keeps_escape_clears(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("slash")
        await pilot.press(*"northwind")
        visible = [n for s in Stage for n in names(app, s)]
        assert sorted(visible) == ["Daniel Kim", "Priya Raman"]
        await pilot.press("enter")
        assert focused_name(app) == "Priya Raman"
        assert board(app).query_text == "northwind"
        await pilot.press("escape")
        assert board(app).query_text == ""
        assert len([n for s in Stage for n in names(app, s)]) == 12
        await pilot.press("slash", *"mentor")  # a tag
        assert [n for s in Stage for n in names(app, s)] == ["Ruth Abebe"]
        await pilot.press("escape")


async def test_archive_undo_and_show_archived(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        name = focused_name(app)
        await pilot.press("x")
        assert name not in names(app, Stage.PROSPECTS)
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is True
        await pilot.press("u")
        assert name in names(app, Stage.PROSPECTS) and focused_name(app) == name
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is False
        await pilot.press("x", "A")
        assert name in names(app, Stage.PROSPECTS)
        card = next(c for c in board(app).cards.values() if c.name == name)
        assert card.archived
        await pilot.press("A")
        assert name not in names(app, Stage.PROSPECTS)


async def test_delete_asks_first(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        name = focused_name(app)
        await pilot.press("delete")
        await pilot.press("n")  # no: nothing happens
        assert name in names(app, Stage.PROSPECTS)
        await pilot.press("delete", "y")
        assert name not in names(app, Stage.PROSPECTS)
        await settle(app, pilot)
        assert name not in saved_contacts(db_path)


async def test_double_click_opens_the_contact(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        target = board(app).column(2).region
        view = board(app).view
        await pilot.double_click(view, offset=(target.x - view.region.x + 3, 1))
        await pilot.pause()
        from infoint_tui.screens.contact import ContactScreen

        assert isinstance(app.screen, ContactScreen)
        assert app.campaign.contact(app.screen.contact_id).stage is Stage.SCHEDULED


async def test_help_lists_the_keys_from_the_bindings(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        for words in (
            "Next stage",
            "Filter",
            "Archive",
            "Show archived",
            "Delete",
            "Up",
            "Quit",
            str(db_path),
        ):
            assert words in text
        assert "Scroll Left" not in text
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_palette_goes_to_a_contact_and_runs_board_actions(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"go to kenji")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert focused_name(app) == "Kenji Sato"
        await pilot.press("ctrl+p", *"go to wen li", "enter")
        await pilot.pause()
        await pilot.press("ctrl+p", *"board: next stage")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert focused_name(app) == "Wen Li"
        assert saved_contacts(db_path)["Wen Li"]["stage"] == "reached-out"


async def test_after_ending_the_interview_the_board_focuses_the_moved_card(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("l", "l")
        assert focused_name(app) == "Daniel Kim"
        await pilot.press("i", *"Great call", "ctrl+f", "y", "escape", "escape")
        assert isinstance(app.screen, BoardScreen)
        # the card went to Interviewed, off the three columns shown: the focus went with it
        assert board(app).column_index == Stage.INTERVIEWED.order
        assert focused_name(app) == "Daniel Kim"
        await settle(app, pilot)
        assert saved_contacts(db_path)["Daniel Kim"]["stage"] == "interviewed"


async def test_a_first_time_user_is_told_how_to_add_the_first_contact(db_path, clock):
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        summary = str(board(app).query_one("#summary").render())
        assert summary.startswith("No contacts yet: n adds the first one")
        await pilot.press("n", *"Ada Lovelace", "escape")
        summary = str(board(app).query_one("#summary").render())
        # not "1 contacts"; the empty columns are narrow, so five of six show at 80 columns
        assert summary.startswith("1 contact (5 of 6 columns")
        await settle(app, pilot)
        assert list(saved_contacts(db_path)) == ["Ada Lovelace"]


async def test_while_filtering_an_empty_column_says_no_match(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        column = board(app).column(Stage.INTERVIEWED.order)
        assert column.empty_text == "no thank-yous owed"
        await pilot.press("slash", *"mentor")
        assert not column.cards and column.empty_text == "no match"
        summary = str(board(app).query_one("#summary").render())
        assert "filter: “mentor”" in summary  # before the counts, which 80 columns cut
        await pilot.press(*" [/b")  # typed brackets are text, not markup
        assert "filter: “mentor [/b”" in str(board(app).query_one("#summary").render())
        await pilot.press("escape")
        assert column.empty_text == "no thank-yous owed"


async def test_x_on_an_archived_card_restores_it(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        name = focused_name(app)
        await pilot.press("x", "A")
        contact_id = next(c.id for c in app.campaign.contacts(archived=True) if c.name == name)
        board(app).focus_column(Stage.PROSPECTS.order, contact_id)
        assert focused_name(app) == name
        await pilot.press("x")
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is False
        card = next(c for c in board(app).cards.values() if c.name == name)
        assert not card.archived


async def test_help_lists_the_keys_that_do_nothing_just_now_too(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("question_mark")  # first column, nothing archived, no filter
        text = str(app.screen.query_one("#help-text").render())
        lines = [line.split(maxsplit=1) for line in text.splitlines() if line.strip()]
        assert any(
            line[0] == "[" and line[1].endswith("Previous stage (not now)") for line in lines
        )
        assert ["u", "Undo (not now)"] in lines
        assert ["esc", "Clear filter (not now)"] in lines
        assert text.count("^p") == 1 and "palette: every action" in text


async def test_the_key_bar_takes_a_second_line_rather_than_losing_keys_at_80_columns(
    db_path, clock
):
    from infoint_tui.screens.agenda import AgendaScreen
    from infoint_tui.widgets.key_bar import KeyBar

    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        lines = str(bar.render()).splitlines()
        assert len(lines) == 2 and bar.size.height == 2
        assert lines[0].startswith("? Help") and "q Quit" in lines[1] and "/ Filter" in lines[1]
        column = lines[1].index("a Agenda") + 1  # the padding
        await pilot.click(KeyBar, offset=(column + 1, 1))
        assert isinstance(app.screen, AgendaScreen)
    async with running(db_path, clock, size=(160, 45)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        assert bar.size.height == 1 and "q Quit" in str(bar.render())
