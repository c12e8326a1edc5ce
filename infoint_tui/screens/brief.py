"""The brief: a read-only last look before a meeting, exportable as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..domain.brief import (
    Brief,
    BriefQuestion,
    brief_filename,
    brief_markdown,
    build_brief,
    who_line,
)
from ..domain.question_bank import full_bank
from ..domain.question_checks import earlier_meetings
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_bar import KeyBar
from ..widgets.path_prompt import PathPrompt
from ..widgets.text import escape, wrap
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..app import InfointApp


def open_brief(app: InfointApp, contact_id: str) -> None:
    """The brief of the contact's next meeting (or the last one held); with no meeting at all,
    say so and offer to prepare one."""
    campaign = app.campaign
    meeting = campaign.next_meeting(contact_id) or campaign.last_meeting(contact_id)
    if meeting is not None:
        app.push_screen(BriefScreen(contact_id, meeting.id))
        return
    name = campaign.contact(contact_id).name

    def answered(prepare: bool | None) -> None:
        if prepare:
            app.open_prep(contact_id)

    app.push_screen(
        ConfirmScreen(
            f"No meeting with {name} yet, so there is no brief to show.",
            "Prepare one now? The prep screen sets the time, place, objectives and questions.",
            yes="Prepare",
            no="Not now",
        ),
        answered,
    )


class BriefScreen(CampaignMixin, Screen[None]):
    """Who, when and where, my objectives, questions, ask, introduction, what is left, research."""

    AREA = "Brief"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("p", "prep", "Prep", tooltip="Edit the prep of this meeting"),
        Binding("e", "export", "Export markdown", tooltip="Save this brief as a Markdown file"),
        Binding("c", "copy", "Copy", tooltip="Copy this brief to the clipboard as Markdown"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]
    CSS_PATH = "brief.tcss"

    def __init__(self, contact_id: str, meeting_id: str | None, *, from_prep: bool = False) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.meeting_id = meeting_id
        self.from_prep = from_prep

    def brief(self) -> Brief:
        campaign = self.campaign
        contact = campaign.contact(self.contact_id)
        meeting = campaign.meeting(self.meeting_id or "")
        referrer = None
        if contact.referred_by:
            referrer = next(
                (c for c in campaign.contacts(archived=None) if c.id == contact.referred_by), None
            )
        return build_brief(
            meeting,
            contact,
            campaign.settings,
            now=self.now,
            referrer=referrer,
            bank=full_bank(campaign.custom_questions()),
            earlier_meetings=earlier_meetings(campaign.meetings(contact.id), meeting),
        )

    def compose(self) -> ComposeResult:
        yield Static(id="brief-title")
        with VerticalScroll(id="brief-scroll"), Vertical(id="brief-page"):
            yield Static(id="brief-body", classes="body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#brief-scroll").focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.show()

    def on_resize(self) -> None:
        self.show()  # the questions are wrapped to the width

    def show(self) -> None:
        brief = self.brief()
        state = "held" if brief.held else f"{brief.readiness_percent}% ready"
        self.query_one("#brief-title", Static).update(
            f"[b]Brief · {escape(brief.name)}[/]  [dim]{escape(brief.when_text)} · {state}[/]"
        )
        body = self.query_one("#brief-body", Static)
        body.update(brief_text(brief, body.content_size.width or None))

    # -- actions ----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss()

    def action_prep(self) -> None:
        if self.from_prep:
            self.dismiss()
            return
        from .prep import PrepScreen

        self.app.switch_screen(PrepScreen(self.contact_id, self.meeting_id))

    def action_scroll(self, delta: int) -> None:
        scroll = self.query_one("#brief-scroll", VerticalScroll)
        scroll.scroll_relative(y=delta * 3, animate=False)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(brief_markdown(self.brief()))
        self.notify("The brief is on the clipboard, as Markdown.", timeout=3)

    def action_export(self) -> None:
        brief = self.brief()
        text = brief_markdown(brief)
        default = self.campaign.path.parent / brief_filename(brief.name)

        def write(path: Path) -> None:
            self.campaign.write_file(path, text.encode("utf-8"))

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Brief saved to {path}", title="Exported", timeout=8)

        self.app.push_screen(PathPrompt("Export this brief as Markdown to:", default, write), done)


def _heading(title: str) -> str:
    return f"\n[b $accent]{escape(title.upper())}[/]"


QUESTION_INDENT = 7  # " 1. As "


def question_lines(question: BriefQuestion, width: int | None) -> list[str]:
    """One question as content markup, its number and TIARA letter in a column of their own:
    wrapped lines are indented under the text, so the numbers stay easy to scan."""
    column = f"{question.letter:<2}"  # coloured, as in prep and live notes
    room = max(20, width - QUESTION_INDENT) if width else 0
    wrapped = wrap(question.text, room) if room else [question.text]
    first = f"[b]{question.number:>2}.[/] [b $accent]{column}[/] {escape(wrapped[0])}"
    indent = " " * QUESTION_INDENT
    lines = [first] + [indent + escape(rest) for rest in wrapped[1:]]
    if question.asked_before:
        lines.append(f"{indent}[dim]⟲ {escape(question.asked_before)}[/]")
    return lines


def brief_text(brief: Brief, width: int | None = None) -> str:
    """The brief as content markup, section by section, the most urgent first; questions are
    wrapped to `width` when it is known."""
    out = [f"[b reverse] {escape(brief.name)} [/]"]
    if brief.role_at_company:
        line = f"[b]{escape(brief.role_at_company)}[/]"
        out.append(line + (f" · {escape(brief.industry)}" if brief.industry else ""))
    about = [
        part for part in (who_line(brief), brief.focus and f"focus: {brief.focus.lower()}") if part
    ]
    if about:
        out.append(escape(" · ".join(about)))

    out.append(_heading("When and where"))
    if brief.when is None:
        out.append("[$warning]Date and time not set[/] [dim](p to set them)[/]")
    else:
        held = " [dim](held)[/]" if brief.held else f" [dim]({escape(brief.when_text)})[/]"
        out.append(f"[b]{escape(brief.date_text)}[/]{held}")
    where = f"{escape(brief.place)} · {brief.duration_min} minutes"
    out.append(where)
    if brief.who_pays:
        colour = "$success" if brief.who_pays == "I pay" else "$warning"
        out.append(f"[{colour}]{escape(brief.who_pays)}[/]")
    if brief.phone:
        out.append(f"Their phone: {escape(brief.phone)}")

    out.append(_heading("My objectives"))
    out += [f"• {escape(o)}" for o in brief.objectives] or ["[dim](none yet)[/]"]

    out.append(_heading("My questions"))
    for question in brief.questions:
        out += question_lines(question, width)
    if not brief.questions:
        out.append("[dim](none chosen yet)[/]")

    out.append(_heading("The ask"))
    out.append(escape(brief.ask) if brief.ask else "[dim](none yet)[/]")

    out.append(_heading("My introduction"))
    if brief.introduction:
        source = " [dim](my pitch from Settings)[/]" if brief.introduction_from_pitch else ""
        out.append(escape(brief.introduction) + source)
    else:
        out.append("[dim](none yet)[/]")

    if brief.unchecked or brief.missing:
        out.append(_heading(f"Still to do · {brief.readiness_percent}% ready"))
        out += [f"☐ {escape(item)}" for item in brief.unchecked]
        out += [f"[$warning]• {escape(gap)}[/]" for gap in brief.missing]

    if brief.research_person:
        out.append(_heading(f"Research: {brief.name}"))
        out.append(escape(brief.research_person))
    if brief.research_company:
        out.append(_heading(f"Research: {brief.company or 'the company'}"))
        out.append(escape(brief.research_company))
    return "\n".join(out)
