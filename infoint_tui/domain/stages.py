"""The six stages of the pipeline, their canonical names and their column titles."""

from __future__ import annotations

from enum import Enum


class UnknownStage(ValueError):
    """A stage name that is neither a canonical name nor a column title."""


class Stage(str, Enum):
    PROSPECTS = "prospects"
    REACHED_OUT = "reached-out"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    THANKED = "thanked"
    IN_TOUCH = "in-touch"

    @property
    def label(self) -> str:
        return _TITLES[self]

    @property
    def order(self) -> int:
        return _ORDER.index(self)

    def next(self) -> Stage | None:
        i = self.order
        return _ORDER[i + 1] if i + 1 < len(_ORDER) else None

    def previous(self) -> Stage | None:
        i = self.order
        return _ORDER[i - 1] if i > 0 else None

    @classmethod
    def parse(cls, text: str) -> Stage:
        """Accept `reached-out`, `Reached out`, `REACHED_OUT`, `reached out` alike."""
        key = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
        for stage in _ORDER:
            if key in (stage.value.replace("-", " "), stage.label.lower()):
                return stage
        names = ", ".join(s.value for s in _ORDER)
        raise UnknownStage(f"unknown stage {text!r} (expected one of: {names})")

    def __str__(self) -> str:
        return self.value


_ORDER: list[Stage] = list(Stage)
_TITLES = {
    Stage.PROSPECTS: "Prospects",
    Stage.REACHED_OUT: "Reached out",
    Stage.SCHEDULED: "Scheduled",
    Stage.INTERVIEWED: "Interviewed",
    Stage.THANKED: "Thanked",
    Stage.IN_TOUCH: "In touch",
}
STAGES: tuple[Stage, ...] = tuple(_ORDER)
BY_VALUE: dict[str, Stage] = {stage.value: stage for stage in _ORDER}  # faster than Stage(value)
