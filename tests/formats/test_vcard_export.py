"""The vCard export: valid 3.0 cards that vobject and our own import read back as the same people."""

from __future__ import annotations

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint_tui.domain.models import Contact
from infoint_tui.domain.text import clean_text
from infoint_tui.formats.plan import plan_import
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import decode_source
from infoint_tui.formats.vcard import parse_vcard
from infoint_tui.formats.vcard_export import export_vcard

ADA = Contact(
    name="Ada Lovelace-Byron",
    company="Analytical Engines, Ltd; R&D",
    role="Head of Numbers, Europe",
    email="ada@engines.example",
    phone="+44 20 7946 0018",
    url="https://www.linkedin.com/in/ada-lovelace",
    location="London, UK",
    tags=["mentor", "math, history"],
    notes="Met at the Difference meetup.\nAsk about Babbage; and the notes\\tables.",
)
CHER = Contact(name="Cher")


def cards(data: bytes) -> list:
    return list(vobject.readComponents(data.decode()))


def test_one_vcard_3_card_per_contact_with_every_field():
    data = export_vcard(Snapshot(contacts=[CHER, ADA]))
    ada, cher = cards(data)  # by name
    assert ada.version.value == "3.0"
    assert ada.fn.value == "Ada Lovelace-Byron"
    assert (ada.n.value.given, ada.n.value.family) == ("Ada", "Lovelace-Byron")
    assert ada.org.value == ["Analytical Engines, Ltd; R&D"]
    assert ada.title.value == "Head of Numbers, Europe"
    assert ada.email.value == "ada@engines.example"
    assert ada.tel.value == "+44 20 7946 0018"
    assert ada.url.value == ADA.url
    assert ada.note.value == ADA.notes
    assert ada.categories.value == ["mentor", "math, history"]
    assert ada.adr.value.city == "London, UK"
    assert cher.fn.value == "Cher" and cher.n.value.family == "Cher"
    assert not hasattr(cher, "email") and not hasattr(cher, "note")


def test_our_import_reads_back_the_same_people_and_adds_nothing_to_their_campaign():
    data = export_vcard(Snapshot(contacts=[ADA, CHER]))
    parsed = parse_vcard(decode_source("contacts.vcf", data))
    assert parsed.skipped == []
    back = {item.record.name: item.record for item in parsed.contacts}
    ada = back["Ada Lovelace-Byron"]
    for field in ("company", "role", "email", "phone", "url", "location", "tags", "notes"):
        assert getattr(ada, field) == getattr(ADA, field), field
    plan = plan_import(Snapshot(contacts=[ADA, CHER]), parsed)
    assert not plan.changes_anything and len(plan.present) == 2


def test_control_characters_never_go_out():
    sneaky = Contact(
        name="Eve\x1b]52;c;aGk=\x07 Mallory",
        company="Evil\x1b[2J Corp",
        notes="line one\x1b[31m red\r\nline two\u202e",
    )
    data = export_vcard(Snapshot(contacts=[sneaky]))
    text = data.decode()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    (card,) = cards(data)
    assert card.fn.value == "Eve Mallory"  # the whole escape sequence taken out
    assert card.note.value == "line one red\nline two"
    (nameless,) = cards(export_vcard(Snapshot(contacts=[Contact(name="\x1b\x07")])))
    assert nameless.fn.value == "Unnamed contact"  # FN is required


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
        lambda s: clean_text(s).split()
    ),
    company=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    notes=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
)
def test_any_text_comes_back_as_its_clean_self(name, company, notes):
    contact = Contact(name=name, company=company, notes=notes)
    parsed = parse_vcard(decode_source("x.vcf", export_vcard(Snapshot(contacts=[contact]))))
    (item,) = parsed.contacts
    assert item.record.name == " ".join(clean_text(name).split())
    assert item.record.company == " ".join(clean_text(company).split())
    expected_notes = clean_text(notes, multiline=True).strip("\n")
    if expected_notes.strip():
        assert item.record.notes.strip() == expected_notes.strip()
