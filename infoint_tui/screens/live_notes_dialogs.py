"""The small dialogs of live notes: a referral's name, ending the interview, the debrief."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from ..domain.validation import InvalidField, check_name
from ..widgets.text import escape, plain

# Docked at the foot of the screen over a light veil: the notes, the clock and the questions
# stay in view above the dialog while the user answers it.
DIALOG_CSS = """
{name} {{ align: center bottom; background: $background 25%; }}
{name} > Vertical {{
    width: 100%; max-width: 100; height: auto; max-height: 100%;
    border: tall $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; }}
{name} .hint {{ color: $text-muted; }}
{name} .problem {{ color: $error; height: auto; display: none; }}
{name} .problem.-shown {{ display: block; }}
{name} .field-row {{ height: 1; }}
{name} .field-row Label {{ width: 10; }}
{name} .field-row Input {{ width: 1fr; }}
{name} Horizontal {{ height: auto; }}
{name} Button {{ margin-right: 2; }}
"""


@dataclass(frozen=True)
class Referral:
    name: str
    company: str


class ReferralDialog(ModalScreen[Referral | None]):
    """Name (and company) of someone the contact suggested; enter adds them to Prospects."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ReferralDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, referrer: str, name: str = "", company: str = "", known: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self._referrer = referrer
        self._prefill_name = name
        self._prefill_company = company
        self._known = known  # casefolded names of existing contacts, to warn about a duplicate

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Referral from {escape(self._referrer)}", classes="title")
            with Horizontal(classes="field-row"):
                yield Label("Name")
                yield Input(
                    plain(self._prefill_name, multiline=False),
                    placeholder="Jane Doe",
                    id="referral-name",
                    compact=True,
                )
            with Horizontal(classes="field-row"):
                yield Label("Company")
                yield Input(
                    plain(self._prefill_company, multiline=False),
                    placeholder="Acme (optional)",
                    id="referral-company",
                    compact=True,
                )
            yield Static("", id="referral-problem", classes="problem")
            yield Static(
                f"enter adds them to Prospects, referred by {escape(self._referrer)} · escape cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#referral-name", Input).focus()
        self._warn_if_known(self._prefill_name)

    @on(Input.Changed, "#referral-name")
    def _name_changed(self, message: Input.Changed) -> None:
        self._warn_if_known(message.value)

    def _warn_if_known(self, name: str) -> None:
        wanted = " ".join(name.split()).casefold()
        known = bool(wanted) and wanted in self._known
        self._problem(
            f"Already in your contacts: {escape(' '.join(name.split()))}. Enter adds another card."
            if known
            else ""
        )

    def _problem(self, text: str) -> None:
        problem = self.query_one("#referral-problem", Static)
        problem.update(text)
        problem.set_class(bool(text), "-shown")

    @on(Input.Submitted)
    def _submit(self) -> None:
        try:
            name = check_name(self.query_one("#referral-name", Input).value)
        except InvalidField as problem:
            self._problem(escape(str(problem).capitalize()))
            self.query_one("#referral-name", Input).focus()
            return
        company = " ".join(self.query_one("#referral-company", Input).value.split())
        self.dismiss(Referral(name, company))

    def action_cancel(self) -> None:
        self.dismiss(None)


class EndInterviewDialog(ModalScreen[bool]):
    """Confirm before the card moves on: ending is a step the user means to take."""

    DEFAULT_CSS = DIALOG_CSS.format(name="EndInterviewDialog")
    BINDINGS = [
        Binding("y", "answer(True)", "End it"),
        Binding("n,escape", "answer(False)", "Keep going"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self._question = question
        self._detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._question, classes="title")
            yield Static(self._detail)
            with Horizontal():
                yield Button("End interview (y)", variant="primary", id="end-yes")
                yield Button("Keep going (n)", id="end-no")

    def on_mount(self) -> None:
        self.query_one("#end-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, message: Button.Pressed) -> None:
        self.dismiss(message.button.id == "end-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


@dataclass(frozen=True)
class Debrief:
    learned: str
    fit: str
    who_else: str


class DebriefDialog(ModalScreen[Debrief | None]):
    """Three questions to answer while the conversation is fresh; escape keeps what was typed.

    "Who else" starts from the people referred during the call, so they are not typed twice.
    """

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="DebriefDialog")
        + """
    DebriefDialog TextArea { height: 3; background: $boost; }
    """
    )
    BINDINGS = [
        Binding("ctrl+s", "keep", "Save", priority=True),
        Binding("escape", "keep", "Save and close"),
    ]

    def __init__(self, contact_name: str, current: Debrief, referred: list[str]) -> None:
        super().__init__()
        self._contact_name = contact_name
        self._current = current
        self._referred = referred  # "Jane Doe @ Acme", as captured during the call

    def compose(self) -> ComposeResult:
        who_else = self._current.who_else or "\n".join(self._referred)
        with Vertical():
            yield Label(
                f"Debrief: your conversation with {escape(self._contact_name)}", classes="title"
            )
            # under the title: at 80x24 the dialog is tall and its foot would be cut off first
            yield Static("tab next field · ctrl+s or escape saves and closes", classes="hint")
            yield Label("What did I learn?")
            yield TextArea(plain(self._current.learned), id="debrief-learned", compact=True)
            yield Label("How does it fit me?")
            yield TextArea(plain(self._current.fit), id="debrief-fit", compact=True)
            referred = (
                f" [dim](referred during the call: {len(self._referred)})[/]"
                if self._referred and not self._current.who_else
                else ""
            )
            yield Label(f"Who else should I talk to?{referred}")
            yield TextArea(plain(who_else), id="debrief-who-else", compact=True)

    def on_mount(self) -> None:
        self.query_one("#debrief-learned", TextArea).focus()

    def action_keep(self) -> None:
        self.dismiss(
            Debrief(
                learned=self.query_one("#debrief-learned", TextArea).text.strip(),
                fit=self.query_one("#debrief-fit", TextArea).text.strip(),
                who_else=self.query_one("#debrief-who-else", TextArea).text.strip(),
            )
        )
