"""Reading an import file into text: missing, empty, binary and non-UTF-8 files handled clearly."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..domain.text import clean_text

# Control characters that never appear in a text export; tab, newlines and form feed do.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
# Above this share of control characters in the first few kilobytes, the file is not text.
_BINARY_SHARE = 0.02
_SAMPLE = 8192
MAX_SIZE = 256 * 2**20  # bytes: far above any real export, below what would exhaust memory


class FormatError(ValueError):
    """Content that cannot be imported; `str()` is one line for the user (exit status 1)."""


class MissingSource(FormatError):
    """The file named does not exist or is a folder: a bad argument (exit status 2)."""


@dataclass(frozen=True)
class Source:
    """An import file's text, and how it was decoded."""

    name: str
    text: str
    encoding: str = "utf-8"

    @property
    def encoding_note(self) -> str:
        """A line for the summary when the file was not UTF-8 (empty otherwise)."""
        if self.encoding in ("utf-8", "utf-8-sig", "ascii"):
            return ""
        return f"{self.name} is not UTF-8; it was read as {_ENCODING_NAMES.get(self.encoding, self.encoding)}"


_ENCODING_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "latin-1": "Latin-1",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


def read_source(path: Path) -> Source:
    """Read `path` as text, or raise MissingSource / FormatError with one clear line."""
    # A file name is outside text too: one holding an escape sequence must not reach the terminal.
    shown = clean_text(str(path))
    name = clean_text(path.name) or shown
    try:
        raw = _read_regular_file(path, shown)
    except FileNotFoundError:
        raise MissingSource(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise MissingSource(f"{shown} is a folder, not a file") from None
    except PermissionError:
        raise FormatError(f"{shown} cannot be read: permission denied") from None
    except OSError as error:
        raise FormatError(f"{shown} cannot be read: {error.strerror or error}") from None
    return decode_source(name, raw)


def _read_regular_file(path: Path, shown: str) -> bytes:
    # A FIFO would block the open itself, and a device (/dev/zero) never end: the file is
    # opened without waiting, and only a regular one is read.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            raise FormatError(f"{shown} is not a regular file")
        if status.st_size > MAX_SIZE:
            raise FormatError(
                f"{shown} is {status.st_size / 2**20:,.0f} MB; an import file holds at most "
                f"{MAX_SIZE // 2**20} MB"
            )
        with os.fdopen(descriptor, "rb") as file:
            descriptor = -1  # closed with the file
            return file.read(MAX_SIZE + 1)
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def decode_source(name: str, raw: bytes) -> Source:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if not raw.strip():
        raise FormatError(f"{name} is empty")
    encoding = _guess_encoding(raw)
    if encoding is None:
        raise FormatError(f"{name} is not a text file (it looks like binary data)")
    try:
        if encoding == "utf-8":
            text = raw.decode("utf-8-sig")
        elif encoding == "cp1252":
            # A byte cp1252 leaves undefined (0x81, 0x8d, ...) falls back to Latin-1 for that byte.
            text = raw.decode("cp1252", errors="latin1_fallback")
        else:
            text = raw.decode(encoding)
    except UnicodeDecodeError as error:  # a UTF-8 BOM before other bytes, an odd UTF-16 length
        label = _ENCODING_NAMES.get(encoding, encoding.upper())
        raise FormatError(
            f"{name} cannot be read as {label} text ({error.reason} at byte {error.start})"
        ) from None
    text = text.removeprefix("\ufeff")
    if _looks_binary(text[:_SAMPLE]):
        raise FormatError(f"{name} is not a text file (it looks like binary data)")
    if not text.strip():
        raise FormatError(f"{name} is empty")
    return Source(name=name, text=text, encoding=encoding)


def _guess_encoding(raw: bytes) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = raw[:_SAMPLE]
    if b"\x00" in sample:
        # UTF-16 without a BOM puts a zero byte beside every ASCII character.
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.4 and odd.count(0) == 0:
            return "utf-16-be"
        return None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) in _CONTROL)
    return controls > len(text) * _BINARY_SHARE


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("latin-1"), error.end


codecs.register_error("latin1_fallback", _latin1_fallback)
