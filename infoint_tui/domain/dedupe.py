"""'The same person': the same profile URL or the same email address."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Contact
from .validation import normalize_email, normalize_url


def find_duplicate(existing: Iterable[Contact], candidate: Contact) -> Contact | None:
    email = normalize_email(candidate.email)
    url = normalize_url(candidate.url)
    for contact in existing:
        if contact.id == candidate.id:
            continue
        if email and normalize_email(contact.email) == email:
            return contact
        if url and normalize_url(contact.url) == url:
            return contact
    return None
