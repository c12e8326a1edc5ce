"""One `infoint add` as a whole process on a campaign of 5,000 contacts, in a pseudo-terminal,
beside `python -c pass`; alternating, a first round dropped (it also takes the session's
backup); medians (min-max).

    python tests/benchmarks/bench_add.py [--contacts 5000] [--runs 7]
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Size, alternate, machine, parser, setup, spread, table
from terminal import whole_process


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--contacts", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    tree, campaigns, scratch = setup(args, f"infoint add, median of {args.runs} (min-max)")
    size = Size(args.contacts)
    db = campaigns.fresh_copy(size, scratch / "add")
    env, cwd = tree.env(), str(db.parent)
    numbers = itertools.count()

    def add() -> float:
        name = f"Bench Person {next(numbers)}"
        return whole_process(
            tree.command("add", name, "--company", "Acme", "--db", str(db)), env, cwd
        )

    def bare() -> float:
        return whole_process([tree.python, "-c", "pass"], env, cwd)

    ours, base = alternate(args.runs, add, bare)
    table(
        [
            [f"on {size.label} ({db.stat().st_size / 1e6:.2f} MB)", "time"],
            ["infoint add", spread(ours)],
            ["python -c pass", spread(base)],
        ]
    )
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
