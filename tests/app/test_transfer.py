"""Import with a preview, and export, from the command palette."""

from __future__ import annotations

from pathlib import Path

from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.transfer import ExportScreen, ImportScreen

from .helpers import demo_file, running, saved_contacts, saved_table, settle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


async def _palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p", *text)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def _type_path(app, pilot, path: Path) -> None:
    field = app.screen.query_one("#path")
    field.value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _export(app, pilot, command: str, target: Path) -> None:
    await _palette(pilot, command)
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#path").value = str(target)
    await pilot.press("enter")
    await pilot.pause()


async def test_linkedin_import_previews_then_writes(db_path, clock):
    demo_file(db_path, clock)
    before = db_path.read_bytes()
    known = set(saved_contacts(db_path))
    async with running(db_path, clock) as (app, pilot):
        await _palette(pilot, "import: linkedin")
        assert isinstance(app.screen, ImportScreen)
        await _type_path(app, pilot, FIXTURES / "linkedin_Connections.csv")
        preview = str(app.screen.query_one("#preview-text").render())
        assert "added" in preview and "Would add" in preview
        await settle(app, pilot)
        assert db_path.read_bytes() == before  # a preview writes nothing
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        added = [d for n, d in saved_contacts(db_path).items() if n not in known]
        assert len(added) >= 5
        assert all(d["stage"] == "prospects" and d["source"] == "linkedin" for d in added)
        names = {card.name for card in app.screen.column(0).cards}
        assert {d["name"] for d in added} <= names


async def test_a_wrong_file_is_explained_and_cannot_be_imported(db_path, clock, tmp_path):
    demo_file(db_path, clock)
    wrong = tmp_path / "numbers.csv"
    wrong.write_text("a,b,c\n1,2,3\n")
    async with running(db_path, clock) as (app, pilot):
        await _palette(pilot, "import: linkedin")
        await _type_path(app, pilot, wrong)
        assert "Nothing was written" in str(app.screen.query_one("#preview-text").render())
        assert app.screen.query_one("#confirm").disabled
        await pilot.press("ctrl+s", "escape")
        assert isinstance(app.screen, BoardScreen)


async def test_export_ics_writes_a_calendar(db_path, clock, tmp_path):
    demo_file(db_path, clock)
    target = tmp_path / "meetings.ics"
    async with running(db_path, clock) as (app, pilot):
        await _export(app, pilot, "export: meetings and reminders", target)
        assert isinstance(app.screen, BoardScreen)
    import icalendar

    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert any("Daniel Kim" in str(e.get("SUMMARY")) for e in events)


async def test_export_refuses_the_data_file_itself(db_path, clock):
    demo_file(db_path, clock)
    before = db_path.read_bytes()
    async with running(db_path, clock) as (app, pilot):
        await _palette(pilot, "export: everything")
        app.screen.query_one("#path").value = str(db_path)
        await pilot.press("enter")
        await pilot.pause()
        assert "your data file" in str(app.screen.query_one("#preview-text").render())
        await pilot.press("escape")
        assert db_path.read_bytes() == before


async def test_brackets_in_a_file_are_shown_as_they_are_not_taken_for_markup(
    db_path, clock, tmp_path
):
    demo_file(db_path, clock)
    wrong = tmp_path / "odd[Draft].csv"
    wrong.write_text("Name,[/]Email\nAnn,ann@example.org\n")
    people = tmp_path / "people.csv"
    people.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,[Draft] Lee,,ann@example.org,Acme [/b],Designer,14 Mar 2024\n"
    )
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await _palette(pilot, "import: linkedin")
        hint = app.screen.query_one("#transfer-hint")
        assert hint.region.right <= app.screen.query_one("#transfer-dialog").region.right
        assert "nothing is written until you import" in str(hint.render())  # wrapped, not cut
        await _type_path(app, pilot, wrong)
        preview = str(app.screen.query_one("#preview-text").render())
        assert "odd[Draft].csv" in preview and "'Name,[/]Email'" in preview
        await _type_path(app, pilot, people)
        preview = str(app.screen.query_one("#preview-text").render())
        assert "+ Ann [Draft] Lee" in preview and "Designer @ Acme [/b]" in preview
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        assert saved_contacts(db_path)["Ann [Draft] Lee"]["company"] == "Acme [/b]"


async def test_at_80x24_a_long_preview_scrolls_and_the_buttons_stay_in_view(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock, size=(80, 24)) as (app, pilot):
        await _palette(pilot, "import: linkedin")
        await _type_path(app, pilot, FIXTURES / "linkedin_Connections.csv")
        dialog = app.screen.query_one("#transfer-dialog").region
        preview = app.screen.query_one("#preview")
        confirm = app.screen.query_one("#confirm").region
        assert dialog.contains_region(confirm) and not confirm.overlaps(preview.region)
        assert preview.max_scroll_y > 0  # the rest of the list is a scroll away


async def test_vcard_import_from_the_palette_adds_the_address_book(db_path, clock):
    demo_file(db_path, clock)
    known = set(saved_contacts(db_path))
    async with running(db_path, clock) as (app, pilot):
        await _palette(pilot, "import: contacts from a vcard")
        assert isinstance(app.screen, ImportScreen)
        await _type_path(app, pilot, FIXTURES / "contacts_google.vcf")
        assert "Would add" in str(app.screen.query_one("#preview-text").render())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        added = {n: d for n, d in saved_contacts(db_path).items() if n not in known}
        assert added and all(d["stage"] == "prospects" for d in added.values())
        assert {card.name for card in app.screen.column(0).cards} >= set(added)
        await _palette(pilot, "import: contacts from a vcard")  # the same file again
        await _type_path(app, pilot, FIXTURES / "contacts_google.vcf")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert len(saved_contacts(db_path)) == len(known) + len(added)  # nothing twice


async def test_json_export_then_import_into_an_empty_file_restores_the_campaign(
    db_path, clock, tmp_path
):
    demo_file(db_path, clock)
    exported = tmp_path / "campaign-export.json"
    async with running(db_path, clock) as (app, pilot):
        await _export(app, pilot, "export: everything, as json", exported)
    fresh = tmp_path / "fresh.json"
    async with running(fresh, clock) as (app, pilot):
        await _palette(pilot, "import: an infoint export")
        assert isinstance(app.screen, ImportScreen)
        await _type_path(app, pilot, exported)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    restored, original = saved_contacts(fresh), saved_contacts(db_path)
    assert set(restored) == set(original) and len(original) >= 12
    for name, contact in original.items():
        assert restored[name]["stage"] == contact["stage"], name
    assert len(saved_table(fresh, "meetings")) == len(saved_table(db_path, "meetings"))
