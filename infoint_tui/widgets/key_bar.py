"""A footer of the keys that work now, read from the screen's bindings.

Textual's Footer mounts a widget per key and rebuilds them whenever the bindings change (on
the board, at every cursor move); this draws the same hints as one line of text. A click on a
hint runs its action, as with the Footer.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """The keys as one line, or two when one line cannot hold them all (80 columns)."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """
    MAX_LINES = 2

    def __init__(self) -> None:
        super().__init__("", markup=True)
        self._hints: list[Hint] = []
        self._spans: list[tuple[int, int, int, str, DOMNode]] = []  # row, columns, action

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._lay_out()

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        app = self.app
        hints: list[Hint] = []
        seen: set[str] = set()
        palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and active.enabled) or binding.action in seen:
                continue
            if binding.key == palette:
                continue
            seen.add(binding.action)
            hints.append(
                Hint(app.get_key_display(binding), binding.description, binding.action, active.node)
            )
        palette_binding = screen.active_bindings.get(palette) if palette else None
        if palette_binding is not None:
            hints.append(Hint(app.get_key_display(palette_binding.binding), "palette", "", None))
        if hints != self._hints:
            self._hints = hints
            self._lay_out()

    def _lay_out(self) -> None:
        """Fill a line with hints, then the next; what does not fit in two lines is left out."""
        room = max(1, self.size.width - 2) if self.size.width else 10_000
        rows: list[list[Hint]] = [[]]
        used = 0
        for hint in self._hints:
            width = cell_len(hint.text)
            if rows[-1] and used + 2 + width > room:
                if len(rows) == self.MAX_LINES:
                    break
                rows.append([])
                used = 0
            used += (2 if rows[-1] else 0) + width
            rows[-1].append(hint)
        lines: list[str] = []
        spans: list[tuple[int, int, int, str, DOMNode]] = []
        for row, hints in enumerate(rows):
            column = 1  # the left padding
            for hint in hints:
                if hint.node is not None:
                    spans.append(
                        (row, column, column + cell_len(hint.text), hint.action, hint.node)
                    )
                column += cell_len(hint.text) + 2
            lines.append("  ".join(hint.markup for hint in hints))
        self._spans = spans
        self.styles.height = len(lines)
        self.update("\n".join(lines))

    async def on_click(self, event: events.Click) -> None:
        for row, start, end, action, node in self._spans:
            if row == event.y and start <= event.x < end:
                await self.app.run_action(action, node)
                return


class Hint(NamedTuple):
    key: str
    description: str
    action: str
    node: DOMNode | None

    @property
    def text(self) -> str:
        return f"{self.key} {self.description}"

    @property
    def markup(self) -> str:
        return f"[b $accent]{_escape(self.key)}[/] {_escape(self.description)}"


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
