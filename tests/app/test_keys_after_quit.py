"""Keys typed in the same burst as `q`: the app quits cleanly and opens nothing more."""

from __future__ import annotations

import pytest
from textual import events

from .helpers import demo_file, make_app


@pytest.mark.parametrize("after", ["a", "s", "t", "n"])
async def test_a_key_right_after_q_opens_nothing_and_quits_cleanly(tmp_path, clock, after):
    app = make_app(demo_file(tmp_path / "demo.json", clock), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Posted together, as a terminal delivers "qa" typed in one burst.
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(after, after))
        await pilot.pause()
    assert app.return_code == 0
    assert app.close_store() is None
