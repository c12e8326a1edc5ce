"""The insights panels' text on their own: durations, narrow widths, flags on small samples."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.insights import compute
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.widgets.insight_panels import funnel_text, span, themes_text, weekly_text

from .helpers import demo_file


@pytest.mark.parametrize(
    "delta, shown",
    [
        (None, "—"),
        (timedelta(hours=3), "3 h"),
        (timedelta(hours=47), "47 h"),
        (timedelta(days=3, hours=16), "3.7 days"),
        (timedelta(days=11, hours=2), "11 days"),
    ],
)
def test_durations_read_as_hours_or_days(delta, shown):
    assert span(delta) == shown


@pytest.mark.parametrize("width", [49, 54, 73, 120])  # panel widths at 110 to 160 columns
def test_funnel_lines_never_run_past_the_panel(db_path, clock, width):
    repo = open_campaign(demo_file(db_path, clock), clock=clock)
    found = compute(repo.contacts(archived=None), repo.meetings(), repo.touches(), clock.now())
    for text in (
        funnel_text(found.funnel, width),
        weekly_text(found.meetings_weekly, found.outreach_weekly, width),
        themes_text(found.by_tiara, width),
    ):
        widest = max(len(line) for line in text.plain.splitlines())
        assert widest <= width, text.plain


def test_a_one_contact_campaign_is_flagged_as_a_small_sample(clock):
    contact = Contact(name="Ada", stage=Stage.REACHED_OUT)
    found = compute([contact], [], [], clock.now())
    text = funnel_text(found.funnel, 60).plain
    assert "1 contact · small sample" in text
