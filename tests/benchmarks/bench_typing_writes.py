"""Bytes written by a minute of typing: the real app in a pseudo-terminal on the 12 MB campaign,
live notes opened with the keys a user presses (l l i: the Scheduled column's first card),
then typing at about 5 keys a second for --seconds. /proc/PID/io of the app and every process
it started is read before the first key and 3 s after the last (the last autosave): `wchar`
(every write call; what it painted on the terminal is counted apart) and `write_bytes` (what
reached the disk); the data file's and the journal's sizes too. Afterwards the app quits, and the notes it saved are checked to hold what
was typed.

    python tests/benchmarks/bench_typing_writes.py [--seconds 60] [--size 1k+3k]

Goal (SPEC "Performance", issue 12): a minute of typing writes at most 1 MB. Never fails on a
result.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    Size,
    changed_notes,
    machine,
    notes_of,
    open_live_notes,
    parser,
    prose,
    setup,
    table,
)
from terminal import Terminal, written


def files(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each file beside the data file: (size, inode, mtime) to tell an append from a rewrite."""
    out = {}
    for path in folder.iterdir():
        if path.is_file():
            info = path.stat()
            out[path.name] = (info.st_size, info.st_ino, info.st_mtime_ns)
    return out


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--seconds", type=float, default=60.0, help="how long to type")
    ap.add_argument("--rate", type=float, default=5.0, help="keys a second")
    ap.add_argument("--size", default="1k+3k", help="the campaign, e.g. 1k+3k or 200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args, f"bytes written by {args.seconds:.0f} s of typing at {args.rate:.0f} keys a second"
    )
    size = Size.parse(args.size, args.note_words)
    folder = scratch / "typing"
    db = campaigns.fresh_copy(size, folder)
    before_notes = notes_of(tree, campaigns.built(size))
    journal = db.with_name(db.name + ".journal")
    text = prose(int(args.seconds * args.rate))
    with Terminal(tree.app(db), tree.env(), str(folder)) as term:
        open_live_notes(term)
        files_before, lines_before = files(folder), lines(journal)
        wchar_before, disk_before = written(term.pid)
        painted_before = term.offset
        started = time.perf_counter()
        next_at = started
        for char in text:
            time.sleep(max(0.0, next_at - time.perf_counter()))
            term.send(char.encode())
            next_at += 1 / args.rate
        typed_for = time.perf_counter() - started
        time.sleep(3.0)  # the last autosave
        wchar_after, disk_after = written(term.pid)
        painted = term.offset - painted_before
        files_after, lines_after = files(folder), lines(journal)
        term.send(b"\x1b")  # leave live notes (they are saved), then quit
        term.quiet_for(0.5)
        term.send(b"q")
        code = term.wait_exit(120)
    after_notes = notes_of(tree, db)
    changed = changed_notes(before_notes, after_notes)
    kept = any(new == old + text or new == old + text.rstrip() for old, new in changed.values())
    per_minute = 60 / typed_for
    wchar, disk = (wchar_after - wchar_before), (disk_after - disk_before)
    print(
        f"  {size.label} ({db.stat().st_size / 1e6:.1f} MB): typed {len(text)} keys in "
        f"{typed_for:.1f} s; the app {'quit' if code == 0 else f'ended with {code}'}; the "
        f"typed text {'is' if kept else 'is NOT'} in the saved notes",
        flush=True,
    )
    print()
    rows: list[list[object]] = [["while typing", "bytes", "per minute", "goal"]]
    files_only = wchar - painted
    rows.append(["wchar, all write calls", f"{wchar:,}", f"{wchar * per_minute / 1e6:.3f} MB", ""])
    rows.append(["  of which to the terminal", f"{painted:,}", "", ""])
    rows.append(
        [
            "  to files (the rest)",
            f"{files_only:,}",
            f"{files_only * per_minute / 1e6:.3f} MB",
            "<= 1 MB",
        ]
    )
    rows.append(["write_bytes (to disk)", f"{disk:,}", f"{disk * per_minute / 1e6:.3f} MB", ""])
    for name in sorted(set(files_before) | set(files_after)):
        old, new = files_before.get(name), files_after.get(name)
        if old == new:
            continue
        grew = (new[0] if new else 0) - (old[0] if old else 0)
        how = "rewritten" if old and new and old[1] != new[1] else "changed"
        rows.append([f"{name} ({how})", f"{grew:+,}", "", ""])
    added = f"{lines_after - lines_before}" if tree.has_journal else "n/a"
    rows.append(["journal lines added", added, "", ""])
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
