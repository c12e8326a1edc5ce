"""Showing user text: escaped for content markup, and cut or padded to a width in cells."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def escape(text: str) -> str:
    """`text` escaped for content markup. Textual's own `escape` only escapes brackets that
    open like a lowercase tag, yet its parser also takes "[Draft]", "[T]" or "[$accent]" for
    styles and drops them: here every opening bracket is escaped."""
    escaped = text.replace("[", "\\[")
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
