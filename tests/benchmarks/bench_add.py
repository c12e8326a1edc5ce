"""Time of one `infoint add` (a whole process) on a file with 5,000 contacts.

python tests/benchmarks/bench_add.py [--contacts 5000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from campaign import build

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "add.json"
        build(path, args.contacts, 0)
        env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
        times = []
        for i in range(args.runs + 1):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "infoint_tui", "add", f"Bench Person {i}", "--company", "Acme", "--db", str(path)],
                check=True, capture_output=True, env=env,
            )  # fmt: skip
            if i:  # the first run warms the .pyc files and takes the session's backup
                times.append(time.perf_counter() - start)
        baseline = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
            baseline.append(time.perf_counter() - start)
        print(
            f"infoint add on {args.contacts} contacts ({path.stat().st_size / 1e6:.2f} MB file), a whole process, median of {args.runs}:"
        )
        print(
            f"  {statistics.median(times) * 1000:.0f} ms  (runs: {', '.join(f'{t * 1000:.0f}' for t in times)}; an empty Python process: {statistics.median(baseline) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
