"""The command palette (ctrl+p): every action of the current screen, and "go to" any contact."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from ..widgets.text import escape

if TYPE_CHECKING:
    from ..app import InfointApp


def screen_commands(app: InfointApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """One command per enabled binding of the screen, titled "Area: what it does"."""
    area = getattr(screen, "AREA", type(screen).__name__.removesuffix("Screen"))
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is app or not binding.description or not active.enabled:
            continue
        if not type(active.node).__module__.startswith("infoint_tui"):
            continue  # scroll keys of containers, cursor keys of inputs: noise here, as in help
        if binding.action in seen or binding.action.startswith("app."):
            continue
        seen.add(binding.action)
        key = app.get_key_display(binding)
        yield SystemCommand(
            f"{area}: {binding.description}",
            f"{binding.tooltip or binding.description} (key: {key})",
            partial(app.call_later, app.run_action, binding.action, active.node),
        )


def contact_commands(app: InfointApp) -> Iterable[SystemCommand]:
    for contact in app.campaign.contacts(archived=None):
        state = " (archived)" if contact.archived else ""
        where = contact.role_at_company
        # The palette reads titles and help as markup: a name is escaped (and cleaned).
        yield SystemCommand(
            f"Go to: {escape(contact.name)}{state}",
            f"{escape(where)} · {contact.stage.label}" if where else contact.stage.label,
            partial(app.go_to_contact, contact.id),
        )
