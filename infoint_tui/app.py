"""InfointApp: the screens, global keys, and the background writer that saves every change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

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
    ]

    class Saved(Message):
        def __init__(self, at: datetime) -> None:
            super().__init__()
            self.at = at

    class SaveFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, repo: Repository, *, clock: Clock | None = None, demo: bool = False) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock or repo.clock
        self.demo = demo
        self.writer: BackgroundWriter | None = None
        self.last_saved: datetime | None = None
        self.save_error: Exception | None = None
        self.sub_title = f"{'demo · ' if demo else ''}{repo.path}"

    def on_mount(self) -> None:
        self.writer = BackgroundWriter(
            self.repo,
            self.clock.now,
            on_saved=self._report_saved,
            on_error=self._report_save_failed,
        )
        self.repo.on_change = self.writer.request
        self.repo.on_reload = self._report_reload
        theme = self.repo.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        from .screens.board import BoardScreen

        self.push_screen(BoardScreen())
        self.call_after_refresh(self._load_the_rest)

    def _load_the_rest(self) -> None:
        """After the first paint: parse the meeting notes, which start-up put off."""
        from .store import StoreError

        try:
            self.repo.load_everything()
        except StoreError as error:
            self.repo.on_change = None
            self.exit(return_code=1, message=str(error))

    def watch_theme(self, theme: str) -> None:
        repo = getattr(self, "repo", None)
        if repo is not None and self._is_mounted and repo.settings.theme != theme:
            import dataclasses

            repo.save_settings(dataclasses.replace(repo.settings, theme=theme))

    def _report_reload(self) -> None:  # called from the writer thread
        self.post_message(self.Reloaded())

    class Reloaded(Message):
        """Another program changed the file; its changes were merged in."""

    def on_infoint_app_reloaded(self) -> None:
        from .screens.board import BoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, BoardScreen):
                screen.rebuild()
        self.notify(
            "The data file was changed by another program; its changes are shown.", timeout=4
        )

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .commands import contact_commands, screen_commands

        yield from screen_commands(self, screen)
        yield SystemCommand(
            "Settings: edit", "My name, pitch, school, templates", self.open_settings
        )
        yield SystemCommand("Targets: open", "The target employer list", self.open_targets)
        yield from super().get_system_commands(screen)
        yield from contact_commands(self)

    def go_to_contact(self, contact_id: str) -> None:
        """Show the contact's card on the board, focused (from the command palette)."""
        from .screens.board import BoardScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, BoardScreen):
            self.pop_screen()
        board = self.screen
        if isinstance(board, BoardScreen):
            board.show_contact(contact_id)

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
        self.post_message(self.Saved(at))

    def _report_save_failed(self, error: Exception) -> None:  # called from the writer thread
        self.post_message(self.SaveFailed(error))

    def on_infoint_app_saved(self, message: Saved) -> None:
        self.last_saved, self.save_error = message.at, None

    def on_infoint_app_save_failed(self, message: SaveFailed) -> None:
        first_time = self.save_error is None
        self.save_error = message.error
        if first_time:
            self.notify(
                f"{message.error}. Your changes are kept in memory; infoint retries every few seconds.",
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
                copy = self.repo.write_recovery_copy()
            except Exception:
                return f"{error}; and no recovery copy could be written"
            return f"{error}; everything was saved to {copy}"
        return None
