"""screenshots/ holds every screen the issues ask for, each made by make_screenshots.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "screenshots"
# Issue 3: board, contact, filter; issue 4: prep, brief, composer, targets;
# issue 6: agenda, thank-you composer, insights.
REQUIRED = {"board", "contact", "filter", "prep", "brief", "composer", "targets", "agenda",
            "thank-you", "insights"}  # fmt: skip


def _shots() -> dict[str, object]:
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", FOLDER / "make_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.SHOTS)


def test_every_required_screen_is_shot_and_every_svg_comes_from_the_script():
    shots = _shots()
    assert set(shots) >= REQUIRED
    assert {p.stem for p in FOLDER.glob("*.svg")} == set(shots)
