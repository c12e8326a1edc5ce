"""Checks for what people type into contact fields, with messages that say how to fix it."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/.*)?$", re.IGNORECASE)


class InvalidField(ValueError):
    """A value that cannot be stored as typed."""


def check_email(text: str) -> str:
    value = text.strip()
    if value and not _EMAIL.match(value):
        raise InvalidField(f"{value!r} is not an email address (like name@example.com)")
    return value


def check_url(text: str) -> str:
    """Accept `linkedin.com/in/ada` as `https://linkedin.com/in/ada`; refuse what is not a web address."""
    value = text.strip()
    if not value:
        return value
    if not _SCHEME.match(value):
        value = "https://" + value
    scheme, rest = value.split("://", 1)
    if scheme.lower() not in ("http", "https") or not _HOST.match(rest):
        raise InvalidField(f"{text.strip()!r} is not a web address (like linkedin.com/in/name)")
    return value


def check_name(text: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise InvalidField("a contact needs a name")
    return value


def check_weeks(text: str) -> int | None:
    """A keep-in-touch cadence: "6", "6 weeks"; None when left empty (the default applies)."""
    value = text.strip().removesuffix("weeks").removesuffix("week").strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 104:
        raise InvalidField("a number of weeks, 1 to 104")
    return int(value)


def normalize_url(url: str) -> str:
    """A key for 'the same profile': no scheme, no www, no trailing slash or query, any case."""
    value = url.strip().lower()
    value = _SCHEME.sub("", value)
    value = value.removeprefix("www.")
    value = value.split("?", 1)[0].split("#", 1)[0]
    return value.rstrip("/")


def normalize_email(email: str) -> str:
    return email.strip().lower()
