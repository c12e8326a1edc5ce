"""Merge another record of a person into this one: pick it, see the result, confirm.

Opened from the contact screen (ctrl+l, or "Contact: Merge with…" in the palette). The merge
itself is the use case `actions.merging.merge_into`, the same as `infoint merge`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..domain.merging import name_key
from ..domain.models import Contact
from ..widgets import FORMS_CSS
from ..widgets.text import escape
from .base import CampaignMixin


class MergeScreen(CampaignMixin, ModalScreen[str | None]):
    """Dismisses with the id of the record kept, once merged; None if cancelled."""

    CSS_PATH = FORMS_CSS
    AREA = "Merge"
    DEFAULT_CSS = """
    #merge-candidates { height: auto; max-height: 8; margin-bottom: 1; }
    /* once one is picked, the preview needs the room (80x24) */
    #transfer-dialog.-previewing #merge-candidates { max-height: 3; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "focus_candidates", "Pick from the list", show=False),
        Binding("ctrl+s", "confirm", "Merge", priority=True, tooltip="Merge the two records"),
        Binding(
            "ctrl+r",
            "swap",
            "Keep the other",
            priority=True,
            tooltip="Keep the other record and merge this one into it",
        ),
    ]

    def __init__(self, contact_id: str) -> None:
        super().__init__(classes="transfer")
        self.keep_id = contact_id
        self.other_id: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="transfer-dialog"):
            yield Label(id="transfer-title")
            yield Label(
                "[dim]Pick the other record (type to filter, enter picks). The kept one wins "
                "conflicts; the other's differing values go to its notes.[/]",
                id="transfer-hint",
            )
            yield Input(placeholder="filter by name or company", id="merge-filter", compact=True)
            yield OptionList(id="merge-candidates", compact=True)
            with VerticalScroll(id="preview"):
                yield Static("", id="preview-text")
            with Horizontal(id="buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Keep the other (ctrl+r)", id="swap", disabled=True)
                yield Button("Merge (ctrl+s)", id="confirm", variant="primary", disabled=True)

    def on_mount(self) -> None:
        self._show_candidates()
        self.query_one("#merge-filter", Input).focus()

    @property
    def keep(self) -> Contact:
        return self.campaign.contact(self.keep_id)

    def _show_candidates(self) -> None:
        keep = self.keep
        self.query_one("#transfer-title", Label).update(
            f"[b]Merge another record into {escape(keep.name)}[/]"
        )
        wanted = " ".join(self.query_one("#merge-filter", Input).value.casefold().split())
        same = name_key(keep.name)
        others = [
            c
            for c in self.campaign.contacts(archived=None)
            if c.id != keep.id and wanted in f"{c.name} {c.company}".casefold()
        ]
        others.sort(key=lambda c: (name_key(c.name) != same, c.name.casefold()))
        candidates = self.query_one("#merge-candidates", OptionList)
        candidates.clear_options()
        candidates.add_options(Option(_label(c), id=c.id) for c in others)
        if others:
            candidates.highlighted = 0

    @on(Input.Changed, "#merge-filter")
    def _filter(self) -> None:
        self._show_candidates()

    @on(Input.Submitted, "#merge-filter")
    def _pick_highlighted(self) -> None:
        candidates = self.query_one("#merge-candidates", OptionList)
        if candidates.highlighted is not None:
            option = candidates.get_option_at_index(candidates.highlighted)
            self._pick(option.id)

    def action_focus_candidates(self) -> None:
        """Down from the filter goes to the list (the list's own down moves in it)."""
        self.query_one("#merge-candidates", OptionList).focus()

    @on(OptionList.OptionSelected, "#merge-candidates")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, contact_id: str | None) -> None:
        if contact_id is None:
            return
        from ..actions.merging import preview_merge

        self.other_id = contact_id
        preview = preview_merge(self.campaign, self.keep_id, contact_id, self.now)
        lines = preview.lines()
        text = [f"[b]{escape(lines[0])}[/]", *(escape(line) for line in lines[1:])]
        self.query_one("#preview-text", Static).update("\n".join(text))
        self.query_one("#transfer-dialog").add_class("-previewing")
        self.query_one("#confirm", Button).disabled = False
        self.query_one("#swap", Button).disabled = False
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("confirm", "swap"):
            return self.other_id is not None
        return True

    @on(Button.Pressed, "#swap")
    def action_swap(self) -> None:
        if self.other_id is None:
            return
        self.keep_id, other = self.other_id, self.keep_id
        self._show_candidates()
        self._pick(other)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.other_id is None:
            return
        from ..actions.merging import merge_into

        done = merge_into(self.campaign, self.keep_id, self.other_id, self.now)
        self.notify(f"Merged {escape(done.other.name)} into {escape(done.keep.name)}", timeout=5)
        self.dismiss(self.keep_id)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(contact: Contact) -> str:
    detail = contact.role_at_company or contact.stage.label
    archived = " · archived" if contact.archived else ""
    return f"{escape(contact.name)} [dim]{escape(detail)}{archived} · {contact.id}[/]"
