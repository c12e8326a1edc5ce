"""The brief: a read-only last look before a meeting, exportable as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..domain.brief import (
    ASK_IS_DEFAULT,
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
from .base import CampaignChanged, CampaignMixin

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


# The parts of the brief, top to bottom: what to review before the meeting first (on one
# 80x24 screen for a full prep), then what is left to do and the research.
PARTS = ("who", "objectives", "questions", "ask", "todo", "research")


class BriefPage(VerticalScroll, inherit_bindings=False):
    """The brief's parts, scrolled by line (up, down, j, k) or by part (page up, page down,
    space): a page down brings the first part not wholly in view to the top, so none is
    skipped, however tall the page."""

    BINDINGS = [
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("pagedown,space", "page(1)", "Next part", show=False),
        Binding("pageup", "page(-1)", "Previous part", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def action_page(self, direction: int) -> None:
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        parts = [part for part in self.query(".part") if part.display and part.size.height]
        if direction > 0:
            # the first part that ends below the view, unless it already starts at the top
            target = next(
                (p for p in parts if p.virtual_region.bottom > bottom and p.virtual_region.y > top),
                None,
            )
            y = target.virtual_region.y if target is not None else top + (bottom - top)
        else:
            above = [p.virtual_region.y for p in parts if p.virtual_region.y < top]
            y = max(above[-1], top - (bottom - top)) if above else 0
        self.scroll_to(y=y, animate=False)


class BriefScreen(CampaignMixin, Screen[None]):
    """Who, when and where, my objectives, questions, ask, introduction, what is left, research."""

    AREA = "Brief"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("p", "prep", "Prep", tooltip="Edit the prep of this meeting"),
        Binding("e", "export", "Export markdown", tooltip="Save this brief as a Markdown file"),
        Binding("c", "copy", "Copy", tooltip="Copy this brief to the clipboard as Markdown"),
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
        with BriefPage(id="brief-scroll"):
            for part in PARTS:
                yield Static(id=f"brief-{part}", classes="part")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#brief-scroll").focus()
        self.call_after_refresh(self.show)  # laid out: the questions wrap to the real width

    def on_screen_resume(self) -> None:
        self.show()  # back from prep: what was changed there

    def on_campaign_changed(self, message: CampaignChanged) -> None:
        if message.touches("meetings", self.meeting_id) or message.touches(
            "contacts", self.contact_id
        ):
            self.show()

    def on_resize(self) -> None:
        self.show()  # the questions are wrapped to the width

    def show(self) -> None:
        if not self.is_mounted:
            return
        brief = self.brief()
        state = "held" if brief.held else f"{brief.readiness_percent}% ready"
        self.query_one("#brief-title", Static).update(
            f"[b]Brief · {escape(brief.name)}[/]  [dim]{escape(brief.when_text)} · {state}[/]"
        )
        width = self.query_one("#brief-who", Static).content_size.width or self.size.width - 3
        for part, text in brief_parts(brief, width).items():
            widget = self.query_one(f"#brief-{part}", Static)
            widget.update(text)
            widget.display = bool(text)

    # -- actions ----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss()

    def action_prep(self) -> None:
        if self.from_prep:
            self.dismiss()
            return
        from .prep import PrepScreen

        self.app.switch_screen(PrepScreen(self.contact_id, self.meeting_id))

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
                self.notify(f"Brief saved to {escape(str(path))}", title="Exported", timeout=8)

        self.app.push_screen(PathPrompt("Export this brief as Markdown to:", default, write), done)


def _heading(title: str, note: str = "") -> str:
    note = f" [dim]{escape(note)}[/]" if note else ""
    return f"[b $accent]{escape(title.upper())}[/]{note}"


QUESTION_INDENT = 7  # " 1. As "


def question_lines(question: BriefQuestion, width: int | None) -> list[str]:
    """One question as content markup, its number and TIARA letter in a column of their own:
    wrapped lines are indented under the text, so the numbers stay easy to scan. A question
    the checker flags ends with its warning, in the error colour."""
    column = f"{question.letter:<2}"  # coloured, as in prep and live notes
    room = max(20, width - QUESTION_INDENT) if width else 0
    warning = f" ✗ {question.warning}" if question.warning else ""
    wrapped = wrap(question.text + warning, room) if room else [question.text + warning]
    lines = [escape(line) for line in wrapped]
    if warning:  # the warning's words, wherever the wrap put them, in the error colour
        last = lines[-1]
        cut = last.rfind("✗")
        if cut >= 0:
            lines[-1] = f"{last[:cut]}[b $error]{last[cut:]}[/]"
    number = f"[b]{question.number:>2}.[/] [b $accent]{column}[/] "
    indent = " " * QUESTION_INDENT
    out = [number + lines[0]] + [indent + line for line in lines[1:]]
    if question.asked_before:
        out.append(f"{indent}[dim]⟲ {escape(question.asked_before)}[/]")
    return out


def _labelled(label: str, text: str, note: str = "", colour: str = "dim") -> str:
    """`LABEL  text (note)`: the ask and the introduction take a line or two, not a heading
    and a line each."""
    note = f" [{colour}]({escape(note)})[/]" if note else ""
    return f"[b $accent]{label}[/]  {escape(text)}{note}"


def brief_parts(brief: Brief, width: int | None = None) -> dict[str, str]:
    """The brief as content markup, part by part (empty: not shown). What to review comes
    first and is kept compact (a full prep fits 80x24); lines are wrapped to `width` cells
    when it is known."""
    parts: dict[str, str] = {}
    who: list[str] = []
    headline = " · ".join(p for p in (brief.role_at_company, brief.industry) if p)
    if headline:
        who.append(f"[b]{escape(headline)}[/]")
    if brief.when is None:
        when = "[$warning]Date and time not set[/] [dim](p to set them)[/]"
    else:
        when = f"[b]{escape(brief.day_text)}[/]" + (" [dim](held)[/]" if brief.held else "")
    where = [escape(brief.place)]
    if brief.who_pays:
        colour = "$success" if brief.who_pays == "I pay" else "$warning"
        where.append(f"[{colour}]{escape(brief.who_pays)}[/]")
    if brief.phone:
        where.append(f"their phone {escape(brief.phone)}")
    who.append(" · ".join([when, *where]))
    about = [p for p in (who_line(brief), brief.focus and f"focus: {brief.focus.lower()}") if p]
    if about:
        who.append(escape(" · ".join(about)))
    parts["who"] = "\n".join(who)

    objectives = [f"• {escape(o)}" for o in brief.objectives] or ["[dim](none yet)[/]"]
    parts["objectives"] = "\n".join([_heading("My objectives"), *objectives])

    questions = [_heading("My questions", brief.questions_note)]
    for question in brief.questions:
        questions += question_lines(question, width)
    if not brief.questions:
        questions.append("[dim](none chosen yet)[/]")
    parts["questions"] = "\n".join(questions)

    ask = (
        _labelled("ASK", brief.ask, ASK_IS_DEFAULT if brief.ask_is_default else "", "$warning")
        if brief.ask
        else "[b $accent]ASK[/]  [$warning](none yet)[/]"
    )
    if brief.introduction:
        pitch = "my pitch from Settings" if brief.introduction_from_pitch else ""
        intro = _labelled("INTRO", brief.introduction, pitch)
    else:
        intro = "[b $accent]INTRO[/]  [$warning](no introduction yet)[/]"
    parts["ask"] = f"{ask}\n{intro}"

    todo = []
    if brief.unchecked or brief.missing:
        todo.append(_heading(f"Still to do · {brief.readiness_percent}% ready"))
        todo += [f"☐ {escape(item)}" for item in brief.unchecked]
        todo += [f"[$warning]• {escape(gap)}[/]" for gap in brief.missing]
    parts["todo"] = "\n".join(todo)

    research = []
    if brief.research_person:
        research += [_heading(f"Research: {brief.name}"), escape(brief.research_person)]
    if brief.research_company:
        research += [
            _heading(f"Research: {brief.company or 'the company'}"),
            escape(brief.research_company),
        ]
    parts["research"] = "\n".join(research)
    return parts


def brief_text(brief: Brief, width: int | None = None) -> str:
    """The whole brief as one piece of content markup (the parts, in order)."""
    return "\n".join(text for text in brief_parts(brief, width).values() if text)
