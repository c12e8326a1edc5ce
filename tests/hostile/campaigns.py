"""Campaigns the hardening tests open: hostile text, and records out of range (a hand-edited file)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from infoint_tui.actions.campaign import Campaign
from infoint_tui.domain.models import (
    Capture,
    CaptureKind,
    ChecklistItem,
    Contact,
    Meeting,
    MeetingQuestion,
    Reminder,
    ReminderKind,
    Settings,
    Tiara,
    Touch,
    TouchKind,
)
from infoint_tui.domain.stages import Stage

from .corpus import BIDI, CLEAR, HOSTILE_NAME, HOSTILE_NOTE, OSC52


def hostile_campaign(repo: Campaign, name: str = HOSTILE_NAME) -> Contact:
    """A contact whose every field holds escapes, with a meeting and a reminder due soon, written
    straight through the store (as a file edited by hand, or an older version, would hold them)."""
    now = repo.clock.now()
    repo.save_settings(
        Settings(my_name=f"Sam{OSC52}", signature=f"Sam{CLEAR}", pitch=f"a teacher{BIDI}")
    )
    contact = repo.add_contact(
        Contact(
            name=name,
            role=f"Head{CLEAR}",
            company=f"Acme{OSC52}",
            email="ada@example.com",
            tags=[f"vip{CLEAR}", f"ml{BIDI}"],
            notes=HOSTILE_NOTE,
            research_person=HOSTILE_NOTE,
            stage=Stage.SCHEDULED,
            next_action=f"Call{OSC52}",
            next_action_due=now + timedelta(hours=3),
        )
    )
    meeting = Meeting(
        contact_id=contact.id,
        when=now + timedelta(hours=2),
        duration_min=30,
        place=f"Café{CLEAR}",
        objectives=HOSTILE_NOTE,
        ask=f"An intro{OSC52}",
        questions=[MeetingQuestion(text=f"Why?{CLEAR}", answer=f"Because{BIDI}")],
        checklist=[ChecklistItem(text=f"Read{OSC52}")],
        notes=HOSTILE_NOTE,
        log=[Capture(at=now, kind=CaptureKind.NOTE, text=f"noted{CLEAR}")],
    )
    repo.save_meeting(meeting)
    repo.save_reminder(
        Reminder(kind=ReminderKind.CUSTOM, due=now, contact_id=contact.id, title=f"Ping{OSC52}")
    )
    repo.put_record(
        "touches", Touch(contact_id=contact.id, kind=TouchKind.NOTE, at=now, note=f"hi{CLEAR}")
    )
    # Someone they introduced, after a held call with an insight captured: the insights screen
    # quotes names, tags, companies and what was said.
    friend = repo.add_contact(
        Contact(
            name=f"Bo{OSC52}b",
            company=f"Beta{CLEAR}",
            tags=[f"vip{CLEAR}"],
            source=f"event{BIDI}",
            stage=Stage.INTERVIEWED,
            referred_by=contact.id,
        )
    )
    held = Meeting(
        contact_id=friend.id,
        when=now - timedelta(days=2),
        started_at=now - timedelta(days=2),
        ended_at=now - timedelta(days=2) + timedelta(minutes=30),
        log=[
            Capture(
                at=now - timedelta(days=2),
                kind=CaptureKind.INSIGHT,
                tiara=Tiara.TRENDS,
                text=f"AI everywhere{OSC52}",
            )
        ],
    )
    repo.save_meeting(held)
    return contact


def out_of_range_campaign(repo: Campaign) -> Contact:
    """One sane contact and meeting, and records no import would let in: a meeting of 10**15
    minutes, one in year 9999, a reminder in year 1, a next action in year 9999."""
    now = repo.clock.now()
    ada = repo.add_contact(Contact(name="Ada Lovelace", stage=Stage.SCHEDULED))
    bob = repo.add_contact(Contact(name="Bob Odd", stage=Stage.SCHEDULED))
    repo.save_meeting(Meeting(contact_id=ada.id, id="sane", when=now + timedelta(hours=2)))
    repo.save_meeting(
        Meeting(contact_id=bob.id, id="endless", when=now + timedelta(hours=1), duration_min=10**15)
    )
    far = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    repo.save_meeting(Meeting(contact_id=bob.id, id="far", when=far))
    early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))
    repo.save_reminder(
        Reminder(kind=ReminderKind.CUSTOM, id="early", due=early, contact_id=bob.id, title="x")
    )
    bob.next_action, bob.next_action_due = "Later", far
    repo.save_contact(bob)
    return ada
