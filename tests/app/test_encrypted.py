"""The app on an encrypted campaign: the board, notes typed and saved sealed, the passphrase asked."""

from __future__ import annotations

import argparse
import errno
import getpass

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.app import InfointApp
from infoint_tui.cli import encryption as cli_encryption
from infoint_tui.domain.models import Contact
from infoint_tui.store import journal
from infoint_tui.store.encryption import encrypt
from tests.app.live_notes_helpers import live_screen, saved_meeting, seed_meeting, settle

PASSPHRASE = "tea at four"


def sealed_demo(db_path, clock) -> None:
    seed_demo(open_campaign(db_path, clock=clock), clock.now())
    encrypt(db_path, PASSPHRASE, now=clock.now)


def on_disk(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


async def test_the_board_of_an_encrypted_campaign_and_a_note_saved_sealed(
    db_path, clock, monkeypatch
):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    encrypt(db_path, PASSPHRASE, now=clock.now)
    assert b"Ada Lovelace" not in on_disk(db_path.parent)
    campaign = open_campaign(db_path, clock=clock, autoflush=False, passphrase=PASSPHRASE)
    app = InfointApp(campaign, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the notes checked after the first paint
        cards = [card.name for i in range(6) for card in app.screen.column(i).cards]
        assert cards == ["Ada Lovelace"]
        app.open_live_notes(contact_id)
        await pilot.press(*"She hires from bootcamps", "ctrl+s")
        assert live_screen(app).editor.text == "She hires from bootcamps"
        await settle(app, pilot)
        assert b"bootcamps" not in on_disk(db_path.parent)  # the journal line is sealed
        monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
        assert saved_meeting(db_path, meeting_id)["notes"] == "She hires from bootcamps"
        monkeypatch.delenv("INFOINT_PASSPHRASE")
        await pilot.press(*" and trains them", "ctrl+q")
    assert app.close_store() is None  # folded into the file
    assert b"bootcamps" not in on_disk(db_path.parent)
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    notes = saved_meeting(db_path, meeting_id)["notes"]
    assert notes == "She hires from bootcamps and trains them"


async def test_a_change_by_another_program_reaches_the_open_board(db_path, clock):
    sealed_demo(db_path, clock)
    campaign = open_campaign(db_path, clock=clock, autoflush=False, passphrase=PASSPHRASE)
    app = InfointApp(campaign, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        other = open_campaign(db_path, clock=clock, passphrase=PASSPHRASE)
        other.add_contact(Contact(name="Octavia Butler"))
        app.session.campaign.store.engine.poll()  # what the store thread does every second
        await pilot.pause()
        names = [card.name for card in app.screen.column(0).cards]
        assert "Octavia Butler" in names
    assert app.close_store() is None


async def test_a_recovery_copy_of_an_encrypted_campaign_is_sealed(db_path, clock, monkeypatch):
    contact_id, meeting_id = seed_meeting(db_path, clock)
    encrypt(db_path, PASSPHRASE, now=clock.now)
    campaign = open_campaign(db_path, clock=clock, autoflush=False, passphrase=PASSPHRASE)
    app = InfointApp(campaign, clock=clock)

    def disk_full(*args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(100, 30)) as pilot:
        app.open_live_notes(contact_id)
        await pilot.press(*"Irreplaceable words")
        monkeypatch.setattr(journal, "append", disk_full)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        copy = app.recovery_copy
        assert copy is not None and copy.parent == db_path.parent
        assert b"Irreplaceable" not in copy.read_bytes()
        monkeypatch.undo()
        recovered = open_campaign(copy, clock=clock, create=False, passphrase=PASSPHRASE)
        assert recovered.store.meeting(meeting_id).notes == "Irreplaceable words"
    assert app.close_store() is None


def test_the_app_asks_for_the_passphrase_before_the_screen_opens(db_path, clock, monkeypatch):
    from infoint_tui.cli.launch import launch

    sealed_demo(db_path, clock)
    events: list[str] = []
    monkeypatch.setattr(cli_encryption, "can_ask", lambda: True)

    def ask(prompt: str = "") -> str:
        events.append(f"asked: {prompt}")
        return PASSPHRASE

    def run(app: InfointApp) -> None:
        names = [row.name for row in app.campaign.store.contact_rows()]
        events.append(f"screen opened on {len(names)} contacts")

    monkeypatch.setattr(getpass, "getpass", ask)
    monkeypatch.setattr(InfointApp, "run", run)
    assert launch(argparse.Namespace(demo=False), db_path) == 0
    assert events == ["asked: Passphrase for campaign.json: ", "screen opened on 12 contacts"]
