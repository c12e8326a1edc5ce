"""The app opens on the board, and quitting writes everything."""

from __future__ import annotations

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.app import InfointApp
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import STAGES


async def test_board_shows_six_columns_and_names(db_path, clock):
    seed = open_campaign(db_path, clock=clock)
    seed.add_contact(Contact(name="Ada Lovelace"))
    app = InfointApp(open_campaign(db_path, clock=clock, autoflush=False), clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        titles = app.screen.view.render_line(0).text  # the view's top line, as painted
        for stage in STAGES:
            assert stage.label in titles
        assert [c.name for c in app.screen.column(0).cards] == ["Ada Lovelace"]
        await pilot.press("right_square_bracket", "ctrl+q")
    assert app.close_store() is None
    assert open_campaign(db_path, clock=clock).contacts()[0].stage.value == "reached-out"
