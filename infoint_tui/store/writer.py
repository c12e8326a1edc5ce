"""A background thread that writes the Repository to disk, so saving never blocks the UI.

Changes land in memory at once; `request()` wakes the thread, which writes everything
pending in one atomic write. Failures are reported, and the changes stay pending for the
next try, so nothing is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from .engine import FileEngine

RETRY_SECONDS = 5.0


class BackgroundWriter:
    def __init__(
        self,
        engine: FileEngine,
        now: Callable[[], datetime],
        on_saved: Callable[[datetime], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self.engine = engine
        self._now = now
        self.on_saved = on_saved
        self.on_error = on_error
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self.last_error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="infoint-writer", daemon=True)
        self._thread.start()

    def request(self) -> None:
        self._idle.clear()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait(timeout=RETRY_SECONDS if self.last_error else None)
            self._wake.clear()
            if self._stopping:
                return
            self._flush_once()
            if not self._wake.is_set():
                self._idle.set()

    def _flush_once(self) -> None:
        try:
            wrote = self.engine.flush()
        except Exception as error:  # reported to the UI; the journal keeps the changes
            self.last_error = error
            if self.on_error is not None:
                self.on_error(error)
            return
        had_error, self.last_error = self.last_error, None
        if (wrote or had_error) and self.on_saved is not None:
            self.on_saved(self._now())

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything requested so far is written (or failed)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Stop the thread, then write what is pending in the caller's thread (raises on failure)."""
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=30)
        self.engine.flush()
