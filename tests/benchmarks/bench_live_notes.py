"""Benchmark: typing in live notes with autosave on a big file, against a bare TextArea app.

    /work/venv/bin/python tests/benchmarks/bench_live_notes.py [--keys 2000] [--interval 0.03]

It builds a campaign file with 1,000 contacts and 3,000 meetings with long notes, then runs
each app for real in a pseudo-terminal and types into it at a fixed pace:

- bare:     a Textual app holding only a soft-wrapping TextArea (the reference);
- nosave:   infoint's live notes with autosave switched off (what the screen itself costs);
- infoint:  infoint's live notes with autosave on, the background writer writing the file;
- idle:     live notes open, nobody typing, nothing saved (the machine's noise floor);
- saves:    live notes open, nobody typing, a changed meeting saved every 0.3 s (what saving
            alone costs the event loop, without keystroke renders around it).

Inside each app a probe task measures how late `asyncio.sleep(0.005)` wakes up: the event
loop's stalls. Outside, the time from writing a key to the pty to the first screen output
holding it is the keystroke-to-render latency. Figures only; nothing here passes or fails.
The machine's own noise is large on a small VM: compare modes within one run, and run twice.

Knobs for comparisons (environment): BENCH_NO_GC_POLICY=1 skips infoint_tui.gc_policy (the
freezes), BENCH_SWITCH_INTERVAL=0.005 sets sys.setswitchinterval in the app (live notes set
0.001 otherwise), BENCH_NO_FSYNC=1 makes fsync a no-op in the app (to tell the disk's share of
a stall from the GIL's), and BENCH_PROFILE=/tmp/prof writes each app's cProfile stats to
/tmp/prof.<mode>.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import fcntl
import json
import os
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

COLUMNS, LINES = 120, 40
MODES = ["bare", "nosave", "infoint", "idle", "saves"]
WORDS = [
    "the",
    "research",
    "team",
    "hiring",
    "manager",
    "portfolio",
    "case",
    "study",
    "advice",
    "trend",
    "insight",
    "product",
    "design",
    "service",
    "users",
    "interview",
    "method",
    "survey",
    "stakeholders",
    "roadmap",
    "lesson",
    "classroom",
    "teaching",
    "data",
    "analysis",
    "growth",
    "mentor",
    "introduction",
    "conference",
    "meetup",
    "article",
    "podcast",
    "career",
    "path",
    "switch",
]


# -- the data file ----------------------------------------------------------------------------
def build_campaign(path: Path, contacts: int, meetings_each: int, note_words: int) -> str:
    """A campaign file of the given size; returns the id of a contact to take notes on."""
    from infoint_tui.actions.campaign import open_campaign
    from infoint_tui.domain.models import Contact, Meeting, MeetingQuestion, Tiara
    from infoint_tui.domain.stages import STAGES

    rnd = random.Random(7)
    repo = open_campaign(path, autoflush=False)
    with repo.batch():
        for i in range(contacts):
            contact = Contact(
                name=f"Person {i:04d}",
                company=f"Company {i % 80}",
                role="UX Researcher",
                stage=STAGES[i % len(STAGES)],
                tags=["research", "design"],
                research_person=" ".join(rnd.choice(WORDS) for _ in range(60)),
            )
            repo.add_contact(contact)
            for _ in range(meetings_each):
                notes = "\n".join(
                    " ".join(rnd.choice(WORDS) for _ in range(20)) for _ in range(note_words // 20)
                )
                repo.save_meeting(
                    Meeting(
                        contact_id=contact.id,
                        notes=notes,
                        questions=[
                            MeetingQuestion(text=f"Question {k}?", tiara=Tiara.ADVICE)
                            for k in range(5)
                        ],
                    )
                )
        target = Contact(name="Ada Lovelace", company="Analytical Engines")
        repo.add_contact(target)
    repo.flush()
    return target.id


# -- inside the app (the child process) -------------------------------------------------------
class LoopProbe:
    """Sleeps 5 ms again and again; how late each wake-up comes is how long the loop stalled."""

    def __init__(self) -> None:
        self.lateness: list[tuple[float, float]] = []  # (woke at, seconds late)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        clock = time.perf_counter
        while True:
            before = clock()
            await asyncio.sleep(0.005)
            after = clock()
            self.lateness.append((after, after - before - 0.005))


def run_child(kind: str, db: str, contact_id: str, report: str) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    probe = LoopProbe()
    spans: dict[str, list[tuple[float, float]]] = {"save_meeting": [], "flush": [], "gc": []}
    watch_gc(spans["gc"])

    if kind == "bare":

        class BareApp(App[None]):
            def compose(self) -> ComposeResult:
                yield TextArea(soft_wrap=True)

            def on_ready(self) -> None:
                self.query_one(TextArea).focus()
                probe.start()

        app: Any = BareApp()
        app.run()
    else:
        from infoint_tui.actions.campaign import open_campaign
        from infoint_tui.app import InfointApp
        from infoint_tui.screens import live_notes

        if os.environ.get("BENCH_NO_GC_POLICY"):
            live_notes.freeze_for_typing = lambda: None  # type: ignore[assignment]
            live_notes.thaw_after_typing = lambda: None  # type: ignore[assignment]
        if kind in ("nosave", "idle", "saves"):
            live_notes.AUTOSAVE_PAUSE = live_notes.AUTOSAVE_MAX_WAIT = 1e9
        repo = open_campaign(Path(db), autoflush=False)
        from infoint_tui.gc_policy import freeze_loaded_data

        if not os.environ.get("BENCH_NO_GC_POLICY"):
            freeze_loaded_data()  # as infoint_tui.launch does
        if os.environ.get("BENCH_NO_FSYNC"):  # diagnosis only: is it the disk, or the GIL?
            os.fsync = lambda fd: None  # type: ignore[assignment]
        if os.environ.get("BENCH_SWITCH_INTERVAL"):  # also the one live notes set while open
            from infoint_tui import gc_policy

            sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
            gc_policy.TYPING_SWITCH_INTERVAL = float(os.environ["BENCH_SWITCH_INTERVAL"])
        timed(repo, "save_meeting", spans["save_meeting"])
        timed(repo, "flush", spans["flush"])

        class ProbedApp(InfointApp):
            CSS_PATH = str(ROOT / "infoint_tui" / "app.tcss")  # relative paths follow the class

            def on_ready(self) -> None:
                # The app lost its INFOINT_OPEN_LIVE_NOTES start-up hook: open them here.
                self.open_live_notes(contact_id)
                probe.start()
                if kind == "saves":
                    self.set_interval(0.3, self.save_a_change)

            def save_a_change(self) -> None:
                """What one autosave costs, without the keystrokes around it."""
                screen = self.screen
                if isinstance(screen, live_notes.LiveNotesScreen):
                    screen.meeting.notes += "typed words "
                    self.repo.save_meeting(screen.meeting)

        app = ProbedApp(repo)
        app.run()
        app.close_store()
    import gc
    import resource

    memory = {
        "objects": len(gc.get_objects()),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    Path(report).write_text(
        json.dumps({"lateness": probe.lateness, "spans": spans, "memory": memory})
    )


def watch_gc(into: list[tuple[float, float]]) -> None:
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
            into.append((started[0], time.perf_counter(), main))  # type: ignore[arg-type]

    gc.callbacks.append(callback)


def timed(obj: Any, name: str, into: list[tuple[float, float]]) -> None:
    original = getattr(obj, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into.append((start, time.perf_counter()))

    setattr(obj, name, wrapper)


# -- driving it (the parent) ------------------------------------------------------------------
class Pty:
    def __init__(self, args: list[str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS)}
        env.update({"LINES": str(LINES), "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATION": "none"})
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.chunks: list[tuple[float, bytes]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.chunks.append((time.perf_counter(), chunk))

    def output_since(self, index: int) -> list[tuple[float, bytes]]:
        with self._lock:
            return self.chunks[index:]

    def wait_for(self, text: bytes, limit: float = 60.0) -> None:
        start = time.monotonic()
        while time.monotonic() - start < limit:
            with self._lock:
                if text in b"".join(c for _, c in self.chunks[-200:]):
                    return
            time.sleep(0.05)
        raise SystemExit(f"the app did not show {text!r} within {limit:.0f} s")


def drive(kind: str, db: Path, contact_id: str, keys: int, interval: float) -> dict[str, Any]:
    report = Path(tempfile.mkstemp(suffix=".json")[1])
    pty = Pty([sys.executable, __file__, "--child", kind, str(db), contact_id, str(report)])
    pty.wait_for(b"Live notes" if kind != "bare" else b"\x1b[?1049h")
    time.sleep(1.0)  # let the first frames settle
    if kind in ("idle", "saves"):  # nobody types: the loop's noise floor, or saves alone
        text = ""
        typing_started = time.perf_counter()
        time.sleep(keys * interval)
    else:
        text = "".join(
            random.Random(3).choice("abcdefghijklmnopqrstuvwxyz      ") for _ in range(keys)
        )
    # Keys go out on a fixed schedule; the driver sleeps in between (no busy polling, which
    # would take a core from the app on a small machine). Latencies are read afterwards.
    written: list[tuple[float, str]] = []
    next_at = time.perf_counter()
    if text:
        typing_started = next_at
    for char in text:
        time.sleep(max(0.0, next_at - time.perf_counter()))
        at = time.perf_counter()
        os.write(pty.master, char.encode())
        written.append((at, char))
        next_at = at + interval
    typing_ended = time.perf_counter()
    time.sleep(2.5)  # the last autosave
    os.write(pty.master, b"\x11")  # ctrl+q
    try:
        pty.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pty.process.kill()
    data = json.loads(report.read_text() or "{}")
    report.unlink()
    os.close(pty.master)
    data["latencies"] = render_latencies(written, pty.output_since(0))
    data["window"] = (typing_started, typing_ended + 2.0)  # typing, and the last autosave
    data["keys"] = keys
    return data


def render_latencies(
    written: list[tuple[float, str]], chunks: list[tuple[float, bytes]], limit: float = 0.25
) -> list[float]:
    """For each key, the time to the first output after it that shows it (a space: any)."""
    times = [t for t, _ in chunks]
    latencies = []
    for at, char in written:
        index = bisect.bisect_left(times, at)
        while index < len(chunks) and chunks[index][0] - at <= limit:
            if char == " " or char.encode() in chunks[index][1]:
                latencies.append(chunks[index][0] - at)
                break
            index += 1
    return latencies


def summary(name: str, data: dict[str, Any], interval: float) -> None:
    start, end = data["window"]
    lateness = [(at, late) for at, late in data["lateness"] if start <= at <= end]
    typing = [late for _, late in lateness]
    ms = sorted(late * 1000 for late in typing)
    lat = sorted(v * 1000 for v in data["latencies"])
    flushes = data["spans"].get("flush", []) if data.get("spans") else []
    saves = data["spans"].get("save_meeting", []) if data.get("spans") else []
    stalls = [(at, late) for at, late in lateness if late > 0.005]
    during_flush = [
        (at, late)
        for at, late in stalls
        if any(start <= at and at - late - 0.005 <= end for start, end in flushes)
    ]

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")

    print(f"\n== {name}")
    print(
        f"  loop stalls (lateness of a 5 ms sleep, {len(ms)} samples): "
        f"median {pct(ms, 0.5):.2f} ms, p99 {pct(ms, 0.99):.2f} ms, max {max(ms):.2f} ms, "
        f"{len(stalls)} over 5 ms"
    )
    if saves and flushes:
        print(
            f"  autosave: {len(saves)} save_meeting calls on the UI thread, max "
            f"{max((e - s) * 1000 for s, e in saves):.2f} ms, median "
            f"{statistics.median((e - s) * 1000 for s, e in saves):.2f} ms; "
            f"{len(flushes)} file writes in the writer thread, median "
            f"{statistics.median((e - s) * 1000 for s, e in flushes):.1f} ms, max "
            f"{max((e - s) * 1000 for s, e in flushes):.1f} ms"
        )
        worst = max((late for _, late in during_flush), default=0.0) * 1000
        collections = [(s, e, m) for s, e, m in data["spans"]["gc"] if start <= s <= end]
        longest = max(((e - s) * 1000 for s, e, _ in collections), default=0.0)
        in_writer = sum(1 for *_, main in collections if not main)
        print(
            f"  full garbage collections while typing: {len(collections)}, {in_writer} of them "
            f"run by the writer thread (longest {longest:.1f} ms)"
        )
        print(
            f"  stalls over 5 ms while the writer was writing: {len(during_flush)} "
            f"(worst {worst:.2f} ms)"
        )
    if data.get("memory"):
        print(
            f"  at exit: {data['memory']['objects']} objects tracked by the collector, "
            f"peak memory {data['memory']['max_rss_mb']:.0f} MB"
        )
    if not lat:
        return
    print(
        f"  keystroke to render: {len(lat)}/{data['keys']} keys seen, median "
        f"{pct(lat, 0.5):.1f} ms, p90 {pct(lat, 0.9):.1f} ms, p99 {pct(lat, 0.99):.1f} ms, "
        f"max {max(lat) if lat else float('nan'):.1f} ms"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        if os.environ.get("BENCH_PROFILE"):  # where the child's cProfile stats go
            import cProfile

            cProfile.runctx(
                "run_child(*sys.argv[2:6])",
                globals(),
                {"sys": sys},
                f"{os.environ['BENCH_PROFILE']}.{sys.argv[2]}",
            )
        else:
            run_child(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=0.03)
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--note-words", type=int, default=400)
    parser.add_argument("--only", choices=MODES, action="append")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="infoint-bench-"))
    db = folder / "campaign.json"
    started = time.perf_counter()
    contact_id = build_campaign(db, args.contacts, 3, args.note_words)
    size = db.stat().st_size / 1e6
    print(
        f"campaign: {args.contacts} contacts, {args.contacts * 3} meetings, {size:.1f} MB "
        f"(built in {time.perf_counter() - started:.1f} s); typing {args.keys} keys "
        f"every {args.interval * 1000:.0f} ms; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, switch interval {sys.getswitchinterval() * 1000:.1f} ms"
    )
    for kind in args.only or MODES:
        summary(kind, drive(kind, db, contact_id, args.keys, args.interval), args.interval)


if __name__ == "__main__":
    main()
