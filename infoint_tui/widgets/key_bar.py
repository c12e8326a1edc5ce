"""A one-line footer of the keys that work now, read from the screen's bindings.

Textual's Footer mounts a widget per key and rebuilds them whenever the bindings change (on
the board, at every cursor move); this draws the same hints as one line of text. A click on a
hint runs its action, as with the Footer.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static


class KeyBar(Static):
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

    def __init__(self) -> None:
        super().__init__("", markup=True)
        self._spans: list[tuple[int, int, str, Widget | Screen]] = []  # columns -> action

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        app = self.app
        parts: list[str] = []
        spans: list[tuple[int, int, str, Widget | Screen]] = []
        seen: set[str] = set()
        column = 1  # the left padding
        shown = [
            active
            for active in screen.active_bindings.values()
            if active.binding.show and active.enabled
        ]
        palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        palette_binding = screen.active_bindings.get(palette) if palette else None
        for active in shown:
            binding = active.binding
            if binding.action in seen or binding.key == palette:
                continue
            seen.add(binding.action)
            key = app.get_key_display(binding)
            text = f"{key} {binding.description}"
            spans.append((column, column + cell_len(text), binding.action, active.node))  # type: ignore[arg-type]
            parts.append(f"[b $accent]{_escape(key)}[/] {_escape(binding.description)}")
            column += cell_len(text) + 2
        if palette_binding is not None:
            key = app.get_key_display(palette_binding.binding)
            parts.append(f"[b $accent]{_escape(key)}[/] palette")
        self._spans = spans
        self.update("  ".join(parts))

    async def on_click(self, event: events.Click) -> None:
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                await self.app.run_action(action, node)
                return


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
