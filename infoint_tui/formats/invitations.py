"""Calendar invitations (.ics) read with `icalendar`: who, when (with its zone), how long, where.

An invitation as Google Calendar, Outlook or Zoom sends it (METHOD:REQUEST, or CANCEL), or a
plain event saved from a calendar (no METHOD, or PUBLISH). Each VEVENT becomes an `Invitation`:
its UID and SEQUENCE (to know it again, and which version is newer), whether it is cancelled
(METHOD:CANCEL or STATUS:CANCELLED), the start in its own time zone (a VTIMEZONE, an Olson name,
a Windows name such as "Pacific Standard Time"; a time with no zone is the user's local time),
the length, the organizer and attendees (rooms and non-participants left out), and the place:

- a place you go to (LOCATION that is not a link, a phone number or a label like "Microsoft
  Teams Meeting"): in person, or coffee when the event or place says so;
- else a meeting link (LOCATION, CONFERENCE, X-GOOGLE-CONFERENCE, Teams' meeting URL, URL, or a
  Zoom / Meet / Teams / Webex link in the description): video, the link as the place;
- else a tel: link or a dial-in number: phone, the number as the place;
- else in person, with no place.

Events that cannot be used (no UID, no start, an all-day event, one occurrence of a repeating
event) are listed as skipped, by position; a file that is not iCalendar is one FormatError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..domain.models import Medium
from ..domain.text import clean_text
from .parsed import Skipped
from .source import FormatError, Source

KIND = "calendar invitation"
LONGEST_MINUTES = 12 * 60  # beyond this an event is not a conversation: its length is not used

# Hosts of video meetings; a link to one of them in a description is the meeting's link.
VIDEO_HOSTS = (
    "zoom.us", "zoom.com", "meet.google.com", "teams.microsoft.com", "teams.live.com",
    "webex.com", "whereby.com", "meet.jit.si", "gotomeeting.com", "gotomeet.me", "bluejeans.com",
    "chime.aws", "skype.com", "around.co", "meet.around.co", "facetime.apple.com", "discord.gg",
)  # fmt: skip
_LINK = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s().\-/]{7,}(?:[,;#pw*]+[\d#*,;]*)?$", re.IGNORECASE)
_DIAL_WORDS = re.compile(r"\b(dial[- ]?in|phone|call me|conference call|tel)\b", re.IGNORECASE)
_VIDEO_LABEL = re.compile(
    r"\b(teams|zoom|google meet|webex|skype|whereby|jitsi|video|online|virtual|facetime)\b",
    re.IGNORECASE,
)
_COFFEE = re.compile(r"\b(coffee|caf[eé]|espresso|latte|tea)\b", re.IGNORECASE)
# Properties that hold a meeting link, in the order they are trusted.
_LINK_PROPERTIES = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL")
_IGNORED_CUTYPES = frozenset({"ROOM", "RESOURCE", "GROUP"})


@dataclass(frozen=True)
class Person:
    """Someone an invitation names: its organizer or an attendee."""

    name: str  # the CN, or "" (Google writes the email as the CN: that is no name)
    email: str

    def __str__(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email


@dataclass
class Invitation:
    """One event of the file."""

    where: str  # "event 1 (Sam / Alice: career chat)"
    uid: str
    sequence: int
    cancelled: bool
    start: datetime
    duration_min: int | None  # None: not given (or not usable)
    medium: Medium
    place: str
    summary: str = ""
    method: str = ""  # the file's METHOD: "REQUEST" is an invitation received
    organizer: Person | None = None
    attendees: list[Person] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        """The organizer first, then the attendees, each once."""
        found: list[Person] = []
        seen: set[str] = set()
        for person in [*([self.organizer] if self.organizer else []), *self.attendees]:
            key = person.email.casefold() or person.name.casefold()
            if key and key not in seen:
                seen.add(key)
                found.append(person)
        return found


@dataclass
class InvitationFile:
    source: str
    method: str  # "REQUEST", "CANCEL", "PUBLISH" or "" (none)
    invitations: list[Invitation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_invitations(source: Source, zone: tzinfo) -> InvitationFile:
    """Every usable event of an .ics file; `zone` is the user's, for times given without one."""
    import icalendar

    text = source.text
    if "BEGIN:VCALENDAR" not in text.upper():
        first = next((line for line in text.splitlines() if line.strip()), "")[:60]
        hint = f" (its first line is {first!r})" if first else " (it is empty)"
        raise FormatError(f"{source.name} is not a calendar file: no BEGIN:VCALENDAR{hint}")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as error:
        raise FormatError(f"{source.name} is not a readable calendar ({_message(error)})") from None
    markers = [line.strip().upper() for line in text.splitlines()]
    cut_short = markers.count("BEGIN:VCALENDAR") > markers.count("END:VCALENDAR") or (
        markers.count("BEGIN:VEVENT") > markers.count("END:VEVENT")
    )
    if not calendars and cut_short:
        raise FormatError(f"{source.name} is cut short: its calendar never ends (no END:VCALENDAR)")
    methods = [_line(_text(calendar.get("METHOD"))).upper() for calendar in calendars]
    found = InvitationFile(source.name, next((m for m in methods if m), ""))
    if source.encoding_note:
        found.notes.append(source.encoding_note)
    number = 0
    for calendar, method in zip(calendars, methods, strict=True):
        for event in calendar.walk("VEVENT"):
            number += 1
            summary = _line(_text(event.get("SUMMARY")))
            where = f"event {number}" + (f" ({summary})" if summary else "")
            try:
                item = _invitation(event, method, where, summary, zone)
            except Exception as error:
                item = f"cannot be read ({_message(error)})"
            unreadable = [_line(str(problem)) for _, problem in getattr(event, "errors", [])]
            if isinstance(item, str):
                extra = f" (a line could not be read: {unreadable[0][:80]})" if unreadable else ""
                found.skipped.append(Skipped(where, item + extra))
            else:
                item.warnings += [f"a line could not be read: {p[:80]}" for p in unreadable]
                found.invitations.append(item)
    if cut_short:
        found.skipped.append(
            Skipped("the end of the file", "cut short: what follows its last complete calendar")
        )
    if not found.invitations and not found.skipped:
        raise FormatError(f"{source.name} holds no events")
    return found


def _invitation(
    event: Any, method: str, where: str, summary: str, zone: tzinfo
) -> Invitation | str:
    """The event as an Invitation, or the reason it cannot be used."""
    if event.get("RECURRENCE-ID") is not None:
        return "a change to one occurrence of a repeating event (not imported)"
    uid = _line(_text(event.get("UID")))
    if not uid:
        return "has no UID, so a later update could not be matched to it"
    try:
        start = event.start
    except Exception as error:
        return f"has no usable start ({_message(error)})"
    if not isinstance(start, datetime):
        return "an all-day event has no time of day"
    warnings: list[str] = []
    start = _zoned(start, event, zone, warnings)
    status = _text(event.get("STATUS")).upper()
    try:
        sequence = int(event.sequence)
    except Exception:
        sequence = 0
        warnings.append("its SEQUENCE is not a number; read as 0")
    medium, place = guess_place(event, summary)
    return Invitation(
        where=where,
        uid=uid,
        sequence=sequence,
        cancelled=method == "CANCEL" or status == "CANCELLED",
        start=start,
        duration_min=_minutes(event, warnings),
        medium=medium,
        place=place,
        summary=summary,
        method=method,
        organizer=next(map(_person, _as_list(event.get("ORGANIZER"))), None),
        attendees=[p for p in map(_person, _as_list(event.get("ATTENDEE"))) if p is not None],
        warnings=warnings,
    )


def _zoned(start: datetime, event: Any, zone: tzinfo, warnings: list[str]) -> datetime:
    """The start in a zone Python knows by name where possible (Outlook's Windows names too)."""
    tzid = _text(event["DTSTART"].params.get("TZID")) if "DTSTART" in event else ""
    if start.tzinfo is not None and isinstance(start.tzinfo, ZoneInfo):
        return start
    named = _zone_named(tzid)
    if start.tzinfo is not None:  # a VTIMEZONE of the file's own: kept as its offset that day
        offset = start.utcoffset()
        if named is not None:
            return start.astimezone(named)
        return start.astimezone(timezone(offset)) if offset is not None else start
    if named is not None:
        return start.replace(tzinfo=named)
    if tzid:
        warnings.append(f"its time zone {tzid!r} is unknown; read as your local time")
    return start.replace(tzinfo=zone)


def _zone_named(tzid: str) -> ZoneInfo | None:
    if not tzid:
        return None
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    for name in (tzid, WINDOWS_TO_OLSON.get(tzid, "")):
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def _minutes(event: Any, warnings: list[str]) -> int | None:
    try:
        length = event.duration
    except Exception:
        warnings.append("its end cannot be read; the default length is used")
        return None
    if not isinstance(length, timedelta) or length <= timedelta(0):
        return None
    minutes = round(length.total_seconds() / 60)
    if minutes > LONGEST_MINUTES:
        warnings.append(f"it lasts {minutes // 60} hours; the default length is used")
        return None
    return max(minutes, 1)


def _person(address: Any) -> Person | None:
    if address is None:
        return None
    params = getattr(address, "params", {})
    if _text(params.get("CUTYPE")).upper() in _IGNORED_CUTYPES:
        return None
    if _text(params.get("ROLE")).upper() == "NON-PARTICIPANT":
        return None
    value = _line(str(address))
    email = value[len("mailto:") :] if value.lower().startswith("mailto:") else ""
    email = email.strip() if "@" in email else ""
    name = _line(_text(params.get("CN"))).strip('"')
    if "@" in name and " " not in name:
        name = ""  # Google writes the address as the CN
    if not name and not email:
        return None
    return Person(name, email)


def guess_place(event: Any, summary: str = "") -> tuple[Medium, str]:
    """(medium, place) for an event: see the module's rules."""
    location = _line(_text(event.get("LOCATION")))
    links: list[str] = []
    phones: list[str] = []
    for conference in _as_list(event.get("CONFERENCE")):
        value = _line(str(conference))
        (phones if value.lower().startswith("tel:") else links).append(value)
    for name in _LINK_PROPERTIES:
        for value in _as_list(event.get(name)):
            text = _line(str(value))
            if _LINK.fullmatch(text) and (name != "URL" or is_video_link(text)):
                links.append(text)
    description = clean_text(_text(event.get("DESCRIPTION")), multiline=True)
    links += [link.rstrip(".,;)>") for link in _LINK.findall(description) if is_video_link(link)]
    if location.lower().startswith("tel:"):
        return Medium.PHONE, location[4:]
    if _LINK.fullmatch(location):
        return Medium.VIDEO, location
    if location and _PHONE.match(location):
        return Medium.PHONE, location
    if location and not _VIDEO_LABEL.search(location) and not _DIAL_WORDS.search(location):
        coffee = _COFFEE.search(location) or _COFFEE.search(summary)
        return (Medium.COFFEE if coffee else Medium.IN_PERSON), location
    if links:
        return Medium.VIDEO, links[0]
    if phones:
        return Medium.PHONE, phones[0][4:]
    if location and _DIAL_WORDS.search(location):
        return Medium.PHONE, location
    if location:
        return Medium.VIDEO, location  # "Zoom", "Microsoft Teams Meeting" with no link
    return (Medium.COFFEE if _COFFEE.search(summary) else Medium.IN_PERSON), ""


def is_video_link(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].lower().split("@")[-1]
    return any(host == known or host.endswith("." + known) for known in VIDEO_HOSTS)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    """A property's text value (icalendar unescapes it); "" for none."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _message(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return " ".join(clean_text(text).split())[:120]
