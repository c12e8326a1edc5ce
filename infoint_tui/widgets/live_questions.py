"""The meeting's questions beside the live notes: mark one asked, jot a one-line answer."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..domain.models import MeetingQuestion
from .text import plain

NO_QUESTIONS = "No questions picked for this meeting (choose them in prep)."


def question_prompt(question: MeetingQuestion) -> Table:
    """A check mark, the TIARA letter, and the question wrapped in its own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(width=2, style="cyan")
    grid.add_column(ratio=1)
    mark = Text("☑", style="bold green") if question.asked else Text("☐")
    letter = question.tiara.letter if question.tiara else ""
    text = plain(question.text, multiline=False)
    grid.add_row(mark, letter, Text(text, style="dim" if question.asked else ""))
    if question.answer:
        grid.add_row("", "→", Text(plain(question.answer, multiline=False), style="italic"))
    return grid


class QuestionList(OptionList):
    BINDINGS = [
        Binding("space", "toggle_asked", "Asked", tooltip="Mark the question asked (or not)"),
        Binding("a", "answer", "Answer", tooltip="Jot a one-line answer"),
        Binding("escape", "leave", "Notes", tooltip="Back to the note editor"),
    ]

    class Toggle(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Answer(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Leave(Message):
        pass

    def action_toggle_asked(self) -> None:
        if self.highlighted is not None and not self.get_option_at_index(self.highlighted).disabled:
            self.post_message(self.Toggle(self.highlighted))

    def action_answer(self) -> None:
        if self.highlighted is not None and not self.get_option_at_index(self.highlighted).disabled:
            self.post_message(self.Answer(self.highlighted))

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class AnswerInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without changing the answer")]

    class Cancelled(Message):
        pass

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


class LiveQuestions(Vertical):
    """Edits the MeetingQuestion objects it is given and posts Changed after each change."""

    DEFAULT_CSS = """
    LiveQuestions { height: auto; max-height: 60%; }
    LiveQuestions > QuestionList { height: auto; max-height: 100%; border: none; padding: 0; }
    LiveQuestions > QuestionList:focus { background-tint: $foreground 5%; }
    LiveQuestions > AnswerInput { display: none; dock: bottom; }
    LiveQuestions > AnswerInput.-open { display: block; }
    """

    class Changed(Message):
        """A question was marked asked or answered; the meeting should be saved."""

        def __init__(self, question: MeetingQuestion) -> None:
            super().__init__()
            self.question = question

    class Leave(Message):
        """The user is done here and wants to go back to the notes."""

    def __init__(self, questions: list[MeetingQuestion], **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.questions = questions
        self._answering: int | None = None

    def compose(self) -> ComposeResult:
        options = [Option(question_prompt(q)) for q in self.questions] or [
            Option(NO_QUESTIONS, disabled=True)
        ]
        yield QuestionList(*options, id="question-list")
        yield AnswerInput(placeholder="Answer, enter keeps it", id="answer")

    @property
    def option_list(self) -> QuestionList:
        return self.query_one(QuestionList)

    @on(QuestionList.Toggle)
    def _toggle(self, message: QuestionList.Toggle) -> None:
        message.stop()
        question = self.questions[message.index]
        question.asked = not question.asked
        self._changed(message.index)

    @on(QuestionList.OptionSelected)
    def _selected(self, message: QuestionList.OptionSelected) -> None:
        message.stop()
        if message.option_index < len(self.questions):
            self.post_message(QuestionList.Toggle(message.option_index))

    @on(QuestionList.Answer)
    def _open_answer(self, message: QuestionList.Answer) -> None:
        message.stop()
        self._answering = message.index
        field = self.query_one(AnswerInput)
        field.value = plain(self.questions[message.index].answer, multiline=False)
        field.add_class("-open")
        field.focus()
        field.cursor_position = len(field.value)

    @on(AnswerInput.Submitted)
    def _keep_answer(self, message: AnswerInput.Submitted) -> None:
        message.stop()
        index = self._answering
        self._close_answer()
        if index is None:
            return
        question = self.questions[index]
        question.answer = " ".join(message.value.split())
        if question.answer:
            question.asked = True
        self._changed(index)

    @on(AnswerInput.Cancelled)
    def _cancel_answer(self, message: AnswerInput.Cancelled) -> None:
        message.stop()
        self._close_answer()

    @on(QuestionList.Leave)
    def _leave(self, message: QuestionList.Leave) -> None:
        message.stop()
        self.post_message(self.Leave())

    def _close_answer(self) -> None:
        self._answering = None
        self.query_one(AnswerInput).remove_class("-open")
        self.option_list.focus()

    def _changed(self, index: int) -> None:
        self.option_list.replace_option_prompt_at_index(
            index, question_prompt(self.questions[index])
        )
        self.post_message(self.Changed(self.questions[index]))
