"""Two records of one person made one: which pairs look like duplicates, and the merged record.

The kept record wins every conflict, and nothing the other record held is silently dropped:
- an empty field of the kept record takes the other's value;
- two different values: the kept one stays, and the other's goes to the kept record's notes,
  in a block headed `Merged from "Alice W." on 2026-11-18:` with one line per field
  ("Company: Initech", "Other email: alice@home.example", an unsent draft in full);
- notes and research: the other's lines the kept text lacks are appended;
- tags, stage history and job history: united (histories in time order; of the two "added"
  entries, the first is kept);
- the last contact is the later one; the connection date and creation time the earlier ones;
- the stage: that of the latest real move in either history (a record only ever "added" is
  not further along than one the user moved), else the kept record's;
- archived only if both were.

The effects on the other records (meetings, touches, reminders, referrals moved over) are the
use case's (`actions/merging.py`); `reminders_to_close` says which reminders the merge ends.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from .jobs import same_company
from .models import Contact, JobChange, Reminder, ReminderKind, StageChange
from .rules import STAGE_KINDS, USER_KINDS
from .validation import normalize_email, normalize_url

# One-line fields: the other's value fills an empty one, or goes to the notes when it differs.
_TEXT_FIELDS = {
    "role": "Role", "company": "Company", "industry": "Industry", "location": "Location",
    "source": "How found",
}  # fmt: skip
# Ways to reach them: a different one is kept as "Other email: …", as imports write it.
_REACH_FIELDS = {"email": "Other email", "phone": "Other phone", "url": "Other web address"}
# Long text: the other's lines the kept text lacks are appended.
_LONG_TEXT = ("research_person", "research_company")


def name_key(name: str) -> str:
    """A name as compared: any case, no accents, spaces collapsed."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).split())


# -- likely duplicates -------------------------------------------------------------------------
@dataclass(frozen=True)
class LikelyDuplicate:
    """Two contacts that are probably one person; `keep` is the one that was there first."""

    keep: Contact
    other: Contact
    why: str

    @property
    def command(self) -> str:
        return f"infoint merge {self.keep.id} {self.other.id}"


def likely_duplicates(
    existing: Iterable[Contact], newcomers: Iterable[Contact]
) -> list[LikelyDuplicate]:
    """Pairs of a newcomer and a contact (existing, or an earlier newcomer) with the same name,
    at the same company or where one of them has no company: a referral captured by hand
    (a name, no company) and the same person imported later is the common case."""
    by_name: dict[str, list[Contact]] = {}
    for contact in existing:
        by_name.setdefault(name_key(contact.name), []).append(contact)
    found: list[LikelyDuplicate] = []
    for newcomer in newcomers:
        candidates = by_name.setdefault(name_key(newcomer.name), [])
        for known in candidates:
            why = _why_same(known, newcomer)
            if why and known.id != newcomer.id:
                found.append(LikelyDuplicate(known, newcomer, why))
                break
        candidates.append(newcomer)
    return found


def _why_same(known: Contact, newcomer: Contact) -> str:
    if known.company and newcomer.company:
        if same_company(known.company, newcomer.company):
            return f"same name at {known.company}"
        return ""
    if known.referred_by is not None or known.source == "referral":
        return "same name; one is a referral you noted by hand"
    return "same name; one has no company"


# -- the merged record -------------------------------------------------------------------------
@dataclass
class MergedContact:
    contact: Contact  # the kept record with the other's facts (a copy: the inputs are unchanged)
    set_aside: list[str] = field(default_factory=list)  # the lines written to its notes
    filled: list[str] = field(default_factory=list)  # the kept record's empty fields now filled
    stage_from_other: bool = False


def merge_contacts(
    keep: Contact, other: Contact, now: datetime, names: Mapping[str, str] | None = None
) -> MergedContact:
    """`keep` with what `other` knows (see the module's rules); `names` gives referrers' names."""
    merged = copy.deepcopy(keep)
    result = MergedContact(merged)
    aside = result.set_aside
    names = names or {}
    if name_key(other.name) != name_key(keep.name):
        aside.append(f"Name: {other.name}")
    for name, label in _TEXT_FIELDS.items():
        _fill_or_set_aside(result, name, label, getattr(other, name))
    for name, label in _REACH_FIELDS.items():
        mine, theirs = getattr(merged, name), getattr(other, name)
        if theirs and not mine:
            setattr(merged, name, theirs)
            result.filled.append(name)
        elif theirs and not _same_reach(name, mine, theirs) and theirs not in merged.notes:
            aside.append(f"{label}: {theirs}")
    _merge_next_action(result, other)
    for name in ("focus", "cadence_weeks"):
        if getattr(merged, name) is None and getattr(other, name) is not None:
            setattr(merged, name, getattr(other, name))
            result.filled.append(name)
        elif getattr(other, name) not in (None, getattr(merged, name)):
            value = getattr(other, name)
            label = "Focus" if name == "focus" else "Check in every (weeks)"
            aside.append(f"{label}: {getattr(value, 'label', value)}")
    if other.referred_by not in (None, keep.id, merged.referred_by):
        if merged.referred_by is None:
            merged.referred_by = other.referred_by
            result.filled.append("referred_by")
        else:
            aside.append(
                f"Also referred by: {names.get(other.referred_by or '', other.referred_by)}"
            )
    if merged.referred_by in (keep.id, other.id):
        merged.referred_by = None
    for name in _LONG_TEXT:
        setattr(merged, name, _append_lines(getattr(merged, name), getattr(other, name)))
    merged.tags += [
        t for t in other.tags if t.casefold() not in {x.casefold() for x in merged.tags}
    ]
    merged.last_contact = _latest(merged.last_contact, other.last_contact)
    merged.connected_on = min(
        (d for d in (merged.connected_on, other.connected_on) if d), default=None
    )
    merged.created_at = min((d for d in (merged.created_at, other.created_at) if d), default=None)
    merged.job_history = _union_sorted(
        merged.job_history, other.job_history, lambda j: (j.at, j.company, j.role)
    )
    _merge_stage(result, other, now)
    if not other.archived:
        merged.archived, merged.archived_at, merged.archive_reason = False, None, ""
    for kind, text in other.drafts.items():
        if kind not in merged.drafts:
            merged.drafts[kind] = text
        elif text.strip() and text.strip() != merged.drafts[kind].strip():
            aside.append(f"Unsent {kind} draft:\n{text.strip()}")
    merged.extra = {**other.extra, **merged.extra}
    notes = _append_lines(merged.notes, other.notes)
    if aside:
        header = f'Merged from "{other.name}" on {now:%Y-%m-%d}:'
        notes = (notes.rstrip("\n") + "\n\n" if notes.strip() else "") + "\n".join([header, *aside])
    merged.notes = notes
    return result


def _fill_or_set_aside(result: MergedContact, name: str, label: str, theirs: str) -> None:
    mine = getattr(result.contact, name)
    if not theirs:
        return
    if not mine:
        setattr(result.contact, name, theirs)
        result.filled.append(name)
    elif " ".join(mine.casefold().split()) != " ".join(theirs.casefold().split()):
        result.set_aside.append(f"{label}: {theirs}")


def _same_reach(name: str, a: str, b: str) -> bool:
    if name == "email":
        return normalize_email(a) == normalize_email(b)
    if name == "url":
        return normalize_url(a) == normalize_url(b)
    digits = ["".join(ch for ch in value if ch.isdigit())[-9:] for value in (a, b)]
    return digits[0] == digits[1]


def _merge_next_action(result: MergedContact, other: Contact) -> None:
    merged = result.contact
    if not other.next_action and other.next_action_due is None:
        return
    if not merged.next_action and merged.next_action_due is None:
        merged.next_action, merged.next_action_due = other.next_action, other.next_action_due
        result.filled.append("next_action")
        return
    if (other.next_action, other.next_action_due) != (merged.next_action, merged.next_action_due):
        due = f" (due {other.next_action_due:%Y-%m-%d %H:%M})" if other.next_action_due else ""
        result.set_aside.append(f"Next action: {other.next_action or 'none'}{due}")


def _merge_stage(result: MergedContact, other: Contact, now: datetime) -> None:
    merged = result.contact
    united = _union_sorted(merged.history, other.history, _change_key)
    # One person was added once: the later record's "added" entry is not a step of the path.
    history = [c for n, c in enumerate(united) if n == 0 or c.from_stage is not None]
    mine = {_change_key(change) for change in merged.history}
    moves = [change for change in history if change.from_stage is not None]
    stage = merged.stage
    if moves and _change_key(moves[-1]) not in mine:  # the latest move is the other record's
        stage = other.stage
        result.stage_from_other = stage is not merged.stage
    if history and history[-1].stage is not stage:  # the history ends where the contact is
        # Since the record was added at that stage, if that came last; else since the merge.
        entered = [c.at for c in united if c.stage is stage and c.at >= history[-1].at]
        at = max(entered, default=now)
        history.append(StageChange(stage=stage, at=at, from_stage=history[-1].stage))
    merged.history, merged.stage = history, stage


def _change_key(change: StageChange) -> tuple[object, ...]:
    return (change.stage, change.at, change.from_stage)


Dated = TypeVar("Dated", StageChange, JobChange)


def _union_sorted(
    mine: list[Dated], theirs: list[Dated], key: Callable[[Dated], object]
) -> list[Dated]:
    seen = {key(item) for item in mine}
    merged = copy.deepcopy(mine) + [copy.deepcopy(i) for i in theirs if key(i) not in seen]
    merged.sort(key=lambda item: item.at)
    return merged


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((d for d in (a, b) if d), default=None)


def _append_lines(mine: str, theirs: str) -> str:
    """`mine` followed by the lines of `theirs` it does not contain (blank lines aside)."""
    if not theirs.strip():
        return mine
    if not mine.strip():
        return theirs
    present = {" ".join(line.split()) for line in mine.splitlines()}
    missing = [line for line in theirs.splitlines() if " ".join(line.split()) not in present]
    while missing and not missing[0].strip():
        missing.pop(0)
    if not any(line.strip() for line in missing):
        return mine
    return mine.rstrip("\n") + "\n" + "\n".join(missing)


# -- reminders after a merge -------------------------------------------------------------------
def reminders_to_close(
    contact: Contact, reminders: Iterable[Reminder]
) -> list[tuple[Reminder, str]]:
    """Open reminders of the merged contact (both records' now) that the merge ends: those of a
    stage the contact is no longer at, and the second of two alike (same kind and title; the
    one due first stays). The user's own action items and reminders always stay."""
    closing: list[tuple[Reminder, str]] = []
    seen: set[tuple[ReminderKind, str]] = set()
    for reminder in sorted(reminders, key=lambda r: r.effective_due):
        if not reminder.is_open or reminder.kind in USER_KINDS:
            continue
        owner = STAGE_KINDS.get(reminder.kind)
        if owner is not None and owner is not contact.stage:
            closing.append((reminder, f"merged: no longer {owner.label}"))
            continue
        key = (reminder.kind, reminder.title)
        if key in seen:
            closing.append((reminder, "merged: a duplicate"))
            continue
        seen.add(key)
    return closing
