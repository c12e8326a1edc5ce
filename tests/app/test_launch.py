"""The app opens on the board, and every change made in it reaches the file."""

from __future__ import annotations

from infoint_tui.app import InfointApp
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import STAGES
from infoint_tui.store import Repository


async def test_board_shows_six_columns_and_names(db_path, clock):
    seed = Repository(db_path, clock=clock)
    seed.add_contact(Contact(name="Ada Lovelace"))
    app = InfointApp(Repository(db_path, clock=clock, autoflush=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Label, Static"))
        for stage in STAGES:
            assert stage.label in text
        assert "Ada Lovelace" in text
    assert app.close_store() is None
