"""The preparation modules stay plain Python: no Textual, no TinyDB."""

import subprocess
import sys

MODULES = (
    "question_bank",
    "question_checks",
    "prep",
    "brief",
    "outreach",
    "request_words",
    "targets",
)


def test_preparation_modules_import_neither_textual_nor_tinydb():
    imports = ", ".join(f"infoint_tui.domain.{m}" for m in MODULES)
    code = f"import sys, {imports}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert {f"infoint_tui.domain.{m}" for m in MODULES} <= loaded
    assert "textual" not in loaded
    assert "tinydb" not in loaded
