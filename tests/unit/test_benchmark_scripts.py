"""The benchmark scripts still start and still measure this tree: each loads as
`python tests/benchmarks/X.py` would load it (a fresh process, another working folder, infoint
not installed), and the harness builds its campaigns with this tree's campaign.py and runs the
app in a pseudo-terminal to its first paint.

The figures themselves are never a test (SPEC: "measured by a benchmark script, never by a
timed test"); this only catches a script that can no longer run what it measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))
CHECKOUT = BENCHMARKS.parents[1]


def run_script(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--python", sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_there_is_a_script_for_each_speed_goal():
    # the goals of SPEC "Performance" and issue 12's table, one script each
    assert {p.stem for p in SCRIPTS} >= {
        "bench_startup",  # first paint at 1k + 3k, 10k, 30k contacts
        "bench_memory",  # app and helpers
        "bench_save",  # one durable note save
        "bench_typing_writes",  # bytes written by a minute of typing
        "bench_live_notes",  # keystroke echo while saving
        "bench_import",  # import and list scaling
        "bench_commands",  # list --json and agenda
        "bench_kill",  # kill -9 while typing
        "bench_filter",  # filtering 10,000 contacts
    }


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_the_script_loads_from_anywhere(script, tmp_path):
    result = run_script(script.name, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "--root" in result.stdout and "--python" in result.stdout


def test_the_harness_measures_this_checkout_by_default(tmp_path):
    code = (
        f"import sys; sys.path.insert(0, {str(BENCHMARKS)!r})\n"
        "import harness; print(harness.ROOT)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert Path(result.stdout.strip()) == CHECKOUT


def test_a_campaign_is_built_by_the_trees_own_generator_and_saves_are_timed(tmp_path):
    result = run_script(
        "bench_save.py",
        "--runs",
        "2",
        "--sizes",
        "20+60",
        "--cache",
        str(tmp_path / "cache"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "20 contacts + 60 meetings" in result.stdout
    assert "SQLite commit" in result.stdout
    built = next((tmp_path / "cache").glob("*-20+60-150w/campaign.json"))
    from infoint_tui.actions.campaign import open_campaign

    campaign = open_campaign(built, autoflush=False)
    assert len(campaign.contact_rows()) == 20
    assert len(campaign.meeting_slots()) == 60
    assert not built.with_name("campaign.json.journal").exists()  # folded: as the app leaves it


def test_the_board_is_timed_from_the_terminal(tmp_path):
    result = run_script(
        "bench_startup.py",
        "--runs",
        "1",
        "--sizes",
        "20",
        "--cache",
        str(tmp_path / "cache"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "20 contacts" in result.stdout and "ratio" in result.stdout


def test_killed_while_typing_the_notes_load_with_what_was_saved(tmp_path):
    result = run_script(
        "bench_kill.py",
        "--rounds",
        "1",
        "--size",
        "20+60",
        "--cache",
        str(tmp_path / "cache"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "keys kept" in result.stdout and "BROKEN" not in result.stdout


def test_the_notes_loader_reads_every_meeting(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from harness import Campaigns, Size, Tree, notes_of
    finally:
        sys.path.remove(str(BENCHMARKS))
    tree = Tree(CHECKOUT, sys.executable)
    db = Campaigns(tree, tmp_path / "cache").fresh_copy(Size(5, 7, 10), tmp_path / "run")
    notes = notes_of(tree, db)
    assert len(notes) == 7
    assert all(len(text.split()) == 10 for text in notes.values())
