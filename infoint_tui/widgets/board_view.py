"""The board's six columns of cards in one widget, drawn line by line.

One widget rather than a widget per column: a line of the screen is one strip, assembled from
each column's part of it, and only the lines Textual asks for are drawn. Each column's parts
are kept in a cache until that column changes, so a cursor move redraws one column.

The looks come from the component classes (`board--card`, `board--cursor`...), so a theme or
an app's CSS styles the board as it styles any widget.

Each column keeps its own cursor and scroll position; `column_index` is the focused column.
When not all six fit, the view shows as many as fit and keeps the focused one in view; an
empty column takes only the room its title needs, leaving the rest to the columns with people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..domain.stages import STAGES, Stage
from .card_lines import CARD_HEIGHT, CARD_ROWS, CardStyles, card_segments, empty_slot
from .palette import STAGE_COLORS
from .text import fit, pad

if TYPE_CHECKING:
    from ..domain.cards import Card

MIN_COLUMN = 18  # a name and a company in full; narrower, fewer columns show
EMPTY_COLUMN = 12  # an empty column: its title and count, at least


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
        self.version = 0  # changes whenever what the column draws changes (see `changed`)

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
        emptied = bool(self.cards) != bool(cards)
        self.cards = cards
        index = self.index_of(wanted) if wanted else None
        self._cursor = index if index is not None else min(self._cursor, max(0, len(cards) - 1))
        self.view.keep_cursor_in_view(self)
        if emptied:  # an empty column is narrow: the widths change
            self.view.fit(self.view.size.width)
        self.changed()
        self.view.announce()

    def changed(self) -> None:
        """What the column draws changed: its lines are drawn again."""
        self.version += 1
        self.view.refresh_column(self)

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
        self, line: int, width: int, shown: int, styles: CardStyles, focused: bool
    ) -> list[Segment]:
        """Line `line` of the column's cards (0 is the top of the view), `width` cells wide;
        the last cell is the scroll bar when the cards do not all fit in `shown` lines."""
        if not self.cards:
            return [empty_slot(line, width, self.empty_text, styles, focused)]
        last = self.max_top(shown)
        room = width - 1 if last else width  # the last cell: the scroll bar, when it scrolls
        index, row = divmod(self.top + line, CARD_HEIGHT)
        segments: list[Segment]
        if index >= len(self.cards) or row == CARD_ROWS:
            segments = [Segment(" " * room, styles.column)]
        else:
            cursor = focused and index == self._cursor
            segments = card_segments(self.cards[index], row, room, styles, cursor)
        if not last:  # all in view: no bar
            return segments
        thumb = max(1, shown * shown // (len(self.cards) * CARD_HEIGHT))
        start = round((shown - thumb) * self.top / last)
        bar = "board--scrollbar-thumb" if start <= line < start + thumb else "board--scrollbar"
        segments.append(Segment(" ", self.view.get_component_rich_style(bar)))
        return segments


class _ViewMessage(Message):
    def __init__(self, view: BoardView) -> None:
        super().__init__()
        self.view = view

    @property
    def control(self) -> BoardView:
        return self.view


_BARS = {stage: Style(color=color) for stage, color in STAGE_COLORS.items()}
_DIM = Style(dim=True)


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
    COMPONENT_CLASSES = {
        "board--column",
        "board--title",
        "board--title-focused",
        "board--card",
        "board--muted",
        "board--overdue",
        "board--today",
        "board--archived",
        "board--cursor",
        "board--cursor-muted",
        "board--empty",
        "board--scrollbar",
        "board--scrollbar-thumb",
    }
    DEFAULT_CSS = """
    BoardView {
        height: 1fr;
        background: $background;
        & > .board--column { background: $surface; }
        & > .board--title { background: $panel; color: $foreground; text-style: bold; }
        & > .board--title-focused { background: $panel; color: $foreground; text-style: bold; }
        &:focus > .board--title-focused { background: $primary 50%; }
        & > .board--card { background: $panel; color: $foreground; }
        & > .board--muted { background: $panel; color: $text-muted; }
        & > .board--overdue { background: $panel; color: $text-error; text-style: bold; }
        & > .board--today { background: $panel; color: $text-warning; text-style: bold; }
        & > .board--archived { background: $panel; color: $text-disabled; text-style: italic; }
        & > .board--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .board--cursor-muted {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground 70%;
        }
        &:focus > .board--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        &:focus > .board--cursor-muted {
            background: $block-cursor-background;
            color: $block-cursor-foreground 80%;
        }
        & > .board--empty { background: $surface; color: $text-muted; text-style: italic; }
        & > .board--scrollbar { background: $surface; }
        & > .board--scrollbar-thumb { background: $panel-lighten-2; }
    }
    """

    class Highlighted(_ViewMessage):
        """The card under the cursor changed: another card, another column, or none (the
        column emptied). `by_user`: the user moved the cursor (keys, a click, the wheel), not
        a redraw or a change of column."""

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
        # each column's part of a line, until the column, its width or the styles change
        self._lines: LRUCache[tuple[int, int, int, int, bool, int], list[Segment]] = LRUCache(2000)
        self._announced: tuple[int, str | None] | None = None
        self._by_user = False

    # -- layout -----------------------------------------------------------------------------
    def fit(self, width: int) -> None:
        """All six columns when they fit, else as many as fit, the focused one among them.
        An empty column takes EMPTY_COLUMN cells, a column with cards at least MIN_COLUMN;
        the cells left over go to the columns with cards. One cell of margin on the left,
        one between columns."""
        if width <= 0:  # not laid out yet
            return
        room = width - 1
        needs = self._needs()
        shown = range(len(STAGES))
        if sum(needs[i] + 1 for i in shown) > room:
            shown = self._window(len(STAGES) - 1, needs, room)
        self.first, self.columns_shown = shown.start, len(shown)
        spare = room - sum(needs[i] + 1 for i in shown)
        growing = [i for i in shown if self.columns[i].cards] or list(shown)
        widths = list(needs)
        for n, index in enumerate(growing):
            widths[index] += max(0, spare) // len(growing) + (
                1 if n < max(0, spare) % len(growing) else 0
            )
        self.widths = widths
        self._keep_column_in_view()
        self.refresh()

    def _window(self, most: int, needs: list[int], room: int) -> range:
        """The widest run of at most `most` columns that fits, with the focused column."""
        for size in range(most, 0, -1):
            starts = range(
                max(0, self.column_index - size + 1), min(self.column_index, len(STAGES) - size) + 1
            )
            fitting = [r for r in (range(s, s + size) for s in starts) if
                       sum(needs[i] + 1 for i in r) <= room]  # fmt: skip
            if fitting:  # the one nearest to what was shown
                return min(fitting, key=lambda r: abs(r.start - self.first))
        return range(self.column_index, self.column_index + 1)

    @property
    def lines_shown(self) -> int:
        """Lines of cards a column shows (below its title)."""
        return max(0, self.size.height - 1)

    @property
    def shown(self) -> range:
        """The indexes of the columns in view."""
        return range(self.first, min(len(STAGES), self.first + self.columns_shown))

    def column_region(self, index: int) -> Region:
        """Where column `index` is on the screen (empty while scrolled out of view)."""
        return self._column_box(index).translate(self.region.offset)

    def _column_box(self, index: int) -> Region:
        """Where column `index` is in the view."""
        if index not in self.shown:
            return Region(0, 0, 0, 0)
        x = 1 + sum(self.widths[i] + 1 for i in range(self.first, index))
        return Region(x, 0, self.widths[index], self.size.height)

    def refresh_column(self, column: Column) -> None:
        """Draw the column again (only its part of the view)."""
        box = self._column_box(column.stage.order)
        if box:
            self.refresh(box)

    def _keep_column_in_view(self) -> None:
        index = self.column_index
        if index not in self.shown:
            fitting = self._window(self.columns_shown, self._needs(), self.size.width - 1)
            self.first, self.columns_shown = fitting.start, len(fitting)

    def _needs(self) -> list[int]:
        """The cells each column needs: an empty one, its title; one with cards, MIN_COLUMN."""
        return [
            MIN_COLUMN if column.cards else max(EMPTY_COLUMN, cell_len(f" {column.title} "))
            for column in self.columns
        ]

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
            before = self.current
            self.column_index = index
            if index not in self.shown:
                self.fit(self.size.width)
            before.changed()
            self.current.changed()
        self.keep_cursor_in_view(self.current)
        self.announce()

    def announce(self) -> None:
        """Post Highlighted when the focused column or its card changed since the last one."""
        column = self.current
        now = (self.column_index, column.current_id)
        if now != self._announced:
            self._announced = now
            self.post_message(self.Highlighted(self, column, column.current_id, self._by_user))

    def cursor_moved(self, column: Column) -> None:
        self.keep_cursor_in_view(column)
        column.changed()
        if column is self.current:
            self.announce()

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
        self.current.changed()

    def on_blur(self) -> None:
        self.current.changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # another theme, or the focus changed the component styles

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
        column.changed()

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
    def card_styles(self, stage: Stage) -> CardStyles:
        """The styles of a column's lines, from the component classes (Textual keeps them
        until the styles change)."""
        style = self.get_component_rich_style
        return CardStyles(
            column=style("board--column"),
            card=style("board--card"),
            muted=style("board--muted"),
            overdue=style("board--overdue"),
            today=style("board--today"),
            archived=style("board--archived"),
            cursor=style("board--cursor"),
            cursor_muted=style("board--cursor-muted"),
            empty=style("board--empty"),
            bar=_BARS[stage],
        )

    def _column_line(self, index: int, y: int) -> list[Segment]:
        """The column's part of line `y` (0 is the titles), from the cache when unchanged."""
        column, width = self.columns[index], self.widths[index]
        focused = index == self.column_index
        key = (index, y, width, column.version, focused, self.size.height)
        found = self._lines.get(key)
        if found is not None:
            return found
        styles = self.card_styles(column.stage)
        if y == 0:
            title = "board--title-focused" if focused else "board--title"
            label = fit(f" {column.stage.label}", width)
            rest = width - cell_len(label)
            count = pad(f" {len(column.cards)}", rest)
            title_style = self.get_component_rich_style(title)
            found = [
                Segment(label, title_style + styles.bar),
                Segment(count, title_style + _DIM),
            ]
        else:
            found = column.segments(y - 1, width, self.lines_shown, styles, focused)
        self._lines[key] = found
        return found

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        gap = Segment(" ", self.rich_style)
        segments = [gap]
        used = 1
        for index in self.shown:
            segments.extend(self._column_line(index, y))
            segments.append(gap)
            used += self.widths[index] + 1
        if used < width:
            segments.append(Segment(" " * (width - used), self.rich_style))
        strip = Strip(segments, max(used, width))
        return strip.crop(0, width) if used > width else strip
