"""Rotating backups beside the data file: the newest few, and one per day for a month."""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from .atomic import atomic_write

KEEP_NEWEST = 5
KEEP_DAYS = 30
MIN_INTERVAL = timedelta(minutes=10)


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def list_backups(path: Path) -> list[Path]:
    """Backups of `path`, oldest first (their names sort by time)."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(".json") and p.is_file())


def newest_backup(path: Path) -> Path | None:
    backups = list_backups(path)
    return backups[-1] if backups else None


def make_backup(path: Path, now: datetime, label: str = "", force: bool = False) -> Path | None:
    """Copy the file as it is on disk now into the backup folder, then prune old copies.

    Skipped when the newest backup is recent, unless `force` (before a migration).
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    backups = list_backups(path)
    if backups and not force:
        newest_time = _time_of(backups[-1])
        if newest_time is not None and now.replace(tzinfo=None) - newest_time < MIN_INTERVAL:
            return None
    folder = backup_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{label}" if label else ""
    target = folder / f"{path.stem}-{stamp}{suffix}.json"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{stamp}-{counter}{suffix}.json"
    with open(path, "rb") as source:
        atomic_write(target, iter(lambda: source.read(1 << 20), b""))
    prune(path, now)
    return target


def prune(path: Path, now: datetime) -> None:
    backups = list_backups(path)
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


def restore_backup(backup: Path, path: Path) -> None:
    """Put a backup in place of the data file (the current file is kept as *.broken)."""
    if path.exists():
        broken = path.with_name(path.name + ".broken")
        shutil.copyfile(path, broken)
    with open(backup, "rb") as source:
        atomic_write(path, iter(lambda: source.read(1 << 20), b""))
