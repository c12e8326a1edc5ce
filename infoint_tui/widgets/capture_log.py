"""The quick-capture log of live notes: one timestamped, tagged line per capture."""

from __future__ import annotations

from datetime import tzinfo

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ..domain.live_notes import capture_tag
from ..domain.models import Capture, CaptureKind
from .text import plain

EMPTY_HINT = "Nothing captured yet. Tag the line you are on: ctrl+n note, ctrl+t / ctrl+o action item (mine / theirs), ctrl+r referral, ctrl+l insight."

_TAG_STYLES = {
    CaptureKind.NOTE: "bold",
    CaptureKind.ACTION_MINE: "bold magenta",
    CaptureKind.ACTION_THEIRS: "bold magenta",
    CaptureKind.REFERRAL: "bold green",
    CaptureKind.INSIGHT: "bold cyan",
}


def capture_line(capture: Capture, zone: tzinfo | None) -> Text:
    moment = capture.at.astimezone(zone) if zone is not None else capture.at
    return Text.assemble(
        (moment.strftime("%H:%M"), "dim"),
        " ",
        (f"{capture_tag(capture):<4}", _TAG_STYLES[capture.kind]),
        " ",
        plain(capture.text, multiline=False),
    )


def capture_row(capture: Capture, zone: tzinfo | None) -> Table:
    """The same line as `capture_line`, with the text wrapping in its own column."""
    moment = capture.at.astimezone(zone) if zone is not None else capture.at
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=5, style="dim")
    grid.add_column(width=4, style=_TAG_STYLES[capture.kind])
    grid.add_column(ratio=1)
    grid.add_row(
        moment.strftime("%H:%M"), capture_tag(capture), plain(capture.text, multiline=False)
    )
    return grid


class CaptureLog(VerticalScroll):
    """Scrolls with the arrow keys when focused (tab); escape goes back to the notes."""

    DEFAULT_CSS = """
    CaptureLog { height: 1fr; padding: 0 1; }
    CaptureLog:focus { background-tint: $foreground 5%; }
    CaptureLog > .capture { width: 1fr; }
    CaptureLog > #capture-empty { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "leave", "Notes", tooltip="Back to the note editor")]

    class Leave(Message):
        """The user is done reading and wants to go back to the notes."""

    def __init__(self, captures: list[Capture], zone: tzinfo | None, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._captures = list(captures)
        self._zone = zone

    def compose(self) -> ComposeResult:
        if not self._captures:
            yield Static(EMPTY_HINT, id="capture-empty")
        for capture in self._captures:
            yield Static(capture_row(capture, self._zone), classes="capture")

    def on_mount(self) -> None:
        if self._captures:  # the latest in view; the hint is read from its start
            self.call_after_refresh(self._show_latest)

    def add(self, capture: Capture) -> None:
        self._captures.append(capture)
        for hint in self.query("#capture-empty"):
            hint.remove()
        self.mount(Static(capture_row(capture, self._zone), classes="capture"))
        self.call_after_refresh(self._show_latest)

    def _show_latest(self) -> None:
        """The latest capture from its first line (its time and kind), as much as fits: at
        80x24 a long one is taller than the panel, and its end alone says little."""
        rows = self.query(".capture")
        if rows:
            self.scroll_to_widget(rows.last(), animate=False, top=True, immediate=True)

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    @property
    def lines(self) -> list[str]:
        return [capture_line(c, self._zone).plain for c in self._captures]
