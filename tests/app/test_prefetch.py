"""Start-up with the board prepared by a second process: same cards, then live ones."""

from __future__ import annotations

import os

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.app import InfointApp
from infoint_tui.domain.board import build_cards
from infoint_tui.domain.stages import Stage
from infoint_tui.prefetch import board_payload, cards_from, start_prefetch

from .helpers import demo_file, saved_contacts, settle

posix_only = pytest.mark.skipif(os.name != "posix", reason="fork")


def _visible(cards):
    return sorted(
        (c.name, c.stage.value, c.detail, c.tags, c.due.text if c.due else None)
        for c in cards.values()
    )


def test_prepared_cards_are_the_live_cards(db_path, clock, monkeypatch):
    demo_file(db_path, clock)
    monkeypatch.setattr("infoint_tui.domain.clock.SystemClock.now", lambda self: clock.now())
    payload = board_payload(db_path)
    repo = open_campaign(db_path, clock=clock)
    live = build_cards(
        repo.contact_rows(), repo.reminders(), repo.meeting_slots(upcoming=True), clock.now()
    )
    assert _visible(cards_from(payload)) == _visible(live)


@posix_only
def test_the_child_sends_the_payload_and_never_writes(db_path, clock):
    demo_file(db_path, clock)
    before = db_path.read_bytes()
    prefetch = start_prefetch(db_path)
    assert prefetch is not None
    payload = prefetch.result()
    assert payload is not None and len(payload["cards"]) == 12
    assert db_path.read_bytes() == before


@posix_only
def test_a_broken_file_gives_no_payload(db_path):
    db_path.write_text("{broken")
    prefetch = start_prefetch(db_path)
    assert prefetch is not None and prefetch.result() is None


async def test_app_paints_prepared_cards_then_goes_live(db_path, clock):
    demo_file(db_path, clock)
    payload = board_payload(db_path)
    opened = []

    def opener():
        opened.append(True)
        return open_campaign(db_path, clock=clock, autoflush=False, eager=False)

    app = InfointApp(opener=opener, clock=clock, prefetched=payload)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        board = app.screen
        assert opened == [True]
        assert all(
            card.item is not None or card.due is None for card in board.cards.values()
        )  # live
        name = board.column(0).cards[0].name
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["stage"] == Stage.REACHED_OUT.value
    assert app.close_store() is None


async def test_a_key_before_the_file_is_open_waits_for_it(db_path, clock):
    demo_file(db_path, clock)
    payload = board_payload(db_path)
    app = InfointApp(
        opener=lambda: open_campaign(db_path, clock=clock, autoflush=False, eager=False),
        clock=clock,
        prefetched=payload,
    )
    app.load_in_background = lambda: None  # as if the worker had not started yet
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        assert app._repo is None
        name = app.screen.column(0).cards[0].name
        await pilot.press("right_square_bracket")  # opens the file there and then
        await settle(app, pilot)
        assert saved_contacts(db_path)[name]["stage"] == "reached-out"
    assert app.close_store() is None
