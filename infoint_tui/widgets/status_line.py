"""One line under the live notes: what just happened on the left, the save state on the right."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from .text import plain


class StatusLine(Static):
    """Always one line of the same size: an update repaints it and never relayouts the screen
    (a relayout per autosave made keystrokes wait while typing)."""

    DEFAULT_CSS = """
    StatusLine { height: 1; width: 1fr; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: str) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.message = ""
        self.save_text = ""
        self.save_failed = False

    def say(self, message: str) -> None:
        if message != self.message:
            self.message = message
            self._show()

    def show_save(self, text: str, failed: bool) -> None:
        if (text, failed) != (self.save_text, self.save_failed):
            self.save_text, self.save_failed = text, failed
            self._show()

    def _show(self) -> None:
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True, justify="right")
        style = "bold white on red" if self.save_failed else ""
        grid.add_row(Text(plain(self.message)), Text(self.save_text, style=style))
        self.update(grid, layout=False)
