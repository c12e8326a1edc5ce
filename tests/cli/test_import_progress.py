"""The progress bar of `infoint import`: drawn on a terminal, silent when piped."""

from __future__ import annotations

import io

from infoint_tui.cli import main
from infoint_tui.cli import progress_bar as bars
from infoint_tui.formats.progress import QUIET
from tests.disk import saved
from tests.formats.helpers import connection, linkedin_csv

ROWS = 600  # over progress_bar.SHOWN_FROM


class Terminal(io.StringIO):
    """A standard error that says it is a terminal, and keeps what was drawn on it."""

    def isatty(self) -> bool:
        return True


def _export(tmp_path, rows: int = ROWS):
    path = tmp_path / "Connections.csv"
    path.write_text(linkedin_csv([connection(n) for n in range(rows)]), encoding="utf-8")
    return path


def test_a_terminal_sees_each_phase_and_it_is_cleared(tmp_path, db_path, monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["import", "linkedin", str(_export(tmp_path)), "--db", str(db_path)])
    assert code == 0
    screen = terminal.getvalue()
    for phase in ("Reading rows", "Matching people", "Writing"):
        assert phase in screen
    assert f"{ROWS}/{ROWS}" in screen
    # Stopped: the cursor is shown again and the three lines of bars are erased.
    assert screen.endswith("\x1b[?25h\r" + "\x1b[1A\x1b[2K" * 3)
    out = capsys.readouterr().out
    assert out.startswith(f"LinkedIn connections from Connections.csv: {ROWS} added")
    assert len(saved(db_path)["contacts"]) == ROWS


def test_piped_nothing_but_the_summary(tmp_path, db_path, capsys):
    assert bars.progress_for(io.StringIO()) is QUIET
    code = main(["import", "linkedin", str(_export(tmp_path)), "--db", str(db_path)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.count("\n") == 1 and f"{ROWS} added" in out


def test_a_small_file_draws_no_bar(tmp_path, db_path, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["import", "linkedin", str(_export(tmp_path, rows=5)), "--db", str(db_path)])
    assert code == 0 and terminal.getvalue() == ""
