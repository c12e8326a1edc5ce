"""The lock every writer of a data file holds: one process (and one thread) writes at a time.

On POSIX it is an advisory `flock` on `<file>.lock`, made owner-only and never followed through a
symbolic link; elsewhere, filelock's lock on the same path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import ReadOnlyFile, StoreError

TIMEOUT = 10.0
_POLL = 0.01


class WriteLock:
    def __init__(self, data_path: Path, timeout: float = TIMEOUT) -> None:
        self.path = data_path.with_name(data_path.name + ".lock")
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._other: Any = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block (re-entrant within a thread). Raises StoreError when
        another program holds it for longer than the timeout or it cannot be made."""
        with self._thread_lock:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    def _acquire(self) -> None:
        if os.name != "posix":
            self._acquire_portable()
            return
        import fcntl

        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except IsADirectoryError:
            raise StoreError(
                f"{self.path} is a folder; infoint needs it for its lock file"
            ) from None
        except PermissionError:
            raise ReadOnlyFile(
                f"cannot write in {self.path.parent}: permission denied; nothing was written"
            ) from None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreError(f"{self.path} is a symbolic link; remove it") from None
            if error.errno == errno.EROFS:
                raise ReadOnlyFile(
                    f"{self.path.parent} is on a read-only disk; nothing was written"
                ) from None
            raise StoreError(f"cannot make the lock {self.path}: {error.strerror}") from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(
                        f"{self.path.with_suffix('')} is locked by another program (waited "
                        f"{self.timeout:.0f} s); nothing was written"
                    ) from None
                time.sleep(_POLL)
        self._fd = fd

    def _release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
        if self._other is not None:
            self._other.release()

    def _acquire_portable(self) -> None:
        from filelock import FileLock, Timeout

        if self._other is None:
            self._other = FileLock(str(self.path), timeout=self.timeout, mode=0o600)
        try:
            self._other.acquire()
        except Timeout:
            raise StoreError(
                f"{self.path.with_suffix('')} is locked by another program; nothing was written"
            ) from None
