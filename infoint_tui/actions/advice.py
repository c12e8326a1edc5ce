"""Use case: a piece of advice or a resource from a call marked tried, with what came of it
(the next check-in tells them: the best reason to write)."""

from __future__ import annotations

from ..domain.models import CaptureKind
from ..domain.text import clean_text
from .meetings import MeetingActions


class AdviceActions(MeetingActions):
    def mark_tried(self, meeting_id: str, index: int, outcome: str) -> None:
        """Mark the meeting log's capture `index` tried (keeping the first date it was) with
        `outcome`, what came of it (may be empty)."""
        meeting = self.meeting(meeting_id)
        capture = _advice(meeting.log, index)
        capture.tried_at = capture.tried_at or self.now()
        capture.outcome = clean_text(outcome).strip()
        self.save_meeting(meeting)

    def mark_untried(self, meeting_id: str, index: int) -> None:
        meeting = self.meeting(meeting_id)
        capture = _advice(meeting.log, index)
        capture.tried_at, capture.outcome = None, ""
        self.save_meeting(meeting)


def _advice(log: list, index: int):
    if not 0 <= index < len(log):
        raise IndexError(f"no capture {index} in this meeting's log")
    capture = log[index]
    from ..domain.compose import ADVICE_TIARA  # with the drafts: not needed at start-up

    if capture.kind is not CaptureKind.INSIGHT or capture.tiara not in ADVICE_TIARA:
        raise ValueError("only advice and resources can be marked tried")
    return capture
