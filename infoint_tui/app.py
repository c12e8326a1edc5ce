"""InfointApp: the screens, global keys, and the session that saves every change."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

if TYPE_CHECKING:  # imported for real only once the board is on screen (start-up time)
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

    from .actions.campaign import Campaign
    from .actions.session import Session
    from .domain.cards import Card
    from .domain.clock import Clock


class InfointApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "infoint"
    # When the campaign was last written to disk, and what stops it being written (shown by the
    # screens that show a save state).
    last_saved: reactive[datetime | None] = reactive(None, init=False)
    save_error: reactive[Exception | None] = reactive(None, init=False)

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        Binding("ctrl+s", "save_now", "Save now", show=False),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f1", "help", "Help", show=False),  # where ? is typed (notes, forms)
    ]

    class Saved(Message):
        def __init__(self, at: datetime) -> None:
            super().__init__()
            self.at = at

    class SaveFailed(Message):
        def __init__(self, error: Exception, recovery_copy: Path | None = None) -> None:
            super().__init__()
            self.error = error
            self.recovery_copy = recovery_copy

    class ChangedElsewhere(Message):
        """Another program changed the campaign (posted from the store's thread)."""

        def __init__(self, records: Mapping[str, frozenset[str]], everything: bool) -> None:
            super().__init__()
            self.records = records
            self.everything = everything

    def __init__(
        self,
        campaign: Campaign | None = None,
        *,
        clock: Clock | None = None,
        demo: bool = False,
        opener: Callable[[], Campaign] | None = None,
        prefetched: dict[str, Card] | None = None,
        theme: str = "",
    ) -> None:
        """Run on `campaign`; or, at start-up, on the board's cards `prefetched` by a second
        process (and its `theme`) while `opener` opens the campaign after the first paint. From
        then on the app's session writes every change to disk."""
        super().__init__()
        if campaign is None and opener is None:
            raise ValueError("InfointApp needs a campaign or an opener")
        self._campaign = campaign
        self._opener = opener
        self._opening = threading.Lock()
        self.prefetched = prefetched
        self._theme = theme
        if clock is None:
            from .domain.clock import SystemClock

            clock = campaign.clock if campaign is not None else SystemClock()
        self.clock = clock
        self.demo = demo
        self.session: Session | None = None
        self._warnings: list[str] = []
        self.recovery_copy: Path | None = None  # where unsaved work went while the file failed

    @property
    def campaign(self) -> Campaign:
        """The campaign; opened now (and waited for) if start-up has not opened it yet."""
        if self.session is None:
            with self._opening:
                if self.session is None:
                    self._start_session()
        assert self.session is not None
        return self.session.campaign

    def _start_session(self) -> None:
        from .actions.session import Session

        campaign = self._campaign
        if campaign is None:
            assert self._opener is not None
            campaign = self._campaign = self._opener()
        self.session = Session(
            campaign,
            on_changed=self._campaign_changed,
            on_saved=self._report_saved,
            on_error=self._report_save_failed,
        )

    def on_mount(self) -> None:
        if self._campaign is not None:
            theme = self.campaign.settings.theme  # opens the session
        else:
            theme = self._theme
        if theme and theme in self.available_themes:
            self.theme = theme
        from .screens.board import BoardScreen

        self.push_screen(BoardScreen())

    def prefetched_cards(self) -> dict[str, Card] | None:
        """The board's cards as the start-up helper process worked them out (once)."""
        cards, self.prefetched = self.prefetched, None
        return cards if self.session is None else None

    def on_unmount(self) -> None:
        """The app is closing: the store's thread stops (close_store writes what is left)."""
        if self.session is not None:
            self.session.thread.stop()

    def load_in_background(self) -> None:
        """After the board's first paint: open the campaign if start-up did not, and read the
        rest of the file once (the meetings' notes), off the UI thread, so a broken file is
        refused before anything is written over it."""
        self.run_worker(
            self._load_and_check, thread=True, exclusive=True, group="load", exit_on_error=False
        )

    def _load_and_check(self) -> None:
        from .actions.errors import StoreError

        opened_here = self.session is None
        try:
            self.campaign  # noqa: B018 (opens it, if start-up did not)
            assert self.session is not None
            if opened_here:
                self.call_from_thread(self._show_live_cards)
            self.session.check_file()
            # Meetings from before confirmations existed, or whose day has passed: in step.
            self.session.campaign.sync_confirmations()
            # What is loaded now lives as long as the app: the garbage collector need not
            # scan it again (a full collection of it stalled typing for up to 90 ms).
            gc.freeze()
        except StoreError as error:
            self.call_from_thread(self._refuse_broken_file, error)
            return
        if self.session.unreadable:
            count = len(self.session.unreadable)
            self.call_from_thread(
                self.notify,
                f"{count} record{'s' if count != 1 else ''} of the file could not be read; "
                "they are kept in the file as they are.",
                title="Some records skipped",
                severity="warning",
                timeout=8,
            )

    def _show_live_cards(self) -> None:
        """The campaign is open: the board's prepared cards give way to live ones."""
        from .screens.board import BoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                screen.rebuild_keeping_focus()

    def _refuse_broken_file(self, error: Exception) -> None:
        """The file turned out unreadable after the first paint: stop before anything is written."""
        if self.session is not None:
            self.session.campaign.store.on_change = None
        self.exit(return_code=1, message=str(error))

    def _campaign_changed(
        self, records: Mapping[str, frozenset[str]], elsewhere: bool, everything: bool
    ) -> None:
        if elsewhere:  # from the store's thread
            self.post_message(self.ChangedElsewhere(records, everything))
        elif threading.get_ident() != self._thread_id:  # an action run by a worker thread
            self.call_from_thread(self.broadcast_change, records, elsewhere=False)
        else:
            self.broadcast_change(records, elsewhere=False)

    def on_infoint_app_changed_elsewhere(self, message: ChangedElsewhere) -> None:
        self.broadcast_change(message.records, elsewhere=True, everything=message.everything)
        if self.session is not None and self.session.stopped:
            self._stop_writing(self.session.stopped)

    def open_live_notes(self, contact_id: str) -> None:
        """Live notes for the contact's next meeting, or the one that has just ended, or a new
        one."""
        from .actions.errors import StoreError
        from .domain.live_notes import meeting_to_reopen
        from .screens.live_notes import LiveNotesScreen

        campaign = self.campaign
        try:
            meeting = (
                campaign.next_meeting(contact_id)
                or meeting_to_reopen(campaign.last_meeting(contact_id), self.clock.now())
                or campaign.ensure_next_meeting(contact_id)
            )
        except StoreError as error:
            self.notify(str(error), title="No live notes", severity="error")
            return
        self.push_screen(LiveNotesScreen(meeting.id))

    def watch_theme(self, theme: str) -> None:
        session = getattr(self, "session", None)
        campaign = session.campaign if session is not None else None
        if campaign is not None and self._is_mounted and campaign.settings.theme != theme:
            import dataclasses

            campaign.save_settings(dataclasses.replace(campaign.settings, theme=theme))

    def _stop_writing(self, why: str) -> None:
        """The file became another campaign: nothing more is written into it."""
        copy = self.session.keep_recovery_copy() if self.session is not None else None
        where = f" Everything you see is in {copy}." if copy else ""
        self.notify(
            f"{why}; infoint stopped saving.{where}", title="Not saved", severity="error", timeout=0
        )

    def broadcast_change(
        self,
        records: Mapping[str, frozenset[str]],
        *,
        elsewhere: bool,
        everything: bool = False,
    ) -> None:
        """Tell every open screen what changed (each gets its own CampaignChanged)."""
        from .screens.base import CampaignChanged

        for screen in self.screen_stack:
            screen.post_message(
                CampaignChanged(records, elsewhere=elsewhere, everything=everything)
            )

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action, except once the app is quitting: keys typed in the same burst
        as `q` (`q` then `a`) would open a screen while the app takes its screens down."""
        if self.return_code is not None:
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.commands import contact_commands, screen_commands
        from .screens.transfer import transfer_commands

        yield from screen_commands(self, screen)
        for title, help_text, verb, kind in transfer_commands():
            yield SystemCommand(title, help_text, partial(self.open_transfer, verb, kind))

        yield SystemCommand(
            "Settings: edit", "My name, pitch, school, templates", self.open_settings
        )
        yield SystemCommand("Targets: open", "The target employer list", self.open_targets)
        yield from super().get_system_commands(screen)
        yield from contact_commands(self)

    def open_transfer(self, verb: str, kind: str) -> None:
        """Import (with a preview) or export, from the command palette."""
        from .screens.transfer import ExportScreen, ImportScreen

        if verb == "import":
            self.push_screen(ImportScreen(kind))
        else:
            self.push_screen(ExportScreen(kind))

    def go_to_contact(self, contact_id: str) -> None:
        """Show the contact's card on the board, focused (from the command palette)."""
        from .screens.board import BoardScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, BoardScreen):
            self.pop_screen()
        board = self.screen
        if isinstance(board, BoardScreen):
            board.show_contact(contact_id)

    def open_agenda(self) -> None:
        """What is due: overdue, today and the next 7 days (`a` on the board)."""
        from .screens.agenda import AgendaScreen

        if not isinstance(self.screen, AgendaScreen):
            self.push_screen(AgendaScreen())

    def open_insights(self) -> None:
        """The campaign in figures: funnel, replies, activity, insights, introductions."""
        from .screens.insights import InsightsScreen

        if not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen())

    def log_touch(self, contact_id: str, done: Callable[[bool | None], None] | None = None) -> None:
        """Ask what happened (a reply, a call, a message...) and log it for the contact."""
        from .screens.log_touch import LogTouchScreen

        self.push_screen(LogTouchScreen(contact_id), done)

    def log_reply(self, contact_id: str, done: Callable[[bool], None] | None = None) -> None:
        """Log "they replied", now, after a yes."""
        from .screens.log_touch import quick_reply

        quick_reply(self, contact_id, done)

    # -- prep, brief, composer, targets, settings (screens/prep.py and neighbours) ---------
    def open_prep(self, contact_id: str) -> None:
        from .screens.prep import PrepScreen

        self.push_screen(PrepScreen(contact_id))

    def open_brief(self, contact_id: str) -> None:
        from .screens.brief import open_brief

        open_brief(self, contact_id)

    def open_composer(self, contact_id: str, kind: str | None = None) -> None:
        from .screens.compose import open_composer

        open_composer(self, contact_id, kind)

    def open_targets(self) -> None:
        from .screens.targets import TargetsScreen

        if not isinstance(self.screen, TargetsScreen):
            self.push_screen(TargetsScreen())

    def open_settings(self) -> None:
        from .screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def _report_saved(self, at: datetime) -> None:  # called from the store's thread
        self.post_message(self.Saved(at))

    def _report_save_failed(self, error: Exception) -> None:  # called from the store's thread
        # Each failure refreshes one recovery copy beside the file, so the words typed since
        # the last good save exist on disk somewhere even if the app is killed now.
        copy = self.session.keep_recovery_copy() if self.session is not None else None
        self.post_message(self.SaveFailed(error, copy))

    def on_infoint_app_saved(self, message: Saved) -> None:
        self.save_error = None
        self.last_saved = message.at

    def on_infoint_app_save_failed(self, message: SaveFailed) -> None:
        first_time = self.save_error is None
        self.recovery_copy = message.recovery_copy
        self.save_error = message.error
        if first_time:
            copy = f" A copy is in {message.recovery_copy}." if message.recovery_copy else ""
            self.notify(
                f"{message.error}. Your changes are kept in memory; infoint retries every few "
                f"seconds.{copy}",
                title="Not saved",
                severity="error",
                timeout=10,
            )

    def action_save_now(self) -> None:
        if self.session is not None:
            self.session.save_now()

    def warnings(self) -> list[str]:
        """What went wrong while the app ran but lost nothing (a backup not made)."""
        return list(self._warnings if self.session is None else self.session.warnings)

    def close_store(self) -> str | None:
        """Write everything; on failure, put a recovery copy somewhere and say where."""
        if self.session is None:
            return None  # never opened: nothing can have changed
        session, self.session = self.session, None
        problem = session.close()
        self._warnings = list(session.warnings)
        return problem
