"""Building the app on a temporary file for Pilot tests, and reading back what it saved."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.app import InfointApp
from infoint_tui.domain.clock import FixedClock
from tests.disk import saved


def demo_file(path: Path, clock: FixedClock) -> Path:
    seed_demo(open_campaign(path, clock=clock), clock.now())
    return path


def make_app(path: Path, clock: FixedClock) -> InfointApp:
    return InfointApp(open_campaign(path, clock=clock, autoflush=False), clock=clock)


@asynccontextmanager
async def running(path: Path, clock: FixedClock, size: tuple[int, int] = (120, 36)):
    app = make_app(path, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot
        await settle(app, pilot)
    assert app.close_store() is None


async def settle(app: InfointApp, pilot: Any) -> None:
    """Wait until every change the app made is on disk."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    assert app.session is not None and app.session.wait_saved(10)


def saved_contacts(path: Path) -> dict[str, dict[str, Any]]:
    """The saved contacts, by name."""
    return {doc["name"]: doc for doc in saved_table(path, "contacts")}


def saved_table(path: Path, table: str) -> list[dict[str, Any]]:
    """A table's saved records (the file and its journal), their empty fields written out."""
    return list(saved(path).get(table, {}).values())
