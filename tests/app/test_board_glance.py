"""The board at a glance, at 120x40 and 80x24: every card's name and company in full, one
focused card unmistakable (an empty column too), the focused card in full under the board,
and what another program added shown without losing the cursor."""

from __future__ import annotations

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.board import BoardScreen
from infoint_tui.widgets.card_lines import CARD_HEIGHT

from .helpers import demo_file, running, settle


def board(app) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


def cell_text(view, y: int, column) -> str:
    """What column `column` shows on line `y` of the view."""
    box = column.region
    x = box.x - view.region.x
    return view.render_line(y).crop(x, x + box.width).text


@pytest.mark.parametrize(("size", "columns"), [((120, 40), 6), ((80, 24), 4)])
async def test_every_card_shows_the_full_name_and_company(db_path, clock, size, columns):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=size) as (app, pilot):
        view = board(app).view
        assert view.columns_shown == columns
        checked = 0
        for index in view.shown:
            column = view.columns[index]
            for number, card in enumerate(column.cards[: view.lines_shown // CARD_HEIGHT]):
                top = 1 + number * CARD_HEIGHT
                assert card.name in cell_text(view, top, column)
                assert card.row.company in cell_text(view, top + 1, column)
                checked += 1
        assert checked >= 8


def _cursor_rows(app) -> list[tuple[int, str]]:
    """The lines (and the columns) drawn in the focused card's style."""
    view = board(app).view
    cursor = view.get_component_rich_style("board--cursor").bgcolor
    found = []
    for index in view.shown:
        column = view.columns[index]
        for y in range(1, view.size.height):
            box = column.region
            x = box.x - view.region.x
            strip = view.render_line(y).crop(x + 2, x + box.width - 1)
            if any(seg.style is not None and seg.style.bgcolor == cursor for seg in strip):
                found.append((y, column.stage.label))
    return found


async def test_one_card_is_drawn_as_the_focused_one_and_the_cursor_follows_the_keys(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(120, 40)) as (app, pilot):
        assert _cursor_rows(app) == [(y, "Prospects") for y in range(1, 5)]
        await pilot.press("l", "j")  # Reached out, its second card
        assert _cursor_rows(app) == [(y, "Reached out") for y in range(6, 10)]
        detail = str(board(app).query_one("#card-detail").render())
        assert detail.startswith("Sofia Rossi · Content Designer @ Litware")
        assert "content" in detail  # her tags: not on the card, here


async def test_an_empty_column_shows_the_focus_and_says_what_it_is_for(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("l", "l", "l", "right_square_bracket", "h")  # Interviewed, emptied
        assert board(app).column_index == Stage.INTERVIEWED.order
        assert not board(app).column(Stage.INTERVIEWED.order).cards
        assert _cursor_rows(app) == [(y, "Interviewed") for y in range(1, 5)]
        detail = str(board(app).query_one("#card-detail").render())
        assert detail == "Interviewed · no thank-yous owed"
        title = cell_text(board(app).view, 0, board(app).column(Stage.INTERVIEWED.order))
        assert "Interviewed 0" in title  # narrow, but its title whole


async def test_what_another_program_added_shows_and_the_cursor_stays(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(120, 40)) as (app, pilot):
        await settle(app, pilot)
        await pilot.press("l", "j")  # Sofia Rossi
        focused = board(app).focused_contact_id
        other = open_campaign(db_path, clock=clock)  # another program: `infoint add`
        other.add_contact(Contact(name="Aaron Abbott", company="Acme", stage=Stage.REACHED_OUT))
        assert app.campaign.store.engine.poll()  # what the store's thread does every second
        await pilot.pause()
        names = [c.name for c in board(app).column(Stage.REACHED_OUT.order).cards]
        assert "Aaron Abbott" in names
        assert board(app).focused_contact_id == focused and board(app).column_index == 1
