"""Shared fixtures: a fixed clock, a repository on a temporary file, no animations."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from dateutil import tz

os.environ.setdefault("TEXTUAL_ANIMATION", "none")
# Encrypted test files: scrypt at a low cost (a variable for tests only, see store/crypto.py),
# the passphrase never taken from the developer's environment, and never their keyring.
os.environ["INFOINT_TEST_SCRYPT_LOG2_N"] = "10"
os.environ.pop("INFOINT_PASSPHRASE", None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

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


@pytest.fixture
def keyring():
    """The keyring module over an empty keyring in memory (put back after the test)."""
    import keyring as module

    from tests.keyrings import MemoryKeyring

    previous = module.get_keyring()
    module.set_keyring(MemoryKeyring())
    yield module
    module.set_keyring(previous)
