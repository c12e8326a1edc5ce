"""Running the command line in a test, and reading every text a file or an output holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from infoint_tui.cli import main
from tests.disk import saved


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:  # argparse's own usage errors
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def strings(value: Any) -> Iterator[str]:
    """Every key and text value inside a decoded JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def saved_text(path: Path) -> str:
    """All the text saved (the file and its journal), decoded (JSON writes ESC as \\u001b)."""
    return "\n".join(strings(saved(path)))
