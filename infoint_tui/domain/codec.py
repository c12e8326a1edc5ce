"""Turning domain dataclasses into JSON-ready dicts and back, driven by their type hints.

Keys the current version does not know are kept in `extra` and written back unchanged,
so nothing a newer or hand-edited file holds is dropped on save.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, Union

T = TypeVar("T")


class RecordError(ValueError):
    """A stored record that does not have the shape its model expects."""


def to_dict(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in _fields(type(obj)):
        out[field] = _encode(getattr(obj, field))
    extra = getattr(obj, "extra", None)
    if extra:
        for key, value in extra.items():
            out.setdefault(key, value)
    return out


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    if not isinstance(data, dict):
        raise RecordError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)
    known = _fields(cls)
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            try:
                kwargs[key] = _decode(hints[key], value)
            except (TypeError, ValueError, KeyError) as error:
                raise RecordError(f"{cls.__name__}.{key}: {error}") from error
        else:
            extra[key] = value
    if extra and "extra" in hints:
        kwargs["extra"] = extra
    try:
        return cls(**kwargs)
    except TypeError as error:
        raise RecordError(f"{cls.__name__}: {error}") from error


_FIELDS: dict[type, tuple[str, ...]] = {}
_HINTS: dict[type, dict[str, Any]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "extra")
    return found


def _hints(cls: type) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        (item_hint,) = typing.get_args(hint)[:1] or (Any,)
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return [_decode(item_hint, item) for item in value]
    if origin is dict or hint is Any:
        return value
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return hint(value)
        if hint is datetime:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError(f"datetime without a time zone: {value!r}")
            return parsed
        if hint is date:
            return date.fromisoformat(value)
        if dataclasses.is_dataclass(hint):
            return from_dict(hint, value)
        if hint is bool:
            if not isinstance(value, bool):
                raise TypeError(f"expected true or false, got {value!r}")
            return value
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"expected a whole number, got {value!r}")
            return value
        if hint is str:
            if not isinstance(value, str):
                raise TypeError(f"expected text, got {value!r}")
            return value
    return value
