"""A snapshot of the whole campaign as plain records: what exporters read and import plans compare with."""

from __future__ import annotations

import dataclasses
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
from ..domain.text import clean_text
from ..domain.validation import record_problems

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
class Snapshot:
    contacts: list[Contact] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    touches: list[Touch] = field(default_factory=list)
    questions: list[BankQuestion] = field(default_factory=list)
    targets: list[TargetEmployer] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def of(cls, repo: RecordSource) -> Snapshot:
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

    def in_range(self, left_out: list[str]) -> Snapshot:
        """The campaign without the meetings, reminders and touches whose dates or numbers
        are out of range (domain.validation): what a calendar or a journal can be made of.
        Each one left out adds a line to `left_out`; the records themselves are not copied."""
        names = {c.id: c.name for c in self.contacts}
        kept: dict[str, list[Any]] = {}
        for table, noun in (
            ("meetings", "meeting"),
            ("reminders", "reminder"),
            ("touches", "touch"),
        ):
            kept[table] = []
            for record in self.table(table):
                problems = record_problems(record)
                if not problems:
                    kept[table].append(record)
                    continue
                name = names.get(getattr(record, "contact_id", None) or "")
                who = f" ({clean_text(name)})" if name else ""
                left_out.append(f"{noun} {record.id}{who}: {'; '.join(problems)}")
        if all(len(kept[table]) == len(self.table(table)) for table in kept):
            return self
        return dataclasses.replace(
            self, meetings=kept["meetings"], reminders=kept["reminders"], touches=kept["touches"]
        )
