"""Errors the store raises, each with a message a user can act on."""

from __future__ import annotations

from pathlib import Path

ENV_PASSPHRASE = "INFOINT_PASSPHRASE"


class StoreError(Exception):
    """A problem with the data file; `str()` is one clear line for the user."""


class CorruptFile(StoreError):
    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path, self.problem, self.backup = path, problem, backup
        hint = f"; the newest backup is {backup}" if backup else "; no backup was found"
        super().__init__(f"{path} cannot be read ({problem}); it was not changed{hint}")


class NewerSchema(StoreError):
    def __init__(self, path: Path, found: int, supported: int, backup: Path | None) -> None:
        self.path, self.found, self.supported, self.backup = path, found, supported, backup
        hint = f"; the newest backup is {backup}" if backup else ""
        super().__init__(
            f"{path} was written by a newer infoint (schema {found}, this version reads up to "
            f"{supported}); update infoint to open it. The file was not changed{hint}"
        )


class ReadOnlyFile(StoreError):
    pass


class CampaignReplaced(StoreError):
    """The data file became another campaign (or went) while the app had it open: writing stops,
    so nothing of this campaign is written into the other."""


class AlreadyOpen(StoreError):
    pass


class NotFound(StoreError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"


class PassphraseNeeded(StoreError):
    """The file is encrypted and no passphrase was given or found (environment, keyring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is encrypted: give its passphrase (set {ENV_PASSPHRASE}, or keep it in the "
            "system keyring with `infoint encrypt --keyring`)"
        )


class WrongPassphrase(StoreError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"wrong passphrase for {path}; nothing was read or written")
