"""What an import preview offers besides the import itself, as a list to tick (space).

A congratulations check-in per job change, a merge per likely duplicate, a new contact per
unknown person an invitation names. Each offer has a key the screen hands to the use case.
Labels come from files: they are escaped, never read as markup; long ones wrap.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, SelectionList

from .text import escape


@dataclass(frozen=True)
class Offer:
    key: str  # what the use case is told: a contact id, "keep-id other-id", an invitation UID
    label: str
    ticked: bool = False


class ImportOffers(Vertical):
    """A titled list of offers; `chosen` is the keys of the ticked ones."""

    DEFAULT_CSS = """
    ImportOffers { height: auto; margin-top: 1; }
    ImportOffers > Label { text-style: bold; }
    ImportOffers > SelectionList {
        height: auto; max-height: 12; text-wrap: wrap; text-overflow: fold;
    }
    """

    def __init__(self, title: str, offers: list[Offer], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.offers = offers

    def compose(self) -> ComposeResult:
        yield Label(f"{escape(self.title)} [dim](space ticks)[/]")
        yield SelectionList[int](
            *[(escape(offer.label), n, offer.ticked) for n, offer in enumerate(self.offers)],
            compact=True,
        )

    @property
    def choices(self) -> SelectionList[int]:
        return self.query_one(SelectionList)

    @property
    def chosen(self) -> list[str]:
        ticked = set(self.choices.selected)
        return [offer.key for n, offer in enumerate(self.offers) if n in ticked]
