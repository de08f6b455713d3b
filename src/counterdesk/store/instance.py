"""The desk's instance file: epoch, last sequence seen and machine, beside the database.

Used to notice a database restored from a backup or copied to another PC
(see services/instance.py). Written after every commit without fsync: losing
it only loses a hint, never data.
"""

from __future__ import annotations

import contextlib
import json
import platform
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from counterdesk.store.private import write_private

INSTANCE_FILE = "desk.instance"


@cache
def machine_id() -> str:
    """A stable id of this computer (not secret, not personal)."""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            text = Path(path).read_text().strip()
            if text:
                return text
    if platform.system() == "Windows":
        with contextlib.suppress(OSError, ImportError):
            import winreg

            key = winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
                winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
                r"SOFTWARE\Microsoft\Cryptography",
            )
            value, _ = winreg.QueryValueEx(key, "MachineGuid")  # type: ignore[attr-defined,unused-ignore]
            return str(value)
    return f"node-{uuid.getnode():012x}"


@dataclass(frozen=True)
class Instance:
    epoch: str
    last_seq: int
    machine: str


def read_instance(root: Path) -> Instance | None:
    try:
        raw = json.loads((root / INSTANCE_FILE).read_text(encoding="utf-8"))
        return Instance(str(raw["epoch"]), int(raw["last_seq"]), str(raw["machine"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_instance(root: Path, epoch: str, last_seq: int, machine: str | None = None) -> None:
    data = {"epoch": epoch, "last_seq": last_seq, "machine": machine or machine_id()}
    with contextlib.suppress(OSError):
        write_private(root / INSTANCE_FILE, json.dumps(data).encode(), sync=False)
