"""Live notes: the screen open during the call. Typing lands in the notes at once, nothing is lost.

The note editor has focus from the first frame; keys that arrive before it is mounted are kept
and typed in when it is. Quick captures tag the line just typed (one keystroke), and an
autosave puts the text into the campaign after a short pause, and at least every
AUTOSAVE_MAX_WAIT seconds while typing; the app's session writes it to disk off this thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Label, Static, TextArea

from ..domain.dates import format_when
from ..domain.live_notes import (
    KIND_LABELS,
    capture_text,
    is_repeat,
    split_referral,
    split_tiara,
    start_call,
)
from ..domain.models import Capture, CaptureKind, Contact, Meeting, Tiara
from ..domain.stages import Stage
from ..widgets.capture_bar import CaptureBar
from ..widgets.capture_log import CaptureLog
from ..widgets.key_bar import KeyBar
from ..widgets.live_questions import LiveQuestions
from ..widgets.meeting_clock import MeetingClock
from ..widgets.status_line import StatusLine
from ..widgets.text import plain
from .live_notes_dialogs import (
    Debrief,
    DebriefDialog,
    EndInterviewDialog,
    Referral,
    ReferralDialog,
)

if TYPE_CHECKING:
    from ..actions.campaign import Campaign
    from ..app import InfointApp

AUTOSAVE_PAUSE = 1.0  # seconds of quiet after which the notes are saved
AUTOSAVE_MAX_WAIT = 1.5  # typing without a pause still saves this often (kill -9 loses < 2 s)

NOTES_PLACEHOLDER = (
    "Type your notes. Tag the line you just typed: ctrl+n note, ctrl+t my action item, "
    "ctrl+o theirs, ctrl+r referral (a name, e.g. 'Jane Doe @ Acme'), ctrl+l insight "
    "(start it with T:, I:, A:, R: or As: for its TIARA category). tab: questions; "
    "escape: save and leave; f1: every key."
)


SAVING_NOW = "Saving now…"


class LiveNotesScreen(Screen[None]):
    DEFAULT_CSS = """
    LiveNotesScreen { layout: vertical; }
    LiveNotesScreen #live-title { height: auto; max-height: 2; padding: 0 1; background: $panel; text-style: bold; }
    LiveNotesScreen #live-body { height: 1fr; }
    LiveNotesScreen #live-notes-pane { width: 1fr; }
    LiveNotesScreen #notes { height: 1fr; border: none; padding: 0 1; }
    LiveNotesScreen #live-side { width: 38%; min-width: 30; max-width: 60; border-left: solid $primary 50%; }
    LiveNotesScreen .live-heading { padding: 0 1; margin-top: 1; color: $text-muted; text-style: bold; }
    """
    AREA = "Live notes"  # command palette titles: "Live notes: …"
    AUTO_FOCUS = "#notes"
    BINDINGS = [
        Binding("ctrl+n", "capture('note')", "Note", tooltip="Capture the line you just typed"),
        Binding("ctrl+t", "capture('action-mine')", "Mine", tooltip="My action item (a reminder)"),
        Binding("ctrl+o", "capture('action-theirs')", "Theirs", tooltip="Their action item"),
        Binding("ctrl+r", "referral", "Referral", tooltip="Add the person named to Prospects"),
        Binding("ctrl+l", "capture('insight')", "Insight", tooltip="An insight, by TIARA category"),
        # Hidden from the footer to keep it within 80 columns; the clock itself names the key.
        Binding("ctrl+g", "start_clock", "Clock", show=False, tooltip="Start the clock now"),
        Binding("ctrl+f", "end_interview", "End", tooltip="End the interview"),
        Binding("ctrl+s", "save_now", "Save", show=False),
        # escape goes back on every screen, so users rely on it; the footer keeps its room
        # for the captures at 80 columns.
        Binding("escape", "back", "Back", show=False, tooltip="Save and go back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._editor_ready = False
        self._early_keys: list[str] = []  # typed before the editor existed
        self._dirty = False  # the editor holds text the meeting does not have yet
        self._pause_timer: Timer | None = None  # saves after a pause in typing
        self._wait_timer: Timer | None = None  # saves while typing goes on without a pause
        self._opened_at: datetime | None = None
        self._editor: TextArea | None = None

    # -- shortcuts ------------------------------------------------------------------------------
    @property
    def infoint(self) -> InfointApp:
        return cast("InfointApp", self.app)

    @property
    def campaign(self) -> Campaign:
        return self.infoint.campaign

    @property
    def meeting(self) -> Meeting:
        return self._meeting

    @property
    def contact(self) -> Contact:
        return self.campaign.contact(self._meeting.contact_id)

    @property
    def editor(self) -> TextArea:
        assert self._editor is not None
        return self._editor

    def _now(self) -> datetime:
        return self.infoint.clock.now()

    # -- building the screen --------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._meeting = self.campaign.meeting(self.meeting_id)
        self._opened_at = self._now()
        meeting, contact = self._meeting, self.contact
        self._editor = TextArea(
            plain(meeting.notes), id="notes", soft_wrap=True, placeholder=NOTES_PLACEHOLDER
        )
        yield Static(self._title(meeting, contact), id="live-title", markup=False)
        with Horizontal(id="live-body"):
            with Vertical(id="live-notes-pane"):
                yield self._editor
                yield CaptureBar(id="capture-bar")
            with Vertical(id="live-side"):
                yield MeetingClock(meeting, self._now, id="clock")
                yield Label("Questions (tab)", classes="live-heading")
                yield LiveQuestions(meeting.questions, id="questions")
                yield Label("Captured", classes="live-heading")
                yield CaptureLog(meeting.log, self._opened_at.tzinfo, id="capture-log")
        yield StatusLine(id="live-status")
        yield KeyBar()

    def _title(self, meeting: Meeting, contact: Contact) -> str:
        parts = ["Live notes", contact.name]
        if contact.role_at_company:
            parts.append(contact.role_at_company)
        if meeting.when is not None:
            parts.append(format_when(meeting.when, self._now()))
        parts.append(meeting.medium.label.lower())
        return plain(" · ".join(parts), multiline=False)

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)  # a reopened meeting continues at the end
        if self._early_keys:
            editor.insert("".join(self._early_keys))
            self._early_keys.clear()
        self._editor_ready = True
        self.watch(self.app, "last_saved", self._show_save_state, init=False)
        self.watch(self.app, "save_error", self._show_save_state, init=False)
        self._show_save_state()

    def on_key(self, event: events.Key) -> None:
        """Keys typed before the editor had focus were sent to the screen: type them in.

        The app sends a key to the focused widget, or to the screen while nothing has focus
        (the first instants after opening). A printable key or enter never bubbles up from
        the editor (it takes them), so one seen here while the editor has focus was sent
        before it had. Keys bubbling up from other widgets are left alone: they are on their
        way to the bindings, which Textual checks once the key has reached the app.
        """
        if self._editor_ready and self.focused is not None and self.focused is not self._editor:
            return
        if event.key == "enter":
            char = "\n"
        elif event.is_printable and event.character:
            char = event.character
        else:
            return
        event.stop()
        if not self._editor_ready:
            self._early_keys.append(char)
            return
        self.editor.focus()
        self.editor.insert(char)

    # -- autosave -------------------------------------------------------------------------------
    @on(TextArea.Changed, "#notes")
    def _notes_changed(self) -> None:
        if self._pause_timer is not None:
            self._pause_timer.stop()
        self._pause_timer = self.set_timer(AUTOSAVE_PAUSE, self._autosave)
        if self._wait_timer is None:
            self._wait_timer = self.set_timer(AUTOSAVE_MAX_WAIT, self._autosave)
        if self._meeting.started_at is None and self._meeting.ended_at is None:
            start_call(self._meeting, self._now())  # the clock starts on the first keystroke
            self.query_one(MeetingClock).tick()
        if not self._dirty:
            self._dirty = True
            self._show_save_state()

    def _autosave(self) -> None:
        if self._dirty:
            self.save_notes()

    def save_notes(self) -> None:
        """Put the editor's text into the meeting and the campaign (written off this thread)."""
        self._take_text()
        self.campaign.save_meeting(self._meeting)
        self._show_save_state()

    def _take_text(self) -> None:
        self._dirty = False
        for timer in (self._pause_timer, self._wait_timer):
            if timer is not None:
                timer.stop()
        self._pause_timer = self._wait_timer = None
        if self._editor is not None:
            self._meeting.notes = self._editor.text

    def _unsaved(self) -> bool:
        return self._dirty or (
            self._editor is not None and self._editor.text != self._meeting.notes
        )

    def on_screen_suspend(self) -> None:
        if self._unsaved():
            self.save_notes()

    def on_unmount(self) -> None:
        # Leaving the screen or quitting the app: the store gets the latest text before the
        # app's final flush (InfointApp.close_store).
        if self._editor_ready and self._unsaved():
            self.save_notes()

    def _show_save_state(self) -> None:
        app = self.infoint
        pending = self._dirty or self.campaign.unsaved
        if app.save_error is not None:
            where = f" · a copy is in {app.recovery_copy}" if app.recovery_copy else ""
            text = f"NOT SAVED: {app.save_error}{where}"
        elif app.last_saved is not None:
            saved = app.last_saved.astimezone(self._now().tzinfo)
            text = f"saved {saved:%H:%M:%S}{' · saving…' if pending else ''}"
        else:
            text = "not saved yet" if pending else ""
        found = self.query(StatusLine)
        if not found:
            return  # leaving: the line is gone already
        status = found.first()
        status.show_save(text, failed=app.save_error is not None)
        if status.message == SAVING_NOW and not pending:
            status.say("")  # the save asked for is done: "saved hh:mm:ss" says so

    def _say(self, text: str) -> None:
        self.query_one(StatusLine).say(text)

    def action_save_now(self) -> None:
        self.save_notes()
        self.infoint.action_save_now()
        self._say(SAVING_NOW)

    def action_back(self) -> None:
        self.save_notes()
        self.app.pop_screen()

    # -- quick capture --------------------------------------------------------------------------
    def _line_just_typed(self) -> str:
        """The selection, or the cursor's line, or (on a fresh empty line) the one above it."""
        editor = self.editor
        if editor.selected_text.strip():
            return " ".join(editor.selected_text.split())
        row = editor.cursor_location[0]
        line = editor.document.get_line(row)
        if not line.strip() and row > 0:
            line = editor.document.get_line(row - 1)
        return capture_text(line)

    def action_capture(self, kind_value: str) -> None:
        kind = CaptureKind(kind_value)
        bar = self.query_one(CaptureBar)
        if bar.is_open:
            bar.switch(kind)
            return
        text = self._line_just_typed()
        if kind is CaptureKind.INSIGHT:
            tiara, rest = split_tiara(text)
            if tiara is not None and rest:
                self.record_capture(kind, rest, tiara)
            else:
                bar.open(kind, rest, tiara)
            return
        if not text:
            bar.open(kind)
            return
        self.record_capture(kind, text, None)

    @on(CaptureBar.Submitted)
    def _capture_typed(self, message: CaptureBar.Submitted) -> None:
        self.record_capture(message.kind, message.text, message.tiara)

    @on(CaptureBar.Closed)
    def _capture_closed(self) -> None:
        self.editor.focus()

    def record_capture(self, kind: CaptureKind, text: str, tiara: Tiara | None) -> Capture | None:
        if is_repeat(self._meeting.log, kind, text, tiara):
            self._say(f"Already captured: {text}")
            return None
        now = self._now()
        self._take_text()
        capture, reminder = self.campaign.record_capture(self._meeting, kind, text, tiara, now)
        self.query_one(CaptureLog).add(capture)
        due = f" → reminder {format_when(reminder.due, now)}" if reminder else ""
        self._say(f"{KIND_LABELS[kind]}: {text}{due}")
        return capture

    def action_referral(self) -> None:
        bar = self.query_one(CaptureBar)
        if bar.is_open:  # the name was being typed in the capture bar
            line = bar.query_one(Input).value
            bar.close()
        else:
            line = self._line_just_typed()
        name, company = split_referral(line)
        known = frozenset(c.name.casefold() for c in self.campaign.contacts(archived=None))
        dialog = ReferralDialog(self.contact.name, name, company, known)
        self.app.push_screen(dialog, self._add_referral)

    def _add_referral(self, referral: Referral | None) -> None:
        if referral is None:
            return
        self._take_text()
        prospect, capture = self.campaign.add_referral(
            self._meeting, referral.name, referral.company, self._now()
        )
        self.query_one(CaptureLog).add(capture)
        self._say(f"{prospect.name} added to Prospects, referred by {self.contact.name}")

    # -- the clock and the end ------------------------------------------------------------------
    def action_start_clock(self) -> None:
        meeting = self._meeting
        if meeting.ended_at is not None:
            self._say("This interview has ended; the clock stays stopped.")
            return
        restarted = meeting.started_at is not None
        start_call(meeting, self._now())
        self.save_notes()
        self.query_one(MeetingClock).tick()
        self._say("Clock restarted from now." if restarted else "Clock started.")

    def action_end_interview(self) -> None:
        meeting, contact = self._meeting, self.contact
        if meeting.ended_at is not None:
            self._offer_debrief()
            return
        hours = self.campaign.settings.thank_you_hours
        move = (
            f"moves {contact.name} from {contact.stage.label} to Interviewed and "
            if contact.stage is not Stage.INTERVIEWED
            else ""
        )
        detail = (
            f"This records the end time, {move}sets the thank-you reminder "
            f"(send it within {hours} hours). Your notes stay open."
        )
        self.app.push_screen(
            EndInterviewDialog(f"End the interview with {contact.name}?", detail),
            self._end_confirmed,
        )

    def _end_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            self.editor.focus()
            return
        now = self._now()
        self._take_text()
        thank_you = self.campaign.end_interview(self._meeting, now, self._opened_at or now)
        self.query_one(MeetingClock).tick()
        due = f" · thank-you due {format_when(thank_you.due, now)}" if thank_you else ""
        self._say(f"Interview ended; {self.contact.name} is in Interviewed{due}")
        self._offer_debrief()

    def _offer_debrief(self) -> None:
        meeting = self._meeting
        current = Debrief(meeting.debrief_learned, meeting.debrief_fit, meeting.debrief_who_else)
        referred = [c.text for c in meeting.log if c.kind is CaptureKind.REFERRAL]
        self.app.push_screen(
            DebriefDialog(self.contact.name, current, referred), self._keep_debrief
        )

    def _keep_debrief(self, debrief: Debrief | None) -> None:
        if debrief is None:
            return
        meeting = self._meeting
        meeting.debrief_learned = debrief.learned
        meeting.debrief_fit = debrief.fit
        meeting.debrief_who_else = debrief.who_else
        self.save_notes()
        if debrief.learned or debrief.fit or debrief.who_else:
            self._say("Debrief saved.")

    # -- questions ------------------------------------------------------------------------------
    @on(LiveQuestions.Changed)
    def _question_changed(self) -> None:
        self.save_notes()

    @on(LiveQuestions.Leave)
    @on(CaptureLog.Leave)
    def _back_to_notes(self) -> None:
        self.editor.focus()
