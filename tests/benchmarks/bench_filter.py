"""Filtering the board as you type: the real app in a pseudo-terminal on 10,000 contacts, `/`
pressed, then a name typed and erased one key at a time. Each key's cost is the time from
writing it until the screen settles (the last output before 60 ms without any, the cursor's
blink aside). Beside it, the same keys typed into a bare Textual app holding one Input.
Medians (min-max) over the keys.

    python tests/benchmarks/bench_filter.py [--size 10k] [--text "ada lovelace"]

Goal (SPEC "Performance"): under 30 ms a keystroke with 10,000 contacts. Never fails on a result.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import BOARD_NEEDLE, Size, machine, parser, setup, spread, table
from terminal import Terminal

BARE_INPUT = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Input, Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('BARE READY'); yield Input(); yield Footer()\n"
    "Bare().run()\n"
)
GAP = 0.06  # output stopped for this long: the key's frames are painted
PACE = 0.5  # seconds from one key to the next


def settle_times(term: Terminal, keys: list[bytes]) -> list[float]:
    """For each key, seconds from writing it to the last chunk of the output it caused."""
    times = []
    for key in keys:
        sent = term.send(key)
        time.sleep(PACE)
        last = None
        for at, _ in term.chunks_since(sent):
            if last is not None and at - last > GAP:
                break
            last = at
        if last is not None:
            times.append(last - sent)
    return times


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--size", default="10k", help="the campaign, e.g. 10k or 1k+3k")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    ap.add_argument("--text", default="ada lovelace", help="typed into the filter, then erased")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(args, "filter as you type: key to settled screen")
    size = Size.parse(args.size, args.note_words)
    db = campaigns.fresh_copy(size, scratch / "filter")
    keys = [c.encode() for c in args.text] + [b"\x7f"] * len(args.text)
    with Terminal(tree.app(db), tree.env(), str(db.parent)) as term:
        term.wait_for(BOARD_NEEDLE, timeout=300)
        term.quiet_for(0.5)
        term.send(b"/")
        time.sleep(1.0)  # the field opens and the search index is built
        ours = settle_times(term, keys)
    with Terminal([tree.python, "-c", BARE_INPUT], tree.env(), str(scratch)) as term:
        term.wait_for(b"BARE READY", timeout=120)
        term.send(b"\t")
        time.sleep(1.0)
        bare = settle_times(term, keys)
    table(
        [
            [f"{len(keys)} keys", "key to settled screen", "goal"],
            [f"infoint board, {size.label}", spread(ours), "< 30 ms"],
            ["bare Textual app with an Input", spread(bare), ""],
        ]
    )
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
