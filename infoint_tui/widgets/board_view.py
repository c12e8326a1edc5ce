"""The board's six columns of cards in one widget, drawn line by line.

One widget rather than a widget per column: Textual's cost per frame grows with the widgets a
line crosses (each one's line is rendered, styled, cropped and cut apart again), and six
scrolling columns with their scrollbars made the first paint of the board cost several times
a bare app's. Here a line of the screen is one strip, and only the lines shown are drawn.

Each column keeps its own cursor and scroll position; `column_index` is the focused column.
At 80 columns not all six fit: the view shows as many as fit and keeps the focused one in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..domain.stages import STAGES, Stage
from .card_lines import CARD_HEIGHT, CARD_ROWS, card_segments, card_styles
from .palette import STAGE_COLORS
from .text import fit, pad

if TYPE_CHECKING:
    from ..domain.cards import Card

MIN_COLUMN = 18  # narrower than this, the view shows fewer columns and scrolls sideways
ROOMY_COLUMN = 24  # then as many as fit this wide: "coffee tomorrow 10:30" reads in full


def _card_aligned(line: float) -> int:
    """The first line of the card that `line` falls in, rounded up to the next card's (never
    below 0): scroll positions are whole cards."""
    return max(0, -(-int(line) // CARD_HEIGHT) * CARD_HEIGHT)


class Column:
    """One stage's cards as the view shows them: the cursor, the scroll position, the title."""

    def __init__(self, view: BoardView, stage: Stage) -> None:
        self.view = view
        self.stage = stage
        self.cards: list[Card] = []
        self.empty_text = "empty"
        self.top = 0  # the first line shown: always a card's first, so the columns line up
        self._cursor = 0

    @property
    def title(self) -> str:
        return f"{self.stage.label} {len(self.cards)}"

    @property
    def cursor(self) -> int:
        return self._cursor

    @cursor.setter
    def cursor(self, index: int) -> None:
        index = max(0, min(len(self.cards) - 1, index))
        if index != self._cursor:
            self._cursor = index
            self.view.cursor_moved(self)

    @property
    def current_id(self) -> str | None:
        if 0 <= self._cursor < len(self.cards):
            return self.cards[self._cursor].contact_id
        return None

    @property
    def has_focus(self) -> bool:
        return self.view.has_focus and self.view.column_index == self.stage.order

    @property
    def region(self) -> Region:
        """Where the column is on the screen (empty while scrolled out of view)."""
        return self.view.column_region(self.stage.order)

    def index_of(self, contact_id: str) -> int | None:
        for index, card in enumerate(self.cards):
            if card.contact_id == contact_id:
                return index
        return None

    def set_cards(self, cards: list[Card], keep: str | None = None) -> None:
        """Show these cards; keep the cursor on contact `keep` (or on the same one) if present."""
        wanted = keep if keep is not None else self.current_id
        self.cards = cards
        index = self.index_of(wanted) if wanted else None
        self._cursor = index if index is not None else min(self._cursor, max(0, len(cards) - 1))
        self.view.keep_cursor_in_view(self)
        self.view.refresh()
        self.view.post_message(BoardView.Highlighted(self.view, self, self.current_id))

    def focus(self) -> None:
        self.view.focus_column(self.stage.order)
        self.view.focus()

    # -- drawing ----------------------------------------------------------------------------
    def max_top(self, shown: int) -> int:
        """The last scroll position: the first card of the last ones that fit in `shown`."""
        return _card_aligned(len(self.cards) * CARD_HEIGHT - 1 - shown)

    def visible_cards(self, shown: int) -> range:
        """The cards shown whole."""
        first = self.top // CARD_HEIGHT
        count = max(1, (shown + 1) // CARD_HEIGHT)
        return range(first, min(len(self.cards), first + count))

    def segments(
        self, line: int, width: int, shown: int, styles: dict[str, Style]
    ) -> Iterator[Segment]:
        """Line `line` of the column's cards (0 is the top of the view), `width` cells wide;
        the last cell is the scroll bar when the cards do not all fit in `shown` lines."""
        room = width - 1
        if not self.cards:
            yield Segment(pad("  " + self.empty_text if line == 1 else "", width), styles["empty"])
            return
        index, row = divmod(self.top + line, CARD_HEIGHT)
        if index >= len(self.cards) or row == CARD_ROWS:
            yield Segment(" " * room, styles["background"])
        else:
            yield from card_segments(self.cards[index], row, room, styles, index == self._cursor)
        last = self.max_top(shown)
        if not last:  # all in view: no bar
            yield Segment(" ", styles["background"])
            return
        thumb = max(1, shown * shown // (len(self.cards) * CARD_HEIGHT))
        start = round((shown - thumb) * self.top / last)
        yield Segment(" ", styles["thumb"] if start <= line < start + thumb else styles["gap"])


class _ViewMessage(Message):
    def __init__(self, view: BoardView) -> None:
        super().__init__()
        self.view = view

    @property
    def control(self) -> BoardView:
        return self.view


_BARS = {stage: Style(color=color) for stage, color in STAGE_COLORS.items()}


class BoardView(Widget, can_focus=True):
    """The six columns; up and down move the cursor in the focused column."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("home,g", "cursor_to(0)", "First", show=False),
        Binding("end,G", "cursor_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("tab", "screen.column(1)", "Next column", show=False),
        Binding("shift+tab", "screen.column(-1)", "Previous column", show=False),
    ]
    DEFAULT_CSS = """
    BoardView { height: 1fr; background: $background; }
    """

    class Highlighted(_ViewMessage):
        """The focused column changed, or its cursor moved (or it became empty). `by_user`: the
        user moved the cursor (keys, a click, the wheel), not a redraw or a change of column."""

        def __init__(
            self, view: BoardView, column: Column, contact_id: str | None, by_user: bool = False
        ) -> None:
            super().__init__(view)
            self.column = column
            self.contact_id = contact_id
            self.by_user = by_user

    class Fitted(_ViewMessage):
        """The view was laid out again: `columns_shown` may have changed."""

    class Opened(_ViewMessage):
        """A card was double-clicked."""

        def __init__(self, view: BoardView, contact_id: str) -> None:
            super().__init__(view)
            self.contact_id = contact_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = [Column(self, stage) for stage in STAGES]
        self.column_index = 0
        self.first = 0  # the leftmost column shown
        self.columns_shown = len(STAGES)
        self.widths = [MIN_COLUMN] * len(STAGES)
        self._styles: list[dict[str, Style]] | None = None
        self._by_user = False

    # -- layout -----------------------------------------------------------------------------
    def fit(self, width: int) -> None:
        """All six columns when they fit; otherwise as many as fit, the focused one among them.
        One cell of margin on the left, one between columns."""
        room = width - 1
        count = len(STAGES)
        each = room // count - 1
        spare = room - count * (each + 1)  # cells left over: one more for the first few
        self.columns_shown = count
        if each < MIN_COLUMN:  # as many as fit with room for a card's lines in full
            self.columns_shown = max(1, min(count - 1, room // (ROOMY_COLUMN + 1)))
            each = max(MIN_COLUMN, room // self.columns_shown - 1)
            spare = 0
        self.widths = [each + (1 if index < spare else 0) for index in range(count)]
        self._keep_column_in_view()
        self.refresh()

    @property
    def lines_shown(self) -> int:
        """Lines of cards a column shows (below its title)."""
        return max(0, self.size.height - 1)

    @property
    def shown(self) -> range:
        """The indexes of the columns in view."""
        return range(self.first, min(len(STAGES), self.first + self.columns_shown))

    def column_region(self, index: int) -> Region:
        if index not in self.shown:
            return Region(0, 0, 0, 0)
        x = 1 + sum(self.widths[i] + 1 for i in range(self.first, index))
        region = self.region
        return Region(region.x + x, region.y, self.widths[index], region.height)

    def _keep_column_in_view(self) -> None:
        shown = self.columns_shown
        if self.column_index < self.first:
            self.first = self.column_index
        elif self.column_index >= self.first + shown:
            self.first = self.column_index - shown + 1
        self.first = max(0, min(len(STAGES) - shown, self.first))

    def keep_cursor_in_view(self, column: Column) -> None:
        shown = self.lines_shown
        if shown <= 0:
            return
        if column.cards:
            card_top = column.cursor * CARD_HEIGHT
            if card_top < column.top or shown < CARD_ROWS:
                column.top = card_top
            elif card_top + CARD_ROWS > column.top + shown:
                column.top = _card_aligned(card_top + CARD_ROWS - shown)
        column.top = max(0, min(column.max_top(shown), column.top))

    def on_resize(self) -> None:
        self.fit(self.size.width)
        for column in self.columns:
            self.keep_cursor_in_view(column)
        self.post_message(self.Fitted(self))

    # -- focus and the cursor ---------------------------------------------------------------
    @property
    def current(self) -> Column:
        return self.columns[self.column_index]

    def focus_column(self, index: int) -> None:
        index = max(0, min(len(STAGES) - 1, index))
        if index != self.column_index:
            self.column_index = index
            self._keep_column_in_view()
            self.refresh()
        column = self.current
        self.keep_cursor_in_view(column)
        self.post_message(self.Highlighted(self, column, column.current_id))

    def cursor_moved(self, column: Column) -> None:
        self.keep_cursor_in_view(column)
        self.refresh()
        self.post_message(self.Highlighted(self, column, column.current_id, self._by_user))

    def _user_moves(self, column: Column, index: int) -> None:
        """The user moves the cursor (the screen may want to know: see Highlighted)."""
        self._by_user = True
        try:
            column.cursor = index
        finally:
            self._by_user = False

    def action_cursor(self, delta: int) -> None:
        column = self.current
        if column.cards:
            self._user_moves(column, column.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, (self.lines_shown + 1) // CARD_HEIGHT))

    def action_cursor_to(self, index: int) -> None:
        column = self.current
        if column.cards:
            self._user_moves(column, index % len(column.cards))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- the mouse --------------------------------------------------------------------------
    def column_at(self, x: int) -> Column | None:
        return self._column_and_cell(x)[0]

    def _column_and_cell(self, x: int) -> tuple[Column | None, int]:
        """The column at `x`, and which of its cells (the last one is its scroll bar)."""
        left = 1
        for index in self.shown:
            if left <= x < left + self.widths[index]:
                return self.columns[index], x - left
            left += self.widths[index] + 1
        return None, 0

    def on_click(self, event: events.Click) -> None:
        column, cell = self._column_and_cell(event.x)
        if column is None:
            return
        self.focus()
        self.focus_column(column.stage.order)
        if event.y < 1:
            return
        shown = self.lines_shown
        if cell == self.widths[column.stage.order] - 1 and column.max_top(shown):
            # the scroll bar: show that part of the column
            self.scroll_column(column, column.max_top(shown) * (event.y - 1) / max(1, shown - 1))
            return
        index = (column.top + event.y - 1) // CARD_HEIGHT
        if 0 <= index < len(column.cards):
            self._user_moves(column, index)
            if event.chain >= 2:
                self.post_message(self.Opened(self, column.cards[index].contact_id))

    def scroll_column(self, column: Column, top: float) -> None:
        """Show the column from line `top` (to a whole card, within bounds), the cursor in view
        with it, so the keys never act on a card out of sight."""
        column.top = min(column.max_top(self.lines_shown), _card_aligned(top))
        visible = column.visible_cards(self.lines_shown)
        if column.cards and column.cursor not in visible:
            self._user_moves(
                column, visible.start if column.cursor < visible.start else visible.stop - 1
            )
        self.refresh()

    def _scroll(self, event: events.MouseEvent, lines: int) -> None:
        column = self.column_at(event.x)
        if column is not None:
            event.stop()
            self.scroll_column(column, column.top + lines)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll(event, CARD_HEIGHT)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll(event, -CARD_HEIGHT)

    # -- drawing ----------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        focused = self.has_focus
        self._styles = [  # looked up once per frame, not once per line
            card_styles(self.app, _BARS[stage], focused and index == self.column_index)
            for index, stage in enumerate(STAGES)
        ]
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        styles = self._styles
        if styles is None:
            return Strip.blank(self.size.width)
        width = self.size.width
        gap = styles[0]["gap"]
        segments = [Segment(" ", gap)]
        used = 1
        shown = self.lines_shown
        for index in self.shown:
            column, column_width, style = self.columns[index], self.widths[index], styles[index]
            if y == 0:
                label = fit(f" {column.stage.label}", column_width)
                rest = column_width - cell_len(label)
                segments.append(Segment(label, style["title"]))
                segments.append(Segment(pad(f" {len(column.cards)}", rest), style["title-count"]))
            else:
                segments.extend(column.segments(y - 1, column_width, shown, style))
            segments.append(Segment(" ", gap))
            used += column_width + 1
        if used < width:
            segments.append(Segment(" " * (width - used), gap))
        strip = Strip(segments, max(used, width))
        return strip.crop(0, width) if used > width else strip
