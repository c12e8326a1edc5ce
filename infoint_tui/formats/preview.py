"""An import plan as a preview shows it: what would be added, updated, found, skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..domain.jobs import JobMove
from ..domain.merging import LikelyDuplicate
from ..domain.models import JobChange, Settings
from .parsed import Skipped


@dataclass
class Planned:
    """One record the import would add, update, or find already there."""

    where: str
    table: str
    record: Any  # the record to add; for an update, the incoming record merged into the target
    target_id: str | None = None  # the record already kept that it is the same as
    target_label: str = ""
    changes: dict[str, Any] = field(default_factory=dict)  # an update's fields and new values
    reason: str = ""  # why it is the same: "same email", "same record", "same person as line 4"
    job_move: JobMove | None = None  # a contact's new company or title (see domain.jobs)

    @property
    def label(self) -> str:
        return self.target_label or describe(self.table, self.record)


@dataclass
class ImportPlan:
    kind: str
    source: str
    added: list[Planned] = field(default_factory=list)
    updated: list[Planned] = field(default_factory=list)
    present: list[Planned] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    settings: Settings | None = None  # the settings to save, when the import changes them
    settings_changes: list[str] = field(default_factory=list)
    restores_settings: bool = False  # the file's settings replace defaults never changed
    exact_ids: bool = False
    duplicates: list[LikelyDuplicate] = field(default_factory=list)  # added people to look at

    @property
    def job_changes(self) -> list[Planned]:
        return [item for item in self.updated if item.job_move is not None]

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated or self.settings is not None)

    def count(self, bucket: str, table: str = "contacts") -> int:
        items: list[Planned] = getattr(self, bucket)
        return sum(1 for item in items if item.table == table)

    def summary_lines(self, *, merge_commands: bool = True) -> list[str]:
        """The headline, then one line per update, job change, skip, remark and likely duplicate
        (for a terminal or a preview); `merge_commands=False` leaves out the `infoint merge`
        commands (a dry run: the ids of people not added yet would not be theirs)."""
        head = (
            f"{self.kind} from {self.source}: {self.count('added')} added, "
            f"{self.count('updated')} updated, {self.count('present')} already present, "
            f"{len(self.skipped)} skipped"
        )
        lines = [head]
        others = _other_tables(self)
        if others:
            lines.append(f"  also {others}")
        if self.settings is not None:
            lines.append(f"  settings: {', '.join(self.settings_changes)}")
        for item in self.updated:
            if item.table == "contacts":
                fields = ", ".join(name.replace("_", " ") for name in item.changes)
                lines.append(f"  {item.where}: updated {item.label} ({item.reason}): {fields}")
        for item in self.present:
            if item.reason.startswith("same person as"):
                lines.append(f"  {item.where}: {item.reason} ({item.label}), merged into it")
        for item in self.job_changes:
            assert item.job_move is not None
            lines.append(f"  {item.label}: {item.job_move.describe()}")
        lines += [f"  {skip.where} skipped: {skip.reason}" for skip in self.skipped]
        lines += [f"  {warning}" for warning in self.warnings]
        lines += [f"  note: {note}" for note in self.notes]
        for pair in self.duplicates:
            merge = f"; to merge them: {pair.command}" if merge_commands else ""
            lines.append(f"  {duplicate_text(pair)}{merge}")
        return lines


def duplicate_text(pair: LikelyDuplicate) -> str:
    """ "Alice Walker (new, Initech) may be Alice Walker (Prospects; referred by …): same name…"."""
    return f"likely the same person: {_who(pair.other)} and {_who(pair.keep)} ({pair.why})"


def _who(contact: Any) -> str:
    detail = contact.role_at_company or contact.stage.label
    return f"{contact.name} ({detail})"


@dataclass
class ImportOutcome:
    """What `apply_import` wrote, by table."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    settings_saved: bool = False
    job_changes: list[tuple[str, JobChange]] = field(default_factory=list)  # (contact id, change)

    @property
    def wrote_anything(self) -> bool:
        return bool(sum(self.added.values()) or sum(self.updated.values()) or self.settings_saved)


def describe(table: str, record: Any) -> str:
    if table == "contacts":
        return str(record.name)
    if table == "meetings":
        return f"meeting on {record.when:%Y-%m-%d %H:%M}" if record.when else "unscheduled meeting"
    if table == "reminders":
        return str(record.title or record.kind.value)
    if table == "touches":
        return f"{record.kind.value} on {record.at:%Y-%m-%d}"
    if table == "questions":
        return str(record.text)
    return str(getattr(record, "company", "") or getattr(record, "id", ""))


def _other_tables(plan: ImportPlan) -> str:
    parts = []
    for bucket, verb in (
        ("added", "added"),
        ("updated", "updated"),
        ("present", "already present"),
    ):
        counts = Counter(item.table for item in getattr(plan, bucket) if item.table != "contacts")
        if counts:
            listed = ", ".join(f"{n} {_plural(table, n)}" for table, n in counts.items())
            parts.append(f"{listed} {verb}")
    return "; ".join(parts)


def _plural(table: str, n: int) -> str:
    return table if n != 1 else table.removesuffix("s")
