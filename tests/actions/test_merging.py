"""Merging two records in a campaign: everything of the other moves over, and it is removed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.merging import MergeError, merge_into, preview_merge
from infoint_tui.domain.models import Capture, CaptureKind, Contact, TouchKind
from infoint_tui.domain.stages import Stage
from tests.disk import saved as saved_document


def two_records(repo, clock):
    """A referral noted by hand during Bob's call, and the same person imported later."""
    bob = repo.add_contact(Contact(name="Bob Lee", stage=Stage.INTERVIEWED))
    call = repo.ensure_next_meeting(bob.id)
    dana = repo.add_contact(
        Contact(name="Dana Ruiz", referred_by=bob.id, notes="Bob's ex-colleague")
    )
    call.log.append(
        Capture(at=clock.now(), kind=CaptureKind.REFERRAL, text="Dana Ruiz", contact_id=dana.id)
    )
    repo.save_meeting(call)
    repo.move_contact(dana.id, Stage.REACHED_OUT)  # the 3B7 nudges start
    clock.advance(days=2)
    repo.log_touch(dana.id, TouchKind.MESSAGE_SENT, note="Hello from Bob's friend")
    clock.advance(days=5)
    imported = repo.add_contact(
        Contact(
            name="Dana Ruiz", company="Initech", role="Designer", email="dana@initech.example",
            source="linkedin",
        )
    )  # fmt: skip
    intro = repo.add_contact(Contact(name="Eli Park", referred_by=imported.id))
    repo.ensure_next_meeting(imported.id)
    return bob, dana, imported, intro


def test_merging_moves_everything_and_removes_the_other(repo, clock, db_path):
    bob, dana, imported, intro = two_records(repo, clock)
    meetings = {m.id for m in repo.meetings(imported.id)}
    nudges = {r.id for r in repo.reminders(contact_id=dana.id)}
    done = merge_into(repo, dana.id, imported.id, clock.now())
    assert done.meetings == 1 and done.referrals == 1
    kept = repo.contact(dana.id)
    assert (kept.company, kept.role, kept.email) == ("Initech", "Designer", "dana@initech.example")
    assert kept.referred_by == bob.id and kept.stage is Stage.REACHED_OUT
    assert {m.id for m in repo.meetings(dana.id)} == meetings
    assert repo.contact(intro.id).referred_by == dana.id
    assert {r.id for r in repo.reminders(contact_id=dana.id)} == nudges
    assert [t.note for t in repo.touches(dana.id)] == ["Hello from Bob's friend"]
    assert repo.find_contacts("Dana Ruiz") == [kept]
    saved = saved_document(db_path)
    people = [doc for doc in saved["contacts"].values() if doc["name"] == "Dana Ruiz"]
    assert len(people) == 1 and people[0]["company"] == "Initech"
    again = open_campaign(db_path)
    assert {m.contact_id for m in again.meetings()} == {bob.id, dana.id}
    captures = [c for m in again.meetings(bob.id) for c in m.log]
    assert captures[0].contact_id == dana.id


def test_merging_into_the_imported_record_keeps_the_referral_and_captures(repo, clock):
    bob, dana, imported, _ = two_records(repo, clock)
    merge_into(repo, imported.id, dana.id, clock.now())
    kept = repo.contact(imported.id)
    assert kept.referred_by == bob.id  # it had none: filled
    assert kept.stage is Stage.REACHED_OUT  # the hand-made record had moved; the import had not
    assert "Bob's ex-colleague" in kept.notes
    assert [c.contact_id for m in repo.meetings(bob.id) for c in m.log] == [imported.id]
    assert len(repo.touches(imported.id)) == 1


def test_reminders_the_merge_makes_pointless_are_closed(repo, clock):
    early = repo.add_contact(Contact(name="Fay Lin", stage=Stage.REACHED_OUT))
    nudges = {r.id for r in repo.reminders(contact_id=early.id)}
    later = repo.add_contact(Contact(name="Fay Lin", stage=Stage.PROSPECTS))
    clock.advance(days=1)
    repo.move_contact(later.id, Stage.REACHED_OUT)
    clock.advance(days=1)
    repo.move_contact(later.id, Stage.SCHEDULED)
    preview = preview_merge(repo, early.id, later.id, clock.now())
    assert preview.merged.contact.stage is Stage.SCHEDULED
    assert any("no longer Reached out" in line for line in preview.closing)
    merge_into(repo, early.id, later.id, clock.now())
    assert repo.contact(early.id).stage is Stage.SCHEDULED
    assert repo.reminders(contact_id=early.id) == []
    closed = [r for r in repo.reminders(contact_id=early.id, open_only=False) if r.id in nudges]
    assert len(closed) == 2
    assert {r.closed_reason for r in closed} == {"merged: no longer Reached out"}


def test_a_contact_cannot_be_merged_with_itself(repo):
    one = repo.add_contact(Contact(name="Solo"))
    with pytest.raises(MergeError):
        preview_merge(repo, one.id, one.id, repo.clock.now())


def test_the_preview_changes_nothing_and_says_what_will_happen(repo, clock, db_path):
    _, dana, imported, _ = two_records(repo, clock)
    saved = db_path.read_bytes()
    lines = preview_merge(repo, dana.id, imported.id, clock.now() + timedelta(0)).lines()
    assert db_path.read_bytes() == saved and len(repo.find_contacts("Dana Ruiz")) == 2
    assert lines[0].startswith("Merge Dana Ruiz (Designer @ Initech; ")
    assert "  filled from the other record: role, company, source, email" in lines
    assert "  moved to Dana Ruiz: 1 meeting, 1 referral" in lines
    assert lines[-1] == "  Dana Ruiz's record is then removed"
