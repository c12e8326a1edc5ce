"""What encryption at rest costs: start-up to the first painted board, and a durable note save,
on the same campaign in the clear and encrypted, side by side in one run.

    python tests/benchmarks/bench_encryption.py [--runs 9] [--saves 200]

The campaign is 1,000 contacts and 3,000 meetings with notes of 600 words. Start-up is the
real command line in a pseudo-terminal, timed until the board's first line reaches it (the
same harness as bench_startup.py), the passphrase given in INFOINT_PASSPHRASE; runs alternate
clear, encrypted and a bare Textual app, each on a fresh copy, and the medians are compared. A save is `save_meeting` of one meeting
whose notes changed, with `autoflush=True` (on disk, fsynced, when it returns). The key is
derived at the real scrypt cost (the tests' variable is removed here). Prints; never fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from harness import (  # noqa: E402
    BARE_APP,
    BARE_NEEDLE,
    BOARD_NEEDLE,
    Tree,
    alternate,
    machine,
    parser,
    spread,
)
from terminal import first_paint  # noqa: E402

PASSPHRASE = "benchmark passphrase"


def startup(tree: Tree, clear: Path, sealed: Path, runs: int) -> None:
    """First paint of the board on a pseudo-terminal, each run on a fresh copy of the file,
    alternating clear, encrypted and a bare Textual app."""
    env = tree.env()
    env_sealed = {**env, "INFOINT_PASSPHRASE": PASSPHRASE}
    work = clear.parent.parent / "runs"

    def paint(source: Path, environment: dict[str, str]) -> float:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        for path in source.parent.glob(source.name + "*"):
            if path.is_file():
                shutil.copyfile(path, work / path.name)
        argv = tree.app(work / source.name)
        return first_paint(argv, BOARD_NEEDLE, environment, str(work))

    def bare() -> float:
        return first_paint([tree.python, "-c", BARE_APP], BARE_NEEDLE, env, str(clear.parent))

    times = alternate(runs, lambda: paint(clear, env), lambda: paint(sealed, env_sealed), bare)
    print(f"first paint of the board, median of {runs} (min-max), {machine()}:")
    for name, values in zip(("clear", "encrypted", "bare Textual app"), times, strict=True):
        print(f"  {name:<17} {spread(values)}")
    c, e, b = (statistics.median(values) for values in times)
    print(
        f"  encryption costs {(e - c) * 1000:.0f} ms ({e / c:.2f}x the clear file; "
        f"{c / b:.2f}x and {e / b:.2f}x the bare app)"
    )


def load_parts(sealed: Path) -> None:
    """Where the encrypted start-up's time goes, in this process: the key, then the rest."""
    from infoint_tui.actions.campaign import open_campaign
    from infoint_tui.store import crypto
    from infoint_tui.store.layout import read_file

    found = read_file(sealed)
    assert found is not None
    meta = found[0].tables["meta"]["1"]
    start = time.perf_counter()
    # Another passphrase (none is cached for it): the derivation, then the check fails.
    with contextlib.suppress(crypto.WrongPassphrase):
        crypto.unlock(sealed, meta["crypt"], PASSPHRASE + " (not cached)")
    kdf = time.perf_counter() - start
    crypt = meta["crypt"]
    print(
        f"  the key alone (scrypt, N={crypt['n']}, r={crypt['r']}, p={crypt['p']}): {kdf * 1000:.0f} ms"
    )
    start = time.perf_counter()
    open_campaign(sealed, passphrase=PASSPHRASE, autoflush=False)
    print(
        f"  opening the encrypted campaign in a process: {(time.perf_counter() - start) * 1000:.0f} ms"
    )


def saves(clear: Path, sealed: Path, count: int) -> None:
    from infoint_tui.actions.campaign import open_campaign

    results = {}
    for name, path in (("clear", clear), ("encrypted", sealed)):
        campaign = open_campaign(path, autoflush=True, passphrase=PASSPHRASE)
        store = campaign.store
        meeting_id = next(iter(store.engine.docs("meetings")))
        meeting = store.meeting(meeting_id)
        times = []
        for i in range(count):
            meeting.notes += f" word{i}"
            start = time.perf_counter()
            store.save_meeting(meeting)  # on disk, fsynced, when it returns
            times.append(time.perf_counter() - start)
        results[name] = times
        store.close()
    print(f"a durable note save (save_meeting, autoflush), {count} saves:")
    for name, times in results.items():
        ordered = sorted(times)
        p90 = ordered[int(len(ordered) * 0.9)]
        print(
            f"  {name:<10} median {statistics.median(times) * 1000:6.2f} ms   p90 {p90 * 1000:6.2f} ms"
        )


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--contacts", type=int, default=1000)
    ap.add_argument("--meetings", type=int, default=3000)
    args = ap.parse_args()
    os.environ.pop("INFOINT_TEST_SCRYPT_LOG2_N", None)  # the real cost
    tree = Tree(args.root, args.python)
    if not tree.has("infoint_tui/store/encryption.py"):
        raise SystemExit(f"{tree.root} has no encryption at rest to measure")
    sys.path.insert(0, str(tree.root))  # the in-process parts measure that tree too
    print(f"encryption at rest\n  tree: {tree.label}", flush=True)
    from campaign import build

    from infoint_tui.store.encryption import encrypt

    with tempfile.TemporaryDirectory() as folder:
        clear = Path(folder) / "clear" / "bench.json"
        sealed = Path(folder) / "sealed" / "bench.json"
        clear.parent.mkdir()
        sealed.parent.mkdir()
        build(clear, args.contacts, args.meetings, note_words=600).store.close()
        shutil.copyfile(clear, sealed)
        encrypt(sealed, PASSPHRASE, now=datetime.now)
        print(
            f"{args.contacts} contacts, {args.meetings} meetings with notes: "
            f"{clear.stat().st_size / 1e6:.1f} MB in the clear, "
            f"{sealed.stat().st_size / 1e6:.1f} MB encrypted"
        )
        startup(tree, clear, sealed, args.runs)
        load_parts(sealed)
        saves(clear, sealed, args.saves)


if __name__ == "__main__":
    main()
