"""The targets screen (t, or the palette) and the settings screen (palette: "Settings: edit")."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input, OptionList, Static, TextArea

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import DEFAULT_OUTREACH
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.compose import ComposeScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.settings import SettingsScreen
from infoint_tui.screens.target_form import TargetForm, TargetPeople
from infoint_tui.screens.targets import TargetsScreen
from infoint_tui.widgets.confirm import ConfirmScreen
from infoint_tui.widgets.draft_area import DraftArea

from .helpers import demo_file, running, saved_table, settle
from .test_prep import contact_id


def companies(screen: TargetsScreen) -> list[str]:
    return [s.target.company for s in screen.summaries]


def saved_targets(path) -> dict[str, dict]:
    return {t["company"]: t for t in saved_table(path, "targets")}


async def open_targets(app, pilot) -> TargetsScreen:
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, TargetsScreen)
    return app.screen


async def test_targets_are_ranked_with_people_conversations_and_meetings(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_targets(app, pilot)
        assert companies(screen) == [
            "Contoso Learning",
            "Northwind Health",
            "Fabrikam",
            "Proseware",
            "Wingtip",
        ]
        table = screen.query_one(DataTable)
        assert app.focused is table
        fabrikam = [str(cell) for cell in table.get_row_at(2)]
        # rank, company, motivation, now, people, talks, booked, openings, connection
        assert fabrikam == ["3", "Fabrikam", "●●○ keen", "●", "2", "1", "0", "yes", "yes"]
        northwind = [str(cell) for cell in table.get_row_at(1)]
        assert northwind[4:7] == ["2", "0", "1"]  # Daniel's coffee tomorrow is booked
        assert "3 worked now" in str(screen.query_one("#targets-title", Static).render())
        detail = str(screen.query_one("#target-detail", Static).render())
        assert "Grace Okafor (Prospects)" in detail and "Amara Nwosu (Scheduled)" in detail
        unlinked = str(screen.query_one("#unlinked", Static).render())
        assert "Adatum (1)" in unlinked and "Litware (1)" in unlinked


async def test_add_rank_and_mark_active_are_saved(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_targets(app, pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, TargetForm)
        assert app.focused is form.query_one("#t-company", Input)
        await pilot.press(*"Adat", "right")  # the company of a contact is suggested
        assert form.query_one("#t-company", Input).value == "Adatum"
        await pilot.press("enter")  # to the motivation
        await pilot.press("right", "enter")  # from 2 (keen, the default) to 3: dream employer
        form.query_one("#t-openings", Checkbox).value = True
        form.query_one("#t-notes", TextArea).insert("Enterprise research team of 12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        # A dream employer: after the other two, where I already have a connection.
        assert companies(screen).index("Adatum") == 2
        assert screen.current.target.company == "Adatum"  # the cursor is on it
        await settle(app, pilot)
        adatum = saved_targets(db_path)["Adatum"]
        assert adatum["motivation"] == 3 and adatum["posts_openings"] is True
        assert adatum["notes"] == "Enterprise research team of 12" and adatum["active"] is False
        # Rank down with "-", twice: it falls to the bottom, below Wingtip (curious, connected).
        await pilot.press("minus", "minus")
        assert companies(screen)[-2:] == ["Wingtip", "Adatum"]
        assert screen.current.target.company == "Adatum"  # the cursor follows it
        await pilot.press("space")  # worked now
        await settle(app, pilot)
        adatum = saved_targets(db_path)["Adatum"]
        assert adatum["motivation"] == 1 and adatum["active"] is True
        assert "4 worked now" in str(screen.query_one("#targets-title", Static).render())


async def test_more_than_five_worked_at_once_gets_advice(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_targets(app, pilot)
        table = screen.query_one(DataTable)
        for row in (3, 4):  # Proseware, Wingtip: now 5 active
            table.move_cursor(row=row)
            await pilot.press("space")
        advice = lambda: str(screen.query_one("#targets-advice", Static).render())  # noqa: E731
        assert "focus on" not in advice()
        await pilot.press("a", *"Litware", "ctrl+s")
        await pilot.pause()
        await pilot.press("space")
        assert "6 targets are being worked at once: focus on 5 or fewer" in advice()
        assert any("focus on 5 or fewer" in n.message for n in app._notifications)


async def test_a_duplicate_company_is_refused_in_the_form(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await open_targets(app, pilot)
        await pilot.press("a", *"fabrikam inc.", "ctrl+s")
        form = app.screen
        assert isinstance(form, TargetForm)
        assert "Fabrikam is already on the target list" in str(form.query_one("#t-error").render())
        await pilot.press("escape")  # it cannot be saved: asks before discarding
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, TargetsScreen)
        await settle(app, pilot)
        assert len(saved_table(db_path, "targets")) == 5


async def test_edit_delete_and_open_the_people_of_a_target(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        screen = await open_targets(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=2)  # Fabrikam
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, TargetForm)
        form.query_one("#t-industry", Input).value = "fintech"
        await pilot.press("escape")  # escape saves the edit
        assert app.screen is screen
        assert screen.current.target.industry == "fintech"
        await pilot.press("o")
        people = app.screen
        assert isinstance(people, TargetPeople)
        names = [str(o.prompt) for o in people.query_one(OptionList).options]
        assert any("Tomás Herrera" in n for n in names) and any(
            "Hannah Schmidt" in n for n in names
        )
        await pilot.press("enter")
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("escape", "escape")
        assert app.screen is screen
        table.move_cursor(row=4)  # Wingtip
        await pilot.press("d")
        assert "Its 1 contact stays on the board." in str(app.screen.query_one("#detail").render())
        await pilot.press("y")
        await settle(app, pilot)
        saved = saved_targets(db_path)
        assert "Wingtip" not in saved and saved["Fabrikam"]["industry"] == "fintech"
        assert "Wingtip" in str(screen.query_one("#unlinked").render())
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_targets_and_settings_from_the_command_palette(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"Targets: open")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TargetsScreen)
        await pilot.press("ctrl+p", *"Settings: edit", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_a_first_time_user_fills_in_settings_and_the_draft_uses_them(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    from infoint_tui.domain.models import Contact

    repo.add_contact(
        Contact(name="Lena Ortiz", role="Data Journalist", company="Daily Planet",
                industry="media", source="alumni")
    )  # fmt: skip
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, ComposeScreen)
        assert "Your name or pitch is not set" in str(screen.query_one("#compose-to").render())
        assert "[your name]" in screen.query_one(DraftArea).text
        await pilot.press("escape")
        app.open_settings()
        await pilot.pause()
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        assert app.focused is settings.query_one("#s-my_name", Input)
        await pilot.press(*"Jo Park")
        settings.query_one("#s-pitch", Input).value = "a nurse moving into health data"
        settings.query_one("#s-school", Input).value = "Metro State"
        await pilot.pause()
        check = str(settings.query_one("#outreach-check").render())
        assert "follows every rule" in check
        settings.query_one("#s-default_duration_min", Input).value = "90"
        await pilot.press("escape")  # out of range: asks
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert "a number from 10 to 60" in str(
            settings.query_one("#e-default_duration_min").render()
        )
        settings.query_one("#s-default_duration_min", Input).value = "15"
        template = settings.query_one("#s-outreach_template", TextArea)
        template.focus()
        template.insert("XX")
        await pilot.press("ctrl+r")  # the default template comes back
        assert template.text == DEFAULT_OUTREACH
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await settle(app, pilot)
        saved = open_campaign(db_path, clock=clock).settings
        assert (saved.my_name, saved.pitch, saved.school) == (
            "Jo Park",
            "a nurse moving into health data",
            "Metro State",
        )
        assert saved.default_duration_min == 15 and saved.outreach_template == DEFAULT_OUTREACH
        app.screen.show_contact(contact_id(app, "Lena Ortiz"))
        await pilot.press("c")
        text = app.screen.query_one(DraftArea).text
        assert text.startswith("Hi Lena,\n\nAs a fellow Metro State graduate")
        assert "I'm a nurse moving into health data" in text and text.endswith("Jo Park")
        assert "15 minutes" in text and "follows every rule" in str(
            app.screen.query_one("#draft-status").render()
        )
