"""Use case: a piece of advice or a resource from a call marked tried, with what came of it
(the next check-in tells them: the best reason to write)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.compose import ADVICE_TIARA
from ..domain.models import CaptureKind
from ..domain.text import clean_text

if TYPE_CHECKING:
    from ..store import Repository


def mark_tried(repo: Repository, meeting_id: str, index: int, outcome: str, now: datetime) -> None:
    """Mark the meeting log's capture `index` tried (keeping the first date it was) with
    `outcome`, what came of it (may be empty)."""
    meeting = repo.meeting(meeting_id)
    capture = _advice(meeting.log, index)
    capture.tried_at = capture.tried_at or now
    capture.outcome = clean_text(outcome).strip()
    repo.save_meeting(meeting)


def mark_untried(repo: Repository, meeting_id: str, index: int) -> None:
    meeting = repo.meeting(meeting_id)
    capture = _advice(meeting.log, index)
    capture.tried_at, capture.outcome = None, ""
    repo.save_meeting(meeting)


def _advice(log: list, index: int):  # noqa: ANN202
    if not 0 <= index < len(log):
        raise IndexError(f"no capture {index} in this meeting's log")
    capture = log[index]
    if capture.kind is not CaptureKind.INSIGHT or capture.tiara not in ADVICE_TIARA:
        raise ValueError("only advice and resources can be marked tried")
    return capture
