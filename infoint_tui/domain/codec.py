"""Turning domain dataclasses into JSON-ready dicts and back, driven by their type hints.

Keys the current version does not know are kept in `extra` and written back unchanged,
so nothing a newer or hand-edited file holds is dropped on save. Decoders are compiled once
per class from its type hints: loading thousands of records at start-up must be cheap.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date, datetime, tzinfo
from enum import Enum
from typing import Any, TypeVar, Union

T = TypeVar("T")
Decoder = Callable[[Any], Any]


class RecordError(ValueError):
    """A stored record that does not have the shape its model expects."""


def to_dict(obj: Any, *, sparse: bool = False) -> dict[str, Any]:
    """The record as JSON-ready data. `sparse` leaves out the fields that hold their default
    (mostly nothing: None, empty text, an empty list): `from_dict` gives them back, and a
    stored record is then read faster and held in less memory."""
    out: dict[str, Any] = {}
    defaults = _defaults(type(obj)) if sparse else {}
    for field in _fields(type(obj)):
        value = getattr(obj, field)
        if field in defaults and value == defaults[field]:
            continue
        out[field] = _encode(value)
    extra = getattr(obj, "extra", None)
    if extra:
        for key, value in extra.items():
            out.setdefault(key, value)
    return out


def from_dict(cls: type[T], data: dict[str, Any], zone: tzinfo | None = None) -> T:
    """A record from its stored form. With `zone` (the user's), a date and time stored with the
    offset that zone has at that moment is read back in the zone itself, so adding weeks to it
    keeps its time of day across a change to or from daylight saving time; one stored with
    another offset (a meeting set in another zone) keeps its offset."""
    if zone is None:
        return _from_dict(cls, data)
    token = _ZONE.set(zone)
    try:
        return _from_dict(cls, data)
    finally:
        _ZONE.reset(token)


_ZONE: ContextVar[tzinfo | None] = ContextVar("infoint_zone", default=None)


def _from_dict(cls: type[T], data: dict[str, Any]) -> T:
    if not isinstance(data, dict):
        raise RecordError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    converters, keeps_extra = _plan(cls)
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] | None = None
    for key, value in data.items():
        convert = converters.get(key)
        if convert is None:
            if extra is None:
                extra = {}
            extra[key] = value
            continue
        try:
            kwargs[key] = convert(value)
        except (TypeError, ValueError, KeyError) as error:
            raise RecordError(f"{cls.__name__}.{key}: {error}") from error
    if extra and keeps_extra:
        kwargs["extra"] = extra
    try:
        return cls(**kwargs)
    except TypeError as error:
        raise RecordError(f"{cls.__name__}: {error}") from error


_FIELDS: dict[type, tuple[str, ...]] = {}
_PLANS: dict[type, tuple[dict[str, Decoder], bool]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "extra")  # type: ignore[arg-type]
    return found


def _defaults(cls: type) -> dict[str, Any]:
    """Each field's default value, for the fields that have one."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name == "extra":
                continue
            if f.default is not dataclasses.MISSING:
                found[f.name] = f.default
            elif f.default_factory is not dataclasses.MISSING:
                value = f.default_factory()
                if value in ([], {}):  # not a fresh id
                    found[f.name] = value
    return found


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _plan(cls: type) -> tuple[dict[str, Decoder], bool]:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        converters = {name: _decoder_for(hints[name]) for name in _fields(cls)}
        plan = _PLANS[cls] = (converters, "extra" in hints)
    return plan


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


def _optional(inner: Decoder) -> Decoder:
    def decode(value: Any) -> Any:
        return None if value is None else inner(value)

    return decode


def _typed(kind: type, label: str) -> Decoder:
    def decode(value: Any) -> Any:
        if type(value) is not kind:  # bool is not int; int is not str
            raise TypeError(f"expected {label}, got {value!r}")
        return value

    return decode


def _decode_datetime(value: Any) -> datetime:
    if type(value) is not str:
        raise TypeError(f"expected a date and time, got {value!r}")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"datetime without a time zone: {value!r}")
    zone = _ZONE.get()
    if zone is not None:
        try:
            local = parsed.astimezone(zone)
        except (OverflowError, ValueError):  # at the edge of the calendar: as stored
            return parsed
        if local.utcoffset() == parsed.utcoffset():
            return local
    return parsed


def _decode_date(value: Any) -> date:
    if type(value) is not str:
        raise TypeError(f"expected a date, got {value!r}")
    return date.fromisoformat(value)


def _enum(cls: type[Enum]) -> Decoder:
    members = {member.value: member for member in cls}

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid {cls.__name__}") from None

    return decode


def _list_of(inner: Decoder | None) -> Decoder:
    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return list(value) if inner is None else [inner(item) for item in value]

    return decode


def _record(cls: type) -> Decoder:
    return lambda value: _from_dict(cls, value)


def _decoder_for(hint: Any) -> Decoder:
    origin = typing.get_origin(hint)
    if origin is Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _decoder_for(args[0]) if len(args) == 1 else (lambda v: v)
        return _optional(inner)
    if origin in (list, tuple):
        item_args = typing.get_args(hint)
        item = _decoder_for(item_args[0]) if item_args and item_args[0] is not Any else None
        return _list_of(None if item is _identity else item)
    if origin is dict:
        return _dict_copy
    if hint is Any:
        return _identity
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return _enum(hint)
        if hint is datetime:
            return _decode_datetime
        if hint is date:
            return _decode_date
        if dataclasses.is_dataclass(hint):
            return _record(hint)
        if hint is bool:
            return _typed(bool, "true or false")
        if hint is int:
            return _typed(int, "a whole number")
        if hint is str:
            return _typed(str, "text")
        if hint is float:
            return lambda v: float(v) if type(v) in (int, float) else _typed(float, "a number")(v)
    return _identity


def _identity(value: Any) -> Any:
    return value


def _dict_copy(value: Any) -> dict[str, Any]:
    """A copy: the stored document stays as it was read when the record is changed."""
    if type(value) is not dict:
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return dict(value)
