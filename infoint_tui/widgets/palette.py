"""Stage colours: one hue per stage, used the same way on the board, the funnel and the agenda."""

from __future__ import annotations

from ..domain.stages import Stage

STAGE_COLORS: dict[Stage, str] = {
    Stage.PROSPECTS: "#7f8ea3",
    Stage.REACHED_OUT: "#5b9bd5",
    Stage.SCHEDULED: "#b48ead",
    Stage.INTERVIEWED: "#d08770",
    Stage.THANKED: "#a3be8c",
    Stage.IN_TOUCH: "#3fb8af",
}
