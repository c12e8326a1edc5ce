"""One durable note save: the campaign opened with `open_campaign(path, autoflush=True)` (the
Repository, in a tree from before the use-case layer), a sentence appended to a meeting's notes,
`save_meeting` timed around the call (it is on disk when the call returns); beside it, one
SQLite commit of one row holding the same notes, in a WAL database in the same folder with
synchronous=FULL. The two alternate; the first pair is dropped (it creates the journal and the
database). Medians (min-max).

    python tests/benchmarks/bench_save.py [--runs 30] [--sizes 1k+3k,10k+30k]

Goal (SPEC "Performance"): 3 ms median at any campaign size. Never fails on a result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import machine, parser, setup, sizes, spread, table

# Runs in a child process with the measured tree. Prints the timings as JSON.
SAVES = r"""
import json, os, sqlite3, sys, time
from pathlib import Path

db, runs, sqlite_path = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
started = time.perf_counter()
try:
    from infoint_tui.actions.campaign import open_campaign
except ImportError:  # a tree from before the use-case layer
    from infoint_tui.store import Repository as open_campaign
campaign = open_campaign(db, autoflush=True)
opened = time.perf_counter() - started
slots = sorted(campaign.meeting_slots(), key=lambda slot: slot.id)
meeting = campaign.meeting(slots[len(slots) // 2].id)
sql = sqlite3.connect(sqlite_path, isolation_level=None)
sql.execute("PRAGMA journal_mode=WAL")
sql.execute("PRAGMA synchronous=FULL")
sql.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, meeting TEXT, notes TEXT)")
clock = time.perf_counter

def save(number):
    meeting.notes += f" Sentence {number}: they hire researchers from teaching, ask about it."
    start = clock()
    campaign.save_meeting(meeting)
    return clock() - start

def commit(number):
    start = clock()
    sql.execute("BEGIN")
    sql.execute("INSERT INTO notes (meeting, notes) VALUES (?, ?)", (meeting.id, meeting.notes))
    sql.execute("COMMIT")
    return clock() - start

ours, base = [], []
for number in range(runs + 1):
    pair = [(save, ours), (commit, base)]
    for measure, into in pair if number % 2 else reversed(pair):
        took = measure(number)
        if number:
            into.append(took)
print(json.dumps({"ours": ours, "sqlite": base, "opened": opened, "notes": len(meeting.notes)}))
"""


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=30, help="measured saves per size")
    ap.add_argument("--sizes", default="1k+3k,10k+30k", help="campaigns, e.g. 1k+3k,200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args, f"one durable note save, median of {args.runs} (min-max), beside an SQLite commit"
    )
    rows: list[list[object]] = [
        ["campaign", "file", "save_meeting", "SQLite commit", "journal after", "goal"]
    ]
    for size in sizes(args.sizes, args.note_words):
        folder = scratch / size.name
        db = campaigns.fresh_copy(size, folder)
        file_size = db.stat().st_size
        found = json.loads(
            tree.run(SAVES, str(db), str(args.runs), str(folder / "baseline.sqlite"), cwd=folder)
        )
        journal = db.with_name(db.name + ".journal")
        rows.append(
            [
                size.label,
                f"{file_size / 1e6:.1f} MB",
                spread(found["ours"], digits=2),
                spread(found["sqlite"], digits=2),
                f"{journal.stat().st_size / 1e3:.0f} kB" if journal.exists() else "n/a",
                "<= 3 ms median",
            ]
        )
        print(
            f"  {size.label}: opened in {found['opened']:.1f} s; notes of "
            f"{found['notes']:,} characters at the end",
            flush=True,
        )
    print()
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
