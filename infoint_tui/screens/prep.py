"""Prep: one meeting's logistics, checklist, research, plan and questions, with a readiness meter.

Every change goes into the meeting (or the contact, for research notes) at once and is saved
a moment after typing stops; escape and ctrl+s save at once.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from ..actions.errors import NotFound
from ..domain.dates import DateParseError, format_when, parse_when
from ..domain.models import BankQuestion, Contact, Medium, Meeting
from ..domain.prep import (
    TAB_MEDIA,
    PrepGroup,
    add_item,
    add_objective,
    introduction_text,
    mark_prepared,
    meeting_gaps,
    readiness_report,
    remove_item,
    restore_defaults,
    toggle_item,
)
from ..domain.question_bank import full_bank
from ..domain.question_checks import check_question_text, earlier_meetings, flag_question
from ..widgets.checklist import Checklist
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_bar import KeyBar
from ..widgets.question_picker import QuestionPicker
from ..widgets.readiness import meter_line, missing_line
from ..widgets.text import escape, plain
from .base import CampaignMixin
from .prep_fields import (
    GO_TO,
    PLACE_LABELS,
    contact_facts,
    logistics_fields,
    plan_fields,
    when_preview,
)

SAVE_DELAY = 0.6  # seconds after the last keystroke
WIDE = 110
TABS = ("tab-checklist", "tab-logistics", "tab-research", "tab-plan", "tab-questions")


class PrepScreen(CampaignMixin, Screen[None]):
    """Prepare the next meeting with one contact."""

    AREA = "Prep"
    BINDINGS = [
        Binding(
            "escape", "back", "Back", priority=True, tooltip="Go back; everything typed is saved"
        ),
        Binding("ctrl+s", "save", "Save", priority=True, show=False, tooltip="Save now"),
        Binding("ctrl+n", "next_tab", "Next tab", priority=True, tooltip="Show the next tab"),
        Binding(
            "ctrl+r", "brief", "Brief", priority=True, tooltip="Review the brief of this meeting"
        ),
        Binding(
            "ctrl+b",
            "prepare_next",
            "Next meeting",
            priority=True,
            tooltip="Prepare a new meeting with this contact",
        ),
    ]
    CSS_PATH = "prep.tcss"

    def __init__(
        self, contact_id: str, meeting_id: str | None = None, *, new_meeting: bool = False
    ) -> None:
        """Prep of `meeting_id`; without it, of the contact's next meeting, else of the call
        last held (preparing another one is asked for: `new_meeting`, or ctrl+b from there),
        else of a new meeting."""
        super().__init__(classes="prep-screen")
        self.contact_id = contact_id
        self.meeting_id = meeting_id
        self._new_meeting = new_meeting
        self._dirty_meeting = False
        self._dirty_contact = False
        self._created = False  # this screen made the meeting (the contact had none ahead)
        self._meeting_saved = False
        self._timer: Timer | None = None
        self._when_error = ""
        self._focus_after_switch: str | None = None  # what to focus once a tab is shown

    # -- data -------------------------------------------------------------------------------
    @property
    def contact(self) -> Contact:
        return self.campaign.contact(self.contact_id)

    @property
    def meeting(self) -> Meeting:
        return self.campaign.meeting(self.meeting_id or "")

    def _load(self) -> None:
        if self.meeting_id is not None:
            return
        campaign = self.campaign
        chosen = campaign.next_meeting(self.contact_id)
        if chosen is None and not self._new_meeting:
            chosen = campaign.last_meeting(self.contact_id)
        if chosen is None:
            self._created = True
            chosen = campaign.ensure_next_meeting(self.contact_id)
        self.meeting_id = chosen.id

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._load()
        meeting, contact = self.meeting, self.contact
        yield Static(id="prep-title")
        yield Static(id="meter")
        yield Static(id="missing")
        with TabbedContent(id="tabs"):
            with (
                TabPane("Checklist", id="tab-checklist"),
                Vertical(id="checklist-pane", classes="pane"),
            ):
                with VerticalScroll(id="checklist-box"):
                    yield Checklist(id="checklist")
                with Horizontal(id="add-row"):
                    yield Input(
                        placeholder="Add an item of your own (enter adds)",
                        id="new-item",
                        compact=True,
                    )
                    yield Select(
                        [(g.label, g.value) for g in PrepGroup],
                        value=PrepGroup.PLAN.value,
                        allow_blank=False,
                        id="new-item-group",
                        compact=True,
                    )
            with TabPane("Logistics", id="tab-logistics"), VerticalScroll(classes="pane"):
                yield from logistics_fields(meeting)
            with TabPane("Research", id="tab-research"), VerticalScroll(classes="pane"):
                yield Static(contact_facts(contact), id="contact-facts")
                with Vertical(id="research-columns"):
                    with Vertical():
                        yield Label(f"On {escape(contact.name)}", classes="area-title")
                        yield TextArea(
                            plain(contact.research_person), id="research-person", soft_wrap=True
                        )
                    with Vertical():
                        company = escape(contact.company) if contact.company else "the company"
                        yield Label(f"On {company}", classes="area-title")
                        yield TextArea(
                            plain(contact.research_company), id="research-company", soft_wrap=True
                        )
            with TabPane("Plan", id="tab-plan"), VerticalScroll(classes="pane"):
                yield from plan_fields(meeting, self.campaign.settings)
            with TabPane("Questions", id="tab-questions"), VerticalScroll(classes="pane"):
                bank = full_bank(self.campaign.custom_questions())
                earlier = earlier_meetings(self.campaign.meetings(self.contact_id), meeting)
                yield QuestionPicker(
                    meeting, bank, earlier=earlier, company=contact.company, focus=contact.focus,
                    id="picker",
                )  # fmt: skip
        yield KeyBar()

    def on_mount(self) -> None:
        self._fit()
        self._show_medium()
        self._show_when_preview(self.query_one("#when", Input).value)
        self._show_intro_hint()
        self.refresh_meter()
        self.query_one("#checklist", Checklist).focus()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.query_one("#picker", QuestionPicker).set_class(wide, "-wide")

    # -- readiness --------------------------------------------------------------------------
    def refresh_meter(self) -> None:
        meeting, contact, settings = self.meeting, self.contact, self.campaign.settings
        report = readiness_report(meeting, contact=contact, settings=settings, now=self.now)
        gaps = meeting_gaps(meeting, contact=contact, settings=settings, now=self.now)
        when = format_when(meeting.when, self.now) if meeting.when else "no time set"
        title = f"[b]Prep · {escape(contact.name)}[/]"
        if contact.role_at_company:
            title += f" [dim]· {escape(contact.role_at_company)}[/]"
        held = "[b $warning]held[/] " if meeting.held else ""  # ctrl+b prepares the next
        title += f" · {held}{meeting.medium.label.lower()} {when}"
        self.query_one("#prep-title", Static).update(title)
        self.query_one("#meter", Static).update(meter_line(report))
        self.query_one("#missing", Static).update(missing_line(report))
        self.query_one("#checklist", Checklist).show(
            meeting, gaps, {g.group: g for g in report.groups}
        )

    # -- saving -----------------------------------------------------------------------------
    def changed(self, *, meeting: bool = True, contact: bool = False, typing: bool = False) -> None:
        """Something was edited: show it in the meter and save it, a moment after the last
        keystroke when typing, at once otherwise."""
        self._dirty_meeting |= meeting
        self._dirty_contact |= contact
        self.refresh_meter()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if typing:
            self._timer = self.set_timer(SAVE_DELAY, self.save)
        else:
            self.save()

    def save(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._dirty_contact:
            self.campaign.save_contact(self.contact)
            self._dirty_contact = False
        if self._dirty_meeting:
            self.campaign.save_meeting(self.meeting)
            self._dirty_meeting = False
            self._meeting_saved = True

    def action_save(self) -> None:
        self.save()
        self.notify("Saved", timeout=2)

    def on_unmount(self) -> None:
        try:
            self.save()  # quitting from here (ctrl+q) loses nothing typed in the last moment
        except NotFound:  # the contact was deleted meanwhile, its meetings with it
            return
        if self._created and not self._meeting_saved and self.meeting_id is not None:
            # Opened and left untouched: no empty meeting stays behind to stand, from now on,
            # for the contact's "next meeting" (live notes and the brief would open it instead
            # of the call just held). Unless it is gone already (the contact deleted meanwhile)
            # or was used elsewhere since (notes taken).
            try:
                meeting = self.campaign.meeting(self.meeting_id)
            except NotFound:
                return
            if meeting.started_at is None and not meeting.notes and not meeting.log:
                self.campaign.delete_meeting(self.meeting_id)

    def action_back(self) -> None:
        self.save()
        if not self._when_error:
            self.dismiss()
            return
        typed = self.query_one("#when", Input).value

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()
            else:
                self._go("tab-logistics", "#when")

        self.app.push_screen(
            ConfirmScreen(
                f"“{typed}” is not a date infoint can read.",
                "Everything else is saved. Leave without changing the meeting time?",
                yes="Leave",
                no="Fix it",
            ),
            answered,
        )

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        position = TABS.index(tabs.active) if tabs.active in TABS else -1
        self._go(TABS[(position + 1) % len(TABS)])

    def _go(self, tab: str, selector: str | None = None) -> None:
        """Show a tab and focus a widget in it (its first field when `selector` is None)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == tab:
            self._focus_in_tab(selector)
        else:
            self._focus_after_switch = selector or ""
            tabs.active = tab

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        # Focus only once the pane is shown: focusing a widget of a hidden pane does not stick.
        if self._focus_after_switch is not None:
            selector, self._focus_after_switch = self._focus_after_switch, None
            self.call_after_refresh(self._focus_in_tab, selector or None)

    def _focus_in_tab(self, selector: str | None) -> None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is None:
            return
        if selector is None and pane.id == "tab-questions":  # picking comes before filtering
            selector = "#q-bank"
        if selector is not None:
            self.query_one(selector).focus()
            return
        for widget in self.focus_chain:  # the first field, not the scrolling pane itself
            if pane in widget.ancestors and not widget.has_class("pane"):
                # The first field is near the top: scrolling to it would hide what is above it.
                widget.focus(scroll_visible=False)
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "prepare_next":  # from the prep of a call already held
            try:
                return self.meeting_id is not None and self.meeting.held
            except NotFound:  # deleted meanwhile (with its contact)
                return False
        return True

    def action_prepare_next(self) -> None:
        self.save()
        self.app.switch_screen(PrepScreen(self.contact_id, new_meeting=True))

    def action_brief(self) -> None:
        from .brief import BriefScreen

        self.save()
        self.app.push_screen(BriefScreen(self.contact_id, self.meeting_id, from_prep=True))

    # -- logistics --------------------------------------------------------------------------
    @on(Input.Changed, "#when")
    def _when_changed(self, event: Input.Changed) -> None:
        when = self._show_when_preview(event.value)
        if self._when_error:
            return
        if when != self.meeting.when:
            self.meeting.when = when
            self.changed(typing=True)

    def _show_when_preview(self, text: str) -> datetime | None:
        preview = self.query_one("#when-preview", Static)
        self._when_error = ""
        if not text.strip():
            preview.update("[dim]No time yet: type it in words.[/]")
            preview.set_class(False, "-error")
            return None
        try:
            when = parse_when(text, self.now)
        except DateParseError as problem:
            self._when_error = str(problem)
            preview.update(escape(f"✗ {problem}"))
            preview.set_class(True, "-error")
            return None
        preview.update(when_preview(when, self.now))
        preview.set_class(False, "-error")
        return when

    @on(RadioSet.Changed, "#duration")
    def _duration(self, event: RadioSet.Changed) -> None:
        minutes = int((event.pressed.id or "dur-30").removeprefix("dur-"))
        if minutes != self.meeting.duration_min:
            self.meeting.duration_min = minutes
            self.changed()
            self.query_one("#picker", QuestionPicker).refresh_chosen()

    @on(RadioSet.Changed, "#medium")
    def _medium(self, event: RadioSet.Changed) -> None:
        medium = Medium((event.pressed.id or "medium-video").removeprefix("medium-"))
        if medium is not self.meeting.medium:
            self.meeting.medium = medium
            self._show_medium()
            self.changed()

    def _show_medium(self) -> None:
        label, placeholder = PLACE_LABELS[self.meeting.medium]
        self.query_one("#place-label", Label).update(label)
        self.query_one("#place", Input).placeholder = placeholder
        self.query_one("#who-pays").display = self.meeting.medium in TAB_MEDIA

    @on(Input.Changed, "#place")
    def _place(self, event: Input.Changed) -> None:
        if event.value != self.meeting.place:
            self.meeting.place = event.value
            self.changed(typing=True)

    @on(Checkbox.Changed, "#i-pay")
    def _i_pay(self, event: Checkbox.Changed) -> None:
        if event.value != self.meeting.i_pay:
            self.meeting.i_pay = event.value
            for item in self.meeting.checklist:
                if item.key == "tab":
                    item.done = event.value
            self.changed()

    # -- checklist --------------------------------------------------------------------------
    @on(Checklist.Toggled)
    def _toggle(self, event: Checklist.Toggled) -> None:
        meeting = self.meeting
        item = meeting.checklist[event.index]
        if item.key == "tab" and meeting.i_pay:  # "I pay" ticks it; unticking undoes both
            item.done = True
        done = toggle_item(meeting, event.index)
        if item.key == "tab":
            meeting.i_pay = done
            self.query_one("#i-pay", Checkbox).value = done
        self.changed()  # saving the meeting brings the agenda's confirm reminder in step

    @on(Checklist.Removed)
    def _remove(self, event: Checklist.Removed) -> None:
        item = remove_item(self.meeting, event.index)
        hint = " (r puts it back)" if item.key else ""
        self.notify(f"Removed “{escape(item.text)}”{hint}", timeout=3)
        self.changed()

    @on(Checklist.RestoreWanted)
    def _restore(self) -> None:
        added = restore_defaults(self.meeting)
        self.notify(
            f"Put back {len(added)} item{'s' if len(added) != 1 else ''}"
            if added
            else "Every default item is already there",
            timeout=3,
        )
        if added:
            self.changed()

    @on(Checklist.AddWanted)
    def _want_add(self) -> None:
        self.query_one("#new-item", Input).focus()

    @on(Input.Submitted, "#new-item")
    def _add(self, event: Input.Submitted) -> None:
        group = PrepGroup(str(self.query_one("#new-item-group", Select).value))
        try:
            add_item(self.meeting, event.value, group)
        except ValueError as problem:
            self.notify(escape(str(problem).capitalize()), severity="warning", timeout=4)
            return
        event.input.value = ""
        self.changed()
        checklist = self.query_one("#checklist", Checklist)
        checklist.select_item(len(self.meeting.checklist) - 1)
        checklist.focus()

    @on(Checklist.GoWanted)
    def _go_to_item(self, event: Checklist.GoWanted) -> None:
        place = GO_TO.get(self.meeting.checklist[event.index].key)
        if place is None:
            self.notify("Your own item: tick it with space when it is done.", timeout=3)
        else:
            self._go(*place)

    # -- research and plan ------------------------------------------------------------------
    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        field = event.text_area.id
        if field in ("research-person", "research-company"):
            attribute = field.replace("-", "_")
            if getattr(self.contact, attribute) != text:
                setattr(self.contact, attribute, text)
                self.changed(meeting=False, contact=True, typing=True)
        elif field in ("objectives", "introduction") and getattr(self.meeting, field) != text:
            setattr(self.meeting, field, text)
            if field == "introduction":
                self._show_intro_hint()
            if text.strip():  # written for this meeting: that part is prepared
                mark_prepared(self.meeting, field)
            self.changed(typing=True)

    @on(OptionList.OptionSelected, "#objective-ideas")
    def _objective_idea(self, event: OptionList.OptionSelected) -> None:
        try:
            add_objective(self.meeting, str(event.option.prompt))
        except ValueError as problem:
            self.notify(escape(str(problem).capitalize()), timeout=3)
            return
        self.query_one("#objectives", TextArea).load_text(plain(self.meeting.objectives))
        mark_prepared(self.meeting, "objectives")
        self.changed()

    @on(Input.Changed, "#ask")
    def _ask(self, event: Input.Changed) -> None:
        if event.value != self.meeting.ask:
            self.meeting.ask = event.value
            if event.value.strip():  # the user chose or wrote it: prepared
                mark_prepared(self.meeting, "ask")
            self.changed(typing=True)

    @on(OptionList.OptionSelected, "#ask-ideas")
    def _ask_idea(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#ask", Input).value = str(event.option.prompt)

    def _show_intro_hint(self) -> None:
        hint = self.query_one("#intro-hint", Static)
        if self.meeting.introduction.strip():
            hint.update("")
            return
        fallback = introduction_text(self.meeting, self.campaign.settings)
        if fallback:
            hint.update(f"Empty: the brief uses your pitch from Settings: “{escape(fallback)}”")
        else:
            hint.update(
                "Empty, and no pitch in Settings yet (ctrl+p, “Settings”): "
                "write two sentences on who you are and what you are exploring."
            )

    # -- questions --------------------------------------------------------------------------
    @on(QuestionPicker.Changed)
    def _questions_changed(self) -> None:
        if self.meeting.questions:  # chosen: that part of the plan is prepared
            mark_prepared(self.meeting, "questions")
        self.changed()

    @on(QuestionPicker.OwnQuestion)
    def _own_question(self, event: QuestionPicker.OwnQuestion) -> None:
        company = self.contact.company
        question = flag_question(
            BankQuestion(text=event.text, tiara=event.tiara, focus=self.contact.focus),
            company=company,
        )
        self.campaign.save_question(question)
        picker = self.query_one("#picker", QuestionPicker)
        picker.add_own(question)
        picker.clear_own()
        problems = check_question_text(event.text, company=company)
        if problems:
            self.notify(
                escape(problems[0].message),
                title="Saved, but think again",
                severity="warning",
                timeout=8,
            )
        else:
            self.notify("Added to this meeting and saved to your bank", timeout=3)

    @on(QuestionPicker.ForgetQuestion)
    def _forget_question(self, event: QuestionPicker.ForgetQuestion) -> None:
        question = event.question

        def answered(yes: bool | None) -> None:
            if yes:
                self.campaign.delete_question(question.id)
                self.query_one("#picker", QuestionPicker).forget_question(question.id)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete “{question.text}” from your bank?",
                "Meetings that already have it keep it.",
                yes="Delete",
            ),
            answered,
        )
