"""In the app: vCards out, invitations in, job changes, likely duplicates and merging."""

from __future__ import annotations

from pathlib import Path

import vobject
from textual.widgets import Button, Input, Static

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.invitations import import_invitations
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.formats.invitation_plan import plan_invitations
from infoint_tui.formats.invitations import read_invitations
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import read_source
from infoint_tui.screens.agenda import AgendaScreen
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.compose import ComposeScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.merge import MergeScreen
from infoint_tui.screens.transfer import ExportScreen, ImportScreen
from infoint_tui.widgets.draft_area import DraftArea
from infoint_tui.widgets.import_offers import ImportOffers
from tests.disk import saved
from tests.formats.helpers import linkedin_csv

from .helpers import demo_file, running, saved_contacts, saved_table, settle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INVITATIONS = FIXTURES / "invitations"
ALICE_URL = "https://www.linkedin.com/in/alice-walker"
CARLA_UID = "20261118T170211Z-85512345678@fe80:0:0:0:14a7:7f1f:b0c3:2d1cens160"


async def palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p", *text)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def preview(app, pilot, path: Path) -> str:
    assert isinstance(app.screen, ImportScreen)
    app.screen.query_one("#path").value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(app.screen.query_one("#preview-text", Static).render())


def card_names(app, stage: Stage) -> list[str]:
    board = app.screen
    assert isinstance(board, BoardScreen)
    return [card.name for card in board.column(stage.order).cards]


def card_of(app, contact_id: str):
    return app.screen.cards[contact_id]


def meetings_in_file(path: Path) -> list[dict]:
    data = saved(path)
    notes = {doc["id"]: doc for doc in data.get("meeting_notes", {}).values()}
    return [{**notes.get(doc["id"], {}), **doc} for doc in data["meetings"].values()]


def alice(db_path, clock, **fields) -> Contact:
    fields.setdefault("stage", Stage.REACHED_OUT)
    repo = open_campaign(db_path, clock=clock)
    return repo.add_contact(
        Contact(name="Alice Walker", email="alice.walker@initech.example", **fields)
    )


# -- vCards out ------------------------------------------------------------------------------
async def test_export_vcards_from_the_palette(db_path, clock, tmp_path):
    demo_file(db_path, clock)
    people = len(saved_contacts(db_path))
    async with running(db_path, clock) as (app, pilot):
        await palette(pilot, "export: one card per contact")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#path", Input)
        assert field.value.endswith("infoint-2026-11-18.vcf")
        field.value = str(tmp_path / "phone.vcf")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    cards = list(vobject.readComponents((tmp_path / "phone.vcf").read_text()))
    assert len(cards) == people
    assert {c.fn.value for c in cards} == set(saved_contacts(db_path))


# -- invitations in ----------------------------------------------------------------------------
async def test_an_invitation_is_previewed_then_schedules_the_meeting(db_path, clock):
    contact = alice(db_path, clock)
    before = db_path.read_bytes()
    async with running(db_path, clock) as (app, pilot):
        assert card_names(app, Stage.REACHED_OUT) == ["Alice Walker"]
        await palette(pilot, "import: a calendar invitation")
        text = await preview(app, pilot, INVITATIONS / "google_request.ics")
        assert "1 scheduled, 0 moved" in text
        assert "Alice Walker (same email): meeting Tue 01 Dec 2026 10:00 EST" in text
        assert "Alice Walker moves to Scheduled" in text
        await settle(app, pilot)
        assert db_path.read_bytes() == before  # a preview writes nothing
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, BoardScreen)
        assert card_names(app, Stage.SCHEDULED) == ["Alice Walker"]
        due = card_of(app, contact.id).due
        assert due is not None and due.text.startswith("video ")
    (meeting,) = meetings_in_file(db_path)
    assert meeting["when"] == "2026-12-01T10:00:00-05:00" and meeting["medium"] == "video"
    assert saved_contacts(db_path)["Alice Walker"]["stage"] == "scheduled"


async def test_someone_unknown_is_offered_as_a_new_contact(db_path, clock):
    open_campaign(db_path, clock=clock)
    async with running(db_path, clock) as (app, pilot):
        await palette(pilot, "import: a calendar invitation")
        text = await preview(app, pilot, INVITATIONS / "zoom_meeting.ics")
        assert "adds Carla Mendes" in text
        offers = app.screen.query_one("#offers-newcomers", ImportOffers)
        assert offers.chosen == [CARLA_UID]
        assert "Add Carla Mendes" in str(offers.choices.get_option_at_index(0).prompt)
        confirm = app.screen.query_one("#confirm", Button)
        assert not confirm.disabled
        offers.choices.focus()
        await pilot.press("space")  # unticked
        assert offers.chosen == [] and confirm.disabled  # nothing else to import
        await pilot.press("space")
        assert offers.chosen == [CARLA_UID] and not confirm.disabled
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert card_names(app, Stage.SCHEDULED) == ["Carla Mendes"]
    carla = saved_contacts(db_path)["Carla Mendes"]
    assert carla["email"] == "cmendes@fastmail.example" and carla["stage"] == "scheduled"
    (meeting,) = meetings_in_file(db_path)
    assert meeting["contact_id"] == carla["id"] and meeting["duration_min"] == 15


async def test_a_cancellation_leaves_the_board_and_agenda_and_shows_in_the_timeline(db_path, clock):
    contact = alice(db_path, clock)
    repo = open_campaign(db_path, clock=clock)
    found = read_invitations(read_source(INVITATIONS / "google_request.ics"), clock.now().tzinfo)
    import_invitations(repo, plan_invitations(Snapshot.of(repo), found), clock.now())
    async with running(db_path, clock) as (app, pilot):
        assert card_of(app, contact.id).due is not None
        await palette(pilot, "import: a calendar invitation")
        text = await preview(app, pilot, INVITATIONS / "google_cancel.ics")
        assert "Alice Walker (same invitation): meeting cancelled" in text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert card_of(app, contact.id).due is None
        await pilot.press("a")
        assert isinstance(app.screen, AgendaScreen)
        assert all(item.meeting is None for item in app.screen.rows.values())
        await pilot.press("escape")
        app.screen.show_contact(contact.id)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactScreen)
        timeline = str(app.screen.query_one("#timeline-body", Static).render())
        assert "Meeting (Video, 30 min) cancelled on Wed 18 Nov" in timeline
    (meeting,) = meetings_in_file(db_path)
    assert meeting["when"] is None and meeting["cancelled_at"]


async def test_a_broken_invitation_is_one_line_and_nothing_can_be_written(db_path, clock, tmp_path):
    alice(db_path, clock)
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n")
    async with running(db_path, clock) as (app, pilot):
        await palette(pilot, "import: a calendar invitation")
        text = await preview(app, pilot, broken)
        assert "broken.ics is cut short" in text and "Nothing was written" in text
        assert app.screen.query_one("#confirm", Button).disabled


# -- job changes and likely duplicates -----------------------------------------------------------
def connections(tmp_path: Path, company: str, title: str, name: str = "connections") -> Path:
    path = tmp_path / f"{name}.csv"
    path.write_text(
        linkedin_csv([["Alice", "Walker", ALICE_URL, "", company, title, "14 Mar 2024"]])
    )
    return path


async def test_a_job_change_is_shown_and_its_check_in_offered_and_drafted(db_path, clock, tmp_path):
    repo = open_campaign(db_path, clock=clock)
    contact = repo.add_contact(
        Contact(
            name="Alice Walker", company="Acme", role="Engineer", url=ALICE_URL,
            source="linkedin", stage=Stage.IN_TOUCH,
        )
    )  # fmt: skip
    async with running(db_path, clock) as (app, pilot):
        await palette(pilot, "import: linkedin")
        text = await preview(app, pilot, connections(tmp_path, "Initech", "Staff Engineer"))
        assert "Alice Walker: Engineer @ Acme → Staff Engineer @ Initech" in text
        offers = app.screen.query_one("#offers-check-ins", ImportOffers)
        assert offers.chosen == [contact.id]
        label = str(offers.choices.get_option_at_index(0).prompt)
        assert "congratulations check-in for Alice Walker" in label
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        screen = await open_contact(app, pilot, contact.id)
        timeline = str(screen.query_one("#timeline-body", Static).render())
        assert "Job change: Engineer @ Acme → Staff Engineer @ Initech" in timeline
        assert screen.query_one("#f-company", Input).value == "Initech"
        await pilot.press("escape")
        await pilot.pause()
        app.screen.show_contact(contact.id)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        draft = app.screen.query_one(DraftArea).text
        assert "Congratulations on your new role as Staff Engineer at Initech!" in draft
        await pilot.press("escape")
        await pilot.pause()
    kept = saved_contacts(db_path)["Alice Walker"]
    assert kept["company"] == "Initech" and kept["job_history"][0]["company"] == "Acme"
    titles = [r["title"] for r in saved_table(db_path, "reminders") if r["done_at"] is None]
    assert "Congratulate Alice on the new role at Initech" in titles


async def test_a_likely_duplicate_is_offered_for_merging_in_the_preview(db_path, clock, tmp_path):
    repo = open_campaign(db_path, clock=clock)
    bob = repo.add_contact(Contact(name="Bob Lee", stage=Stage.INTERVIEWED))
    repo.add_contact(Contact(name="Alice Walker", referred_by=bob.id, notes="Bob's friend"))
    async with running(db_path, clock) as (app, pilot):
        await palette(pilot, "import: linkedin")
        await preview(app, pilot, connections(tmp_path, "Initech", "CTO"))
        offers = app.screen.query_one("#offers-merges", ImportOffers)
        assert offers.chosen == []  # likely is not certain: the user decides
        label = str(offers.choices.get_option_at_index(0).prompt)
        assert "Merge Alice Walker (new) into Alice Walker (Prospects)" in label
        offers.choices.focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert card_names(app, Stage.PROSPECTS) == ["Alice Walker"]
    people = [d for d in saved_table(db_path, "contacts") if d["name"] == "Alice Walker"]
    assert len(people) == 1
    assert people[0]["company"] == "Initech" and people[0]["referred_by"] == bob.id


# -- merging -----------------------------------------------------------------------------------
def twins(db_path, clock) -> tuple[Contact, Contact]:
    repo = open_campaign(db_path, clock=clock)
    bob = repo.add_contact(Contact(name="Bob Lee"))
    dana = repo.add_contact(Contact(name="Dana Ruiz", referred_by=bob.id, notes="From Bob"))
    other = repo.add_contact(
        Contact(name="Dana Ruiz", company="Initech", email="dana@initech.example")
    )
    repo.ensure_next_meeting(other.id)
    return dana, other


async def open_contact(app, pilot, contact_id: str) -> ContactScreen:
    app.screen.show_contact(contact_id)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == contact_id
    return app.screen


async def test_merge_from_the_contact_screen_with_a_preview(db_path, clock):
    dana, other = twins(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_contact(app, pilot, dana.id)
        await pilot.press("ctrl+l")
        await pilot.pause()
        merge = app.screen
        assert isinstance(merge, MergeScreen)
        assert merge.query_one("#confirm", Button).disabled
        await pilot.press(*"initech", "enter")
        await pilot.pause()
        text = str(merge.query_one("#preview-text", Static).render())
        assert text.startswith(f"Merge Dana Ruiz (Initech; {other.id}) into Dana Ruiz")
        assert "moved to Dana Ruiz: 1 meeting" in text
        await settle(app, pilot)
        assert len([d for d in saved_table(db_path, "contacts") if d["name"] == "Dana Ruiz"]) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ContactScreen) and screen.contact_id == dana.id
        assert screen.query_one("#f-company", Input).value == "Initech"
        await pilot.press("escape")
        await settle(app, pilot)
        assert sorted(card_names(app, Stage.PROSPECTS)) == ["Bob Lee", "Dana Ruiz"]
    people = [d for d in saved_table(db_path, "contacts") if d["name"] == "Dana Ruiz"]
    assert [(d["id"], d["company"]) for d in people] == [(dana.id, "Initech")]
    assert [m["contact_id"] for m in meetings_in_file(db_path)] == [dana.id]


async def test_merge_from_the_palette_keeping_the_other_record(db_path, clock):
    dana, other = twins(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_contact(app, pilot, dana.id)
        await palette(pilot, "contact: merge")
        merge = app.screen
        assert isinstance(merge, MergeScreen)
        await pilot.press("down", "enter")  # the other Dana comes first: the same name
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = str(merge.query_one("#preview-text", Static).render())
        assert text.startswith(f"Merge Dana Ruiz (Prospects; {dana.id}) into Dana Ruiz (Initech")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == other.id
        notes = app.screen.query_one("#f-notes").text
        assert "From Bob" in notes
        await pilot.press("escape")
        await settle(app, pilot)
    people = [d for d in saved_table(db_path, "contacts") if d["name"] == "Dana Ruiz"]
    assert [d["id"] for d in people] == [other.id] and people[0]["referred_by"]


async def test_escape_cancels_a_merge(db_path, clock):
    dana, other = twins(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_contact(app, pilot, dana.id)
        await settle(app, pilot)
        saved = db_path.read_bytes()
        await pilot.press("ctrl+l", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        await settle(app, pilot)
        assert db_path.read_bytes() == saved
