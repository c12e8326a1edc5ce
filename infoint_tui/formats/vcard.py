"""vCard files (.vcf) from phones, Google Contacts and Apple Contacts, read with `vobject`.

vCard 2.1, 3.0 and 4.0: folded lines, grouped properties (`item1.EMAIL` with its
`item1.X-ABLabel`), several emails, phones and addresses (the preferred one, else the first,
fills the field; the others go to the notes), ORG with a unit, TITLE, URL, NOTE, CATEGORIES as
tags. The other emails also identify the person. The file is cut into cards first, so one
truncated or broken card is reported by its position and the cards around it are still imported.

Photos, logos, sounds and keys are ignored, and dropped while the file is cut into cards, before
vobject sees them: a phone's 7 MB photo, decoded, took vobject a minute and a half.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..domain.models import Contact
from ..domain.text import clean_text
from ..domain.validation import InvalidField, check_email, check_name, check_url, normalize_url
from .intake import admit
from .parsed import Alternative, Incoming, Parsed, Skipped
from .progress import QUIET, Progress
from .source import FormatError, Source

KIND = "vCard contacts"
# Type words that say nothing a person would want in a note.
_PLAIN_TYPES = frozenset({"internet", "pref", "voice", "x400", "text", "uri"})
# Google's own groups, exported as categories on every card.
_SYSTEM_GROUPS = frozenset({"mycontacts", "starred"})
# Properties whose values are binary data (inline base64, often megabytes) or point to it.
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})


@dataclass
class Card:
    number: int  # 1 for the first card in the file
    line: int  # the line of its BEGIN:VCARD
    text: str
    complete: bool
    ended_by: str = ""  # why an incomplete card stops: the next card, or the end of the file

    @property
    def where(self) -> str:
        return f"card {self.number} (line {self.line})"


def split_cards(text: str) -> Iterator[Card]:
    """Cut the file at BEGIN:VCARD / END:VCARD lines; a card left open is yielded incomplete."""
    current: list[str] = []
    start = 0
    number = 0
    binary = False  # inside a photo's (or logo's...) lines, which are left out
    for index, line in enumerate(io.StringIO(text, newline="").readlines(), start=1):
        if binary:
            # Its folded lines start with a space or tab; vCard 2.1 base64 ends at a blank
            # line, and some exporters forget the indent: no property line lacks a colon.
            if line[:1] in (" ", "\t") or ":" not in line:
                continue
            binary = False
        if current and _property_name(line) in _BINARY:
            binary = True
            continue
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if current:
                yield Card(number, start, "".join(current), False, "the next card begins")
            number, start, current = number + 1, index, [line]
        elif current:
            current.append(line)
            if marker == "END:VCARD":
                yield Card(number, start, "".join(current), True)
                current = []
    if current:
        yield Card(number, start, "".join(current), False, "the file ends")


def _property_name(line: str) -> str:
    """The name of the property a (first, unfolded) line holds, without its group, upper case:
    "item1.PHOTO;ENCODING=b:..." is PHOTO."""
    if line[:1] in (" ", "\t"):
        return ""
    end = len(line)
    for stop in (":", ";"):
        found = line.find(stop, 0, end)
        if found != -1:
            end = found
    return line[:end].rpartition(".")[2].strip().upper()


def parse_vcard(source: Source, progress: Progress = QUIET) -> Parsed:
    """Read every card; cards that cannot be read are listed in `skipped` by position."""
    import vobject

    # vobject logs the lines it skips to stderr itself; we report them per card instead.
    logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
    cards = list(split_cards(source.text))
    if not cards:
        raise FormatError(f"{source.name} is not a vCard file (no BEGIN:VCARD line)")
    parsed = Parsed(kind=KIND, source=source.name)
    if source.encoding_note:
        parsed.notes.append(source.encoding_note)
    step = progress.phase("Reading cards", len(cards))
    for card in cards:
        step()
        if not card.complete:
            reason = f"cut short: {card.ended_by} before its END:VCARD"
            parsed.skipped.append(Skipped(card.where, reason))
            continue
        warnings: list[str] = []
        try:
            component, raw = _read_card(vobject, card.text, ignore_unreadable=False)
        except Exception as error:
            try:
                component, raw = _read_card(vobject, card.text, ignore_unreadable=True)
            except Exception:
                parsed.skipped.append(Skipped(card.where, f"cannot be read ({_message(error)})"))
                continue
            warnings.append(f"some lines could not be read and were left out ({_message(error)})")
        try:
            item = card_contact(card.where, component, raw)
        except Exception as error:
            parsed.skipped.append(Skipped(card.where, f"cannot be read ({_message(error)})"))
            continue
        if isinstance(item, Skipped):
            parsed.skipped.append(item)
            continue
        item.warnings[:0] = warnings
        parsed.contacts.append(item)
    return admit(parsed)


def _read_card(vobject: Any, text: str, *, ignore_unreadable: bool) -> tuple[Any, Any]:
    """The card parsed twice: with vobject's value decoding, and without it.

    vobject cuts a text value at its first unescaped comma ("NOTE:Met in March, keen" keeps
    "Met in March"); vCard 2.1 never escapes commas and some exporters forget to. Single text
    values are therefore read undecoded and unescaped here; N, ORG, ADR and CATEGORIES, whose
    commas and semicolons do separate parts, come from the decoded card.
    """
    from vobject.base import VObjectError, getLogicalLines, textLineToContentLine

    component = vobject.readOne(text, allowQP=True, ignoreUnreadable=ignore_unreadable)
    raw = _RawCard()
    # vobject's own line reader (folding, groups, parameters, quoted-printable), no decoding.
    for logical, number in getLogicalLines(io.StringIO(text), allowQP=True):
        try:
            line = textLineToContentLine(logical, number)
        except VObjectError:
            if not ignore_unreadable:
                raise
            continue
        raw.contents.setdefault(line.name.lower(), []).append(line)
    return component, raw


@dataclass
class _RawCard:
    contents: dict[str, list[Any]] = field(default_factory=dict)


_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}


def unescape(value: str) -> str:
    """A vCard text value with its backslash escapes (\\n, \\, \\; \\\\) turned into characters."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def _message(error: Exception) -> str:
    text = str(getattr(error, "msg", "") or error or type(error).__name__)
    return " ".join(text.split())[:120]


# -- one card ----------------------------------------------------------------------------------
def _lines(component: Any, name: str) -> list[Any]:
    lines: list[Any] = component.contents.get(name, [])
    return lines


def _types(line: Any) -> list[str]:
    types: list[str] = []
    for value in [*line.params.get("TYPE", []), *getattr(line, "singletonparams", [])]:
        types += [part.strip().lower() for part in str(value).split(",") if part.strip()]
    return types


def _preference(line: Any) -> int:
    """1 for the preferred value (4.0 PREF=1, 3.0 TYPE=pref, 2.1 PREF), larger for the others."""
    for value in line.params.get("PREF", []):
        if str(value).isdigit():
            return int(value)
    return 1 if "pref" in _types(line) else 101


def _by_preference(lines: list[Any]) -> list[Any]:
    return sorted(lines, key=_preference)  # sorted() is stable: ties keep the file's order


def _label(component: Any, line: Any) -> str:
    """A human label for a value: Apple's item label for its group, else its TYPE words."""
    if line.group:
        for other in _lines(component, "x-ablabel"):
            if other.group == line.group:
                return _text(other).removeprefix("_$!<").removesuffix(">!$_")
    return ", ".join(t for t in _types(line) if t not in _PLAIN_TYPES)


def _value(line: Any) -> str:
    """An undecoded text value, unescaped; line breaks kept."""
    value = line.value
    if isinstance(value, bytes):
        return ""
    if isinstance(value, list):
        return ", ".join(str(part) for part in value if part)
    return unescape(str(value)).strip()


def _text(line: Any) -> str:
    """A one-line text value: whitespace runs and line breaks become one space."""
    return " ".join(_value(line).split())


def _alternatives(
    component: Any, field: str, lines: list[Any], values: list[str]
) -> list[Alternative]:
    """The values after the first (the preferred one fills the field), with their labels."""
    return [
        Alternative(field, value, _label(component, line))
        for line, value in zip(lines[1:], values[1:], strict=True)
    ]


def card_contact(where: str, component: Any, raw: Any) -> Incoming | Skipped:
    """The contact one vCard describes, or why it is not one (see `_read_card` for `raw`)."""
    show_as = {_text(line).lower() for line in _lines(raw, "x-abshowas")}
    kind = {_text(line).lower() for line in _lines(raw, "kind")}
    if "company" in show_as or "org" in kind or "group" in kind:
        return Skipped(where, "a company or group card, not a person")
    written = _name(component, raw)
    try:
        check_name(written)  # admit() cleans the name as written, and says what it took out
    except InvalidField as error:
        return Skipped(where, str(error) if clean_text(written).strip() else "no name (FN or N)")
    contact = Contact(name=written)
    item = Incoming(where, contact)
    notes: list[str] = [_value(line) for line in _lines(raw, "note")]

    email_lines, emails = _valid(raw, "email", _email_value, item)
    contact.email = emails[0] if emails else ""
    phone_lines = _by_preference(_lines(raw, "tel"))
    phones = [_text(line).removeprefix("tel:") for line in phone_lines]
    contact.phone = phones[0] if phones else ""

    url_lines, urls = _valid(raw, "url", check_url, item)
    for line in _lines(raw, "x-socialprofile"):
        if "linkedin" in _types(line) or "linkedin" in _text(line).lower():
            url_lines.append(line)
            urls.append(_checked(check_url, _text(line), item))
    seen: set[str] = set()
    ordered = []
    for line, url in zip(url_lines, urls, strict=True):
        if url and normalize_url(url) not in seen:
            seen.add(normalize_url(url))
            ordered.append((line, url))
    ordered.sort(key=lambda pair: "linkedin.com/" not in normalize_url(pair[1]))  # profile first
    url_lines, urls = [pair[0] for pair in ordered], [pair[1] for pair in ordered]
    contact.url = urls[0] if urls else ""

    for line in _lines(component, "org")[:1]:
        parts = [str(part).strip() for part in _as_list(line.value) if str(part).strip()]
        contact.company = parts[0] if parts else ""
        if parts[1:]:
            notes.append(f"Department: {', '.join(parts[1:])}")
    titles = _lines(raw, "title") or _lines(raw, "role")
    contact.role = _text(titles[0]) if titles else ""
    addresses = _by_preference(_lines(component, "adr"))
    if addresses:
        contact.location = _place(addresses[0].value)
    for line in _lines(component, "categories"):
        for tag in _as_list(line.value):
            tag = " ".join(str(tag).split())
            if tag and tag.strip("* ").casefold() not in _SYSTEM_GROUPS and tag not in contact.tags:
                contact.tags.append(tag)
    item.alternatives = [
        *_alternatives(raw, "email", email_lines, emails),
        *_alternatives(raw, "phone", phone_lines, phones),
        *_alternatives(raw, "url", url_lines, urls),
    ]
    contact.notes = "\n".join(note for note in notes if note)
    return item


def _name(component: Any, raw: Any) -> str:
    for line in _lines(raw, "fn"):
        if _text(line):
            return _text(line)
    for line in _lines(component, "n"):
        value = line.value
        parts = [
            *_as_list(getattr(value, "prefix", "")),
            *_as_list(getattr(value, "given", "")),
            *_as_list(getattr(value, "additional", "")),
            *_as_list(getattr(value, "family", "")),
            *_as_list(getattr(value, "suffix", "")),
        ]
        joined = " ".join(str(part) for part in parts if str(part).strip())
        if joined.strip():
            return joined
    return ""


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value] if value else []


def _place(address: Any) -> str:
    parts = [getattr(address, name, "") for name in ("city", "region", "country")]
    return ", ".join(" ".join(str(p).split()) for p in parts if str(p).strip())


def _email_value(text: str) -> str:
    return check_email(text.removeprefix("mailto:").removeprefix("MAILTO:"))


def _checked(check: Any, text: str, item: Incoming) -> str:
    try:
        value: str = check(text)
    except InvalidField as error:
        item.warnings.append(f"{error}; imported without it")
        return ""
    return value


def _valid(component: Any, name: str, check: Any, item: Incoming) -> tuple[list[Any], list[str]]:
    """The lines of a property with a usable value, preferred first, and those values."""
    kept_lines, values = [], []
    for line in _by_preference(_lines(component, name)):
        value = _checked(check, _text(line), item)
        if value and value not in values:
            kept_lines.append(line)
            values.append(value)
    return kept_lines, values
