"""Opening the app: pick the file (or a demo), hold the session lock, run, and flush at the end."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

from .store import AlreadyOpen, Repository


def session_lock(path: Path) -> FileLock:
    """Held while the app has the file open, so a second window does not work on stale data."""
    lock = FileLock(str(path.with_name(path.name + ".session")), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise AlreadyOpen(
            f"{path} is already open in another infoint window; close that one first "
            "(commands like `infoint add` still work alongside it)"
        ) from None
    return lock


def demo_path() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="infoint-demo-"))
    return folder / "demo.json"


def launch(args: argparse.Namespace) -> int:
    from .cli import db_path
    from .domain.clock import SystemClock

    clock = SystemClock()
    if args.demo:
        from .demo import seed_demo

        path = demo_path()
        seed_demo(Repository(path, clock=clock), clock.now())
    else:
        path = db_path(args)
    repo = Repository(path, clock=clock, autoflush=False)
    from .gc_policy import freeze_loaded_data

    freeze_loaded_data()  # it lives as long as the app: no full collection rescans it
    lock = session_lock(path)
    try:
        from .app import InfointApp

        app = InfointApp(repo, demo=args.demo)
        app.run()
        problem = app.close_store()
        if problem:
            print(f"infoint: {problem}", file=sys.stderr)
            return 1
        if args.demo:
            print(f"The demo campaign was left in {path}")
        return app.return_code or 0
    finally:
        lock.release()
