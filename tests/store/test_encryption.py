"""Encryption at rest: nothing readable about anyone on disk, the campaign the same through the key."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.actions.demo import seed_demo
from infoint_tui.domain.models import Contact
from infoint_tui.store import crypto
from infoint_tui.store.backups import list_backups, make_backup
from infoint_tui.store.encryption import decrypt, encrypt
from infoint_tui.store.errors import CorruptFile, PassphraseNeeded, StoreError, WrongPassphrase
from infoint_tui.store.layout import Malformed
from tests.disk import journal_of, saved

PASSPHRASE = "correct horse battery staple"


def now() -> datetime:
    return datetime(2026, 11, 18, 9, 30)


def readable_words(document: dict[str, dict[str, Any]]) -> set[str]:
    """What a reader must not find on disk: every name, company, email and line of notes."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str):
            for line in value.splitlines():
                if len(line.strip()) >= 8 and " " in line.strip():
                    found.add(line.strip())

    for table in ("contacts", "meetings", "meeting_notes", "touches", "reminders", "settings"):
        walk(document.get(table, {}))
    for contact in document["contacts"].values():
        found.update(str(contact[k]) for k in ("name", "company", "email") if contact.get(k))
    return found


def leaks(folder: Path, words: set[str]) -> list[tuple[str, str]]:
    """Every (file, word) where a word is on disk under `folder`, as UTF-8 or JSON-escaped."""
    found = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = file.read_bytes()
        for word in words:
            forms = {word.encode(), json.dumps(word)[1:-1].encode(), orjson.dumps(word)[1:-1]}
            if any(form in data for form in forms):
                found.append((file.name, word))
    return found


@pytest.fixture
def demo(tmp_path, clock) -> Path:
    """The demo campaign with everything infoint keeps beside it: a backup, a recovery copy,
    and changes still in the journal."""
    path = tmp_path / "campaign.json"
    campaign = open_campaign(path, clock=clock)
    seed_demo(campaign, clock.now())
    campaign.store.engine.fold()
    make_backup(path, clock.now(), label="manual", force=True)
    campaign.store.write_recovery_copy()
    contact = campaign.contacts()[0]
    contact.notes = "Met at the alumni breakfast, loves sourdough"
    campaign.save_contact(contact)
    assert journal_of(path).stat().st_size > 0
    return path


def test_encrypting_leaves_nothing_readable_in_any_file(demo, monkeypatch):
    before = saved(demo)
    words = readable_words(before)
    assert "Priya Raman" in words and "Met at the alumni breakfast, loves sourdough" in words
    assert leaks(demo.parent, words)  # the test can fail: it finds them before
    backups = len(list_backups(demo)) + 1  # and the file as it was before encrypting
    done = encrypt(demo, PASSPHRASE, now=now)
    assert done[0] == f"encrypted {demo}"
    assert f"encrypted {backups} backups" in done and "encrypted 1 recovery copy" in done
    assert leaks(demo.parent, words) == []
    assert not journal_of(demo).exists()  # folded into the file
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    assert _without_crypt(saved(demo)) == _without_crypt(before)
    copies = [*list_backups(demo), *demo.parent.glob("*.recovered-*.json")]
    assert sum(1 for copy in copies if saved(copy)["contacts"]) >= 3  # and each opens
    for file in demo.parent.rglob("*"):
        if file.is_file():
            assert oct(file.stat().st_mode & 0o777) == "0o600", file


def _without_crypt(document: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in document["meta"]["1"].items() if k not in ("crypt", "fold")}
    return {**document, "meta": {"1": meta}}


def test_tinydb_opens_the_encrypted_file_and_sees_only_ciphertext(demo):
    encrypt(demo, PASSPHRASE, now=now)
    db = TinyDB(demo)  # TinyDB's own JSON storage
    contacts = db.table("contacts").all()
    assert contacts and all(set(doc) == {"enc"} for doc in contacts)
    notes = db.table("meeting_notes").all()
    assert notes and all(set(doc) == {"id", "enc"} for doc in notes)
    meta = db.table("meta").all()[0]
    assert meta["crypt"]["kdf"] == "scrypt" and meta["crypt"]["aead"] == "chacha20-poly1305"
    db.close()


def test_changes_after_encrypting_are_sealed_in_the_journal_and_the_file(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    campaign.add_contact(Contact(name="Zelda Quartermaine", notes="prefers tea over coffee"))
    meeting = campaign.store.meetings()[0]
    meeting.notes = "Spoke about the portfolio review process"
    campaign.save_meeting(meeting)
    words = {"Zelda Quartermaine", "prefers tea over coffee", "portfolio review process"}
    assert journal_of(demo).exists() and leaks(demo.parent, words) == []
    campaign.store.close()  # folded into the file
    assert not journal_of(demo).exists() and leaks(demo.parent, words) == []
    again = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    assert again.store.meeting(meeting.id).notes == "Spoke about the portfolio review process"
    assert "Zelda Quartermaine" in [c.name for c in again.contacts()]


def test_the_notes_stay_indexed_and_are_decrypted_when_a_meeting_is_opened(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    notes = campaign.store.engine._state.notes
    assert notes.spans and not notes.docs  # nothing of the notes read at load
    hannah = next(c for c in campaign.contacts() if c.name == "Hannah Schmidt")
    met = [m for m in campaign.store.meetings(hannah.id) if m.notes]
    assert met and met[0].notes.startswith("Hannah moved from teaching art")


def test_a_wrong_passphrase_is_refused_before_anything_is_read_or_written(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    files = {p: p.read_bytes() for p in demo.parent.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase) as refused:
        open_campaign(demo, clock=clock, passphrase="wrong horse")
    assert str(refused.value) == f"wrong passphrase for {demo}; nothing was read or written"
    with pytest.raises(WrongPassphrase):
        decrypt(demo, "wrong horse", now=now)
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        open_campaign(demo, clock=clock)  # none given, none in the environment or keyring
    assert {p: p.read_bytes() for p in demo.parent.rglob("*") if p.is_file()} == files


def test_the_passphrase_is_found_in_the_environment_then_the_keyring(demo, clock, keyring):
    encrypt(demo, PASSPHRASE, now=now)
    keyring.set_password("infoint", os.path.realpath(demo), PASSPHRASE)
    assert open_campaign(demo, clock=clock).contacts()  # from the keyring
    keyring.set_password("infoint", os.path.realpath(demo), "stale")
    with pytest.raises(WrongPassphrase):
        open_campaign(demo, clock=clock)


def test_a_failing_keyring_is_no_keyring(demo, clock, monkeypatch):
    import keyring as keyring_module

    def broken(*_: Any) -> None:
        raise RuntimeError("the keyring daemon is not running")

    monkeypatch.setattr(keyring_module, "get_password", broken)
    encrypt(demo, PASSPHRASE, now=now)
    with pytest.raises(PassphraseNeeded):
        open_campaign(demo, clock=clock)
    monkeypatch.setenv("INFOINT_PASSPHRASE", PASSPHRASE)
    assert open_campaign(demo, clock=clock).contacts()


def _records(path: Path) -> tuple[list[bytes], int]:
    """The file's lines, and the index of the first contact record's line."""
    lines = path.read_bytes().split(b"\n")
    start = lines.index(b'"contacts":{') + 1
    return lines, start


def test_a_record_moved_to_another_place_fails_its_check(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    lines, start = _records(demo)
    # Swap the sealed halves of two contacts' lines: each is valid ciphertext, in the wrong place.
    first, second = lines[start], lines[start + 1]
    head1, body1 = first.split(b":", 1)
    head2, body2 = second.split(b":", 1)
    lines[start] = head1 + b":" + body2.rstrip(b",") + b","
    lines[start + 1] = head2 + b":" + body1.rstrip(b",") + b","
    demo.write_bytes(b"\n".join(lines))
    swapped = demo.read_bytes()
    with pytest.raises(CorruptFile, match="fails its check"):
        open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    assert demo.read_bytes() == swapped


def test_notes_shown_under_another_meetings_id_fail_their_check(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    data = demo.read_bytes()
    notes = TinyDB(demo).table("meeting_notes").all()
    a, b = notes[0]["id"], notes[1]["id"]
    swapped = data.replace(f'"id":"{a}"'.encode(), b"@@").replace(
        f'"id":"{b}"'.encode(), f'"id":"{a}"'.encode()
    )
    demo.write_bytes(swapped.replace(b"@@", f'"id":"{b}"'.encode()))
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    with pytest.raises(CorruptFile, match="fails its check"):
        campaign.store.engine.check_notes()


def test_a_line_written_in_the_clear_into_an_encrypted_journal_is_not_taken_in(demo, clock):
    from infoint_tui.store import journal

    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    campaign.add_contact(Contact(name="Sealed Sam"))
    engine = campaign.store.engine
    forged = journal.encode([{"t": "contacts", "id": "x1", "put": {"id": "x1", "name": "Forged"}}])
    journal.append(engine.journal_path, engine._state.fold, engine.journal_bytes, forged)
    names = [c.name for c in open_campaign(demo, clock=clock, passphrase=PASSPHRASE).contacts()]
    assert "Sealed Sam" in names and "Forged" not in names


def test_another_process_writing_the_encrypted_file_reaches_the_open_campaign(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    app = open_campaign(demo, clock=clock, passphrase=PASSPHRASE, autoflush=False)
    other = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    other.add_contact(Contact(name="From The Command Line"))
    changed = app.store.engine.poll()  # the journal line, sealed, read and applied
    assert changed and "From The Command Line" in [c.name for c in app.contacts()]
    other.add_contact(Contact(name="After A Fold"))
    other.store.engine.fold()  # a new file: the app reloads it with the key it holds
    assert app.store.engine.poll().everything
    assert "After A Fold" in [c.name for c in app.contacts()]
    meeting = app.store.meetings()[0]
    meeting.notes = "typed in the app"
    app.save_meeting(meeting)
    app.store.close()
    assert other.store.engine.poll().everything
    assert other.store.meeting(meeting.id).notes == "typed in the app"


def test_a_recovery_copy_of_an_encrypted_campaign_is_encrypted(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    contact = campaign.contacts()[0]
    contact.notes = "words that must land somewhere safe"
    campaign.save_contact(contact)
    copy = campaign.store.write_recovery_copy()
    assert b"words that must land" not in copy.read_bytes()
    restored = open_campaign(copy, clock=clock, passphrase=PASSPHRASE, create=False)
    assert restored.contact(contact.id).notes == "words that must land somewhere safe"


def test_a_backup_of_an_encrypted_campaign_restores(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    before = sorted(c.name for c in campaign.contacts())
    campaign.add_contact(Contact(name="Added After"))
    campaign.store.engine.fold()
    backup = list_backups(demo)[-1]  # the encrypted file as it was at encryption
    campaign.store.engine.restore(backup)
    assert sorted(c.name for c in campaign.contacts()) == before


def test_a_backup_in_the_clear_is_not_restored_over_an_encrypted_campaign(demo, clock, tmp_path):
    plain = tmp_path / "elsewhere" / "old.json"
    plain.parent.mkdir()
    plain.write_bytes(demo.read_bytes())  # the file in the clear, before encrypting
    encrypt(demo, PASSPHRASE, now=now)
    campaign = open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    data = demo.read_bytes()
    with pytest.raises(StoreError, match="is in the clear and the campaign is encrypted"):
        campaign.store.engine.restore(plain)
    assert demo.read_bytes() == data


def test_decrypting_brings_back_files_tinydb_reads(demo, monkeypatch):
    before = saved(demo)
    encrypt(demo, PASSPHRASE, now=now)
    backups = len(list_backups(demo)) + 1
    done = decrypt(demo, PASSPHRASE, now=now)
    assert done[0] == f"decrypted {demo}" and f"decrypted {backups} backups" in done
    db = TinyDB(demo)
    names = sorted(doc["name"] for doc in db.table("contacts").all())
    assert names == sorted(doc["name"] for doc in before["contacts"].values())
    assert "crypt" not in db.table("meta").all()[0]
    for copy in list_backups(demo):
        assert "crypt" not in TinyDB(copy).table("meta").all()[0]
    assert _without_crypt(saved(demo)) == _without_crypt(before)


def test_a_copy_that_cannot_be_read_is_removed_and_said(demo):
    broken = list_backups(demo)[0]
    broken.write_text('{"contacts": {"1": {"name": "Priya Raman"')  # cut short
    done = encrypt(demo, PASSPHRASE, now=now)
    assert f"removed backup {broken.name}: it cannot be read, so it could not be encrypted" in done
    assert not broken.exists()


def test_a_run_cut_short_is_finished_by_running_it_again(demo):
    encrypt(demo, PASSPHRASE, now=now)
    plain_again = saved_plain_copy(
        list_backups(demo)[-1]
    )  # as if the run stopped before this backup
    words = {"Priya Raman"}
    assert leaks(demo.parent, words)
    done = encrypt(demo, PASSPHRASE, now=now)
    assert done[0] == f"{demo} was encrypted already" and "encrypted 1 backup" in done
    assert leaks(demo.parent, words) == [] and plain_again.exists()


def saved_plain_copy(backup: Path) -> Path:
    """Write `backup` back in the clear, keeping its name and date."""
    info = backup.stat()
    os.environ["INFOINT_PASSPHRASE"] = PASSPHRASE
    try:
        document = saved(backup)
    finally:
        del os.environ["INFOINT_PASSPHRASE"]
    document["meta"]["1"].pop("crypt")
    backup.write_text(json.dumps(document))
    os.utime(backup, ns=(info.st_atime_ns, info.st_mtime_ns))
    return backup


def test_the_kdf_cost_is_lowered_only_by_the_test_variable(monkeypatch):
    monkeypatch.delenv(crypto.ENV_TEST_SCRYPT_LOG2_N)
    assert crypto._cost() == crypto.SCRYPT_N == 1 << 15
    monkeypatch.setenv(crypto.ENV_TEST_SCRYPT_LOG2_N, "10")
    assert crypto._cost() == 1 << 10
    for never_higher_or_odd in ("15", "30", "-1", "ten", ""):
        monkeypatch.setenv(crypto.ENV_TEST_SCRYPT_LOG2_N, never_higher_or_odd)
        assert crypto._cost() == crypto.SCRYPT_N


def test_parameters_changed_in_the_file_are_a_wrong_passphrase_or_refused(demo, clock):
    encrypt(demo, PASSPHRASE, now=now)
    data = demo.read_bytes()
    demo.write_bytes(data.replace(b'"n":1024', b'"n":2048'))
    with pytest.raises(WrongPassphrase):
        open_campaign(demo, clock=clock, passphrase=PASSPHRASE)
    demo.write_bytes(data.replace(b'"n":1024', b'"n":1099511627776'))
    with pytest.raises(CorruptFile, match="out of range"):
        open_campaign(demo, clock=clock, passphrase=PASSPHRASE)


def test_the_key_can_be_derived_ahead_from_the_files_first_lines(demo, clock):
    assert crypto.sealed_with(demo) is None  # in the clear
    encrypt(demo, PASSPHRASE, now=now)
    sealed = crypto.sealed_with(demo)
    assert sealed is not None and sealed["kdf"] == "scrypt"
    crypto._derived.clear()
    crypto.derive_ahead(sealed, PASSPHRASE)
    assert open_campaign(demo, clock=clock, passphrase=PASSPHRASE).contacts()
    assert len(crypto._derived) == 1  # one derivation: the open found the key ready
    TinyDB(demo).table("contacts").insert({"enc": "x"})  # TinyDB rewrites it on one line
    assert crypto.sealed_with(demo) is None  # not in infoint's lines: the store reads it whole


_text = st.text(max_size=40)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12,
)


@given(
    doc=st.dictionaries(_text, _json, max_size=6),
    table=st.sampled_from(["contacts", "meetings", "meeting_notes", "settings"]),
    key=st.integers(1, 10**6).map(str),
    other_key=st.integers(1, 10**6).map(str),
)
@settings(max_examples=60, deadline=None)
def test_a_sealed_record_opens_in_its_place_only(doc, table, key, other_key):
    cipher = _test_cipher()
    record_id = "m1" if table == "meeting_notes" else None
    sealed = orjson.loads(cipher.seal_record(table, key, orjson.dumps(doc), record_id))
    assert cipher.open_record(table, key, sealed) == doc
    assert orjson.dumps(doc) not in orjson.dumps(sealed) or doc == {}
    elsewhere = (table, other_key) if other_key != key else ("touches", key)
    with pytest.raises(Malformed, match="fails its check"):
        cipher.open_record(*elsewhere, sealed)


_ciphers: list[crypto.Cipher] = []


def _test_cipher() -> crypto.Cipher:
    if not _ciphers:
        _ciphers.append(crypto.new_cipher(PASSPHRASE))
    return _ciphers[0]
