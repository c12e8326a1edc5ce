"""The command line: add, list, --help, --version, and one clear line for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from infoint_tui.cli import main
from tests.disk import saved


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_list(capsys, db_path):
    code, out, _ = run(capsys, "add", "Ada Lovelace", "--company", "Analytical Engines", "--role", "Engineer",
                       "--email", "ada@example.com", "--tag", "math", "--tag", "history,math", "--db", str(db_path))  # fmt: skip
    assert code == 0 and "added Ada Lovelace" in out and "Prospects" in out
    run(capsys, "--db", str(db_path), "add", "Grace Hopper", "--stage", "Reached out")
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert code == 0
    assert "Prospects (1)" in out and "Reached out (1)" in out
    assert "Engineer @ Analytical Engines" in out
    stored = saved(db_path)["contacts"]
    ada = next(d for d in stored.values() if d["name"] == "Ada Lovelace")
    assert ada["tags"] == ["math", "history"] and ada["email"] == "ada@example.com"


def test_list_json_uses_canonical_stage_names(capsys, db_path):
    run(
        capsys,
        "add",
        "Grace Hopper",
        "--stage",
        "IN TOUCH",
        "--company",
        "Navy",
        "--db",
        str(db_path),
    )
    code, out, _ = run(capsys, "list", "--json", "--db", str(db_path))
    (row,) = json.loads(out)
    assert code == 0
    assert {k: row[k] for k in ("name", "company", "role", "email", "stage")} == {
        "name": "Grace Hopper", "company": "Navy", "role": "", "email": "", "stage": "in-touch",
    }  # fmt: skip
    code, out, _ = run(capsys, "list", "--stage", "prospects", "--json", "--db", str(db_path))
    assert json.loads(out) == []


def test_referred_by_links_to_an_existing_contact(capsys, db_path):
    run(capsys, "add", "Ada", "--db", str(db_path))
    code, _, _ = run(capsys, "add", "Bob", "--referred-by", "ada", "--db", str(db_path))
    docs = {d["name"]: d for d in saved(db_path)["contacts"].values()}
    assert code == 0 and docs["Bob"]["referred_by"] == docs["Ada"]["id"]


def test_env_var_chooses_the_file(capsys, tmp_path, monkeypatch):
    target = tmp_path / "env.json"
    monkeypatch.setenv("INFOINT_DB", str(target))
    assert run(capsys, "add", "Ada")[0] == 0
    assert "Ada" in str(saved(target))


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["add", "Ada", "--stage", "sleeping"], 2, "unknown stage 'sleeping'"),
        (["add", "Ada", "--email", "not-an-email"], 2, "not an email address"),
        (["add", "Ada", "--url", "ftp://x"], 2, "not a web address"),
        (["add", "   "], 2, "needs a name"),
        (["add"], 2, "required: NAME"),
        (["list", "--stage", "nope"], 2, "unknown stage"),
        (["frobnicate"], 2, "invalid choice"),
        (["add", "Bob", "--referred-by", "Nobody"], 1, "no contact named 'Nobody'"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(capsys, db_path, argv, code, message):
    run(capsys, "add", "Existing", "--db", str(db_path))
    before = db_path.read_bytes()
    try:
        result = main(["--db", str(db_path), *argv])
    except SystemExit as exit:  # argparse's own usage errors
        result = exit.code
    assert result == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert db_path.read_bytes() == before


def test_duplicate_email_is_refused(capsys, db_path):
    run(capsys, "add", "Ada", "--email", "ada@example.com", "--db", str(db_path))
    before = db_path.read_bytes()
    code, _, err = run(capsys, "add", "Ada L.", "--email", "ADA@example.com", "--db", str(db_path))
    assert code == 1 and "already has that email" in err
    assert db_path.read_bytes() == before


def test_corrupt_file_is_a_data_error(capsys, db_path):
    db_path.write_text("{not json")
    code, _, err = run(capsys, "list", "--db", str(db_path))
    assert code == 1 and str(db_path) in err and "not valid JSON" in err
    assert err.count("\n") == 1
    assert db_path.read_text() == "{not json"


def test_list_on_a_missing_file_creates_nothing(capsys, tmp_path):
    path = tmp_path / "absent.json"
    code, out, _ = run(capsys, "list", "--db", str(path))
    assert code == 0 and "no contacts" in out and not path.exists()


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "infoint_tui", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)  # fmt: skip


def test_help_shows_the_default_path_and_commands(tmp_path):
    result = _cli("--help", env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "default:" in text and "infoint.json" in text
    for command in ("add", "list"):
        assert command in text


def test_every_command_has_help():
    for command in ("add", "list"):
        result = _cli(command, "--help")
        assert result.returncode == 0 and "usage: infoint " + command in result.stdout


def test_version():
    result = _cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("infoint ")


def test_default_file_is_created_owner_only_in_the_user_data_dir(tmp_path):
    if os.name != "posix":
        pytest.skip("XDG paths")
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "INFOINT_DB": ""}
    result = _cli("add", "Ada", env=env)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "xdg" / "infoint" / "infoint.json"
    assert path.exists() and path.stat().st_mode & 0o777 == 0o600


def test_list_lines_up_names_by_terminal_cells(capsys, db_path):
    """A CJK name is two cells a character: padded by len it pushed the next column right."""
    from rich.cells import cell_len

    for name in ("田中 太郎", "Ada Lovelace", "Zoë 🚀 Park"):
        run(capsys, "--db", str(db_path), "add", name, "--role", "Engineer", "--company", "Acme")
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    rows = [line for line in out.splitlines() if "Engineer @ Acme" in line]
    assert code == 0 and len(rows) == 3
    assert {cell_len(row[: row.index("Engineer")]) for row in rows} == {2 + 28 + 1}
