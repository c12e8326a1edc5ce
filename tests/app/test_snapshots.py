"""Snapshots of the board on demo data at a fixed moment (pytest-textual-snapshot).

Update after an intended change with `pytest tests/app/test_snapshots.py --snapshot-update`,
then look at the report before committing.
"""

from __future__ import annotations

from infoint_tui.domain.clock import FixedClock

from .helpers import demo_file, make_app


def _app(tmp_path, clock: FixedClock):
    return make_app(demo_file(tmp_path / "snap.json", clock), clock)


def test_board_80x24(snap_compare, tmp_path, clock):
    assert snap_compare(_app(tmp_path, clock), terminal_size=(80, 24))


def test_board_160x45(snap_compare, tmp_path, clock):
    assert snap_compare(_app(tmp_path, clock), terminal_size=(160, 45))


def test_board_filtered_160x45(snap_compare, tmp_path, clock):
    assert snap_compare(_app(tmp_path, clock), terminal_size=(160, 45), press=["slash", *"health"])
