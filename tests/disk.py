"""What is saved on disk: the data file and its journal, read as TinyDB reads them."""

from __future__ import annotations

import dataclasses
from enum import Enum
from pathlib import Path
from typing import Any

from infoint_tui.domain.models import (
    BankQuestion,
    Contact,
    Meeting,
    Reminder,
    Settings,
    TargetEmployer,
    Touch,
)
from infoint_tui.store.engine import MEETING_LOGISTICS
from infoint_tui.store.tinydb_storage import CampaignStorage

MODELS = {
    "contacts": Contact,
    "meetings": Meeting,
    "meeting_notes": Meeting,
    "reminders": Reminder,
    "touches": Touch,
    "questions": BankQuestion,
    "targets": TargetEmployer,
    "settings": Settings,
}


def saved(path: Path) -> dict[str, dict[str, Any]]:
    """The TinyDB document the campaign is on disk (the file with its journal replayed), each
    record with the default fields the store leaves out written back in, as infoint reads them."""
    document = CampaignStorage(path).read() or {}
    for table, docs in document.items():
        empty = _empty_fields(table)
        for doc in docs.values():
            for name, value in empty.items():
                doc.setdefault(name, value)
    return document


def _empty_fields(table: str) -> dict[str, Any]:
    """The fields a stored record of `table` leaves out when they hold their default."""
    model = MODELS.get(table)
    if model is None:
        return {}
    found: dict[str, Any] = {}
    for field in dataclasses.fields(model):
        if field.name == "extra":
            continue
        if table == "meetings" and field.name not in MEETING_LOGISTICS:
            continue
        if table == "meeting_notes" and field.name in MEETING_LOGISTICS:
            continue
        if field.default is not dataclasses.MISSING:
            value = field.default
        elif field.default_factory is not dataclasses.MISSING:
            value = field.default_factory()
        else:
            continue
        found[field.name] = value.value if isinstance(value, Enum) else value
    return found


def journal_of(path: Path) -> Path:
    """The journal beside a data file (it may not exist)."""
    return path.with_name(path.name + ".journal")
