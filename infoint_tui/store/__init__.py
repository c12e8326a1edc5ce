"""Persistence: one Repository over a TinyDB JSON file, written atomically and locked.

The errors are light to import; the Repository (TinyDB, orjson) is imported on first use.
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    AlreadyOpen,
    CorruptFile,
    NewerSchema,
    NotFound,
    ReadOnlyFile,
    StoreError,
)

if TYPE_CHECKING:
    from .repository import Repository


def __getattr__(name: str) -> Any:
    if name == "Repository":
        from .repository import Repository

        return Repository
    raise AttributeError(name)


__all__ = [
    "AlreadyOpen",
    "CorruptFile",
    "NewerSchema",
    "NotFound",
    "ReadOnlyFile",
    "Repository",
    "StoreError",
]
