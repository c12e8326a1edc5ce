"""Shared fixtures: a fixed clock, a repository on a temporary file, no animations."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from dateutil import tz

os.environ.setdefault("TEXTUAL_ANIMATION", "none")

from infoint_tui.actions.campaign import Campaign, open_campaign
from infoint_tui.domain.clock import FixedClock

ZONE = tz.gettz("Europe/Paris")
# A Wednesday morning: the reminder rules and the "best day to send" depend on the weekday.
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=ZONE)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "campaign.json"


@pytest.fixture
def repo(db_path: Path, clock: FixedClock) -> Campaign:
    return open_campaign(db_path, clock=clock)
