"""Text from outside is data: control characters are taken out before anything stores or shows it.

A name imported from a file can hold terminal escape sequences (`ESC ] 52` sets the clipboard,
`ESC [2J` clears the screen). C0 and C1 controls, DEL and the Unicode bidirectional overrides are
removed; a tab becomes a space where a field is one line, and newlines are kept only where the
field holds several lines (notes, research).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

# C0 (but tab and newline), DEL, C1, and the bidi embeddings, overrides and isolates that can
# make text read in another order than it is stored; and lone surrogates (a JSON "\ud800", or
# a command-line argument that was not UTF-8), which no file can be written with.
_CONTROLS_MULTILINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_CONTROLS_ONE_LINE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# A whole terminal sequence goes, not only its ESC: an OSC (`ESC ] 52 ; c ; <base64> BEL`) or a
# device string (DCS, SOS, PM, APC) up to its terminator, a CSI (`ESC [ 2 J`, or C1 `\x9b 2 J`),
# or a two-character escape (`ESC c`). Left without its ESC, "[2J" or "]52;c;aGk=" would stay
# in the name as noise. An unterminated string keeps its text (only the controls go).
_SEQUENCES = re.compile(
    "(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)"
    "|(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
    "|\x1b[ -/]*[0-~]"
)
_SEQUENCE_START = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without control characters: CR LF and CR become LF in multi-line text; in one-line
    text a line break or tab becomes a space. Terminal escape sequences go whole."""
    if text.isprintable():  # nothing to take out: every character removed below is not
        return text
    if _SEQUENCE_START.search(text) is not None:
        text = _SEQUENCES.sub("", text)
    if multiline:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROLS_MULTILINE.sub("", text)
    if "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROLS_ONE_LINE.sub("", text)


def has_controls(text: str) -> bool:
    """True if `text` holds a character that `clean_text(multiline=True)` would remove."""
    return _ANY_CONTROL.search(text) is not None


# The fields that hold several lines (notes, research, prep, templates); every other text field
# of a record is one line.
MULTILINE_FIELDS = frozenset(
    {
        "notes", "research_person", "research_company", "drafts",
        "objectives", "ask", "introduction", "debrief_learned", "debrief_fit",
        "debrief_who_else", "signature", "outreach_template", "thank_you_template",
        "check_in_template", "default_ask",
    }
)  # fmt: skip


def clean_record(record: Any) -> list[str]:
    """Take control characters out of every text field of a record (a Contact, Meeting, Settings,
    ... and the records inside it: questions, checklist, log, history), in place.

    Multi-line fields (MULTILINE_FIELDS) keep their line breaks and tabs; the others have them
    turned into spaces. `extra` (keys a newer version wrote) is cleaned the same way. Returns
    the names of the fields that held control characters, for a warning (a CR LF made LF, or a
    tab made a space, is not counted).
    """
    changed: list[str] = []
    one_line, multiline, containers = _field_kinds(type(record))
    # Most records are clean: one search over their text fields joined says so.
    texts = [value for value in map(record.__getattribute__, one_line) if type(value) is str]
    if texts and _DIRTY_ONE_LINE.search("".join(texts)):
        _clean_fields(record, one_line, False, changed)
    texts = [value for value in map(record.__getattribute__, multiline) if type(value) is str]
    if texts and _DIRTY_MULTILINE.search("".join(texts)):
        _clean_fields(record, multiline, True, changed)
    for name in containers:
        if getattr(record, name):
            _clean_fields(record, (name,), name in MULTILINE_FIELDS, changed)
    return changed


def _clean_fields(record: Any, names: tuple[str, ...], multiline: bool, changed: list[str]) -> None:
    for name in names:
        value = getattr(record, name)
        cleaned = _cleaned(value, multiline=multiline, changed=changed, name=name)
        if cleaned is not value:
            setattr(record, name, cleaned)


# What a text field must not hold: everything clean_text takes out, and on one line the breaks.
_DIRTY_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_DIRTY_MULTILINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_KINDS: dict[type, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}


def _field_kinds(cls: type) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A record class's fields that can hold text: one-line text, multi-line text, and
    containers (lists, dicts, records inside it), worked out once per class from its type
    hints. Dates, numbers, flags and enums hold none."""
    kinds = _KINDS.get(cls)
    if kinds is None:
        hints = typing.get_type_hints(cls)
        one_line: list[str] = []
        multiline: list[str] = []
        containers: list[str] = []
        for field in dataclasses.fields(cls):
            hint = hints.get(field.name, Any)
            args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            inner = args[0] if typing.get_origin(hint) in (typing.Union, types.UnionType) else hint
            if inner is str:
                (multiline if field.name in MULTILINE_FIELDS else one_line).append(field.name)
            elif inner is Any or typing.get_origin(inner) in (list, dict) or _is_record(inner):
                containers.append(field.name)
        kinds = _KINDS[cls] = (tuple(one_line), tuple(multiline), tuple(containers))
    return kinds


def _is_record(value: Any) -> bool:
    """A dataclass instance, or a dataclass type (a field's hint)."""
    return dataclasses.is_dataclass(value)


def _cleaned(value: Any, *, multiline: bool, changed: list[str], name: str) -> Any:
    """`value` with its text cleaned: the same object when nothing changed."""
    if isinstance(value, str):
        if not _needs_cleaning(value, multiline):
            return value
        if name not in changed and has_controls(value.replace("\r", "")):
            changed.append(name)  # line breaks made plain are not worth a word
        return clean_text(value, multiline=multiline)
    if isinstance(value, list):
        items = [_cleaned(item, multiline=multiline, changed=changed, name=name) for item in value]
        same = all(new is old for new, old in zip(items, value, strict=True))
        return value if same else items
    if isinstance(value, dict):
        pairs = {
            _cleaned(key, multiline=False, changed=changed, name=name): _cleaned(
                item, multiline=multiline, changed=changed, name=name
            )
            for key, item in value.items()
        }
        same = len(pairs) == len(value) and all(
            key in value and pairs[key] is value[key] for key in pairs
        )
        return value if same else pairs
    if _is_record(value) and not isinstance(value, type):
        for field in clean_record(value):
            label = f"{name}.{field}"
            if label not in changed:
                changed.append(label)
    return value


def _needs_cleaning(text: str, multiline: bool) -> bool:
    if multiline:
        return "\r" in text or has_controls(text)
    return has_controls(text) or "\t" in text or "\n" in text or "\r" in text


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """`1 contact`, `2 contacts`: a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
