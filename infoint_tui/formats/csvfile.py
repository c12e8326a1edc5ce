"""The CSV export: one row per contact with the main fields, for a spreadsheet.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and some also
after a tab or CR: a contact named `=HYPERLINK("http://evil", "Click")` or `@SUM(1+1)*cmd|' /C
calc'!A0` would act when the file is opened. Such a cell gets a single quote in front, as
OWASP's "CSV Injection" page advises; the cell then reads as the text it is. A plain number or
phone number (`-12`, `+1 555 0100`, `+44 (0)20 7946 0958`: digits, spaces and `().-/` only)
is left as it is: without letters it can call no function and point at no cell.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from ..domain.models import Contact
from ..domain.text import clean_text
from .snapshot import Snapshot

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-][\d\s().\-/]*\d[\d\s().\-/]*$")

COLUMNS = (
    "id", "name", "stage", "role", "company", "industry", "location", "email", "phone", "url",
    "source", "referred_by", "tags", "focus", "connected_on", "added", "last_contact",
    "next_meeting", "next_action", "next_action_due", "open_reminders", "archived",
    "archive_reason", "notes",
)  # fmt: skip


def export_csv(campaign: Snapshot) -> str:
    """Contacts by stage then name (archived ones last); stages by canonical name."""
    names = {c.id: c.name for c in campaign.contacts}
    next_meeting: dict[str, datetime] = {}
    for meeting in campaign.meetings:
        if meeting.when is not None and meeting.ended_at is None:
            known = next_meeting.get(meeting.contact_id)
            if known is None or meeting.when < known:
                next_meeting[meeting.contact_id] = meeting.when
    open_reminders: dict[str, int] = {}
    for reminder in campaign.reminders:
        if reminder.is_open and reminder.contact_id:
            open_reminders[reminder.contact_id] = open_reminders.get(reminder.contact_id, 0) + 1
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    ordered = sorted(
        campaign.contacts, key=lambda c: (c.archived, c.stage.order, c.name.casefold())
    )
    for contact in ordered:
        row = _row(contact, names, next_meeting.get(contact.id), open_reminders.get(contact.id, 0))
        writer.writerow([_cell(row[column], multiline=column == "notes") for column in COLUMNS])
    return out.getvalue()


def neutralize(text: str) -> str:
    """A cell a spreadsheet will show as text: a quote before a leading formula character."""
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def _cell(value: object, *, multiline: bool) -> object:
    if not isinstance(value, str):
        return value
    return neutralize(clean_text(value, multiline=multiline))


def _row(
    contact: Contact, names: dict[str, str], meeting: datetime | None, reminders: int
) -> dict[str, object]:
    return {
        "id": contact.id, "name": contact.name, "stage": contact.stage.value,
        "role": contact.role, "company": contact.company, "industry": contact.industry,
        "location": contact.location, "email": contact.email, "phone": contact.phone,
        "url": contact.url, "source": contact.source,
        "referred_by": names.get(contact.referred_by or "", ""),
        "tags": "; ".join(contact.tags), "focus": contact.focus.value if contact.focus else "",
        "connected_on": _iso(contact.connected_on), "added": _iso(contact.created_at),
        "last_contact": _iso(contact.last_contact), "next_meeting": _iso(meeting),
        "next_action": contact.next_action, "next_action_due": _iso(contact.next_action_due),
        "open_reminders": reminders, "archived": "yes" if contact.archived else "",
        "archive_reason": contact.archive_reason, "notes": contact.notes,
    }  # fmt: skip


def _iso(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()
