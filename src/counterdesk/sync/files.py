"""Finding bundle files on a USB stick (files or folders, recursively) and reading them."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

BUNDLE_SUFFIX: Final = ".cdb"
MAX_BUNDLE_FILE: Final = 600 * 1024 * 1024  # a bundle's payload is at most 512 MiB


@dataclass(frozen=True)
class Found:
    """A file to read, or a path that could not be used (``problem`` set)."""

    path: Path
    problem: str = ""


def find_bundle_files(paths: Sequence[Path]) -> Iterator[Found]:
    """Every bundle file under ``paths``, in a stable order.

    A file named on the command line is taken whatever its name; inside folders only
    ``*.cdb`` files are taken, and hidden files (half-written ``.name.part`` files, macOS
    ``._`` files) are left alone.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            for folder, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith(".") or not name.lower().endswith(BUNDLE_SUFFIX):
                        continue
                    found.append(Path(folder) / name)
            for f in sorted(found):
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    yield Found(f)
        elif path.is_file():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                yield Found(path)
        elif path.exists():
            yield Found(path, "not a regular file or folder")
        else:
            yield Found(path, "no such file or folder")


def read_bundle_file(path: Path) -> bytes:
    """The whole file; raises OSError (also for a file too large to be a bundle)."""
    size = path.stat().st_size
    if size > MAX_BUNDLE_FILE:
        raise OSError(f"{size} bytes is too large for a bundle")
    return path.read_bytes()


_WHY: Final = {
    errno.ENOSPC: "the stick or disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file is too large for this stick's file system, or the stick is full",
    errno.EROFS: "the stick or disk is read-only (a write-protect switch?)",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.ENOENT: "the folder is gone: was the stick removed?",
    errno.ENODEV: "the stick was removed",
    errno.ENXIO: "the stick was removed",
    errno.ESTALE: "the stick was removed",
    errno.EIO: "the stick failed to write (removed, or damaged)",
}


class StickMissing(OSError):
    """The folder a stick folder belongs in is not there (the stick is not plugged in)."""


def write_problem(exc: OSError) -> str:
    """Why a write onto a stick failed, in words an officer can act on."""
    if isinstance(exc, StickMissing):
        return str(exc.strerror)
    why = _WHY.get(exc.errno or 0)
    detail = exc.strerror or str(exc)
    return f"{why} ({detail})" if why else detail


def make_stick_folder(folder: Path) -> None:
    """Create ``folder`` on a stick, one level only: its parent (the stick, or a folder on
    it) must exist, so that a stick that is not there never becomes a folder of that name
    on the PC's own disk (the files would stay behind, looking delivered)."""
    if not folder.parent.is_dir():
        raise StickMissing(
            errno.ENOENT, f"{folder.parent} does not exist (is the stick plugged in?)"
        )
    folder.mkdir(exist_ok=True)
