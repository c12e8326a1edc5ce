"""Nothing is lost: bad files are never written to, crashes and rival writers lose nothing."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from infoint_tui.store import CorruptFile, NewerSchema, ReadOnlyFile, StoreError
from infoint_tui.store import schema as schema_module
from infoint_tui.store.backups import KEEP_NEWEST, list_backups, make_backup, newest_backup
from infoint_tui.store.writer import BackgroundWriter

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")


def test_corrupt_file_is_refused_and_left_untouched(db_path, clock):
    db_path.write_text('{"contacts": {"1": {"name": "Ada"')
    before = db_path.read_bytes()
    with pytest.raises(CorruptFile) as caught:
        open_campaign(db_path, clock=clock)
    message = str(caught.value)
    assert str(db_path) in message and "not valid JSON" in message and "no backup" in message
    assert db_path.read_bytes() == before


def test_corrupt_file_message_names_the_newest_backup(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(Contact(name="Ada"))
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
        (
            '{"contacts": {"1": {"id": "a", "name": "Ada", "stage": "sleeping"}}}',
            "contacts record 1",
        ),
        ('{"people": {"1": {"name": "Ada"}}}', "not an infoint data file"),
    ],
)
def test_files_of_the_wrong_shape_are_refused(db_path, clock, content, problem):
    db_path.write_text(content)
    with pytest.raises(CorruptFile, match=problem):
        open_campaign(db_path, clock=clock)
    assert db_path.read_text() == content


def test_newer_schema_is_never_written(db_path, clock):
    content = json.dumps({"meta": {"1": {"schema": 99}}, "contacts": {}})
    db_path.write_text(content)
    with pytest.raises(NewerSchema, match="schema 99"):
        open_campaign(db_path, clock=clock)
    assert db_path.read_text() == content


def test_migration_backs_up_first(db_path, clock, monkeypatch):
    old = {
        "meta": {"1": {"schema": 1}},
        "contacts": {"1": {"id": "a", "name": "Ada", "stage": "prospects"}},
    }
    db_path.write_text(json.dumps(old))

    def to_v2(data):
        for doc in data["contacts"].values():
            doc["name"] = doc["name"].upper()
        return data

    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema_module.MIGRATIONS, 1, to_v2)
    import infoint_tui.store.engine as engine

    monkeypatch.setattr(engine, "SCHEMA_VERSION", 2)
    repo = open_campaign(db_path, clock=clock)
    assert repo.contact("a").name == "ADA"
    assert json.loads(db_path.read_text())["meta"]["1"]["schema"] == 2
    (backup,) = list_backups(db_path)
    assert "schema1" in backup.name and json.loads(backup.read_text()) == old


def test_backups_rotate_keeping_newest_and_one_per_day(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(Contact(name="Ada"))
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


def test_first_write_of_a_session_backs_up_the_old_file(db_path, clock):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    before = db_path.read_text()
    clock.advance(hours=1)
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Bob"))
    assert json.loads(newest_backup(db_path).read_text()) == json.loads(before)


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_file_is_reported_and_kept(db_path, clock):
    repo = open_campaign(db_path, clock=clock)
    repo.add_contact(Contact(name="Ada"))
    os.chmod(db_path, 0o400)
    with pytest.raises(ReadOnlyFile, match="read-only"):
        repo.add_contact(Contact(name="Bob"))
    assert repo.store.dirty  # the change is still pending, not dropped


@posix_only
def test_read_only_flag_is_honoured_even_for_root(db_path, clock, monkeypatch):
    repo = open_campaign(db_path, clock=clock)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(ReadOnlyFile):
        repo.add_contact(Contact(name="Ada"))
    monkeypatch.undo()
    repo.store.flush()
    assert [d["name"] for d in json.loads(db_path.read_text())["contacts"].values()] == ["Ada"]


def test_missing_folder_is_a_clear_error(tmp_path, clock):
    with pytest.raises(StoreError, match="does not exist"):
        open_campaign(tmp_path / "nowhere" / "x.json", clock=clock)


def test_a_folder_is_not_a_data_file(tmp_path, clock):
    with pytest.raises(StoreError, match="is a folder"):
        open_campaign(tmp_path, clock=clock)


def test_external_change_is_merged_not_overwritten(db_path, clock):
    mine = open_campaign(db_path, clock=clock)
    theirs = open_campaign(db_path, clock=clock)
    mine.add_contact(Contact(name="Ada"))
    theirs.add_contact(Contact(name="Bob"))  # theirs read the file before Ada existed
    mine.add_contact(Contact(name="Cy"))
    names = sorted(d["name"] for d in json.loads(db_path.read_text())["contacts"].values())
    assert names == ["Ada", "Bob", "Cy"]
    assert sorted(c.name for c in mine.contacts()) == ["Ada", "Bob", "Cy"]
    doc_ids = list(json.loads(db_path.read_text())["contacts"])
    assert len(set(doc_ids)) == 3


def test_stale_temp_files_of_dead_writers_are_removed(db_path, clock):
    open_campaign(db_path, clock=clock).add_contact(Contact(name="Ada"))
    stale = db_path.with_name(f".{db_path.name}.999999999.deadbeef.tmp")
    stale.write_text("half")
    repo = open_campaign(db_path, clock=clock)
    assert stale.exists()  # opening reads only; the first write sweeps
    repo.add_contact(Contact(name="Bob"))
    assert not stale.exists()


def test_background_writer_saves_and_reports(db_path, clock):
    repo = open_campaign(db_path, clock=clock, autoflush=False)
    saves = []
    writer = BackgroundWriter(repo.store, clock.now, on_saved=saves.append)
    repo.store.on_change = writer.request
    repo.add_contact(Contact(name="Ada"))
    assert writer.wait_idle(5)
    assert saves and "Ada" in db_path.read_text()
    writer.close()


def test_recovery_copy_holds_everything(db_path, clock):
    repo = open_campaign(db_path, clock=clock, autoflush=False)
    repo.add_contact(Contact(name="Ada"))
    copy = repo.store.write_recovery_copy()
    assert "Ada" in copy.read_text() and copy.parent == db_path.parent


# -- real processes ------------------------------------------------------------------------------


def _writer_loop(path: str, rounds: int) -> None:
    """Rewrite a multi-MB file again and again; each version is self-checking."""
    repo = open_campaign(Path(path), autoflush=False)
    contact = repo.contacts()[0]
    for version in range(1, rounds + 1):
        contact.notes = _payload(version)
        repo.save_contact(contact)
        repo.store.flush()
    os._exit(0)


def _payload(version: int) -> str:
    return f"v{version}:" + (f"line {version} of the notes. " * 40 + "\n") * 3000


@posix_only
def test_sigkill_during_writes_never_breaks_the_file(tmp_path):
    path = tmp_path / "crash.json"
    repo = open_campaign(path)
    repo.add_contact(Contact(name="Ada", notes=_payload(0)))
    assert path.stat().st_size > 2_000_000
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    kills = 0
    versions = set()
    for _ in range(50):
        child = context.Process(target=_writer_loop, args=(str(path), 1000))
        child.start()
        time.sleep(rng.uniform(0.005, 0.06))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        kills += child.exitcode == -signal.SIGKILL
        data = json.loads(path.read_text())  # always parses
        (doc,) = data["contacts"].values()
        version = int(doc["notes"].split(":", 1)[0][1:])
        assert doc["notes"] == _payload(version)  # one whole version, old or new
        versions.add(version)
        survivor = open_campaign(path)  # the next writer sweeps the dead writer's temp file
        survivor.save_contact(survivor.contacts()[0])
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert kills >= 45
    assert len(versions) > 1  # the children really were writing when killed


def _adder(path: str, prefix: str, count: int) -> None:
    repo = open_campaign(Path(path))
    for i in range(count):
        repo.add_contact(Contact(name=f"{prefix}{i}"))
        time.sleep(random.uniform(0, 0.004))
    os._exit(0)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_two_processes_adding_lose_nothing(tmp_path):
    path = tmp_path / "shared.json"
    open_campaign(path)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_adder, args=(str(path), p, 40)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    data = json.loads(path.read_text())
    names = sorted(d["name"] for d in data["contacts"].values())
    assert names == sorted([f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)])
    assert len({d["id"] for d in data["contacts"].values()}) == 80
