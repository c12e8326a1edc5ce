"""formats/ never imports Textual, and its parsers and plans do not need the store or TinyDB."""

import subprocess
import sys

MODULES = "source, campaign, merge, plan, linkedin, vcard, jsonfile, csvfile, markdown, ics"


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_formats_import_neither_textual_nor_the_store():
    mods = _modules_after(f"from infoint_tui.formats import {MODULES}")
    assert "textual" not in mods
    assert "tinydb" not in mods and "infoint_tui.store" not in mods
