"""How a card is drawn: its lines as segments, in the board's styles.

A card is CARD_ROWS lines and a gap: the name; the company (what a glance looks for); the role;
the next due thing, in a warning colour when it is late. Tags and the full texts are in the
detail line under the board, for the focused card.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from ..domain.cards import Card
from ..domain.text import clean_text
from .text import pad, wrap

CARD_ROWS = 4
CARD_HEIGHT = CARD_ROWS + 1
BOLD = Style(bold=True)


class CardStyles(NamedTuple):
    """The styles of one column's lines, read from the board's component classes."""

    column: Style  # the column's background, between cards and below them
    card: Style
    muted: Style  # the role, a due thing more than a week away
    overdue: Style
    today: Style
    archived: Style
    cursor: Style  # the focused card: unmistakable
    cursor_muted: Style
    empty: Style  # an empty column's words
    bar: Style  # the stage's colour, for the bar on each card's left


def card_texts(card: Card) -> tuple[str, str, str]:
    """The name, then the company (or the role when there is no company), then the role; card
    text comes from the file, so no control character may reach the terminal."""
    row = card.row
    name = clean_text(card.name) + (" (archived)" if card.archived else "")
    if row.company:
        return name, clean_text(row.company), clean_text(row.role)
    return name, clean_text(row.role), ""


def card_segments(
    card: Card, row: int, width: int, styles: CardStyles, cursor: bool
) -> list[Segment]:
    """Line `row` (0 to CARD_ROWS - 1) of a card drawn `width` cells wide."""
    base = styles.cursor if cursor else styles.card
    segments = [Segment("█" if cursor else "▌", base + styles.bar), Segment(" ", base)]
    room = width - 2
    if room <= 0:
        return segments[:width]
    if row == 3:
        due = card.due
        if due is None:
            segments.append(Segment(" " * room, base))
            return segments
        mark = "! " if due.level == "overdue" else ""
        if cursor:
            style = styles.cursor if due.level in ("overdue", "today") else styles.cursor_muted
        else:
            style = {
                "overdue": styles.overdue,
                "today": styles.today,
                "later": styles.muted,
            }.get(due.level, styles.card)
        text = next(
            (mark + clean_text(t) for t in (due.text, *due.shorter) if cell_len(mark + t) <= room),
            mark + clean_text(due.text),  # cut to the room, with an ellipsis
        )
        segments.append(Segment(pad(text, room), style))
        return segments
    text = card_texts(card)[row]
    if row == 0:
        style = base if cursor or not card.archived else styles.archived
        style += BOLD
    elif row == 1:
        style = base
    else:
        style = styles.cursor_muted if cursor else styles.muted
    segments.append(Segment(pad(text, room), style))
    return segments


def empty_slot(row: int, width: int, text: str, styles: CardStyles, focused: bool) -> Segment:
    """An empty column's line `row`: its words from the second line, wrapped; when the column
    has the focus, a card-sized slot in the cursor's style, so the focus shows there too."""
    lines = wrap(text, width, "  ", "  ")
    words = lines[row - 1] if 1 <= row <= min(len(lines), CARD_ROWS - 1) else ""
    style = styles.cursor if focused and row < CARD_ROWS else styles.empty
    return Segment(pad(words, width), style)
