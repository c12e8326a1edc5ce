"""`infoint encrypt` and `infoint decrypt`, and every command on an encrypted file."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tinydb import TinyDB

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.cli import encryption as cli_encryption
from infoint_tui.cli import main
from infoint_tui.store.backups import list_backups

PASSPHRASE = "a long walk on the beach"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(db_path, clock):
    campaign = open_campaign(db_path, clock=clock)
    seed_demo(campaign, clock.now())
    campaign.store.close()
    return db_path


def files_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def typed(monkeypatch, *answers: str) -> list[str]:
    """The terminal, where the passphrase is typed: `answers` in turn; returns the prompts."""
    prompts: list[str] = []
    given = iter(answers)
    monkeypatch.setattr(cli_encryption, "can_ask", lambda: True)

    def ask(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(given)

    monkeypatch.setattr(getpass, "getpass", ask)
    return prompts


def test_encrypt_then_add_list_export_work_with_the_passphrase(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "encrypt", "--db", str(demo_db))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"encrypted {demo_db}",
        f"encrypted {len(list_backups(demo_db))} backups",
    ]
    assert b"Priya Raman" not in demo_db.read_bytes()
    code, out, _ = run(capsys, "add", "Zora Neale", "--company", "Harlem", "--db", str(demo_db))
    assert code == 0 and "added Zora Neale" in out
    code, out, _ = run(capsys, "list", "--db", str(demo_db))
    assert code == 0 and "Priya Raman" in out and "Zora Neale" in out
    code, out, _ = run(capsys, "export", "json", "--db", str(demo_db))
    names = [c["name"] for c in json.loads(out)["contacts"]]
    assert code == 0 and "Zora Neale" in names and "Hannah Schmidt" in names
    assert all(b"Zora" not in data for data in files_under(demo_db.parent).values())


def test_a_wrong_passphrase_is_one_line_and_nothing_is_written(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    run(capsys, "encrypt", "--db", str(demo_db))
    before = files_under(demo_db.parent)
    monkeypatch.setenv("INFOINT_PASSPHRASE", "a short walk")
    for argv in (["list"], ["add", "Mallory"], ["export", "csv"], ["decrypt"], ["encrypt"]):
        code, out, err = run(capsys, *argv, "--db", str(demo_db))
        assert code == 1 and out == ""
        assert err == f"infoint: wrong passphrase for {demo_db}; nothing was read or written\n"
    after = {
        p: d for p, d in files_under(demo_db.parent).items() if not p.name.endswith(".session")
    }
    assert after == {p: d for p, d in before.items() if not p.name.endswith(".session")}


def test_decrypt_brings_back_a_plain_file_tinydb_reads(capsys, demo_db, monkeypatch, keyring):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    run(capsys, "encrypt", "--db", str(demo_db), "--keyring")
    code, out, err = run(capsys, "decrypt", "--db", str(demo_db))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"decrypted {demo_db}"
    assert "the passphrase was removed from the system keyring" in out
    assert keyring.get_password("infoint", os.path.realpath(demo_db)) is None
    monkeypatch.delenv("INFOINT_PASSPHRASE")
    names = [doc["name"] for doc in TinyDB(demo_db).table("contacts").all()]
    assert "Priya Raman" in names
    for backup in list_backups(demo_db):
        assert b'"crypt"' not in backup.read_bytes()
    code, out, _ = run(capsys, "list", "--db", str(demo_db))  # no passphrase asked for
    assert code == 0 and "Priya Raman" in out


def test_the_passphrase_is_asked_twice_when_set_and_once_after(capsys, demo_db, monkeypatch):
    prompts = typed(monkeypatch, PASSPHRASE, PASSPHRASE)
    code, out, _ = run(capsys, "encrypt", "--db", str(demo_db))
    assert code == 0 and out.startswith("encrypted")
    assert prompts == ["New passphrase for campaign.json: ", "The same passphrase again: "]
    prompts = typed(monkeypatch, PASSPHRASE)
    code, out, _ = run(capsys, "list", "--db", str(demo_db))
    assert code == 0 and "Priya Raman" in out and prompts == ["Passphrase for campaign.json: "]
    typed(monkeypatch, "not it")
    code, out, err = run(capsys, "list", "--db", str(demo_db))
    assert (code, out) == (1, "") and "wrong passphrase" in err and len(err.splitlines()) == 1


def test_two_different_passphrases_change_nothing(capsys, demo_db, monkeypatch):
    before = files_under(demo_db.parent)
    typed(monkeypatch, PASSPHRASE, PASSPHRASE + "!")
    code, out, err = run(capsys, "encrypt", "--db", str(demo_db))
    assert (code, out) == (1, "")
    assert err == "infoint: the two passphrases differ; nothing was changed\n"
    typed(monkeypatch, "")
    code, _, err = run(capsys, "encrypt", "--db", str(demo_db))
    assert code == 1 and err == "infoint: no passphrase was typed; nothing was changed\n"
    after = files_under(demo_db.parent)
    assert {p: d for p, d in after.items() if p.suffix != ".session"} == before


def test_the_keyring_keeps_the_passphrase(capsys, demo_db, monkeypatch, keyring):
    typed(monkeypatch, PASSPHRASE, PASSPHRASE)
    code, out, _ = run(capsys, "encrypt", "--keyring", "--db", str(demo_db))
    assert code == 0
    user = os.path.realpath(demo_db)
    assert f"the passphrase is in the system keyring (service infoint, user {user})" in out
    assert keyring.get_password("infoint", user) == PASSPHRASE
    prompts = typed(monkeypatch)
    code, out, _ = run(capsys, "list", "--db", str(demo_db))
    assert code == 0 and "Priya Raman" in out and prompts == []  # not asked


def test_a_keyring_that_cannot_keep_it_is_said(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "encrypt", "--keyring", "--db", str(demo_db))
    # The tests' default keyring is keyring's null backend: it keeps nothing, silently.
    assert code == 0 and "the passphrase was not kept: the system keyring did not keep it" in out
    run(capsys, "decrypt", "--db", str(demo_db))
    import keyring as keyring_module

    def broken(*_: object) -> None:
        raise RuntimeError("no secret service on this bus")

    monkeypatch.setattr(keyring_module, "set_password", broken)
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "encrypt", "--keyring", "--db", str(demo_db))
    assert code == 0 and out.splitlines()[0] == f"encrypted {demo_db}"
    assert (
        "the passphrase was not kept: the system keyring could not keep it "
        "(no secret service on this bus)" in out
    )


def test_encrypting_twice_checks_the_passphrase_and_says_so(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    run(capsys, "encrypt", "--db", str(demo_db))
    code, out, _ = run(capsys, "encrypt", "--db", str(demo_db))
    assert code == 0 and out == f"{demo_db} was encrypted already\n"


def test_no_terminal_and_no_passphrase_is_one_line(demo_db, tmp_path):
    environment = {**os.environ, "INFOINT_PASSPHRASE": PASSPHRASE}
    encrypt = [sys.executable, "-m", "infoint_tui", "encrypt", "--db", str(demo_db)]
    assert subprocess.run(encrypt, env=environment, capture_output=True).returncode == 0
    del environment["INFOINT_PASSPHRASE"]
    listing = subprocess.run(
        [sys.executable, "-m", "infoint_tui", "list", "--db", str(demo_db)],
        env=environment,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert listing.returncode == 1 and listing.stdout == ""
    assert listing.stderr == (
        f"infoint: {demo_db} is encrypted and there is no terminal to ask for its passphrase "
        "on: set INFOINT_PASSPHRASE, or keep it in the system keyring "
        "(`infoint encrypt --keyring`)\n"
    )


@pytest.mark.parametrize("command", ["encrypt", "decrypt"])
def test_help(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "INFOINT_PASSPHRASE" in out and "keyring" in out


def test_encrypting_a_missing_file_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    missing = tmp_path / "none.json"
    code, out, err = run(capsys, "encrypt", "--db", str(missing))
    assert (code, out) == (1, "") and err == f"infoint: there is no campaign at {missing}\n"
    assert not missing.exists()


def test_encrypt_is_refused_while_the_app_has_the_file_open(capsys, demo_db, monkeypatch):
    from infoint_tui.cli.launch import SessionLock

    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    lock = SessionLock(demo_db)
    try:
        code, _, err = run(capsys, "encrypt", "--db", str(demo_db))
    finally:
        lock.release()
    assert code == 1 and "already open in another infoint window" in err
    assert b"Priya Raman" in demo_db.read_bytes()


def test_importing_an_encrypted_data_file_says_what_it_is(capsys, demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    run(capsys, "encrypt", "--db", str(demo_db))
    other = tmp_path / "other.json"
    code, out, err = run(capsys, "import", "json", str(demo_db), "--db", str(other))
    assert (code, out) == (1, "")
    assert "is an encrypted infoint data file; open it with --db, or decrypt it" in err
