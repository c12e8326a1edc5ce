"""Snapshots of every screen on demo data at a fixed moment, at 80x24 and 120x40
(pytest-textual-snapshot).

Update after an intended change with `pytest tests/app/test_snapshots.py --snapshot-update`,
then look at the report before committing.
"""

from __future__ import annotations

import pytest

from infoint_tui.domain.clock import FixedClock

from .helpers import demo_file, make_app

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


def _app(tmp_path, clock: FixedClock):
    return make_app(demo_file(tmp_path / "snap.json", clock), clock)


async def _settings(pilot) -> None:
    pilot.app.open_settings()
    await pilot.pause()


async def _live_notes_with_a_referral(pilot) -> None:
    """During Daniel Kim's call: notes typed, a referral named, its dialog open."""
    await pilot.press("right", "right", "i")
    pilot.app.focused.insert(
        "Started on the support desk, moved to research after the churn interviews.\n"
        "Talk to Jane Doe at Acme, she runs their learning research team"
    )
    await pilot.press("ctrl+r")
    await pilot.pause()


# screen: the keys that open it on the demo board (Daniel Kim is Scheduled: two to the right)
SCREENS = {
    "board": [],
    "contact": ["right", "right", "enter"],
    "prep": ["right", "right", "p"],
    "brief": ["right", "right", "b"],
    "agenda": ["a"],
    "insights": ["s"],
    "composer": ["right", "right", "right", "c"],  # Hannah Schmidt's thank-you
    "targets": ["t"],
    "help": ["question_mark"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, tmp_path, clock, screen, size):
    assert snap_compare(_app(tmp_path, clock), terminal_size=SIZES[size], press=SCREENS[screen])


@pytest.mark.parametrize("size", SIZES)
def test_settings(snap_compare, tmp_path, clock, size):
    assert snap_compare(_app(tmp_path, clock), terminal_size=SIZES[size], run_before=_settings)


@pytest.mark.parametrize("size", SIZES)
def test_live_notes_with_the_referral_dialog_open(snap_compare, tmp_path, clock, size):
    app = _app(tmp_path, clock)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_live_notes_with_a_referral)


def test_board_filtered_120x40(snap_compare, tmp_path, clock):
    assert snap_compare(_app(tmp_path, clock), terminal_size=(120, 40), press=["slash", *"health"])


def test_board_empty_column_focused_80x24(snap_compare, tmp_path, clock):
    keys = ["l", "l", "l", "right_square_bracket", "h"]  # Interviewed, emptied by the move
    assert snap_compare(_app(tmp_path, clock), terminal_size=(80, 24), press=keys)
