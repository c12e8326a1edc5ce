"""The benchmark scripts still start: each is loaded as `python tests/benchmarks/X.py` would
load it (a fresh process, another working folder, infoint not installed), without running it.

The figures themselves are never a test (SPEC: "measured by a benchmark script, never by a
timed test"); this only catches a script that can no longer find the package it measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))


def test_there_is_a_script_for_each_speed_goal():
    # add (issue 2), start-up/filter/memory (3), typing with autosave (5), import (7)
    assert {p.stem for p in SCRIPTS} >= {"bench_add", "bench_startup", "bench_live_notes"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_the_script_loads_from_anywhere(script, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Loaded, then the package imported as the script's own functions import it later (lazily,
    # some of them, and in child processes given the script's ROOT as PYTHONPATH).
    code = (
        f"import runpy; g = runpy.run_path({str(script)!r}, run_name='loaded_by_a_test')\n"
        "import infoint_tui, pathlib\n"
        "root = g.get('ROOT')\n"
        "assert root is None or (pathlib.Path(root) / 'infoint_tui').is_dir(), root\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
