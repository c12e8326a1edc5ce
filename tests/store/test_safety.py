"""Safety of the data: bad files are never written to, odd places are refused, backups come back."""

from __future__ import annotations

import json
import os
import socket
import stat
from datetime import timedelta

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.cli import main
from infoint_tui.domain.models import Contact
from infoint_tui.store import CorruptFile, NewerSchema, ReadOnlyFile, StoreError, journal
from infoint_tui.store.backups import (
    KEEP_NEWEST,
    backup_folder,
    list_backups,
    make_backup,
    newest_backup,
)
from infoint_tui.store.errors import CampaignReplaced
from infoint_tui.store.tinydb_storage import CampaignStorage
from infoint_tui.store.worker import StoreThread
from tests.disk import saved

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files and permissions")
SCHEMA_1 = {
    "meta": {"1": {"schema": 1}},
    "contacts": {"1": {"id": "a", "name": "Ada", "stage": "prospects"}},
    "meetings": {"1": {"id": "m", "contact_id": "a", "duration_min": 20}},
    "meeting_notes": {"1": {"id": "m", "notes": "kept"}},
}


def test_corrupt_file_is_refused_and_left_untouched(db_path, clock):
    db_path.write_text('{"contacts": {"1": {"name": "Ada"')
    before = db_path.read_bytes()
    with pytest.raises(CorruptFile) as caught:
        open_campaign(db_path, clock=clock)
    message = str(caught.value)
    assert str(db_path) in message and "not valid JSON" in message and "no backup" in message
    assert db_path.read_bytes() == before


def test_corrupt_file_message_names_the_newest_backup(db_path, clock):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    backup = make_backup(db_path, clock.now(), force=True)
    db_path.write_bytes(b"\x00\xff garbage")
    with pytest.raises(CorruptFile, match=str(backup.name)):
        open_campaign(db_path, clock=clock)


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[1, 2, 3]", "top level is a JSON list"),
        ('{"contacts": []}', "is not a JSON object"),
        ('{"contacts": {"x": {}}}', "malformed record"),
        ('{"people": {"1": {"name": "Ada"}}}', "not an infoint data file"),
        ('{"meta": {"1": {"schema": 0}}}', "not a version infoint ever wrote"),
        ('{"meta": {"1": {"schema": -3}}}', "not a version infoint ever wrote"),
        ('{"meta": {"1": {"schema": "2"}}}', "not a whole number"),
        ('{"meta": {"1": {"schema": 2.0}}}', "not a whole number"),
        ('{"meta": {"1": {"schema": 1e3}}}', "not a whole number"),
        (
            '{"contacts": {"1": {"id": "a", "name": "A"}, "2": {"id": "a", "name": "B"}}}',
            "two records with the id",
        ),  # fmt: skip
    ],
)
def test_files_of_the_wrong_shape_are_refused_and_never_written(
    db_path, clock, content, problem, capsys
):
    db_path.write_text(content)
    with pytest.raises(CorruptFile, match=problem):
        open_campaign(db_path, clock=clock)
    assert main(["add", "Bob", "--db", str(db_path)]) == 1
    assert problem in capsys.readouterr().err
    assert db_path.read_text() == content
    assert not journal.journal_path(db_path).exists()


def test_a_record_that_cannot_be_read_is_reported_and_kept(db_path, clock, capsys):
    content = {
        "meta": {"1": {"schema": 2}},
        "contacts": {
            "1": {"id": "a", "name": "Ada", "stage": "sleeping"},
            "2": {"id": "b", "name": "Bob"},
        },
    }
    db_path.write_text(json.dumps(content))
    campaign = open_campaign(db_path, clock=clock)
    assert [c.name for c in campaign.contacts()] == ["Bob"]
    assert "sleeping" in campaign.store.unreadable[("contacts", "a")]
    campaign.add_contact(Contact(name="Cy"))
    campaign.store.close()
    kept = CampaignStorage(db_path).read()["contacts"]["1"]  # type: ignore[index]
    assert kept == content["contacts"]["1"]  # kept as it was


def test_newer_schema_is_never_written(db_path, clock):
    content = json.dumps({"meta": {"1": {"schema": 99}}, "contacts": {}})
    db_path.write_text(content)
    with pytest.raises(NewerSchema, match="schema 99"):
        open_campaign(db_path, clock=clock)
    assert db_path.read_text() == content


def test_an_older_file_is_backed_up_then_rewritten_in_lines(db_path, clock):
    old = json.dumps(SCHEMA_1)
    db_path.write_text(old)
    campaign = open_campaign(db_path, clock=clock)
    assert campaign.contact("a").name == "Ada" and campaign.meeting("m").notes == "kept"
    (backup,) = list_backups(db_path)
    assert "schema1" in backup.name and backup.read_text() == old
    assert db_path.read_text().startswith('{\n"meta":{\n')
    assert saved(db_path)["meta"]["1"]["schema"] == 2
    assert open_campaign(db_path, clock=clock).meeting("m").notes == "kept"


def test_reading_an_older_file_without_writing_changes_nothing(db_path, clock, capsys):
    db_path.write_text(json.dumps(SCHEMA_1))
    before = db_path.read_bytes()
    assert main(["list", "--db", str(db_path)]) == 0
    assert "Ada" in capsys.readouterr().out
    assert db_path.read_bytes() == before and not backup_folder(db_path).exists()


def test_backups_rotate_keeping_newest_and_one_per_day(db_path, clock):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    start = clock.now()
    for day in reversed(range(40)):  # forty days of sessions, oldest first
        for hour in (17, 13, 9):
            moment = start - timedelta(days=day, hours=hour)
            make_backup(db_path, moment, force=True)
    backups = list_backups(db_path)
    days = {b.name.split("-")[1] for b in backups}
    assert len(backups) <= KEEP_NEWEST + 31
    assert len(days) >= 30
    assert newest_backup(db_path) == backups[-1]


def test_each_fold_keeps_the_file_it_replaces(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    campaign.add_contact(Contact(name="Ada"))
    campaign.store.close()
    before = db_path.read_bytes()
    clock.advance(hours=1)
    campaign.add_contact(Contact(name="Bob"))
    campaign.store.close()
    assert newest_backup(db_path).read_bytes() == before


def test_a_backup_that_cannot_be_made_is_a_warning_and_the_save_goes_on(db_path, clock, capsys):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    backup_folder(db_path).write_text("a file where the backup folder goes")
    campaign = open_campaign(db_path, clock=clock)
    campaign.add_contact(Contact(name="Bob"))
    campaign.store.close()
    assert sorted(c["name"] for c in saved(db_path)["contacts"].values()) == ["Ada", "Bob"]
    assert (
        campaign.store.engine.warnings and "no backup was made" in campaign.store.engine.warnings[0]
    )


@posix_only
def test_a_symlinked_data_file_stays_a_link(tmp_path, clock):
    target = tmp_path / "real" / "campaign.json"
    target.parent.mkdir()
    link = tmp_path / "campaign.json"
    link.symlink_to(target)
    campaign = open_campaign(link, clock=clock)
    campaign.add_contact(Contact(name="Ada"))
    campaign.store.close()
    assert link.is_symlink() and link.resolve() == target
    assert [c["name"] for c in saved(target)["contacts"].values()] == ["Ada"]


@posix_only
def test_an_export_over_a_symlink_writes_its_target(tmp_path, db_path, capsys):
    target = tmp_path / "exports" / "out.csv"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    main(["add", "Ada", "--db", str(db_path)])
    assert main(["export", "csv", "-o", str(link), "--db", str(db_path)]) == 0
    assert link.is_symlink() and "Ada" in target.read_text()


@posix_only
def test_a_pipe_or_a_socket_is_refused_at_once_and_left_as_it_is(tmp_path, capsys):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for path in (fifo, sock_path):
            assert main(["add", "X", "--db", str(path)]) == 1
            assert "not a regular file" in capsys.readouterr().err
            assert not stat.S_ISREG(os.stat(path).st_mode)
    finally:
        server.close()


def test_an_empty_file_with_backups_beside_it_is_not_a_new_campaign(db_path, clock):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    backup = make_backup(db_path, clock.now(), force=True)
    db_path.write_bytes(b"")
    with pytest.raises(CorruptFile, match=f"empty.*{backup.name}"):
        open_campaign(db_path, clock=clock)
    assert db_path.read_bytes() == b""


def test_the_lock_is_owner_only_and_a_folder_in_its_place_is_one_line(db_path, clock, capsys):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    lock = db_path.with_name(db_path.name + ".lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    lock.unlink()
    lock.mkdir()
    assert main(["add", "Bob", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_a_read_only_save_is_reported_and_kept_pending(db_path, clock, monkeypatch):
    campaign = open_campaign(db_path, clock=clock, autoflush=False)

    def refused(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(journal, "append", refused)
    campaign.add_contact(Contact(name="Ada"))
    with pytest.raises(ReadOnlyFile, match="permission denied"):
        campaign.store.flush()
    assert campaign.store.dirty  # the change is still pending, not dropped
    monkeypatch.undo()
    campaign.store.flush()
    assert [c["name"] for c in saved(db_path)["contacts"].values()] == ["Ada"]


def test_missing_folder_is_a_clear_error(tmp_path, clock):
    with pytest.raises(StoreError, match="does not exist"):
        open_campaign(tmp_path / "nowhere" / "x.json", clock=clock)


def test_a_folder_is_not_a_data_file(tmp_path, clock):
    with pytest.raises(StoreError, match="is a folder"):
        open_campaign(tmp_path, clock=clock)


def test_leftovers_of_killed_writers_are_swept(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    campaign.add_contact(Contact(name="Ada"))
    campaign.store.close()
    folder = backup_folder(db_path)
    stale = [
        db_path.with_name(f".{db_path.name}.999999999.deadbeef.tmp"),
        folder / ".campaign-20261118-093000.json.999999999.cafe0001.tmp",
    ]
    for path in stale:
        path.write_text("half")
    clock.advance(hours=1)
    campaign.add_contact(Contact(name="Bob"))
    campaign.store.close()
    assert not any(path.exists() for path in stale)


def test_the_store_thread_saves_and_reports(db_path, clock):
    campaign = open_campaign(db_path, clock=clock, autoflush=False)
    saves = []
    thread = StoreThread(campaign.store, clock.now, on_saved=saves.append)
    campaign.store.on_change = lambda changed, elsewhere: thread.request()
    campaign.add_contact(Contact(name="Ada"))
    assert thread.wait_idle(10)
    assert saves and [c["name"] for c in saved(db_path)["contacts"].values()] == ["Ada"]
    thread.stop()


def test_recovery_copy_holds_everything(db_path, clock):
    campaign = open_campaign(db_path, clock=clock, autoflush=False)
    campaign.add_contact(Contact(name="Ada"))
    copy = campaign.store.write_recovery_copy()
    assert "Ada" in copy.read_text() and copy.parent == db_path.parent


def test_a_file_replaced_by_another_campaign_is_no_longer_written(db_path, tmp_path, clock):
    mine = open_campaign(db_path, clock=clock)
    mine.add_contact(Contact(name="Ada"))
    other = tmp_path / "other.json"
    open_campaign(other, clock=clock).add_contact(Contact(name="Zed"))
    open_campaign(other, clock=clock).store.close()
    os.replace(other, db_path)
    before = db_path.read_bytes()
    mine.store.engine.poll()
    assert mine.store.engine.stopped and "another campaign" in mine.store.engine.stopped
    with pytest.raises(CampaignReplaced):
        mine.add_contact(Contact(name="Bob"))
    assert db_path.read_bytes() == before


def test_backups_are_listed_and_one_is_restored(db_path, clock, capsys):
    campaign = open_campaign(db_path, clock=clock)
    campaign.add_contact(Contact(name="Ada"))
    campaign.store.close()
    clock.advance(hours=1)
    campaign.add_contact(Contact(name="Bob"))
    campaign.store.close()  # the file with Ada alone is kept as a backup
    assert main(["backups", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "newest first" in out and " 1  " in out and "1 contact" in out
    assert main(["add", "Cy", "--db", str(db_path)]) == 0  # still in the journal
    assert main(["restore", "--db", str(db_path)]) == 0
    assert [c["name"] for c in saved(db_path)["contacts"].values()] == ["Ada"]
    assert not journal.journal_path(db_path).exists()
    newest = newest_backup(db_path)
    assert "before-restore" in newest.name
    assert sorted(c["name"] for c in saved(newest)["contacts"].values()) == ["Ada", "Bob", "Cy"]


def test_restore_refuses_a_backup_that_does_not_load(db_path, tmp_path, clock, capsys):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    before = saved(db_path)
    assert main(["restore", str(broken), "--db", str(db_path)]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert saved(db_path) == before
