"""The agenda (`a`): overdue, today and the next 7 days; done, snooze, open, in a keystroke each.

The rows come from `domain.agenda.agenda`, the same items the board's cards and `infoint
agenda` show. After done or snooze the cursor moves to the row that followed, so a morning's
list is cleared with `d d s 1 d`.
"""

from __future__ import annotations

from datetime import datetime

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..domain.agenda import (
    DONE_FOR_TODAY,
    UPCOMING_DAYS,
    Agenda,
    AgendaItem,
    AgendaKind,
    agenda,
    when_text,
)
from ..domain.dates import format_when
from ..domain.models import ReminderKind
from ..widgets.key_bar import KeyBar
from ..widgets.palette import STAGE_COLORS
from ..widgets.text import escape, fit, plain
from .base import CampaignMixin, FollowsCampaign

WHEN_WIDTH = 19  # 'by tomorrow 08:00' and a space
KIND_WIDTH = 10
# Reminders a message answers: `w` writes it (the composer; for the second person, who else
# there first; for "no answer", the offer to close the contact).
WRITABLE = frozenset(
    {
        ReminderKind.THANK_YOU,
        ReminderKind.CHECK_IN,
        ReminderKind.FOLLOW_UP,
        ReminderKind.SECOND_PERSON,
        ReminderKind.CONFIRM,
        ReminderKind.NO_ANSWER,
    }
)


class AgendaList(OptionList, inherit_bindings=False):
    """The agenda's rows. Enter is the screen's (open the contact), so the footer shows it;
    a click highlights a row and a double click opens it."""

    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    def on_click(self, event: events.Click) -> None:
        # OptionList selects on a single click; here a single click only highlights.
        event.prevent_default()
        clicked = event.style.meta.get("option")
        if clicked is not None and not self.options[clicked].disabled:
            self.highlighted = clicked
            if event.chain >= 2:
                self.action_select()


class AgendaScreen(FollowsCampaign, CampaignMixin, Screen[None]):
    """What is due: overdue, today, the next 7 days."""

    AREA = "Agenda"
    DEFAULT_CSS = """
    AgendaScreen #agenda-header { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    AgendaScreen #agenda-list { height: 1fr; border: none; padding: 0 1; background: $background; }
    AgendaScreen #agenda-list:focus { border: none; background-tint: $foreground 0%; }
    """
    BINDINGS = [
        Binding("d,space", "done", "Done", tooltip="Mark the item done"),
        Binding("s", "snooze", "Snooze", tooltip="Snooze: 1 day, 3 days, a week or a date"),
        Binding("enter", "open", "Open", tooltip="Open the contact"),
        Binding("o", "open", "Open", show=False, tooltip="Open the contact"),
        Binding(
            "w",
            "write",
            "Write",
            tooltip="Write the message the row asks for: thank-you, confirmation, follow-up...",
        ),
        Binding("i", "live_notes", "Live notes", tooltip="Live notes for this meeting"),
        Binding("r", "log_touch", "Log touch", tooltip="Log a reply, call, message or note"),
        Binding("L", "log_reply", "Reply received", show=False, tooltip="Log a reply now"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("escape", "back", "Back", tooltip="Back to the board"),
        Binding("question_mark", "app.help", "Help", key_display="?", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="agenda-screen")
        self.result: Agenda | None = None
        self.rows: dict[str, AgendaItem] = {}  # option id -> item
        self.order: list[str] = []  # option ids of the items, top to bottom

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-header")
        yield AgendaList(id="agenda-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_agenda()
        self.query_one("#agenda-list", OptionList).focus()

    WATCHED = ("contacts", "reminders", "meetings")

    def show_campaign(self) -> None:
        self.refresh_agenda(self.current_key)

    def on_resize(self) -> None:
        if self.result is not None:
            self.refresh_agenda(self.current_key)

    # -- building the list ------------------------------------------------------------------
    def refresh_agenda(self, keep: str | None = None, *, leave: bool = False) -> None:
        """Recompute the agenda and keep the cursor on row `keep`; if that row is gone (done,
        answered) or `leave` is set (snoozed), on the row that followed it, else the one before."""

        previous = self.order
        campaign = self.campaign
        self.result = result = agenda(
            self.now, campaign.contacts(), campaign.meeting_slots(), campaign.reminders()
        )
        self.rows, self.order = {}, []
        listing = self.query_one("#agenda-list", OptionList)
        listing.set_options(self._options(result, max(40, self.app.size.width - 4)))
        self._update_header(result)
        target = keep if keep in self.rows and not leave else None
        if target is None and keep in previous:
            index = previous.index(keep)
            nearby = previous[index + 1 :] + previous[:index][::-1]
            target = next((k for k in nearby if k in self.rows and k != keep), None)
        if target is None and self.order:
            target = self.order[0]
        if target is not None:
            listing.highlighted = listing.get_option_index(target)
        self.refresh_bindings()

    def _options(self, result: Agenda, width: int) -> list[Option]:
        options: list[Option] = []
        if result.done_for_today:
            options.append(Option(f"[b $success]{DONE_FOR_TODAY}[/]", disabled=True))
        sections = [
            ("Overdue", result.overdue, "$error"),
            ("Today", result.today, "$warning"),
            (f"Next {UPCOMING_DAYS} days", result.upcoming, ""),
        ]
        for title, items, colour in sections:
            if not items:
                continue
            if options:
                options.append(Option("", disabled=True))
            heading = f"[b {colour}]{title}[/]" if colour else f"[b]{title}[/]"
            options.append(Option(f"{heading}  [dim]{len(items)}[/]", disabled=True))
            for item in items:
                self.rows[item.key] = item
                self.order.append(item.key)
                options.append(Option(self._row(item, width, colour), id=item.key))
        if not result.upcoming:
            if options:
                options.append(Option("", disabled=True))
            nothing = f"Nothing in the next {UPCOMING_DAYS} days."
            options.append(Option(f"[dim]{nothing}[/]", disabled=True))
        if result.left_out:  # a file edited by hand: said, never a crash
            options.append(Option("", disabled=True))
            heading = f"Left out, out of range in the data file  [dim]{len(result.left_out)}[/]"
            options.append(Option(f"[b $warning]{heading}[/]", disabled=True))
            options += [
                Option(Content(fit(line, width)), disabled=True) for line in result.left_out
            ]
        return options

    def _row(self, item: AgendaItem, width: int, colour: str) -> Content:
        """One row: stage bar, when, what kind, who, and the reminder's words. Assembled from
        parts rather than markup: a thousand rows are parsed in no time."""
        contact = item.contact
        name_width = max(12, min(22, (width - WHEN_WIDTH - KIND_WIDTH) // 3))
        room = width - 2 - WHEN_WIDTH - KIND_WIDTH - name_width
        bar = STAGE_COLORS[contact.stage] if contact else "$text-muted"
        when = fit(when_text(item, self.now), WHEN_WIDTH - 1).ljust(WHEN_WIDTH)
        kind = fit(item.noun.capitalize(), KIND_WIDTH - 1).ljust(KIND_WIDTH)
        name = fit(plain(item.contact_name, multiline=False), name_width - 1).ljust(name_width)
        title = plain(item.title, multiline=False) + (" (snoozed)" if item.snoozed else "")
        title = fit(title, room)
        return Content.assemble(
            ("▌", bar),
            " ",
            (when, f"bold {colour}" if colour else ""),
            (kind, "bold"),
            name,
            (title, "dim" if item.snoozed else ""),
        )

    def _update_header(self, result: Agenda) -> None:
        day = result.day
        parts = [f"[b]Agenda[/] {day:%a} {day.day} {day:%b}"]
        parts.append(
            f"[$error b]{len(result.overdue)} overdue[/]" if result.overdue else "nothing overdue"
        )
        parts.append(
            f"[$warning b]{len(result.today)} today[/]" if result.today else "nothing today"
        )
        parts.append(f"{len(result.upcoming)} in the next {UPCOMING_DAYS} days")
        parts += self.goal_parts()
        self.query_one("#agenda-header", Static).update(" · ".join(parts))

    def goal_parts(self) -> list[str]:
        """The week's progress against the goals set in Settings (nothing when none is set)."""
        from ..domain.goals import week_progress

        campaign = self.campaign
        progress = week_progress(
            campaign.contacts(archived=None), campaign.meeting_slots(), campaign.settings, self.now
        )
        if not progress.has_goals:
            return []
        shown = [f"[$success]{text} ✓[/]" if met else text for text, met in progress.parts]
        return ["[b]Week[/] " + ", ".join(shown)]

    # -- the row under the cursor -----------------------------------------------------------
    @property
    def current_key(self) -> str | None:
        option = self.query_one("#agenda-list", OptionList).highlighted_option
        return option.id if option is not None and option.id in self.rows else None

    @property
    def current(self) -> AgendaItem | None:
        key = self.current_key
        return self.rows.get(key) if key else None

    @on(OptionList.OptionHighlighted, "#agenda-list")
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#agenda-list")
    def _selected(self) -> None:
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.current
        if action in ("open", "log_touch", "log_reply"):
            return item is not None and item.contact is not None
        if action == "done":
            return item is not None and item.kind is not AgendaKind.MEETING
        if action == "snooze":
            return item is not None and (item.reminder is not None or _is_next_action(item))
        if action == "write":
            return item is not None and item.reminder is not None and item.reminder.kind in WRITABLE
        if action == "live_notes":
            return item is not None and item.kind is AgendaKind.MEETING
        return True

    # -- actions ----------------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        listing = self.query_one("#agenda-list", OptionList)
        listing.action_cursor_down() if delta > 0 else listing.action_cursor_up()

    def action_done(self) -> None:
        item, key = self.current, self.current_key
        if item is None or key is None or item.kind is AgendaKind.MEETING:
            return
        campaign = self.campaign
        if item.reminder is not None and item.reminder.kind is ReminderKind.NO_ANSWER:
            campaign.complete_reminder(item.reminder.id)
            message = f"Closed {item.contact_name}: no answer (archived)"
        elif item.reminder is not None:
            before = item.contact.stage if item.contact else None
            campaign.complete_reminder(item.reminder.id)
            message = f"Done: {item.title}"
            if item.contact is not None:
                after = campaign.contact(item.contact.id).stage
                if after is not before:
                    message += f" · {item.contact.name} → {after.label}"
        elif item.contact is not None:  # the contact's own next action
            campaign.done_next_action(item.contact.id, item.title)
            message = f"Done: {item.title}"
        else:
            return
        self.notify(escape(message), timeout=3)  # quotes a title and a name
        self.refresh_agenda(key)

    def action_snooze(self) -> None:
        item, key = self.current, self.current_key
        if item is None or key is None:
            return
        from .snooze import SnoozeScreen

        who = f"{item.contact_name}: " if item.contact else ""

        def snoozed(until: datetime | None) -> None:
            if until is None:
                return
            self.snooze(item, until)
            until_text = format_when(until, self.now)
            self.notify(f"Snoozed until {until_text}: {escape(item.title)}", timeout=3)
            self.refresh_agenda(key, leave=True)

        self.app.push_screen(SnoozeScreen(f"{who}{item.title}"), snoozed)

    def snooze(self, item: AgendaItem, until: datetime) -> None:
        if item.reminder is not None:
            self.campaign.snooze_reminder(item.reminder.id, until)
        elif _is_next_action(item) and item.contact is not None:
            contact = self.campaign.contact(item.contact.id)
            self.campaign.set_next_action(contact.id, contact.next_action, until)

    def action_open(self) -> None:
        item = self.current
        if item is None or item.contact is None:
            return
        from .contact import ContactScreen

        self.app.push_screen(ContactScreen(item.contact.id))

    def action_write(self) -> None:
        item = self.current
        if item is None or item.contact is None:
            return
        from ..domain.steps import reminder_step
        from .follow_through import open_step

        step = reminder_step(item.reminder) if item.reminder is not None else None
        open_step(self.infoint, item.contact.id, step)

    def action_live_notes(self) -> None:
        item = self.current
        if item is not None and item.contact is not None:
            self.infoint.open_live_notes(item.contact.id)

    def action_log_touch(self) -> None:
        item = self.current
        if item is not None and item.contact is not None:
            self.infoint.log_touch(item.contact.id)

    def action_log_reply(self) -> None:
        item = self.current
        if item is not None and item.contact is not None:
            self.infoint.log_reply(item.contact.id)

    def action_back(self) -> None:
        self.dismiss(None)


def _is_next_action(item: AgendaItem) -> bool:
    return item.reminder is None and item.meeting is None and item.kind is AgendaKind.ACTION
