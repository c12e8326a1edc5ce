"""'The same person': the same profile URL or the same email address."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from .models import Contact
from .validation import normalize_email, normalize_url


class Identified(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def url(self) -> str: ...


Person = TypeVar("Person", bound=Identified)


def find_duplicate(existing: Iterable[Person], candidate: Identified) -> Person | None:
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


class DuplicateFinder:
    """`find_duplicate` for many candidates at once: an index by email and profile URL.

    Importing 800 connections into 800 contacts would otherwise compare every pair.
    """

    def __init__(self, existing: Iterable[Contact] = ()) -> None:
        self._by_email: dict[str, Contact] = {}
        self._by_url: dict[str, Contact] = {}
        for contact in existing:
            self.add(contact)

    def add(self, contact: Contact) -> None:
        """Index `contact`; the first contact indexed under a key keeps it."""
        email = normalize_email(contact.email)
        url = normalize_url(contact.url)
        if email:
            self._by_email.setdefault(email, contact)
        if url:
            self._by_url.setdefault(url, contact)

    def find(self, candidate: Contact) -> Contact | None:
        """The same person as `candidate` (same email, else same profile URL), if indexed."""
        email = normalize_email(candidate.email)
        url = normalize_url(candidate.url)
        for found in (
            self._by_email.get(email) if email else None,
            self._by_url.get(url) if url else None,
        ):
            if found is not None and found.id != candidate.id:
                return found
        return None
