"""The prep checklist as a keyboard list: items by group, ticked with space, with their gaps."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..domain.models import Meeting
from ..domain.prep import GroupReadiness, PrepGroup, is_applicable, is_done, items_by_group
from .key_list import KeyList
from .readiness import group_label
from .text import escape, wrap

INDENT = 4  # "  ☐ ": wrapped lines of an item start under its text, not under the box


def _hanging(text: str, width: int) -> str:
    """An item's text as markup, wrapped to `width` with its later lines indented."""
    if width <= INDENT + 10:
        return escape(text)
    lines = wrap(text, width - INDENT - 1)
    return ("\n" + " " * INDENT).join(escape(line) for line in lines)


class Checklist(KeyList):
    """One line per checklist item under its group's heading; the screen does the changes."""

    BINDINGS = [
        Binding("space", "tick", "Tick", tooltip="Tick or untick the item"),
        Binding("g", "go", "Go to it", tooltip="Go to where this item is done"),
        Binding("a", "add", "Add", tooltip="Add an item of your own"),
        Binding(
            "d,delete", "remove", "Remove", show=False, tooltip="Take the item off the checklist"
        ),
        Binding(
            "r", "restore", "Restore defaults", show=False, tooltip="Put back removed default items"
        ),
    ]

    _shown: tuple[Meeting, dict[str, str], dict[PrepGroup, GroupReadiness]] | None = None
    _shown_width = 0  # the width the items were wrapped to

    class Toggled(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Removed(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class GoWanted(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class AddWanted(Message):
        """The user wants to type a new item."""

    class RestoreWanted(Message):
        """The user wants the removed default items back."""

    def show(
        self,
        meeting: Meeting,
        gaps: dict[str, str],
        readiness_groups: dict[PrepGroup, GroupReadiness],
    ) -> None:
        """Redraw from the meeting, keeping the cursor on the same item where it can."""
        self._shown = (meeting, gaps, readiness_groups)
        self._shown_width = width = self.scrollable_content_region.width
        current = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option] = []
        for group, items in items_by_group(meeting).items():
            summary = readiness_groups.get(group)
            title = group_label(summary) if summary is not None else group.label
            options.append(
                Option(f"[b $accent]{title}[/]", id=f"group-{group.value}", disabled=True)
            )
            if not items:
                options.append(Option("  [dim](no items)[/]", disabled=True))
            for index, item in items:
                done = is_done(item, meeting)
                box = "[$success]☑[/]" if done else "☐"
                text = _hanging(item.text, width)
                if not is_applicable(item, meeting):
                    line = f"  [dim]☐ {text} (not needed for a call)[/]"
                else:
                    line = f"  {box} {text}"
                    if item.key == "tab" and meeting.i_pay and not item.done:
                        line += " [dim](I pay)[/]"
                    if item.key in gaps:
                        line += f"  [$warning]— {escape(gaps[item.key])}[/]"
                options.append(Option(line, id=f"item-{index}"))
        self.set_options(options)
        ids = [o.id for o in options]
        if current in ids:
            self.highlighted = ids.index(current)
        elif (
            self.highlighted is None
            or self.highlighted >= len(options)
            or (options[self.highlighted].disabled)
        ):
            self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    def on_resize(self) -> None:
        if self._shown is not None and self.scrollable_content_region.width != self._shown_width:
            self.show(*self._shown)  # wrapped again for the new width

    @property
    def current_index(self) -> int | None:
        """The checklist index of the highlighted item."""
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("item-"):
            return None
        return int(option.id.removeprefix("item-"))

    def select_item(self, index: int) -> None:
        for position, option in enumerate(self.options):
            if option.id == f"item-{index}":
                self.highlighted = position
                return

    def action_tick(self) -> None:
        if (index := self.current_index) is not None:
            self.post_message(self.Toggled(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_remove(self) -> None:
        if (index := self.current_index) is not None:
            self.post_message(self.Removed(index))

    def action_add(self) -> None:
        self.post_message(self.AddWanted())

    def action_restore(self) -> None:
        self.post_message(self.RestoreWanted())

    def action_go(self) -> None:
        if (index := self.current_index) is not None:
            self.post_message(self.GoWanted(index))
