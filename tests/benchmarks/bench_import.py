"""How long `infoint import linkedin` takes on an 800-connection export (run: python tests/benchmarks/bench_import.py).

Measures the whole command in a fresh process (Python start-up included), then each step in
process: read and parse, plan, apply (one batch, one write); first into an empty file, then
the same file again (everything already present).
"""

from __future__ import annotations

import csv
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from infoint_tui.actions.campaign import open_campaign  # noqa: E402
from infoint_tui.formats.linkedin import parse_linkedin  # noqa: E402
from infoint_tui.formats.plan import apply_import, plan_import  # noqa: E402
from infoint_tui.formats.snapshot import Snapshot  # noqa: E402
from infoint_tui.formats.source import read_source  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 800
RUNS = 5


def connections_csv(rows: int) -> str:
    out = io.StringIO()
    out.write('Notes:\n"When exporting your connection data, you may notice..."\n\n')
    writer = csv.writer(out)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"Fïrst{n}", f"Lást{n}", f"https://www.linkedin.com/in/person-{n}",
                f"p{n}@example.com" if n % 4 == 0 else "", f"Company {n % 97}, Inc.",
                "Senior Engineer, Platform", f"{1 + n % 28:02d} Mar 20{10 + n % 15}",
            ]
        )  # fmt: skip
    return out.getvalue()


def timed(step):
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "Connections.csv"
        source.write_text(connections_csv(ROWS))
        whole = []
        for run in range(RUNS):
            db = Path(folder) / f"cli{run}.json"
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "infoint_tui", "import", "linkedin", str(source), "--db", str(db)],
                check=True, capture_output=True, cwd=ROOT,
            )  # fmt: skip
            whole.append(time.perf_counter() - start)
        baseline = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            baseline.append(time.perf_counter() - start)
        print(f"{ROWS} rows, whole command in a new process: median {statistics.median(whole) * 1000:.0f} ms "
              f"(bare Python start-up: {statistics.median(baseline) * 1000:.0f} ms)")  # fmt: skip

        for label, db in (("empty file", "steps.json"), ("same file again", "steps.json")):
            repo = open_campaign(Path(folder) / db)
            parsed, t_parse = timed(lambda: parse_linkedin(read_source(source)))
            plan, t_plan = timed(lambda: plan_import(Snapshot.of(repo), parsed))  # noqa: B023
            outcome, t_apply = timed(lambda: apply_import(repo, plan))  # noqa: B023
            print(
                f"  into {label}: parse {t_parse * 1000:.0f} ms, plan {t_plan * 1000:.0f} ms, "
                f"apply {t_apply * 1000:.0f} ms ({sum(outcome.added.values())} added, "
                f"{len(plan.present)} already present)"
            )


if __name__ == "__main__":
    main()
