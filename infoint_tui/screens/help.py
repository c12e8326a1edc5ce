"""Help (`?`): every key of the screen it was opened on, read from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..paths import default_db_path
from ..widgets import FORMS_CSS

SHOWN_BUILTINS = {"focus_next", "focus_previous", "app.focus_next", "app.focus_previous"}
EXTRA_KEYS = {
    "BoardView": "Cards (in a column)",
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

    def _text(self) -> str:
        app = self.app
        groups: dict[str, dict[str, tuple[list[str], str]]] = {}
        for active in self.target.active_bindings.values():
            binding = active.binding
            if not binding.description:
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
        self._add_hidden(groups.setdefault(getattr(self.target, "AREA", "This screen"), {}))
        groups.setdefault("Everywhere", {})["command_palette"] = (
            [app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))],
            "Command palette: every action, and go to a contact",
        )
        order = sorted(groups, key=lambda g: (g == "Everywhere", g))
        lines = ["[b]Keys[/]  [dim](escape closes)[/]", ""]
        for group in order:
            lines.append(f"[b $accent]{group}[/]")
            for keys, description in groups[group].values():
                shown = f"{' / '.join(keys):<16}".replace("[", r"\[")  # `[` is a key here
                lines.append(f"  [b]{shown}[/] {description}")
            lines.append("")
        campaign = getattr(app, "campaign", None)
        if campaign is not None:
            lines.append(f"[b]Data file[/]  {campaign.path}")
        lines.append(
            f"[dim]Default file: {default_db_path()} (override with --db or INFOINT_DB)[/]"
        )
        return "\n".join(lines)

    def _add_hidden(self, group: dict[str, tuple[list[str], str]]) -> None:
        """The screen's keys that do nothing now (`[` on the first column, `u` with nothing to
        undo): active_bindings leaves out what check_action hides, but help lists every key.
        The group is put in the order of the screen's bindings."""
        app = self.app
        declared = list(Binding.make_bindings(self.target.BINDINGS))
        for binding in declared:
            if not binding.description:
                continue
            keys, _ = group.setdefault(
                binding.action, ([], f"{binding.description} [dim](not now)[/]")
            )
            display = app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        position = {binding.action: index for index, binding in enumerate(declared)}
        ordered = sorted(group.items(), key=lambda item: position.get(item[0], -1))
        group.clear()
        group.update(ordered)
