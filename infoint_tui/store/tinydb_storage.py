"""TinyDB's view of a campaign with its journal: `TinyDB(path, storage=CampaignStorage)`.

The data file alone is a TinyDB file that TinyDB's default storage reads; the latest changes
may still be in the journal beside it. This storage reads both, as infoint does, so a script (or
a test) sees exactly what the user saw saved. It never writes: infoint writes the file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .engine import Engine


class CampaignStorage(Storage):
    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self.path.exists():
            return None
        engine = Engine(self.path, create=False, now=datetime.now)
        try:
            return engine.document()
        finally:
            engine.release()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise PermissionError(f"{self.path} is written by infoint; this view of it is read-only")

    def close(self) -> None:
        pass
