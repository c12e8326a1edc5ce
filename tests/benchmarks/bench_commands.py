"""Commands that open no screen, as whole processes: `list --json` and `agenda` on the 1k + 3k
campaign, in a pseudo-terminal, beside `python -c pass` and `python -c "import textual"` (what
a command costs before it does anything, and what importing the UI alone would cost). All four
alternate, a first round is dropped; medians (min-max).

    python tests/benchmarks/bench_commands.py [--runs 9] [--size 1k+3k]

Goal (issue 12): `list --json` and `agenda` within 150 ms. Never fails on a result.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Size, alternate, machine, parser, setup, spread, table
from terminal import whole_process


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=9, help="measured runs of each")
    ap.add_argument("--size", default="1k+3k", help="the campaign, e.g. 1k+3k or 200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(args, f"whole processes, median of {args.runs} (min-max)")
    size = Size.parse(args.size, args.note_words)
    db = campaigns.fresh_copy(size, scratch / "commands")
    env, cwd = tree.env(), str(db.parent)
    commands = {
        "list --json": tree.command("list", "--json", "--db", str(db)),
        "agenda": tree.command("agenda", "--db", str(db)),
        "python -c pass": [tree.python, "-c", "pass"],
        'python -c "import textual"': [tree.python, "-c", "import textual"],
    }
    results = alternate(
        args.runs, *(partial(whole_process, argv, env, cwd) for argv in commands.values())
    )
    rows: list[list[object]] = [
        [f"on {size.label} ({db.stat().st_size / 1e6:.1f} MB)", "time", "goal"]
    ]
    for name, times in zip(commands, results, strict=True):
        rows.append([name, spread(times), "<= 150 ms" if not name.startswith("python") else ""])
    print()
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
