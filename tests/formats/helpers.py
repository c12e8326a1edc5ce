"""Sample files the format tests build: LinkedIn exports in their variants, vCards."""

from __future__ import annotations

import csv
import io
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def linkedin_csv(
    rows: list[list[str]],
    *,
    header: list[str] = HEADER,
    preamble: str = PREAMBLE,
    newline: str = "\n",
    delimiter: str = ",",
) -> str:
    """A Connections.csv as LinkedIn writes it (csv quoting, the 'Notes:' preamble)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return preamble.replace("\n", newline) + out.getvalue()


def connection(n: int, **overrides: str) -> list[str]:
    """Row `n` of a generated export: distinct names, profile URLs and (every third) emails."""
    row = {
        "first": f"Person{n}",
        "last": f"Example{n}",
        "url": f"https://www.linkedin.com/in/person-{n}-example",
        "email": f"person{n}@example.com" if n % 3 == 0 else "",
        "company": f"Company {n % 40}, Inc.",
        "position": "Engineer",
        "connected": "14 Mar 2024",
    }
    row.update(overrides)
    return list(row.values())


def vcard(*lines: str, version: str = "3.0", newline: str = "\r\n") -> str:
    return newline.join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + newline
