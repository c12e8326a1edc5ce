"""Start-up to the first painted board, side by side with a bare Textual app; filtering; memory.

    python tests/benchmarks/bench_startup.py [--runs 9] [--contacts 1000] [--meetings 3000]

The bare app is a header, one label and a footer. Both exit right after their first paint;
each run is a fresh process in a pseudo-terminal, alternating bare and infoint, and the
medians are compared. Prints the figures; never fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from terminal import timed_in_pty  # noqa: E402

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(painted, self)

def painted(app):
    import os, time
    with open(os.environ["PAINTED_AT"], "w") as f:
        f.write(repr((time.time(), time.process_time())))
    app.exit()

Bare().run()
"""

# The real command line, with the board told to quit after its first paint. The board's module
# is patched as it is imported (not imported here), so start-up runs in its real order.
INFOINT = """
import importlib.util, sys
sys.argv = ["infoint", "--db", sys.argv[1]]

def painted(app):
    import os, time
    with open(os.environ["PAINTED_AT"], "w") as f:
        f.write(repr((time.time(), time.process_time())))
    app.exit()

def patch(board):
    original = board.BoardScreen.on_mount
    def on_mount(self):
        original(self)
        self.call_after_refresh(painted, self.app)
    board.BoardScreen.on_mount = on_mount

class Hook:  # a meta path finder; importlib.abc would cost the harness ~10 ms of imports
    def find_spec(self, name, path, target=None):
        if name != "infoint_tui.screens.board":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            patch(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Hook())
from infoint_tui.cli import main
sys.exit(main())
"""


def startup(runs: int, contacts: int, meetings: int) -> None:
    from campaign import build

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        build(path, contacts, meetings, note_words=150)
        size_mb = path.stat().st_size / 1e6
        bare, ours, bare_cpu, ours_cpu = [], [], [], []
        marker = Path(folder) / "painted"
        # Byte code is cached as after `pip install` (which compiles it), even where the
        # environment says not to write it: both apps then start from .pyc files.
        env = {"PYTHONPATH": str(ROOT), "PAINTED_AT": str(marker), "PYTHONDONTWRITEBYTECODE": ""}

        def first_paint(argv: list[str], cpu: list[float] | None = None) -> float:
            start = time.time()
            timed_in_pty(argv, env)
            painted, cpu_time = eval(marker.read_text())  # written by the child: (wall, cpu)
            if cpu is not None:
                cpu.append(cpu_time)
            return painted - start

        for _ in range(2):  # warm the file cache and .pyc files
            first_paint([sys.executable, "-c", BARE])
            first_paint([sys.executable, "-c", INFOINT, str(path)])
        for _ in range(runs):
            bare.append(first_paint([sys.executable, "-c", BARE], bare_cpu))
            ours.append(first_paint([sys.executable, "-c", INFOINT, str(path)], ours_cpu))
        b, o = statistics.median(bare), statistics.median(ours)
        bc, oc = statistics.median(bare_cpu), statistics.median(ours_cpu)
        print(
            f"start-up to first paint, {contacts} contacts and {meetings} meetings ({size_mb:.1f} MB), median of {runs}:"
        )
        print(
            f"  bare Textual app  {b * 1000:7.0f} ms   (runs: {', '.join(f'{x * 1000:.0f}' for x in bare)})"
        )
        print(
            f"  infoint board     {o * 1000:7.0f} ms   (runs: {', '.join(f'{x * 1000:.0f}' for x in ours)})"
        )
        print(f"  ratio             {o / b:7.2f}x  (goal: within 1.25x)")
        print(
            f"  CPU time of the app's process to first paint: bare {bc * 1000:.0f} ms, infoint {oc * 1000:.0f} ms ({oc / bc:.2f}x; steadier on a busy machine)"
        )


def filtering(contacts: int) -> None:
    """Time per keystroke of the board's filter on `contacts` contacts, in the real screen."""
    import asyncio

    from campaign import build

    from infoint_tui.actions.campaign import open_campaign
    from infoint_tui.app import InfointApp

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "filter.json"
        build(path, contacts, 0)

        async def run() -> list[float]:
            app = InfointApp(open_campaign(path, autoflush=False))
            timings: list[float] = []
            async with app.run_test(size=(160, 45)) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen
                await pilot.press("slash")  # opens the field and builds the search index
                for text in (
                    "a",
                    "ad",
                    "ada",
                    "ada ",
                    "ada l",
                    "ada lo",
                    "ada lov",
                    "ada lo",
                    "ada l",
                    "research",
                ):
                    start = time.perf_counter()
                    screen.query_text = text  # what the Input.Changed handler does
                    screen.show_columns()
                    timings.append(time.perf_counter() - start)
                    await pilot.pause()
            app.close_store()
            return timings

        timings = asyncio.run(run())
        print(
            f"filter as you type, {contacts} contacts (per keystroke: match and redraw the columns):"
        )
        print(
            f"  median {statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
            "  (goal: under 30 ms)"
        )


def memory(contacts: int) -> None:
    import subprocess

    from campaign import build

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "memory.json"
        build(path, contacts, contacts * 3, note_words=150)
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from infoint_tui.actions.campaign import open_campaign\n"
            "from infoint_tui.domain.board import build_cards\n"
            f"r = open_campaign({str(path)!r}, autoflush=False)\n"
            "build_cards(r.contact_rows(), r.reminders(), r.meeting_slots(), r.clock.now())\n"
            "print(rss())"
        )
        rss = (
            "def rss():\n"
            "    for line in open('/proc/self/status'):\n"
            "        if line.startswith('VmHWM:'):\n"
            "            return int(line.split()[1])\n"
        )
        rss_kb = int(
            subprocess.run(
                [sys.executable, "-c", rss + code], capture_output=True, text=True, check=True
            ).stdout
        )
        base = int(
            subprocess.run(
                [sys.executable, "-c", rss + "import textual.app; print(rss())"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        print(
            f"memory, {contacts} contacts and {contacts * 3} meetings ({path.stat().st_size / 1e6:.1f} MB file), data and cards loaded:"
        )
        print(
            f"  peak RSS {rss_kb / 1024:.0f} MB (Python with textual imported: {base / 1024:.0f} MB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--skip", nargs="*", default=[], choices=["startup", "filter", "memory"])
    args = parser.parse_args()
    if "startup" not in args.skip:
        startup(args.runs, args.contacts, args.meetings)
    if "filter" not in args.skip:
        filtering(10_000)
    if "memory" not in args.skip:
        memory(10_000)


if __name__ == "__main__":
    main()
