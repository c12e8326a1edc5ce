"""LinkedIn's Connections.csv (from "Get a copy of your data") read into new Prospects.

The file starts with a "Notes:" preamble before its header row; exports since 2020 have
`First Name, Last Name, URL, Email Address, Company, Position, Connected On`, older ones lack
the URL. Dates have been written "14 Mar 2024", "03/14/2024", "2024-03-14" and "14 March 2024".
A file re-saved by a spreadsheet may use semicolons or tabs, and another encoding.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from ..domain.models import Contact
from ..domain.stages import Stage
from ..domain.text import clean_text
from ..domain.validation import InvalidField, check_email, check_moment, check_name, check_url
from .intake import admit
from .parsed import Incoming, Parsed, Skipped
from .progress import QUIET, Progress, Step
from .source import FormatError, Source

KIND = "LinkedIn connections"
SOURCE = "linkedin"  # as in domain.models.SOURCES

# Our field -> the header titles LinkedIn (and spreadsheets re-saving its file) have used.
COLUMNS: dict[str, tuple[str, ...]] = {
    "first": ("first name", "firstname", "given name"),
    "last": ("last name", "lastname", "surname", "family name"),
    "url": ("url", "profile url", "linkedin url", "public profile url"),
    "email": ("email address", "e-mail address", "email", "e-mail"),
    "company": ("company", "organization", "organisation"),
    "position": ("position", "title", "job title"),
    "connected": ("connected on", "connected", "connection date", "connected at"),
}
_DELIMITERS = (",", ";", "\t")
_HEADER_SEARCH_ROWS = 30

_DATE_FORMATS = (
    "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y",
    "%d-%b-%y", "%d-%b-%Y", "%d %b %y", "%Y/%m/%d", "%d.%m.%Y",
)  # fmt: skip
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


class DateNotUnderstood(ValueError):
    pass


def parse_connection_date(text: str) -> date:
    """A 'Connected On' value in any of the forms LinkedIn has exported."""
    value = " ".join(text.strip().split())
    value = re.sub(r"\bSept\b", "Sep", value, flags=re.IGNORECASE)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", value):  # a timestamp: the day is enough
        value = value[:10]
    if match := _SLASHED.match(value):
        first, second, year = (int(part) for part in match.groups())
        if year < 100:
            year += 2000 if year < 70 else 1900
        month, day = (
            (first, second) if first <= 12 else (second, first)
        )  # US order unless impossible
        try:
            return date(year, month, day)
        except ValueError:
            raise DateNotUnderstood(text) from None
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise DateNotUnderstood(text)


def _title(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').casefold().split())


def _header_columns(row: list[str]) -> dict[str, int] | None:
    titles = [_title(cell) for cell in row]
    columns: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for index, title in enumerate(titles):
            if title in names:
                columns[field] = index
                break
    if "first" in columns and "last" in columns:
        return columns
    return None


def _find_header(lines: list[str]) -> tuple[str, dict[str, int], int, int] | None:
    """The delimiter, the columns, the header's cell count, and the index of the first data line."""
    for delimiter in _DELIMITERS:
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            for index, row in enumerate(reader):
                if index >= _HEADER_SEARCH_ROWS:
                    break
                columns = _header_columns(row)
                if columns is not None:
                    return delimiter, columns, len(row), reader.line_num
        except csv.Error:
            continue
    return None


def _not_linkedin(source: Source) -> FormatError:
    text = source.text.lstrip()
    if text[:11].upper() == "BEGIN:VCARD":
        hint = "; it is a vCard file (try: infoint import vcard)"
    elif text[:1] in "{[":
        hint = "; it looks like JSON (try: infoint import json)"
    else:
        first = next((line for line in text.splitlines() if line.strip()), "")[:80]
        hint = f" (its first line is {first!r})"
    return FormatError(
        f"{source.name} is not LinkedIn's Connections.csv: no 'First Name' and 'Last Name' "
        f"columns{hint}"
    )


def parse_linkedin(source: Source, progress: Progress = QUIET) -> Parsed:
    """Read every row; rows that cannot be a contact are listed in `skipped` by line number."""
    # The same physical lines csv counts (str.splitlines would also split on \v, \x1c, ...).
    lines = io.StringIO(source.text, newline="").readlines()
    found = _find_header(lines)
    if found is None:
        raise _not_linkedin(source)
    delimiter, columns, header_cells, position = found
    parsed = Parsed(kind=KIND, source=source.name)
    if source.encoding_note:
        parsed.notes.append(source.encoding_note)
    step = progress.phase("Reading rows", len(lines) - position)
    while position < len(lines):
        position = _read_rows(lines, position, delimiter, columns, header_cells, parsed, step)
    return admit(parsed)


def _read_rows(
    lines: list[str],
    position: int,
    delimiter: str,
    columns: dict[str, int],
    header_cells: int,
    parsed: Parsed,
    step: Step,
) -> int:
    """Read rows from line index `position`; return where to resume after an unbalanced quote.

    A quote left open swallows the lines after it into one cell; rather than lose them, the
    row is reported and reading starts again on the next line.
    """
    reader = csv.reader(lines[position:], delimiter=delimiter)
    consumed = 0
    try:
        for row in reader:
            line = position + consumed + 1
            spanned, consumed = reader.line_num - consumed, reader.line_num
            step()
            if not any(cell.strip() for cell in row):
                continue
            where = f"line {line}"
            problem = _shape_problem(row, header_cells, columns, spanned)
            if problem and spanned > 1:
                parsed.skipped.append(Skipped(where, "a quote is never closed on this line"))
                return line  # the index of the line after it
            if problem:
                parsed.skipped.append(Skipped(where, problem))
                continue
            item = _row_contact(where, row, columns)
            if isinstance(item, Skipped):
                parsed.skipped.append(item)
            else:
                parsed.contacts.append(item)
    except csv.Error as error:  # a NUL byte, a field beyond csv's size limit
        line = position + consumed + 1
        parsed.skipped.append(Skipped(f"line {line}", f"cannot be read ({error})"))
        return line
    return len(lines)


def _shape_problem(row: list[str], header_cells: int, columns: dict[str, int], spanned: int) -> str:
    cells = len(row)
    if spanned > 1 and any(
        "\n" in row[index] or "\r" in row[index]
        for field, index in columns.items()
        if field not in ("company", "position") and index < cells
    ):
        return "a quote is never closed"
    if cells > header_cells and any(cell.strip() for cell in row[header_cells:]):
        return (
            f"{cells} columns where the header has {header_cells} "
            "(a comma in a name or company without quotes?)"
        )
    if cells < max(columns.values()) + 1:
        return f"only {cells} of {header_cells} columns (the row is cut short)"
    return ""


def _row_contact(where: str, row: list[str], columns: dict[str, int]) -> Incoming | Skipped:
    def cell(field: str) -> str:
        index = columns.get(field)
        return row[index].strip() if index is not None and index < len(row) else ""

    written = f"{cell('first')} {cell('last')}"
    try:
        check_name(written)  # admit() cleans the name as written, and says what it took out
    except InvalidField as error:
        return Skipped(
            where, str(error) if clean_text(written).strip() else "no first or last name"
        )
    item = Incoming(where, Contact(name=written))
    contact: Contact = item.record
    contact.company, contact.role = cell("company"), cell("position")
    contact.source, contact.stage = SOURCE, Stage.PROSPECTS
    try:
        contact.email = check_email(cell("email"))
    except InvalidField as error:
        item.warnings.append(f"{error}; imported without it")
    try:
        contact.url = check_url(cell("url"))
    except InvalidField as error:
        item.warnings.append(f"{error}; imported without it")
    connected = cell("connected")
    if connected:
        try:
            contact.connected_on = check_moment(parse_connection_date(connected), "connected on")
        except (DateNotUnderstood, InvalidField):
            item.warnings.append(
                f"connection date {connected!r} not understood; imported without it"
            )
    return item
