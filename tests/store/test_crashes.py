"""Crashes and rival writers: kill -9 at any moment loads to a state that was saved, no less."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact
from tests.disk import saved

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and fork")


def _payload(version: int) -> str:
    return f"v{version}:" + f"line {version} of the notes. " * 20_000  # about 600 KB


def _version_of(notes: str) -> int:
    return int(notes.split(":", 1)[0][1:])


def _writer(path: str, start: int, acks: int) -> None:
    """Save version after version, folding every third; say each one once it is saved."""
    campaign = open_campaign(Path(path))
    contact = campaign.contacts()[0]
    for version in range(start, start + 1000):
        contact.notes = _payload(version)
        campaign.save_contact(contact)  # durable when this returns
        if version % 3 == 0:
            campaign.store.engine.fold()
        os.write(acks, f"{version}\n".encode())
    os._exit(0)


@posix_only
@pytest.mark.parametrize("encrypted", [False, True], ids=["clear", "encrypted"])
def test_kill_9_during_appends_and_folds_loads_to_what_was_saved(tmp_path, monkeypatch, encrypted):
    path = tmp_path / "crash.json"
    open_campaign(path).add_contact(Contact(name="Ada", notes=_payload(0)))
    if encrypted:  # the writers find the passphrase in the environment
        from infoint_tui.store.encryption import encrypt

        monkeypatch.setenv("INFOINT_PASSPHRASE", "kill -9 proof")
        encrypt(path, "kill -9 proof", now=datetime.now)
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    acknowledged = 0
    for _ in range(40):
        read_end, write_end = os.pipe()
        child = context.Process(target=_writer, args=(str(path), acknowledged + 1, write_end))
        child.start()
        os.close(write_end)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        with os.fdopen(read_end, "rb") as acks:
            said = [int(line) for line in acks.read().split()]
        acknowledged = max([acknowledged, *said])
        campaign = open_campaign(path)  # the file and the journal always load
        notes = campaign.contacts()[0].notes
        version = _version_of(notes)
        assert notes == _payload(version)  # one whole version
        assert version >= acknowledged  # never less than was said to be saved
        acknowledged = version  # a version saved but killed before saying so is kept too
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    if encrypted:  # what killed writers left (half-written files, journal lines) is sealed too
        files = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert not [p.name for p in files if b"of the notes" in p.read_bytes()]
    open_campaign(path).store.close()  # a later write sweeps what killed writers left
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], leftovers


def _adder(path: str, prefix: str, count: int) -> None:
    campaign = open_campaign(Path(path))
    for i in range(count):
        campaign.add_contact(Contact(name=f"{prefix}{i}"))
        if i % 10 == 9:
            campaign.store.engine.fold()
        time.sleep(random.uniform(0, 0.004))
    os._exit(0)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_two_processes_adding_and_folding_lose_nothing(tmp_path):
    path = tmp_path / "shared.json"
    open_campaign(path)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_adder, args=(str(path), p, 40)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    names = sorted(d["name"] for d in saved(path)["contacts"].values())
    assert names == sorted([f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)])
    keys = list(saved(path)["contacts"])
    assert len(set(keys)) == 80
