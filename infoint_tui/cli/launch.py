"""Opening the app: pick the file (or a demo), hold the session lock, run, and save at the end."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..actions.campaign import Campaign
    from .prefetch import Prefetch

MESSAGE_ALREADY_OPEN = (
    "{path} is already open in another infoint window; close that one first "
    "(commands like `infoint add` still work alongside it)"
)


class SessionLock:
    """Held while the app has the file open, so a second window does not work on stale data."""

    def __init__(self, path: Path) -> None:
        from ..actions.errors import AlreadyOpen, StoreError

        self.lock_path = path.with_name(path.name + ".session")
        self._fd: int | None = None
        self._other: Any = None
        if os.name == "posix":
            import fcntl

            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            try:
                fd = os.open(self.lock_path, flags, 0o600)
            except OSError as error:
                raise StoreError(
                    f"cannot open {path}: infoint keeps {self.lock_path.name} beside it, and "
                    f"{error.strerror.lower() if error.strerror else error}"
                ) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise AlreadyOpen(MESSAGE_ALREADY_OPEN.format(path=path)) from None
            self._fd = fd
        else:
            from filelock import FileLock, Timeout

            self._other = FileLock(str(self.lock_path), timeout=0, thread_local=False)
            try:
                self._other.acquire()
            except Timeout:
                raise AlreadyOpen(MESSAGE_ALREADY_OPEN.format(path=path)) from None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
        if self._other is not None:
            self._other.release()


def demo_path() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="infoint-demo-"))
    return folder / "demo.json"


def launch(
    args: argparse.Namespace, path: Path | None = None, prefetch: Prefetch | None = None
) -> int:
    """Run the app on `path` (or a fresh demo). The file is read before the screen opens, so a
    file that cannot be used is one line on the terminal, not a screen; unless `prefetch`, a
    second process, has the board ready: then the board shows first and the file is opened
    right after."""
    from ..actions.campaign import open_campaign
    from ..domain.clock import SystemClock

    clock = SystemClock()
    if args.demo:
        from ..actions.demo import seed_demo

        path = demo_path()
        seed_demo(open_campaign(path, clock=clock), clock.now())
    assert path is not None
    lock = SessionLock(Path(os.path.realpath(path)))
    try:
        from .encryption import open_asking, passphrase_ahead

        # An encrypted file's passphrase is asked for before the screen takes the terminal; its
        # key is derived (a quarter of a second) while the app's modules are imported.
        passphrase = passphrase_ahead(path)
        from ..app import InfointApp

        def opener() -> Campaign:
            return open_asking(path, passphrase, clock=clock, autoflush=False)

        payload = prefetch.result() if prefetch is not None else None
        if payload is not None:
            from .prefetch import cards_from

            app = InfointApp(
                opener=opener,
                clock=clock,
                demo=args.demo,
                prefetched=cards_from(payload),
                theme=str(payload.get("theme") or ""),
            )
        else:
            app = InfointApp(opener(), clock=clock, demo=args.demo)  # errors surface here
        app.run()
        problem = app.close_store()
        if problem:
            print(f"infoint: {problem}", file=sys.stderr)
            return 1
        for warning in app.warnings():
            print(f"infoint: warning: {warning}", file=sys.stderr)
        if args.demo:
            print(f"The demo campaign was left in {path}")
        return app.return_code or 0
    finally:
        lock.release()
