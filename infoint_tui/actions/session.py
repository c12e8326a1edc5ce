"""An open campaign in the app: changes written by a background thread, other programs' changes
watched, and the app told what changed, from where.

The app holds a Session and never the store: `session.campaign` is what screens use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .campaign import Campaign

if TYPE_CHECKING:
    from ..store.engine import Changed
    from ..store.worker import StoreThread

# What changed: record ids by table; `everything` (any record may have), `elsewhere` (another
# program did it).
ChangeListener = Callable[[Mapping[str, frozenset[str]], bool, bool], None]


class Session:
    def __init__(
        self,
        campaign: Campaign,
        *,
        on_changed: ChangeListener | None = None,
        on_saved: Callable[[datetime], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        from ..store.worker import StoreThread

        self.campaign = campaign
        self.on_changed = on_changed
        store = campaign.store
        store.autoflush = False
        self.thread: StoreThread = StoreThread(
            store, campaign.clock.now, on_saved=on_saved, on_error=on_error
        )
        store.on_change = self._changed
        self.recovery_copy: Path | None = None
        if store.dirty:
            self.thread.request()

    def _changed(self, changed: Changed, elsewhere: bool) -> None:
        if not elsewhere:
            self.thread.request()
        if self.on_changed is not None:
            records = {table: frozenset(ids) for table, ids in changed.records.items()}
            self.on_changed(records, elsewhere, changed.everything)

    def save_now(self) -> None:
        self.thread.request()

    def wait_saved(self, timeout: float | None = None) -> bool:
        """Block until what was changed so far is written (tests; the quit path)."""
        return self.thread.wait_idle(timeout)

    @property
    def warnings(self) -> list[str]:
        """What went wrong without losing anything (a backup that could not be made)."""
        return self.campaign.store.engine.warnings

    @property
    def stopped(self) -> str | None:
        """Why writing stopped for good (the file became another campaign), or None."""
        return self.campaign.store.engine.stopped

    @property
    def unreadable(self) -> dict[tuple[str, str], str]:
        """Records that could not be read, kept in the file as they are."""
        return self.campaign.store.unreadable

    def check_file(self) -> None:
        """Read every meeting's notes once (off the UI thread): raises StoreError if one
        cannot be read, before anything is written over it."""
        self.campaign.store.engine.check_notes()

    def keep_recovery_copy(self) -> Path | None:
        """Everything in memory to a file beside the data file, when the file cannot be
        written; the same copy is refreshed on each failure. None if even that failed."""
        try:
            self.recovery_copy = self.campaign.store.write_recovery_copy(self.recovery_copy)
        except Exception:
            self.recovery_copy = None
        return self.recovery_copy

    def close(self) -> str | None:
        """Write everything and fold the journal into the file; on failure, put a recovery
        copy somewhere and say where (one line)."""
        self.thread.stop()
        store = self.campaign.store
        store.on_change = None
        if self.stopped:
            if not store.dirty:
                return None
            copy = self.keep_recovery_copy()
            where = f"your latest changes are in {copy}" if copy else "no copy could be written"
            return f"{self.stopped}; {where}"
        try:
            store.close()
        except Exception as error:
            copy = self.keep_recovery_copy()
            if copy is None:
                return f"{error}; and no recovery copy could be written"
            return f"{error}; everything was saved to {copy}"
        return None
