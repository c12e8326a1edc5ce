"""The prep screen's fields, tab by tab, and how a meeting time is written and previewed."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, RadioButton, Static, TextArea

from ..domain.dates import format_when
from ..domain.models import Contact, Medium, Meeting, Settings
from ..domain.prep import ASK_SUGGESTIONS, DURATIONS, OBJECTIVE_SUGGESTIONS
from ..widgets.choice import Choice
from ..widgets.key_list import KeyList
from ..widgets.text import escape, plain

PLACE_LABELS = {
    Medium.PHONE: ("Phone number", "their number, or who calls whom"),
    Medium.VIDEO: ("Video link", "meet.example/abc, or the dial-in"),
    Medium.COFFEE: ("Place", "café and address"),
    Medium.IN_PERSON: ("Place", "office, address, floor"),
}
# Where each default checklist item is worked on: (tab, widget).
GO_TO = {
    "research-person": ("tab-research", "#research-person"),
    "research-writing": ("tab-research", "#research-person"),
    "research-about": ("tab-research", "#research-company"),
    "research-bios": ("tab-research", "#research-company"),
    "research-press": ("tab-research", "#research-company"),
    "objectives": ("tab-plan", "#objectives"),
    "questions": ("tab-questions", "#q-bank"),
    "ask": ("tab-plan", "#ask"),
    "introduction": ("tab-plan", "#introduction"),
    "confirm": ("tab-logistics", "#when"),
    "tab": ("tab-logistics", "#i-pay"),
}


def _line(text: str) -> str:
    """A field's value as its input shows it: one line, no control characters."""
    return plain(text, multiline=False)


def when_text(moment: datetime | None) -> str:
    """A meeting time written so that parse_when reads it back the same."""
    return f"{moment:%a %d %b %Y %H:%M}" if moment else ""


def when_preview(moment: datetime, now: datetime) -> str:
    """'→ Tue 24 Nov 10:30 CET (in 6 days)': the exact day, the zone, and how far."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    exact = f"{local:%a} {local.day} {local:%b %H:%M} {local.tzname() or ''}".strip()
    if local.year != now.year:
        exact = f"{local:%a} {local.day} {local:%b %Y %H:%M} {local.tzname() or ''}".strip()
    days = (local.date() - now.date()).days
    if days < 0 or local < now:
        return f"→ {exact} [$warning](in the past)[/]"
    relative = format_when(local, now).split(" ")[0]
    if relative in ("today", "tomorrow"):
        return f"→ {exact} ({relative})"
    return f"→ {exact} (in {days} days)"


def logistics_fields(meeting: Meeting) -> ComposeResult:
    """When (in words, with its preview), duration, medium, place, who pays."""
    with Horizontal(classes="row"):
        yield Label("When", classes="row-label")
        with Vertical(classes="row-field"):
            yield Input(
                when_text(meeting.when),
                placeholder="e.g. next tue 10:30, Dec 3 10am, tomorrow 9:00",
                id="when",
                compact=True,
            )
            yield Static("", id="when-preview")
    with Horizontal(classes="row"):
        yield Label("Duration", classes="row-label")
        durations = sorted({*DURATIONS, meeting.duration_min})
        with Choice(id="duration", compact=True):
            for minutes in durations:
                yield RadioButton(
                    f"{minutes} min", value=minutes == meeting.duration_min, id=f"dur-{minutes}"
                )
    with Horizontal(classes="row"):
        yield Label("Medium", classes="row-label")
        with Choice(id="medium", compact=True):
            for medium in Medium:
                yield RadioButton(
                    medium.label, value=medium is meeting.medium, id=f"medium-{medium.value}"
                )
    with Horizontal(classes="row"):
        yield Label("", id="place-label", classes="row-label")
        yield Input(_line(meeting.place), id="place", compact=True, classes="row-field")
    with Horizontal(classes="row", id="who-pays"):  # shown for a coffee or in person only
        yield Label("Who pays", classes="row-label")
        with Vertical(classes="row-field"):
            yield Checkbox("I pick up the tab", meeting.i_pay, id="i-pay", compact=True)
            yield Static("They are doing you a favour: for a coffee, you pay.", classes="hint")


def plan_fields(meeting: Meeting, settings: Settings) -> ComposeResult:
    """Objectives with ideas, the ask with other asks, my introduction."""
    yield Label("My objectives [dim](one a line: what I want to learn)[/]", classes="area-title")
    yield TextArea(plain(meeting.objectives), id="objectives", soft_wrap=True)
    yield Label("[dim]Ideas (enter adds one):[/]", classes="hint")
    yield KeyList(*OBJECTIVE_SUGGESTIONS, id="objective-ideas", classes="ideas", compact=True)
    yield Label("The ask [dim](at the end of the meeting)[/]", classes="area-title")
    yield Input(_line(meeting.ask), id="ask", compact=True, placeholder=_line(settings.default_ask))
    yield Label("[dim]Other asks (enter uses one):[/]", classes="hint")
    yield KeyList(*ASK_SUGGESTIONS, id="ask-ideas", classes="ideas", compact=True)
    yield Label(
        "My introduction [dim](30 seconds: who I am, what I am exploring)[/]",
        classes="area-title",
    )
    yield TextArea(plain(meeting.introduction), id="introduction", soft_wrap=True)
    yield Static(id="intro-hint", classes="hint")


def contact_facts(contact: Contact) -> str:
    """What I know of them already, and where to look for more (the seeds' research list)."""
    parts = [contact.role_at_company or "role and company not set"]
    if contact.industry:
        parts.append(contact.industry)
    if contact.url:
        parts.append(contact.url)
    return (
        escape(" · ".join(parts))
        + "\n[dim]Google them, read their profile, their articles or talks; the company's About page, staff bios and latest news.[/]"
    )
