"""The follow-up modules are plain Python: no Textual, no TinyDB, no clock of their own."""

import subprocess
import sys
from pathlib import Path

MODULES = ["agenda", "insights", "themes", "introductions", "stats", "compose", "rules"]


def test_follow_up_modules_import_neither_textual_nor_tinydb():
    imports = ", ".join(f"infoint_tui.domain.{name}" for name in MODULES)
    code = f"import sys, {imports}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "textual" not in loaded and "tinydb" not in loaded


def test_follow_up_modules_never_read_the_system_clock():
    root = Path(__file__).resolve().parents[2] / "infoint_tui" / "domain"
    for name in MODULES:
        text = (root / f"{name}.py").read_text()
        assert (
            "datetime.now(" not in text and "SystemClock" not in text and "date.today(" not in text
        ), name
