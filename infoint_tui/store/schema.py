"""The file's schema version and the migrations that bring older files up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# 2: the file is written one record per line and a journal may continue it (meta "fold").
SCHEMA_VERSION = 2
META_TABLE = "meta"

Tables = dict[str, dict[str, dict[str, Any]]]


def _journal_beside(data: Tables) -> Tables:
    """Schema 1 to 2: the records are the same; the file is rewritten in the new layout."""
    return data


# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file. The store backs the file up
# before running any of them.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _journal_beside}


def schema_of(data: Tables) -> int | str | None:
    """The file's schema version; None if it names none (a new file); a sentence saying what is
    wrong if it names one that is not a positive whole number."""
    meta = data.get(META_TABLE) or {}
    for doc in meta.values():
        if not isinstance(doc, dict) or "schema" not in doc:
            continue
        found = doc["schema"]
        if type(found) is not int:
            return f"its schema version {found!r} is not a whole number"
        if found < 1:
            return f"its schema version {found} is not a version infoint ever wrote"
        return found
    return None


def migrate(data: Tables, found: int) -> Tables:
    for version in range(found, SCHEMA_VERSION):
        data = MIGRATIONS[version](data)
    return data
