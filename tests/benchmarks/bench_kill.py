"""Kill -9 while typing: the real app in a pseudo-terminal, live notes opened with the keys a
user presses (l l i), typing a key every 30 ms; SIGKILL to the app and every process it started
at a random moment 3-6 s into the typing. Then the campaign is loaded with the tree's own store
(the file and, where there is one, its journal): the meeting's notes must be what they were
plus a prefix of what was typed; the keys after that prefix are the typing lost, in seconds
(from the first lost key to the kill). The data file must also still open with plain TinyDB.

    python tests/benchmarks/bench_kill.py [--rounds 10] [--size 1k+3k] [--seed 1]

Goal (issue 12): at most 2 s lost, never a broken state. Never fails on a result.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    Size,
    Tree,
    changed_notes,
    machine,
    notes_of,
    open_live_notes,
    parser,
    prose,
    setup,
    spread,
    table,
)
from terminal import Terminal

TINYDB_READS = (
    "import sys\nfrom tinydb import TinyDB\n"
    "db = TinyDB(sys.argv[1], access_mode='r')\n"
    "print(sum(len(db.table(name)) for name in db.tables()))\n"
)


def one_round(
    tree: Tree, db: Path, before: dict[str, str], after: float, interval: float
) -> tuple[float | None, str]:
    """Seconds of typing lost (None: a broken state) and what happened, in words."""
    text = prose(int((after + 2) / interval))
    sent: list[float] = []
    with Terminal(tree.app(db), tree.env(), str(db.parent)) as term:
        open_live_notes(term)
        kill_at = time.perf_counter() + after
        next_at = time.perf_counter()
        for char in text:
            if next_at >= kill_at:
                break
            time.sleep(max(0.0, next_at - time.perf_counter()))
            sent.append(term.send(char.encode()))
            next_at += interval
        time.sleep(max(0.0, kill_at - time.perf_counter()))
        killed = time.perf_counter()
        term.kill()  # SIGKILL, the app and every process it started
    typed = text[: len(sent)]
    try:
        notes = notes_of(tree, db)
        tree.run(TINYDB_READS, str(db), cwd=db.parent)
    except RuntimeError as error:
        return None, f"does not load: {str(error).strip().splitlines()[-1]}"
    changed = changed_notes(before, notes)
    if len(changed) > 1:
        return None, f"{len(changed)} meetings changed, one was typed into"
    kept = 0
    if changed:
        old, new = next(iter(changed.values()))
        if not new.startswith(old) or not typed.startswith(new[len(old) :]):
            return None, "the notes are not what was typed"
        kept = len(new) - len(old)
    lost = 0.0 if kept >= len(sent) else killed - sent[kept]
    return lost, f"{kept} of {len(sent)} keys kept"


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--size", default="1k+3k", help="the campaign, e.g. 1k+3k or 200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    ap.add_argument("--interval", type=float, default=0.03, help="seconds between keys")
    ap.add_argument("--seed", type=int, default=1, help="for the moments of the kills")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args,
        f"kill -9 while typing a key every {args.interval * 1000:.0f} ms, {args.rounds} rounds",
    )
    size = Size.parse(args.size, args.note_words)
    before = notes_of(tree, campaigns.built(size))
    rng = random.Random(args.seed)
    losses: list[float] = []
    broken = 0
    for number in range(1, args.rounds + 1):
        db = campaigns.fresh_copy(size, scratch / "kill")
        after = rng.uniform(3.0, 6.0)
        lost, what = one_round(tree, db, before, after, args.interval)
        if lost is None:
            broken += 1
            print(f"  round {number}: killed at {after:.1f} s: BROKEN: {what}", flush=True)
        else:
            losses.append(lost)
            print(
                f"  round {number}: killed at {after:.1f} s: {what}, {lost:.2f} s lost", flush=True
            )
    print()
    table(
        [
            [f"on {size.label}", "seconds of typing lost", "worst", "broken states", "goal"],
            [
                f"{args.rounds} kills",
                spread(losses, 1, "s", 2),
                f"{max(losses):.2f} s" if losses else "n/a",
                broken,
                "<= 2 s, never broken",
            ],
        ]
    )
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
