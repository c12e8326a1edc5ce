"""The board: six columns of contact cards, driven from the keyboard; the home screen."""

from __future__ import annotations

from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, Static

from ..domain.board import Card, build_cards, card_for, card_order, haystack, matches
from ..domain.stages import STAGES, Stage
from ..widgets.card_list import CardList
from ..widgets.confirm import ConfirmScreen
from .base import CampaignMixin

MIN_COLUMN = 18
EMPTY_TEXT = {
    Stage.PROSPECTS: "n adds one",
    Stage.REACHED_OUT: "no one to chase",
    Stage.SCHEDULED: "no meetings",
    Stage.INTERVIEWED: "no thank-yous owed",
    Stage.THANKED: "empty",
    Stage.IN_TOUCH: "empty",
}


class BoardScroll(HorizontalScroll, inherit_bindings=False):
    """The row of columns; left and right move between columns, so it has no scroll keys."""


class BoardScreen(CampaignMixin, Screen[None]):
    """Where every conversation stands, and what is due."""

    AREA = "Board"

    BINDINGS = [
        Binding("left,h", "column(-1)", "Column left", show=False),
        Binding("right,l", "column(1)", "Column right", show=False),
        Binding("enter", "open", "Open", tooltip="Open the contact"),
        Binding("n", "new", "New", tooltip="Add a contact"),
        Binding("right_square_bracket,shift+right", "move(1)", "Next stage", key_display="]"),
        Binding("left_square_bracket,shift+left", "move(-1)", "Back", key_display="[", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("x", "archive", "Archive", show=False),
        Binding("u", "undo", "Undo archive"),
        Binding("A", "toggle_archived", "Show archived", show=False),
        Binding("delete", "delete", "Delete", show=False),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        Binding("p", "prep", "Prep", tooltip="Prepare the next meeting with this contact"),
        Binding("b", "brief", "Brief", tooltip="The brief: a last look before the meeting"),
        Binding("c", "compose", "Write", tooltip="Write the request, thank-you or check-in"),
        Binding("t", "targets", "Targets", show=False, tooltip="The target employer list"),
    ]

    def __init__(self) -> None:
        super().__init__(id="board-screen")
        self.cards: dict[str, Card] = {}
        self.query_text = ""
        self.show_archived = False
        self.column_index = 0
        self.columns_shown = len(STAGES)
        self._haystacks: dict[str, str] = {}
        self._undo: str | None = None  # id of the contact archived last

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield Input(placeholder="Filter: name, company, role, tag or notes", id="filter")
        with BoardScroll(id="board"):
            for stage in STAGES:
                with Vertical(classes=f"column stage-{stage.value}", id=f"col-{stage.value}"):
                    yield Label(stage.label, classes="column-title", id=f"title-{stage.value}")
                    card_list = CardList(stage, id=f"cards-{stage.value}")
                    card_list.empty_text = EMPTY_TEXT[stage]
                    yield card_list
        yield Footer()

    def on_mount(self) -> None:
        self.rebuild()
        self.card_list(self.column_index).focus()

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """All six columns when they fit; otherwise three at a time, scrolled to the focused one."""
        room = self.size.width - 1
        width = room // len(STAGES) - 1
        self.columns_shown = len(STAGES)
        if width < MIN_COLUMN:
            width = max(MIN_COLUMN, room // 3 - 1)
            self.columns_shown = max(1, room // (width + 1))
        for column in self.query(".column"):
            column.styles.width = width
        self.update_summary()
        focused = self.focused
        if isinstance(focused, CardList) and focused.parent is not None:
            self.query_one("#board", BoardScroll).scroll_to_widget(
                cast(Widget, focused.parent), animate=False
            )

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.rebuild()

    # -- data to cards ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Recompute every card from the store (on mount, and when coming back to the board)."""
        repo = self.repo
        contacts = repo.contacts(archived=None if self.show_archived else False)
        self.cards = build_cards(contacts, repo.reminders(), repo.meeting_slots(), self.now)
        self._haystacks = {}
        self.refresh_columns()

    def refresh_card(self, contact_id: str) -> None:
        """Recompute one contact's card after it changed."""
        repo = self.repo
        contact = repo.contact(contact_id)
        self._haystacks.pop(contact_id, None)
        if contact.archived and not self.show_archived:
            self.cards.pop(contact_id, None)
            return
        slots = [s for s in repo.meeting_slots() if s.contact_id == contact_id]
        self.cards[contact_id] = card_for(
            contact, repo.reminders(contact_id=contact_id), slots, self.now
        )  # type: ignore[attr-defined]

    def refresh_columns(
        self, stages: tuple[Stage, ...] = STAGES, keep: dict[Stage, str] | None = None
    ) -> None:
        by_stage: dict[Stage, list[Card]] = {stage: [] for stage in stages}
        repo = self.repo
        for card in self.cards.values():
            stage = repo.contact(card.contact_id).stage
            if stage in by_stage and self._passes_filter(card.contact_id):
                by_stage[stage].append(card)
        for stage, cards in by_stage.items():
            cards.sort(key=card_order)
            self.card_list(stage.order).set_cards(cards, keep=(keep or {}).get(stage))
            count = f"{len(cards)}"
            self.query_one(f"#title-{stage.value}", Label).update(f"{stage.label}  [dim]{count}[/]")
        self.update_summary()

    def _passes_filter(self, contact_id: str) -> bool:
        if not self.query_text:
            return True
        hay = self._haystacks.get(contact_id)
        if hay is None:
            hay = self._haystacks[contact_id] = haystack(self.repo.contact(contact_id))
        return matches(hay, self.query_text)

    def update_summary(self) -> None:
        overdue = sum(1 for c in self.cards.values() if c.due and c.due.level == "overdue")
        today = sum(1 for c in self.cards.values() if c.due and c.due.level == "today")
        parts = [f"[b]{len(self.cards)}[/] contacts"]
        if self.columns_shown < len(STAGES):
            parts[0] += f" [dim]({self.columns_shown} of 6 columns: ← →)[/]"
        parts.append(f"[$error b]{overdue} overdue[/]" if overdue else "nothing overdue")
        parts.append(f"[$warning b]{today} due today[/]" if today else "nothing due today")
        upcoming = [c for c in self.cards.values() if c.due and c.due.level in ("today", "soon")]
        if upcoming:
            first = min(upcoming, key=lambda c: c.due.at if c.due else 0)
            if first.due:
                parts.append(f"next: {first.name}, {first.due.text}")
        if self.query_text:
            parts.append(f"filter: “{self.query_text}”")
        if self.show_archived:
            parts.append("showing archived")
        self.query_one("#summary", Static).update(" · ".join(parts))

    # -- focus ------------------------------------------------------------------------------
    def card_list(self, index: int) -> CardList:
        return self.query_one(f"#cards-{STAGES[index].value}", CardList)

    @property
    def focused_contact_id(self) -> str | None:
        return self.card_list(self.column_index).current_id

    @on(CardList.Highlighted)
    def _track_column(self, event: CardList.Highlighted) -> None:
        if event.card_list.has_focus:
            self.column_index = event.card_list.stage.order
        self.refresh_bindings()

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, CardList):
            self.column_index = focused.stage.order
            self.query_one("#board", BoardScroll).scroll_to_widget(
                cast(Widget, focused.parent), animate=False
            )
            self.refresh_bindings()

    def action_column(self, delta: int) -> None:
        index = max(0, min(len(STAGES) - 1, self.column_index + delta))
        self.focus_column(index)

    def focus_column(self, index: int, contact_id: str | None = None) -> None:
        self.column_index = index
        card_list = self.card_list(index)
        if contact_id is not None:
            found = card_list.index_of(contact_id)
            if found is not None:
                card_list.cursor = found
        card_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_card = self.focused_contact_id is not None
        if action in ("open", "archive", "delete", "prep", "brief", "compose"):
            return has_card
        if action == "move":
            if not has_card:
                return False
            stage = STAGES[self.column_index]
            return (
                stage.next() if parameters and parameters[0] == 1 else stage.previous()
            ) is not None
        if action == "clear_filter":
            return bool(self.query_text) or self.query_one("#filter", Input).has_class("-shown")
        if action == "undo":
            return self._undo is not None
        return True

    # -- moving cards -----------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        contact = self.repo.contact(contact_id)
        target = contact.stage.next() if delta > 0 else contact.stage.previous()
        if target is None:
            return
        source = contact.stage
        self.repo.move_contact(contact_id, target)
        self.refresh_card(contact_id)
        self.refresh_columns((source, target), keep={target: contact_id})
        self.focus_column(target.order, contact_id)
        self.notify(f"{contact.name} → {target.label}", timeout=2)

    # -- filter -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.add_class("-shown")
        field.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.refresh_columns()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        for index in range(len(STAGES)):
            if self.card_list(index).cards:
                self.card_list(index).cursor = 0
                self.focus_column(index)
                return
        self.card_list(self.column_index).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        field.remove_class("-shown")
        self.query_text = ""
        self.refresh_columns()
        self.card_list(self.column_index).focus()

    def show_contact(self, contact_id: str) -> None:
        """Focus this contact's card, clearing a filter or showing archived cards if needed."""
        contact = self.repo.contact(contact_id)
        if self.query_text:
            self.action_clear_filter()
        if contact.archived and not self.show_archived:
            self.show_archived = True
            self.rebuild()
        self.focus_column(contact.stage.order, contact_id)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.rebuild()
        self.notify(
            "Showing archived contacts" if self.show_archived else "Archived contacts hidden",
            timeout=2,
        )

    # -- opening and editing ----------------------------------------------------------------
    def action_open(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is not None:
            self.open_contact(contact_id)

    @on(CardList.Opened)
    def _opened(self, event: CardList.Opened) -> None:
        self.open_contact(event.contact_id)

    def open_contact(self, contact_id: str | None) -> None:
        from .contact import ContactScreen

        def done(saved_id: str | None) -> None:
            if saved_id is None:
                return
            self.rebuild()
            if saved_id in self.cards:
                self.focus_column(self.repo.contact(saved_id).stage.order, saved_id)

        self.app.push_screen(ContactScreen(contact_id), done)

    def action_new(self) -> None:
        self.open_contact(None)

    def action_archive(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        contact = self.repo.archive_contact(contact_id)
        self._undo = contact_id
        self.refresh_card(contact_id)
        self.refresh_columns((contact.stage,))
        self.card_list(self.column_index).focus()
        self.notify(f"Archived {contact.name}. Press u to undo.", timeout=6)
        self.refresh_bindings()

    def action_undo(self) -> None:
        if self._undo is None:
            return
        contact = self.repo.restore_contact(self._undo)
        self._undo = None
        self.refresh_card(contact.id)
        self.refresh_columns((contact.stage,), keep={contact.stage: contact.id})
        self.focus_column(contact.stage.order, contact.id)
        self.notify(f"{contact.name} is back on the board", timeout=3)
        self.refresh_bindings()

    def action_delete(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        contact = self.repo.contact(contact_id)
        meetings = len(self.repo.meetings(contact_id))

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            self.repo.delete_contact(contact_id)
            self.cards.pop(contact_id, None)
            self.refresh_columns((contact.stage,))
            self.notify(f"Deleted {contact.name}", timeout=3)

        detail = (
            f" and {meetings} meeting{'s' if meetings != 1 else ''} with their notes"
            if meetings
            else ""
        )
        self.app.push_screen(
            ConfirmScreen(
                f"Delete {contact.name}{detail} for good?",
                "This cannot be undone. Archive (x) keeps them out of sight instead.",
                yes="Delete",
            ),
            confirmed,
        )

    # -- prep, brief, composer --------------------------------------------------------------
    def action_prep(self) -> None:
        if (contact_id := self.focused_contact_id) is not None:
            self.infoint.open_prep(contact_id)

    def action_brief(self) -> None:
        if (contact_id := self.focused_contact_id) is not None:
            self.infoint.open_brief(contact_id)

    def action_compose(self) -> None:
        if (contact_id := self.focused_contact_id) is not None:
            self.infoint.open_composer(contact_id)

    def action_targets(self) -> None:
        self.infoint.open_targets()
