"""The file's schema version and the migrations that bring older files up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "meta"
SETTINGS_TABLE = "settings"

Tables = dict[str, dict[str, dict[str, Any]]]

# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file. The store backs the file up
# before running any of them.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def schema_of(data: Tables) -> int | None:
    meta = data.get(META_TABLE) or {}
    for doc in meta.values():
        if isinstance(doc, dict) and isinstance(doc.get("schema"), int):
            return int(doc["schema"])
    return None


def migrate(data: Tables, found: int) -> Tables:
    for version in range(found, SCHEMA_VERSION):
        data = MIGRATIONS[version](data)
    meta = data.setdefault(META_TABLE, {})
    doc = dict(meta.get("1", {}))
    doc["schema"] = SCHEMA_VERSION
    meta["1"] = doc
    return data
