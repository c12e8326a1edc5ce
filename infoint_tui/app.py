"""InfointApp: the screens, global keys, and the background writer that saves every change."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:  # imported for real only once the board is on screen (start-up time)
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

    from .actions.campaign import Campaign
    from .domain.cards import Card
    from .domain.clock import Clock
    from .store import Repository
    from .store.writer import BackgroundWriter


class InfointApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "infoint"
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

    def __init__(
        self,
        campaign: Campaign | None = None,
        *,
        clock: Clock | None = None,
        demo: bool = False,
        opener: Callable[[], Campaign] | None = None,
        prefetched: dict[str, Any] | None = None,
    ) -> None:
        """Run on `campaign`; or, at start-up, on cards `prefetched` by a second process while
        `opener` opens the file in a worker thread after the first paint."""
        super().__init__()
        if campaign is None and opener is None:
            raise ValueError("InfointApp needs a campaign or an opener")
        self._campaign = campaign
        self._repo = campaign.store if campaign is not None else None
        self._opener = opener
        self._repo_lock = threading.Lock()
        self.prefetched = prefetched
        if clock is None:
            from .domain.clock import SystemClock

            clock = campaign.clock if campaign is not None else SystemClock()
        self.clock = clock
        self.demo = demo
        self.writer: BackgroundWriter | None = None
        self.last_saved: datetime | None = None
        self.save_error: Exception | None = None
        self.recovery_copy: Path | None = None  # where unsaved work went while the file failed

    @property
    def campaign(self) -> Campaign:
        """The campaign; if start-up has not opened it yet, it is opened now (and waited for)."""
        if self._campaign is None:
            with self._repo_lock:
                if self._campaign is None:
                    assert self._opener is not None
                    campaign = self._opener()
                    self._attach_store(campaign.store)
                    self._repo = campaign.store
                    self._campaign = campaign
        return self._campaign

    @property
    def repo(self) -> Repository:
        """The store under the campaign (opened now if start-up has not opened it yet)."""
        return self.campaign.store

    def _attach_store(self, repo: Repository) -> None:
        """Save every change through a background writer (safe from any thread)."""
        from .store.writer import BackgroundWriter

        self.writer = BackgroundWriter(
            repo, self.clock.now, on_saved=self._report_saved, on_error=self._report_save_failed
        )
        repo.on_change = self.writer.request
        repo.on_reload = self._report_reload
        if repo.dirty:
            self.writer.request()

    def on_mount(self) -> None:
        if self._repo is not None:
            self._attach_store(self._repo)
            theme = self._repo.settings.theme
        else:
            theme = (self.prefetched or {}).get("theme", "")
        if theme and theme in self.available_themes:
            self.theme = theme
        from .screens.board import BoardScreen

        self.push_screen(BoardScreen())

    def open_live_notes(self, contact_id: str) -> None:
        """Live notes for the contact's next meeting, or the one that has just ended, or a new
        one."""
        from .domain.live_notes import meeting_to_reopen
        from .screens.live_notes import LiveNotesScreen
        from .store import StoreError

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

    def prefetched_cards(self) -> dict[str, Card] | None:
        """The board's cards as the start-up helper process prepared them (once)."""
        payload, self.prefetched = self.prefetched, None
        if payload is None or self._repo is not None:
            return None
        from .prefetch import cards_from

        return cards_from(payload)

    def load_in_background(self) -> None:
        """After the board's first paint: open the file if start-up did not, and decode what
        start-up put off, in a worker thread."""
        self.run_worker(
            self._load_everything, thread=True, exclusive=True, group="load", exit_on_error=False
        )

    def _load_everything(self) -> None:
        from .store import StoreError

        opened_here = self._repo is None
        try:
            self.repo.load_everything()
        except StoreError as error:
            self.call_from_thread(self._refuse_broken_file, error)
            return
        from .gc_policy import freeze_loaded_data

        freeze_loaded_data()  # it lives as long as the app: no full collection rescans it
        if opened_here:
            self.call_from_thread(self._show_live_cards)

    def _show_live_cards(self) -> None:
        from .screens.board import BoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                screen.rebuild()

    def _refuse_broken_file(self, error: Exception) -> None:
        """The file turned out unreadable after the first paint: stop before anything is written."""
        if self._repo is not None:
            self._repo.on_change = None
        self.exit(return_code=1, message=str(error))

    def watch_theme(self, theme: str) -> None:
        repo = self._repo if hasattr(self, "_repo") else None
        if repo is not None and self._is_mounted and repo.settings.theme != theme:
            import dataclasses

            repo.save_settings(dataclasses.replace(repo.settings, theme=theme))

    def _report_reload(self) -> None:  # called from the writer thread
        self.post_message(self.Reloaded())

    class Reloaded(Message):
        """Another program changed the file; its changes were merged in."""

    def on_infoint_app_reloaded(self) -> None:
        self.broadcast_change({}, elsewhere=True, everything=True)
        self.notify(
            "The data file was changed by another program; its changes are shown.", timeout=4
        )

    def broadcast_change(
        self, records: dict[str, frozenset[str]], *, elsewhere: bool, everything: bool = False
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

        def imported(wrote: bool | None) -> None:
            if wrote:
                self._show_live_cards()

        if verb == "import":
            self.push_screen(ImportScreen(kind), imported)
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

    def _report_saved(self, at: datetime) -> None:  # called from the writer thread
        from .gc_policy import refreeze_while_typing

        refreeze_while_typing()
        self.post_message(self.Saved(at))

    def _report_save_failed(self, error: Exception) -> None:  # called from the writer thread
        # Each failure refreshes one recovery copy beside the file, so the words typed since
        # the last good save exist on disk somewhere even if the app is killed now.
        try:
            self.recovery_copy = self.repo.write_recovery_copy(self.recovery_copy)
        except Exception:
            self.recovery_copy = None
        self.post_message(self.SaveFailed(error, self.recovery_copy))

    def on_infoint_app_saved(self, message: Saved) -> None:
        self.last_saved, self.save_error = message.at, None

    def on_infoint_app_save_failed(self, message: SaveFailed) -> None:
        first_time = self.save_error is None
        self.save_error = message.error
        if first_time:
            copy = f" A copy is in {message.recovery_copy}." if message.recovery_copy else ""
            self.notify(
                f"{message.error}. Your changes are kept in memory; infoint retries every few seconds.{copy}",
                title="Not saved",
                severity="error",
                timeout=10,
            )

    def action_save_now(self) -> None:
        if self.writer is not None:
            self.writer.request()

    def close_store(self) -> str | None:
        """Write what is pending; on failure, put a recovery copy somewhere and say where."""
        if self._repo is None:
            return None  # never opened: nothing can have changed
        self.repo.on_change = None
        try:
            if self.writer is not None:
                self.writer.close()
            else:
                self.repo.flush()
        except Exception as error:
            try:
                copy = self.repo.write_recovery_copy(self.recovery_copy)
            except Exception:
                return f"{error}; and no recovery copy could be written"
            return f"{error}; everything was saved to {copy}"
        return None
