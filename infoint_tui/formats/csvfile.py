"""The CSV export: one row per contact with the main fields, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from ..domain.models import Contact
from .campaign import Campaign

COLUMNS = (
    "id", "name", "stage", "role", "company", "industry", "location", "email", "phone", "url",
    "source", "referred_by", "tags", "focus", "connected_on", "added", "last_contact",
    "next_meeting", "next_action", "next_action_due", "open_reminders", "archived",
    "archive_reason", "notes",
)  # fmt: skip


def export_csv(campaign: Campaign) -> str:
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
        writer.writerow([row[column] for column in COLUMNS])
    return out.getvalue()


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
