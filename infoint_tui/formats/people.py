"""Recognising a person already in the campaign (or earlier in the same file)."""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable

from ..domain.dedupe import DuplicateFinder
from ..domain.models import Contact
from ..domain.validation import normalize_email, normalize_url
from .merge import phone_key
from .parsed import Incoming


def _name_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _digits(phone: str) -> str:
    key = phone_key(phone)
    return key if len(key) >= 6 else ""  # too short to tell people apart


class KnownPeople:
    """Who is known, and how to recognise them again.

    The same email or profile URL (domain.dedupe) is the same person. A contact with neither
    to match on is recognised by the same name and company, or name and phone, unless the two
    hold different emails or profile URLs: otherwise re-importing a file without them (an old
    LinkedIn export, a phone's address book) would add everyone again.
    """

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self.by_id: dict[str, Contact] = {}
        self.finder = DuplicateFinder()
        self.by_name: dict[tuple[str, str, str], list[Contact]] = defaultdict(list)
        for contact in contacts:
            self.add(contact)

    def add(self, contact: Contact, other_emails: Iterable[str] = (), *, as_id: str = "") -> None:
        """Index `contact` (or, with `as_id`, more keys of the contact with that id)."""
        key_holder = contact
        if as_id:
            key_holder = copy.copy(contact)
            key_holder.id = as_id
        self.by_id.setdefault(key_holder.id, contact)
        self.finder.add(key_holder)
        for email in other_emails:
            self.finder.add(Contact(name=contact.name, id=key_holder.id, email=email))
        for key in self._name_keys(contact):
            self.by_name[key].append(key_holder)

    @staticmethod
    def _name_keys(contact: Contact) -> list[tuple[str, str, str]]:
        name = _name_key(contact.name)
        keys = [(name, "phone", _digits(contact.phone))] if _digits(contact.phone) else []
        return [*keys, (name, "company", _name_key(contact.company))]

    def find(self, item: Incoming) -> tuple[Contact, str] | None:
        """The known contact `item` is, and why; None for someone new."""
        contact: Contact = item.record
        emails = {normalize_email(e) for e in [contact.email, *item.other_emails] if e}
        for email in [None, *item.other_emails]:
            probe = contact if email is None else Contact(name="", id=contact.id, email=email)
            found = self.finder.find(probe)
            if found is not None:
                why = "same email" if normalize_email(found.email) in emails else "same profile URL"
                return self.by_id[found.id], why
        for key in self._name_keys(contact):
            for other in self.by_name.get(key, []):
                if other.id != contact.id and not _conflicting(other, contact):
                    what = "phone" if key[1] == "phone" else "company" if key[2] else ""
                    why = f"same name and {what}" if what else "same name (and no company)"
                    return self.by_id[other.id], why
        return None


def _conflicting(a: Contact, b: Contact) -> bool:
    """Two records that cannot be one person: different emails, or different profile URLs."""
    emails_differ = bool(a.email and b.email) and normalize_email(a.email) != normalize_email(
        b.email
    )
    urls_differ = bool(a.url and b.url) and normalize_url(a.url) != normalize_url(b.url)
    return emails_differ or urls_differ
