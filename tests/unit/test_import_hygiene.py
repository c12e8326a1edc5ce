"""domain/ imports neither Textual nor TinyDB; store/ does not import Textual; the CLI stays light."""

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_domain_imports_neither_textual_nor_tinydb():
    mods = _modules_after(
        "import infoint_tui.domain.models, infoint_tui.domain.rules, infoint_tui.domain.dates, "
        "infoint_tui.domain.prep, infoint_tui.domain.dedupe, infoint_tui.domain.validation"
    )
    assert "textual" not in mods
    assert "tinydb" not in mods


def test_store_does_not_import_textual():
    mods = _modules_after("import infoint_tui.store, infoint_tui.store.worker")
    assert "textual" not in mods


def test_command_line_commands_do_not_import_textual():
    mods = _modules_after("from infoint_tui.cli import build_parser; build_parser()")
    assert "textual" not in mods
