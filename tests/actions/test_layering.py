"""The use cases import neither Textual nor the store: they are handed the Repository."""

import subprocess
import sys


def test_actions_import_neither_textual_nor_the_store():
    code = (
        "import sys, infoint_tui.actions.imports, infoint_tui.actions.invitations, "
        "infoint_tui.actions.merging; print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "textual" not in loaded and "tinydb" not in loaded
    assert "infoint_tui.store" not in loaded
