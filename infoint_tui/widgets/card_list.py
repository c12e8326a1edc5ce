"""One board column's cards, drawn line by line: a thousand cards cost no more than ten.

Each card is CARD_ROWS lines (name, role @ company, the next due thing, tags) and a gap.
Only the visible lines are ever rendered, so nothing is mounted per card.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..domain.cards import Card
from ..domain.stages import Stage
from .palette import STAGE_COLORS

CARD_ROWS = 4
CARD_HEIGHT = CARD_ROWS + 1


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` cells, with an ellipsis when something was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


_STYLES: dict[tuple[object, ...], dict[str, Style]] = {}


def _theme_color(value: str, under: Color) -> Color:
    """A theme variable's colour as it shows over `under` ('auto 60%' is contrasting text)."""
    parts = value.split()
    alpha = float(parts[1].rstrip("%")) / 100 if len(parts) > 1 and parts[1].endswith("%") else 1.0
    if parts and parts[0] == "auto":
        return under + under.get_contrast_text(alpha)
    try:
        color = Color.parse(parts[0]) if parts else under
    except Exception:  # an ANSI theme's "ansi_default" and the like
        return under.get_contrast_text(alpha) if alpha < 1 else under
    return under + color.multiply_alpha(alpha)


def card_styles(app: Any, bar: Style, focused: bool, column_bg: Any) -> dict[str, Style]:
    """Every style a card line uses, from the app's theme (cached per theme and focus)."""
    key = (app.theme, bar, focused, column_bg)
    found = _STYLES.get(key)
    if found is not None:
        return found
    variables = app.get_css_variables()
    background = _theme_color(variables.get("background", "#000000"), Color(0, 0, 0))
    panel = _theme_color(variables.get("panel", "#202020"), background)
    primary = Color.parse(variables.get("primary", "#0178D4"))
    secondary = Color.parse(variables.get("secondary", "#004578"))

    def fg(name: str, under: Color, default: str = "auto 87%") -> Color:
        return _theme_color(variables.get(name, default), under)

    styles: dict[str, Style] = {"background": Style(bgcolor=column_bg)}
    styles["empty"] = Style(color=fg("text-muted", background).rich_color, italic=True)
    cursor = panel + primary.with_alpha(0.40 if focused else 0.15)
    for prefix, under in (("", panel), ("cursor-", cursor)):
        base = Style(bgcolor=under.rich_color, color=fg("text", under).rich_color)
        muted = fg("text-muted", under, "auto 60%").rich_color
        styles[prefix + "base"] = base
        styles[prefix + "bar"] = base + bar
        styles[prefix + "name"] = base + Style(bold=True)
        styles[prefix + "archived"] = base + Style(
            color=fg("text-disabled", under, "auto 38%").rich_color, italic=True
        )
        styles[prefix + "detail"] = base + Style(color=muted)
        styles[prefix + "chip"] = base + Style(
            bgcolor=(under + secondary.with_alpha(0.35)).rich_color
        )
        styles[prefix + "overdue"] = base + Style(
            color=fg("error", under, "#B93C5B").rich_color, bold=True
        )
        styles[prefix + "today"] = base + Style(
            color=fg("warning", under, "#FEA62B").rich_color, bold=True
        )
        styles[prefix + "soon"] = base
        styles[prefix + "later"] = base + Style(color=muted)
    if len(_STYLES) > 64:
        _STYLES.clear()
    _STYLES[key] = styles
    return styles


class CardList(ScrollView, can_focus=True, inherit_bindings=False):
    """The cards of one stage; the cursor marks the focused card."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("home,g", "cursor_to(0)", "First", show=False),
        Binding("end,G", "cursor_to(-1)", "Last", show=False),
        Binding("pageup", "cursor(-5)", "Page up", show=False),
        Binding("pagedown", "cursor(5)", "Page down", show=False),
    ]
    # Colours come from the theme's variables (see card_styles) rather than from component
    # classes: each component class is a hidden node styled at start-up, 72 of them for six
    # columns, which cost more than the rest of the board.
    DEFAULT_CSS = """
    CardList { background: $surface; scrollbar-size-vertical: 1; }
    """

    cursor: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The cursor moved to another card (or the list became empty)."""

        def __init__(self, card_list: CardList, contact_id: str | None) -> None:
            super().__init__()
            self.card_list = card_list
            self.contact_id = contact_id

        @property
        def control(self) -> CardList:
            return self.card_list

    class Opened(Message):
        """A card was double-clicked."""

        def __init__(self, card_list: CardList, contact_id: str) -> None:
            super().__init__()
            self.card_list = card_list
            self.contact_id = contact_id

        @property
        def control(self) -> CardList:
            return self.card_list

    def __init__(self, stage: Stage, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self.cards: list[Card] = []
        self.empty_text = "empty"
        self._bar = Style(color=STAGE_COLORS[stage])

    # -- data -------------------------------------------------------------------------------
    def set_cards(self, cards: list[Card], keep: str | None = None) -> None:
        """Show these cards; keep the cursor on contact `keep` (or on the same one) if present."""
        wanted = keep if keep is not None else self.current_id
        self.cards = cards
        self.virtual_size = Size(self.size.width, max(1, len(cards)) * CARD_HEIGHT)
        index = self.index_of(wanted) if wanted else None
        self.set_reactive(
            CardList.cursor,
            index if index is not None else min(self.cursor, max(0, len(cards) - 1)),
        )
        self._scroll_to_cursor(animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_id))

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.cards):
            return self.cards[self.cursor].contact_id
        return None

    def index_of(self, contact_id: str) -> int | None:
        for index, card in enumerate(self.cards):
            if card.contact_id == contact_id:
                return index
        return None

    # -- moving the cursor ------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        if self.cards:
            self.cursor = max(0, min(len(self.cards) - 1, self.cursor + delta))

    def action_cursor_to(self, index: int) -> None:
        if self.cards:
            self.cursor = index % len(self.cards)

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_id))

    def _scroll_to_cursor(self, animate: bool = False) -> None:
        if self.cards:
            region = Region(0, self.cursor * CARD_HEIGHT, max(1, self.size.width), CARD_HEIGHT)
            self.scroll_to_region(region, animate=animate, force=True, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, max(1, len(self.cards)) * CARD_HEIGHT)
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // CARD_HEIGHT
        if 0 <= index < len(self.cards):
            self.focus()
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Opened(self, self.cards[index].contact_id))

    # -- drawing ----------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = self._frame_styles()  # looked up once per frame, not once per line
        return super().render_lines(crop)

    def _frame_styles(self) -> dict[str, Style]:
        return card_styles(self.app, self._bar, self.has_focus, self.rich_style.bgcolor)

    def render_line(self, y: int) -> Strip:
        styles = getattr(self, "_styles", None) or self._frame_styles()
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        index, row = divmod(line, CARD_HEIGHT)
        if not self.cards:
            if line == 1:
                text = fit("  " + self.empty_text, width)
                return Strip(
                    [Segment(text.ljust(width), styles["background"] + styles["empty"])], width
                )
            return Strip.blank(width, styles["background"])
        if index >= len(self.cards) or row == CARD_ROWS:
            return Strip.blank(width, styles["background"])
        card = self.cards[index]
        prefix = "cursor-" if index == self.cursor else ""
        base = styles[prefix + "base"]
        segments = [Segment("▌", styles[prefix + "bar"]), Segment(" ", base)]
        room = width - 2
        if row == 0:
            name = card.name + (" (archived)" if card.archived else "")
            style = styles[prefix + ("archived" if card.archived else "name")]
            segments.append(Segment(fit(name, room).ljust(room), style))
        elif row == 1:
            segments.append(Segment(fit(card.detail, room).ljust(room), styles[prefix + "detail"]))
        elif row == 2:
            due = card.due
            if due is None:
                segments.append(Segment(" " * room, base))
            else:
                mark = "! " if due.level == "overdue" else ""
                segments.append(
                    Segment(fit(mark + due.text, room).ljust(room), styles[prefix + due.level])
                )
        else:
            segments.extend(self._tag_segments(card.tags, room, base, styles[prefix + "chip"]))
        return Strip(segments, width)

    def _tag_segments(
        self, tags: tuple[str, ...], room: int, base: Style, chip: Style
    ) -> list[Segment]:
        segments: list[Segment] = []
        used = 0
        for tag in tags:
            text = f" {tag} "
            size = cell_len(text)
            if used + size + 1 > room:
                if used + 2 <= room:
                    segments.append(Segment("…", base))
                    used += 1
                break
            segments.append(Segment(text, chip))
            segments.append(Segment(" ", base))
            used += size + 1
        segments.append(Segment(" " * max(0, room - used), base))
        return segments
