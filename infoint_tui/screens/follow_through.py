"""The step that is due, from the board's `c` and the agenda's `w`: the composer of that step;
for the 3B7 second person, first a list of who else to reach at the company (or where to
look when there is no one); for "no answer", the offer to close the contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ..domain.nudges import SecondPerson, target_for, where_to_look
from ..domain.steps import Step, nothing_to_write, second_person_choices, step_due, why_not
from ..widgets.text import escape
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..app import InfointApp

KIND_OF_STEP = {
    Step.REQUEST: "outreach",
    Step.FOLLOW_UP: "follow-up",
    Step.CONFIRM: "confirm",
    Step.THANK_YOU: "thank-you",
    Step.CHECK_IN: "check-in",
}


def open_step(app: InfointApp, contact_id: str, step: Step | None = None) -> None:
    """Open what the step due for the contact (or `step`) calls for."""
    from .compose import ComposeScreen

    facts = app.campaign.situation(contact_id, app.clock.now())
    step = step or step_due(facts)
    if step is None:
        reason = nothing_to_write(facts)
        app.notify(
            reason[:1].upper() + reason[1:] + ". After the meeting, c writes the thank-you.",
            timeout=6,
        )
        return
    if step is Step.NO_ANSWER:
        _offer_close(app, contact_id)
        return
    if step is Step.SECOND_PERSON:
        app.push_screen(SecondPersonScreen(contact_id))
        return
    refused = why_not(step, facts)
    if refused is not None:
        app.notify(refused[:1].upper() + refused[1:] + ".", timeout=6)
        return
    app.push_screen(ComposeScreen(contact_id, KIND_OF_STEP[step]))


def _offer_close(app: InfointApp, contact_id: str) -> None:
    from ..widgets.confirm import ConfirmScreen

    contact = app.campaign.contact(contact_id)

    def answered(yes: bool | None) -> None:
        if yes:
            app.campaign.close_no_answer(contact_id, app.clock.now())
            app.notify(f"{contact.name} archived: no answer. A shows the archived.", timeout=4)

    app.push_screen(
        ConfirmScreen(
            f"Close {contact.name} as no answer?",
            "You followed up once and heard nothing: archive them with the reason “no "
            "answer” (x on the board brings an archived contact back).",
            yes="Close",
            no="Keep waiting",
        ),
        answered,
    )


class SecondPersonScreen(CampaignMixin, ModalScreen[None]):
    """Who else to reach at the contact's company: enter writes the request to them."""

    DEFAULT_CSS = """
    SecondPersonScreen { align: center middle; }
    SecondPersonScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    SecondPersonScreen #people { height: auto; max-height: 12; border: none; }
    SecondPersonScreen .dim { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "close", "Back")]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.people: list[SecondPerson] = []

    def compose(self) -> ComposeResult:
        facts = self.campaign.situation(self.contact_id, self.now)
        contact = facts.contact
        company = contact.company or "their company"
        self.people = second_person_choices(facts) if contact.company.strip() else []
        with Vertical():
            yield Label(
                f"[b]No reply from {escape(contact.name)} yet:[/] reach a second person at "
                f"{escape(company)}"
            )
            if self.people:
                yield Label("[dim]Enter writes the request to the one picked.[/]")
                yield OptionList(
                    *[
                        Option(
                            f"{escape(p.contact.name)}  [dim]{escape(p.why)}[/]", id=p.contact.id
                        )
                        for p in self.people
                    ],
                    id="people",
                )
            else:
                yield Label(
                    f"No one else at {escape(company)} in your campaign. Where to look:",
                    id="nobody",
                )
                for place in where_to_look(company, self.campaign.settings):
                    yield Static(f"• {escape(place)}", classes="where")
                yield Label("[dim]n on the board adds whoever you find; escape goes back.[/]")
            target = target_for(contact, facts.targets) if contact.company.strip() else None
            if target is not None and target.notes.strip():
                yield Static(
                    f"[dim]Your notes on {escape(target.company)}:[/] {escape(target.notes)}"
                )

    def on_mount(self) -> None:
        if self.people:
            self.query_one("#people", OptionList).focus()

    @on(OptionList.OptionSelected, "#people")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        from .compose import ComposeScreen

        person_id = event.option.id
        assert person_id is not None
        self.dismiss()
        self.app.push_screen(ComposeScreen(person_id, "outreach", second_of=self.contact_id))

    def action_close(self) -> None:
        self.dismiss()
