"""The question picker: the bank by TIARA, the questions chosen for a meeting, and the warnings.

The picker changes `meeting.questions` in place and posts `QuestionPicker.Changed`; the
screen saves. A question typed by the user is handed to the screen (`OwnQuestion`), which
checks it and saves it to the bank, then calls `add_own`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ..domain.models import BankQuestion, Focus, Meeting, Tiara
from ..domain.question_bank import (
    bank_index,
    by_tiara,
    filter_bank,
    to_avoid,
    to_meeting_question,
    uncategorised,
)
from ..domain.question_checks import (
    TIARA_HINTS,
    SelectionWarning,
    Severity,
    WarningKind,
    asked_before,
    category_of,
    check_selection,
    normalize_question,
)
from .key_list import KeyList
from .text import escape

ICONS = {
    Severity.AVOID: "[$error b]✗[/]",
    Severity.WARNING: "[$warning b]![/]",
    Severity.ADVICE: "[$accent]•[/]",
    Severity.NOTE: "[dim]⟲[/]",
}
ALL_FOCUSES = "all"


class QuestionBank(KeyList):
    """The bank, grouped by TIARA; enter or space picks a question (or unpicks it)."""

    BINDINGS = [
        Binding("space", "pick", "Pick / unpick", tooltip="Pick the question for this meeting"),
        Binding("slash", "filter", "Filter", key_display="/", tooltip="Filter the bank"),
        Binding("d,delete", "forget", "Delete my question", show=False),
    ]

    class Pick(Message):
        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class Forget(Message):
        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class FilterWanted(Message):
        pass

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("bank-"):
            return None
        return option.id.removeprefix("bank-")

    def action_pick(self) -> None:
        if (question_id := self.current_id) is not None:
            self.post_message(self.Pick(question_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick()

    def action_filter(self) -> None:
        self.post_message(self.FilterWanted())

    def action_forget(self) -> None:
        if (question_id := self.current_id) is not None:
            self.post_message(self.Forget(question_id))


class ChosenQuestions(KeyList):
    """The meeting's questions in the order I mean to ask them."""

    BINDINGS = [
        Binding("d,delete", "remove", "Remove", tooltip="Take the question off this meeting"),
        Binding("shift+up,K", "move(-1)", "Move up", key_display="K"),
        Binding("shift+down,J", "move(1)", "Move down", key_display="J"),
    ]

    class Remove(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Move(Message):
        def __init__(self, index: int, delta: int) -> None:
            super().__init__()
            self.index, self.delta = index, delta

    @property
    def current_index(self) -> int | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("chosen-"):
            return None
        return int(option.id.removeprefix("chosen-"))

    def action_remove(self) -> None:
        if (index := self.current_index) is not None:
            self.post_message(self.Remove(index))

    def action_move(self, delta: int) -> None:
        if (index := self.current_index) is not None:
            self.post_message(self.Move(index, delta))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()


class QuestionPicker(Vertical):
    """Bank on one side, chosen questions and their warnings on the other."""

    DEFAULT_CSS = """
    QuestionPicker { height: auto; }
    QuestionPicker .picker-row { height: auto; margin-bottom: 1; }
    QuestionPicker #q-filter { width: 1fr; }
    QuestionPicker #q-focus { width: 24; }
    QuestionPicker #q-own { width: 1fr; margin-right: 1; }
    QuestionPicker #q-own-tiara { width: 22; }
    QuestionPicker #q-panes { height: auto; }
    QuestionPicker .q-side { height: auto; }
    QuestionPicker .q-title { color: $accent; text-style: bold; }
    QuestionPicker QuestionBank { height: 9; }
    QuestionPicker ChosenQuestions { height: 7; }
    QuestionPicker #q-why { height: auto; color: $text-muted; padding: 0 1; }
    QuestionPicker #q-warnings { height: auto; padding: 0 1; }
    QuestionPicker.-wide #q-panes { layout: horizontal; }
    QuestionPicker.-wide .q-side { width: 1fr; }
    QuestionPicker.-wide #q-bank-side { margin-right: 1; }
    QuestionPicker.-wide QuestionBank { height: 18; }
    QuestionPicker.-wide ChosenQuestions { height: auto; max-height: 14; }
    """

    class Changed(Message):
        """The meeting's questions changed."""

    class OwnQuestion(Message):
        """The user typed a question of their own (enter in the box)."""

        def __init__(self, text: str, tiara: Tiara | None) -> None:
            super().__init__()
            self.text, self.tiara = text, tiara

    class ForgetQuestion(Message):
        def __init__(self, question: BankQuestion) -> None:
            super().__init__()
            self.question = question

    def __init__(
        self,
        meeting: Meeting,
        bank: Sequence[BankQuestion],
        *,
        earlier: Sequence[Meeting] = (),
        company: str = "",
        focus: Focus | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.meeting = meeting
        self.bank = list(bank)
        self.earlier = list(earlier)
        self.company = company
        self.initial_focus = focus
        self.warnings: list[SelectionWarning] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="picker-row"):
            yield Input(placeholder="Filter the bank: type words", id="q-filter", compact=True)
            focuses = [("Any focus", ALL_FOCUSES)] + [(f.label, f.value) for f in Focus]
            initial = self.initial_focus.value if self.initial_focus else ALL_FOCUSES
            yield Select(focuses, value=initial, allow_blank=False, id="q-focus", compact=True)
        with Vertical(id="q-panes"):
            with Vertical(id="q-bank-side", classes="q-side"):
                yield Label("Question bank  [dim](enter picks · / filters)[/]", classes="q-title")
                yield QuestionBank(id="q-bank")
                yield Static(id="q-why")
            with Vertical(id="q-chosen-side", classes="q-side"):
                yield Label("", id="q-chosen-title", classes="q-title")
                yield ChosenQuestions(id="q-chosen")
                yield Static(id="q-warnings")
        with Horizontal(classes="picker-row"):
            yield Input(
                placeholder="Your own question (enter adds it here and to the bank)",
                id="q-own",
                compact=True,
            )
            yield Select(
                [(t.label, t.value) for t in Tiara],
                prompt="No category",
                id="q-own-tiara",
                compact=True,
            )

    def on_mount(self) -> None:
        self.refresh_all()

    # -- drawing ----------------------------------------------------------------------------
    @property
    def focus_filter(self) -> Focus | None:
        value = self.query_one("#q-focus", Select).value
        return Focus(value) if isinstance(value, str) and value != ALL_FOCUSES else None

    def chosen_keys(self) -> tuple[set[str], set[str]]:
        ids = {q.bank_id for q in self.meeting.questions if q.bank_id}
        texts = {normalize_question(q.text) for q in self.meeting.questions}
        return ids, texts

    def refresh_all(self) -> None:
        self.refresh_bank()
        self.refresh_chosen()

    def refresh_bank(self) -> None:
        bank_list = self.query_one(QuestionBank)
        current = bank_list.current_id
        text = self.query_one("#q-filter", Input).value
        found = filter_bank(self.bank, focus=self.focus_filter, text=text, include_avoid=True)
        ids, texts = self.chosen_keys()
        options: list[Option] = []
        asked = self.asked_earlier(found)

        def line(question: BankQuestion) -> Option:
            chosen = question.id in ids or normalize_question(question.text) in texts
            mark = "[$success]✓[/]" if chosen else " "
            body = escape(question.text)
            if question.to_avoid:
                body = f"[$text-muted strike]{body}[/]"
            mine = " [dim](mine)[/]" if question.custom else ""
            when = asked.get(question.id)
            before = f" [dim]⟲ asked {when}[/]" if when else ""
            return Option(f"{mark} {body}{mine}{before}", id=f"bank-{question.id}")

        for tiara, questions in by_tiara(found).items():
            if questions:
                options.append(
                    Option(
                        f"[b $accent]{tiara.label}[/] [dim]— {TIARA_HINTS[tiara]}[/]",
                        disabled=True,
                    )
                )
                options.extend(line(q) for q in questions)
        if mine := uncategorised(found):
            options.append(Option("[b $accent]Your own, no category[/]", disabled=True))
            options.extend(line(q) for q in mine)
        if avoid := to_avoid(found):
            options.append(
                Option(
                    "[b $error]To avoid[/] [dim]— research answers these, or they ask for a job[/]",
                    disabled=True,
                )
            )
            options.extend(line(q) for q in avoid)
        if not options:
            where = f" for {self.focus_filter.label.lower()}" if self.focus_filter else ""
            options.append(Option(f"[dim]No question matches the filter{where}.[/]", disabled=True))
        bank_list.set_options(options)
        position = next(
            (i for i, o in enumerate(options) if current and o.id == f"bank-{current}"),
            next((i for i, o in enumerate(options) if not o.disabled), None),
        )
        bank_list.highlighted = position
        self.show_why()

    def asked_earlier(self, questions: list[BankQuestion]) -> dict[str, str]:
        """Bank questions already asked of this person in an earlier meeting: id -> when."""
        if not self.earlier:
            return {}
        marks = asked_before([to_meeting_question(q) for q in questions], self.earlier)
        return {
            q.id: (f"{mark.when:%d %b}" if mark.when else "before")
            for q, mark in zip(questions, marks, strict=True)
            if mark is not None
        }

    def show_why(self) -> None:
        bank_list = self.query_one(QuestionBank)
        question = bank_index(self.bank).get(bank_list.current_id or "")
        why = self.query_one("#q-why", Static)
        if question is None:
            why.update("")
            return
        tags = [t for t in (question.tiara.label if question.tiara else "",
                            question.focus.label if question.focus else "") if t]  # fmt: skip
        tag = f" [dim]({', '.join(tags)})[/]" if tags else ""
        flag = "[$error]Avoid:[/] " if question.to_avoid else "Why: "
        why.update(f"{flag}{escape(question.why or 'your own question')}{tag}")

    def refresh_chosen(self, keep: int | None = None) -> None:
        chosen = self.query_one(ChosenQuestions)
        current = chosen.current_index if keep is None else keep
        questions = self.meeting.questions
        index = bank_index(self.bank)
        self.warnings = check_selection(
            questions,
            self.bank,
            self.earlier,
            company=self.company,
            duration_min=self.meeting.duration_min,
        )
        by_question: dict[int, list[SelectionWarning]] = {}
        for warning in self.warnings:
            if warning.index is not None:
                by_question.setdefault(warning.index, []).append(warning)
        past = asked_before(questions, self.earlier)
        options: list[Option] = []
        for number, question in enumerate(questions):
            tiara = category_of(question, index)
            letter = f"[b $accent]{tiara.letter:<2}[/]" if tiara else "  "
            marks = "".join(
                ICONS[w.severity]
                for w in by_question.get(number, [])
                if w.kind is not WarningKind.ASKED_BEFORE
            )
            asked = ""
            if past[number] is not None:
                when = past[number].when  # type: ignore[union-attr]
                asked = f" [dim]⟲ asked {when:%d %b}[/]" if when else " [dim]⟲ asked before[/]"
            options.append(
                Option(
                    f"{number + 1:>2}. {letter} {escape(question.text)}{asked} {marks}".rstrip(),
                    id=f"chosen-{number}",
                )
            )
        if not options:
            options.append(Option("[dim]Nothing picked yet: pick from the bank.[/]", disabled=True))
        chosen.set_options(options)
        if questions:
            chosen.highlighted = max(0, min(len(questions) - 1, current or 0))
        minutes = self.meeting.duration_min
        self.query_one("#q-chosen-title", Label).update(
            f"For this meeting: {len(questions)} [dim]({minutes} min · d removes · K/J reorder)[/]"
        )
        self.query_one("#q-warnings", Static).update(self.warning_text())

    def warning_text(self) -> str:
        if not self.warnings:
            if self.meeting.questions:
                return "[$success]✓ Every TIARA category is covered, and nothing to avoid.[/]"
            return ""
        lines = []
        for warning in self.warnings:
            where = f"Q{warning.index + 1}: " if warning.index is not None else ""
            lines.append(f"{ICONS[warning.severity]} {where}{escape(warning.message)}")
        return "\n".join(lines)

    # -- changes ----------------------------------------------------------------------------
    def _changed(self, keep: int | None = None) -> None:
        self.refresh_bank()
        self.refresh_chosen(keep)
        self.post_message(self.Changed())

    def toggle_question(self, question_id: str) -> bool:
        """Pick a bank question for the meeting, or unpick it; True if it is now picked."""
        question = bank_index(self.bank).get(question_id)
        if question is None:
            return False
        key = normalize_question(question.text)
        questions = self.meeting.questions
        for position, existing in enumerate(questions):
            if existing.bank_id == question_id or normalize_question(existing.text) == key:
                del questions[position]
                self._changed()
                return False
        questions.append(to_meeting_question(question))
        self._changed(keep=len(questions) - 1)
        return True

    def add_own(self, question: BankQuestion) -> None:
        """A question the screen saved to the bank: show it there and put it on the meeting."""
        self.bank = [q for q in self.bank if q.id != question.id] + [question]
        key = normalize_question(question.text)
        if not any(normalize_question(q.text) == key for q in self.meeting.questions):
            self.meeting.questions.append(to_meeting_question(question))
        self._changed(keep=len(self.meeting.questions) - 1)

    def forget_question(self, question_id: str) -> None:
        self.bank = [q for q in self.bank if q.id != question_id]
        self._changed()

    def remove_question(self, index: int) -> None:
        if 0 <= index < len(self.meeting.questions):
            del self.meeting.questions[index]
            self._changed(keep=max(0, index - 1) if index else 0)

    def move_question(self, index: int, delta: int) -> None:
        questions = self.meeting.questions
        target = index + delta
        if 0 <= index < len(questions) and 0 <= target < len(questions):
            questions[index], questions[target] = questions[target], questions[index]
            self._changed(keep=target)

    # -- events -----------------------------------------------------------------------------
    @on(Input.Changed, "#q-filter")
    @on(Select.Changed, "#q-focus")
    def _filter(self) -> None:
        self.refresh_bank()

    @on(Input.Submitted, "#q-filter")
    def _filter_done(self) -> None:
        self.query_one(QuestionBank).focus()

    @on(OptionList.OptionHighlighted, "#q-bank")
    def _highlighted(self) -> None:
        self.show_why()

    @on(QuestionBank.Pick)
    def _pick(self, event: QuestionBank.Pick) -> None:
        self.toggle_question(event.question_id)

    @on(QuestionBank.FilterWanted)
    def _focus_filter(self) -> None:
        self.query_one("#q-filter", Input).focus()

    @on(QuestionBank.Forget)
    def _forget(self, event: QuestionBank.Forget) -> None:
        question = bank_index(self.bank).get(event.question_id)
        if question is not None and question.custom:
            self.post_message(self.ForgetQuestion(question))
        elif question is not None:
            self.app.notify("Only your own questions can be deleted from the bank.", timeout=3)

    @on(ChosenQuestions.Remove)
    def _remove(self, event: ChosenQuestions.Remove) -> None:
        self.remove_question(event.index)

    @on(ChosenQuestions.Move)
    def _move(self, event: ChosenQuestions.Move) -> None:
        self.move_question(event.index, event.delta)

    @on(Input.Submitted, "#q-own")
    def _own(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if not text:
            return
        value = self.query_one("#q-own-tiara", Select).value
        tiara = Tiara(value) if isinstance(value, str) else None
        self.post_message(self.OwnQuestion(text, tiara))

    def clear_own(self) -> None:
        self.query_one("#q-own", Input).value = ""
