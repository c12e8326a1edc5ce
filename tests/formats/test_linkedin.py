"""LinkedIn's Connections.csv: the fixture, and the variants real exports come in."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoint_tui.domain.stages import Stage
from infoint_tui.formats.linkedin import SOURCE, parse_connection_date, parse_linkedin
from infoint_tui.formats.source import FormatError, decode_source, read_source
from tests.formats.helpers import FIXTURES, HEADER, connection, linkedin_csv


def parse_text(text: str, raw: bytes | None = None):
    return parse_linkedin(
        decode_source("Connections.csv", raw if raw is not None else text.encode())
    )


def by_name(parsed):
    return {item.record.name: item.record for item in parsed.contacts}


def test_the_fixture_reads_every_connection():
    parsed = parse_linkedin(read_source(FIXTURES / "linkedin_Connections.csv"))
    assert parsed.skipped == [] and parsed.notes == []
    people = by_name(parsed)
    assert list(people) == [
        "Maya Okafor", "Daniel Reyes", "Priya Natarajan", "Tom Becker", "Léa Fontaine",
        "Sam O'Neill", "Grace Liu", "Jonas Weber",
    ]  # fmt: skip
    tom = people["Tom Becker"]
    assert tom.company == "Quillfeather Health, Inc." and tom.role == "Customer Success Lead"
    assert tom.url == "https://www.linkedin.com/in/tom-becker-example" and tom.email == ""
    assert tom.connected_on == date(2025, 8, 7)
    assert tom.source == SOURCE == "linkedin" and tom.stage is Stage.PROSPECTS
    assert people["Daniel Reyes"].company == "Harbor & Pine Architects"
    assert people["Daniel Reyes"].email == "daniel.reyes@example.com"
    assert people["Jonas Weber"].role == "Engineering Manager, Platform"
    assert people["Grace Liu"].company == "" and people["Grace Liu"].role == ""
    # Line numbers are the file's own: the header is line 4, Maya is on line 5.
    assert [item.where for item in parsed.contacts][:2] == ["line 5", "line 6"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("preamble", [True, False])
def test_bom_line_endings_and_preamble_do_not_matter(newline, bom, preamble):
    kwargs = {} if preamble else {"preamble": ""}
    text = linkedin_csv([connection(1), connection(2, company='Harbor "HQ", Ltd')], newline=newline, **kwargs)  # fmt: skip
    raw = (codecs.BOM_UTF8 if bom else b"") + text.encode()
    parsed = parse_text(text, raw)
    assert parsed.skipped == []
    assert [c.record.name for c in parsed.contacts] == ["Person1 Example1", "Person2 Example2"]
    assert parsed.contacts[1].record.company == 'Harbor "HQ", Ltd'
    first_data_line = 5 if preamble else 2
    assert parsed.contacts[0].where == f"line {first_data_line}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14 Mar 2024", date(2024, 3, 14)),
        ("02 Jan 2023", date(2023, 1, 2)),
        ("14 March 2024", date(2024, 3, 14)),
        ("14 Sept 2024", date(2024, 9, 14)),
        ("03/14/2024", date(2024, 3, 14)),
        ("3/4/2024", date(2024, 3, 4)),  # US order, as LinkedIn wrote it
        ("25/12/2019", date(2019, 12, 25)),  # a day above 12 can only be day-first
        ("9/21/17", date(2017, 9, 21)),
        ("2024-03-14", date(2024, 3, 14)),
        ("2024-03-14 10:22:01 UTC", date(2024, 3, 14)),
        ("Mar 14, 2024", date(2024, 3, 14)),
        ("14-Mar-24", date(2024, 3, 14)),
    ],
)
def test_connection_dates_in_every_form_linkedin_used(text, expected):
    assert parse_connection_date(text) == expected


def test_old_export_without_url_column_and_old_dates():
    header = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
    rows = [["Ada", "Lovelace", "ada@example.com", "Engines", "Analyst", "09/21/2017"]]
    parsed = parse_text(linkedin_csv(rows, header=header))
    (ada,) = [item.record for item in parsed.contacts]
    assert (
        ada.url == "" and ada.email == "ada@example.com" and ada.connected_on == date(2017, 9, 21)
    )


def test_columns_in_another_order_and_missing_optional_columns():
    header = ["Connected On", "Last Name", "Company", "First Name"]
    parsed = parse_text(linkedin_csv([["2024-03-14", "Hopper", "Navy", "Grace"]], header=header))
    (grace,) = [item.record for item in parsed.contacts]
    assert (grace.name, grace.company, grace.role, grace.connected_on) == (
        "Grace Hopper", "Navy", "", date(2024, 3, 14),
    )  # fmt: skip


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_spreadsheet_resave_with_semicolons_or_tabs(delimiter):
    text = linkedin_csv([connection(1, company="Acme; Co, Ltd")], delimiter=delimiter)
    (item,) = parse_text(text).contacts
    assert item.record.name == "Person1 Example1" and item.record.company == "Acme; Co, Ltd"


def test_a_latin1_file_is_decoded_and_said_so():
    text = linkedin_csv([connection(1, first="Léa", last="Fontaine", company="Crème & Café")])
    parsed = parse_text(text, text.encode("latin-1"))
    (lea,) = [item.record for item in parsed.contacts]
    assert lea.name == "Léa Fontaine" and lea.company == "Crème & Café"
    assert parsed.notes and "Windows-1252" in parsed.notes[0]


def test_bad_rows_are_skipped_by_line_number_and_the_good_ones_kept():
    rows = [
        connection(1),  # line 5 (the preamble is 3 lines, the header line 4)
        ["", "", "https://www.linkedin.com/in/nobody", "", "", "", "14 Mar 2024"],  # line 6
        connection(3),  # line 7
        ["Only", "Two"],  # line 8: cut short
        connection(5) + ["surplus"],  # line 9: an unquoted comma shifted the cells
        connection(6, email="not-an-email", connected="sometime"),  # line 10: kept, warned
        connection(7, url="ftp://nope"),  # line 11: kept without the URL
    ]
    parsed = parse_text(linkedin_csv(rows))
    assert [c.record.name for c in parsed.contacts] == [
        "Person1 Example1", "Person3 Example3", "Person6 Example6", "Person7 Example7",
    ]  # fmt: skip
    skipped = {s.where: s.reason for s in parsed.skipped}
    assert list(skipped) == ["line 6", "line 8", "line 9"]
    assert "no first or last name" in skipped["line 6"]
    assert "cut short" in skipped["line 8"]
    assert "8 columns where the header has 7" in skipped["line 9"]
    person6 = parsed.contacts[2]
    assert (
        person6.where == "line 10"
        and person6.record.email == ""
        and person6.record.connected_on is None
    )
    assert any("not an email address" in w for w in person6.warnings)
    assert any("'sometime' not understood" in w for w in person6.warnings)
    assert parsed.contacts[3].record.url == ""


def test_an_unclosed_quote_loses_only_its_own_line():
    text = (
        linkedin_csv([connection(1)])
        + (
            'Tom,Becker,https://www.linkedin.com/in/tom,,"Quillfeather Health, Inc.,Lead,07 Aug 2025\n'
        )
        + linkedin_csv([connection(3), connection(4)], header=[], preamble="").lstrip("\r\n")
    )
    parsed = parse_text(text)
    assert [c.record.name for c in parsed.contacts] == [
        "Person1 Example1", "Person3 Example3", "Person4 Example4",
    ]  # fmt: skip
    assert [(s.where, s.reason) for s in parsed.skipped] == [
        ("line 6", "a quote is never closed on this line")
    ]


def test_multiline_quoted_position_is_one_row():
    parsed = parse_text(
        linkedin_csv([connection(1, position="Lead\nPlatform team"), connection(2)])
    )
    assert parsed.skipped == []
    assert parsed.contacts[0].record.role == "Lead Platform team"  # a role is one line
    assert parsed.contacts[1].where == "line 7"  # Person1's row spans lines 5 and 6


@pytest.mark.parametrize(
    "text, message",
    [
        ("name,phone\nAda,123\n", "not LinkedIn's Connections.csv"),
        ("Name,Company\nAda Lovelace,Engines\n", "its first line is 'Name,Company'"),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n", "try: infoint import vcard"),
        ('{"format": "infoint-export"}', "try: infoint import json"),
    ],
)
def test_a_file_of_another_kind_is_refused_with_a_hint(text, message):
    with pytest.raises(FormatError, match=message):
        parse_text(text)


def test_header_only_reads_nothing():
    parsed = parse_text(linkedin_csv([]))
    assert parsed.contacts == [] and parsed.skipped == []


printable = st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"])
names = st.text(alphabet=printable, min_size=1, max_size=20).filter(lambda s: s.strip())


@settings(max_examples=80)
@given(st.lists(st.tuples(names, names, st.text(alphabet=printable, max_size=30)), max_size=8))
def test_any_names_and_companies_survive_csv_quoting(people):
    rows = [connection(i, first=a, last=b, company=c) for i, (a, b, c) in enumerate(people)]
    parsed = parse_text(linkedin_csv(rows, newline="\r\n"))
    assert parsed.skipped == []
    assert [item.record.name for item in parsed.contacts] == [
        " ".join(f"{first} {last}".split()) for first, last, _ in people
    ]
    assert [item.record.company for item in parsed.contacts] == [c.strip() for _, _, c in people]


def test_header_constant_matches_the_fixture():
    first_line = (FIXTURES / "linkedin_Connections.csv").read_text().splitlines()[3]
    assert first_line.split(",") == HEADER
