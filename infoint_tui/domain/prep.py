"""Meeting preparation: the default checklist from the method, and how ready a meeting is."""

from __future__ import annotations

from .models import ChecklistItem, Meeting, Settings

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


def default_checklist() -> list[ChecklistItem]:
    return [ChecklistItem(key=key, text=text) for key, text in DEFAULT_CHECKLIST]


def new_meeting_defaults(meeting: Meeting, settings: Settings) -> Meeting:
    """Fill a brand-new meeting with the default checklist and ask."""
    if not meeting.checklist:
        meeting.checklist = default_checklist()
    if not meeting.ask:
        meeting.ask = settings.default_ask
    return meeting


def readiness(meeting: Meeting) -> float:
    """Share of the checklist that is done, 0.0 to 1.0 (an empty checklist is not ready)."""
    if not meeting.checklist:
        return 0.0
    return sum(item.done for item in meeting.checklist) / len(meeting.checklist)
