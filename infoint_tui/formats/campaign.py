"""A snapshot of the whole campaign as plain records: what exporters read and import plans compare with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..domain.models import (
    BankQuestion,
    Contact,
    Meeting,
    Reminder,
    Settings,
    TargetEmployer,
    Touch,
)

# The record tables, in the order exports write them (contacts first: the others point at them).
TABLES: dict[str, type] = {
    "contacts": Contact,
    "meetings": Meeting,
    "reminders": Reminder,
    "touches": Touch,
    "questions": BankQuestion,
    "targets": TargetEmployer,
}


class RecordSource(Protocol):
    """What a snapshot is taken from: the Repository (kept as a protocol so formats/ needs no store)."""

    @property
    def settings(self) -> Settings: ...

    def records(self, table: str) -> list[Any]: ...


@dataclass
class Campaign:
    contacts: list[Contact] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    touches: list[Touch] = field(default_factory=list)
    questions: list[BankQuestion] = field(default_factory=list)
    targets: list[TargetEmployer] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def of(cls, repo: RecordSource) -> Campaign:
        """Everything in the repository, archived contacts and closed reminders included.

        The lists hold the repository's own objects: readers must not change them.
        """
        return cls(**{name: list(repo.records(name)) for name in TABLES}, settings=repo.settings)

    def table(self, name: str) -> list[Any]:
        records: list[Any] = getattr(self, name)
        return records

    @property
    def is_empty(self) -> bool:
        return not any(self.table(name) for name in TABLES)

    def contact_by_id(self) -> dict[str, Contact]:
        return {c.id: c for c in self.contacts}
