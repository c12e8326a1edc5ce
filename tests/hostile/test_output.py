"""What the command line prints and exports from a campaign holding hostile text or values out
of range: no control character, no formula, no HTML, no traceback."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import icalendar
import pytest
from markdown_it import MarkdownIt

from infoint_tui.domain.agenda import agenda, render_text
from infoint_tui.domain.brief import brief_markdown, build_brief
from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.formats.csvfile import neutralize
from infoint_tui.formats.markdown import export_markdown
from infoint_tui.formats.snapshot import Snapshot
from tests.disk import saved

from .campaigns import hostile_campaign, out_of_range_campaign
from .corpus import CLEAN_NAME, leaks
from .helpers import run


@pytest.fixture
def hostile_db(db_path, repo):
    hostile_campaign(repo)
    return str(db_path)


@pytest.fixture
def odd_db(db_path, repo):
    out_of_range_campaign(repo)
    return str(db_path)


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--json"],
        ["list", "--stage", "scheduled"],
        ["agenda"],
        ["export", "csv"],
        ["export", "markdown"],
        ["export", "ics"],
        ["export", "ics", "--reminders-as", "event"],
    ],
)
def test_no_control_character_reaches_the_terminal_or_an_export(capsys, hostile_db, command):
    code, out, err = run(capsys, *command, "--db", hostile_db)
    assert code == 0 and err == ""
    assert CLEAN_NAME in out.replace("\r\n ", "")  # ICS folds long lines
    assert not leaks(out)


def test_list_json_is_clean_and_still_json(capsys, hostile_db):
    _, out, _ = run(capsys, "list", "--json", "--db", hostile_db)
    row = next(row for row in json.loads(out) if row["name"] == CLEAN_NAME)
    assert row["company"] == "Acme" and row["tags"] == ["vip", "ml"]


def test_error_lines_are_clean(capsys, hostile_db):
    code, _, err = run(capsys, "add", "X", "--referred-by", "\x1b[2Jnobody", "--db", hostile_db)
    # What the user typed is quoted as Python writes it: the escape shows, and does nothing.
    assert (code, err) == (1, "infoint: no contact named '\\x1b[2Jnobody'\n")


def test_ics_export_text_is_clean(capsys, hostile_db):
    _, out, _ = run(capsys, "export", "ics", "--db", hostile_db)
    calendar = icalendar.Calendar.from_ical(out)
    (event,) = [e for e in calendar.walk("VEVENT") if "Ada" in str(e["summary"])]
    assert str(event["summary"]) == f"Video call with {CLEAN_NAME} (Head @ Acme)"
    assert str(event["location"]) == "Café"
    description = str(event["description"])
    assert "first line\nsecond line" in description and not leaks(description)


# -- add -----------------------------------------------------------------------------------
def test_add_refuses_a_name_of_only_controls_or_100kb(capsys, db_path):
    code, out, err = run(capsys, "add", "\x1b]52;c;aGk=\x07\x1b[2J\x9b\u202e", "--db", str(db_path))
    assert (code, out, err) == (2, "", "infoint: error: a contact needs a name\n")
    code, _, err = run(capsys, "add", "x" * 102_400, "--db", str(db_path))
    assert code == 2
    assert err == "infoint: error: a name of 102,400 characters is too long (at most 200)\n"
    assert not db_path.exists()


def test_add_cleans_what_it_keeps(capsys, db_path):
    code, out, err = run(
        capsys, "add", f"Ada{chr(27)}[2J Lovelace", "--tag", "a\nb", "--tag", "\x1b[31mred",
        "--company", "Acme\udc9b", "--notes", "one\r\ntwo\x07", "--db", str(db_path),
    )  # fmt: skip
    assert code == 0 and err == "" and out.startswith("added Ada Lovelace (")
    _, out, _ = run(capsys, "list", "--json", "--db", str(db_path))
    (row,) = json.loads(out)
    assert row["tags"] == ["a b", "red"] and row["company"] == "Acme"
    stored = saved(db_path)["contacts"]
    assert next(iter(stored.values()))["notes"] == "one\ntwo"
    code, _, err = run(capsys, "add", "Bob", "--tag", "t" * 2000, "--db", str(db_path))
    assert (code, err) == (
        2,
        "infoint: error: a tag of 2,000 characters is too long (at most 1000)\n",
    )


# -- values out of range in the file --------------------------------------------------------
@pytest.mark.parametrize(
    "command", [["agenda"], ["export", "ics"], ["export", "markdown"], ["export", "csv"],
                ["export", "json"], ["list"]],
)  # fmt: skip
def test_records_out_of_range_are_reported_not_fatal(capsys, odd_db, command):
    code, out, err = run(capsys, *command, "--db", odd_db)
    assert code == 0 and "Traceback" not in err
    assert "Ada Lovelace" in out
    if command[0] == "export" and command[1] in ("ics", "markdown"):
        assert err.splitlines() == [
            "infoint: left out of the export, out of range: meeting endless (Bob Odd): "
            "duration_min is 1000000000000000 (it must be 1 to 1440)",
            "infoint: left out of the export, out of range: meeting far (Bob Odd): "
            "when is 9999-12-31T23:00:00-05:00 (dates must be in the years 1900 to 2200)",
            "infoint: left out of the export, out of range: reminder early (Bob Odd): "
            "due is 0001-01-01T00:00:00+05:00 (dates must be in the years 1900 to 2200)",
        ]


def test_the_agenda_names_what_it_left_out(repo, clock):
    out_of_range_campaign(repo)
    result = agenda(clock.now(), repo.contacts(), repo.meeting_slots(), repo.reminders())
    assert [item.meeting.id for item in result.today if item.meeting] == ["sane"]
    text = render_text(result)
    assert text.split("Left out, out of range in the data file (4)\n")[1].splitlines() == [
        "  reminder early (Bob Odd): due is 0001-01-01T00:00:00+05:00 "
        "(dates must be in the years 1900 to 2200)",
        "  meeting endless (Bob Odd): duration_min is 1000000000000000 (it must be 1 to 1440)",
        "  meeting far (Bob Odd): when is 9999-12-31T23:00:00-05:00 "
        "(dates must be in the years 1900 to 2200)",
        "  contact " + repo.find_contacts("Bob Odd")[0].id + " Bob Odd: next_action_due is "
        "9999-12-31T23:00:00-05:00 (dates must be in the years 1900 to 2200)",
    ]


# -- CSV: formulas ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        # A plain number or phone number has no letters: it can call nothing, and stays readable.
        ("-12.5", "-12.5"),
        ("+1 555 0100", "+1 555 0100"),
        ("+44 (0)20 7946-0958", "+44 (0)20 7946-0958"),
        ("Ada", "Ada"),
    ],
)
def test_csv_cells_cannot_be_formulas(cell, written):
    assert neutralize(cell) == written


def test_csv_export_neutralizes_every_leading_formula_character(capsys, repo, db_path):
    names = ["=1+1", "+SUM(A1)", "-A1*2", "@A1"]
    for name in names:
        repo.add_contact(Contact(name=name, phone="+1 555 0100", notes="\t=cmd|' /C calc'!A0"))
    repo.add_contact(Contact(name="Carriage", notes="\r@A1", phone="-42"))
    code, out, _ = run(capsys, "export", "csv", "--db", str(db_path))
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    by_name = {row["name"]: row for row in rows.values()}
    assert set(by_name) == {"'=1+1", "'+SUM(A1)", "'-A1*2", "'@A1", "Carriage"}
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or value in (
                "+1 555 0100", "-42",
            )  # fmt: skip
    assert by_name["'=1+1"]["phone"] == "+1 555 0100" and by_name["Carriage"]["phone"] == "-42"
    assert by_name["'=1+1"]["notes"] == "'\t=cmd|' /C calc'!A0"
    assert by_name["Carriage"]["notes"] == "\n@A1"  # a CR is a line break: nothing to run


# -- Markdown: structure -----------------------------------------------------------------
HOSTILE_MARKDOWN = [
    "Ada\n# Injected heading",
    "### Bob",
    "Eve `code` <script>alert(1)</script>",
    "Mal <img src=x onerror=alert(1)>",
    "Zed ##",
    "1. Numbered",
    "- Dash",
    "> Quote",
    "[link](javascript:alert(1))",
]


def _headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (token.tag, tokens[index + 1].content)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def test_markdown_structure_stays_intact_with_hostile_text(repo, clock):
    for name in HOSTILE_MARKDOWN:
        repo.add_contact(
            Contact(
                name=name,
                role="# role <b>bold</b>",
                notes="# Notes heading\n===\n<div onclick=x>\n```\nunclosed fence\n- a list item",
                stage=Stage.PROSPECTS,
            )
        )
    text = export_markdown(Snapshot.of(repo), clock.now())
    headings = _headings(text)
    assert [tag for tag, _ in headings] == ["h1", "h2"] + ["h3"] * len(HOSTILE_MARKDOWN)
    rendered = MarkdownIt("commonmark").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<div" not in rendered
    assert "<b>" not in rendered and 'href="javascript' not in rendered
    # Each name reads as it was typed (a line break becomes a space), as text, not markup.
    shown = re.findall(r"<h3>(.*?)</h3>", rendered)
    assert sorted(html.unescape(name) for name in shown) == sorted(
        " ".join(name.split()) for name in HOSTILE_MARKDOWN
    )


def test_markdown_export_through_the_command_line(capsys, repo, db_path):
    repo.add_contact(Contact(name="Ada\n## Not a section", stage=Stage.SCHEDULED))
    code, out, _ = run(capsys, "export", "markdown", "--db", str(db_path))
    assert code == 0
    assert _headings(out) == [
        ("h1", "Informational interviews: campaign journal"),
        ("h2", "Scheduled"),
        ("h3", "Ada \\#\\# Not a section"),
    ]


def test_the_brief_as_markdown_keeps_its_sections(repo, clock):
    contact = hostile_campaign(repo)
    contact.name = "Ada\n# Injected <script>x</script>"
    contact.research_person = "# not a heading\n===\n<img src=x onerror=alert(1)>"
    repo.save_contact(contact)
    meeting = repo.next_meeting(contact.id)
    brief = build_brief(meeting, contact, repo.settings, now=clock.now())
    text = brief_markdown(brief)
    headings = _headings(text)
    assert headings[0] == ("h1", "Brief: Ada \\# Injected &lt;script>x&lt;/script>")
    assert all(tag == "h2" for tag, _ in headings[1:])
    assert [title for _, title in headings[1:]][:2] == ["When and where", "My objectives"]
    rendered = MarkdownIt("commonmark").render(text)
    assert "<script" not in rendered and "<img" not in rendered and not leaks(text)
