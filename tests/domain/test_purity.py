"""Every domain module is plain Python: no Textual, no TinyDB, no clock of its own."""

import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "infoint_tui" / "domain"
MODULES = sorted(p.stem for p in DOMAIN.glob("*.py") if p.stem != "__init__")


def test_domain_modules_import_neither_textual_nor_tinydb():
    imports = ", ".join(f"infoint_tui.domain.{name}" for name in MODULES)
    code = f"import sys, {imports}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert {f"infoint_tui.domain.{m}" for m in MODULES} <= loaded
    assert "textual" not in loaded and "tinydb" not in loaded


def test_rules_never_read_the_system_clock():
    for name in MODULES:
        if name == "clock":
            continue
        text = (DOMAIN / f"{name}.py").read_text()
        assert "datetime.now(" not in text and "date.today(" not in text, name
        assert "SystemClock" not in text, name
