"""Settings: who I am (name, signature, pitch, school), defaults, and the message templates."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, Label, Static, TextArea

from ..domain.models import Contact, Settings
from ..domain.outreach import TEMPLATE_FIELDS, check_request, draft_outreach
from ..domain.stages import Stage
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_bar import KeyBar
from ..widgets.text import escape, plain
from .base import CampaignMixin

TEXT_FIELDS = {
    "my_name": ("My name", "e.g. Sam Rivera"),
    "signature": ("Signature", "e.g. Sam Rivera · sam@example.com · 555 0100"),
    "pitch": ("My pitch", "follows “I'm”: a science teacher moving into UX research"),
    "school": ("My school", "for alumni: “As a fellow … graduate”"),
    "default_ask": ("Default ask", "what to ask for at the end of a meeting"),
}
NUMBER_FIELDS = {
    "default_duration_min": ("Meeting length", "minutes", 10, 60),
    "default_cadence_weeks": ("Check in every", "weeks", 1, 52),
    "max_check_ins_per_year": ("Check-ins a year", "at most", 1, 12),
    "thank_you_hours": ("Thank-you within", "hours", 1, 72),
    # Weekly goals: the agenda's header, Insights and `infoint agenda` show the week's progress.
    "weekly_requests": ("Weekly goal", "requests (0: no goal)", 0, 50),
    "weekly_conversations": ("Weekly goal", "conversations (0: no goal)", 0, 50),
}
TEMPLATES = {
    "outreach_template": "Outreach request",
    "thank_you_template": "Thank-you",
    "check_in_template": "Check-in",
}
OTHER_PLACEHOLDERS = {
    "thank_you_template": "{first_name} {name} {company} {role} {my_name} {signature} {pitch} "
    "{when} {specific} {introduction}",
    "check_in_template": "{first_name} {name} {company} {role} {my_name} {signature} {pitch} "
    "{update} {outcome}",
}
SAMPLE = Contact(
    name="Alex Morgan", role="Product Manager", company="Acme", industry="fintech",
    source="linkedin", stage=Stage.PROSPECTS,
)  # fmt: skip


class SettingsScreen(CampaignMixin, Screen[None]):
    AREA = "Settings"
    BINDINGS = [
        Binding("escape", "back", "Back (saves)", priority=True),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+r", "reset_template", "Reset template", priority=True,
                tooltip="Put back the default text of the template being edited"),
    ]  # fmt: skip
    CSS_PATH = "settings.tcss"

    def compose(self) -> ComposeResult:
        settings = self.campaign.settings
        yield Static("[b]Settings[/] · drafts and the brief use these", id="settings-title")
        with VerticalScroll(id="settings-form"):
            yield Label("Who I am", classes="section")
            for field, (label, placeholder) in TEXT_FIELDS.items():
                with Horizontal(classes="s-row"):
                    yield Label(label, classes="s-label")
                    yield Input(
                        plain(getattr(settings, field), multiline=False), id=f"s-{field}",
                        placeholder=placeholder,
                        compact=True, classes="s-field",
                    )  # fmt: skip
            yield Label("Defaults", classes="section")
            for field, (label, unit, _, _) in NUMBER_FIELDS.items():
                with Horizontal(classes="s-row"):
                    yield Label(label, classes="s-label")
                    yield Input(
                        str(getattr(settings, field)), id=f"s-{field}", compact=True,
                        classes="s-number", type="integer",
                    )  # fmt: skip
                    yield Label(unit, classes="s-unit")
                    yield Label("", id=f"e-{field}", classes="s-error")
            yield Label("Templates", classes="section")
            for field, label in TEMPLATES.items():
                yield Label(f"[b]{label}[/]")
                yield TextArea(
                    plain(getattr(settings, field)),
                    id=f"s-{field}",
                    classes="template",
                    soft_wrap=True,
                )
                placeholders = (
                    " ".join(f"{{{name}}}" for name in TEMPLATE_FIELDS)
                    if field == "outreach_template"
                    else OTHER_PLACEHOLDERS[field]
                )
                yield Static(escape(f"Placeholders: {placeholders}"), classes="hint")
                if field == "outreach_template":
                    yield Static(id="outreach-check", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#s-my_name", Input).focus()
        self._typed: dict[str, str] = {}
        self._original = self._values()
        self._check_outreach()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _keep_typed(self) -> None:
        self._values()

    def _values(self) -> dict[str, str]:
        """What is typed: read from the fields, or, once they are gone (the screen closing),
        as it was when last read."""
        try:
            values = {
                f: self.query_one(f"#s-{f}", Input).value for f in (*TEXT_FIELDS, *NUMBER_FIELDS)
            }
            values.update({f: self.query_one(f"#s-{f}", TextArea).text for f in TEMPLATES})
        except NoMatches:
            return dict(self._typed)
        self._typed = dict(values)
        return values

    def _build(self, *, show_errors: bool = True) -> Settings | None:
        values = self._values()
        changes: dict[str, object] = {f: values[f].strip() for f in TEXT_FIELDS}
        changes.update({f: values[f] for f in TEMPLATES})
        ok = True
        for field, (_label, _unit, low, high) in NUMBER_FIELDS.items():
            text = values[field].strip()
            valid = text.isdigit() and low <= int(text) <= high
            if valid:
                changes[field] = int(text)
            ok = ok and valid
            if show_errors:
                message = "" if valid else f"a number from {low} to {high}"
                self.query_one(f"#e-{field}", Label).update(message)
        return dataclasses.replace(self.campaign.settings, **changes) if ok else None  # type: ignore[arg-type]

    def on_unmount(self) -> None:
        # Quitting from here (ctrl+q) keeps what was typed, when it can be saved.
        if self._values() != self._original:
            settings = self._build(show_errors=False)
            if settings is not None:
                self.campaign.save_settings(settings)

    def save(self) -> bool:
        settings = self._build()
        if settings is None:
            return False
        if settings != self.campaign.settings:
            self.campaign.save_settings(settings)
        self._original = self._values()
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify("Settings saved", timeout=2)
        else:
            self.notify("A number is out of range: see the field in red.", severity="error")

    def action_back(self) -> None:
        if self._values() == self._original or self.save():
            self.dismiss()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "A number is out of range. Discard your changes?",
                "Cancel to fix it.",
                yes="Discard",
            ),
            answered,
        )

    def action_reset_template(self) -> None:
        focused = self.focused
        if not isinstance(focused, TextArea) or not focused.id:
            self.notify("Put the cursor in a template first.", timeout=3)
            return
        field = focused.id.removeprefix("s-")
        default = getattr(Settings(), field)
        if focused.text != default:
            focused.load_text(default)
            self.notify(f"{TEMPLATES[field]}: the default text is back (escape saves)", timeout=3)

    @on(TextArea.Changed, "#s-outreach_template")
    @on(Input.Changed)
    def _changed(self) -> None:
        self._check_outreach()

    def _check_outreach(self) -> None:
        """How a request from this template reads against the rules, for a sample contact."""
        widget = self.query(Static).filter("#outreach-check")
        if not widget:
            return
        settings = dataclasses.replace(
            self.campaign.settings,
            outreach_template=self.query_one("#s-outreach_template", TextArea).text,
            my_name=self.query_one("#s-my_name", Input).value,
            pitch=self.query_one("#s-pitch", Input).value,
            school=self.query_one("#s-school", Input).value,
        )
        check = check_request(draft_outreach(SAMPLE, settings), contact=SAMPLE)
        if check.passed:
            text = f"[$success]✓ For a LinkedIn contact, a request from this template follows every rule ({check.word_count} words).[/]"
        else:
            broken = ", ".join(r.label.lower() for r in check.failures)
            text = f"[$warning]For a LinkedIn contact, a request from this template breaks: {escape(broken)}.[/]"
        widget.first().update(text)
