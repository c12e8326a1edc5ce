"""InfointApp: the screens, global keys, and the background writer that saves every change."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.message import Message

from .domain.clock import Clock
from .store import Repository
from .store.writer import BackgroundWriter


class InfointApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "infoint"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        Binding("ctrl+s", "save_now", "Save", show=False),
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

    def __init__(self, repo: Repository, *, clock: Clock | None = None, demo: bool = False) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock or repo.clock
        self.demo = demo
        self.writer: BackgroundWriter | None = None
        self.last_saved: datetime | None = None
        self.save_error: Exception | None = None
        self.recovery_copy: Path | None = None  # where unsaved work went while the file failed
        self.sub_title = f"{'demo · ' if demo else ''}{repo.path}"

    def on_mount(self) -> None:
        self.writer = BackgroundWriter(
            self.repo,
            self.clock.now,
            on_saved=self._report_saved,
            on_error=self._report_save_failed,
        )
        self.repo.on_change = self.writer.request
        from .screens.board import BoardScreen

        self.push_screen(BoardScreen())
        # Test hook (the real-process test uses it): open live notes for this contact id at start.
        if contact_id := os.environ.get("INFOINT_OPEN_LIVE_NOTES"):
            self.open_live_notes(contact_id)

    def open_live_notes(self, contact_id: str) -> None:
        """Live notes for the contact's next meeting (created if there is none)."""
        from .screens.live_notes import LiveNotesScreen
        from .store import StoreError

        try:
            meeting = self.repo.ensure_next_meeting(contact_id)
        except StoreError as error:
            self.notify(str(error), title="No live notes", severity="error")
            return
        self.push_screen(LiveNotesScreen(meeting.id))

    def _report_saved(self, at: datetime) -> None:  # called from the writer thread
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
