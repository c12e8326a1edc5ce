"""The vCard export: one vCard 3.0 card per contact, for a phone or an address book, via `vobject`.

Each card holds the name (FN, and N split at the last word), the company (ORG), the title
(TITLE), email, phone, profile or web address (URL), the location (ADR, as its city), the tags
(CATEGORIES) and the contact's notes (NOTE). vobject escapes commas, semicolons, backslashes and
line breaks; control characters are taken out first. `infoint import vcard` reads the file back
to the same people, and importing it into the campaign it came from changes nothing.
"""

from __future__ import annotations

from typing import Any

from ..domain.models import Contact
from ..domain.text import clean_text
from .snapshot import Snapshot

UID_PREFIX = "infoint-contact-"


def export_vcard(campaign: Snapshot) -> bytes:
    """Every contact, archived ones included (they are still people the user knows), by name."""
    cards = [_card(contact) for contact in sorted(campaign.contacts, key=_by_name)]
    return "".join(cards).encode()


def _by_name(contact: Contact) -> tuple[str, str]:
    return (contact.name.casefold(), contact.id)


def _card(contact: Contact) -> str:
    import vobject

    card = vobject.vCard()
    name = _line(contact.name) or _line(contact.email) or "Unnamed contact"  # FN is required
    card.add("fn").value = name
    given, _, family = name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company.strip():
        card.add("org").value = [_line(contact.company)]
    if contact.role.strip():
        card.add("title").value = _line(contact.role)
    if contact.email.strip():
        email = card.add("email")
        email.value = _line(contact.email)
        email.type_param = "INTERNET"
    if contact.phone.strip():
        card.add("tel").value = _line(contact.phone)
    if contact.url.strip():
        card.add("url").value = _line(contact.url)
    if contact.location.strip():
        card.add("adr").value = vobject.vcard.Address(city=_line(contact.location))
    tags = [_line(tag) for tag in contact.tags if _line(tag)]
    if tags:
        card.add("categories").value = tags
    notes = clean_text(contact.notes, multiline=True).strip("\n")
    if notes.strip():
        card.add("note").value = notes
    card.add("uid").value = UID_PREFIX + _line(contact.id)
    text: Any = card.serialize()
    return str(text)


def _line(text: str) -> str:
    return " ".join(clean_text(text).split())
