"""The app on a campaign holding hostile text or values out of range: every screen draws
without a control character reaching the terminal, user text is never markup, nothing crashes.

The screen is checked twice: the SVG of `export_screenshot()` (what was drawn) and the strips
each widget renders (what the driver would write)."""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.text import has_controls
from infoint_tui.screens.agenda import AgendaScreen
from infoint_tui.screens.board import BoardScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.prep import PrepScreen
from infoint_tui.screens.transfer import ImportScreen
from tests.app.helpers import running, saved_contacts, settle
from tests.formats.helpers import connection, linkedin_csv

from .campaigns import hostile_campaign, out_of_range_campaign
from .corpus import BIDI, CLEAN_NAME, CLEAR, HOSTILE_NAME, OSC52, leaks
from .helpers import saved_text


def drawn(app) -> str:
    """Everything on the screen: the screenshot, and each visible widget's rendered lines."""
    parts = [app.export_screenshot()]
    for widget in app.screen.query("*"):
        if widget.display and widget.region.height:
            for y in range(widget.size.height):
                parts.append("".join(segment.text for segment in widget.render_line(y)))
    return "\n".join(parts)


def assert_clean(app, where: str) -> str:
    shown = drawn(app)
    assert not leaks(shown), f"{where}: {leaks(shown)}"
    return shown


# A name that is also markup: shown as typed, it neither styles nor breaks anything.
MARKUP_NAME = "[/]Ada [b]Lovelace [@click=app.quit]x[/] \\"


@pytest.fixture(params=["escapes", "markup"])
def hostile(request, db_path, clock):
    name = HOSTILE_NAME if request.param == "escapes" else MARKUP_NAME
    contact = hostile_campaign(open_campaign(db_path, clock=clock), name)
    return contact.id


async def test_the_board_draws_names_without_their_escapes(db_path, clock, hostile):
    async with running(db_path, clock) as (app, pilot):
        shown = assert_clean(app, "board")
        assert "Acme" in shown and "Head" in shown
        name = app.campaign.contact(hostile).name
        assert (CLEAN_NAME if name == HOSTILE_NAME else "[/]Ada [b]Lovelace") in shown


@pytest.mark.parametrize(
    "open_screen",
    [
        lambda app, cid: app.open_agenda(),
        lambda app, cid: app.open_insights(),
        lambda app, cid: app.open_targets(),
        lambda app, cid: app.open_settings(),
        lambda app, cid: app.open_brief(cid),
        lambda app, cid: app.open_live_notes(cid),
        lambda app, cid: app.open_composer(cid, "thank-you"),
        lambda app, cid: app.open_composer(cid, "outreach"),
        lambda app, cid: app.push_screen(ContactScreen(cid)),
        lambda app, cid: app.log_touch(cid),
    ],
    ids=[
        "agenda", "insights", "targets", "settings", "brief", "live-notes", "thank-you",
        "outreach", "contact", "log-touch",
    ],
)  # fmt: skip
async def test_every_screen_draws_user_text_clean(db_path, clock, hostile, open_screen):
    async with running(db_path, clock) as (app, pilot):
        open_screen(app, hostile)
        await pilot.pause()
        assert_clean(app, type(app.screen).__name__)
        assert app.is_running and app.return_code is None


async def test_every_prep_tab_draws_clean(db_path, clock, hostile):
    async with running(db_path, clock) as (app, pilot):
        app.open_prep(hostile)
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        tabs = app.screen.query_one(TabbedContent)
        for pane in app.screen.query("TabPane"):
            tabs.active = pane.id or ""
            await pilot.pause()
            assert_clean(app, f"prep {pane.id}")


@pytest.mark.parametrize(
    "name", ["[/]", "Ada [/b]", "x [@click=app.quit]y[/]", "[$accent]Eve", "back\\"]
)
async def test_a_name_is_never_markup(db_path, clock, name):
    repo = open_campaign(db_path, clock=clock)
    contact = repo.add_contact(Contact(name=name, stage=Stage.PROSPECTS))
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("x")  # archive: the notice quotes the name
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["archived"] is True
        (notice,) = list(app._notifications)
        assert notice.message.startswith("Archived ")
        await pilot.press("u")
        await pilot.pause()
        app.push_screen(ContactScreen(contact.id))
        await pilot.pause()
        title = app.screen.query_one("#form-title")
        assert str(title.render()).replace("\u200b", "") == name  # as typed, not as markup
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.is_running


async def test_records_out_of_range_do_not_stop_the_board_or_the_agenda(db_path, clock):
    out_of_range_campaign(open_campaign(db_path, clock=clock))
    async with running(db_path, clock) as (app, pilot):
        shown = drawn(app)
        assert "Ada Lovelace" in shown and "Bob Odd" in shown
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        listing = "\n".join(
            str(option.prompt) for option in app.screen.query_one("#agenda-list").options
        )
        assert "Left out, out of range in the data file" in listing
        assert "meeting endless (Bob Odd): duration_min is 1000000000000000" in listing
        assert not has_controls(listing)


async def test_an_import_in_the_app_previews_and_saves_clean_names(db_path, clock, tmp_path):
    rows = [connection(1, first=f"Ada{OSC52}", last=f"{CLEAR}Lovelace", company=f"Acme{BIDI}")]
    source = tmp_path / "Connections.csv"
    source.write_text(linkedin_csv(rows), encoding="utf-8")
    async with running(db_path, clock) as (app, pilot):
        app.open_transfer("import", "linkedin")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#path").value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = assert_clean(app, "import preview")
        assert CLEAN_NAME in preview and "control characters taken out of: name, company" in preview
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, BoardScreen)
        assert CLEAN_NAME in assert_clean(app, "board after import")
    assert saved_contacts(db_path)[CLEAN_NAME]["company"] == "Acme"
    assert not leaks(saved_text(db_path))


async def test_file_names_with_escapes_are_never_suggested(tmp_path):
    from infoint_tui.widgets.path_input import PathSuggester

    (tmp_path / f"Connections{OSC52}.csv").write_text("x")
    (tmp_path / "Contacts.csv").write_text("x")
    suggester = PathSuggester((".csv",))
    assert await suggester.get_suggestion(str(tmp_path / "Con")) == str(tmp_path / "Contacts.csv")


@pytest.mark.parametrize("name", ["[/]", f"Ada{OSC52} [b]Lovelace"])
async def test_the_command_palette_lists_names_as_typed(db_path, clock, name):
    open_campaign(db_path, clock=clock).add_contact(Contact(name=name, role="[/]", company="X"))
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("ctrl+p", *"go to")
        await pilot.pause(0.3)
        shown = assert_clean(app, "palette")
        assert "[/] @ X" in shown
        assert app.is_running
