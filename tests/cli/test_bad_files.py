"""Every command that opens the data file, on a file it must not touch: exit 1, one line on
stderr naming the file, and the folder exactly as it was (no write, no backup, no temp file)."""

from __future__ import annotations

import json
import os

import pytest

from infoint_tui.cli import main

BAD_FILES = {
    "corrupt": ("{not json", "not valid JSON"),
    "newer": (json.dumps({"meta": {"1": {"schema": 99}}, "contacts": {}}), "newer infoint"),
    "wrong-shape": ('{"people": {"1": {"name": "Ada"}}}', "not an infoint data file"),
}
COMMANDS = {
    "add": ["add", "Ada", "--company", "Engines"],
    "list": ["list", "--json"],
    "agenda": ["agenda", "--date", "2026-11-18"],
    "export": ["export", "json"],
    "import": ["import", "linkedin", "{fixture}"],
}


@pytest.mark.parametrize("kind", BAD_FILES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_it_cannot_trust_is_named_and_left_alone(capsys, tmp_path, kind, command):
    from tests.formats.helpers import FIXTURES

    content, problem = BAD_FILES[kind]
    db_path = tmp_path / "campaign.json"
    db_path.write_text(content)
    before = sorted(os.listdir(tmp_path))
    argv = [a.format(fixture=FIXTURES / "linkedin_Connections.csv") for a in COMMANDS[command]]
    try:
        code = main(["--db", str(db_path), *argv])
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert problem in err and str(db_path) in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert db_path.read_text() == content
    assert sorted(os.listdir(tmp_path)) == before
