"""Regenerate every SVG in screenshots/ from the demo campaign at a fixed moment.

    python screenshots/make_screenshots.py

Each shot is a list of keys pressed on a fresh demo file; the SVG shows the screen after them.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from dateutil import tz

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
os.environ.setdefault("TEXTUAL_ANIMATION", "none")

from infoint_tui.actions.campaign import open_campaign  # noqa: E402
from infoint_tui.actions.demo import seed_demo  # noqa: E402
from infoint_tui.app import InfointApp  # noqa: E402
from infoint_tui.domain.clock import FixedClock  # noqa: E402

MOMENT = datetime(2026, 11, 18, 9, 30, tzinfo=tz.gettz("Europe/Paris"))

# Typed into the focused editor in one go ("text:" keys), with captures between the lines.
NOTES = [
    "text:Started on the support desk, moved to research after running the churn interviews.\n",
    "text:I: hiring managers read the synthesis before the methods",
    "ctrl+l",
    "text:\nSend him the two-page case study by Friday",
    "ctrl+t",
    "text:\nTeam of six; every researcher pairs with a designer",
]

# name: (size, keys to press before the shot)
SHOTS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "board": ((120, 40), []),
    "board-80x24": ((80, 24), ["right"]),
    "filter": ((120, 40), ["slash", *"research"]),
    "contact": ((120, 40), ["right", "right", "enter"]),
    "agenda": ((120, 40), ["a"]),
    "agenda-80x24": ((80, 24), ["a", "down", "down", "down"]),
    "agenda-snooze": ((80, 24), ["a", "down", "s"]),
    "log-touch": ((80, 24), ["right", "r"]),
    "insights": ((120, 40), ["s"]),
    "insights-80x24": ((80, 24), ["s"]),
    "insights-80x24-themes": ((80, 24), ["s", "5"]),
    # Daniel Kim's coffee tomorrow: prep (checklist, questions), then the brief.
    "prep": ((120, 40), ["right", "right", "p"]),
    "prep-80x24": ((80, 24), ["right", "right", "p"]),
    "prep-questions": ((120, 40), ["right", "right", "p", *["ctrl+n"] * 4]),
    "prep-logistics-80x24": ((80, 24), ["right", "right", "p", "ctrl+n"]),
    "brief": ((120, 40), ["right", "right", "b"]),
    "brief-80x24": ((80, 24), ["right", "right", "b"]),
    # The first prospect's request, checked rule by rule as it is typed.
    "composer": ((120, 40), ["c"]),
    "composer-80x24": ((80, 24), ["c"]),
    "thank-you": ((120, 40), ["right", "right", "right", "c"]),
    "targets": ((120, 40), ["t"]),
    "targets-80x24": ((80, 24), ["t"]),
    # During Daniel Kim's call: notes typed, a line captured as an insight, a referral named.
    "live-notes": ((120, 40), ["right", "right", "i", *NOTES]),
    "live-notes-80x24": ((80, 24), ["right", "right", "i", *NOTES]),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str], folder: Path) -> Path:
    clock = FixedClock(MOMENT)
    path = folder / f"{name}.json"
    seed_demo(open_campaign(path, clock=clock), clock.now())
    app = InfointApp(open_campaign(path, clock=clock, autoflush=False), clock=clock)
    target = ROOT / f"{name}.svg"
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            if key.startswith("text:"):
                app.focused.insert(key.removeprefix("text:"))  # type: ignore[union-attr]
            else:
                await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(str(target))
    app.close_store()
    return target


async def main(only: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, (size, keys) in SHOTS.items():
            if not only or name in only:
                print(await shoot(name, size, keys, Path(folder)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
