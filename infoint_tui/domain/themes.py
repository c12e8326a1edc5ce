"""Captured insights (a meeting log's INSIGHT lines) grouped into themes, with counts of people.

"Mentioned by 4 of 7 people": a theme is the insights that say the same thing once case,
punctuation and small words are ignored, and the count is of distinct people.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .models import CaptureKind, Contact, Meeting, Tiara
from .stats import is_small


@dataclass(frozen=True)
class CapturedInsight:
    text: str
    contact: Contact
    meeting: Meeting
    at: datetime
    tiara: Tiara | None


@dataclass(frozen=True)
class Theme:
    """Insights that say the same thing: equal once case, punctuation and small words are
    ignored. No cleverer matching, so a count never claims more agreement than there was."""

    text: str  # the most common wording
    key: str
    mentions: list[CapturedInsight]

    @property
    def people(self) -> list[Contact]:
        seen: dict[str, Contact] = {}
        for mention in self.mentions:
            seen.setdefault(mention.contact.id, mention.contact)
        return list(seen.values())


@dataclass(frozen=True)
class InsightGroup:
    name: str  # "Advice", "Fabrikam", "design", "fintech"
    themes: list[Theme]  # mentioned by the most people first
    heard_from: int  # people in this group with a held meeting or a captured insight

    @property
    def small_sample(self) -> bool:
        return is_small(self.heard_from)

    @property
    def mentions(self) -> int:
        return sum(len(theme.mentions) for theme in self.themes)

    def mentioned_by(self, theme: Theme) -> str:
        """'mentioned by 2 of 3 people'."""
        n = len(theme.people)
        return f"mentioned by {n} of {self.heard_from} {'person' if self.heard_from == 1 else 'people'}"


class GroupBy(str, Enum):
    TIARA = "tiara"
    TAG = "tag"
    COMPANY = "company"
    INDUSTRY = "industry"

    @property
    def label(self) -> str:
        return {"tiara": "TIARA category"}.get(self.value, self.value.capitalize())


NO_CATEGORY = "No category"
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "it",
        "its",
        "it's",
        "that",
        "this",
        "their",
        "your",
        "my",
        "our",
        "very",
        "really",
        "just",
    ]
)


def normalise(text: str) -> str:
    """The words that carry meaning, lower case, in order: 'The portfolio IS key!' and
    'portfolio is key' both give 'portfolio key'."""
    words = re.findall(r"\w+(?:'\w+)?", text.casefold())
    kept = [w for w in words if w not in _SMALL_WORDS]
    return " ".join(kept or words)


def captured_insights(
    contacts: Iterable[Contact], meetings: Iterable[Meeting]
) -> list[CapturedInsight]:
    """Every INSIGHT capture of every meeting, oldest first (archived contacts included)."""
    people = {c.id: c for c in contacts}
    found = [
        CapturedInsight(capture.text.strip(), people[m.contact_id], m, capture.at, capture.tiara)
        for m in meetings
        if m.contact_id in people
        for capture in m.log
        if capture.kind is CaptureKind.INSIGHT and capture.text.strip()
    ]
    return sorted(found, key=lambda i: i.at)


def themes(insights: Iterable[CapturedInsight]) -> list[Theme]:
    """Insights grouped by normalised text, mentioned by the most people first."""
    buckets: dict[str, list[CapturedInsight]] = {}
    for insight in insights:
        buckets.setdefault(normalise(insight.text), []).append(insight)
    found = []
    for key, mentions in buckets.items():
        counts = Counter(m.text for m in mentions)  # first wording wins a tie (dicts keep order)
        text = max(counts, key=lambda wording: counts[wording])
        found.append(Theme(text, key, mentions))
    return sorted(found, key=lambda t: (-len(t.people), -len(t.mentions), t.mentions[0].at))


def people_heard_from(contacts: Iterable[Contact], meetings: Iterable[Meeting]) -> set[str]:
    return {m.contact_id for m in meetings if m.ended_at is not None or m.log} & {
        c.id for c in contacts
    }


def group_insights(
    contacts: Iterable[Contact], meetings: Iterable[Meeting], by: GroupBy
) -> list[InsightGroup]:
    """Captured insights by TIARA category (all five always listed, in TIARA order), or by tag,
    company or industry (groups with insights only, most mentions first). A contact with
    several tags counts in each. `heard_from` is the people of the group we heard from, so
    'mentioned by 2 of 3' means 2 of the 3 people in the group we spoke with."""
    people = list(contacts)
    all_meetings = list(meetings)
    heard = people_heard_from(people, all_meetings)
    insights = captured_insights(people, all_meetings)
    if by is GroupBy.TIARA:
        names = [t.label for t in Tiara]
        buckets: dict[str, list[CapturedInsight]] = {name: [] for name in names}
        for insight in insights:
            name = insight.tiara.label if insight.tiara else NO_CATEGORY
            buckets.setdefault(name, []).append(insight)
        return [
            InsightGroup(name, themes(found), len(heard))
            for name, found in buckets.items()
            if found or name != NO_CATEGORY
        ]
    labels: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    for contact in people:
        for label in _labels(contact, by):
            key = label.casefold()
            labels.setdefault(key, label)
            members.setdefault(key, set()).add(contact.id)
    grouped: dict[str, list[CapturedInsight]] = {}
    for insight in insights:
        for label in _labels(insight.contact, by):
            grouped.setdefault(label.casefold(), []).append(insight)
    groups = [
        InsightGroup(labels[key], themes(found), len(members[key] & heard))
        for key, found in grouped.items()
    ]
    return sorted(groups, key=lambda g: (-g.mentions, g.name.casefold()))


def _labels(contact: Contact, by: GroupBy) -> list[str]:
    if by is GroupBy.TAG:
        return [t.strip() for t in contact.tags if t.strip()] or ["(no tag)"]
    value = contact.company if by is GroupBy.COMPANY else contact.industry
    return [value.strip() or f"(no {by.value})"]
