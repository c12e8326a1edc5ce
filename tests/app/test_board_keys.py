"""The board's keys as the spec lists them, help that names every one, and the keys test_board
leaves out: `i`, `q`, a single click, the filter on role and notes, 80x24."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.widgets import TextArea

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.help import HelpScreen
from infoint_tui.screens.live_notes import LiveNotesScreen
from infoint_tui.widgets.board_view import BoardView
from infoint_tui.widgets.card_lines import CARD_HEIGHT

from .helpers import demo_file, make_app, running, saved_contacts, saved_table, settle
from .live_notes_helpers import saved_meeting

# SPEC.md, "Keys that stay stable": key -> the action it must run on the board.
SPEC_BOARD_KEYS = {
    "up": "cursor(-1)",
    "k": "cursor(-1)",
    "down": "cursor(1)",
    "j": "cursor(1)",
    "left": "column(-1)",
    "h": "column(-1)",
    "right": "column(1)",
    "l": "column(1)",
    "slash": "filter",
    "enter": "open",
    "n": "new",
    "p": "prep",
    "b": "brief",
    "i": "live_notes",
    "right_square_bracket": "move(1)",
    "shift+right": "move(1)",
    "left_square_bracket": "move(-1)",
    "shift+left": "move(-1)",
    "a": "agenda",
    "question_mark": "app.help",
    "q": "app.quit",
    "ctrl+s": "save_now",
    "ctrl+q": "quit",
}


def board(app) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


def names(app, stage: Stage) -> list[str]:
    return [card.name for card in board(app).column(stage.order).cards]


def focused_name(app) -> str | None:
    contact_id = board(app).focused_contact_id
    return app.campaign.contact(contact_id).name if contact_id else None


def key_chain(screen) -> dict[str, str]:
    """What each key runs on this screen now, resolved as Textual does (nearest binding first,
    priority bindings over the rest), whether or not the action is usable at this moment."""
    found: dict[str, Binding] = {}
    for _node, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if key not in found or (binding.priority and not found[key].priority):
                found[key] = binding
    return {key: binding.action for key, binding in found.items()}


async def test_every_key_the_spec_promises_is_bound_to_its_action(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        bound = key_chain(board(app))
        assert {key: bound.get(key) for key in SPEC_BOARD_KEYS} == SPEC_BOARD_KEYS


def _help_lines(app) -> list[str]:
    assert isinstance(app.screen, HelpScreen)
    return Text.from_markup(app.screen._text()).plain.splitlines()


async def test_help_names_every_key_of_the_board_even_those_not_usable_now(db_path, clock):
    """On the first column nothing moves back and nothing can be undone: those keys are in
    help all the same (marked), and shift+arrows are listed beside ] and [."""
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        assert board(app).column_index == 0
        await pilot.press("question_mark")
        lines = _help_lines(app)
        rows = [re.split(r"\s{2,}", x.strip()) for x in lines if x.startswith("  ")]
        for owner in (BoardScreen, BoardView):
            for binding in owner.BINDINGS:
                assert isinstance(binding, Binding)
                if not binding.description:
                    continue
                for key in binding.key.split(","):
                    shown = app.get_key_display(Binding(key, binding.action, key_display=binding.key_display))  # fmt: skip
                    assert any(
                        shown in row[0].split(" / ") and row[1].startswith(binding.description)
                        for row in rows
                        if len(row) == 2
                    ), (key, binding.description)
        back = next(x for x in lines if "Previous stage" in x)
        assert "(not now)" in back and "shift+←" in back and "[" in back
        assert (
            len([x for x in lines if "ommand palette" in x or x.strip().endswith("palette")]) == 1
        )
        await pilot.press("escape", "right", "question_mark")
        back = next(x for x in _help_lines(app) if "Previous stage" in x)
        assert "(not now)" not in back


async def test_i_on_a_card_without_a_meeting_creates_it_and_typing_is_saved(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        contact_id = board(app).focused_contact_id
        assert contact_id is not None and app.campaign.meetings(contact_id) == []
        await pilot.press("i", *"hello")
        screen = app.screen
        assert isinstance(screen, LiveNotesScreen) and isinstance(app.focused, TextArea)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, BoardScreen) and board(app).focused_contact_id == contact_id
    (meeting,) = [m for m in saved_table(db_path, "meetings") if m["contact_id"] == contact_id]
    assert saved_meeting(db_path, meeting["id"])["notes"] == "hello"


async def test_q_quits_and_the_move_made_just_before_is_on_disk(db_path, clock):
    demo_file(db_path, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        name = focused_name(app)
        await pilot.press("right_square_bracket", "q")  # no pause for the writer
        await pilot.pause()
        assert app.return_code == 0
    assert app.close_store() is None
    assert name is not None and saved_contacts(db_path)[name]["stage"] == "reached-out"


async def test_a_single_click_focuses_the_card_under_the_mouse_and_opens_nothing(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("right")
        assert board(app).column_index == 1
        prospects = names(app, Stage.PROSPECTS)
        view, column = board(app).view, board(app).column(0).region
        x = column.x - view.region.x + 3
        await pilot.click(view, offset=(x, CARD_HEIGHT + 1))  # the second card
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert board(app).column_index == 0 and focused_name(app) == prospects[1]
        await pilot.press("right_square_bracket")  # the keys act on the clicked card
        await settle(app, pilot)
        assert saved_contacts(db_path)[prospects[1]]["stage"] == "reached-out"


async def test_the_filter_matches_role_and_notes_too(db_path, clock):
    demo_file(db_path, clock)
    open_campaign(db_path, clock=clock).add_contact(
        Contact(name="Zed Quill", notes="Plays the saxophone at the meetup")
    )
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("slash", *"saxophone")
        assert [n for s in Stage for n in names(app, s)] == ["Zed Quill"]
        await pilot.press("escape", "slash", *"scientist")  # only in Leo Martins' role
        assert [n for s in Stage for n in names(app, s)] == ["Leo Martins"]


async def test_at_80x24_the_focused_column_is_kept_in_view(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        for index in [*range(1, 6), *range(4, -1, -1)]:
            await pilot.press("l" if index > board(app).column_index else "h")
            await pilot.pause()
            column = board(app).column(index)
            assert board(app).column_index == index and column.has_focus
            region = column.region
            assert region.width >= 12 and region.x >= 0 and region.right <= 80, (index, region)
            painted = board(app).view.render_line(0).text
            assert column.stage.label in painted, painted  # drawn, not only laid out


def _many_prospects(db_path, clock, count: int = 30) -> None:
    repo = open_campaign(db_path, clock=clock)
    for number in range(count):
        repo.add_contact(Contact(name=f"Prospect {number:02d}", company="Contoso"))


def _bar_cells(app, column) -> str:
    """The column's scroll bar, top to bottom: '#' where the thumb is, '.' for the track."""
    view = board(app).view
    x = column.region.right - 1 - view.region.x
    thumb = view.get_component_rich_style("board--scrollbar-thumb")
    cells = []
    for y in range(1, view.size.height):
        strip = view.render_line(y).crop(x, x + 1)
        cells.append("#" if list(strip)[0].style == thumb else ".")
    return "".join(cells)


async def test_the_mouse_wheel_scrolls_the_column_under_it_by_whole_cards(db_path, clock):
    from textual.events import MouseScrollDown

    _many_prospects(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        view, prospects = board(app).view, board(app).column(0)
        assert len(prospects.cards) == 30 and prospects.top == 0
        bar = _bar_cells(app, prospects)
        assert bar.startswith("#") and bar.endswith(".")  # 30 cards do not fit: a thumb on top
        x = prospects.region.x - view.region.x + 3
        await pilot._post_mouse_events([MouseScrollDown], view, offset=(x, 5), times=3)
        assert prospects.top == 3 * CARD_HEIGHT  # three cards up, the fourth now on top
        assert prospects.cursor == 3  # the cursor comes along: keys never act out of sight
        assert board(app).column(1).top == 0
        await pilot.press("G")  # the last card: the column scrolls to it, the thumb to the end
        assert prospects.cursor == 29
        assert prospects.top % CARD_HEIGHT == 0  # whole cards: the columns stay in line
        assert prospects.visible_cards(view.lines_shown)[-1] == 29
        assert prospects.top == prospects.max_top(view.lines_shown)
        bar = _bar_cells(app, prospects)
        assert bar.endswith("#") and bar.startswith(".")
        await pilot.press("right_square_bracket")  # the keys act on the card in view
        await settle(app, pilot)
    assert saved_contacts(db_path)["Prospect 29"]["stage"] == "reached-out"


async def test_a_click_on_the_scroll_bar_shows_that_part_with_the_cursor_in_it(db_path, clock):
    _many_prospects(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        view, prospects = board(app).view, board(app).column(0)
        bar_x = prospects.region.right - 1 - view.region.x
        await pilot.click(view, offset=(bar_x, view.size.height - 1))  # the bottom of the bar
        assert prospects.top == prospects.max_top(view.lines_shown)
        shown = prospects.visible_cards(view.lines_shown)
        assert shown[-1] == 29 and prospects.cursor == shown[0]
        assert _bar_cells(app, prospects).endswith("#")
        await pilot.click(view, offset=(bar_x, 1))  # the top
        assert prospects.top == 0
        assert prospects.cursor == prospects.visible_cards(view.lines_shown)[-1]


async def test_tab_moves_to_the_next_column(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("tab", "tab")
        assert board(app).column_index == 2 and focused_name(app) in names(app, Stage.SCHEDULED)
        await pilot.press("shift+tab")
        assert board(app).column_index == 1


async def test_wide_characters_keep_every_column_in_its_place(db_path, clock):
    """A CJK name is two cells a character: cut and padded by cells, the next column stays put."""
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(Contact(name="山田太郎さん 東京株式会社の研究者", company="東京株式会社"))
    repo.add_contact(Contact(name="Zed Quill", company="東京Zed", stage=Stage.REACHED_OUT))
    async with running(db_path, clock, size=(160, 40)) as (app, pilot):
        view = board(app).view
        reached = board(app).column(1).region
        for y in range(view.size.height):
            strip = view.render_line(y)
            assert strip.cell_length == view.size.width, y
        text = view.render_line(1).text  # the first card's name row, in every column
        x = reached.x - view.region.x
        from rich.cells import cell_len

        name_at = cell_len(text[: text.index("Zed Quill")])
        assert name_at == x + 2, (text, x)  # after its colour bar and a space, as in column 1


async def test_clearing_the_filter_gives_each_column_its_card_back(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("j", "l", "j", "h")  # the second card of the first two columns
        before = [column.current_id for column in board(app).view.columns]
        await pilot.press("slash", *"kim")  # Daniel Kim only: the first columns are empty
        assert [n for s in Stage for n in names(app, s)] == ["Daniel Kim"]
        await pilot.press("escape")
        assert [column.current_id for column in board(app).view.columns] == before
        assert board(app).column(0).cursor == 1 and board(app).column(1).cursor == 1


async def test_a_card_picked_while_filtering_stays_picked(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("l", "j", "h")  # Reached out: its second card
        reached_out = board(app).column(1).current_id
        await pilot.press("slash", *"research", "enter", "j")  # the second match, picked
        picked = focused_name(app)
        assert board(app).column_index == 0 and picked == names(app, Stage.PROSPECTS)[1]
        await pilot.press("escape")
        assert focused_name(app) == picked  # not sent back to where it was before
        assert board(app).column(1).current_id == reached_out


def test_the_summary_keeps_whole_parts_and_cuts_the_last_one_visibly():
    from infoint_tui.screens.board import _fit_parts

    parts = ["[b]12[/] contacts", "[$error b]1 overdue[/]", "next: Hannah Schmidt, thank-you"]
    assert _fit_parts(parts, 200) == " · ".join(parts)
    cut = _fit_parts(parts, 40)
    assert cut.startswith("[b]12[/] contacts · [$error b]1 overdue[/] · next:") and cut.endswith(
        "…"
    )
    assert _fit_parts(parts, 30) == "[b]12[/] contacts · [$error b]1 overdue[/]"  # no "next:" alone


async def test_at_80_columns_the_summary_ends_in_a_whole_word_or_an_ellipsis(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        line = str(board(app).query_one("#summary").render())
        assert len(line) <= 78 and line.endswith(("…", "today", "overdue")), line
        assert "next: Hannah" in line  # a part cut, not dropped, where a few words fit


async def test_the_focused_cards_tags_are_in_the_detail_line_cut_to_fit(db_path, clock):
    tag = "information-architecture-and-service-design-for-public-sector-learning"
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(Contact(name="Lena Ortiz", company="Contoso", tags=[tag, "mentor"]))
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        detail = str(board(app).query_one("#card-detail").render())
        assert detail.startswith("Lena Ortiz · Contoso · information-architecture"), detail
        assert detail.endswith("…") and len(detail) <= 78


async def test_a_move_undone_at_once_leaves_the_check_in_as_it_was(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press(*"llll")  # Thanked: Leo Martins, a check-in ahead
        name = focused_name(app)
        card = board(app).cards[board(app).focused_contact_id]
        due = card.due.text if card.due else None
        await settle(app, pilot)
        contact_id = board(app).focused_contact_id
        before = [r for r in saved_table(db_path, "reminders") if r["contact_id"] == contact_id]
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert focused_name(app) == name and board(app).column_index == Stage.THANKED.order
        card = board(app).cards[contact_id]
        assert (card.due.text if card.due else None) == due
        await settle(app, pilot)
    after = [r for r in saved_table(db_path, "reminders") if r["contact_id"] == contact_id]
    assert after == before and due is not None


async def test_narrower_than_six_columns_fit_the_board_shows_as_many_as_read_well(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        view = board(app).view
        shown = {}
        for width in (80, 100, 110, 114, 115, 120, 200):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            shown[width] = view.columns_shown
            used = 1 + sum(view.widths[i] + 1 for i in range(view.first, view.first + shown[width]))
            assert used <= width, width
            assert min(view.widths) >= 18
        assert shown == {80: 4, 100: 5, 110: 5, 114: 5, 115: 6, 120: 6, 200: 6}
        summary = str(board(app).query_one("#summary").render())
        assert "of 6 columns" not in summary  # at 200 all six show


async def test_the_filter_gives_the_cards_back_even_after_a_look_at_help(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("j", "l", "j", "h")
        before = [column.current_id for column in board(app).view.columns]
        await pilot.press("slash", *"kim", "enter")  # Daniel Kim, focused
        await pilot.press("question_mark", "escape")  # the board is rebuilt on return
        await pilot.press("escape")  # clears the filter
        after = [column.current_id for column in board(app).view.columns]
        assert after[:2] == before[:2]  # the columns the user did not touch: as they were


async def test_u_takes_back_a_stage_move_and_leaves_no_trace_in_the_funnel(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("l", "l")  # Scheduled: Daniel Kim, coffee tomorrow
        contact_id = board(app).focused_contact_id
        await settle(app, pilot)
        history = saved_contacts(db_path)["Daniel Kim"]["history"]
        reminders = [r for r in saved_table(db_path, "reminders") if r["contact_id"] == contact_id]
        await pilot.press("right_square_bracket")  # by mistake: Interviewed, a thank-you owed
        assert board(app).column_index == Stage.INTERVIEWED.order
        await pilot.press("u")
        assert board(app).column_index == Stage.SCHEDULED.order
        assert board(app).focused_contact_id == contact_id
        assert "Daniel Kim" in names(app, Stage.SCHEDULED)
        assert "Daniel Kim" not in names(app, Stage.INTERVIEWED)
        assert not board(app).check_action("undo", ())  # once
        await settle(app, pilot)
    saved = saved_contacts(db_path)["Daniel Kim"]
    assert saved["stage"] == "scheduled" and saved["history"] == history
    open_now = [
        r
        for r in saved_table(db_path, "reminders")
        if r["contact_id"] == contact_id and not r["done_at"] and not r["closed_at"]
    ]
    assert {r["id"] for r in open_now} == {
        r["id"] for r in reminders if not r["done_at"] and not r["closed_at"]
    }


async def test_moving_a_card_to_thanked_logs_the_thank_you_for_the_export_and_insights(
    db_path, clock
):
    from infoint_tui.formats import render_export
    from infoint_tui.formats.snapshot import Snapshot as Records
    from infoint_tui.screens.insights import InsightsScreen

    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("l", "l", "l")  # Interviewed: Hannah Schmidt, a thank-you owed
        assert focused_name(app) == "Hannah Schmidt"
        await pilot.press("right_square_bracket")
        assert board(app).column_index == Stage.THANKED.order
        await settle(app, pilot)
        markdown = render_export("markdown", Records.of(app.campaign), clock.now()).decode()
        await pilot.press("s")
        assert isinstance(app.screen, InsightsScreen)
        assert app.screen.found is not None
        assert app.screen.found.outreach_weekly.counts[-1] == 1  # this week: the thank-you
        activity = str(app.screen.query_one("#panel-activity").render())
        assert f"{app.screen.found.outreach_weekly.total} sent" in activity
    hannah = markdown[markdown.index("### Hannah Schmidt") :].split("\n### ")[0]
    log = hannah[hannah.index("**Log of contacts**") :]
    assert "Wed 18 Nov 2026 09:30 thank-you" in log
    assert "Send Hannah a thank-you (closed Wed 18 Nov 2026 09:30: thank-you sent)" in hannah


async def test_undoing_the_move_to_thanked_takes_back_the_thank_you_it_logged(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("l", "l", "l")
        await settle(app, pilot)
        before = saved_contacts(db_path)["Hannah Schmidt"]
        touches = saved_table(db_path, "touches")
        await pilot.press("right_square_bracket", "u")
        assert focused_name(app) == "Hannah Schmidt"
        assert board(app).column_index == Stage.INTERVIEWED.order
        await settle(app, pilot)
    after = saved_contacts(db_path)["Hannah Schmidt"]
    assert (after["history"], after["last_contact"]) == (before["history"], before["last_contact"])
    assert saved_table(db_path, "touches") == touches
