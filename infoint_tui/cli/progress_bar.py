"""The progress bar of a long import, drawn with rich on the terminal's standard error.

Drawn only where a person watches: when standard error is a terminal. Piped or redirected, an
import prints its summary and nothing else. A phase shorter than `SHOWN_FROM` steps draws no
bar: a handful of vCards is over before a bar could be read.
"""

from __future__ import annotations

from typing import IO, Any

from ..formats.progress import QUIET, Progress, Step

SHOWN_FROM = 500
# Steps between two updates of a bar: rich redraws ten times a second on its own thread.
UPDATES_PER_PHASE = 200


def progress_for(stream: IO[str]) -> Progress:
    """A bar on `stream` when it is a terminal, else QUIET."""
    try:
        on_terminal = stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real file
        on_terminal = False
    return BarProgress(stream) if on_terminal else QUIET


class BarProgress(Progress):
    """One line per phase: what is being done, a bar, how many of how many, time left."""

    def __init__(self, stream: IO[str], *, force_terminal: bool | None = None) -> None:
        self.stream = stream
        self.force_terminal = force_terminal
        self._bars: Any = None

    def _started(self) -> Any:
        if self._bars is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bars

            console = Console(file=self.stream, force_terminal=self.force_terminal)
            self._bars = Bars(
                TextColumn("{task.description:<16}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self._bars.start()
        return self._bars

    def phase(self, label: str, total: int) -> Step:
        if total < SHOWN_FROM:
            return QUIET.phase(label, total)
        bars = self._started()
        task = bars.add_task(label, total=total)
        every = max(1, total // UPDATES_PER_PHASE)
        count = 0

        def step() -> None:
            nonlocal count
            count += 1
            if count % every == 0 or count == total:
                bars.update(task, completed=count)

        return step

    def done(self) -> None:
        if self._bars is not None:
            self._bars.stop()
            self._bars = None
