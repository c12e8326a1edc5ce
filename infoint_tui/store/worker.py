"""The app's store thread: it writes every change, watches for other programs' changes, and
folds the journal into the file when the app is idle. The UI thread never waits on the disk.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

from .repository import Repository

WATCH_SECONDS = 1.0  # how often another program's change is looked for
RETRY_SECONDS = 5.0  # after a failed write
FOLD_WHEN_IDLE_SECONDS = 30.0  # no change for this long: the journal goes into the file


class StoreThread:
    def __init__(
        self,
        repo: Repository,
        now: Callable[[], datetime],
        on_saved: Callable[[datetime], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self.repo = repo
        self._now = now
        self.on_saved = on_saved
        self.on_error = on_error
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self._last_change = time.monotonic()
        self.last_error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="infoint-store", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Something changed: write it now."""
        self._idle.clear()
        self._last_change = time.monotonic()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait(timeout=RETRY_SECONDS if self.last_error else WATCH_SECONDS)
            self._wake.clear()
            if self._stopping:
                return
            self._step()
            if not self._wake.is_set():
                self._idle.set()

    def _step(self) -> None:
        repo = self.repo
        try:
            if repo.dirty:
                wrote = repo.flush()
            else:
                wrote = False
                repo.engine.poll()  # another program's changes reach the app through on_change
                idle = time.monotonic() - self._last_change > FOLD_WHEN_IDLE_SECONDS
                if idle and repo.engine.journal_bytes:
                    repo.engine.fold()
        except Exception as error:  # reported to the UI; what is pending stays pending
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

    def stop(self) -> None:
        """Stop the thread (what is pending stays pending: `Repository.close` writes it)."""
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=30)
