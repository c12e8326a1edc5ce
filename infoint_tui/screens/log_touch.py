"""Log a touch (a reply, a call, a message...): how the user tells the app "they replied".

`LogTouchScreen` asks what happened, an optional note and when (in words, default now);
`QuickReplyScreen` logs a reply received now after one yes. Both go through `record_touch`,
so the 3B7 nudges close on a reply and the keep-in-touch clock restarts (`rules.after_touch`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.dates import DateParseError, format_when
from ..domain.models import TouchKind
from ..domain.rules import stage_after_touch
from ..domain.touches import TOUCH_CHOICES, closed_by, describe_closed, touch_time
from ..widgets.confirm import ConfirmScreen
from ..widgets.text import escape
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..app import InfointApp


class LogTouchScreen(CampaignMixin, ModalScreen[bool]):
    """What happened, a note, and when; dismisses True once logged."""

    AREA = "Log touch"
    DEFAULT_CSS = """
    LogTouchScreen { align: center middle; background: $background 60%; }
    #touch-dialog {
        width: 70; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 1; border: round $primary; background: $surface;
    }
    #touch-who { color: $text-muted; margin-bottom: 1; }
    #touch-kind { height: auto; max-height: 8; border: none; padding: 0; background: $surface; }
    .touch-row { height: 1; margin-top: 1; }
    .touch-row Label { width: 6; color: $text-muted; }
    .touch-row Input { width: 1fr; background: $boost; }
    #touch-when-row { margin-top: 0; }
    #touch-hint { height: 1; padding-left: 6; color: $text-muted; }
    #touch-hint.-error { color: $error; }
    #touch-buttons { height: 1; align-horizontal: right; margin-top: 1; }
    #touch-buttons Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("ctrl+s", "log", "Log it", priority=True, tooltip="Log the touch"),
    ]

    def __init__(self, contact_id: str, kind: TouchKind = TouchKind.REPLY) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.kind = kind

    def compose(self) -> ComposeResult:
        contact = self.campaign.contact(self.contact_id)
        last = (
            f" · last contact {format_when(contact.last_contact, self.now)}"
            if contact.last_contact
            else ""
        )
        with Vertical(id="touch-dialog") as dialog:
            dialog.border_title = f"Log a touch with {escape(contact.name)}"
            dialog.border_subtitle = "⏎ next · ctrl+s log · esc cancel"
            yield Label(f"{contact.stage.label}{last}", id="touch-who")
            yield OptionList(*self._options(), id="touch-kind")
            with Horizontal(classes="touch-row"):
                yield Label("Note")
                yield Input(placeholder="optional: what they said", id="touch-note", compact=True)
            with Horizontal(classes="touch-row", id="touch-when-row"):
                yield Label("When")
                yield Input(
                    placeholder="now (or 2 hours ago, yesterday 15:00, mon 10am)",
                    id="touch-when",
                    compact=True,
                )
            yield Label("→ now", id="touch-hint")
            with Horizontal(id="touch-buttons"):
                yield Button("Cancel", id="touch-cancel", compact=True)
                yield Button("Log it", id="touch-log", variant="primary", compact=True)

    def _options(self) -> list[Option]:
        contact = self.campaign.contact(self.contact_id)
        open_reminders = self.campaign.reminders(contact_id=self.contact_id)
        options = []
        for choice in TOUCH_CHOICES:
            closes = closed_by(choice.kind, open_reminders)
            effects = [f"closes {describe_closed(closes)}"] if closes else []
            if (move := stage_after_touch(choice.kind, contact.stage)) is not None:
                effects.append(f"moves the card to {move.label}")
            effect = ", ".join(effects) or choice.effect
            options.append(
                Option(f"{choice.label:<19}[dim]{effect}[/]", id=f"touch-{choice.kind.value}")
            )
        return options

    def on_mount(self) -> None:
        kinds = self.query_one("#touch-kind", OptionList)
        kinds.highlighted = [c.kind for c in TOUCH_CHOICES].index(self.kind)
        kinds.focus()

    @on(OptionList.OptionHighlighted, "#touch-kind")
    def _kind_changed(self, event: OptionList.OptionHighlighted) -> None:
        self.kind = TOUCH_CHOICES[event.option_index].kind

    @on(OptionList.OptionSelected, "#touch-kind")
    def _kind_chosen(self) -> None:
        self.query_one("#touch-note", Input).focus()

    @on(Input.Changed, "#touch-when")
    def _preview(self, event: Input.Changed) -> None:
        self._when(quiet=True)

    @on(Input.Submitted, "#touch-note")
    def _note_done(self) -> None:  # as the dialog says: enter goes on to the next field
        self.query_one("#touch-when", Input).focus()

    @on(Input.Submitted, "#touch-when")
    def _when_done(self) -> None:  # the last field: enter logs
        self.action_log()

    def _when(self, quiet: bool = False) -> datetime | None:
        hint = self.query_one("#touch-hint", Label)
        text = self.query_one("#touch-when", Input).value
        try:
            moment = touch_time(text, self.now)
        except DateParseError as problem:
            hint.update(str(problem))
            hint.set_class(not quiet or hint.has_class("-error"), "-error")
            return None
        hint.update("→ now" if not text.strip() else f"→ {format_when(moment, self.now)}")
        hint.set_class(False, "-error")
        return moment

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "touch-log":
            self.action_log()
        else:
            self.action_cancel()

    def action_log(self) -> None:
        moment = self._when()
        if moment is None:
            self.query_one("#touch-when", Input).focus()
            return
        note = self.query_one("#touch-note", Input).value
        logged = self.campaign.record_touch(self.contact_id, self.kind, moment, note)
        self.app.notify(escape(logged.summary(self.now)), timeout=4)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class QuickReplyScreen(ConfirmScreen):
    """`L`: "they replied", now, after one yes (it closes reminders, so it asks first)."""

    def __init__(self, contact_id: str, name: str, closes: str) -> None:
        detail = f"It closes {closes} and restarts the keep-in-touch clock." if closes else ""
        detail = detail or "It restarts the keep-in-touch clock."
        super().__init__(f"Log a reply from {name}, now?", detail, yes="Log reply")
        self.contact_id = contact_id

    def on_mount(self) -> None:
        # ConfirmScreen focuses Cancel (its on_mount runs after this one): here enter logs.
        self.query_one("#yes", Button).variant = "primary"  # nothing is destroyed here
        self.call_after_refresh(self.query_one("#yes", Button).focus)


def quick_reply(
    app: InfointApp, contact_id: str, done: Callable[[bool], None] | None = None
) -> None:
    """Ask, then log a reply received now for the contact (the app's `log_reply`)."""
    campaign = app.campaign
    contact = campaign.contact(contact_id)
    closes = describe_closed(closed_by(TouchKind.REPLY, campaign.reminders(contact_id=contact_id)))

    def answered(yes: bool | None) -> None:
        if yes:
            now = app.clock.now()
            logged = campaign.record_touch(contact_id, TouchKind.REPLY, now)
            app.notify(escape(logged.summary(now)), timeout=4)
        if done is not None:
            done(bool(yes))

    app.push_screen(QuickReplyScreen(contact_id, contact.name, closes), answered)
