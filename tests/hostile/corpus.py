"""Hostile text the hardening tests feed everywhere: terminal escapes, C1 controls, bidi tricks."""

from __future__ import annotations

from infoint_tui.domain.text import has_controls

OSC52 = "\x1b]52;c;aGVsbG8gd29ybGQ=\x07"  # sets the clipboard when a terminal prints it
CLEAR = "\x1b[2J"  # blanks the screen
C1_CSI = "\x9b31m"  # the one-byte CSI of C1
BIDI = "\u202e"  # right-to-left override: text reads in another order than stored
HOSTILE_NAME = f"Ada{OSC52} {CLEAR}Love{C1_CSI}lace{BIDI}"
CLEAN_NAME = "Ada Lovelace"
HOSTILE_NOTE = f"first line{CLEAR}\r\nsecond{OSC52} line\x07\u2066"
# Any of these in output means a control character got through.
MARKERS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "]52;", "[2J", "aGVsbG8gd29ybGQ=")


def leaks(text: str) -> list[str]:
    """What of the hostile corpus is in `text` (empty when it is clean)."""
    found = [marker for marker in MARKERS if marker in text]
    if has_controls(text.replace("\r\n", "\n")) and not found:
        found.append("a control character")
    return found
