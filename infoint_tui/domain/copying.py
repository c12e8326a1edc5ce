"""A deep copy of records that knows their shape: lists, dicts and dataclasses are copied, all the
rest (strings, numbers, dates, enums) is immutable and shared; anything else goes to deepcopy.

`copy.deepcopy` handles any object graph, cycles included, and pays for it with a memo and a
reduce protocol per object: 30,000 imported contacts spent ten seconds in it. Records are trees
of plain values, so a walk over their fields does the same job several times faster.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import enum
from typing import Any, TypeVar

T = TypeVar("T")

_LEAF, _LIST, _DICT, _RECORD, _OTHER = range(5)
_KINDS: dict[type, int] = {str: _LEAF, int: _LEAF, float: _LEAF, bool: _LEAF, type(None): _LEAF}
_FIELDS: dict[type, tuple[str, ...]] = {}


def clone(value: T) -> T:
    """A copy of `value` that shares nothing mutable with it."""
    return _clone(value)  # type: ignore[no-any-return]


def _clone(value: Any) -> Any:
    kind = type(value)
    how = _KINDS.get(kind)
    if how is None:
        how = _KINDS[kind] = _classify(value)
    if how == _LEAF:
        return value
    if how == _LIST:
        return [_clone(item) for item in value]
    if how == _DICT:
        return {key: _clone(item) for key, item in value.items()}
    if how == _OTHER:
        return copy.deepcopy(value)
    twin = object.__new__(kind)
    fields = dict(value.__dict__)
    for name in _FIELDS[kind]:
        item = fields[name]
        if _KINDS.get(type(item)) != _LEAF:
            fields[name] = _clone(item)
    twin.__dict__.update(fields)
    return twin


def _classify(value: Any) -> int:
    kind = type(value)
    if kind is list:
        return _LIST
    if kind is dict:
        return _DICT
    if dataclasses.is_dataclass(value) and hasattr(value, "__dict__"):
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        return _RECORD
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta, enum.Enum)):
        return _LEAF
    if kind is tuple or kind is frozenset:
        return _OTHER  # shared only if all it holds is: deepcopy decides
    return _LEAF if isinstance(value, (str, int, float, bytes)) else _OTHER
