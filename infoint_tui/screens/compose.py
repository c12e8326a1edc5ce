"""The composer: the outreach request, the thank-you and the keep-in-touch check-in.

The kind follows the card's stage. The draft comes from Settings' templates (domain.outreach,
domain.compose) and is edited freely; an outreach request is checked against the rules of a
good request as it is typed. Copy puts the text on the clipboard; "mark sent" logs it (the
text is kept as the touch's note) and moves the card. An unsent draft is kept on the contact.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from ..domain.compose import (
    Candidate,
    check_in_candidates,
    check_in_draft,
    offered_introductions,
    specific_candidates,
    thank_you_countdown,
    thank_you_draft,
    thank_you_reminder,
)
from ..domain.models import Contact, Meeting
from ..domain.outreach import (
    RequestCheck,
    RequestRule,
    best_send_time,
    check_request,
    draft_outreach,
)
from ..domain.sending import CHECK_IN, CONFIRM, FOLLOW_UP, OUTREACH, THANK_YOU, confirm_words
from ..domain.stages import Stage
from ..widgets.confirm import ConfirmScreen
from ..widgets.draft_area import DraftArea
from ..widgets.key_bar import KeyBar
from ..widgets.key_list import KeyList
from ..widgets.text import escape, plain
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..app import InfointApp

TITLES = {
    OUTREACH: "Request for a conversation",
    FOLLOW_UP: "Follow-up",
    CONFIRM: "Confirmation",
    THANK_YOU: "Thank-you",
    CHECK_IN: "Check-in",
}
KIND_BY_STAGE = {
    Stage.PROSPECTS: OUTREACH,
    Stage.REACHED_OUT: OUTREACH,
    Stage.INTERVIEWED: THANK_YOU,
    Stage.THANKED: CHECK_IN,
    Stage.IN_TOUCH: CHECK_IN,
}
WIDE = 110
SIDE_TITLES = {FOLLOW_UP: "Your request", CONFIRM: "The meeting"}


def open_composer(app: InfointApp, contact_id: str, kind: str | None = None) -> None:
    """The composer of the step that is due (`domain.steps.step_due`), or of `kind`."""
    if kind is None:
        from .follow_through import open_step

        open_step(app, contact_id)
        return
    app.push_screen(ComposeScreen(contact_id, kind))


class ComposeScreen(CampaignMixin, Screen[None]):
    """One message to one contact: draft, checks, copy, mark sent."""

    AREA = "Compose"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True, tooltip="Go back; the draft is kept"),
        Binding("ctrl+l", "copy", "Copy", priority=True, tooltip="Copy the draft to the clipboard"),
        Binding("ctrl+o", "mark_sent", "Mark sent", priority=True, tooltip="Log it as sent"),
        Binding(
            "ctrl+r", "redraft", "Redraft", priority=True, tooltip="Start again from the template"
        ),
        Binding("ctrl+s", "save", "Save draft", priority=True, show=False),
    ]
    CSS_PATH = "compose.tcss"

    def __init__(self, contact_id: str, kind: str, second_of: str | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.kind = kind
        self.second_of = second_of  # a request to a second person at this contact's company
        self.generated = ""  # the last draft made from the template: edits are what differs
        self.check: RequestCheck | None = None
        self.specific: Candidate | None = None
        self.outcome: Candidate | None = None
        self.candidates: list[Candidate] = []
        self.missing: list[str] = []
        self.intros_used: set[int] = set()  # the introductions the draft mentions
        self._text = ""
        self._marked_sent = False

    # -- data -------------------------------------------------------------------------------
    @property
    def contact(self) -> Contact:
        return self.campaign.contact(self.contact_id)

    @property
    def referrer(self) -> Contact | None:
        referred_by = self.contact.referred_by
        return next((c for c in self.campaign.contacts(archived=None) if c.id == referred_by), None)

    @property
    def meeting(self) -> Meeting | None:
        return self.campaign.last_meeting(self.contact_id)

    @property
    def text(self) -> str:
        """The draft as it stands; once the editor is gone (the screen closing), as last seen."""
        with contextlib.suppress(NoMatches):
            self._text = self.query_one(DraftArea).text
        return self._text

    @property
    def edited(self) -> bool:
        return self.text != self.generated

    def make_draft(self) -> str:
        """The draft the template gives with the current picks (and what it still lacks)."""
        contact, settings = self.contact, self.campaign.settings
        if self.kind == OUTREACH:
            self.missing = []
            return draft_outreach(contact, settings, self.referrer)
        if self.kind in (FOLLOW_UP, CONFIRM):
            from ..domain.steps import Step, draft_for

            facts = self.campaign.situation(self.contact_id, self.now)
            fresh = replace(facts, contact=replace(contact, drafts={}))  # the template's
            draft = draft_for(Step(self.kind), fresh)
            self.missing = draft.missing
            return draft.body
        if self.kind == THANK_YOU:
            picked = self.intros_used = set(self.query_one("#intros", SelectionList).selected)
            intros = [i for n, i in enumerate(self.introductions()) if n in picked]
            draft = thank_you_draft(
                contact, self.meeting, settings, self.now, specific=self.specific,
                introductions=intros,
            )  # fmt: skip
        else:
            update = self.query_one("#update", Input).value
            draft = check_in_draft(contact, settings, update=update, outcome=self.outcome)
        self.missing = draft.missing
        return draft.body

    def introductions(self) -> list:  # type: ignore[type-arg]
        meeting = self.meeting
        if meeting is None:
            return []
        return offered_introductions(meeting, self.campaign.contacts(archived=None))

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        contact = self.contact
        yield Static(id="compose-title")
        yield Static(id="compose-to")
        with Horizontal(id="compose-body"):
            with Vertical(id="draft-side"):
                yield DraftArea(id="draft")
                yield Static(id="draft-status")
            with VerticalScroll(id="side"):
                if self.kind == OUTREACH:
                    yield Label("The rules of a good request", classes="side-title")
                    with Vertical(id="rules"):
                        for rule in RequestRule:
                            with Vertical(id=f"box-{rule.value}", classes="rule-box"):
                                yield Static(id=f"rule-{rule.value}", classes="rule")
                                yield Static(id=f"why-{rule.value}", classes="rule-why")
                    yield Label("When to send", classes="side-title")
                    yield Static(id="send-time")
                elif self.kind in (FOLLOW_UP, CONFIRM):
                    yield Label(SIDE_TITLES[self.kind], classes="side-title")
                    yield Static(self.side_text(), id="step-side")
                elif self.kind == THANK_YOU:
                    yield Static(id="countdown")
                    yield Label("Something specific to quote (enter picks)", classes="side-title")
                    meeting = self.meeting
                    self.candidates = specific_candidates(meeting) if meeting else []
                    yield KeyList(
                        *[Option(escape(c.text)) for c in self.candidates]
                        or [Option("[dim]No notes from the meeting to quote[/]", disabled=True)],
                        id="lines",
                        compact=True,
                    )
                    yield Label("Introductions offered (space toggles)", classes="side-title")
                    intros = self.introductions()
                    yield SelectionList[int](
                        *[(escape(i.name), n, True) for n, i in enumerate(intros)], id="intros",
                        compact=True,
                    )  # fmt: skip
                    if not intros:
                        yield Static("[dim]None noted in the call.[/]")
                else:
                    yield Label("Your news (a line)", classes="side-title")
                    yield Input(
                        placeholder="e.g. I finished my first case study", id="update", compact=True
                    )
                    yield Label("What came of their help (enter picks)", classes="side-title")
                    self.candidates = check_in_candidates(
                        contact,
                        self.campaign.contacts(archived=None),
                        self.campaign.meetings(),
                        self.now,
                    )
                    yield KeyList(
                        *[Option(escape(c.text)) for c in self.candidates]
                        or [Option("[dim]Nothing noted yet[/]", disabled=True)],
                        id="outcomes",
                        compact=True,
                    )
        yield KeyBar()

    def side_text(self) -> str:
        """The follow-up: the request it follows; the confirmation: the meeting."""
        from ..domain.confirm import meeting_to_confirm
        from ..domain.dates import format_when
        from ..domain.models import TouchKind

        if self.kind == FOLLOW_UP:
            sent = [
                t
                for t in self.campaign.touches(self.contact_id)
                if t.kind is TouchKind.MESSAGE_SENT
            ]
            if not sent:
                return "[dim]No request logged: the follow-up names the day you wrote.[/]"
            first = sent[0]
            return (
                f"[b]{escape(format_when(first.at, self.now))}[/]\n"
                f"{escape(first.note or '(no text kept)')}\n\n"
                "[dim]Follow up once: refer to it, don't send it again.[/]"
            )
        meeting = meeting_to_confirm(self.campaign.meetings(self.contact_id), self.now)
        if meeting is None:
            return "[dim]No meeting with a time to confirm.[/]"
        where = meeting.place or "[$warning]no place or link yet (p: prep, logistics)[/]"
        return (
            f"[b]{escape(format_when(meeting.when, self.now))}[/] · "
            f"{meeting.medium.label}, {meeting.duration_min} min\n{where if not meeting.place else escape(where)}"
        )

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < WIDE, "-narrow")
        contact = self.contact
        if self.kind == THANK_YOU and self.candidates:
            self.specific = self.candidates[0]
        if self.kind == CHECK_IN and self.candidates:
            self.outcome = self.candidates[0]
        self.generated = plain(self.make_draft())
        saved = contact.drafts.get(self.kind)
        draft = self.query_one(DraftArea)
        draft.load_text(plain(saved) if saved is not None else self.generated)
        self._text = draft.text
        if saved is not None and saved != self.generated:
            self.notify("Your saved draft. ctrl+r starts again from the template.", timeout=4)
        self.show_header()
        self.show_checks()
        self.show_picked()
        if self.kind == THANK_YOU:
            self.show_countdown()
            self.set_interval(30, self.show_countdown)
        if self.kind == CHECK_IN and saved is None:
            self.query_one("#update", Input).focus()  # the news is what the user has to add
        else:
            draft.focus()  # the cursor at the top: the draft is read from its greeting

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < WIDE, "-narrow")

    def show_header(self) -> None:
        contact = self.contact
        who = escape(contact.name)
        if contact.role_at_company:
            who += f" [dim]· {escape(contact.role_at_company)}[/]"
        self.query_one("#compose-title", Static).update(f"[b]{TITLES[self.kind]}[/] · {who}")
        to = (
            f"To: {escape(contact.email)}"
            if contact.email
            else "No email address: send it where you found them (LinkedIn), or add it to the contact"
        )
        settings = self.campaign.settings
        if not settings.my_name.strip() or not settings.pitch.strip():
            to += (
                "\n[$warning]Your name or pitch is not set: ctrl+p, “Settings: edit”, "
                "so drafts are signed and say who you are.[/]"
            )
        self.query_one("#compose-to", Static).update(to)

    # -- checks -----------------------------------------------------------------------------
    @on(TextArea.Changed, "#draft")
    def _draft_changed(self, event: TextArea.Changed) -> None:
        self._text = event.text_area.text
        self.show_checks()

    def show_checks(self) -> None:
        text = self.text
        status = self.query_one("#draft-status", Static)
        draft = self.query_one(DraftArea)
        words = len(text.split())
        edited = " · [$accent]edited[/]" if self.edited else ""
        if self.kind != OUTREACH:
            still = ""
            if self.missing and not self.edited:
                still = f" · [$warning]still to add: {escape(', '.join(self.missing))}[/]"
            status.update(f"{words} words{still}{edited}")
            return
        check = self.check = check_request(text, contact=self.contact, referrer=self.referrer)
        draft.mark((hit.start, hit.end) for r in check.results for hit in r.hits)
        verdict = (
            "[$success b]follows every rule[/]"
            if check.passed
            else f"[$error b]{len(check.failures)} rule{'s' if len(check.failures) > 1 else ''} to fix[/]"
        )
        colour = "$success" if check.word_count < 100 else "$error"
        advice = best_send_time(self.now)
        # The side panel's "When to send" is below the fold at 80x24: the gist stays in view.
        when = "[$success]a good day to send[/]" if advice.ok else "[$warning]send it Tuesday[/]"
        status.update(f"[{colour}]{check.word_count} words[/] · {verdict} · {when}{edited}")
        rules = self.query_one("#rules", Vertical)
        # The rules to fix first, so they show even when the panel is short; then the others.
        ordered = sorted(check.results, key=lambda r: r.passed)
        for position, result in enumerate(ordered):
            box = self.query_one(f"#box-{result.rule.value}")
            if rules.children.index(box) != position:
                rules.move_child(box, before=position)
        for result in check.results:
            mark = "[$success]✓[/]" if result.passed else "[$error b]✗[/]"
            self.query_one(f"#rule-{result.rule.value}", Static).update(
                f"{mark} [b]{escape(result.label)}[/]"
            )
            why = self.query_one(f"#why-{result.rule.value}", Static)
            why.update(escape(result.explanation))
            why.set_class(not result.passed, "-failed")
        colour = "$success" if advice.ok else "$warning"
        self.query_one("#send-time", Static).update(f"[{colour}]{escape(advice.advice)}[/]")

    def show_countdown(self) -> None:
        meeting = self.meeting
        reminder = thank_you_reminder(
            self.campaign.reminders(contact_id=self.contact_id),
            self.contact_id,
            meeting.id if meeting else None,
        )
        countdown = thank_you_countdown(self.now, reminder, meeting, self.campaign.settings)
        widget = self.query_one("#countdown", Static)
        if countdown is None:
            widget.update("[dim]Send it within a day of the meeting.[/]")
        elif countdown.overdue:
            widget.update(
                f"[$error b]Thank-you {escape(countdown.text)}[/]: send it now, short is fine."
            )
        else:
            widget.update(
                f"[$success b]{escape(countdown.text)}[/] of the 24 hours for a thank-you"
            )

    # -- picks ------------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#lines")
    def _line_picked(self, event: OptionList.OptionSelected) -> None:
        line = self.candidates[event.option_index]
        self.redraft_or_ask("this line", lambda: setattr(self, "specific", line))

    @on(OptionList.OptionSelected, "#outcomes")
    def _outcome_picked(self, event: OptionList.OptionSelected) -> None:
        line = self.candidates[event.option_index]
        self.redraft_or_ask("this line", lambda: setattr(self, "outcome", line))

    @on(SelectionList.SelectedChanged, "#intros")
    def _intros_changed(self) -> None:
        intros = self.query_one("#intros", SelectionList)
        if not self.generated or set(intros.selected) == self.intros_used:
            return

        def revert() -> None:
            with self.prevent(SelectionList.SelectedChanged):
                intros.deselect_all()
                for value in self.intros_used:
                    intros.select(value)

        self.redraft_or_ask("these introductions", undo=revert)

    @on(Input.Changed, "#update")
    def _update_typed(self) -> None:
        if self.generated and not self.edited:
            self.redraft()

    @on(Input.Submitted, "#update")
    def _update_done(self) -> None:
        self.query_one(DraftArea).focus()

    def redraft_or_ask(
        self,
        what: str,
        pick: Callable[[], None] = lambda: None,
        undo: Callable[[], None] = lambda: None,
    ) -> None:
        """Make the pick and rebuild the draft with it; ask first if the user has edited it."""
        if not self.edited:
            pick()
            self.redraft()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                pick()
                self.redraft()
            else:
                undo()

        self.app.push_screen(
            ConfirmScreen(
                f"Rebuild the draft with {what}?",
                "Your edits to the draft would be replaced.",
                yes="Rebuild",
                no="Keep my draft",
            ),
            answered,
        )

    def redraft(self) -> None:
        self.generated = plain(self.make_draft())
        self.query_one(DraftArea).load_text(self.generated)
        self._text = self.generated
        self.show_checks()
        self.show_picked()

    def show_picked(self) -> None:
        """Tick the line the draft quotes (thank-you) or tells (check-in)."""
        lists = self.query("#lines, #outcomes").results(OptionList)
        picked = self.specific if self.kind == THANK_YOU else self.outcome
        for options in lists:
            for index, candidate in enumerate(self.candidates):
                mark = "[$success]✓[/] " if candidate is picked else "  "
                options.replace_option_prompt_at_index(index, mark + escape(candidate.text))

    # -- actions ----------------------------------------------------------------------------
    def save_draft(self) -> None:
        """Keep the draft on the contact while it differs from the template's."""
        contact = self.contact
        text = self.text
        if self.edited and text.strip():
            if contact.drafts.get(self.kind) != text:
                contact.drafts[self.kind] = text
                self.campaign.save_contact(contact)
        elif self.kind in contact.drafts:
            del contact.drafts[self.kind]
            self.campaign.save_contact(contact)

    def action_save(self) -> None:
        self.save_draft()
        self.notify("Draft saved" if self.edited else "Nothing edited to keep", timeout=2)

    def on_unmount(self) -> None:
        if not self._marked_sent:  # quitting from here (ctrl+q) keeps the draft too
            self.save_draft()

    def action_back(self) -> None:
        self.save_draft()
        self.dismiss()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Copied to the clipboard: paste it into your email or message.", timeout=3)

    def action_redraft(self) -> None:
        if not self.edited:
            self.redraft()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.redraft()

        self.app.push_screen(
            ConfirmScreen(
                "Start again from the template?", "Your edits would be replaced.", yes="Start again"
            ),
            answered,
        )

    def action_mark_sent(self) -> None:
        if not self.text.strip():
            self.notify("The draft is empty: nothing to mark as sent.", severity="warning")
            return
        question, detail = confirm_words(self.kind, self.contact, self.check)
        self.app.push_screen(ConfirmScreen(question, detail, yes="Mark sent"), self._sent)

    def _sent(self, yes: bool | None) -> None:
        if not yes:
            return
        self._marked_sent = True
        self.campaign.record_sent(self.contact_id, self.kind, self.text, self.second_of)
        contact = self.contact
        self.notify(
            f"{TITLES[self.kind]} to {escape(contact.name)} marked sent · {contact.stage.label}",
            timeout=4,
        )
        self.dismiss()
