"""What a parser returns: the records read from one file, each with where it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.models import Settings


@dataclass(frozen=True)
class Alternative:
    """A contact's second email, phone or web address: kept in the notes, not in the field."""

    field: str  # "email", "phone" or "url"
    value: str
    label: str = ""  # "home", "Personal"

    def __str__(self) -> str:
        return f"{self.value} ({self.label})" if self.label else self.value


@dataclass
class Incoming:
    """One record read from a file, with where it was found ("line 12", "card 3 (line 20)")."""

    where: str
    record: Any
    warnings: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)

    @property
    def other_emails(self) -> list[str]:
        """More ways to recognise the person."""
        return [alt.value for alt in self.alternatives if alt.field == "email"]


@dataclass(frozen=True)
class Skipped:
    """A row, card or record that is not imported, or a remark about one that is."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class Parsed:
    """What a parser read from one file."""

    kind: str  # "LinkedIn connections", "vCard contacts", "infoint export"
    source: str  # the file's name
    contacts: list[Incoming] = field(default_factory=list)
    records: dict[str, list[Incoming]] = field(default_factory=dict)  # other tables (exports)
    settings: Settings | None = None
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole file (its encoding)
    exact_ids: bool = False  # the file's record ids are infoint's own (an export)

    @property
    def readable(self) -> int:
        return len(self.contacts) + sum(len(items) for items in self.records.values())
