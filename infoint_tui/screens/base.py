"""What every infoint screen needs: the repository and the clock, typed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..app import InfointApp
    from ..domain.clock import Clock
    from ..store import Repository


class CampaignMixin:
    """`self.repo`, `self.clock` and `self.now` for screens of the InfointApp."""

    @property
    def infoint(self) -> InfointApp:
        return cast("InfointApp", cast(Any, self).app)

    @property
    def repo(self) -> Repository:
        return self.infoint.repo

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
