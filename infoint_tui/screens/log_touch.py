"""Log a touch (a reply, a call, a message...): how the user tells the app "they replied".

`LogTouchScreen` asks what happened, an optional note and when (in words, default now);
`QuickReplyScreen` logs a reply received now after one yes. Both go through `record_touch`,
so the 3B7 nudges close on a reply and the keep-in-touch clock restarts (`rules.after_touch`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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
from ..domain.models import Reminder, ReminderKind, TouchKind
from ..domain.stages import Stage
from ..domain.touches import CHOICE_OF, TOUCH_CHOICES, closed_by, touch_time
from ..markup import escape
from ..store import Repository
from ..widgets.confirm import ConfirmScreen
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..app import InfointApp

_NOUN = {
    ReminderKind.SECOND_PERSON: "nudge",
    ReminderKind.FOLLOW_UP: "nudge",
    ReminderKind.THANK_YOU: "thank-you",
}


@dataclass(frozen=True)
class Logged:
    """What logging a touch did, for the message the user sees."""

    name: str
    kind: TouchKind
    at: datetime
    closed: list[Reminder] = field(default_factory=list)
    moved_to: Stage | None = None

    def summary(self, now: datetime) -> str:
        what = CHOICE_OF[self.kind].logged.format(name=self.name)
        when = (
            "" if abs((now - self.at).total_seconds()) < 60 else f" ({format_when(self.at, now)})"
        )
        parts = [f"Logged {what}{when}"]
        if self.closed:
            parts.append(f"closed {_describe(self.closed)}")
        if self.moved_to is not None:
            parts.append(f"moved to {self.moved_to.label}")
        return " · ".join(parts)


def _describe(reminders: list[Reminder]) -> str:
    """'2 nudges', 'the thank-you', '1 nudge and the thank-you'."""
    nudges = sum(1 for r in reminders if _NOUN.get(r.kind) == "nudge")
    others = [r for r in reminders if _NOUN.get(r.kind) != "nudge"]
    words = [f"{nudges} nudge{'s' if nudges != 1 else ''}"] if nudges else []
    words += [f"the {_NOUN.get(r.kind, r.kind.value)}" for r in others]
    return " and ".join(words)


def stage_after(kind: TouchKind, stage: Stage) -> Stage | None:
    """A thank-you sent from Interviewed moves the card to Thanked, as marking it done does."""
    if kind is TouchKind.THANK_YOU and stage is Stage.INTERVIEWED:
        return Stage.THANKED
    return None


def record_touch(
    repo: Repository, contact_id: str, kind: TouchKind, at: datetime, note: str = ""
) -> Logged:
    """Log the touch (and the move it implies) in one write; say what it closed."""
    contact = repo.contact(contact_id)
    before = {r.id for r in repo.reminders(contact_id=contact_id)}
    move = stage_after(kind, contact.stage)
    with repo.batch():
        repo.log_touch(contact_id, kind, at=at, note=note.strip())
        if move is not None:
            repo.move_contact(contact_id, move, at=at)
    closed = [
        r
        for r in repo.reminders(contact_id=contact_id, open_only=False)
        if r.id in before and not r.is_open and r.kind in _NOUN
    ]
    return Logged(contact.name, kind, at, closed, move)


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
        contact = self.repo.contact(self.contact_id)
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
        contact = self.repo.contact(self.contact_id)
        open_reminders = self.repo.reminders(contact_id=self.contact_id)
        options = []
        for choice in TOUCH_CHOICES:
            closes = closed_by(choice.kind, open_reminders)
            effects = [f"closes {_describe(closes)}"] if closes else []
            if (move := stage_after(choice.kind, contact.stage)) is not None:
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

    @on(Input.Submitted)
    def _submitted(self) -> None:
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
        logged = record_touch(self.repo, self.contact_id, self.kind, moment, note)
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
    repo = app.repo
    contact = repo.contact(contact_id)
    closes = _describe(closed_by(TouchKind.REPLY, repo.reminders(contact_id=contact_id)))

    def answered(yes: bool | None) -> None:
        if yes:
            now = app.clock.now()
            logged = record_touch(repo, contact_id, TouchKind.REPLY, now)
            app.notify(escape(logged.summary(now)), timeout=4)
        if done is not None:
            done(bool(yes))

    app.push_screen(QuickReplyScreen(contact_id, contact.name, closes), answered)
