"""Snooze an agenda item: 1 day, 3 days, a week, or a date typed in words (`domain.agenda`)."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.agenda import snooze_options, snooze_until
from ..domain.dates import DateParseError, format_when
from ..widgets.text import plain
from .base import CampaignMixin

DATE_OPTION = "snooze-date"


class SnoozeScreen(CampaignMixin, ModalScreen[datetime | None]):
    """Dismisses with the moment the item comes back, or None if cancelled."""

    AREA = "Snooze"
    DEFAULT_CSS = """
    SnoozeScreen { align: center middle; background: $background 60%; }
    #snooze-dialog {
        width: 56; max-width: 96%; height: auto;
        padding: 0 1; border: round $primary; background: $surface;
    }
    #snooze-what { width: 1fr; color: $text-muted; margin-bottom: 1; }
    #snooze-options { height: auto; border: none; padding: 0; background: $surface; }
    #snooze-date { margin-top: 1; background: $boost; }
    #snooze-hint { height: 1; color: $text-muted; }
    #snooze-hint.-error { color: $error; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("1", "pick(0)", "1 day", show=False),
        Binding("2", "pick(1)", "3 days", show=False),
        Binding("3", "pick(2)", "A week", show=False),
        Binding("4,d", "date", "A date", show=False, tooltip="Type a date in words"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        now = self.now
        self.options = snooze_options(now)
        with Vertical(id="snooze-dialog") as dialog:
            dialog.border_title = "Snooze until"
            dialog.border_subtitle = "1 2 3 · 4 a date · esc cancel"
            yield Label(plain(self.what), id="snooze-what", markup=False)  # wraps; typed text
            yield OptionList(
                *[
                    Option(
                        f"[b]{n}[/]  {option.label:<8} [dim]{format_when(option.until, now)}[/]",
                        id=f"snooze-{n}",
                    )
                    for n, option in enumerate(self.options, start=1)
                ],
                Option("[b]4[/]  a date…", id=DATE_OPTION),
                id="snooze-options",
            )
            yield Input(
                placeholder="a date: fri, Dec 3, in 2 weeks, next week",
                id="snooze-date",
                compact=True,
            )
            yield Label("", id="snooze-hint")

    def on_mount(self) -> None:
        options = self.query_one("#snooze-options", OptionList)
        options.highlighted = 0
        options.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Digits typed into the date field are part of the date.
        return not (action in ("pick", "date") and isinstance(self.focused, Input))

    def action_pick(self, index: int) -> None:
        self.dismiss(self.options[index].until)

    def action_date(self) -> None:
        self.query_one("#snooze-date", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#snooze-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == DATE_OPTION:
            self.action_date()
        else:
            self.action_pick(event.option_index)

    @on(Input.Changed, "#snooze-date")
    def _preview(self, event: Input.Changed) -> None:
        self._until(event.value, quiet=True)

    @on(Input.Submitted, "#snooze-date")
    def _typed(self, event: Input.Submitted) -> None:
        until = self._until(event.value)
        if until is not None:
            self.dismiss(until)

    def _until(self, text: str, quiet: bool = False) -> datetime | None:
        hint = self.query_one("#snooze-hint", Label)
        if not text.strip():
            hint.update("")
            return None
        try:
            until = snooze_until(text, self.now)
        except DateParseError as problem:
            hint.update(str(problem))
            hint.set_class(not quiet or hint.has_class("-error"), "-error")
            return None
        hint.update(f"→ {format_when(until, self.now)}")
        hint.set_class(False, "-error")
        return until
