"""What the benchmark scripts share: the source tree and interpreter they measure, the campaigns
they measure on, the baselines beside them, and how figures are printed.

Every script takes `--root PATH` (the source tree to measure, this checkout by default) and
`--python PATH` (the interpreter that runs it: ROOT/.venv/bin/python when there is one). The
app and the baselines run in child processes with PYTHONPATH=ROOT, so another checkout (the code
before a change, say) is measured exactly as this one. Campaigns are built by ROOT's own
tests/benchmarks/campaign.py, cached in `--cache DIR` under a key of the tree's store and
model code, and copied before each measurement so every run starts from the same file.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from terminal import Terminal

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "infoint-bench-cache"

BOARD_NEEDLE = "contacts ·".encode()  # the board's first line, once it is painted
BARE_NEEDLE = b"BARE READY"
BARE_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Header, Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Header(); yield Static('BARE READY'); yield Footer()\n"
    "Bare().run()\n"
)

# Builds a campaign with the measured tree's own generator (its store API, its file format).
BUILD = (
    "import sys\n"
    "from pathlib import Path\n"
    "sys.path.insert(0, str(Path(sys.argv[1]) / 'tests' / 'benchmarks'))\n"
    "from campaign import build\n"
    "build(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), note_words=int(sys.argv[5]))\n"
)
# Environment variables of ours that would change what is measured.
DROPPED = ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONHOME", "PYTHONSTARTUP", "INFOINT_DB")


@dataclass(frozen=True)
class Size:
    """A campaign: contacts, and meetings with notes of `note_words` words (plus questions,
    a checklist and captures, as campaign.py makes them)."""

    contacts: int
    meetings: int = 0
    note_words: int = 150

    @property
    def name(self) -> str:
        def short(n: int) -> str:
            return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)

        meetings = f"+{short(self.meetings)}" if self.meetings else ""
        return short(self.contacts) + meetings

    @property
    def label(self) -> str:
        meetings = f" + {self.meetings:,} meetings" if self.meetings else ""
        return f"{self.contacts:,} contacts{meetings}"

    @classmethod
    def parse(cls, text: str, note_words: int = 150) -> Size:
        """ "1k+3k": 1,000 contacts and 3,000 meetings; "10k": contacts alone; "200+600"."""

        def number(part: str) -> int:
            part = part.strip().lower()
            return int(float(part[:-1]) * 1000) if part.endswith("k") else int(part)

        contacts, _, meetings = text.partition("+")
        return cls(number(contacts), number(meetings) if meetings else 0, note_words)


def sizes(text: str, note_words: int = 150) -> list[Size]:
    return [Size.parse(part, note_words) for part in text.split(",") if part.strip()]


class Tree:
    """A source tree of infoint and the interpreter that runs it."""

    def __init__(self, root: Path, python: str | None = None) -> None:
        self.root = root.resolve()
        if not (self.root / "infoint_tui").is_dir():
            raise SystemExit(f"{self.root} is not an infoint source tree (no infoint_tui/)")
        venv = self.root / ".venv" / "bin" / "python"
        self.python = python or (str(venv) if venv.exists() else sys.executable)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in DROPPED}
        env.update(PYTHONPATH=str(self.root), TERM="xterm-256color", COLORTERM="truecolor", **extra)
        env.setdefault("LANG", "C.UTF-8")
        return env

    def app(self, db: Path) -> list[str]:
        return [self.python, "-m", "infoint_tui", "--db", str(db)]

    def command(self, *args: str) -> list[str]:
        return [self.python, "-m", "infoint_tui", *args]

    def run(self, code: str, *args: str, cwd: Path, timeout: float = 3600) -> str:
        """Run Python `code` with this tree; its stdout. Raises with its stderr on failure."""
        done = subprocess.run(
            [self.python, "-c", code, *args],
            cwd=cwd,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{self.python} -c ... failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def has(self, relative: str) -> bool:
        return (self.root / relative).exists()

    @property
    def has_journal(self) -> bool:
        return self.has("infoint_tui/store/journal.py")

    @cached_property
    def label(self) -> str:
        try:
            commit = subprocess.run(
                ["git", "-C", str(self.root), "describe", "--always", "--dirty"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
        except OSError:
            commit = ""
        return f"{self.root} ({commit or 'not a git checkout'}), python {self.python}"

    @cached_property
    def fingerprint(self) -> str:
        """Changes with anything that decides what a built campaign's file holds."""
        digest = hashlib.sha256(str(self.root).encode())
        package = self.root / "infoint_tui"
        files = [self.root / "tests" / "benchmarks" / "campaign.py"]
        for folder in ("store", "domain", "actions"):
            files += sorted((package / folder).rglob("*.py"))
        for path in files:
            if path.exists():
                digest.update(path.name.encode() + path.read_bytes())
        return digest.hexdigest()[:12]


class Campaigns:
    """Campaigns built once per tree and size, copied fresh for each measurement."""

    def __init__(self, tree: Tree, cache: Path) -> None:
        self.tree = tree
        self.cache = cache

    def built(self, size: Size) -> Path:
        folder = self.cache / f"{self.tree.fingerprint}-{size.name}-{size.note_words}w"
        path = folder / "campaign.json"
        if (folder / "complete").exists():
            return path
        building = Path(tempfile.mkdtemp(prefix="building-", dir=self.cache_folder()))
        started = time.perf_counter()
        print(f"  building {size.label} with {self.tree.root.name}'s campaign.py...", flush=True)
        args = (str(size.contacts), str(size.meetings), str(size.note_words))
        self.tree.run(
            BUILD, str(self.tree.root), str(building / "campaign.json"), *args, cwd=building
        )
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for name in ("campaign.json", "campaign.json.journal"):
            if (building / name).exists():
                os.replace(building / name, folder / name)
        (folder / "complete").touch()
        shutil.rmtree(building, ignore_errors=True)
        took = time.perf_counter() - started
        print(f"  built: {path.stat().st_size / 1e6:.1f} MB in {took:.0f} s", flush=True)
        return path

    def cache_folder(self) -> Path:
        self.cache.mkdir(parents=True, exist_ok=True)
        return self.cache

    def fresh_copy(self, size: Size, folder: Path) -> Path:
        """The built campaign copied into `folder` (emptied first): a file no run has touched."""
        source = self.built(size)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in source.parent.glob("campaign.json*"):
            shutil.copyfile(path, folder / path.name)
        return folder / "campaign.json"


# -- the command line --------------------------------------------------------------------------
def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with the options every script takes."""
    lines = (doc or "").strip().splitlines()
    found = argparse.ArgumentParser(
        description=lines[0] if lines else None,
        epilog="\n".join(lines[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    found.add_argument("--root", type=Path, default=ROOT, help="the source tree to measure")
    found.add_argument("--python", help="the interpreter that runs it (ROOT/.venv/bin/python)")
    found.add_argument("--cache", type=Path, default=CACHE, help="where built campaigns are kept")
    return found


def setup(args: argparse.Namespace, title: str) -> tuple[Tree, Campaigns, Path]:
    """The tree, its campaigns, and a scratch folder for the runs; prints the heading."""
    tree = Tree(args.root, args.python)
    scratch = Path(tempfile.mkdtemp(prefix="infoint-bench-"))
    atexit.register(shutil.rmtree, scratch, True)
    print(f"{title}\n  tree: {tree.label}\n  {machine()}", flush=True)
    return tree, Campaigns(tree, args.cache), scratch


def machine() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}, {os.cpu_count()} cores"


# -- runs and figures ----------------------------------------------------------------------------
def alternate(runs: int, *measures: Callable[[], float]) -> list[list[float]]:
    """Each measure `runs` times, alternating their order run by run; a first round warms the
    caches (.pyc files, the file cache) and is dropped."""
    results: list[list[float]] = [[] for _ in measures]
    order = list(range(len(measures)))
    for round_ in range(runs + 1):
        for index in order if round_ % 2 else reversed(order):
            value = measures[index]()
            if round_:
                results[index].append(value)
    return results


def spread(
    values: Sequence[float], scale: float = 1000.0, unit: str = "ms", digits: int = 0
) -> str:
    """ "median unit (min-max)"."""
    if not values:
        return "n/a"
    med, low, high = statistics.median(values), min(values), max(values)
    f = f"{{:.{digits}f}}"
    return f"{f.format(med * scale)} {unit} ({f.format(low * scale)}-{f.format(high * scale)})"


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(rows: Sequence[Sequence[object]], indent: str = "  ") -> None:
    """Rows of cells in aligned columns (the first row is the heading)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells if i < len(row)) for i in range(len(cells[0]))]
    for number, row in enumerate(cells):
        print(indent + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
        if number == 0:
            print(indent + "  ".join("-" * w for w in widths))
    sys.stdout.flush()


def mb(kilobytes: float) -> str:
    return f"{kilobytes / 1024:.0f} MB"


# -- live notes in the real app ------------------------------------------------------------------
# From the board's first column to the third (Scheduled), then live notes on its first card.
OPEN_LIVE_NOTES = (b"l", b"l", b"i")
LIVE_NEEDLE = b"Live notes"
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
    "users",
    "interview",
    "method",
    "survey",
    "stakeholders",
    "roadmap",
    "lesson",
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


def open_live_notes(term: Terminal, timeout: float = 300.0) -> None:
    """Wait for the board, then open live notes with the keys a user presses; returns once the
    screen has settled."""
    term.wait_for(BOARD_NEEDLE, timeout=timeout)
    term.quiet_for(0.5)
    since = term.offset
    for key in OPEN_LIVE_NOTES:
        term.send(key)
        term.quiet_for(0.2)
    term.wait_for(LIVE_NEEDLE, since=since, timeout=60)
    time.sleep(1.0)  # its first frames (the editor's cursor blinks: it is never quiet)


def prose(characters: int, seed: int = 3) -> str:
    """Lower-case words and spaces, `characters` long: what is typed into the notes."""
    import random

    rng = random.Random(seed)
    text = ""
    while len(text) < characters:
        text += rng.choice(WORDS) + " "
    return text[:characters]


# Every meeting's notes as the measured tree's own store loads them (file, and journal if any).
NOTES = r"""
import json, sys
from pathlib import Path
try:
    from infoint_tui.actions.campaign import open_campaign
except ImportError:  # a tree from before the use-case layer
    from infoint_tui.store import Repository as open_campaign
campaign = open_campaign(Path(sys.argv[1]), autoflush=False)
print(json.dumps({meeting.id: meeting.notes for meeting in campaign.meetings()}))
"""


def notes_of(tree: Tree, db: Path) -> dict[str, str]:
    """Every meeting's notes in `db`, loaded by the tree's store in a child process."""
    import json

    found: dict[str, str] = json.loads(tree.run(NOTES, str(db), cwd=db.parent))
    return found


def changed_notes(before: dict[str, str], after: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The meetings whose notes differ (new meetings start from empty notes)."""
    return {
        key: (before.get(key, ""), notes)
        for key, notes in after.items()
        if notes != before.get(key, "")
    }
