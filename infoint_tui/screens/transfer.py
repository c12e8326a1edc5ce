"""Import with a preview, and export, from inside the app (the command palette opens them).

The same steps as `infoint import` / `infoint export`: read and plan in a worker thread, show
what would be added, updated and skipped, and write only when the user says so.
"""

from __future__ import annotations

from datetime import timezone
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static

from ..domain.text import count_of
from ..formats import EXPORT_SUFFIXES
from ..widgets import FORMS_CSS
from ..widgets.path_input import PathInput
from ..widgets.text import escape
from .base import CampaignMixin

if TYPE_CHECKING:
    from ..formats.invitation_plan import InvitationPlan
    from ..formats.plan import ImportPlan

IMPORT_TITLES = {
    "linkedin": (
        "LinkedIn connections",
        (".csv",),
        "Connections.csv from LinkedIn's “Get a copy of your data”",
    ),
    "vcard": (
        "contacts from a vCard file",
        (".vcf", ".vcard"),
        "a .vcf from a phone, Google or Apple Contacts",
    ),
    "json": (
        "an infoint export",
        (".json",),
        "a file made by Export JSON (or `infoint export json`)",
    ),
    "ics": (
        "a calendar invitation",
        (".ics",),
        "an invitation (.ics) from Google Calendar, Outlook or Zoom: the meeting, for its contact",
    ),
}
EXPORT_TITLES = {
    "json": "everything, as JSON (re-importable)",
    "csv": "one row per contact, as CSV",
    "markdown": "a journal of the campaign, as Markdown",
    "ics": "meetings and reminders, as an iCalendar file",
    "vcard": "one card per contact, as vCards (for a phone)",
}
PREVIEW_ROWS = 200


class ImportScreen(CampaignMixin, ModalScreen[bool]):
    """Pick a file, see what it would do, then import (or not). Dismisses True if it wrote."""

    CSS_PATH = FORMS_CSS

    AREA = "Import"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "confirm", "Import", priority=True, tooltip="Write the previewed import"),
    ]

    def __init__(self, kind: str) -> None:
        super().__init__(classes="transfer")
        self.kind = kind
        self.plan: ImportPlan | InvitationPlan | None = None

    def compose(self) -> ComposeResult:
        title, suffixes, hint = IMPORT_TITLES[self.kind]
        with Vertical(id="transfer-dialog"):
            yield Label(f"[b]Import {title}[/]", id="transfer-title")
            yield Label(
                f"[dim]{hint}. Enter previews; nothing is written until you import.[/]",
                id="transfer-hint",
            )
            yield PathInput(
                placeholder="path to the file (→ completes)", suffixes=suffixes, id="path"
            )
            with VerticalScroll(id="preview"):
                yield Static("", id="preview-text")
            with Horizontal(id="buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Import (ctrl+s)", id="confirm", variant="primary", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#path", PathInput).focus()

    @on(PathInput.Submitted, "#path")
    def _preview(self) -> None:
        path = self.query_one("#path", PathInput).path
        self.plan = None
        self.query("#preview ImportOffers").remove()
        self.query_one("#confirm", Button).disabled = True
        self.query_one("#preview-text", Static).update(f"Reading {escape(str(path))}…")
        self.plan_import(path)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def plan_import(self, path: Path) -> None:
        from ..actions.transfer import read_import
        from ..formats.source import FormatError

        if self.kind == "ics":
            self._plan_invitations(path)
            return
        try:
            parsed = read_import(self.kind, path)
        except FormatError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        if not parsed.readable and parsed.settings is None:
            skipped = "; ".join(str(s) for s in parsed.skipped[:5])
            self.app.call_from_thread(
                self._show_problem,
                f"nothing could be imported from {path.name}"
                + (f" ({skipped})" if skipped else ""),
            )
            return
        plan = self.campaign.plan_import(parsed)
        # Awaited on the UI thread (the offers are mounted before the buttons are updated).
        self.app.call_from_thread(self._show_plan, plan)  # type: ignore[arg-type]

    def _plan_invitations(self, path: Path) -> None:  # in the worker thread
        from ..formats.invitation_plan import plan_invitations
        from ..formats.invitations import read_invitations
        from ..formats.snapshot import Snapshot
        from ..formats.source import FormatError, read_source

        try:
            found = read_invitations(read_source(path), self.now.tzinfo or timezone.utc)
        except FormatError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        plan = plan_invitations(Snapshot.of(self.campaign), found)
        self.app.call_from_thread(self._show_invitations, plan)  # type: ignore[arg-type]

    async def _show_invitations(self, plan: InvitationPlan) -> None:
        from .transfer_offers import invitation_offers, invitation_preview

        self.plan = plan
        self.query_one("#preview-text", Static).update(invitation_preview(plan))
        await self._show_offers(invitation_offers(plan))

    async def _show_offers(self, groups: list) -> None:  # type: ignore[type-arg]
        await self.query("#preview ImportOffers").remove()
        await self.query_one("#preview").mount_all(groups)
        self.query_one("#transfer-dialog").add_class("-previewing")
        self._update_confirm()

    def _update_confirm(self) -> None:
        self.query_one("#confirm", Button).disabled = not self._writes_anything()
        self.refresh_bindings()

    @on(SelectionList.SelectedChanged)
    def _offer_ticked(self) -> None:
        self._update_confirm()

    def _writes_anything(self) -> bool:
        from ..formats.invitation_plan import InvitationPlan

        if isinstance(self.plan, InvitationPlan):
            from .transfer_offers import NEWCOMERS, chosen

            return self.plan.changes_anything() or bool(chosen(self, NEWCOMERS))
        return self.plan is not None and self.plan.changes_anything

    def _show_problem(self, message: str) -> None:
        self.query_one("#preview-text", Static).update(
            f"[$error]{escape(message)}[/]\nNothing was written."
        )

    async def _show_plan(self, plan: ImportPlan) -> None:
        from .transfer_offers import contact_offers

        self.plan = plan
        lines = plan.summary_lines(merge_commands=False)
        text = [f"[b]{escape(lines[0])}[/]"]
        if plan.added:
            text.append("")
            text.append(f"[b]Would add ({count_of(plan.count('added'), 'contact')})[/]")
            for item in plan.added[:PREVIEW_ROWS]:
                if item.table == "contacts":
                    detail = getattr(item.record, "role_at_company", "")
                    line = f"  + {escape(item.label)}"
                    text.append(line + (f"  [dim]{escape(detail)}[/]" if detail else ""))
            if len(plan.added) > PREVIEW_ROWS:
                text.append(f"  … and {len(plan.added) - PREVIEW_ROWS} more")
        if len(lines) > 1:
            text.append("")
            text.append("[b]Updates, skips and remarks[/]")
            text.extend(escape(line) for line in lines[1 : PREVIEW_ROWS + 1])
        if not plan.changes_anything:
            text.append("")
            text.append("Nothing new: everything in this file is already here.")
        self.query_one("#preview-text", Static).update("\n".join(text))
        await self._show_offers(contact_offers(plan, self.campaign))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return self._writes_anything()
        return True

    def action_confirm(self) -> None:
        if self.plan is None or not self._writes_anything():
            return
        from ..formats.invitation_plan import InvitationPlan
        from .transfer_offers import write_contacts, write_invitations

        if isinstance(self.plan, InvitationPlan):
            message = write_invitations(self, self.plan, self.now)
        else:
            message = write_contacts(self, self.plan, self.now)
        self.notify(escape(message), timeout=5)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self) -> None:
        self.action_confirm()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class ExportScreen(CampaignMixin, ModalScreen[Path | None]):
    """Write the campaign to a file (atomically); dismisses with the path written."""

    CSS_PATH = FORMS_CSS

    AREA = "Export"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "confirm", "Export", priority=True),
    ]

    def __init__(self, kind: str) -> None:
        super().__init__(classes="transfer")
        self.kind = kind

    def compose(self) -> ComposeResult:
        folder = self.campaign.path.parent
        name = f"infoint-{self.now:%Y-%m-%d}{EXPORT_SUFFIXES[self.kind]}"
        with Vertical(id="transfer-dialog"):
            yield Label(f"[b]Export {EXPORT_TITLES[self.kind]}[/]", id="transfer-title")
            yield Label(
                "[dim]Enter writes the file (an existing file is replaced only once the new one is complete).[/]",
                id="transfer-hint",
            )
            yield PathInput(str(folder / name), id="path")
            yield Static("", id="preview-text")
            with Horizontal(id="buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Export (ctrl+s)", id="confirm", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#path", PathInput).focus()

    @on(PathInput.Submitted, "#path")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        path = self.query_one("#path", PathInput).path
        problem = self._problem(path)
        if problem:
            self._show_error(problem)
            return
        self.query_one("#preview-text", Static).update(f"Writing {escape(str(path))}…")
        self.write_export(path)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def write_export(self, path: Path) -> None:
        left_out: list[str] = []
        try:
            self.campaign.write_file(path, self.campaign.export(self.kind, left_out=left_out))
        except OSError as error:
            self.app.call_from_thread(
                self._show_error, f"could not write {path}: {error.strerror or error}"
            )
            return
        self.app.call_from_thread(self._written, path, left_out)

    def _show_error(self, message: str) -> None:
        self.query_one("#preview-text", Static).update(f"[$error]{escape(message)}[/]")

    def _written(self, path: Path, left_out: list[str]) -> None:
        self.notify(f"Wrote {escape(str(path))}", timeout=6)
        if left_out:  # a file edited by hand: the rest is exported, and what is not is said
            more = f" (and {len(left_out) - 1} more)" if len(left_out) > 1 else ""
            self.notify(
                f"Left out, out of range: {escape(left_out[0])}{more}",
                severity="warning",
                timeout=12,
            )
        self.dismiss(path)

    def _problem(self, path: Path) -> str:
        if not str(path).strip() or path.name == "":
            return "give a file name"
        if path.is_dir():
            return f"{path} is a folder; give a file name"
        if not path.parent.is_dir():
            return f"{path.parent} does not exist"
        if path.resolve() == self.campaign.path.resolve():
            return f"{path} is your data file; choose another name"
        return ""

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def transfer_commands() -> list[tuple[str, str, str, str]]:
    """(title, help, 'import'|'export', kind) for the command palette."""
    commands = [
        (f"Import: {title}", hint, "import", kind)
        for kind, (title, _, hint) in IMPORT_TITLES.items()
    ]
    commands += [
        (f"Export: {title}", "written atomically; you choose the file", "export", kind)
        for kind, title in EXPORT_TITLES.items()
    ]
    return commands
