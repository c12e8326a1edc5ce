"""`infoint --demo`: a fresh, realistic campaign in a temporary file, never the user's file."""

from __future__ import annotations

import tempfile

from infoint_tui.app import InfointApp
from infoint_tui.cli import main
from infoint_tui.domain.stages import STAGES
from tests.disk import saved


def test_demo_runs_on_a_fresh_temporary_file_with_every_stage(capsys, tmp_path, monkeypatch):
    user_file = tmp_path / "mine" / "infoint.json"
    user_file.parent.mkdir()
    monkeypatch.setenv("INFOINT_DB", str(user_file))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    opened = []
    monkeypatch.setattr(InfointApp, "run", lambda app, *a, **k: opened.append(app.campaign.path))

    assert main(["--demo"]) == 0
    (path,) = opened
    assert path.parent.parent == tmp_path and path.parent.name.startswith("infoint-demo-")
    assert not user_file.exists() and not (tmp_path / "xdg").exists()
    assert f"The demo campaign was left in {path}" in capsys.readouterr().out

    data = saved(path)
    contacts = list(data["contacts"].values())
    assert {c["stage"] for c in contacts} == {s.value for s in STAGES}
    assert data["meetings"] and data["reminders"] and data["touches"]
    assert any(m.get("notes") for m in data.get("meeting_notes", {}).values())

    assert main(["--demo"]) == 0  # a second demo is another fresh file
    assert len(opened) == 2 and opened[1] != path
