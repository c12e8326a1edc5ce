"""Where the data lives: the platform's user data folder, unless --db or INFOINT_DB says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "INFOINT_DB"
FILE_NAME = "infoint.json"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("infoint", appauthor=False)) / FILE_NAME


def resolve_db_path(option: str | None) -> tuple[Path, bool]:
    """The data file to use, and whether it is the default one (whose folder we may create)."""
    if option:
        return Path(option).expanduser(), False
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser(), False
    return default_db_path(), True


def ensure_default_folder(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
