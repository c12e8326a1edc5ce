"""Desktop notifications for `infoint agenda --notify` (run from cron or a shell login).

notify-send where it is installed (Linux desktops), osascript on macOS, else an OSC 9 or
OSC 777 escape sequence when stdout is a terminal (terminals that support one show it as a
notification and the others ignore it), else nothing. The text is cleaned of control
characters first: it holds names from the data file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from typing import TextIO

from .domain.text import clean_text

TIMEOUT_S = 10


def send(
    title: str,
    body: str,
    *,
    stream: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> str:
    """Raise a notification; return how ("notify-send", "osascript", "osc") or "" if none."""
    stream = stream if stream is not None else sys.stdout
    env = env if env is not None else os.environ
    platform = platform or sys.platform
    title, body = clean_text(title), clean_text(body, multiline=True)
    path = env.get("PATH", os.defpath)
    notify_send = shutil.which("notify-send", path=path)
    if notify_send and _run([notify_send, "--app-name=infoint", title, body]):
        return "notify-send"
    osascript = shutil.which("osascript", path=path) if platform == "darwin" else None
    if osascript:
        script = f"display notification {_apple(body)} with title {_apple(title)}"
        if _run([osascript, "-e", script]):
            return "osascript"
    if _is_terminal(stream):
        stream.write(terminal_sequence(title, body, env))
        stream.flush()
        return "osc"
    return ""


def _run(argv: list[str]) -> bool:
    try:
        done = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _apple(text: str) -> str:
    """An AppleScript string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def terminal_sequence(title: str, body: str, env: Mapping[str, str]) -> str:
    """OSC 777 for the terminals that read it (rxvt, VTE-based, foot), else OSC 9 (iTerm2,
    WezTerm, kitty, Windows Terminal, Ghostty). One line each: escapes end at BEL."""
    title = clean_text(title).replace(";", ",")
    line = clean_text(" · ".join(part for part in body.splitlines() if part.strip()))
    term = env.get("TERM", "")
    if "rxvt" in term or env.get("VTE_VERSION") or term.startswith("foot"):
        return f"\x1b]777;notify;{title};{line}\x07"
    return f"\x1b]9;{title}: {line}\x07"
