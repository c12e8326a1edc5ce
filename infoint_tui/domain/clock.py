"""Where "now" comes from: the system clock in the app, a fixed clock in tests."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo


def local_zone() -> tzinfo:
    """The user's zone with its daylight-saving rules: $TZ or /etc/localtime through the
    standard zoneinfo, else dateutil's reading of the C library's zone."""
    import os

    try:
        name = os.environ.get("TZ", "").lstrip(":")
        if name:
            return ZoneInfo(name)
        if os.path.exists("/etc/localtime"):
            with open("/etc/localtime", "rb") as handle:
                return _FileZone.from_file(handle, key="localtime")
    except Exception:  # no tz database, an unknown name: fall back
        pass
    from dateutil import tz

    zone = tz.tzlocal()
    return zone if zone is not None else tz.UTC


class _FileZone(ZoneInfo):
    """A zone read from a file. The standard one cannot be copied (it pickles by its key, and a
    file has none), so a deep copy of a contact with a date in it failed; a zone never changes,
    so its copy is itself."""

    def __copy__(self) -> _FileZone:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> _FileZone:
        return self


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """The real time, timezone-aware in the user's local zone."""

    def __init__(self) -> None:
        self.zone = local_zone()

    def now(self) -> datetime:
        return datetime.now(self.zone)


class FixedClock:
    """A clock that says what it is told; `advance` moves it forward."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + timedelta(**delta)
