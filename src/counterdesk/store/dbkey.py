"""The desk database's encryption key: random, kept by the operating system, never beside
the data.

- 32 random bytes, made with the database (or when a plain database of an older version is
  encrypted); SQLCipher takes them as a raw key (``PRAGMA key = "x'…'"``, no passphrase).
- Kept for this user by the operating system's credential store through ``keyring``
  (Windows Credential Manager, protected by DPAPI; the Secret Service of a Linux desktop).
  Where no real credential store runs, in a file ``<key id>.key`` (0600) in a folder
  (0700) of the user's configuration directory: outside the data folder, so a copy of the
  data folder (a backup disk, a stolen stick) opens nothing. ``COUNTERDESK_KEY_DIR`` names
  that folder and then the credential store is left alone (tests; installations that
  prefer the file).
- Beside the database, ``desk.sqlite3.keyid`` names the key (a random id, no secret).
  Backups of the database share the key, so a backup put back opens.
- Never logged or printed. The district hub keeps a copy sealed to its own key (escrow,
  see ``services/escrow.py``) so that the database of a dead PC can be opened on another.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from platformdirs import user_config_dir

from counterdesk.store.errors import StoreError
from counterdesk.store.private import FILE_MODE, private_folder, write_private

log = logging.getLogger(__name__)

KEY_DIR_ENV: Final = "COUNTERDESK_KEY_DIR"
KEYRING_SERVICE: Final = "counterdesk desk database"
KEY_LENGTH: Final = 32
ID_SUFFIX: Final = ".keyid"
_ID_FORMAT: Final = "counterdesk-database-key"
_KEY_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True, repr=False)
class DatabaseKey:
    """A database key and its id. ``repr`` shows only the id (keys never reach a log)."""

    key_id: str
    secret: bytes

    def __post_init__(self) -> None:
        if not _KEY_ID.fullmatch(self.key_id) or len(self.secret) != KEY_LENGTH:
            raise ValueError("a database key is 32 bytes with a 32-hex-digit id")

    def __repr__(self) -> str:
        return f"DatabaseKey({self.key_id})"

    def sql(self) -> str:
        """The key as SQLCipher takes it in ``PRAGMA key`` and ``ATTACH … KEY``."""
        return f"\"x'{self.secret.hex()}'\""


def key_id_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ID_SUFFIX)


def read_key_id(db_path: Path) -> str | None:
    """The id of the key of the database at ``db_path`` (None: no or unreadable id file)."""
    try:
        raw = json.loads(key_id_path(db_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return None
    key_id = raw.get("key_id") if isinstance(raw, dict) else None
    return key_id if isinstance(key_id, str) and _KEY_ID.fullmatch(key_id) else None


def _id_file(key_id: str) -> bytes:
    return (json.dumps({"format": _ID_FORMAT, "key_id": key_id}) + "\n").encode()


# key stores -----------------------------------------------------------------------------
class KeyStore(Protocol):
    name: str

    def get(self, key_id: str) -> bytes | None: ...

    def put(self, key_id: str, secret: bytes) -> None: ...


class FileKeyStore:
    """``<folder>/<key id>.key``: the key in hex, 0600, in a 0700 folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = f"key file in {folder}"

    def path(self, key_id: str) -> Path:
        return self.folder / f"{key_id}.key"

    def get(self, key_id: str) -> bytes | None:
        try:
            text = self.path(key_id).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None
        try:
            secret = bytes.fromhex(text)
        except ValueError:
            return None
        return secret if len(secret) == KEY_LENGTH else None

    def put(self, key_id: str, secret: bytes) -> None:
        private_folder(self.folder)
        write_private(self.path(key_id), secret.hex().encode() + b"\n")


class KeyringStore:
    """The operating system's credential store (Windows Credential Manager, Secret Service)."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.name = "the system credential store"

    def get(self, key_id: str) -> bytes | None:
        try:
            text = self.backend.get_password(KEYRING_SERVICE, key_id)
        except Exception as exc:  # any backend failure: try the next store
            log.warning("the credential store could not be read: %s", type(exc).__name__)
            return None
        if not text:
            return None
        try:
            secret = bytes.fromhex(text)
        except ValueError:
            return None
        return secret if len(secret) == KEY_LENGTH else None

    def put(self, key_id: str, secret: bytes) -> None:
        self.backend.set_password(KEYRING_SERVICE, key_id, secret.hex())


def default_key_dir() -> Path:
    return Path(user_config_dir("counterdesk", appauthor=False)) / "keys"


def _real_keyring() -> Any | None:
    """keyring's backend when it is a real credential store, else None (Linux without a
    desktop keyring has only keyring's "fail" backend; keyrings.alt's plain-text files are no
    better than our own key file)."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except Exception:  # keyring missing or broken: the key file it is
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    module = type(backend).__module__
    if module.startswith(("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")):
        return None
    return backend


def key_stores() -> list[KeyStore]:
    """Where keys are kept, in the order they are tried."""
    explicit = os.environ.get(KEY_DIR_ENV)
    if explicit:
        return [FileKeyStore(Path(explicit).expanduser())]
    stores: list[KeyStore] = []
    backend = _real_keyring()
    if backend is not None:
        stores.append(KeyringStore(backend))
    stores.append(FileKeyStore(default_key_dir()))
    return stores


# finding and making keys ------------------------------------------------------------------
def find_key(db_path: Path) -> DatabaseKey | None:
    """The key of the database at ``db_path``: None when it has no id file or no store on
    this computer holds the key."""
    key_id = read_key_id(db_path)
    if key_id is None:
        return None
    return lookup(key_id)


def _lookup_stores() -> Iterator[KeyStore]:
    """The stores a key is looked up in: the key file first. Reading it costs nothing, while
    finding the system's credential store loads keyring and every one of its backends (about
    0.1 s on each start of a command). A key is kept in one store only (:func:`save_key`),
    so the order does not change which key is found."""
    explicit = os.environ.get(KEY_DIR_ENV)
    if explicit:
        yield FileKeyStore(Path(explicit).expanduser())
        return
    yield FileKeyStore(default_key_dir())
    backend = _real_keyring()
    if backend is not None:
        yield KeyringStore(backend)


def lookup(key_id: str) -> DatabaseKey | None:
    for store in _lookup_stores():
        secret = store.get(key_id)
        if secret is not None:
            return DatabaseKey(key_id, secret)
    return None


def _check_outside(store: KeyStore, db_path: Path) -> None:
    if not isinstance(store, FileKeyStore):
        return
    data = db_path.parent.resolve()
    folder = store.folder.resolve()
    if folder == data or data in folder.parents:
        raise StoreError(
            f"the key folder {store.folder} is inside the data folder {db_path.parent}: the "
            f"key must not be kept with the data it locks; set {KEY_DIR_ENV} to a folder "
            "outside it",
            code="key_in_data_folder",
        )


def save_key(key: DatabaseKey, db_path: Path) -> str:
    """Keep ``key`` in the first store that takes it; returns that store's name."""
    problems = []
    for store in key_stores():
        _check_outside(store, db_path)
        try:
            store.put(key.key_id, key.secret)
        except Exception as exc:  # a locked or broken credential store: the next one
            problems.append(f"{store.name}: {type(exc).__name__}")
            continue
        return store.name
    raise StoreError(
        "the database key cannot be kept on this computer (" + "; ".join(problems) + "); "
        f"set {KEY_DIR_ENV} to a folder this user can write, outside the data folder",
        code="key_unsaved",
    )


def install_key(key: DatabaseKey, db_path: Path) -> str:
    """Keep ``key`` and name it beside the database (a recovered desk); returns the store."""
    where = save_key(key, db_path)
    write_private(key_id_path(db_path), _id_file(key.key_id))
    return where


def new_key(db_path: Path) -> DatabaseKey:
    """The key for a database about to be made (or encrypted) at ``db_path``.

    The key is kept before its id file is written, and the id file is created only when
    there is none: two programs starting at once agree on one key. An id file whose key no
    store holds (a key lost before its database was made) is replaced.
    """
    found = find_key(db_path)
    if found is not None:
        return found
    key = DatabaseKey(secrets.token_hex(16), secrets.token_bytes(KEY_LENGTH))
    save_key(key, db_path)
    path = key_id_path(db_path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        for _ in range(5):  # another program may be writing it this very moment
            found = find_key(db_path)
            if found is not None:
                return found  # it was quicker: its key it is
            time.sleep(0.05)
        write_private(path, _id_file(key.key_id))
        return key
    try:
        os.write(fd, _id_file(key.key_id))
        os.fsync(fd)
    finally:
        os.close(fd)
    return key
