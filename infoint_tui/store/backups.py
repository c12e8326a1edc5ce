"""Backups beside the data file: the newest few, and one per day for a month.

The file is never changed in place (each write replaces it whole), so the version about to be
replaced is kept as a backup by a hard link: no copy, no time. Where a link cannot be made
(another disk, a file system without links) it is copied.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, timedelta
from pathlib import Path

from .atomic import atomic_write, remove_stale_temp_files

KEEP_NEWEST = 5
KEEP_DAYS = 30
MIN_INTERVAL = timedelta(minutes=10)


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def list_backups(path: Path) -> list[Path]:
    """Backups of `path`, oldest first: by when the campaign they hold was saved."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".json") and not entry.name.startswith("."):
            with contextlib.suppress(OSError):
                if entry.is_file() and not entry.is_symlink():
                    found.append(entry)
    return sorted(found, key=_saved_at)


def _saved_at(backup: Path) -> tuple[float, str]:
    try:
        return (backup.stat().st_mtime, backup.name)
    except OSError:
        return (0.0, backup.name)


def newest_backup(path: Path) -> Path | None:
    try:
        backups = list_backups(path)
    except OSError:
        return None
    return backups[-1] if backups else None


def make_backup(path: Path, now: datetime, label: str = "", force: bool = False) -> Path | None:
    """Keep the file as it is on disk now in the backup folder, then prune old backups.

    Skipped when the newest backup is recent, unless `force` (before a migration, a restore).
    Raises OSError when the folder cannot be made or written.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    backups = sorted(list_backups(path), key=lambda p: (_time_of(p) or datetime.min, p.name))
    if backups and not force:
        newest_time = _time_of(backups[-1])
        if newest_time is not None and now.replace(tzinfo=None) - newest_time < MIN_INTERVAL:
            return None
    folder = backup_folder(path)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise OSError(20, f"{folder} is not a folder")
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{label}" if label else ""
    target = folder / f"{path.stem}-{stamp}{suffix}.json"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{stamp}-{counter}{suffix}.json"
    try:
        os.link(path, target)
    except OSError:
        with open(path, "rb") as source:
            atomic_write(target, iter(lambda: source.read(1 << 20), b""))
    prune(path, now)
    return target


def sweep_backup_folder(path: Path) -> None:
    """Remove what writers killed half-way left beside the file and in the backup folder."""
    remove_stale_temp_files(path)
    folder = backup_folder(path)
    if folder.is_dir() and not folder.is_symlink():
        remove_stale_temp_files(folder)


def prune(path: Path, now: datetime) -> None:
    backups = sorted(list_backups(path), key=lambda p: (_time_of(p) or datetime.min, p.name))
    keep = set(backups[-KEEP_NEWEST:])
    seen_days: set[str] = set()
    horizon = now.replace(tzinfo=None) - timedelta(days=KEEP_DAYS)
    for backup in reversed(backups):
        moment = _time_of(backup)
        if moment is None:
            keep.add(backup)  # not ours to judge
            continue
        day = moment.strftime("%Y%m%d")
        if moment >= horizon and day not in seen_days:
            keep.add(backup)
        seen_days.add(day)
    for backup in backups:
        if backup not in keep:
            with contextlib.suppress(OSError):
                os.unlink(backup)


def _time_of(backup: Path) -> datetime | None:
    parts = backup.stem.split("-")
    for i in range(len(parts) - 1):
        if len(parts[i]) == 8 and len(parts[i + 1]) == 6 and (parts[i] + parts[i + 1]).isdigit():
            try:
                return datetime.strptime(parts[i] + parts[i + 1], "%Y%m%d%H%M%S")
            except ValueError:
                return None
    return None
