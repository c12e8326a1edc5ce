"""A demo campaign where Daniel Kim's coffee has a full prep: 3 objectives, 8 questions (the
last one a job request the question checker flags), the ask and my introduction."""

from __future__ import annotations

from pathlib import Path

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.domain.clock import FixedClock
from infoint_tui.domain.models import MeetingQuestion
from infoint_tui.domain.question_bank import full_bank

THIRD_OBJECTIVE = "Find out which research skills from teaching carry over"


def full_prep_file(path: Path, clock: FixedClock) -> str:
    """Seed the demo in `path`, give Daniel's meeting a full prep; returns his contact id."""
    campaign = open_campaign(path, clock=clock)
    seed_demo(campaign, clock.now())
    daniel = next(c for c in campaign.contacts() if c.name == "Daniel Kim")
    meeting = campaign.next_meeting(daniel.id)
    assert meeting is not None
    meeting.objectives += "\n" + THIRD_OBJECTIVE
    bank = full_bank([])
    good = [q for q in bank if not q.basic and not q.job_request]
    picks = [q for tiara in ("trends", "insights", "advice", "resources") for q in
             [b for b in good if b.tiara is not None and b.tiara.value == tiara][:2]]  # fmt: skip
    job = next(q for q in bank if q.job_request)
    meeting.questions = [
        MeetingQuestion(text=q.text, tiara=q.tiara, bank_id=q.id) for q in [*picks[:7], job]
    ]
    campaign.save_meeting(meeting)
    return daniel.id
