"""The contact: every field, editable with validation, and a timeline of what happened."""

from __future__ import annotations

import copy
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, TextArea

from ..domain.dates import DateParseError, format_when, parse_when
from ..domain.models import SOURCES, Contact, Focus, source_name
from ..domain.stages import STAGES
from ..domain.timeline import timeline
from ..domain.validation import InvalidField, check_email, check_name, check_url, check_weeks
from ..widgets import FORMS_CSS
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_bar import KeyBar
from ..widgets.text import escape, plain
from .base import CampaignMixin, FollowsCampaign

TEXT_FIELDS = ("name", "role", "company", "industry", "location", "email", "phone", "url")
AREAS = ("research_person", "research_company", "notes")
LABELS = {
    "name": "Name", "role": "Role", "company": "Company", "industry": "Industry",
    "location": "Location", "email": "Email", "phone": "Phone", "url": "LinkedIn / web",
    "tags": "Tags", "source": "How found", "referred_by": "Referred by", "focus": "Focus",
    "stage": "Stage", "cadence": "Check in every", "next_action": "Next action",
    "next_due": "Due", "research_person": "Research: the person",
    "research_company": "Research: the company", "notes": "Notes",
}  # fmt: skip
# Fields checked as they are typed: the message under the field follows the value.
CHECKS = {"name": check_name, "email": check_email, "url": check_url, "cadence": check_weeks}


def _line(text: str) -> str:
    """A field's value as its input shows it: one line, no control characters."""
    return plain(text, multiline=False)


class ContactScreen(FollowsCampaign, CampaignMixin, Screen[str | None]):
    """Edit one contact (or a new one); dismisses with the saved contact's id, or None."""

    CSS_PATH = FORMS_CSS

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back (saves)", priority=True),
        Binding("ctrl+r", "archive", "Archive/restore", priority=True),
        # priority: typing goes into the fields; ctrl+t works from any of them
        Binding("ctrl+t", "log_touch", "Log touch", priority=True, tooltip="Log a reply, call..."),
        Binding(
            "ctrl+o",
            "compose",
            "Write",
            priority=True,
            tooltip="Save, then write the request, thank-you or check-in",
        ),  # fmt: skip
        Binding(
            "ctrl+g",
            "advice",
            "Advice tried",
            priority=True,
            tooltip="Their advice and resources from calls: mark tried, with what came of it",
        ),
        # priority: inputs use ctrl+d to delete a character; here it asks before deleting the contact
        Binding("ctrl+d", "delete", "Delete contact", show=False, priority=True),
        Binding(
            "ctrl+l",
            "merge",
            "Merge with…",
            show=False,
            priority=True,
            tooltip="Merge another record of this person into this one",
        ),
    ]

    def __init__(self, contact_id: str | None) -> None:
        super().__init__(classes="form-screen")
        self.contact_id = contact_id
        self._original: dict[str, object] = {}
        self._typed: set[str] = set()  # fields edited since the form opened

    def _contact(self) -> Contact:
        if self.contact_id is None:
            return Contact(name="")
        return self.campaign.contact(self.contact_id)

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        contact = self._contact()
        title = escape(contact.name) if self.contact_id else "New contact"
        yield Static(f"[b]{title}[/]", id="form-title")
        with Horizontal(id="contact-body"):
            with VerticalScroll(id="contact-form"):
                for field in TEXT_FIELDS:
                    yield from self._row(
                        field, Input(_line(getattr(contact, field)), id=f"f-{field}", compact=True)
                    )
                yield from self._row(
                    "tags",
                    Input(
                        _line(", ".join(contact.tags)),
                        id="f-tags",
                        compact=True,
                        placeholder="comma, separated",
                    ),
                )
                sources = [(source_name(s, capital=True), s) for s in SOURCES]
                if contact.source and contact.source not in SOURCES:
                    sources.append((escape(contact.source), contact.source))
                yield from self._row(
                    "source",
                    Select(
                        sources,
                        value=contact.source or Select.NULL,
                        id="f-source",
                        compact=True,
                        prompt="—",
                    ),
                )
                others = sorted(
                    (c for c in self.campaign.contacts(archived=None) if c.id != contact.id),
                    key=lambda c: c.name.casefold(),
                )
                referrers = [
                    (escape(c.name + (f" ({c.company})" if c.company else "")), c.id)
                    for c in others
                ]
                yield from self._row(
                    "referred_by",
                    Select(
                        referrers,
                        value=contact.referred_by or Select.NULL,
                        id="f-referred_by",
                        compact=True,
                        prompt="—",
                    ),
                )
                yield from self._row(
                    "focus",
                    Select(
                        [(f.label, f.value) for f in Focus],
                        value=contact.focus.value if contact.focus else Select.NULL,
                        id="f-focus",
                        compact=True,
                        prompt="—",
                    ),
                )
                yield from self._row(
                    "stage",
                    Select(
                        [(s.label, s.value) for s in STAGES],
                        value=contact.stage.value,
                        allow_blank=False,
                        id="f-stage",
                        compact=True,
                    ),
                )
                cadence = str(contact.cadence_weeks) if contact.cadence_weeks else ""
                yield from self._row(
                    "cadence",
                    Input(
                        cadence,
                        id="f-cadence",
                        compact=True,
                        placeholder=f"{self.campaign.settings.default_cadence_weeks} weeks (default)",
                    ),
                )
                yield from self._row(
                    "next_action",
                    Input(_line(contact.next_action), id="f-next_action", compact=True),
                )
                due = (
                    format_when(contact.next_action_due, self.now)
                    if contact.next_action_due
                    else ""
                )
                yield from self._row(
                    "next_due",
                    Input(
                        due, id="f-next_due", compact=True, placeholder="e.g. next tue, Dec 3 10am"
                    ),
                )
                for area in AREAS:
                    yield Label(LABELS[area], classes="area-label")
                    yield TextArea(
                        plain(getattr(contact, area)),
                        id=f"f-{area}",
                        soft_wrap=True,
                        classes="area",
                    )
            with VerticalScroll(id="timeline"):
                yield Label("Timeline", classes="section-title")
                yield Static(id="timeline-body")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("archive", "log_touch", "compose", "delete", "merge"):
            return self.contact_id is not None  # a new contact: once saved (ctrl+s)
        return True

    def _row(self, field: str, widget: Input | Select) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(LABELS[field], classes="form-label")
            with Vertical(classes="form-field"):
                yield widget
                yield Label("", id=f"e-{field}", classes="form-error")

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()
        self._original = self._values()
        self._show_timeline()
        self.set_class(self.app.size.width < 110, "-narrow")

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < 110, "-narrow")

    # The timeline follows the campaign; the fields are the user's until saved.
    WATCHED = ("contacts", "meetings", "reminders", "touches")

    def show_campaign(self) -> None:
        from ..actions.errors import NotFound

        try:
            self._show_timeline()
        except NotFound:  # deleted by another program: the timeline stays as it was
            return

    def _show_timeline(self) -> None:
        body = self.query_one("#timeline-body", Static)
        if self.contact_id is None:
            body.update(
                "[dim]Saved contacts show their stage changes, meetings, touches and reminders here.[/]"
            )
            return
        lines = []
        for entry in timeline(self.campaign, self.contact_id):
            when = format_when(entry.at, self.now)
            lines.append(f"[dim]{when}[/]  {escape(entry.text)}")
        body.update("\n".join(lines) or "[dim]Nothing yet.[/]")

    # -- values -----------------------------------------------------------------------------
    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for field in (*TEXT_FIELDS, "tags", "cadence", "next_action", "next_due"):
            values[field] = self.query_one(f"#f-{field}", Input).value
        for field in ("source", "referred_by", "focus", "stage"):
            values[field] = self.query_one(f"#f-{field}", Select).value
        for area in AREAS:
            values[area] = self.query_one(f"#f-{area}", TextArea).text
        return values

    @property
    def changed(self) -> bool:
        return self._values() != self._original

    @on(Input.Changed, "#f-name, #f-email, #f-url, #f-cadence")
    def _check_as_typed(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("f-")
        label = self.query_one(f"#e-{field}", Label)
        if event.value == self._original.get(field) and field not in self._typed:
            return  # as it was loaded: nothing typed yet
        self._typed.add(field)
        try:
            CHECKS[field](event.value)
        except InvalidField as problem:
            label.update(str(problem))
            label.set_class(True, "-error")
        else:
            label.update("")
            label.set_class(False, "-error")

    @on(Input.Changed, "#f-next_due")
    def _preview_due(self, event: Input.Changed) -> None:
        self._validate_due(event.value, quiet=True)

    def _validate_due(self, text: str, quiet: bool = False) -> datetime | None:
        error = self.query_one("#e-next_due", Label)
        if not text.strip():
            error.update("")
            error.set_class(False, "-hint")
            return None
        try:
            when = parse_when(text, self.now)
        except DateParseError as problem:
            error.update(str(problem))  # shown as they type, in red once they try to save
            error.set_class(not quiet or error.has_class("-error"), "-error")
            error.set_class(True, "-hint")
            if not quiet:
                raise
            return None
        error.update(f"→ {format_when(when, self.now)}")
        error.set_class(False, "-error")
        error.set_class(True, "-hint")
        return when

    def _build(self) -> Contact:
        """The edited contact, or InvalidField naming the first bad field (shown under it)."""
        values = self._values()
        for label in self.query(".form-error"):
            if label.id != "e-next_due":
                label.update("")  # type: ignore[attr-defined]
                label.remove_class("-error")  # no blank line left under a field now valid
        contact = copy.deepcopy(self._contact())
        try:
            contact.name = self._checked("name", check_name, values["name"])
            contact.email = self._checked("email", check_email, values["email"])
            contact.url = self._checked("url", check_url, values["url"])
            try:
                contact.cadence_weeks = check_weeks(str(values["cadence"]))
            except InvalidField as problem:
                self._error("cadence", str(problem))
                raise
            try:
                contact.next_action_due = self._validate_due(str(values["next_due"]))
            except DateParseError as problem:
                raise InvalidField(str(problem)) from None
        except InvalidField:
            raise
        for field in ("role", "company", "industry", "location", "phone", "next_action"):
            setattr(contact, field, str(values[field]).strip())
        contact.tags = _tags(str(values["tags"]))
        source = values["source"]
        contact.source = source if isinstance(source, str) else ""
        referrer = values["referred_by"]
        contact.referred_by = referrer if isinstance(referrer, str) else None
        focus = values["focus"]
        contact.focus = Focus(focus) if isinstance(focus, str) else None
        stage = values["stage"]
        if isinstance(stage, str):
            from ..domain.stages import Stage

            contact.stage = Stage(stage)
        for area in AREAS:
            setattr(contact, area, values[area])
        return contact

    def _checked(self, field: str, check, value: object) -> str:
        try:
            return str(check(str(value)))
        except InvalidField as problem:
            self._error(field, str(problem))
            raise

    def _error(self, field: str, message: str) -> None:
        label = self.query_one(f"#e-{field}", Label)
        label.update(message)
        label.set_class(True, "-error")
        self.query_one(f"#f-{field}").focus()

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            contact = self._build()
        except InvalidField as problem:
            self.notify(escape(str(problem)), title="Not saved", severity="error")
            return False
        campaign = self.campaign
        if self.contact_id is None:
            campaign.add_contact(contact)
            self.contact_id = contact.id
            self.refresh_bindings()
        else:
            campaign.save_contact(contact)
        self._original = self._values()
        self.query_one("#form-title", Static).update(f"[b]{escape(contact.name)}[/]")
        self._show_timeline()
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify("Saved", timeout=2)

    def action_back(self) -> None:
        if not self.changed:
            self.dismiss(self.contact_id)
            return
        if self.save():
            self.dismiss(self.contact_id)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.contact_id if self.contact_id else None)

        self.app.push_screen(
            ConfirmScreen(
                "Some fields are not valid. Discard your changes?",
                "Cancel to fix them.",
                yes="Discard",
            ),
            answered,
        )

    def action_archive(self) -> None:
        if self.contact_id is None or not self.save():
            return
        contact = self.campaign.contact(self.contact_id)
        if contact.archived:
            self.campaign.restore_contact(contact.id)
            self.notify(f"{escape(contact.name)} restored", timeout=3)
        else:
            self.campaign.archive_contact(contact.id)
            self.notify(f"Archived {escape(contact.name)}; ctrl+r restores", timeout=4)
        self._show_timeline()

    def action_compose(self) -> None:
        if self.contact_id is not None and self.save():
            self.infoint.open_composer(self.contact_id)

    def action_advice(self) -> None:
        if self.contact_id is not None and self.save():
            from .advice import AdviceScreen

            self.app.push_screen(AdviceScreen(self.contact_id))

    def action_delete(self) -> None:
        if self.contact_id is None:
            return
        contact_id = self.contact_id
        name = self.campaign.contact(contact_id).name

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.campaign.delete_contact(contact_id)
                self.notify(f"Deleted {escape(name)}", timeout=3)
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(f"Delete {name} for good?", "This cannot be undone.", yes="Delete"),
            confirmed,
        )

    def action_merge(self) -> None:
        """Pick another record of this person, see the merged result, merge (saved first)."""
        if self.contact_id is None or not self.save():
            return
        from .merge import MergeScreen

        self.app.push_screen(MergeScreen(self.contact_id), self._merged)

    async def _merged(self, kept_id: str | None) -> None:
        if kept_id is None:
            return
        self.contact_id = kept_id  # the other one, if the user chose to keep it instead
        await self.recompose()
        self._original = self._values()
        self._show_timeline()
        self.query_one("#f-name", Input).focus()

    def action_log_touch(self) -> None:
        """Log a touch for this contact (saved first, so the form and the file agree)."""
        if self.contact_id is None or not self.save():
            return
        contact_id = self.contact_id

        def logged(done: bool | None) -> None:
            if not done:
                return
            stage = self.campaign.contact(contact_id).stage  # a thank-you sent moves the card
            self.query_one("#f-stage", Select).value = stage.value
            self._original = self._values()
            self._show_timeline()

        self.infoint.log_touch(contact_id, logged)


def _tags(text: str) -> list[str]:
    tags: list[str] = []
    for part in text.split(","):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags
