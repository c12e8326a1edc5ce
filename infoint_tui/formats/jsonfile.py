"""The JSON export: the whole campaign in one file that `import json` restores or merges.

Shape: {"format": "infoint-export", "version": 1, "exported_at": ..., "settings": {...},
"contacts": [...], "meetings": [...], "reminders": [...], "touches": [...], "questions": [...],
"targets": [...]}; each record as the data file stores it (stages by canonical name, times
in ISO 8601 with their offset). `parse_json` also reads infoint's own data file or one of its
backups, so a backup can be merged into the current campaign.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .. import __version__
from ..domain.codec import RecordError, from_dict, to_dict
from ..domain.models import Settings
from .intake import admit
from .parsed import Incoming, Parsed, Skipped
from .snapshot import TABLES, Snapshot
from .source import FormatError, Source

KIND = "infoint JSON export"
FORMAT_MARKER = "infoint-export"
FORMAT_VERSION = 1
# The data file's schema this reader understands (store.schema.SCHEMA_VERSION; not imported so
# that formats/ does not load the store and TinyDB).
DATA_SCHEMA = 2


def export_json(campaign: Snapshot, now: datetime) -> str:
    document: dict[str, Any] = {
        "format": FORMAT_MARKER,
        "version": FORMAT_VERSION,
        "exported_at": now.isoformat(),
        "exported_by": f"infoint {__version__}",
        "settings": to_dict(campaign.settings),
    }
    for table in TABLES:
        document[table] = [to_dict(record) for record in campaign.table(table)]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# How deep an export's values may nest. infoint's own records go five levels down; orjson, which
# the store writes with, refuses more than 255, and Python's parser overflows its stack near 1,000.
MAX_DEPTH = 64


def parse_json(source: Source) -> Parsed:
    try:
        document = json.loads(source.text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{source.name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise _too_deep(source.name) from None
    if _depth_over(document, MAX_DEPTH):
        raise _too_deep(source.name)
    tables = _tables(source.name, document)
    parsed = Parsed(kind=KIND, source=source.name, exact_ids=True)
    if source.encoding_note:
        parsed.notes.append(source.encoding_note)
    settings_doc = tables.pop("settings", None)
    if settings_doc is not None:
        try:
            parsed.settings = from_dict(Settings, settings_doc)
        except RecordError as error:
            parsed.skipped.append(Skipped("settings", f"cannot be read ({error})"))
    for table, cls in TABLES.items():
        for index, doc in enumerate(tables.get(table, []), start=1):
            where = _where(table, index, doc)
            if not isinstance(doc, dict):
                parsed.skipped.append(Skipped(where, "is not a JSON object"))
                continue
            if not isinstance(doc.get("id"), str) or not doc["id"]:
                parsed.skipped.append(Skipped(where, "has no id"))
                continue
            try:
                record: Any = from_dict(cls, doc)
            except RecordError as error:
                parsed.skipped.append(Skipped(where, f"cannot be read ({error})"))
                continue
            item = Incoming(where, record)
            if table == "contacts":
                parsed.contacts.append(item)
            else:
                parsed.records.setdefault(table, []).append(item)
    if not parsed.readable and parsed.settings is None and not parsed.skipped:
        raise FormatError(f"{source.name} holds no infoint records")
    return admit(parsed)


def _too_deep(name: str) -> FormatError:
    return FormatError(
        f"{name} is nested too deeply (more than {MAX_DEPTH} levels) to be an infoint export"
    )


def _depth_over(document: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` levels (walked without recursion)."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if not isinstance(value, (dict, list)):
            continue
        children = value.values() if isinstance(value, dict) else value
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _where(table: str, index: int, doc: Any) -> str:
    label = doc.get("name") if table == "contacts" and isinstance(doc, dict) else None
    if isinstance(label, str) and len(label) > _LABEL_LENGTH:
        label = label[: _LABEL_LENGTH - 1] + "…"
    return f"{table} #{index}" + (f" ({label})" if isinstance(label, str) and label else "")


_LABEL_LENGTH = 60  # a name quoted in "contacts #3 (name)"


def _tables(name: str, document: Any) -> dict[str, Any]:
    """An export's tables as lists of records (and its settings); also reads a data file."""
    if not isinstance(document, dict):
        raise FormatError(f"{name} is not an infoint export (the top level is not an object)")
    if document.get("format") == FORMAT_MARKER:
        version = document.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise FormatError(
                f"{name} was exported by a newer infoint (export version {version!r}; this one "
                f"reads up to {FORMAT_VERSION}); update infoint to import it"
            )
        tables: dict[str, Any] = {}
        for table in TABLES:
            records = document.get(table, [])
            if not isinstance(records, list):
                raise FormatError(f"{name}: {table!r} is not a list of records")
            tables[table] = records
        if isinstance(document.get("settings"), dict):
            tables["settings"] = document["settings"]
        return tables
    if _is_data_file(document):
        return _data_file_tables(name, document)
    raise FormatError(
        f'{name} is not an infoint export (no "format": "{FORMAT_MARKER}"; '
        "make one with: infoint export json)"
    )


NOTES_TABLE = "meeting_notes"  # the store's table for meeting notes (see store/engine.py)


def _is_data_file(document: dict[str, Any]) -> bool:
    known = set(TABLES) | {"meta", "settings", "_default", NOTES_TABLE}
    return (
        any(key in document for key in (*TABLES, "meta"))
        and set(document) <= known
        and all(isinstance(table, dict) for table in document.values())
    )


def _data_file_tables(name: str, document: dict[str, Any]) -> dict[str, Any]:
    for doc in (document.get("meta") or {}).values():
        schema = doc.get("schema") if isinstance(doc, dict) else None
        if isinstance(schema, int) and schema > DATA_SCHEMA:
            raise FormatError(
                f"{name} was written by a newer infoint (schema {schema}); update infoint to import it"
            )
        if isinstance(doc, dict) and "crypt" in doc:  # its records are ciphertext (infoint encrypt)
            raise FormatError(
                f"{name} is an encrypted infoint data file; open it with --db, or decrypt it "
                "(infoint decrypt --db FILE) before importing it"
            )
    tables: dict[str, Any] = {}
    notes = {
        doc.get("id"): doc
        for doc in (document.get(NOTES_TABLE) or {}).values()
        if isinstance(doc, dict)
    }
    for table in TABLES:
        records = []
        for key, doc in (document.get(table) or {}).items():
            if isinstance(doc, dict) and "id" not in doc:  # as the store names hand-made records
                doc = {**doc, "id": f"{table[0]}{key}"}
            if table == "meetings" and isinstance(doc, dict):
                doc = {
                    **notes.get(doc["id"], {}),
                    **doc,
                }  # the store keeps notes in their own table
            records.append(doc)
        tables[table] = records
    settings = list((document.get("settings") or {}).values())
    if settings and isinstance(settings[0], dict):
        tables["settings"] = settings[0]
    return tables
