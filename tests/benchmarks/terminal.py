"""Run a command in a pseudo-terminal and time it, draining its output (for the benchmarks)."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time


def timed_in_pty(
    argv: list[str],
    env: dict[str, str] | None = None,
    size: tuple[int, int] = (120, 40),
    timeout: float = 60,
) -> float:
    """Seconds from spawning `argv` in a pty until it exits."""
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    full_env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(size[0]),
        "LINES": str(size[1]),
        **(env or {}),
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, close_fds=True
    )
    os.close(slave)
    deadline = start + timeout
    while process.poll() is None:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            with contextlib.suppress(OSError):
                os.read(master, 65536)
        if time.perf_counter() > deadline:
            process.kill()
            raise TimeoutError(" ".join(argv))
    elapsed = time.perf_counter() - start
    os.close(master)
    if process.returncode != 0:
        print(f"warning: {argv} exited {process.returncode}", file=sys.stderr)
    return elapsed
