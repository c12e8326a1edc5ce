"""Add or edit one target employer, in a dialog; and the people who work there."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, OptionList, RadioButton, RadioSet, TextArea
from textual.widgets.option_list import Option

from ..domain.models import Contact, TargetEmployer
from ..domain.targets import MOTIVATION_LABELS, check_new_target
from ..widgets.choice import Choice
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_list import KeyList
from ..widgets.text import escape, plain
from .base import CampaignMixin


class TargetForm(CampaignMixin, ModalScreen[TargetEmployer | None]):
    """Dismisses with the saved target, or None when nothing was saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back (saves)", priority=True),
    ]
    CSS_PATH = "target_form.tcss"

    def __init__(self, target: TargetEmployer | None, suggestions: list[str] = ()) -> None:  # type: ignore[assignment]
        super().__init__()
        self.target = target
        self.suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        target = self.target or TargetEmployer(company="")
        with VerticalScroll(id="target-dialog"):
            title = f"Edit {escape(target.company)}" if self.target else "New target employer"
            yield Label(title, classes="form-title")
            with Horizontal(classes="t-row"):
                yield Label("Company", classes="t-label")
                with Vertical(classes="t-field"):
                    yield Input(
                        plain(target.company, multiline=False),
                        id="t-company",
                        compact=True,
                        placeholder="e.g. Northwind Health",
                        suggester=SuggestFromList(self.suggestions, case_sensitive=False),
                    )
                    yield Label("", id="t-error")
            with Horizontal(classes="t-row"):
                yield Label("Motivation", classes="t-label")
                with Choice(id="t-motivation", compact=True):
                    for value, label in MOTIVATION_LABELS.items():
                        yield RadioButton(
                            f"{value} {label}", value=value == target.motivation, id=f"mot-{value}"
                        )
            with Horizontal(classes="t-row"):
                yield Label("", classes="t-label")
                with Vertical(classes="t-field"):
                    yield Checkbox(
                        "They post openings", target.posts_openings, id="t-openings", compact=True
                    )
                    yield Checkbox(
                        "I have a connection there",
                        target.has_connection,
                        id="t-connection",
                        compact=True,
                    )
                    yield Checkbox(
                        "Working on it now (one of the few)",
                        target.active,
                        id="t-active",
                        compact=True,
                    )
            with Horizontal(classes="t-row"):
                yield Label("Industry", classes="t-label")
                yield Input(
                    plain(target.industry, multiline=False),
                    id="t-industry",
                    compact=True,
                    classes="t-field",
                )
            with Horizontal(classes="t-row"):
                yield Label("Notes", classes="t-label")
                yield TextArea(plain(target.notes), id="t-notes", soft_wrap=True, classes="t-field")
            yield Label("[dim]ctrl+s or escape saves it; tab moves between fields[/]")

    def on_mount(self) -> None:
        self.query_one("#t-company", Input).focus()
        self._original = self._values()

    def _values(self) -> tuple[object, ...]:
        pressed = self.query_one("#t-motivation", RadioSet).pressed_button
        return (
            self.query_one("#t-company", Input).value,
            pressed.id if pressed else None,
            self.query_one("#t-openings", Checkbox).value,
            self.query_one("#t-connection", Checkbox).value,
            self.query_one("#t-active", Checkbox).value,
            self.query_one("#t-industry", Input).value,
            self.query_one("#t-notes", TextArea).text,
        )

    @on(Input.Submitted, "#t-company")
    def _company_done(self) -> None:
        self.query_one("#t-motivation", RadioSet).focus()

    def save(self) -> TargetEmployer | None:
        company_field = self.query_one("#t-company", Input)
        error = self.query_one("#t-error", Label)
        editing = self.target.id if self.target else None
        try:
            company = check_new_target(
                self.campaign.targets(), company_field.value, editing=editing
            )
        except ValueError as problem:
            error.update(str(problem).capitalize())
            company_field.focus()
            return None
        pressed = self.query_one("#t-motivation", RadioSet).pressed_button
        motivation = int((pressed.id or "mot-2").removeprefix("mot-")) if pressed else 2
        base = self.target or TargetEmployer(company=company)
        target = dataclasses.replace(
            base,
            company=company,
            motivation=motivation,
            posts_openings=self.query_one("#t-openings", Checkbox).value,
            has_connection=self.query_one("#t-connection", Checkbox).value,
            active=self.query_one("#t-active", Checkbox).value,
            industry=self.query_one("#t-industry", Input).value.strip(),
            notes=self.query_one("#t-notes", TextArea).text.strip(),
        )
        self.campaign.save_target(target)
        return target

    def action_save(self) -> None:
        target = self.save()
        if target is not None:
            self.dismiss(target)

    def action_back(self) -> None:
        if self._values() == self._original:
            self.dismiss(None)
            return
        target = self.save()
        if target is not None:
            self.dismiss(target)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "This target cannot be saved. Discard it?", "Cancel to fix it.", yes="Discard"
            ),
            answered,
        )


class TargetPeople(CampaignMixin, ModalScreen[None]):
    """The contacts at one target: enter opens one, g shows its card on the board."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back"),
        Binding("g", "go", "Show on the board"),
    ]
    CSS_PATH = "target_form.tcss"

    def __init__(self, company: str, people: list[Contact]) -> None:
        super().__init__()
        self.company = company
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(id="people-dialog"):
            yield Label(
                f"[b]People at {escape(self.company)}[/]  [dim]enter opens · g shows on the board · escape[/]"
            )
            options = [
                Option(f"{escape(c.name)}  [dim]{escape(c.role)} · {c.stage.label}[/]", id=c.id)
                for c in self.people
            ] or [
                Option(
                    "[dim]No one yet: add a contact with this company (n on the board).[/]",
                    disabled=True,
                )
            ]
            yield KeyList(*options, id="people")

    def on_mount(self) -> None:
        self.query_one("#people", OptionList).focus()

    @on(OptionList.OptionSelected, "#people")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from .contact import ContactScreen

        if event.option.id:
            self.app.push_screen(ContactScreen(event.option.id))

    def action_go(self) -> None:
        option = self.query_one("#people", OptionList).highlighted_option
        if option is not None and option.id:
            self.infoint.go_to_contact(option.id)
