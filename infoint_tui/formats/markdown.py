"""The Markdown export: the campaign as a journal to read, a section per contact by stage.

Every text the user or an import wrote is escaped: a name holding a line break, a `#`, a
backtick or `<script>` stays inside its heading as text, and raw HTML never reaches the
reader's renderer. Free text (notes, research) is a block quote in which the user's own light
Markdown (lists, emphasis) still renders, but no line can open a heading or HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from ..domain.jobs import JobMove
from ..domain.markdown_text import block_line, inline, url_text
from ..domain.models import Contact, Meeting, Reminder, Touch
from ..domain.prep import i_pick_up_the_tab, readiness
from ..domain.stages import STAGES
from ..domain.text import clean_text, count_of
from .snapshot import Snapshot


def export_markdown(campaign: Snapshot, now: datetime, *, left_out: list[str] | None = None) -> str:
    """The journal; records out of range (a file edited by hand) are left out and named in
    `left_out` when given."""
    campaign = campaign.in_range(left_out if left_out is not None else [])
    meetings: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in sorted(campaign.meetings, key=_meeting_time):
        meetings[meeting.contact_id].append(meeting)
    reminders: dict[str, list[Reminder]] = defaultdict(list)
    for reminder in sorted(campaign.reminders, key=lambda r: r.effective_due):
        reminders[reminder.contact_id or ""].append(reminder)
    touches: dict[str, list[Touch]] = defaultdict(list)
    for touch in sorted(campaign.touches, key=lambda t: t.at):
        touches[touch.contact_id].append(touch)
    names = {c.id: c.name for c in campaign.contacts}
    active = [c for c in campaign.contacts if not c.archived]
    settings = campaign.settings

    out: list[str] = ["# Informational interviews: campaign journal", ""]
    byline = " · ".join(
        part for part in (inline(settings.my_name), f"exported {_when(now)}") if part
    )
    out += [byline, ""]
    counts = " · ".join(
        f"{stage.label} {sum(1 for c in active if c.stage == stage)}" for stage in STAGES
    )
    archived = len(campaign.contacts) - len(active)
    out += [
        f"{count_of(len(active), 'contact')}: {counts}"
        + (f" · {archived} archived" if archived else "")
    ]
    if settings.pitch:
        out += ["", f"My introduction: {inline(settings.pitch)}"]
    groups = [(stage.label, [c for c in active if c.stage == stage]) for stage in STAGES]
    groups.append(("Archived", [c for c in campaign.contacts if c.archived]))
    for title, members in groups:
        if not members:
            continue
        out += ["", f"## {title}"]
        for contact in sorted(members, key=lambda c: c.name.casefold()):
            out += _contact(
                contact, names, meetings[contact.id], reminders[contact.id], touches[contact.id]
            )
    loose = reminders.get("", [])
    if loose:
        out += ["", "## Other reminders", ""] + [_reminder(r) for r in loose]
    return "\n".join(out).rstrip() + "\n"


def _contact(
    contact: Contact,
    names: dict[str, str],
    meetings: list[Meeting],
    reminders: list[Reminder],
    touches: list[Touch],
) -> list[str]:
    out = ["", f"### {inline(contact.name) or '(no name)'}", ""]
    headline = inline(
        " · ".join(
            part for part in (contact.role_at_company, contact.industry, contact.location) if part
        )
    )
    if headline:
        out += [headline, ""]
    facts = [
        ("Email", inline(contact.email)),
        ("Phone", inline(contact.phone)),
        ("Profile", url_text(contact.url) if contact.url.strip() else ""),
        ("Source", inline(contact.source)),
        ("Referred by", inline(names.get(contact.referred_by or "", ""))),
        ("Tags", inline(", ".join(contact.tags))),
        ("Focus", contact.focus.label if contact.focus else ""),
        ("Connected on", contact.connected_on.isoformat() if contact.connected_on else ""),
        ("Last contact", _when(contact.last_contact)),
        ("Next action", _next_action(contact)),
        ("Archived", _archived(contact)),
    ]
    out += [f"- {label}: {value}" for label, value in facts if value]
    for label, text in (
        ("About them", contact.research_person),
        ("About the company", contact.research_company),
        ("Notes", contact.notes),
    ):
        if text.strip():
            out += ["", f"**{label}**", "", *_quoted(text)]
    for meeting in meetings:
        out += _meeting(meeting, names)
    if reminders:
        out += ["", "**Reminders**", ""] + [_reminder(r) for r in reminders]
    if touches:
        out += ["", "**Log of contacts**", ""]
        out += [
            f"- {_when(t.at)} {t.kind.value}" + (f": {inline(t.note)}" if t.note else "")
            for t in touches
        ]
    if contact.job_history:
        out += ["", "**Earlier jobs**", ""]
        for change in contact.job_history:
            move = JobMove(change.company, change.role, change.new_company, change.new_role)
            source = f" ({change.source})" if change.source else ""
            out.append(f"- {_when(change.at)} {move.describe()}{source}")
    if contact.history:
        out += ["", "**Stages**", ""]
        out += [
            f"- {_when(change.at)} {change.stage.label}"
            + (f" (from {change.from_stage.label})" if change.from_stage else "")
            for change in contact.history
        ]
    return out


def _meeting(meeting: Meeting, names: dict[str, str]) -> list[str]:
    when = _when(meeting.when) if meeting.when else "not scheduled yet"
    if meeting.cancelled and meeting.cancelled_at is not None:
        was = meeting.invitation.start if meeting.invitation else None
        when = f"cancelled {_when(meeting.cancelled_at)}" + (f" (was {_when(was)})" if was else "")
    details = [meeting.medium.label, f"{meeting.duration_min} min", inline(meeting.place)]
    if i_pick_up_the_tab(meeting):
        details.append("I pick up the tab")
    out = ["", f"#### Meeting: {when}", "", " · ".join(d for d in details if d)]
    if meeting.ended_at:
        span = f"Held {_when(meeting.started_at)}" if meeting.started_at else "Held"
        out += ["", f"{span} to {meeting.ended_at:%H:%M}"]
    elif meeting.started_at:  # notes taken, the interview not ended yet
        out += ["", f"Started {_when(meeting.started_at)}, not ended yet"]
    for label, text in (
        ("Objectives", meeting.objectives),
        ("The ask", meeting.ask),
        ("My introduction", meeting.introduction),
    ):
        if text.strip():
            out += ["", f"*{label}*", "", *_quoted(text)]
    if meeting.checklist:
        done = sum(1 for item in meeting.checklist if item.done)
        out += [
            "",
            f"*Prep* ({done}/{len(meeting.checklist)} done, {readiness(meeting):.0%} ready)",
            "",
        ]
        out += [
            f"- [{'x' if item.done else ' '}] {inline(item.text)}" for item in meeting.checklist
        ]
    if meeting.questions:
        out += ["", "*Questions*", ""]
        for question in meeting.questions:
            tag = f"({question.tiara.label}) " if question.tiara else ""
            answer = f" — {inline(question.answer)}" if question.answer else ""
            out.append(f"- [{'x' if question.asked else ' '}] {tag}{inline(question.text)}{answer}")
    if meeting.notes.strip():
        out += ["", "*Notes*", "", *_quoted(meeting.notes)]
    if meeting.log:
        out += ["", "*Quick-capture log*", ""]
        for capture in meeting.log:
            kind = capture.kind.value.replace("-", " ")
            if capture.tiara:
                kind += f", {capture.tiara.label}"
            who = f" → {inline(names[capture.contact_id])}" if capture.contact_id in names else ""
            out.append(f"- {capture.at:%H:%M} ({kind}) {inline(capture.text)}{who}")
    for label, text in (
        ("What I learned", meeting.debrief_learned),
        ("How it fits me", meeting.debrief_fit),
        ("Who else to talk to", meeting.debrief_who_else),
    ):
        if text.strip():
            out += ["", f"*{label}*", "", *_quoted(text)]
    return out


def _reminder(reminder: Reminder) -> str:
    title = inline(reminder.title or reminder.kind.value.replace("-", " "))
    if reminder.done_at:
        return f"- [x] {title} (done {_when(reminder.done_at)})"
    if reminder.closed_at:
        why = f": {inline(reminder.closed_reason)}" if reminder.closed_reason else ""
        return f"- [-] {title} (closed {_when(reminder.closed_at)}{why})"
    return f"- [ ] {title} (due {_when(reminder.effective_due)})"


def _next_action(contact: Contact) -> str:
    if not contact.next_action:
        return ""
    due = f" (due {_when(contact.next_action_due)})" if contact.next_action_due else ""
    return inline(contact.next_action) + due


def _archived(contact: Contact) -> str:
    if not contact.archived:
        return ""
    parts = [
        _when(contact.archived_at) if contact.archived_at else "yes",
        inline(contact.archive_reason),
    ]
    return ", ".join(p for p in parts if p)


def _quoted(text: str) -> Iterable[str]:
    """Free text as a block quote: the user's lists and emphasis render, but no line can open
    a heading (ATX or setext), a code fence, or HTML, and nothing gets out of the quote."""
    lines = clean_text(text, multiline=True).strip("\n").split("\n")
    return [f"> {block_line(line)}".rstrip() for line in lines]


def _when(moment: datetime | None) -> str:
    return f"{moment:%a %d %b %Y %H:%M}" if moment else ""


def _meeting_time(meeting: Meeting) -> tuple[bool, float]:
    return (meeting.when is None, meeting.when.timestamp() if meeting.when else 0.0)
