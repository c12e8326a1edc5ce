"""The target employer list: ranked by motivation, with contacts and conversations per company.

Contacts belong to a target by company name, matched the way people write it: any case,
with or without "Inc." or "Ltd", "&" or "and", accents or not. Only a few targets are
worked at once (the active ones); when none is marked, the top five are suggested.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .models import Contact, Meeting, TargetEmployer
from .stages import Stage

ACTIVE_LIMIT = 5  # how many targets to work at once
MOTIVATION_LABELS = {1: "curious", 2: "keen", 3: "dream employer"}

# Legal-form words at the end of a company name that do not change which company it is.
_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "pty",
        "pte",
        "srl",
        "spa",
        "oy",
        "ab",
        "kk",
    ]
)
_PUNCTUATION = re.compile(r"[^\w\s]+")


def company_key(name: str) -> str:
    """A key for 'the same company': "Acme, Inc." and "ACME" give "acme"; "The Foo & Bar
    Company" and "foo and bar" give "foo and bar"; the key of a key is itself."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("&", " and ").replace(".", "")
    words = _PUNCTUATION.sub(" ", text).replace("_", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def same_company(a: str, b: str) -> bool:
    key = company_key(a)
    return bool(key) and key == company_key(b)


def check_motivation(value: int | str) -> int:
    """Motivation as a number from 1 (curious) to 3 (dream employer); ValueError otherwise."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number not in MOTIVATION_LABELS:
        raise ValueError(
            f"motivation is 1 (curious), 2 (keen) or 3 (dream employer), not {value!r}"
        )
    return number


def find_target(targets: Iterable[TargetEmployer], company: str) -> TargetEmployer | None:
    """The target for that company name, however it is written."""
    key = company_key(company)
    if not key:
        return None
    return next((t for t in targets if company_key(t.company) == key), None)


def check_new_target(
    targets: Iterable[TargetEmployer], company: str, *, editing: str | None = None
) -> str:
    """The company name cleaned for a new (or renamed) target; ValueError if it is empty or
    already on the list. `editing` is the id of the target being renamed."""
    cleaned = " ".join(company.split())
    if not company_key(cleaned):
        raise ValueError("a target needs a company name")
    existing = find_target((t for t in targets if t.id != editing), cleaned)
    if existing is not None:
        raise ValueError(f"{existing.company} is already on the target list")
    return cleaned


def target_for(contact: Contact, targets: Iterable[TargetEmployer]) -> TargetEmployer | None:
    return find_target(targets, contact.company)


def contacts_at(target: TargetEmployer, contacts: Iterable[Contact]) -> list[Contact]:
    key = company_key(target.company)
    return [c for c in contacts if key and company_key(c.company) == key]


# -- ranking --------------------------------------------------------------------------------
def rank_key(target: TargetEmployer, connected: bool | None = None) -> tuple[int, bool, bool, str]:
    """Most motivated first; then where I have a connection; then those posting openings."""
    has_connection = target.has_connection if connected is None else connected
    return (
        -target.motivation,
        not has_connection,
        not target.posts_openings,
        company_key(target.company),
    )


def rank_targets(targets: Iterable[TargetEmployer]) -> list[TargetEmployer]:
    return sorted(targets, key=rank_key)


@dataclass(frozen=True)
class TargetSummary:
    """One line of the targets screen."""

    target: TargetEmployer
    rank: int  # 1 is the best target
    contacts: tuple[Contact, ...]  # people there, archived ones left out
    conversations: int  # conversations held with people there (archived ones included)
    upcoming: int  # meetings booked and not yet held
    connected: bool  # marked as a connection, or someone there has already met me or replied
    by_stage: dict[Stage, int] = field(default_factory=dict, hash=False)

    @property
    def contact_count(self) -> int:
        return len(self.contacts)

    @property
    def motivation_label(self) -> str:
        return MOTIVATION_LABELS.get(self.target.motivation, str(self.target.motivation))


def conversations_with(contact: Contact, meetings: Iterable[Meeting]) -> int:
    """Conversations held: held meetings, or one if the card is past Scheduled without any."""
    held = sum(1 for m in meetings if m.contact_id == contact.id and m.held)
    if held == 0 and contact.stage.order >= Stage.INTERVIEWED.order:
        return 1
    return held


def summarize_targets(
    targets: Iterable[TargetEmployer],
    contacts: Iterable[Contact],
    meetings: Iterable[Meeting],
    *,
    now: datetime | None = None,
) -> list[TargetSummary]:
    """The targets ranked, each with its people, conversations and upcoming meetings.

    Pass all contacts (`repo.contacts(archived=None)`) and all meetings; `now` decides which
    meetings are still to come (without it, any meeting not held counts as upcoming).
    """
    all_contacts = list(contacts)
    all_meetings = list(meetings)
    by_contact: dict[str, list[Meeting]] = {}
    for meeting in all_meetings:
        by_contact.setdefault(meeting.contact_id, []).append(meeting)
    drafts = []
    for target in targets:
        people = contacts_at(target, all_contacts)
        active_people = tuple(c for c in people if not c.archived)
        talks = sum(conversations_with(c, by_contact.get(c.id, [])) for c in people)
        upcoming = sum(
            1
            for c in active_people
            for m in by_contact.get(c.id, [])
            if not m.held and m.when is not None and (now is None or m.when >= now)
        )
        connected = target.has_connection or any(
            c.stage.order >= Stage.SCHEDULED.order for c in people
        )
        stages = Counter(c.stage for c in active_people)
        drafts.append((target, active_people, talks, upcoming, connected, dict(stages)))
    drafts.sort(key=lambda d: rank_key(d[0], d[4]))
    return [
        TargetSummary(
            target=target,
            rank=rank,
            contacts=people,
            conversations=talks,
            upcoming=upcoming,
            connected=connected,
            by_stage=stages,
        )
        for rank, (target, people, talks, upcoming, connected, stages) in enumerate(drafts, 1)
    ]


def unlinked_companies(
    contacts: Iterable[Contact], targets: Iterable[TargetEmployer]
) -> list[tuple[str, int]]:
    """Companies my contacts work at that are not on the target list, with how many contacts,
    most first: candidates to add. The name is the one written most often."""
    keys = {company_key(t.company) for t in targets}
    names: dict[str, Counter[str]] = {}
    for contact in contacts:
        key = company_key(contact.company)
        if key and key not in keys and not contact.archived:
            names.setdefault(key, Counter())[contact.company.strip()] += 1
    found = [
        (spellings.most_common(1)[0][0], sum(spellings.values())) for spellings in names.values()
    ]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].casefold()))


# -- the few worked now ---------------------------------------------------------------------
def worked_now(targets: Iterable[TargetEmployer]) -> list[TargetEmployer]:
    """The targets marked active, best first."""
    return rank_targets(t for t in targets if t.active)


def suggest_active(
    targets: Iterable[TargetEmployer], n: int = ACTIVE_LIMIT
) -> list[TargetEmployer]:
    """The top `n` targets to work, when none is marked active (else nothing to suggest)."""
    listed = list(targets)
    if any(t.active for t in listed):
        return []
    return rank_targets(listed)[:n]


def focus_list(
    targets: Iterable[TargetEmployer], n: int = ACTIVE_LIMIT
) -> tuple[list[TargetEmployer], bool]:
    """The targets being worked now, and whether they are a suggestion (none marked yet)."""
    listed = list(targets)
    active = worked_now(listed)
    if active:
        return active, False
    return suggest_active(listed, n), True


def active_advice(targets: Iterable[TargetEmployer], n: int = ACTIVE_LIMIT) -> str:
    """A line when too many targets are worked at once; '' otherwise."""
    count = sum(1 for t in targets if t.active)
    if count > n:
        return (
            f"{count} targets are being worked at once: focus on {n} or fewer, "
            "and let the rest wait their turn."
        )
    return ""
