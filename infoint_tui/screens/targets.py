"""The target employers: ranked by motivation, with people and conversations, and the few worked now."""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..domain.models import TargetEmployer
from ..domain.targets import (
    ACTIVE_LIMIT,
    TargetSummary,
    active_advice,
    focus_list,
    summarize_targets,
    unlinked_companies,
)
from ..widgets.confirm import ConfirmScreen
from ..widgets.key_bar import KeyBar
from ..widgets.text import escape, plain
from .base import CampaignMixin, FollowsCampaign
from .target_form import TargetForm, TargetPeople

# The columns that matter most come first, so 80 columns show them without scrolling.
COLUMNS = ("#", "Company", "Motivation", "Now", "People", "Talks", "Booked", "Openings", "Connection")  # fmt: skip
SHORT_MOTIVATION = {1: "curious", 2: "keen", 3: "dream"}


def motivation_cell(summary: TargetSummary) -> Text:
    value = summary.target.motivation
    label = SHORT_MOTIVATION.get(value, summary.motivation_label)
    return Text.assemble(("●" * value, "bold #ebcb8b"), ("○" * (3 - value), "dim"), f" {label}")


class TargetsScreen(FollowsCampaign, CampaignMixin, Screen[None]):
    """The target list; every change is saved at once."""

    AREA = "Targets"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add", "Add", tooltip="Add a target employer"),
        Binding("e", "edit", "Edit", tooltip="Edit the target (enter too)"),
        Binding(
            "space",
            "toggle_active",
            "Now",
            key_display="space",
            tooltip="Mark as worked now, or not",
        ),
        Binding(
            "plus,equals_sign", "motivation(1)", "More", key_display="+", tooltip="More motivated"
        ),
        Binding("minus", "motivation(-1)", "Less", key_display="-", tooltip="Less motivated"),
        Binding("o", "people", "People", tooltip="The contacts at this target"),
        Binding("d,delete", "delete", "Delete", show=False, tooltip="Delete the target"),
        Binding("question_mark", "app.help", "Help", key_display="?", show=False),
    ]
    CSS_PATH = "targets.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[TargetSummary] = []

    def compose(self) -> ComposeResult:
        yield Static(id="targets-title")
        yield Static(id="targets-advice")
        table: DataTable[str | Text] = DataTable(
            id="targets", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static(id="target-detail")
        yield Static(id="unlinked")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#targets", DataTable)
        for label in COLUMNS:
            table.add_column(label, key=label)
        self.show()
        table.focus()

    WATCHED = ("targets", "contacts", "meetings")

    def show_campaign(self) -> None:
        self.show(self.current_id)

    # -- drawing ----------------------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        table = self.query_one("#targets", DataTable)
        if not self.summaries or table.cursor_row is None:
            return None
        row = table.cursor_row
        return self.summaries[row].target.id if 0 <= row < len(self.summaries) else None

    @property
    def current(self) -> TargetSummary | None:
        wanted = self.current_id
        return next((s for s in self.summaries if s.target.id == wanted), None)

    def show(self, keep: str | None = None) -> None:
        campaign = self.campaign
        targets = campaign.targets()
        self.summaries = summarize_targets(
            targets, campaign.contacts(archived=None), campaign.meetings(), now=self.now
        )
        table = self.query_one("#targets", DataTable)
        table.clear()
        for summary in self.summaries:
            target = summary.target
            connection = "yes" if target.has_connection else ("met" if summary.connected else "—")
            table.add_row(
                str(summary.rank),
                Text(plain(target.company, multiline=False), style="bold"),
                motivation_cell(summary),
                Text("●", style="bold #a3be8c") if target.active else "",
                str(summary.contact_count),
                str(summary.conversations),
                str(summary.upcoming),
                "yes" if target.posts_openings else "—",
                connection,
                key=target.id,
            )
        if keep is not None:
            index = next((i for i, s in enumerate(self.summaries) if s.target.id == keep), 0)
            table.move_cursor(row=index)
        active = sum(1 for t in targets if t.active)
        self.query_one("#targets-title", Static).update(
            f"[b]Target employers[/] · {len(targets)} · {active} worked now"
        )
        self.show_advice(targets)
        self.show_detail()
        unlinked = unlinked_companies(campaign.contacts(), targets)
        self.query_one("#unlinked", Static).update(
            "Your contacts also work at: "
            + ", ".join(f"{escape(name)} ({count})" for name, count in unlinked[:8])
            + " [dim](a adds one)[/]"
            if unlinked
            else ""
        )

    def show_advice(self, targets: list[TargetEmployer]) -> None:
        advice = self.query_one("#targets-advice", Static)
        if not targets:
            advice.update(
                "No targets yet. List the employers you would most like to work for "
                "(a adds one), then work a handful at a time."
            )
            return
        if too_many := active_advice(targets):
            advice.update(f"[$warning]{escape(too_many)}[/]")
            return
        chosen, suggested = focus_list(targets)
        if suggested:
            names = ", ".join(escape(t.company) for t in chosen)
            advice.update(
                f"None marked as worked now. Start with the top {len(chosen)}: {names} "
                "[dim](space marks the one under the cursor)[/]"
            )
        else:
            advice.update(
                f"[dim]Work a handful at a time (up to {ACTIVE_LIMIT}); the rest wait their turn.[/]"
            )

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_edit()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        detail = self.query_one("#target-detail", Static)
        summary = self.current
        if summary is None:
            detail.update("")
            return
        target = summary.target
        lines = [
            f"[b $accent]{escape(target.company)}[/]"
            + (f" · {escape(target.industry)}" if target.industry else "")
        ]
        if summary.contacts:
            people = ", ".join(
                f"{escape(c.name)} [dim]({c.stage.label})[/]" for c in summary.contacts
            )
            lines.append(f"People: {people}")
        else:
            lines.append("[dim]No contacts there yet: find someone to ask for a conversation.[/]")
        if target.notes:
            lines.append(escape(target.notes))
        detail.update("\n".join(lines))

    # -- actions ----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss()

    def _suggestions(self) -> list[str]:
        return [
            name
            for name, _ in unlinked_companies(self.campaign.contacts(), self.campaign.targets())
        ]

    def action_add(self) -> None:
        def done(target: TargetEmployer | None) -> None:
            if target is not None:
                self.show(target.id)
                self.notify(f"{escape(target.company)} added", timeout=2)

        self.app.push_screen(TargetForm(None, self._suggestions()), done)

    def action_edit(self) -> None:
        summary = self.current
        if summary is None:
            self.action_add()
            return

        def done(target: TargetEmployer | None) -> None:
            self.show(target.id if target else summary.target.id)

        self.app.push_screen(TargetForm(summary.target, self._suggestions()), done)

    def action_toggle_active(self) -> None:
        summary = self.current
        if summary is None:
            return
        target = dataclasses.replace(summary.target, active=not summary.target.active)
        self.campaign.save_target(target)
        self.show(target.id)
        if advice := active_advice(self.campaign.targets()):
            self.notify(advice, severity="warning", timeout=6)

    def action_motivation(self, delta: int) -> None:
        summary = self.current
        if summary is None:
            return
        value = max(1, min(3, summary.target.motivation + delta))
        if value == summary.target.motivation:
            return
        target = dataclasses.replace(summary.target, motivation=value)
        self.campaign.save_target(target)
        self.show(target.id)

    def action_people(self) -> None:
        summary = self.current
        if summary is not None:
            self.app.push_screen(TargetPeople(summary.target.company, list(summary.contacts)))

    def action_delete(self) -> None:
        summary = self.current
        if summary is None:
            return
        target = summary.target

        def answered(yes: bool | None) -> None:
            if yes:
                self.campaign.delete_target(target.id)
                self.show()
                self.notify(f"{escape(target.company)} deleted from the targets", timeout=3)

        people = summary.contact_count
        self.app.push_screen(
            ConfirmScreen(
                f"Delete {target.company} from your targets?",
                f"Its {people} contact{'s stay' if people != 1 else ' stays'} on the board."
                if people
                else "No contacts there.",
                yes="Delete",
            ),
            answered,
        )
