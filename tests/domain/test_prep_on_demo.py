"""The preparation APIs on the demo campaign, read back from the saved file: what the
prep, brief, composer and targets screens will call, with the data they will have."""

from __future__ import annotations

from infoint_tui.actions.campaign import Campaign, open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.domain.brief import brief_markdown, build_brief
from infoint_tui.domain.outreach import best_send_time, check_request, draft_outreach
from infoint_tui.domain.prep import readiness_report
from infoint_tui.domain.question_bank import full_bank
from infoint_tui.domain.question_checks import check_selection, earlier_meetings
from infoint_tui.domain.targets import focus_list, summarize_targets
from tests.conftest import NOW


def _demo(db_path, clock) -> Campaign:
    repo = open_campaign(db_path, clock=clock)
    seed_demo(repo, NOW)
    return repo


def _by_name(repo: Campaign, name: str):
    return next(c for c in repo.contacts() if c.name == name)


def test_the_brief_of_daniels_coffee_tomorrow(db_path, clock):
    _demo(db_path, clock)
    repo = open_campaign(db_path, clock=clock)  # read back from the file
    daniel = _by_name(repo, "Daniel Kim")
    meeting = repo.next_meeting(daniel.id)
    assert meeting is not None
    referrer = repo.contact(daniel.referred_by) if daniel.referred_by else None
    bank = full_bank(repo.custom_questions())
    brief = build_brief(
        meeting,
        daniel,
        repo.settings,
        now=clock.now(),
        referrer=referrer,
        bank=bank,
        earlier_meetings=earlier_meetings(repo.meetings(daniel.id), meeting),
    )
    assert brief.referred_by == "Ruth Abebe" and brief.when_text == "tomorrow 10:30"
    assert brief.place == "Coffee at Blue Door Café, 5th & Pine" and brief.who_pays == "I pay"
    assert [q.letter for q in brief.questions] == ["T", "I", "A", "R", "As"]
    text = brief_markdown(brief)
    assert "## My questions" in text and "Ruth Abebe" in text
    assert check_selection(meeting.questions, bank, [], company=daniel.company) == []
    report = readiness_report(meeting, contact=daniel, settings=repo.settings, now=clock.now())
    # Daniel's coffee says "I pay": the tab counts as planned without ticking its item.
    assert report.summary() == "9/11 ready · missing: the ask, confirming time and place"


def test_a_draft_for_each_prospect_passes_or_names_its_blanks(db_path, clock):
    repo = _demo(db_path, clock)
    for contact in repo.contacts():
        referrer = repo.contact(contact.referred_by) if contact.referred_by else None
        text = draft_outreach(contact, repo.settings, referrer)
        check = check_request(text, contact=contact, referrer=referrer)
        failing = [r.rule.value for r in check.failures]
        blanks = (
            ["filled-in"]
            if contact.source in ("event", "cold")
            or (contact.source in ("referral", "friends & family") and referrer is None)
            else []
        )
        assert failing == blanks, (contact.name, check.failures)
    assert best_send_time(clock.now()).ok  # the fixed clock is a Wednesday


def test_the_demo_targets(db_path, clock):
    repo = _demo(db_path, clock)
    summaries = summarize_targets(
        repo.targets(), repo.contacts(archived=None), repo.meetings(), now=clock.now()
    )
    names = [s.target.company for s in summaries]
    assert names[:2] == ["Contoso Learning", "Northwind Health"]
    northwind = summaries[1]
    assert northwind.contact_count == 2 and northwind.upcoming == 1
    chosen, suggested = focus_list(repo.targets())
    assert not suggested and len(chosen) == 3
