"""What every infoint screen needs: the repository and the clock, typed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

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
