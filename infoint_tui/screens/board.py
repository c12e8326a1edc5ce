"""The board: six columns of contact cards, driven from the keyboard; the home screen."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from ..domain.cards import Card, ContactRow, card_order
from ..domain.stages import STAGES, Stage
from ..widgets.board_view import BoardView, Column
from ..widgets.key_bar import KeyBar
from ..widgets.text import escape, fit
from .base import CampaignChanged, CampaignMixin
from .thank_you_watch import ThankYouWatch

if TYPE_CHECKING:
    from textual.widgets import Input

EMPTY_TEXT = {
    Stage.PROSPECTS: "n adds one",
    Stage.REACHED_OUT: "no one to chase",
    Stage.SCHEDULED: "no meetings",
    Stage.INTERVIEWED: "no thank-yous owed",
    Stage.THANKED: "empty",
    Stage.IN_TOUCH: "empty",
}


def _fit_parts(parts: list[str], width: int, separator: str = " · ") -> str:
    """The summary's parts (markup) joined, as many as fit in `width` cells: the first that does
    not fit is cut with an ellipsis if a few words of it fit, never left as a dangling label."""
    shown: list[str] = []
    used = 0
    for part in parts:
        gap = len(separator) if shown else 0
        content = Content.from_markup(part)
        if used + gap + content.cell_length <= width:
            shown.append(part)
            used += gap + content.cell_length
            continue
        room = width - used - gap
        if room >= 12:
            shown.append(escape(fit(content.plain, room)))
        break
    return separator.join(shown)


def _confirm() -> type:
    from ..widgets.confirm import ConfirmScreen  # imported when first needed: start-up time

    return ConfirmScreen


def _extends(words: list[str], before: list[str]) -> bool:
    """Every card matching `words` also matched `before` (typing added to the query)."""
    if len(words) < len(before):
        return False
    return all(new.find(old) >= 0 for new, old in zip(words, before, strict=False))


class BoardScreen(CampaignMixin, Screen[None]):
    """Where every conversation stands, and what is due."""

    AREA = "Board"

    # In footer order, most used first (an 80-column footer shows the first seven); every key,
    # shown or not, is in help (?) and the command palette.
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("enter", "open", "Open", tooltip="Open the contact"),
        Binding("n", "new", "New", tooltip="Add a contact"),
        Binding("p", "prep", "Prep", tooltip="Prepare the next meeting with this contact"),
        Binding("b", "brief", "Brief", tooltip="The brief: a last look before the meeting"),
        Binding(
            "i", "live_notes", "Notes", tooltip="Live notes for the next meeting, during the call"
        ),
        Binding("c", "compose", "Write", tooltip="Write the request, thank-you or check-in"),
        Binding("right_square_bracket", "move(1)", "Next stage", key_display="]"),
        Binding("shift+right", "move(1)", "Next stage", show=False),
        Binding("left_square_bracket", "move(-1)", "Previous stage", key_display="[", show=False),
        Binding("shift+left", "move(-1)", "Previous stage", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("a", "agenda", "Agenda", tooltip="What is due: overdue, today, next 7 days"),
        Binding("u", "undo", "Undo", tooltip="Take back the last move or archive"),
        Binding("left,h", "column(-1)", "Column left", show=False),
        Binding("right,l", "column(1)", "Column right", show=False),
        Binding("x", "archive", "Archive/restore", show=False),
        Binding("A", "toggle_archived", "Show archived", show=False),
        Binding("delete", "delete", "Delete", show=False),
        Binding(
            "r", "log_touch", "Log touch", show=False, tooltip="Log a reply, call, message or note"
        ),
        Binding("L", "log_reply", "Reply received", show=False, tooltip="Log a reply now"),
        Binding("s", "insights", "Insights", show=False, tooltip="Funnel, replies, insights"),
        Binding("t", "targets", "Targets", show=False, tooltip="The target employer list"),
        Binding("q", "app.quit", "Quit"),
    ]

    # What the board shows: typing in the filter or A redraws it through the watchers.
    query_text: var[str] = var("", init=False)
    show_archived: var[bool] = var(False, init=False)

    def __init__(self) -> None:
        super().__init__(id="board-screen")
        self.cards: dict[str, Card] = {}
        self.view = BoardView(id="board")
        self._sorted: dict[Stage, list[Card]] = {}  # each stage's cards, in board order
        # each stage's last filter result: typing more is matched against it only
        self._matched: dict[Stage, tuple[list[str], list[Card]]] = {}
        self._counts: tuple[int, int, Card | None] = (0, 0, None)  # see _count
        # What u takes back: the contact last moved (with the stage it left) or archived (None)
        self._undo: tuple[str, Stage | None] | None = None
        self.thank_you_watch = ThankYouWatch(self)
        # each column's card before the filter: given back when it is cleared, except where
        # the user picked a card meanwhile
        self._before_filter: dict[Stage, str] | None = None

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield self.view  # show_columns (on mount) fills the columns
        yield Static(id="card-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        prefetched = self.infoint.prefetched_cards()
        if prefetched is not None:
            self.cards = prefetched  # live cards replace them once the campaign is open
            self.refresh_columns()
        else:
            self.rebuild()
        self.view.focus()
        self._resumed_once = False
        self.call_after_refresh(self.infoint.load_in_background)

    def on_board_view_fitted(self) -> None:  # the summary says when not all columns show
        self.update_summary()

    @property
    def columns_shown(self) -> int:
        return self.view.columns_shown

    @property
    def column_index(self) -> int:
        """The focused column."""
        return self.view.column_index

    def on_campaign_changed(self, message: CampaignChanged) -> None:
        """Another program changed the file: show its changes, the cursor where it was."""
        if message.elsewhere and (message.touches("contacts") or message.touches("reminders")):
            self.rebuild_keeping_focus()

    def on_screen_resume(self) -> None:
        if not self._resumed_once:  # the first resume is the first show: just built
            self._resumed_once = True
            return
        self.rebuild_keeping_focus()

    def rebuild_keeping_focus(self) -> None:
        focused = self.focused_contact_id
        self.rebuild()
        card = self.cards.get(focused) if focused is not None else None
        if card is not None:  # follow the card if it moved meanwhile (live notes ended, sent)
            self.focus_column(card.stage.order, card.contact_id)

    # -- data to cards ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Recompute every card from the store (on mount, and when coming back to the board)."""
        from ..domain.board import build_cards

        campaign = self.campaign
        rows = campaign.contact_rows(archived=None if self.show_archived else False)
        reminders = campaign.reminders()
        self.cards = build_cards(rows, reminders, campaign.meeting_slots(upcoming=True), self.now)
        self.thank_you_watch.plan(reminders)
        self._matched = {}
        self.refresh_columns()

    def refresh_card(self, contact_id: str) -> None:
        """Recompute one contact's card after it changed."""
        from ..domain.board import card_for

        campaign = self.campaign
        contact = campaign.contact(contact_id)
        if contact.archived and not self.show_archived:
            self.cards.pop(contact_id, None)
            return
        slots = [s for s in campaign.meeting_slots(upcoming=True) if s.contact_id == contact_id]
        row = ContactRow.of(contact)
        self.cards[contact_id] = card_for(
            row, campaign.reminders(contact_id=contact_id), slots, self.now
        )

    def refresh_columns(
        self, stages: tuple[Stage, ...] = STAGES, keep: dict[Stage, str] | None = None
    ) -> None:
        """Re-sort these stages' cards (they changed), then show them through the filter."""
        for stage in stages:
            self._sorted[stage] = sorted(
                (card for card in self.cards.values() if card.stage == stage), key=card_order
            )
            self._matched.pop(stage, None)
        self._counts = self._count()
        self.show_columns(stages, keep)

    def show_columns(
        self, stages: tuple[Stage, ...] = STAGES, keep: dict[Stage, str] | None = None
    ) -> None:
        """Show the sorted cards through the filter (what each filter keystroke does)."""
        words = self.query_text.casefold().split()
        if words and self._before_filter is None:
            self._before_filter = {
                column.stage: column.current_id
                for column in self.view.columns
                if column.current_id is not None
            }
        elif not words and self._before_filter is not None:
            keep = {**self._before_filter, **(keep or {})}
            self._before_filter = None
        for stage in stages:
            cards = self._sorted.get(stage, [])
            if words:
                cards = self._filtered(stage, words)
            column = self.column(stage.order)
            column.empty_text = "no match" if words else EMPTY_TEXT[stage]
            column.set_cards(cards, keep=(keep or {}).get(stage))
        self.update_summary()
        self.update_detail()

    def _filtered(self, stage: Stage, words: list[str]) -> list[Card]:
        """The stage's cards matching every word; a query that extends the last one (as typing
        does) is matched against the last result only."""
        previous = self._matched.get(stage)
        pool = previous[1] if previous is not None and _extends(words, previous[0]) else None
        if pool is None:
            pool = self._sorted.get(stage, [])
        if len(words) == 1:
            word = words[0]
            found = [card for card in pool if word in card.haystack]
        else:
            found = [card for card in pool if all(w in card.haystack for w in words)]
        self._matched[stage] = (words, found)
        return found

    def _count(self) -> tuple[int, int, Card | None]:
        """Overdue, due today, and the next card with something ahead (when the cards change)."""
        now = self.now
        tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)
        cards = self.cards.values()
        overdue = sum(1 for card in cards if card.overdue)
        today = sum(1 for card in cards if not card.overdue and card.starts_before(tomorrow))
        ahead = [c for c in cards if c.due_at is not None and c.due_at >= now]
        first = min(ahead, key=lambda c: c.due_at or now) if ahead else None
        return overdue, today, first

    def update_summary(self) -> None:
        summary = self.query_one("#summary", Static)
        if not self.cards and not self.query_text and not self.show_archived:
            summary.update(
                "No contacts yet: [b $accent]n[/] adds the first one "
                "[dim](or ctrl+p, Import: LinkedIn connections or vCards)[/]"
            )
            return
        overdue, today, first = self._counts
        count = len(self.cards)
        parts = [f"[b]{count}[/] contact{'' if count == 1 else 's'}"]
        if self.columns_shown < len(STAGES):
            parts[0] += f" [dim]({self.columns_shown} of 6 columns: ← →)[/]"
        # what the board shows first, then the counts: the line is cut to the width
        if self.query_text:
            parts.append(f"[b]filter: “{escape(self.query_text)}”[/]")  # typed, not markup
        if self.show_archived:
            parts.append("[b]showing archived[/]")
        parts.append(f"[$error b]{overdue} overdue[/]" if overdue else "nothing overdue")
        parts.append(f"[$warning b]{today} due today[/]" if today else "nothing due today")
        if first is not None and first.due is not None and first.due.level in ("today", "soon"):
            parts.append(f"next: {escape(first.name)}, {escape(first.due.text)}")
        summary.update(_fit_parts(parts, summary.content_region.width or self.size.width - 2))

    # -- focus ------------------------------------------------------------------------------
    def column(self, index: int) -> Column:
        return self.view.columns[index]

    @property
    def focused_contact_id(self) -> str | None:
        return self.view.current.current_id

    def on_board_view_highlighted(self, event: BoardView.Highlighted) -> None:
        if self._before_filter is not None and event.by_user:  # a card picked while filtering
            self._before_filter.pop(event.column.stage, None)
        self.update_detail()
        self.refresh_bindings()

    def update_detail(self) -> None:
        """The focused card in full under the board (a card shows what fits), or what an
        empty column is for."""
        column = self.view.current
        contact_id = column.current_id
        card = self.cards.get(contact_id) if contact_id is not None else None
        detail = self.query_one("#card-detail", Static)
        if card is None:
            what = "no match" if self.query_text else EMPTY_TEXT[column.stage]
            detail.update(f"[b]{column.stage.label}[/] [dim]· {escape(what)}[/]")
            return
        parts = [f"[b]{escape(card.name)}[/]"]
        if card.detail:
            parts.append(escape(card.detail))
        due = card.due
        if due is not None:
            colour = {"overdue": "$text-error", "today": "$text-warning"}.get(due.level, "")
            text = escape(("! " if due.level == "overdue" else "") + due.text)
            parts.append(f"[b {colour}]{text}[/]" if colour else text)
        if card.tags:
            parts.append(f"[dim]{escape(', '.join(card.tags))}[/]")
        detail.update(_fit_parts(parts, detail.content_region.width or self.size.width - 2))

    def action_column(self, delta: int) -> None:
        index = max(0, min(len(STAGES) - 1, self.column_index + delta))
        self.focus_column(index)

    def focus_column(self, index: int, contact_id: str | None = None) -> None:
        self.view.focus_column(index)
        column = self.column(index)
        if contact_id is not None:
            found = column.index_of(contact_id)
            if found is not None:
                column.cursor = found
        self.view.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_card = self.focused_contact_id is not None
        if action in (
            "open",
            "archive",
            "delete",
            "log_touch",
            "log_reply",
            "live_notes",
            "prep",
            "brief",
            "compose",
        ):
            return has_card
        if action == "move":
            if not has_card:
                return False
            stage = STAGES[self.column_index]
            return (
                stage.next() if parameters and parameters[0] == 1 else stage.previous()
            ) is not None
        if action == "clear_filter":
            return bool(self.query_text) or self.filter_shown
        if action == "undo":
            return self._undo is not None
        return True

    # -- moving cards -----------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        contact = self.campaign.contact(contact_id)
        target = contact.stage.next() if delta > 0 else contact.stage.previous()
        if target is None:
            return
        source = contact.stage
        self.campaign.move_contact(contact_id, target)
        self._undo = (contact_id, source)
        self.refresh_card(contact_id)
        self.refresh_columns((source, target), keep={target: contact_id})
        self.focus_column(target.order, contact_id)
        self.notify(f"{escape(contact.name)} → {target.label} (u undoes)", timeout=3)
        self.refresh_bindings()

    # -- filter -----------------------------------------------------------------------------
    @property
    def filter_shown(self) -> bool:
        fields = self.query("#filter")
        return bool(fields) and fields.first().has_class("-shown")

    def action_filter(self) -> None:
        from textual.widgets import Input  # the filter field is made on first use

        fields = self.query("#filter").results(Input)
        field = next(fields, None)
        if field is None:  # mounted on first use: start-up does not pay for it
            field = Input(placeholder="Filter: name, company, role, tag or notes", id="filter")
            self.mount(field, after=self.query_one("#summary"))
        field.add_class("-shown")
        field.focus()
        for card in self.cards.values():  # what the filter matches, before the first keystroke
            card.haystack  # noqa: B018

    def on_input_changed(self, event: Input.Changed) -> None:  # only the filter is an Input here
        self.query_text = event.value.strip()

    def watch_query_text(self) -> None:
        self.show_columns()

    def watch_show_archived(self) -> None:
        self.rebuild()

    def on_input_submitted(self) -> None:  # enter in the filter: keep it, go to the first match
        for index in range(len(STAGES)):
            if self.column(index).cards:
                self.column(index).cursor = 0
                if self._before_filter is not None:  # this match is the one the user wanted
                    self._before_filter.pop(STAGES[index], None)
                self.focus_column(index)
                return
        self.column(self.column_index).focus()

    def action_clear_filter(self) -> None:
        from textual.widgets import Input

        for field in self.query("#filter").results(Input):
            field.value = ""
            field.remove_class("-shown")
        self.query_text = ""
        self.column(self.column_index).focus()

    def show_contact(self, contact_id: str) -> None:
        """Focus this contact's card, clearing a filter or showing archived cards if needed."""
        contact = self.campaign.contact(contact_id)
        if self.query_text:
            self.action_clear_filter()
        if contact.archived and not self.show_archived:
            self.show_archived = True
        self.focus_column(contact.stage.order, contact_id)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify(
            "Showing archived contacts" if self.show_archived else "Archived contacts hidden",
            timeout=2,
        )

    # -- opening and editing ----------------------------------------------------------------
    def action_open(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is not None:
            self.open_contact(contact_id)

    def on_board_view_opened(self, event: BoardView.Opened) -> None:
        self.open_contact(event.contact_id)

    def open_contact(self, contact_id: str | None) -> None:
        from .contact import ContactScreen

        def done(saved_id: str | None) -> None:
            if saved_id is None:
                return
            self.rebuild()
            if saved_id in self.cards:
                self.focus_column(self.campaign.contact(saved_id).stage.order, saved_id)

        self.app.push_screen(ContactScreen(contact_id), done)

    def action_live_notes(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is not None:
            self.infoint.open_live_notes(contact_id)

    def action_new(self) -> None:
        self.open_contact(None)

    def action_archive(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        if self.campaign.contact(contact_id).archived:  # shown by A: x brings it back
            self._undo = (contact_id, None)
            self.action_undo()
            return
        contact = self.campaign.archive_contact(contact_id)
        self._undo = (contact_id, None)
        self.refresh_card(contact_id)
        self.refresh_columns((contact.stage,))
        self.column(self.column_index).focus()
        self.notify(f"Archived {escape(contact.name)}. Press u to undo.", timeout=6)
        self.refresh_bindings()

    def action_undo(self) -> None:
        if self._undo is None:
            return
        contact_id, stage_before = self._undo
        self._undo = None
        self.refresh_bindings()
        from ..actions.errors import NotFound

        try:
            moved_from = self.campaign.contact(contact_id).stage
        except NotFound:  # deleted meanwhile (by another program)
            return
        if stage_before is None:
            contact = self.campaign.restore_contact(contact_id)
            message = f"{contact.name} is back on the board"
        else:
            contact = self.campaign.undo_move(contact_id, stage_before)
            message = f"{contact.name} is back in {stage_before.label}"
        self.refresh_card(contact.id)
        self.refresh_columns(
            tuple(dict.fromkeys((moved_from, contact.stage))), keep={contact.stage: contact.id}
        )
        self.focus_column(contact.stage.order, contact.id)
        self.notify(message, timeout=3)

    def action_delete(self) -> None:
        contact_id = self.focused_contact_id
        if contact_id is None:
            return
        contact = self.campaign.contact(contact_id)
        meetings = len(self.campaign.meetings(contact_id))

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            self.campaign.delete_contact(contact_id)
            self.cards.pop(contact_id, None)
            self.refresh_columns((contact.stage,))
            self.notify(f"Deleted {escape(contact.name)}", timeout=3)

        detail = (
            f" and {meetings} meeting{'s' if meetings != 1 else ''} with their notes"
            if meetings
            else ""
        )
        self.app.push_screen(
            _confirm()(
                f"Delete {contact.name}{detail} for good?",
                "This cannot be undone. Archive (x) keeps them out of sight instead.",
                yes="Delete",
            ),
            confirmed,
        )

    # -- follow-up --------------------------------------------------------------------------
    def action_agenda(self) -> None:
        self.infoint.open_agenda()

    def action_insights(self) -> None:
        self.infoint.open_insights()

    def action_log_touch(self) -> None:
        if (contact_id := self.focused_contact_id) is not None:
            self.infoint.log_touch(contact_id)

    def action_log_reply(self) -> None:
        if (contact_id := self.focused_contact_id) is not None:
            self.infoint.log_reply(contact_id)

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
