"""Meeting preparation: the checklist from the method, objectives, logistics, and readiness.

The readiness meter is the share of the checklist done; its breakdown (research, plan,
logistics) says in words what is still missing, including details the meeting lacks even
when an item is ticked ("no date and time", "no questions chosen").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from .models import ChecklistItem, Contact, Medium, Meeting, Settings


class PrepGroup(str, Enum):
    RESEARCH = "research"
    PLAN = "plan"
    LOGISTICS = "logistics"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Drawn from the seeds: research the person and the company, set objectives, choose
# questions, prepare the ask and my introduction, confirm the logistics, pick up the tab.
DEFAULT_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("research-person", "Research their background and accomplishments (LinkedIn, bio)"),
    ("research-writing", "Read their articles, talks or podcasts; note common ground"),
    ("research-about", "Read the company's About page"),
    ("research-bios", "Skim staff bios of their team"),
    ("research-press", "Read the company's latest press releases and news"),
    ("objectives", "Set my objectives: what I want to learn"),
    ("questions", "Choose my questions (TIARA: trends, insights, advice, resources, assignments)"),
    ("ask", "Prepare the ask (an introduction to someone else)"),
    ("introduction", "Prepare my short introduction"),
    ("confirm", "Confirm time and place (or dial-in) the day before"),
    ("tab", "Plan to pick up the tab"),
)

DEFAULT_GROUPS: dict[str, PrepGroup] = {
    "research-person": PrepGroup.RESEARCH,
    "research-writing": PrepGroup.RESEARCH,
    "research-about": PrepGroup.RESEARCH,
    "research-bios": PrepGroup.RESEARCH,
    "research-press": PrepGroup.RESEARCH,
    "objectives": PrepGroup.PLAN,
    "questions": PrepGroup.PLAN,
    "ask": PrepGroup.PLAN,
    "introduction": PrepGroup.PLAN,
    "confirm": PrepGroup.LOGISTICS,
    "tab": PrepGroup.LOGISTICS,
}

# How an unticked default item reads in "missing: ...".
MISSING_WORDS: dict[str, str] = {
    "research-person": "their background",
    "research-writing": "their articles or talks",
    "research-about": "the company's About page",
    "research-bios": "staff bios",
    "research-press": "the company's news",
    "objectives": "objectives",
    "questions": "questions",
    "ask": "the ask",
    "introduction": "my introduction",
    "confirm": "confirming time and place",
    "tab": "picking up the tab",
}

# Durations offered when setting up a meeting: short, to respect their time.
DURATIONS: tuple[int, ...] = (15, 20, 30)

# What people often want from one conversation (seeds), offered when objectives are empty.
OBJECTIVE_SUGGESTIONS: tuple[str, ...] = (
    "Find out whether this field is the right fit for me",
    "Understand what a typical week in their role looks like",
    "Learn the trends changing the field",
    "Learn which skills I would need to build, and how",
    "Understand the culture of their company or team",
    "Hear how they moved into the field",
    "Get an introduction to someone else I could learn from",
)

# The ask at the end of the meeting; the first is the default (seed: an introduction).
ASK_SUGGESTIONS: tuple[str, ...] = (
    "An introduction to someone else in the field I could learn from",
    "An introduction to a colleague on another team",
    "Their advice on my single most useful next step",
    "Permission to follow up in a few weeks with what I have done",
)

# Media where I meet them somewhere and should pay (seeds: "do pick up the tab").
TAB_MEDIA = frozenset({Medium.COFFEE, Medium.IN_PERSON})


# -- the checklist ------------------------------------------------------------------------
def default_checklist() -> list[ChecklistItem]:
    return [ChecklistItem(key=key, text=text) for key, text in DEFAULT_CHECKLIST]


def new_meeting_defaults(meeting: Meeting, settings: Settings) -> Meeting:
    """Fill a brand-new meeting with the default checklist and ask."""
    if not meeting.checklist:
        meeting.checklist = default_checklist()
    if not meeting.ask:
        meeting.ask = settings.default_ask
    return meeting


def group_of(item: ChecklistItem) -> PrepGroup:
    """The item's group: a default item's own, the user's choice, or Plan."""
    if item.key in DEFAULT_GROUPS:
        return DEFAULT_GROUPS[item.key]
    try:
        return PrepGroup(item.group)
    except ValueError:
        return PrepGroup.PLAN


def is_applicable(item: ChecklistItem, meeting: Meeting) -> bool:
    """Whether the item matters for this meeting: no tab to pick up on a phone or video call."""
    return not (item.key == "tab" and meeting.medium not in TAB_MEDIA)


def is_done(item: ChecklistItem, meeting: Meeting) -> bool:
    """Whether the item counts as done: ticked, or the tab when the meeting says I pay."""
    return item.done or (item.key == "tab" and i_pick_up_the_tab(meeting))


def items_by_group(meeting: Meeting) -> dict[PrepGroup, list[tuple[int, ChecklistItem]]]:
    """The checklist by group (every group present), each item with its index in the list."""
    groups: dict[PrepGroup, list[tuple[int, ChecklistItem]]] = {g: [] for g in PrepGroup}
    for index, item in enumerate(meeting.checklist):
        groups[group_of(item)].append((index, item))
    return groups


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def add_item(meeting: Meeting, text: str, group: PrepGroup = PrepGroup.PLAN) -> ChecklistItem:
    """Add one of my own items to the checklist; ValueError if empty or already there."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("a checklist item needs some text")
    if any(_same_text(item.text, cleaned) for item in meeting.checklist):
        raise ValueError(f"“{cleaned}” is already on the checklist")
    item = ChecklistItem(text=cleaned, group=group.value)
    meeting.checklist.append(item)
    return item


def remove_item(meeting: Meeting, index: int) -> ChecklistItem:
    """Take an item off the checklist (a default item comes back with `restore_defaults`)."""
    if not 0 <= index < len(meeting.checklist):
        raise IndexError(f"no checklist item {index + 1}")
    return meeting.checklist.pop(index)


def toggle_item(meeting: Meeting, index: int) -> bool:
    """Tick or untick an item; returns whether it is now done."""
    if not 0 <= index < len(meeting.checklist):
        raise IndexError(f"no checklist item {index + 1}")
    item = meeting.checklist[index]
    item.done = not item.done
    return item.done


def mark_prepared(meeting: Meeting, key: str) -> bool:
    """Tick the item `key` ("ask", "introduction") once the user has written that part of the
    plan; returns whether it changed. Never unticks: a tick the user gave stays."""
    for item in meeting.checklist:
        if item.key == key and not item.done:
            item.done = True
            return True
    return False


def restore_defaults(meeting: Meeting) -> list[ChecklistItem]:
    """Put back default items that were removed, in their usual place; returns those added."""
    present = {item.key for item in meeting.checklist if item.key}
    added = []
    for position, (key, text) in enumerate(DEFAULT_CHECKLIST):
        if key in present:
            continue
        item = ChecklistItem(key=key, text=text)
        earlier = {k for k, _ in DEFAULT_CHECKLIST[:position]}
        # Insert after the last default item that comes before it.
        at = 0
        for index, existing in enumerate(meeting.checklist):
            if existing.key in earlier:
                at = index + 1
        meeting.checklist.insert(at, item)
        added.append(item)
    return added


# -- objectives ---------------------------------------------------------------------------
def objective_lines(meeting: Meeting) -> list[str]:
    """The objectives, one per line, without bullets or blank lines."""
    lines = []
    for line in meeting.objectives.splitlines():
        cleaned = line.strip().lstrip("-*•").strip()
        if cleaned:
            lines.append(cleaned)
    return lines


def set_objectives(meeting: Meeting, lines: Iterable[str]) -> None:
    meeting.objectives = "\n".join(line.strip() for line in lines if line.strip())


def add_objective(meeting: Meeting, text: str) -> None:
    """Append an objective; ValueError if empty or already there."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("an objective needs some text")
    current = objective_lines(meeting)
    if any(_same_text(line, cleaned) for line in current):
        raise ValueError(f"“{cleaned}” is already an objective")
    set_objectives(meeting, [*current, cleaned])


# -- logistics ----------------------------------------------------------------------------
def introduction_text(meeting: Meeting, settings: Settings | None) -> str:
    """My introduction for this meeting: the one written for it, or my pitch from Settings.

    A pitch is written to follow "I'm" ("a teacher moving into UX research"), so it is
    turned into a sentence here.
    """
    if meeting.introduction.strip():
        return meeting.introduction.strip()
    pitch = settings.pitch.strip() if settings else ""
    if not pitch:
        return ""
    if pitch.split()[0].lower() in ("i", "i'm", "i’m", "my", "hi", "hello"):
        return pitch
    sentence = f"I'm {pitch}"
    return sentence if sentence[-1] in ".!?" else sentence + "."


def ends_at(meeting: Meeting) -> datetime | None:
    return meeting.when + timedelta(minutes=meeting.duration_min) if meeting.when else None


def place_label(meeting: Meeting) -> str:
    """Where, in words: "Coffee at Blue Door Café", "Video: meet.example/x", "Phone"."""
    place = meeting.place.strip()
    if meeting.medium is Medium.COFFEE:
        return f"Coffee at {place}" if place else "Coffee (place not set)"
    if meeting.medium is Medium.IN_PERSON:
        return f"In person at {place}" if place else "In person (place not set)"
    label = meeting.medium.label
    return f"{label}: {place}" if place else label


def i_pick_up_the_tab(meeting: Meeting) -> bool:
    """I pay, for a meeting with a tab (a box ticked before it became a call does not count)."""
    return meeting.i_pay and meeting.medium in TAB_MEDIA


def who_pays(meeting: Meeting) -> str:
    """Who picks up the tab; empty when nobody has to (a call)."""
    if meeting.medium not in TAB_MEDIA:
        return ""
    return "I pay" if meeting.i_pay else "Not settled: plan to pick up the tab"


# -- readiness ----------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupReadiness:
    group: PrepGroup
    done: int
    total: int
    missing: tuple[str, ...]  # in words: unticked items and details not filled in

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def complete(self) -> bool:
        return self.done == self.total and not self.missing


@dataclass(frozen=True)
class Readiness:
    """How ready a meeting is: checklist items done, by group, and what is missing."""

    done: int
    total: int
    groups: tuple[GroupReadiness, ...]  # research, plan, logistics
    gaps: tuple[str, ...]  # details the meeting lacks ("no date and time"), whatever is ticked

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.fraction * 100)

    @property
    def ready(self) -> bool:
        return self.total > 0 and self.done == self.total and not self.gaps

    @property
    def missing(self) -> list[str]:
        return [words for group in self.groups for words in group.missing]

    def group(self, group: PrepGroup) -> GroupReadiness:
        return next(g for g in self.groups if g.group is group)

    def summary(self) -> str:
        """One line: "7/10 ready · missing: the ask, no date and time"."""
        head = f"{self.done}/{self.total} ready"
        if self.ready:
            return f"{head} · all set"
        missing = self.missing
        return f"{head} · missing: {', '.join(missing)}" if missing else head


def readiness(meeting: Meeting) -> float:
    """Share of the applicable checklist that is done, 0.0 to 1.0 (empty is not ready)."""
    applicable = [item for item in meeting.checklist if is_applicable(item, meeting)]
    if not applicable:
        return 0.0
    return sum(is_done(item, meeting) for item in applicable) / len(applicable)


def meeting_gaps(
    meeting: Meeting,
    *,
    contact: Contact | None = None,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> dict[str, str]:
    """Details the meeting lacks, keyed by the checklist item they belong to."""
    gaps: dict[str, str] = {}
    if contact is not None:
        if not contact.research_person.strip():
            gaps["research-person"] = "no notes on the person"
        if contact.company.strip() and not contact.research_company.strip():
            gaps["research-about"] = "no notes on the company"
    if not objective_lines(meeting):
        gaps["objectives"] = "no objectives written"
    if not meeting.questions:
        gaps["questions"] = "no questions chosen"
    if not meeting.ask.strip():
        gaps["ask"] = "no ask"
    if not introduction_text(meeting, settings):
        gaps["introduction"] = "no introduction"
    logistics = []
    if meeting.when is None:
        logistics.append("no date and time")
    elif now is not None and not meeting.held and meeting.when < now:
        logistics.append("the meeting time has passed")
    if not meeting.place.strip():
        if meeting.medium in TAB_MEDIA:
            logistics.append("no place")
        elif meeting.medium is Medium.VIDEO:
            logistics.append("no video link")
        elif contact is None or not contact.phone.strip():
            logistics.append("no phone number")
    if logistics:
        gaps["confirm"] = ", ".join(logistics)
    return gaps


def readiness_report(
    meeting: Meeting,
    *,
    contact: Contact | None = None,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> Readiness:
    """The readiness meter with its breakdown. Pass the contact for the research-notes gaps,
    the settings for the introduction (my pitch), and `now` to notice a time that has passed.
    """
    gaps = meeting_gaps(meeting, contact=contact, settings=settings, now=now)
    shown: set[str] = set()
    groups = []
    done_all = total_all = 0
    by_group = items_by_group(meeting)
    for group in PrepGroup:
        done = total = 0
        missing: list[str] = []
        for _, item in by_group[group]:
            if not is_applicable(item, meeting):
                continue
            total += 1
            done += is_done(item, meeting)
            if item.key in gaps:
                missing.append(gaps[item.key])
                shown.add(item.key)
            elif not is_done(item, meeting):
                missing.append(MISSING_WORDS.get(item.key, item.text))
        # Gaps whose item was removed from the checklist still count.
        for key, words in gaps.items():
            if key not in shown and DEFAULT_GROUPS[key] is group:
                missing.append(words)
                shown.add(key)
        groups.append(GroupReadiness(group=group, done=done, total=total, missing=tuple(missing)))
        done_all += done
        total_all += total
    return Readiness(
        done=done_all, total=total_all, groups=tuple(groups), gaps=tuple(gaps.values())
    )
