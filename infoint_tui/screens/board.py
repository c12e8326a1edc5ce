"""The board: six columns of contact cards (first version: titles and names)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from ..domain.stages import STAGES


class BoardScreen(Screen[None]):
    BINDINGS = [("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        contacts = self.app.repo.contacts()  # type: ignore[attr-defined]
        with Horizontal(id="board"):
            for stage in STAGES:
                members = [c for c in contacts if c.stage == stage]
                with VerticalScroll(classes="column", id=f"col-{stage.value}"):
                    yield Label(f"{stage.label} ({len(members)})", classes="column-title")
                    for contact in members:
                        yield Static(contact.name, classes="card")
        yield Footer()
