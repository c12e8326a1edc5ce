"""A yes/no question in a modal: `push_screen(ConfirmScreen(...), callback)` gets True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from . import FORMS_CSS
from .text import plain


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = FORMS_CSS

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(
        self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "Cancel"
    ) -> None:
        super().__init__(classes="confirm")
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # Questions quote names and titles: shown as typed, never as markup.
            yield Label(plain(self.question), id="question", markup=False)
            if self.detail:
                yield Label(plain(self.detail), id="detail", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.no} (n)", id="no")
                yield Button(f"{self.yes} (y)", id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
