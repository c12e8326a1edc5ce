"""Persistence: one Repository over a TinyDB JSON file, written atomically and locked."""

from .errors import (
    AlreadyOpen,
    CorruptFile,
    NewerSchema,
    NotFound,
    ReadOnlyFile,
    StoreError,
)
from .repository import Repository

__all__ = [
    "AlreadyOpen",
    "CorruptFile",
    "NewerSchema",
    "NotFound",
    "ReadOnlyFile",
    "Repository",
    "StoreError",
]
