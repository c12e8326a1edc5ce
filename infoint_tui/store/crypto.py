"""Encryption at rest: a key from the passphrase (scrypt), each record and journal line sealed
with ChaCha20-Poly1305, and where the passphrase is found (environment, system keyring).

An encrypted file stays a TinyDB JSON document in layout.py's lines; each record is

    "12":{"enc":"<base64 of nonce and ciphertext>"}

(a meeting's notes also keep their id in the clear, `{"id":"…","enc":"…"}`, so they are indexed
without being decrypted), sealed with its table and key as associated data, so a record moved
to another place (or a notes record shown under another id) fails its check. The meta record stays readable: the schema, the fold token,
the campaign id and `crypt`, the key derivation's parameters, its salt and a check value that
tells a wrong passphrase before anything is decrypted or written. Journal lines are sealed
with the fold token of the file they continue.

The cryptography package does the cryptography; this module only decides what is sealed, with
what associated data, and where the parameters live.
"""

from __future__ import annotations

import base64
import binascii
import os
import threading
from pathlib import Path
from typing import Any

import orjson

from .errors import ENV_PASSPHRASE, WrongPassphrase
from .layout import META_TABLE, NOTES_TABLE, Contents, Malformed

# For tests only: a lower scrypt cost (log2 of N) for the files they encrypt, so a test does
# not spend a quarter of a second per key. Real use never sets it, and then the cost is SCRYPT_N.
ENV_TEST_SCRYPT_LOG2_N = "INFOINT_TEST_SCRYPT_LOG2_N"
KEYRING_SERVICE = "infoint"

VERSION = 1
AEAD_NAME = "chacha20-poly1305"
KDF_NAME = "scrypt"
# scrypt at N=2^15, r=8, p=3: one of the settings OWASP's password storage guide gives as
# equal to its minimum (N=2^17, r=8, p=1), with 32 MiB of memory instead of 128, since the app
# must stay small; about a quarter of a second per key. Kept in the file, so it can rise.
SCRYPT_N = 1 << 15
SCRYPT_R = 8
SCRYPT_P = 3
# What a file may ask for: more would let a hand-edited file take the machine's memory.
MAX_SCRYPT_N = 1 << 20
MAX_SCRYPT_R = 32
MAX_SCRYPT_P = 16
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
_CHECK_AAD = b"infoint key check"


class Cipher:
    """The key of one encrypted file, and what it seals and opens."""

    def __init__(self, key: bytes, meta: dict[str, Any]) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        self._aead = ChaCha20Poly1305(key)
        self.meta = meta  # the `crypt` entry of the file's meta record

    def same_key(self, meta: Any) -> bool:
        """Whether a file whose meta holds `meta` is sealed with this key."""
        return isinstance(meta, dict) and all(
            meta.get(name) == self.meta.get(name)
            for name in ("kdf", "n", "r", "p", "salt", "check")
        )

    # -- bytes -------------------------------------------------------------------------------
    def seal(self, data: bytes, aad: bytes) -> bytes:
        """`data` sealed, as base64 (ASCII, safe inside a JSON string)."""
        nonce = os.urandom(NONCE_BYTES)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, data, aad))

    def open(self, token: str | bytes, aad: bytes) -> bytes:
        """What `seal` sealed; raises ValueError if it was changed or sealed with another key
        or associated data."""
        from cryptography.exceptions import InvalidTag

        try:
            raw = base64.b64decode(token, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not base64") from None
        if len(raw) < NONCE_BYTES + 16:
            raise ValueError("too short")
        try:
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad)
        except InvalidTag:
            raise ValueError("fails its check") from None

    # -- records -----------------------------------------------------------------------------
    def seal_record(self, table: str, key: str, data: bytes, record_id: str | None = None) -> bytes:
        """A record's JSON as it is written in an encrypted file (`record_id`: a meeting's
        notes, whose id stays readable so the notes are indexed without the key)."""
        token = self.seal(data, _record_aad(table, key, record_id))
        if record_id is None:
            return b'{"enc":"' + token + b'"}'
        return b'{"id":' + orjson.dumps(record_id) + b',"enc":"' + token + b'"}'

    def open_record(self, table: str, key: str, sealed: Any) -> dict[str, Any]:
        """The document a record line of an encrypted file holds. Raises Malformed."""
        token = sealed.get("enc") if isinstance(sealed, dict) else None
        if not isinstance(token, str):
            raise Malformed(f"table {table!r} has a record {key!r} that is not encrypted")
        shown_id = sealed.get("id")
        try:
            if shown_id is not None and not isinstance(shown_id, str):
                raise ValueError("an id that is not text")
            doc = orjson.loads(self.open(token, _record_aad(table, key, shown_id)))
        except ValueError:  # orjson.JSONDecodeError is a ValueError too
            raise Malformed(
                f"record {key!r} of table {table!r} fails its check (changed since it was "
                "written, or moved from elsewhere)"
            ) from None
        if not isinstance(doc, dict):
            raise Malformed(f"table {table!r} has a malformed record {key!r}")
        if shown_id is not None and doc.get("id", shown_id) != shown_id:
            raise Malformed(f"record {key!r} of table {table!r} does not hold the id it shows")
        return doc

    # -- journal lines -----------------------------------------------------------------------
    def seal_line(self, data: bytes, fold: str) -> bytes:
        """A journal line's payload (JSON) sealed, as a JSON string."""
        return b'"' + self.seal(data, _line_aad(fold)) + b'"'

    def open_line(self, payload: Any, fold: str) -> Any:
        """A journal line's payload as written before sealing; ValueError if it cannot be."""
        if not isinstance(payload, str):
            raise ValueError("a line that is not encrypted")
        return orjson.loads(self.open(payload, _line_aad(fold)))


def sealed_in(tables: dict[str, dict[str, Any]]) -> Any:
    """The `crypt` entry of a file's meta record (None: the file is not encrypted)."""
    meta = next(iter((tables.get(META_TABLE) or {}).values()), None)
    return meta.get("crypt") if isinstance(meta, dict) else None


def open_contents(contents: Contents, cipher: Cipher) -> None:
    """Decrypt every record a file's `contents` hold, in place, but the notes only indexed
    (`Notes.read` decrypts those when asked for). Raises Malformed."""
    for name, table in contents.tables.items():
        if name != META_TABLE:
            contents.tables[name] = {
                key: cipher.open_record(name, key, doc) for key, doc in table.items()
            }
    for record_id, (key, doc) in list(contents.notes_docs.items()):
        contents.notes_docs[record_id] = (key, cipher.open_record(NOTES_TABLE, key, doc))


def _record_aad(table: str, key: str, record_id: str | None) -> bytes:
    aad = b"record\x00" + _utf8(table) + b"\x00" + _utf8(key)
    return aad if record_id is None else aad + b"\x00" + _utf8(record_id)


def _line_aad(fold: str) -> bytes:
    return b"journal\x00" + _utf8(fold)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


# -- keys from passphrases -------------------------------------------------------------------
_derived: dict[tuple[Any, ...], bytes] = {}
_derived_lock = threading.Lock()


def new_cipher(passphrase: str) -> Cipher:
    """A new key for a file: a fresh salt, the full cost (lower only under the test variable)."""
    salt = os.urandom(SALT_BYTES)
    n = _cost()
    key = _derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    meta: dict[str, Any] = {
        "v": VERSION,
        "aead": AEAD_NAME,
        "kdf": KDF_NAME,
        "n": n,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode(),
    }
    cipher = Cipher(key, meta)
    meta["check"] = cipher.seal(b"", _CHECK_AAD).decode()
    return cipher


def unlock(path: Path, meta: Any, passphrase: str) -> Cipher:
    """The key of a file whose meta record holds `meta` (its `crypt` entry). Raises
    WrongPassphrase before anything is decrypted, Malformed for parameters not ours."""
    cipher = Cipher(_derive(passphrase, *_kdf_parameters(meta)), dict(meta))
    try:
        cipher.open(str(meta.get("check")), _CHECK_AAD)
    except ValueError:
        raise WrongPassphrase(path) from None
    return cipher


def derive_ahead(meta: Any, passphrase: str) -> None:
    """Start deriving the key of a file whose meta record holds `meta`, in a thread (scrypt
    lets go of the GIL): the app imports its screens meanwhile, and `unlock` finds the key
    ready. Parameters not ours are left for `unlock` to refuse."""
    try:
        parameters = _kdf_parameters(meta)
    except Malformed:
        return
    threading.Thread(
        target=_derive, args=(passphrase, *parameters), name="infoint-key", daemon=True
    ).start()


def _kdf_parameters(meta: Any) -> tuple[bytes, int, int, int]:
    """The salt, n, r and p `meta` names. Raises Malformed."""
    if not isinstance(meta, dict) or meta.get("v") != VERSION:
        raise Malformed("it is encrypted in a way this version of infoint does not know")
    if meta.get("aead") != AEAD_NAME or meta.get("kdf") != KDF_NAME:
        raise Malformed("it is encrypted in a way this version of infoint does not know")
    n, r, p = meta.get("n"), meta.get("r"), meta.get("p")
    if not (
        type(n) is int
        and 2 <= n <= MAX_SCRYPT_N
        and n & (n - 1) == 0
        and type(r) is int
        and 1 <= r <= MAX_SCRYPT_R
        and type(p) is int
        and 1 <= p <= MAX_SCRYPT_P
    ):
        raise Malformed("its key derivation parameters are out of range")
    try:
        salt = base64.b64decode(str(meta.get("salt")), validate=True)
    except (binascii.Error, ValueError):
        raise Malformed("its key derivation salt is not base64") from None
    return salt, n, r, p


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt, once per passphrase and parameters in a process (a reload, a second view of
    the same file, reuse the key)."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    wanted = (passphrase, salt, n, r, p)
    with _derived_lock:
        found = _derived.get(wanted)
        if found is None:
            secret = passphrase.encode("utf-8", "surrogatepass")
            found = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(secret)
            _derived[wanted] = found
        return found


def _cost() -> int:
    text = os.environ.get(ENV_TEST_SCRYPT_LOG2_N, "")
    if text.isdigit() and 1 <= int(text) < SCRYPT_N.bit_length() - 1:
        return 1 << int(text)
    return SCRYPT_N


def sealed_with(path: Path) -> dict[str, Any] | None:
    """The `crypt` entry of the file's meta record, read from the file's first lines (None:
    not encrypted, no file, or not in infoint's layout, which the store then reads whole)."""
    try:
        with open(path, "rb") as handle:
            head = [handle.readline(1 << 16) for _ in range(3)]
    except OSError:
        return None
    if head[:2] != [b"{\n", b'"meta":{\n'] or not head[2].startswith(b'"1":'):
        return None
    try:
        meta = orjson.loads(head[2][4:].rstrip(b"\n"))
    except orjson.JSONDecodeError:
        return None
    found = meta.get("crypt") if isinstance(meta, dict) else None
    return found if isinstance(found, dict) else None


# -- where the passphrase is found -----------------------------------------------------------
def keyring_user(path: Path) -> str:
    """The keyring entry's user name for a data file: its real path."""
    return os.path.realpath(path)


def passphrase_from_environment(path: Path) -> str | None:
    """The passphrase from INFOINT_PASSPHRASE, else the system keyring, else None."""
    given = os.environ.get(ENV_PASSPHRASE)
    if given:
        return given
    return passphrase_from_keyring(path)


def passphrase_from_keyring(path: Path) -> str | None:
    """The passphrase kept in the system keyring for this file; None when there is none, no
    keyring, or a keyring that fails (any failure there is "no keyring")."""
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, keyring_user(path))
    except Exception:
        return None
    return found if isinstance(found, str) and found else None


def keep_in_keyring(path: Path, passphrase: str) -> str | None:
    """Store the passphrase in the system keyring; None if it was, else why not (one line)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_user(path), passphrase)
    except Exception as error:
        return f"the system keyring could not keep it ({_why(error)})"
    if passphrase_from_keyring(path) != passphrase:  # a backend that keeps nothing
        return "the system keyring did not keep it"
    return None


def forget_in_keyring(path: Path) -> bool:
    """Remove the file's passphrase from the system keyring; True if one was removed."""
    if passphrase_from_keyring(path) is None:
        return False
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, keyring_user(path))
    except Exception:
        return False
    return True


def _why(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
