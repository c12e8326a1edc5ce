"""Re-imports that bring job changes, and imports that bring likely duplicates."""

from __future__ import annotations

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.imports import run_import
from infoint_tui.domain.models import Contact, ReminderKind
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.timeline import timeline
from infoint_tui.formats.jsonfile import export_json, parse_json
from infoint_tui.formats.linkedin import parse_linkedin
from infoint_tui.formats.markdown import export_markdown
from infoint_tui.formats.plan import plan_import
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import decode_source
from infoint_tui.formats.vcard import parse_vcard
from tests.disk import saved as saved_document
from tests.formats.helpers import linkedin_csv, vcard


def linkedin(*rows: list[str]):
    return parse_linkedin(decode_source("Connections.csv", linkedin_csv(list(rows)).encode()))


ALICE_URL = "https://www.linkedin.com/in/alice-walker"


def row(company: str, position: str, first: str = "Alice", last: str = "Walker") -> list[str]:
    return [first, last, ALICE_URL, "", company, position, "14 Mar 2024"]


def test_a_job_change_is_said_kept_with_its_history_and_offers_a_check_in(repo, clock, db_path):
    run_import(repo, plan_import(Snapshot.of(repo), linkedin(row("Acme", "Engineer"))), clock.now())
    (alice,) = repo.contacts()
    repo.move_contact(alice.id, Stage.IN_TOUCH)
    plan = plan_import(Snapshot.of(repo), linkedin(row("Initech", "Staff Engineer")))
    (item,) = plan.job_changes
    assert "  Alice Walker: Engineer @ Acme → Staff Engineer @ Initech" in plan.summary_lines()
    result = run_import(repo, plan, clock.now())
    kept = repo.contact(alice.id)
    assert (kept.company, kept.role) == ("Initech", "Staff Engineer")
    (change,) = kept.job_history
    assert (change.company, change.role, change.at) == ("Acme", "Engineer", clock.now())
    assert change.source == "LinkedIn connections from Connections.csv"
    (contact, reminder) = result.check_ins[0]
    assert reminder.kind is ReminderKind.CHECK_IN
    assert reminder.title == "Congratulate Alice on the new role at Initech"
    assert reminder.id in {r.id for r in repo.reminders(contact_id=alice.id)}
    texts = [entry.text for entry in timeline(repo, alice.id)]
    assert "Job change: Engineer @ Acme → Staff Engineer @ Initech" in texts
    saved = saved_document(db_path)
    (doc,) = saved["contacts"].values()
    assert doc["job_history"][0]["company"] == "Acme" and doc["company"] == "Initech"
    again = plan_import(
        Snapshot.of(open_campaign(db_path)), linkedin(row("Initech", "Staff Engineer"))
    )
    assert not again.changes_anything  # the same file twice: nothing


def test_an_older_file_does_not_move_them_back(repo, clock):
    for company, title in (("Acme", "Engineer"), ("Initech", "Staff Engineer")):
        run_import(repo, plan_import(Snapshot.of(repo), linkedin(row(company, title))), clock.now())
    plan = plan_import(Snapshot.of(repo), linkedin(row("Acme", "Engineer")))
    assert plan.job_changes == [] and not plan.changes_anything
    assert [str(w) for w in plan.warnings] == [
        "line 5: Alice Walker: kept Initech; Acme is an earlier job"
    ]


def test_a_vcard_job_change_and_no_check_in_for_a_prospect(repo, clock):
    repo.add_contact(
        Contact(name="Ben Ode", email="ben@mail.example", company="Globex", role="Analyst")
    )
    card = vcard("FN:Ben Ode", "EMAIL:ben@mail.example", "ORG:Umbrella", "TITLE:Lead")
    plan = plan_import(Snapshot.of(repo), parse_vcard(decode_source("c.vcf", card.encode())))
    assert [i.job_move.describe() for i in plan.job_changes if i.job_move] == [
        "Analyst @ Globex → Lead @ Umbrella"
    ]
    result = run_import(repo, plan, clock.now())
    assert result.check_ins == []  # never spoken with: no check-in
    assert repo.contacts()[0].company == "Umbrella"


def test_the_dry_run_shows_job_changes_and_writes_nothing(repo, clock, db_path):
    run_import(repo, plan_import(Snapshot.of(repo), linkedin(row("Acme", "Engineer"))), clock.now())
    saved = db_path.read_bytes()
    plan = plan_import(Snapshot.of(repo), linkedin(row("Initech", "Engineer")))
    assert "  Alice Walker: Acme → Initech" in plan.summary_lines()
    assert db_path.read_bytes() == saved


def test_job_history_round_trips_through_the_json_export_and_shows_in_markdown(
    repo, clock, tmp_path
):
    run_import(repo, plan_import(Snapshot.of(repo), linkedin(row("Acme", "Engineer"))), clock.now())
    run_import(repo, plan_import(Snapshot.of(repo), linkedin(row("Initech", "CTO"))), clock.now())
    exported = export_json(Snapshot.of(repo), clock.now())
    restored = open_campaign(tmp_path / "restored.json", clock=clock)
    plan = plan_import(
        Snapshot.of(restored), parse_json(decode_source("e.json", exported.encode()))
    )
    run_import(restored, plan, clock.now())
    assert restored.contacts()[0].job_history == repo.contacts()[0].job_history
    again = plan_import(
        Snapshot.of(restored), parse_json(decode_source("e.json", exported.encode()))
    )
    assert not again.changes_anything
    journal = export_markdown(Snapshot.of(repo), clock.now())
    assert "**Earlier jobs**" in journal
    assert "Engineer @ Acme → CTO @ Initech (LinkedIn connections from Connections.csv)" in journal


def test_likely_duplicates_are_listed_with_the_command_and_merged_on_request(repo, clock):
    bob = repo.add_contact(Contact(name="Bob Lee"))
    dana = repo.add_contact(Contact(name="Dana Ruiz", referred_by=bob.id))
    plan = plan_import(
        Snapshot.of(repo), linkedin(row("Initech", "Designer", first="Dana", last="Ruiz"))
    )
    (pair,) = plan.duplicates
    newcomer = plan.added[0].record
    assert (pair.keep, pair.other) == (dana, newcomer)
    line = plan.summary_lines()[-1]
    assert line == (
        "  likely the same person: Dana Ruiz (Designer @ Initech) and Dana Ruiz (Prospects) "
        f"(same name; one is a referral you noted by hand); to merge them: "
        f"infoint merge {dana.id} {newcomer.id}"
    )
    assert "infoint merge" not in plan.summary_lines(merge_commands=False)[-1]
    result = run_import(repo, plan, clock.now(), merges=[(dana.id, newcomer.id)])
    assert result.merged == [("Dana Ruiz", "Dana Ruiz")]
    (kept,) = repo.find_contacts("Dana Ruiz")
    assert kept.id == dana.id and kept.company == "Initech" and kept.referred_by == bob.id
