"""Merging a record read from a file into the one already kept: new facts in, nothing overwritten.

The rule, for every record type: a field the user left empty (no text, no date, no list) takes
the incoming value; a field with a value keeps it. Lists gain the incoming items they lack
(tags, questions, checklist items, capture log), and notes gain the incoming lines they lack,
so merging the same thing twice changes nothing the second time. An email, phone or profile
URL that differs from the one kept is added to the contact's notes.

A contact's stage is the user's: it is kept, with its history. The one exception is a
contact never moved from Prospects (an import puts everyone there): it takes the stage and
history of an incoming record that is further along, such as the same person in an export.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ..domain.copying import clone
from ..domain.models import Contact
from ..domain.stages import Stage
from ..domain.validation import normalize_email, normalize_url

# Fields a merge never touches: identity, and where the user has put the record.
KEPT = frozenset(
    {
        "id", "name", "stage", "history", "archived", "archived_at", "archive_reason",
        "contact_id", "custom",
    }
)  # fmt: skip
# Text where incoming lines are appended rather than dropped (the user's own words).
LINE_MERGED = frozenset({"notes"})
# Moments where the later one is the truth (the last contact restarts the check-in clock).
LATEST = frozenset({"last_contact"})
# How list items are recognised as the same item, by field name.
LIST_KEYS: dict[str, Callable[[Any], Any]] = {
    "tags": lambda tag: str(tag).casefold(),
    "history": lambda change: (change.stage, change.at),
    "job_history": lambda change: (change.at, change.company, change.role),
    "questions": lambda question: " ".join(question.text.casefold().split()),
    "checklist": lambda item: item.key or " ".join(item.text.casefold().split()),
    "log": lambda capture: (capture.at, capture.kind, capture.text),
}
# Contact fields whose differing incoming value is worth a line in the notes.
OTHER_VALUE_LABELS = {"email": "Other email", "phone": "Other phone", "url": "Other web address"}


def merged_changes(existing: Any, incoming: Any) -> dict[str, Any]:
    """The fields of `existing` that merging `incoming` into it would change, with new values.

    Neither record is modified; the values returned are copies, safe to set on `existing`.
    """
    changes: dict[str, Any] = {}
    for spec in dataclasses.fields(existing):
        name = spec.name
        if name in KEPT:
            continue
        old, new = getattr(existing, name), getattr(incoming, name, None)
        merged = _merged_value(name, old, new)
        if merged is not _UNCHANGED and merged != old:
            changes[name] = clone(merged)
    if isinstance(existing, Contact) and isinstance(incoming, Contact):
        changes.update(_stage_changes(existing, incoming))
        lines = other_value_lines(existing, incoming)
        if lines:
            notes = changes.get("notes", existing.notes)
            notes = append_lines(notes, "\n".join(lines))
            if notes != existing.notes:
                changes["notes"] = notes
    return changes


def _stage_changes(existing: Contact, incoming: Contact) -> dict[str, Any]:
    never_moved = existing.stage is Stage.PROSPECTS and len(existing.history) <= 1
    stage = existing.stage
    if never_moved and incoming.stage is not Stage.PROSPECTS:
        stage = incoming.stage
    if stage is not incoming.stage or not incoming.history:
        return {}
    if stage is not existing.stage:  # the lone "added to Prospects" gives way to the real path
        return {"stage": stage, "history": clone(incoming.history)}
    history = union(existing.history, incoming.history, LIST_KEYS["history"])
    history.sort(key=lambda change: change.at)
    changes: dict[str, Any] = {}
    if history != existing.history:
        changes["history"] = clone(history)
    return changes


def apply_changes(record: Any, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(record, name, value)


def fill_from(record: Any, incoming: Any) -> dict[str, Any]:
    """Merge `incoming` into `record` in place; return what changed."""
    changes = merged_changes(record, incoming)
    apply_changes(record, changes)
    return changes


_UNCHANGED = object()


def _merged_value(name: str, old: Any, new: Any) -> Any:
    if is_empty(new):
        return _UNCHANGED
    if name in LINE_MERGED and isinstance(old, str) and isinstance(new, str):
        return append_lines(old, new)
    if name in LATEST and isinstance(old, (datetime, date)) and isinstance(new, type(old)):
        return max(old, new)
    if isinstance(old, list) and isinstance(new, list):
        return union(old, new, LIST_KEYS.get(name, _identity))
    if isinstance(old, dict) and isinstance(new, dict):
        return {**new, **old}
    if is_empty(old):
        return new
    return _UNCHANGED


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def union(old: list[Any], new: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen = {key(item) for item in old}
    merged = list(old)
    for item in new:
        item_key = key(item)
        if item_key not in seen:
            seen.add(item_key)
            merged.append(item)
    if merged and all(hasattr(item, "at") for item in merged) and len(merged) > len(old):
        merged.sort(key=lambda item: item.at)
    return merged


def _identity(item: Any) -> Any:
    return item


def append_lines(old: str, new: str) -> str:
    """`old` followed by the lines of `new` it does not already contain."""
    if not old.strip():
        return new
    present = {" ".join(line.split()) for line in old.splitlines()}
    missing = [line for line in new.splitlines() if " ".join(line.split()) not in present]
    while missing and not missing[0].strip():
        missing.pop(0)
    if not any(line.strip() for line in missing):
        return old
    return old.rstrip("\n") + "\n" + "\n".join(missing)


def other_value_lines(existing: Contact, incoming: Contact) -> list[str]:
    """'Other email: …' lines for an incoming email, phone or URL that differs from the kept one."""
    lines = []
    for name, label in OTHER_VALUE_LABELS.items():
        old, new = getattr(existing, name), getattr(incoming, name)
        if not old or not new or same_value(name, old, new):
            continue
        if new in existing.notes:
            continue
        lines.append(f"{label}: {new}")
    return lines


def same_value(name: str, a: str, b: str) -> bool:
    """The same email (any case), web address (as `normalize_url` keys it) or phone (`phone_key`)."""
    if not a or not b:
        return False
    if name == "email":
        return normalize_email(a) == normalize_email(b)
    if name == "url":
        return normalize_url(a) == normalize_url(b)
    return phone_key(a) == phone_key(b)


def phone_key(phone: str) -> str:
    """A phone number's last nine digits: the same with or without its country code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-9:]
