"""`infoint backups` and `infoint restore`: the copies kept beside the file, and the way back."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from . import DataError, UsageError, db_path


def register_backups(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser(
        "backups",
        parents=[common],
        help="list the backups of the data file, newest first",
        description="List the backups kept beside the data file (newest first), with their "
        "size and how many contacts each holds. `infoint restore N` puts one back.",
    )
    listing.set_defaults(run=cmd_backups)
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="put a backup back in place of the data file",
        description="Put a backup in place of the data file: the newest one, or the one given "
        "by its number in `infoint backups`, its file name or its path. The campaign as it is "
        "now is backed up first; a backup that does not load is refused.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="number, name or path")
    restore.set_defaults(run=cmd_restore)


def _backups(path: Path) -> list[Path]:
    from ..store.backups import list_backups

    return list(reversed(list_backups(path)))


def cmd_backups(args: argparse.Namespace) -> int:
    from ..domain.text import clean_text
    from ..store.layout import Malformed, read_file

    path = db_path(args)
    found = _backups(path)
    if not found:
        print(f"no backups of {path} yet (one is kept each time the file is rewritten)")
        return 0
    print(f"Backups of {path}, newest first:")
    for number, backup in enumerate(found, 1):
        info = backup.stat()
        try:
            contents = read_file(backup)
            count = len(contents[0].tables.get("contacts") or {}) if contents else 0
            what = f"{count} contact{'s' if count != 1 else ''}"
        except (Malformed, OSError) as problem:
            what = f"unreadable: {problem}"
        saved = datetime.fromtimestamp(info.st_mtime)
        when = f"{saved:%a} {saved.day:>2} {saved:%b %Y %H:%M}"
        name = clean_text(backup.name)
        print(f"  {number:>2}  {when}  {name:<44} {_size(info.st_size):>8}  {what}")
    print("Put one back with: infoint restore NUMBER (the current file is backed up first)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from . import open_campaign
    from .launch import SessionLock

    path = db_path(args)
    backup = _chosen(path, args.backup)
    lock = SessionLock(path)  # refused while the app has the file open
    try:
        campaign = open_campaign(args, create=False)
        campaign.store.engine.restore(backup)
    finally:
        lock.release()
    print(f"restored {backup.name}; the campaign as it was is in the newest backup")
    return 0


def _chosen(path: Path, wanted: str | None) -> Path:
    found = _backups(path)
    if wanted is None:
        if not found:
            raise DataError(f"no backups of {path} to restore")
        return found[0]
    if wanted.isdigit():
        number = int(wanted)
        if not 1 <= number <= len(found):
            raise UsageError(f"there is no backup {number} (see infoint backups)")
        return found[number - 1]
    for backup in found:
        if backup.name == wanted:
            return backup
    candidate = Path(wanted).expanduser()
    if candidate.is_file():
        return candidate
    raise UsageError(f"no backup named {wanted!r} (see infoint backups)")


def _size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000  # type: ignore[assignment]
    return ""
