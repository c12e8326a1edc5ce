"""vCard files: the fixtures, and what phones, Google and Apple put in theirs."""

from __future__ import annotations

import pytest

from infoint_tui.formats.source import FormatError, decode_source, read_source
from infoint_tui.formats.vcard import parse_vcard, split_cards
from tests.formats.helpers import FIXTURES, vcard

PHOTO = "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUJD" * 40 + "\r\n " + "REVG" * 30


def parse_text(text: str, raw: bytes | None = None):
    return parse_vcard(decode_source("contacts.vcf", raw if raw is not None else text.encode()))


def test_google_fixture():
    parsed = parse_vcard(read_source(FIXTURES / "contacts_google.vcf"))
    assert parsed.skipped == []
    maya, rafael = (item.record for item in parsed.contacts)
    assert (maya.name, maya.email, maya.phone, maya.company, maya.role) == (
        "Maya Okafor", "maya.okafor@example.com", "+1 555 0100 123", "Brightline Analytics",
        "Senior Product Manager",
    )  # fmt: skip
    assert maya.url == "https://www.linkedin.com/in/maya-okafor-example"
    assert maya.notes == (
        "Met at the product meetup in March, wants to hear about my research background."
    )
    # A grouped property (item1.EMAIL) and ORG with a unit.
    assert rafael.email == "rafael@example.net" and rafael.company == "Verde Foods"
    assert rafael.role == "Director of Operations" and "Department: Supply Chain" in rafael.notes
    assert [item.where for item in parsed.contacts] == ["card 1 (line 1)", "card 2 (line 12)"]


def test_v4_fixture_with_crlf_and_a_folded_line():
    assert b"\r\n " in (FIXTURES / "contacts_v4.vcf").read_bytes()
    parsed = parse_vcard(read_source(FIXTURES / "contacts_v4.vcf"))
    (aiko,) = (item.record for item in parsed.contacts)
    assert aiko.name == "Aiko Tanaka" and aiko.email == "aiko.tanaka@example.jp"
    assert aiko.role == "Head of Developer Relations and Community Programs"
    assert aiko.company == "Kumo Systems"


@pytest.mark.parametrize(
    "version, preferred_email, preferred_tel",
    [
        ("3.0", "EMAIL;TYPE=INTERNET,WORK,pref:work@example.com", "TEL;TYPE=CELL,pref:+1 555 0002"),
        ("4.0", "EMAIL;TYPE=work;PREF=1:work@example.com", "TEL;VALUE=uri;PREF=1;TYPE=\"cell,voice\":tel:+1 555 0002"),
        ("2.1", "EMAIL;INTERNET;WORK;PREF:work@example.com", "TEL;CELL;PREF:+1 555 0002"),
    ],
)  # fmt: skip
def test_several_emails_and_phones_take_the_preferred_and_keep_the_others(
    version, preferred_email, preferred_tel
):
    card = vcard(
        "FN:Ada Lovelace",
        "EMAIL;TYPE=HOME:home@example.com" if version != "2.1" else "EMAIL;HOME:home@example.com",
        preferred_email,
        "TEL;TYPE=HOME:+1 555 0001" if version != "2.1" else "TEL;HOME:+1 555 0001",
        preferred_tel,
        PHOTO,
        version=version,
    )
    parsed = parse_text(card)
    assert parsed.skipped == []
    (item,) = parsed.contacts
    ada = item.record
    assert ada.email == "work@example.com" and ada.phone == "+1 555 0002"
    assert [str(alt) for alt in item.alternatives] == [
        "home@example.com (home)",
        "+1 555 0001 (home)",
    ]
    assert item.other_emails == ["home@example.com"]
    assert ada.notes == ""  # the photo is ignored; the plan writes the alternatives down


def test_without_a_preference_the_first_wins():
    card = vcard("FN:Ada", "EMAIL:first@example.com", "EMAIL:second@example.com")
    (item,) = parse_text(card).contacts
    assert item.record.email == "first@example.com"
    assert item.other_emails == ["second@example.com"]


def test_apple_labels_linkedin_profile_address_and_categories():
    card = vcard(
        "N:Hopper;Grace;Brewster;Rear Adm.;",
        "item1.EMAIL;type=INTERNET;type=pref:grace@example.com",
        "item1.X-ABLabel:_$!<Work>!$_",
        "item2.EMAIL;type=INTERNET:g@navy.example",
        "item2.X-ABLabel:Navy",
        "item3.URL;type=pref:https://hopper.example",
        "item3.X-ABLabel:_$!<HomePage>!$_",
        "X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/grace-hopper",
        "ADR;TYPE=WORK:;;1 Navy Way;Arlington;VA;22201;USA",
        "CATEGORIES:myContacts,Mentors,Navy",
        "ORG:US Navy;;",
        "TITLE:Rear Admiral",
    )
    (item,) = parse_text(card).contacts
    grace = item.record
    assert grace.name == "Rear Adm. Grace Brewster Hopper"  # no FN: built from N
    assert grace.email == "grace@example.com"
    assert grace.url == "https://www.linkedin.com/in/grace-hopper"  # the profile is the key
    assert [str(alt) for alt in item.alternatives] == [
        "g@navy.example (Navy)",
        "https://hopper.example (HomePage)",
    ]
    assert grace.location == "Arlington, VA, USA"
    assert grace.tags == ["Mentors", "Navy"]
    assert grace.company == "US Navy" and "Department" not in grace.notes


def test_vcard_21_quoted_printable_with_soft_line_breaks():
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupr=C3=A9;=C3=89lodie;;;\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=89lodie Dupr=C3=A9\r\n"
        "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Rencontr=C3=A9e au salon, tr=C3=A8s =\r\n"
        "sympathique\r\n"
        "END:VCARD\r\n"
    )
    (item,) = parse_text(card).contacts
    assert item.record.name == "Élodie Dupré"
    assert item.record.notes == "Rencontrée au salon, très sympathique"


def test_a_truncated_card_is_reported_and_the_others_imported():
    text = (
        vcard("FN:First Person", "EMAIL:first@example.com", newline="\n")
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\nEMAIL:cut@exa"  # lines 6-9, no END
        + "\n"
        + vcard("FN:Third Person", newline="\n")  # line 10
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Last One\n"  # line 14: the file ends
    )
    parsed = parse_text(text)
    assert [item.record.name for item in parsed.contacts] == ["First Person", "Third Person"]
    assert [str(skip) for skip in parsed.skipped] == [
        "card 2 (line 6): cut short: the next card begins before its END:VCARD",
        "card 4 (line 14): cut short: the file ends before its END:VCARD",
    ]


def test_a_broken_line_is_left_out_and_said_so():
    text = vcard("FN:Ada", "this line is not a property", "EMAIL:ada@example.com")
    (item,) = parse_text(text).contacts
    assert item.record.email == "ada@example.com"
    assert any("could not be read" in warning for warning in item.warnings)


def test_cards_that_are_not_people_are_skipped_with_a_reason():
    text = (
        vcard("FN:Pizza Place", "ORG:Pizza Place", "X-ABShowAs:COMPANY")
        + vcard("KIND:group", "FN:Book club", version="4.0")
        + vcard("EMAIL:nameless@example.com")
        + vcard("FN:Real Person")
    )
    parsed = parse_text(text)
    assert [item.record.name for item in parsed.contacts] == ["Real Person"]
    assert [skip.reason for skip in parsed.skipped] == [
        "a company or group card, not a person",
        "a company or group card, not a person",
        "no name (FN or N)",
    ]


def test_invalid_email_is_dropped_with_a_warning():
    (item,) = parse_text(vcard("FN:Ada", "EMAIL:not an email", "URL:ftp://x")).contacts
    assert item.record.email == "" and item.record.url == ""
    assert len(item.warnings) == 2


def test_latin1_vcard():
    text = vcard("FN:Zoë Müller", "ORG:Café Crème")
    parsed = parse_text(text, text.encode("latin-1"))
    assert parsed.contacts[0].record.name == "Zoë Müller"
    assert parsed.contacts[0].record.company == "Café Crème"
    assert parsed.notes


def test_not_a_vcard_at_all():
    with pytest.raises(FormatError, match="not a vCard file"):
        parse_text("First Name,Last Name\nAda,Lovelace\n")


def test_split_cards_counts_lines_with_any_line_ending():
    text = "junk before\r\n" + vcard("FN:A") + "\r\n" + vcard("FN:B", newline="\n")
    cards = list(split_cards(text))
    assert [(c.number, c.line, c.complete) for c in cards] == [(1, 2, True), (2, 7, True)]


def test_commas_and_escapes_in_text_values_are_kept():
    # vobject alone would cut "Engineering Manager, Platform" at its unescaped comma.
    card = vcard(
        "FN:Jonas Weber",
        "TITLE:Engineering Manager, Platform",
        "NOTE:Met at the meetup\\, in March;\\nwants an intro\\; maybe later",
        "ORG:Acme\\, Inc.;R&D",
    )
    (item,) = parse_text(card).contacts
    jonas = item.record
    assert jonas.role == "Engineering Manager, Platform"
    assert jonas.notes.splitlines() == [
        "Met at the meetup, in March;",
        "wants an intro; maybe later",
        "Department: R&D",
    ]
    assert jonas.company == "Acme, Inc."


def test_photos_are_left_out_before_vobject_reads_the_card(monkeypatch):
    # A 3.0 folded photo, an Apple grouped one, and a 2.1 base64 block ending at a blank line
    # with lines some phones forget to indent; the properties after each are still read.
    photo_21 = "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n    QUJDREVG\r\nR0hJSktM\r\n\r\n"
    text = (
        vcard(PHOTO, "FN:Folded Photo", "TITLE:Engineer", "EMAIL:folded@example.com")
        + vcard("item1.PHOTO;VALUE=uri:https://example.com/p.jpg", "FN:Grouped Photo")
        + vcard("FN:Old Phone", photo_21 + "EMAIL:old@example.com", version="2.1")
    )
    cards = list(split_cards(text))
    assert not any("PHOTO" in card.text or "QUJD" in card.text for card in cards)
    assert [card.line for card in cards] == [1, 9, 14]
    parsed = parse_text(text)
    assert [item.record.name for item in parsed.contacts] == [
        "Folded Photo", "Grouped Photo", "Old Phone"
    ]  # fmt: skip
    folded, _, old = parsed.contacts
    assert folded.record.role == "Engineer"
    assert old.record.email == "old@example.com"
    assert not parsed.skipped and not any(item.warnings for item in parsed.contacts)
