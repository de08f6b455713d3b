"""Files only this user may read: data folders 0700, their files 0600 (POSIX).

On Windows the user's profile folder's access list does this job; these calls do nothing
there. Permissions are only ever tightened (group and other bits cleared), never widened:
a file someone made read-only stays read-only.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def tighten(path: Path) -> None:
    """Clear the group and other permission bits of ``path`` (no error when it cannot)."""
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return
        if mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)


def private_folder(folder: Path) -> None:
    """Make ``folder`` (and missing parents) and keep it and the files directly in it private."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    tighten_folder(folder)


def tighten_folder(folder: Path) -> None:
    """``folder`` 0700 and every file and folder directly in it without group/other bits."""
    if not POSIX:
        return
    tighten(folder)
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            tighten(Path(entry.path))


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 when it does not exist (SQLite gives its -wal
    and -shm files the mode of the database file)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def write_private(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` whole (temporary file, fsync, rename), mode 0600."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync:
        fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; the rename is done all the same
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
