"""Text from outside is data: control characters are taken out before anything stores or shows it.

A name imported from a file can hold terminal escape sequences (`ESC ] 52` sets the clipboard,
`ESC [2J` clears the screen). C0 and C1 controls, DEL and the Unicode bidirectional overrides are
removed; a tab becomes a space where a field is one line, and newlines are kept only where the
field holds several lines (notes, research).
"""

from __future__ import annotations

import re

# C0 (but tab and newline), DEL, C1, and the bidi embeddings, overrides and isolates that can
# make text read in another order than it is stored.
_CONTROLS_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_ONE_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without control characters: CR LF and CR become LF in multi-line text; in one-line
    text a line break or tab becomes a space."""
    if multiline:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROLS_MULTILINE.sub("", text)
    if "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROLS_ONE_LINE.sub("", text)


def has_controls(text: str) -> bool:
    """True if `text` holds a character that `clean_text(multiline=True)` would remove."""
    return _ANY_CONTROL.search(text) is not None


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """`1 contact`, `2 contacts`: a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
