"""Advice and resources a contact gave during calls (TIARA A and R): mark each tried, with what
came of it. The next check-in draft tells them, which is the best reason to write.

Opened from the contact screen (ctrl+g): advice belongs to the person who gave it and is tried
over days or weeks, with no date to be due on, so it is looked for with the person, not on
the agenda; and the contact screen is where one goes before writing to them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.compose import advice_captures
from ..widgets.text import escape
from .base import CampaignMixin


class AdviceScreen(CampaignMixin, ModalScreen[None]):
    """The contact's advice and resources: enter says what came of one; u unmarks it."""

    DEFAULT_CSS = """
    AdviceScreen { align: center middle; }
    AdviceScreen > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    AdviceScreen #advice-list { height: auto; max-height: 14; border: none; }
    AdviceScreen #outcome { display: none; }
    AdviceScreen.-editing #outcome { display: block; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("u", "untried", "Not tried"),
    ]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.found: list[tuple[str, int]] = []  # (meeting id, index in its log) per row
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        name = self.campaign.contact(self.contact_id).name
        with Vertical():
            yield Label(f"[b]Advice and resources from {escape(name)}[/]")
            yield Label(
                "[dim]enter: tried, and what came of it · u: not tried · the check-in tells "
                "them[/]",
                id="advice-help",
            )
            yield OptionList(id="advice-list")
            yield Input(placeholder="What came of it? (enter saves)", id="outcome")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#advice-list", OptionList).focus()

    def show(self) -> None:
        listing = self.query_one("#advice-list", OptionList)
        keep = listing.highlighted
        captured = advice_captures(self.campaign.meetings(self.contact_id), self.contact_id)
        self.found = [(meeting.id, index) for meeting, index, _ in captured]
        options = []
        for _, _, capture in captured:
            kind = capture.tiara.label if capture.tiara else "Advice"
            if capture.tried_at is not None:
                came = f": {escape(capture.outcome)}" if capture.outcome else ""
                status = f"[$success]✓ tried {capture.tried_at:%d %b}{came}[/]"
            else:
                status = "[dim]not tried yet[/]"
            options.append(Option(f"[b]{kind}[/] {escape(capture.text)}\n   {status}"))
        listing.set_options(
            options or [Option("[dim]None captured in calls yet.[/]", disabled=True)]
        )
        if self.found:
            listing.highlighted = min(keep or 0, len(self.found) - 1)

    @on(OptionList.OptionSelected, "#advice-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if not self.found:
            return
        self.editing = event.option_index
        meeting_id, index = self.found[self.editing]
        capture = self.campaign.meeting(meeting_id).log[index]
        field = self.query_one("#outcome", Input)
        field.value = capture.outcome
        self.add_class("-editing")
        field.focus()

    @on(Input.Submitted, "#outcome")
    def _saved(self, event: Input.Submitted) -> None:
        if self.editing is None:
            return
        meeting_id, index = self.found[self.editing]
        self.campaign.mark_tried(meeting_id, index, event.value)
        self._done_editing()
        self.notify("Marked tried: the next check-in tells them", timeout=3)

    def _done_editing(self) -> None:
        self.editing = None
        self.remove_class("-editing")
        self.show()
        self.query_one("#advice-list", OptionList).focus()

    def action_untried(self) -> None:
        listing = self.query_one("#advice-list", OptionList)
        if self.editing is not None or listing.highlighted is None or not self.found:
            return
        meeting_id, index = self.found[listing.highlighted]
        self.campaign.mark_untried(meeting_id, index)
        self.show()

    def action_close(self) -> None:
        if self.editing is not None:
            self._done_editing()
            return
        self.dismiss()
