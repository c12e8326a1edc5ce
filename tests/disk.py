"""What is saved on disk: the data file and its journal, read as TinyDB reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from infoint_tui.store.tinydb_storage import CampaignStorage


def saved(path: Path) -> dict[str, dict[str, Any]]:
    """The TinyDB document the campaign is on disk (the file with its journal replayed)."""
    return CampaignStorage(path).read() or {}


def journal_of(path: Path) -> Path:
    """The journal beside a data file (it may not exist)."""
    return path.with_name(path.name + ".journal")
