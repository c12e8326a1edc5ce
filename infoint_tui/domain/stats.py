"""When a figure rests on too few cases to mean much: shared by the insights modules."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import timedelta

SMALL_SAMPLE = 5  # fewer cases than this and the screen says "small sample"


def is_small(n: int) -> bool:
    return n < SMALL_SAMPLE


def median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    return timedelta(seconds=statistics.median(v.total_seconds() for v in values))
