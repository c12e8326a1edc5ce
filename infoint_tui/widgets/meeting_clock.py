"""The call clock of live notes: elapsed of planned time, coloured as the end nears."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.widgets import Static

from ..domain.live_notes import ClockPhase, format_minutes, read_clock
from ..domain.models import Meeting


class MeetingClock(Static):
    """Reads the meeting's start and end times; the phase class decides the colour."""

    DEFAULT_CSS = """
    MeetingClock {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $boost;
        text-style: bold;
    }
    MeetingClock.-waiting { height: 2; color: $text-muted; text-style: none; }
    MeetingClock.-closing { background: $warning 60%; color: $text; }
    MeetingClock.-over { background: $error 70%; color: $text; }
    MeetingClock.-ended { color: $text-muted; }
    """

    def __init__(self, meeting: Meeting, now: Callable[[], datetime], **kwargs: str) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.meeting = meeting
        self._now = now
        self.phase: ClockPhase | None = None
        self._shown = ""

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        reading = read_clock(self.meeting, self._now())
        if reading.phase is ClockPhase.WAITING:
            text = f"{reading.text}\ntyping starts it (ctrl+g)"
        elif reading.phase is ClockPhase.CLOSING:
            left = reading.planned - reading.elapsed
            text = f"{reading.text} · {format_minutes(left)} left"
        elif reading.phase is ClockPhase.OVER:
            text = f"{reading.text} · {format_minutes(reading.elapsed - reading.planned)} over"
        elif reading.phase is ClockPhase.ENDED:
            text = f"ended · {format_minutes(reading.elapsed)} of {format_minutes(reading.planned)}"
        else:
            text = reading.text
        if reading.phase is not self.phase:
            for phase in ClockPhase:
                self.set_class(phase is reading.phase, f"-{phase.value}")
            self.phase = reading.phase
        if text != self._shown:  # repaint once a second at most, and only what changed
            self._shown = text
            self.update(text, layout=False)  # one line of fixed size: no relayout each second
