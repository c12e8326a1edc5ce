"""An OptionList whose moving keys stay out of help and the command palette.

OptionList's own bindings carry descriptions ("Up", "Page Left"), so help and the palette
would list them as the screen's actions; here they are the same keys without a description.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyList(OptionList, inherit_bindings=False):
    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("enter", "select", show=False),
    ]
