"""First paint: from starting `python -m infoint_tui --db FILE` in a pseudo-terminal until the
board's first line ("contacts ·") reaches it, beside a bare Textual app (a header, a label,
a footer) until "BARE READY" reaches it. Runs alternate, the first pair is dropped; medians
(min-max) and their ratio are printed, one campaign size at a time. Never fails on a slow result.

    python tests/benchmarks/bench_startup.py [--runs 9] [--sizes 1k+3k,10k,30k]
    python tests/benchmarks/bench_startup.py --root ../wt-before --python ../wt-before/.venv/bin/python

Goals (SPEC "Performance"): 1.10x with 1k contacts + 3k meetings, 1.5x with 10k, 2.5x with 30k.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    BARE_APP,
    BARE_NEEDLE,
    BOARD_NEEDLE,
    alternate,
    machine,
    median,
    parser,
    setup,
    sizes,
    spread,
    table,
)
from terminal import SIZE, first_paint

GOALS = {"1k+3k": 1.10, "10k": 1.5, "30k": 2.5}


def run(
    argv: list[str],
    needle: bytes,
    env: dict[str, str],
    folder: Path,
    prepare: Callable[[], object] | None,
) -> float:
    """One first paint; `prepare` first (a fresh copy of the campaign: a run's quit, a fold or
    a backup, is not the next run's start)."""
    if prepare is not None:
        prepare()
    return first_paint(argv, needle, env, str(folder))


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=9, help="measured pairs per size")
    ap.add_argument("--sizes", default="1k+3k,10k,30k", help="campaigns, e.g. 1k+3k,10k,200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args, f"first paint at {SIZE[0]}x{SIZE[1]}, median of {args.runs} (min-max)"
    )
    rows: list[list[object]] = [
        ["campaign", "file", "infoint", "bare Textual app", "ratio", "goal"]
    ]
    for size in sizes(args.sizes, args.note_words):
        folder = scratch / size.name
        db = campaigns.fresh_copy(size, folder)
        env = tree.env()

        ours = partial(
            run,
            tree.app(db),
            BOARD_NEEDLE,
            env,
            folder,
            partial(campaigns.fresh_copy, size, folder),
        )
        bare = partial(run, [tree.python, "-c", BARE_APP], BARE_NEEDLE, env, scratch, None)
        app, base = alternate(args.runs, ours, bare)
        goal = GOALS.get(size.name)
        rows.append(
            [
                size.label,
                f"{db.stat().st_size / 1e6:.1f} MB",
                spread(app),
                spread(base),
                f"{median(app) / median(base):.2f}x",
                f"<= {goal:.2f}x" if goal else "",
            ]
        )
        print(f"  {size.label}: infoint {spread(app)}, bare {spread(base)}", flush=True)
    print()
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
