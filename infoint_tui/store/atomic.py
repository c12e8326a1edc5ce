"""Durable, atomic file writes: temp file beside the target, fsync, os.replace, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def atomic_write(path: Path, chunks: Iterable[bytes], mode: int = 0o600) -> None:
    """Write `chunks` to `path` so that a crash leaves either the old file or the new one.

    A symbolic link stays a link: its target is written. Anything but a regular file (a
    folder, a device, a pipe) is refused with an OSError, never replaced."""
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    with contextlib.suppress(FileNotFoundError):
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file", str(path))
    temp = _temp_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder; the data is still replaced
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path) -> int:
    """Delete temp files a killed writer left beside `path` (or, given a folder, in it); a live
    writer's are kept."""
    folder, prefix = (path, ".") if path.is_dir() else (path.parent, f".{path.name}.")
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        parts = name.split(".")  # ".<name>.<pid>.<hex>.tmp"
        pid_text = parts[-3] if len(parts) >= 4 else ""
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill would terminate the process on Windows
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
