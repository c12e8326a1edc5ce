"""Help (`?`): every key of the screen it was opened on, read from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..css import FORMS_CSS
from ..paths import default_db_path

ADDED_BELOW = {"command_palette", "app.command_palette"}
SHOWN_BUILTINS = {"focus_next", "focus_previous", "app.focus_next", "app.focus_previous"}
EXTRA_KEYS = {
    "CardList": "Cards (in a column)",
    "AgendaList": "Agenda rows",
    "InsightsBody": "Scrolling",
}


class HelpScreen(ModalScreen[None]):
    CSS_PATH = FORMS_CSS

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(self._text(), id="help-text")

    def _every_binding(self) -> list[ActiveBinding]:
        """The screen's keys as `Screen.active_bindings` finds them, but with the ones its
        `check_action` hides right now (move back on the first column, undo with nothing to
        undo) kept and marked, since help lists every key of the screen."""
        found: dict[str, ActiveBinding] = {}
        for node, bindings in self.target._modal_binding_chain:
            for key, binding in bindings:
                enabled = bool(self.app._check_action_state(binding.action, node))
                existing = found.get(key)
                if existing is None or (binding.priority and not existing.binding.priority):
                    found[key] = ActiveBinding(node, binding, enabled, binding.tooltip)
        return list(found.values())

    def _text(self) -> str:
        app = self.app
        groups: dict[str, dict[str, tuple[list[str], str]]] = {}
        for active in self._every_binding():
            binding = active.binding
            if not binding.description or binding.action in ADDED_BELOW:
                continue
            node = active.node
            if (
                not type(node).__module__.startswith("infoint_tui")
                and binding.action not in SHOWN_BUILTINS
            ):
                continue  # scroll keys of containers and the like: noise here
            if node is app:
                group = "Everywhere"
            elif node is self.target:
                group = getattr(self.target, "AREA", "This screen")
            else:
                group = EXTRA_KEYS.get(type(node).__name__, type(node).__name__)
            note = "" if active.enabled else " [dim](not now)[/]"
            keys, _ = groups.setdefault(group, {}).setdefault(
                binding.action, ([], binding.description + note)
            )
            display = app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        groups.setdefault("Everywhere", {})["palette"] = (
            ["ctrl+p"],
            "Command palette: every action, and go to a contact",
        )
        order = sorted(groups, key=lambda g: (g == "Everywhere", g))
        lines = ["[b]Keys[/]  [dim](escape closes)[/]", ""]
        for group in order:
            lines.append(f"[b $accent]{group}[/]")
            for keys, description in groups[group].values():
                shown = " / ".join(keys)
                lines.append(f"  [b]{shown:<16}[/] {description}")
            lines.append("")
        repo = getattr(app, "repo", None)
        if repo is not None:
            lines.append(f"[b]Data file[/]  {repo.path}")
        lines.append(
            f"[dim]Default file: {default_db_path()} (override with --db or INFOINT_DB)[/]"
        )
        return "\n".join(lines)
