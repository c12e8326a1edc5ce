"""The last step of every parser: outside text made data, and values out of range refused.

A file is someone else's: its names can hold terminal escape sequences (an OSC 52 that sets
the clipboard, a CSI that clears the screen), and an export edited by hand can hold a meeting
of 10**15 minutes or a date in year 1, which would crash every sum made with it later. Each
record read is cleaned (domain.text.clean_record) and checked (domain.validation); one that
cannot be kept is skipped with one line saying why, so the import summary lists it.
"""

from __future__ import annotations

from ..domain.models import Contact
from ..domain.text import clean_record as _clean_fields
from ..domain.text import clean_text
from ..domain.validation import InvalidField, check_name, record_problems
from .parsed import Alternative, Incoming, Parsed, Skipped


def admit(parsed: Parsed) -> Parsed:
    """`parsed` with every record cleaned and checked; what cannot be kept moves to `skipped`."""
    parsed.source = clean_text(parsed.source)
    parsed.notes = [clean_text(note) for note in parsed.notes]
    parsed.skipped = [_clean_skip(skip) for skip in parsed.skipped]
    parsed.contacts = [item for item in parsed.contacts if _admitted(item, parsed)]
    for table, items in parsed.records.items():
        parsed.records[table] = [item for item in items if _admitted(item, parsed)]
    if parsed.settings is not None:
        _clean_fields(parsed.settings)
        problems = record_problems(parsed.settings)
        if problems:
            parsed.skipped.append(Skipped("settings", _refusal(problems)))
            parsed.settings = None
    return parsed


def _admitted(item: Incoming, parsed: Parsed) -> bool:
    item.where = clean_text(item.where)
    changed = _clean_fields(item.record)
    item.alternatives = [
        Alternative(alt.field, clean_text(alt.value), clean_text(alt.label))
        for alt in item.alternatives
    ]
    item.warnings = [clean_text(warning) for warning in item.warnings]
    if isinstance(item.record, Contact):
        try:
            item.record.name = check_name(item.record.name)
        except InvalidField as error:
            parsed.skipped.append(Skipped(item.where, str(error)))
            return False
    problems = record_problems(item.record)
    if problems:
        parsed.skipped.append(Skipped(item.where, _refusal(problems)))
        return False
    if changed:
        fields = ", ".join(name.replace("_", " ") for name in changed)
        item.warnings.append(f"control characters taken out of: {fields}")
    return True


def _refusal(problems: list[str]) -> str:
    return "out of range: " + "; ".join(problems)


def _clean_skip(skip: Skipped) -> Skipped:
    return Skipped(clean_text(skip.where), clean_text(skip.reason))
