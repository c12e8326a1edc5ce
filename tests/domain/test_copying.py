"""`clone`: a deep copy of records that shares nothing mutable with the original."""

from __future__ import annotations

import copy
from datetime import datetime

from infoint_tui.domain.copying import clone
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Meeting,
    MeetingQuestion,
    StageChange,
)


def _contact() -> Contact:
    return Contact(
        name="Ada",
        tags=["warm"],
        history=[StageChange(stage="reached_out", at=datetime(2026, 3, 1, 9, 0))],
        drafts={"thanks": "Dear Ada"},
        extra={"unknown": {"nested": [1, 2]}, "pair": (1, [2])},
    )


def test_clone_equals_the_original_and_shares_nothing_mutable() -> None:
    original = _contact()
    twin = clone(original)
    assert twin == original
    assert twin == copy.deepcopy(original)
    twin.tags.append("cold")
    twin.history[0].stage = "scheduled"
    twin.drafts["thanks"] = "changed"
    twin.extra["unknown"]["nested"].append(3)
    twin.extra["pair"][1].append(3)
    assert original.tags == ["warm"]
    assert original.history[0].stage == "reached_out"
    assert original.drafts == {"thanks": "Dear Ada"}
    assert original.extra == {"unknown": {"nested": [1, 2]}, "pair": (1, [2])}


def test_clone_copies_meetings_with_their_questions_and_log() -> None:
    meeting = Meeting(
        contact_id="c1",
        questions=[MeetingQuestion(text="How did you start?")],
        log=[Capture(kind=CaptureKind.NOTE, text="met at 9", at=datetime(2026, 3, 2, 9, 0))],
    )
    twin = clone(meeting)
    assert twin == meeting and twin is not meeting
    assert twin.log[0] is not meeting.log[0]
    assert twin.log[0].kind is CaptureKind.NOTE
    twin.questions[0].text = "changed"
    assert meeting.questions[0].text == "How did you start?"


def test_clone_of_lists_and_dicts_of_records() -> None:
    items = {"a": [_contact(), _contact()]}
    twin = clone(items)
    assert twin == items
    assert twin["a"][0] is not items["a"][0]
