"""Showing user text: as typed, never as markup, never as terminal control; cut or padded to a
width in cells.

Textual passes ESC, C1 controls and bidi overrides in a widget's text straight to the terminal
(a name holding `ESC ] 52` sets the clipboard when drawn), so every text from the campaign goes
through `escape` (for markup) or `plain` (for Text, Content and segments).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from ..domain.text import clean_text


def plain(text: str, *, multiline: bool = True) -> str:
    """`text` without control characters, for a widget that does not parse markup. Line breaks
    and tabs are kept unless `multiline` is False (then they become spaces)."""
    return clean_text(text, multiline=multiline)


def escape(text: str) -> str:
    """`text` escaped for content markup, its control characters taken out. Textual's own
    `escape` only escapes brackets that open like a lowercase tag, yet its parser also takes
    "[Draft]", "[T]" or "[$accent]" for styles and drops them: here every opening bracket is
    escaped."""
    escaped = clean_text(text, multiline=True).replace("[", "\\[")
    # A backslash just before the closing tag would escape it; a zero-width space keeps them apart.
    return escaped + "\u200b" if escaped.endswith("\\") else escaped


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


def pad(text: str, width: int) -> str:
    """`text` cut to `width` cells (with an ellipsis) and padded to exactly `width` cells:
    a wide character counts two, so a CJK name does not push the next column aside."""
    return set_cell_size(fit(text, width), width)


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` wrapped to `width` terminal cells (a CJK character or an emoji counts two), at
    spaces, after the indent `first` on the first line and `rest` on the others. A word wider
    than a line is cut between characters (CJK text has no spaces to break at)."""
    lines: list[str] = []
    line, used = first, cell_len(first)
    for word in text.split(" "):
        if not word:
            continue
        size = cell_len(word)
        gap = 1 if line.strip() else 0
        if used + gap + size <= width:
            line, used = f"{line}{' ' * gap}{word}", used + gap + size
            continue
        if line.strip():
            lines.append(line)
            line, used = rest, cell_len(rest)
        for char in word:  # the word starts the line; cut it where it does not fit
            char_size = cell_len(char)
            if used + char_size > width and line.strip():
                lines.append(line)
                line, used = rest, cell_len(rest)
            line, used = line + char, used + char_size
    if line.strip() or not lines:
        lines.append(line)
    return lines
