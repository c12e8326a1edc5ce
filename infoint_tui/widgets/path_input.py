"""A file-path field that completes names from the folder as you type (→ accepts)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester
from textual.widgets import Input

from ..domain.text import has_controls


class PathSuggester(Suggester):
    def __init__(self, suffixes: tuple[str, ...] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed = os.path.expanduser(value)
        folder, prefix = os.path.split(typed)
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            return None
        for name in names:
            if not name.startswith(prefix) or name == prefix or name.startswith("."):
                continue
            if has_controls(name):  # drawn as a suggestion, an escape sequence would run
                continue
            full = os.path.join(folder, name)
            is_dir = os.path.isdir(full)
            if is_dir or not self.suffixes or name.lower().endswith(self.suffixes):
                shown = value[: len(value) - len(prefix)] + name
                return shown + (os.sep if is_dir else "")
        return None


class PathInput(Input):
    def __init__(
        self, value: str = "", *, suffixes: tuple[str, ...] = (), **kwargs: object
    ) -> None:
        super().__init__(value, suggester=PathSuggester(suffixes), **kwargs)  # type: ignore[arg-type]

    @property
    def path(self) -> Path:
        return Path(os.path.expanduser(self.value.strip()))
