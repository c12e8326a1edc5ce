"""Typing in live notes with autosave on the 12 MB campaign, against a bare TextArea app.

    python tests/benchmarks/bench_live_notes.py [--keys 2000] [--interval 0.03] [--only infoint]

Each app runs for real in a pseudo-terminal (infoint as `python -m infoint_tui --db FILE`, live
notes opened with the keys a user presses: l l i) and is typed into at a fixed pace:

- bare:     a Textual app holding only a soft-wrapping TextArea (the reference);
- nosave:   infoint's live notes with autosave switched off (what the screen itself costs);
- infoint:  infoint's live notes with autosave on, the store writing in its own thread;
- idle:     live notes open, nobody typing, nothing saved (the machine's noise floor);
- saves:    live notes open, nobody typing, a changed meeting saved every 0.3 s (what saving
            alone costs the event loop, without keystroke renders around it).

Inside each app a probe task measures how late `asyncio.sleep(0.005)` wakes up: the event
loop's stalls. Outside, the time from writing a key to the pty to the first output that paints
it is the keystroke's echo latency (letters only: a space paints nothing to look for). Figures
only; nothing here passes or fails. Goal (SPEC): a keystroke is never delayed by saving.

Knobs for diagnosis (environment): BENCH_NO_FSYNC=1 makes fsync a no-op in the app (to tell the
disk's share of a stall from the GIL's); BENCH_PROFILE=/tmp/prof writes each app's cProfile
stats to /tmp/prof.<mode>.
"""

from __future__ import annotations

import bisect
import json
import os
import random
import re
import runpy
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Size, machine, open_live_notes, parser, setup
from terminal import Terminal

MODES = ["bare", "nosave", "infoint", "idle", "saves"]
ESCAPES = re.compile(rb"\x1b(\[[0-9;:?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


# -- inside the app (the child process, run with the measured tree) -------------------------------
class LoopProbe:
    """Sleeps 5 ms again and again; how late each wake-up comes is how long the loop stalled."""

    def __init__(self) -> None:
        self.lateness: list[tuple[float, float]] = []  # (woke at, seconds late)

    async def run(self) -> None:
        import asyncio

        clock = time.perf_counter
        while True:
            before = clock()
            await asyncio.sleep(0.005)
            after = clock()
            self.lateness.append((after, after - before - 0.005))


def run_child(kind: str, db: str, report: str) -> None:
    import asyncio
    import gc
    import resource

    from textual.app import App

    probe = LoopProbe()
    spans: dict[str, list[Any]] = {"save_meeting": [], "flush": [], "gc": []}
    watch_gc(spans["gc"])
    original_run_async = App.run_async

    async def run_async(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        tasks = [asyncio.get_running_loop().create_task(probe.run())]
        if kind == "saves":
            tasks.append(asyncio.get_running_loop().create_task(save_changes(self)))
        try:
            return await original_run_async(self, *args, **kwargs)
        finally:
            for task in tasks:
                task.cancel()
            memory = {
                "objects": len(gc.get_objects()),
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
            Path(report).write_text(
                json.dumps({"lateness": probe.lateness, "spans": spans, "memory": memory})
            )

    App.run_async = run_async  # type: ignore[method-assign]
    if kind == "bare":
        from textual.widgets import TextArea

        class BareApp(App[None]):
            def compose(self) -> Any:
                yield TextArea(soft_wrap=True)

            def on_ready(self) -> None:
                self.query_one(TextArea).focus()

        BareApp().run()
        return
    from infoint_tui.screens import live_notes
    from infoint_tui.store.repository import Repository

    if kind in ("nosave", "idle", "saves"):
        live_notes.AUTOSAVE_PAUSE = live_notes.AUTOSAVE_MAX_WAIT = 1e9  # type: ignore[misc]
    if os.environ.get("BENCH_NO_FSYNC"):  # diagnosis only: is it the disk, or the GIL?
        os.fsync = lambda fd: None  # type: ignore[assignment]
        os.fdatasync = lambda fd: None  # type: ignore[assignment]
    timed(Repository, "save_meeting", spans["save_meeting"])
    timed(Repository, "flush", spans["flush"])
    sys.argv = ["infoint", "--db", db]
    runpy.run_module("infoint_tui", run_name="__main__", alter_sys=True)


async def save_changes(app: Any) -> None:
    """What one autosave costs, without the keystrokes around it: every 0.3 s, a changed
    meeting saved the way live notes save it (through the screen's campaign or repository)."""
    import asyncio

    from infoint_tui.screens import live_notes

    while True:
        await asyncio.sleep(0.3)
        screen = app.screen
        if isinstance(screen, live_notes.LiveNotesScreen):
            owner = getattr(screen, "campaign", None) or screen.repo
            screen.meeting.notes += "typed words "
            owner.save_meeting(screen.meeting)


def watch_gc(into: list[Any]) -> None:
    """Record every garbage collection of the oldest generation (they scan every object)."""
    import gc

    started: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            main = threading.current_thread() is threading.main_thread()
            into.append((started[0], time.perf_counter(), main))

    gc.callbacks.append(callback)


def timed(owner: Any, name: str, into: list[Any]) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into.append((start, time.perf_counter()))

    setattr(owner, name, wrapper)


# -- driving it (the parent) ------------------------------------------------------------------
def drive(
    kind: str, argv: list[str], env: dict[str, str], folder: Path, keys: int, interval: float
) -> dict[str, Any]:
    report = Path(tempfile.mkstemp(suffix=".json", dir=folder)[1])
    with Terminal([*argv, str(report)], env, str(folder)) as term:
        if kind == "bare":
            term.wait_for(b"\x1b[?1049h", timeout=120)
            time.sleep(1.0)  # let the first frames settle
        else:
            open_live_notes(term)
        text = ""
        if kind not in ("idle", "saves"):
            text = "".join(
                random.Random(3).choice("abcdefghijklmnopqrstuvwxyz      ") for _ in range(keys)
            )
        # Keys go out on a fixed schedule; the driver sleeps in between (no busy polling, which
        # would take a core from the app on a small machine). Latencies are read afterwards.
        written: list[tuple[float, str]] = []
        typing_started = next_at = time.perf_counter()
        if not text:
            time.sleep(keys * interval)
        for char in text:
            time.sleep(max(0.0, next_at - time.perf_counter()))
            written.append((term.send(char.encode()), char))
            next_at += interval
        typing_ended = time.perf_counter()
        time.sleep(2.5)  # the last autosave
        term.send(b"\x11")  # ctrl+q
        if term.wait_exit(120) is None:
            print(f"  warning: {kind} did not quit", file=sys.stderr)
        chunks = term.chunks_since(typing_started)
    data = json.loads(report.read_text() or "{}")
    report.unlink()
    data["latencies"] = echo_latencies(written, chunks)
    data["window"] = (typing_started, typing_ended + 2.0)  # typing, and the last autosave
    data["keys"] = sum(1 for _, char in written if char != " ")
    return data


def echo_latencies(
    written: list[tuple[float, str]], chunks: list[tuple[float, bytes]], limit: float = 0.25
) -> list[float]:
    """For each letter typed, the time to the first output after it that paints it (escape
    sequences taken out first: their letters are not the key's echo)."""
    times = [t for t, _ in chunks]
    texts = [ESCAPES.sub(b"", chunk) for _, chunk in chunks]
    latencies = []
    for at, char in written:
        if char == " ":
            continue
        index = bisect.bisect_left(times, at)
        while index < len(chunks) and chunks[index][0] - at <= limit:
            if char.encode() in texts[index]:
                latencies.append(chunks[index][0] - at)
                break
            index += 1
    return latencies


def summary(name: str, data: dict[str, Any]) -> None:
    start, end = data["window"]
    lateness = [(at, late) for at, late in data.get("lateness", []) if start <= at <= end]
    ms = sorted(late * 1000 for _, late in lateness)
    lat = sorted(v * 1000 for v in data["latencies"])
    spans = data.get("spans") or {}
    flushes = [(s, e) for s, e in spans.get("flush", []) if start <= s <= end]
    saves = [(s, e) for s, e in spans.get("save_meeting", []) if start <= s <= end]
    stalls = [(at, late) for at, late in lateness if late > 0.005]
    during_flush = [
        (at, late)
        for at, late in stalls
        if any(s <= at and at - late - 0.005 <= e for s, e in flushes)
    ]

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")

    print(f"\n== {name}")
    if ms:
        print(
            f"  loop stalls (lateness of a 5 ms sleep, {len(ms)} samples): "
            f"median {pct(ms, 0.5):.2f} ms, p99 {pct(ms, 0.99):.2f} ms, max {max(ms):.2f} ms, "
            f"{len(stalls)} over 5 ms"
        )
    if saves:
        print(
            f"  autosave: {len(saves)} save_meeting calls on the UI thread, median "
            f"{statistics.median((e - s) * 1000 for s, e in saves):.2f} ms, max "
            f"{max((e - s) * 1000 for s, e in saves):.2f} ms"
        )
    if flushes:
        print(
            f"  {len(flushes)} writes in the store's thread, median "
            f"{statistics.median((e - s) * 1000 for s, e in flushes):.1f} ms, max "
            f"{max((e - s) * 1000 for s, e in flushes):.1f} ms; stalls over 5 ms while one was "
            f"writing: {len(during_flush)} "
            f"(worst {max((late for _, late in during_flush), default=0.0) * 1000:.2f} ms)"
        )
    collections = [(s, e, m) for s, e, m in spans.get("gc", []) if start <= s <= end]
    if collections:
        longest = max((e - s) * 1000 for s, e, _ in collections)
        in_threads = sum(1 for *_, main in collections if not main)
        print(
            f"  full garbage collections in the window: {len(collections)}, {in_threads} "
            f"of them in another thread (longest {longest:.1f} ms)"
        )
    if data.get("memory"):
        print(
            f"  at exit: {data['memory']['objects']} objects tracked by the collector, "
            f"peak memory of the process {data['memory']['max_rss_mb']:.0f} MB"
        )
    if data["keys"]:
        print(
            f"  keystroke to echo: {len(lat)}/{data['keys']} letters seen, median "
            f"{pct(lat, 0.5):.1f} ms, p90 {pct(lat, 0.9):.1f} ms, p99 {pct(lat, 0.99):.1f} ms, "
            f"max {max(lat) if lat else float('nan'):.1f} ms"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, db, report = sys.argv[2:5]
        if os.environ.get("BENCH_PROFILE"):  # where the child's cProfile stats go
            import cProfile

            cProfile.runctx(
                "run_child(kind, db, report)",
                globals(),
                locals(),
                f"{os.environ['BENCH_PROFILE']}.{kind}",
            )
        else:
            run_child(kind, db, report)
        return
    ap = parser(__doc__)
    ap.add_argument("--keys", type=int, default=2000)
    ap.add_argument("--interval", type=float, default=0.03)
    ap.add_argument("--size", default="1k+3k", help="the campaign, e.g. 1k+3k or 200+600")
    ap.add_argument("--note-words", type=int, default=150, help="words of notes per meeting")
    ap.add_argument("--only", choices=MODES, action="append")
    args = ap.parse_args()
    tree, campaigns, scratch = setup(
        args, f"typing {args.keys} keys every {args.interval * 1000:.0f} ms into live notes"
    )
    size = Size.parse(args.size, args.note_words)
    print(f"  campaign: {size.label}, {campaigns.built(size).stat().st_size / 1e6:.1f} MB")
    for kind in args.only or MODES:
        folder = scratch / kind
        db = campaigns.fresh_copy(size, folder)
        argv = [tree.python, str(Path(__file__).resolve()), "--child", kind, str(db)]
        summary(kind, drive(kind, argv, tree.env(), folder, args.keys, args.interval))
    print(f"\n  {machine()} (after)")


if __name__ == "__main__":
    main()
