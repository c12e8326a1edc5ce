"""Peak memory of the app and every process it starts: `python -m infoint_tui --db FILE` in a
pseudo-terminal, its process tree sampled every 20 ms (VmRSS and VmHWM from /proc) from spawn
until 3 s after the board is painted; the bare Textual app beside it, measured the same way.

    python tests/benchmarks/bench_memory.py [--runs 3] [--sizes 1k+3k,10k,10k+30k]

"peak" is the largest sum of resident memory over the processes at one sample; "sum of peaks"
adds each process's own high-water mark (an upper bound, their peaks may not coincide).
Goals (SPEC "Performance", issue 12): 80 MB with 1k contacts + 3k meetings, 90 MB with 10k
contacts, 350 MB with 10k contacts + 30k meetings (a ~126 MB file). Never fails on a result.
"""

from __future__ import annotations

import sys
import time
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
    mb,
    median,
    parser,
    setup,
    sizes,
    spread,
    table,
)
from terminal import Memory, MemorySampler, Terminal

GOALS_MB = {"1k+3k": 80, "10k": 90, "10k+30k": 350}


def peak(argv: list[str], needle: bytes, env: dict[str, str], cwd: str, after: float) -> Memory:
    """The memory of `argv`'s processes from spawn until `after` seconds past `needle`."""
    with Terminal(argv, env, cwd) as term:
        sampler = MemorySampler(term.pid, interval=0.02)
        try:
            painted = term.wait_for(needle, timeout=300)
            time.sleep(max(0.0, painted + after - time.perf_counter()))
            sampler.sample()
        finally:
            memory = sampler.stop()
    return memory


def measure(
    into: list[Memory],
    argv: list[str],
    needle: bytes,
    env: dict[str, str],
    folder: Path,
    after: float,
    prepare: Callable[[], object] | None,
) -> float:
    """One run: its Memory kept in `into`; the peak returned (what `alternate` collects)."""
    if prepare is not None:
        prepare()
    into.append(peak(argv, needle, env, str(folder), after))
    return into[-1].peak_rss_kb


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=3, help="measured runs of each, alternating")
    ap.add_argument("--sizes", default="1k+3k,10k,10k+30k", help="campaigns, e.g. 1k+3k,200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    ap.add_argument("--after", type=float, default=3.0, help="seconds sampled after the paint")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args,
        f"peak memory of every process, sampled every 20 ms until {args.after:.0f} s "
        f"after the first paint; median of {args.runs} (min-max)",
    )
    env = tree.env()
    rows: list[list[object]] = [
        ["campaign", "file", "infoint peak", "sum of peaks", "processes", "bare app", "goal"]
    ]
    for size in sizes(args.sizes, args.note_words):
        folder = scratch / size.name
        db = campaigns.fresh_copy(size, folder)
        ours: list[Memory] = []
        bare: list[Memory] = []
        app = partial(
            measure,
            ours,
            tree.app(db),
            BOARD_NEEDLE,
            env,
            folder,
            args.after,
            partial(campaigns.fresh_copy, size, folder),
        )
        baseline = partial(
            measure,
            bare,
            [tree.python, "-c", BARE_APP],
            BARE_NEEDLE,
            env,
            scratch,
            args.after,
            None,
        )
        peaks, bare_peaks = alternate(args.runs, app, baseline)
        ours, bare = ours[1:], bare[1:]  # the warm-up round is dropped
        sums = [m.hwm_sum_kb for m in ours]
        goal = GOALS_MB.get(size.name)
        row = [
            size.label,
            f"{db.stat().st_size / 1e6:.1f} MB",
            spread(peaks, 1 / 1024, "MB"),
            mb(median(sums)),
            max(m.processes for m in ours),
            mb(median(bare_peaks)),
            f"<= {goal} MB" if goal else "",
        ]
        rows.append(row)
        print(
            f"  {size.label}: infoint {row[2]}, sum of peaks {row[3]}, "
            f"{row[4]} process(es); bare {row[5]}",
            flush=True,
        )
    print()
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
