"""The errors an action can raise, for screens and commands to catch (each is one line to show)."""

from ..store.errors import (
    AlreadyOpen,
    CorruptFile,
    NewerSchema,
    NotFound,
    PassphraseNeeded,
    ReadOnlyFile,
    StoreError,
    WrongPassphrase,
)

__all__ = [
    "AlreadyOpen",
    "CorruptFile",
    "NewerSchema",
    "NotFound",
    "PassphraseNeeded",
    "ReadOnlyFile",
    "StoreError",
    "WrongPassphrase",
]
