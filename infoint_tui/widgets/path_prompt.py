"""Ask where to write a file: a path prefilled with a sensible default, checked as it is typed.

`push_screen(PathPrompt(title, default, write), callback)`: `write(path)` is called on enter,
in a worker thread (a file may be slow to write); an OSError it raises is shown in the dialog,
which stays open. The callback gets the path
written, or None if the user cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from .text import escape


def resolve(text: str, default_name: str) -> Path:
    """The file a typed path means: `~` expanded; a folder gets the default file name."""
    path = Path(text.strip()).expanduser()
    if text.strip().endswith(("/", "\\")) or path.is_dir():
        path = path / default_name
    return path


class PathPrompt(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    CSS = """
    PathPrompt { align: center middle; background: $background 60%; }
    PathPrompt #path-dialog {
        width: 90; max-width: 95%; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    PathPrompt #path-title { text-style: bold; width: 100%; }
    PathPrompt #path { margin-top: 1; }
    PathPrompt #path-hint { color: $text-muted; margin-top: 1; width: 100%; }
    PathPrompt #path-hint.-error { color: $error; }
    """

    def __init__(self, title: str, default: Path, write: Callable[[Path], None]) -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.write = write

    def compose(self) -> ComposeResult:
        with Vertical(id="path-dialog"):
            yield Label(self.title_text, id="path-title")
            yield Input(str(self.default), id="path")
            yield Label("", id="path-hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        self._check(str(self.default))

    @on(Input.Changed, "#path")
    def _changed(self, event: Input.Changed) -> None:
        self._check(event.value)

    def _check(self, text: str) -> bool:
        hint = self.query_one("#path-hint", Label)
        if not text.strip():
            hint.update("Type where to save the file.")
            hint.set_class(True, "-error")
            return False
        path = resolve(text, self.default.name)
        if not path.parent.is_dir():
            hint.update(escape(f"No folder {path.parent}"))
            hint.set_class(True, "-error")
            return False
        note = "exists and will be replaced" if path.exists() else "a new file"
        hint.update(escape(f"{path}: {note}. Enter saves, escape cancels."))
        hint.set_class(False, "-error")
        return True

    @on(Input.Submitted, "#path")
    def _submit(self, event: Input.Submitted) -> None:
        if not self._check(event.value):
            return
        self.write_in_background(resolve(event.value, self.default.name))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def write_in_background(self, path: Path) -> None:
        try:
            self.write(path)
        except OSError as problem:
            self.app.call_from_thread(
                self._show_failure, f"Could not write {path}: {problem.strerror or problem}"
            )
            return
        self.app.call_from_thread(self.dismiss, path)

    def _show_failure(self, message: str) -> None:
        hint = self.query_one("#path-hint", Label)
        hint.update(escape(message))
        hint.set_class(True, "-error")

    def action_cancel(self) -> None:
        self.dismiss(None)
