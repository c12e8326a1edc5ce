"""A one-line bar under the note editor for typing a capture that is not yet in the notes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from ..domain.live_notes import KIND_LABELS, next_tiara
from ..domain.models import CaptureKind, Tiara


class CaptureBar(Horizontal):
    """Hidden until a capture key is pressed on an empty line; enter keeps, escape drops."""

    DEFAULT_CSS = """
    CaptureBar { height: auto; display: none; background: $boost; }
    CaptureBar.-open { display: block; }
    CaptureBar > Label { padding: 1 1 0 1; text-style: bold; width: auto; }
    CaptureBar > Input { width: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Drop this capture"),
        Binding("up", "tiara(-1)", "Category", show=False),
        Binding("down", "tiara(1)", "Category", show=False),
    ]

    class Submitted(Message):
        def __init__(self, kind: CaptureKind, text: str, tiara: Tiara | None) -> None:
            super().__init__()
            self.kind = kind
            self.text = text
            self.tiara = tiara

    class Closed(Message):
        pass

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kind = CaptureKind.NOTE
        self.tiara: Tiara | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="capture-kind")
        yield Input(placeholder="What to capture; enter to keep, escape to drop", id="capture-text")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, kind: CaptureKind, text: str = "", tiara: Tiara | None = None) -> None:
        self.kind = kind
        self.tiara = tiara if kind is not CaptureKind.INSIGHT else (tiara or Tiara.INSIGHTS)
        self._show_kind()
        field = self.query_one(Input)
        field.value = text
        self.add_class("-open")
        field.focus()
        field.cursor_position = len(text)

    def switch(self, kind: CaptureKind) -> None:
        """A capture key pressed while the bar is open: change the tag (insight: the category)."""
        if kind is CaptureKind.INSIGHT and self.kind is CaptureKind.INSIGHT:
            self.tiara = next_tiara(self.tiara)
        else:
            self.kind = kind
            self.tiara = (self.tiara or Tiara.INSIGHTS) if kind is CaptureKind.INSIGHT else None
        self._show_kind()

    def action_tiara(self, step: int) -> None:
        if self.kind is CaptureKind.INSIGHT:
            self.tiara = next_tiara(self.tiara, step)
            self._show_kind()

    def action_cancel(self) -> None:
        self.close()

    def close(self) -> None:
        self.remove_class("-open")
        self.post_message(self.Closed())

    def _show_kind(self) -> None:
        label = KIND_LABELS[self.kind]
        if self.kind is CaptureKind.INSIGHT and self.tiara is not None:
            label = f"Insight · {self.tiara.label} (↑↓)"
        self.query_one(Label).update(label)

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        text = message.value.strip()
        self.remove_class("-open")
        if text:
            self.post_message(self.Submitted(self.kind, text, self.tiara))
        self.post_message(self.Closed())
