"""What every infoint screen needs: the repository and the clock, typed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from textual.message import Message
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..actions.campaign import Campaign
    from ..app import InfointApp
    from ..domain.clock import Clock


class CampaignMixin:
    """`self.campaign`, `self.clock` and `self.now` for screens of the InfointApp."""

    @property
    def infoint(self) -> InfointApp:
        return cast("InfointApp", cast(Any, self).app)

    @property
    def campaign(self) -> Campaign:
        return self.infoint.campaign

    @property
    def clock(self) -> Clock:
        return self.infoint.clock

    @property
    def now(self) -> datetime:
        return self.infoint.clock.now()


class CampaignScreen(CampaignMixin, Screen[None]):
    pass


class CampaignModal(CampaignMixin, ModalScreen[None]):
    pass


class CampaignChanged(Message):
    """The campaign changed; every open screen gets this and refreshes what it shows of it.

    `records` maps a table ("contacts", "meetings", ...) to the ids of its records that changed;
    `everything` means any record may have changed (the file was reloaded). `elsewhere` is True
    when another program made the change (`infoint add`, an import), False when this app did.
    """

    def __init__(
        self,
        records: Mapping[str, frozenset[str]],
        *,
        elsewhere: bool,
        everything: bool = False,
    ) -> None:
        super().__init__()
        self.records = records
        self.elsewhere = elsewhere
        self.everything = everything

    def touches(self, table: str, record_id: str | None = None) -> bool:
        """Whether the change may concern this table (or this record of it)."""
        if self.everything:
            return True
        ids = self.records.get(table, frozenset())
        return bool(ids) and (record_id is None or record_id in ids)


class FollowsCampaign:
    """For a screen that shows part of the campaign: on a CampaignChanged that touches one of
    its WATCHED tables it calls `show_campaign()`, at once when it is the screen in front,
    else when it is next shown (a screen under another one is not redrawn for nothing)."""

    WATCHED: tuple[str, ...] = ()
    _behind_changes = False  # changes arrived while another screen was in front

    def show_campaign(self) -> None:
        raise NotImplementedError

    def on_campaign_changed(self, message: CampaignChanged) -> None:
        if not any(message.touches(table) for table in self.WATCHED):
            return
        screen = cast(Screen[Any], self)
        if screen.is_current and screen.is_mounted:
            self.show_campaign()
        else:
            self._behind_changes = True

    def on_screen_resume(self) -> None:
        if self._behind_changes and cast(Screen[Any], self).is_mounted:
            self._behind_changes = False
            self.show_campaign()
