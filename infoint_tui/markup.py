"""User text shown on the screen: as typed, never as markup, never as terminal control.

Textual passes ESC, C1 controls and bidi overrides in a widget's text straight to the
terminal (a name holding `ESC ] 52` sets the clipboard when drawn), so every text from the
campaign goes through `escape` (for markup) or `plain` (for Text, Content and segments).
"""

from .domain.text import clean_text


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
