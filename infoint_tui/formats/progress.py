"""How far a long import is: reading the file, matching people, writing them.

The loops of an import call a step function once per row; what the steps show is the caller's
choice. The command line draws a progress bar when it writes to a terminal and nothing when
piped; everything else (the app's preview, tests) uses QUIET, which shows nothing and costs a
function call per row.
"""

from __future__ import annotations

from collections.abc import Callable

Step = Callable[[], None]


def _nothing() -> None:
    return None


class Progress:
    """Told about each phase of a long job; this one tells nobody."""

    def phase(self, label: str, total: int) -> Step:
        """Start a phase of `total` steps; the function returned is called once per step."""
        return _nothing

    def done(self) -> None:
        """The job is over (finished or failed): whatever was drawn goes away."""


QUIET = Progress()
