"""How a card is drawn: its lines as segments, in colours taken from the theme.

Each card is CARD_ROWS lines (name, role @ company, the next due thing, tags) and a gap.
The board (widgets/board_view.py) draws only the lines it shows; nothing is mounted per card.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from ..domain.cards import Card
from ..domain.text import clean_text
from .text import fit, pad

CARD_ROWS = 4
CARD_HEIGHT = CARD_ROWS + 1


_STYLES: dict[tuple[object, ...], dict[str, Style]] = {}
_VARIABLES: dict[tuple[str, int], dict[str, str]] = {}  # the theme's CSS variables


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


def card_styles(app: Any, bar: Style, focused: bool) -> dict[str, Style]:
    """Every style a column uses, from the app's theme (cached per theme, stage and focus)."""
    theme = (app.theme, id(app.current_theme))  # a theme registered again is another theme
    key = (theme, bar, focused)
    found = _STYLES.get(key)
    if found is not None:
        return found
    variables = _VARIABLES.get(theme)
    if variables is None:  # about 1 ms each time: once per theme, not once per column
        variables = _VARIABLES[theme] = app.get_css_variables()
    background = _theme_color(variables.get("background", "#000000"), Color(0, 0, 0))
    panel = _theme_color(variables.get("panel", "#202020"), background)
    primary = Color.parse(variables.get("primary", "#0178D4"))
    secondary = Color.parse(variables.get("secondary", "#004578"))

    def fg(name: str, under: Color, default: str = "auto 87%") -> Color:
        return _theme_color(variables.get(name, default), under)

    surface = _theme_color(variables.get("surface", "#1e1e1e"), background)
    styles: dict[str, Style] = {"background": Style(bgcolor=surface.rich_color)}
    styles["gap"] = Style(bgcolor=background.rich_color)
    thumb = variables.get("panel-lighten-2", "#444444")  # as app.tcss colours scroll bars
    if thumb == "transparent" or thumb.startswith("ansi_"):  # an ANSI theme: its own colours
        styles["gap"] = Style(
            bgcolor=_theme_color(
                variables.get("scrollbar-background", "#000000"), background
            ).rich_color
        )
        thumb = variables.get("scrollbar", "ansi_blue")
    styles["thumb"] = Style(bgcolor=_theme_color(thumb, background).rich_color)
    styles["empty"] = styles["background"] + Style(
        color=fg("text-muted", surface).rich_color, italic=True
    )
    title_bg = panel + primary.with_alpha(0.40) if focused else panel
    styles["title"] = Style(bgcolor=title_bg.rich_color, bold=True) + bar
    styles["title-count"] = styles["title"] + Style(dim=True)
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
        _VARIABLES.clear()
    _STYLES[key] = styles
    return styles


def card_segments(
    card: Card, row: int, width: int, styles: dict[str, Style], cursor: bool
) -> list[Segment]:
    """Line `row` (0 to CARD_ROWS - 1) of a card drawn `width` cells wide."""
    prefix = "cursor-" if cursor else ""
    base = styles[prefix + "base"]
    segments = [Segment("▌", styles[prefix + "bar"]), Segment(" ", base)]
    room = width - 2
    if room <= 0:
        return segments[:width]
    # Card text comes from the file: no control character may reach the terminal.
    if row == 0:
        name = clean_text(card.name) + (" (archived)" if card.archived else "")
        style = styles[prefix + ("archived" if card.archived else "name")]
        segments.append(Segment(pad(name, room), style))
    elif row == 1:
        segments.append(Segment(pad(clean_text(card.detail), room), styles[prefix + "detail"]))
    elif row == 2:
        due = card.due
        if due is None:
            segments.append(Segment(" " * room, base))
        else:
            mark = "! " if due.level == "overdue" else ""
            text = mark + clean_text(due.text)
            segments.append(Segment(pad(text, room), styles[prefix + due.level]))
    else:
        segments.extend(_tag_segments(card.tags, room, base, styles[prefix + "chip"]))
    return segments


def _tag_segments(tags: tuple[str, ...], room: int, base: Style, chip: Style) -> list[Segment]:
    segments: list[Segment] = []
    used = 0
    for tag in tags:
        text = f" {clean_text(tag)} "
        size = cell_len(text)
        if used + size + 1 > room:
            if not segments and room >= 4:  # a first tag longer than the card: cut, not hidden
                text = fit(text, room - 1)
                segments.append(Segment(text, chip))
                used += cell_len(text)
            elif used + 2 <= room:
                segments.append(Segment("…", base))
                used += 1
            break
        segments.append(Segment(text, chip))
        segments.append(Segment(" ", base))
        used += size + 1
    segments.append(Segment(" " * max(0, room - used), base))
    return segments
