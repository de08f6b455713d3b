"""Finding bundle files on a USB stick (files or folders, recursively) and reading them.

Nothing on a stick is trusted: links are never followed (a link named ``x.cdb`` could
point at ``/etc/shadow`` or ``/dev/zero``; a linked folder anywhere), only regular files are
read (a FIFO would hang the import, a device would never end), and a file's size is checked
from the open file before reading, reading at most the limit plus one byte.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from counterdesk.sync.bundle import READ_PAYLOAD_LIMIT

BUNDLE_SUFFIX: Final = ".cdb"
# A bundle file holds at most READ_PAYLOAD_LIMIT bytes of payload, compressed (zlib never
# grows data by more than about 0.1 %), plus 16 bytes per chunk and about 1 KiB of framing.
MAX_BUNDLE_FILE: Final = READ_PAYLOAD_LIMIT + READ_PAYLOAD_LIMIT // 8 + 64 * 1024

_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True)
class Found:
    """A file to read, or a path that could not be used (``problem`` set)."""

    path: Path
    problem: str = ""


def _kind(mode: int) -> str:
    """What a path that is not a regular file or folder is, for a person."""
    if stat.S_ISLNK(mode):
        return "a link (links on a stick are never followed)"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file or folder"


def find_bundle_files(paths: Sequence[Path]) -> Iterator[Found]:
    """Every bundle file under ``paths``, in a stable order.

    A file named on the command line is taken whatever its name; inside folders only
    ``*.cdb`` files are taken, and hidden files (half-written ``.name.part`` files, macOS
    ``._`` files) are left alone. Links (to files or folders) are never followed and
    anything that is not a regular file is reported, not read; a folder that cannot be
    listed is reported too.
    """
    seen: set[tuple[int, int] | str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            st = path.lstat()
        except FileNotFoundError:
            yield Found(path, "no such file or folder")
            continue
        except OSError as exc:
            yield Found(path, f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, seen)
        elif stat.S_ISREG(st.st_mode):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                yield Found(path)
        else:
            yield Found(path, _kind(st.st_mode))


def _walk(top: Path, seen: set[tuple[int, int] | str]) -> Iterator[Found]:
    """Bundle files in ``top`` and its sub-folders (not hidden ones), without following links."""
    out: list[Found] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            out.append(Found(folder, f"cannot list this folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                out.append(Found(path, f"cannot read: {exc.strerror or exc}"))
                continue
            if stat.S_ISDIR(st.st_mode):
                folders.append(path)
            elif not entry.name.lower().endswith(BUNDLE_SUFFIX):
                if stat.S_ISLNK(st.st_mode) and _links_to_folder(path):
                    out.append(
                        Found(path, "a link to a folder (links on a stick are never followed)")
                    )
                continue
            elif stat.S_ISREG(st.st_mode):
                key = _identity(path)
                if key not in seen:
                    seen.add(key)
                    out.append(Found(path))
            else:
                out.append(Found(path, _kind(st.st_mode)))
    yield from sorted(out, key=lambda f: f.path)


def _identity(path: Path) -> tuple[int, int] | str:
    """Which file this is (the same file named twice is read once). From ``os.lstat``: a
    folder listing's own stat has no inode number on Windows."""
    try:
        st = os.lstat(path)
    except OSError:  # gone meanwhile: reading it will say so
        return str(path)
    return st.st_dev, st.st_ino


def _links_to_folder(path: Path) -> bool:
    """Whether a link points at a folder (looked at, never entered)."""
    try:
        return path.is_dir()
    except OSError:
        return False


class NotRegularFile(OSError):
    """A path to read that is a link, a pipe, a device or anything but a regular file."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The whole of ``path`` if it is a regular file of at most ``limit`` bytes.

    Never follows a link at ``path`` and never blocks on a pipe or device (they are
    refused); the size is taken from the open file before reading, and at most ``limit``
    + 1 bytes are read (a file growing meanwhile is refused too). Raises OSError.
    """
    with _open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise OSError(errno.EFBIG, f"the file is too large ({size} bytes; at most {limit})")
        data = fh.read(size + 1)  # (read() reserves what it is asked for: ask for little)
        if len(data) > size:
            data += fh.read(limit + 1 - len(data))
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"the file grew beyond {limit} bytes while it was read")
    return data


def read_head(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of a regular file (as :func:`read_regular_file`)."""
    with _open_regular(path) as fh:
        return fh.read(count)


def _open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file; else NotRegularFile."""
    if not hasattr(os, "O_NOFOLLOW"):  # Windows: no O_NOFOLLOW, look first
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, _kind(st.st_mode))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise NotRegularFile(errno.ELOOP, _kind(stat.S_IFLNK)) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, _kind(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bundle_file(path: Path) -> bytes:
    """The whole file; raises OSError (also for a link, anything but a regular file, or a
    file too large to be a bundle)."""
    return read_regular_file(path, MAX_BUNDLE_FILE)


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


class StickFolderRefused(OSError):
    """A folder on a stick that is not written into: a link somewhere in its path, or not
    a folder at all."""


def write_problem(exc: OSError) -> str:
    """Why a write onto a stick failed, in words an officer can act on."""
    if isinstance(exc, (StickMissing, StickFolderRefused)):
        return str(exc.strerror)
    why = _WHY.get(exc.errno or 0)
    detail = exc.strerror or str(exc)
    return f"{why} ({detail})" if why else detail


def make_stick_folder(folder: Path) -> None:
    """Create ``folder`` on a stick, one level only: its parent (the stick, or a folder on
    it) must exist, so that a stick that is not there never becomes a folder of that name
    on the PC's own disk (the files would stay behind, looking delivered). No link may
    lead to it (a link on a stick could point anywhere on this PC)."""
    _refuse_links(folder)
    if not folder.parent.is_dir():
        raise StickMissing(
            errno.ENOENT, f"{folder.parent} does not exist (is the stick plugged in?)"
        )
    folder.mkdir(exist_ok=True)


def _refuse_links(path: Path) -> None:
    """Refuse ``path`` when it, or any folder on the way to it, is a link (on a stick a
    link could lead anywhere on this PC); parts that do not exist yet are not looked at."""
    full = Path(os.path.abspath(path))
    for part in [*reversed(full.parents), full]:
        try:
            st = part.lstat()
        except FileNotFoundError:
            return
        if stat.S_ISLNK(st.st_mode):
            raise StickFolderRefused(
                errno.ELOOP,
                f"{part} is a link; nothing is written through a link on a stick "
                "(remove the link, or give the real folder)",
            )
        if part != full and not stat.S_ISDIR(st.st_mode):
            raise StickFolderRefused(errno.ENOTDIR, f"{part} is not a folder")


def check_stick_folder(folder: Path) -> None:
    """``folder`` must exist, be a folder, and have no link in its path. Raises OSError
    (:func:`write_problem` words it)."""
    folder = Path(folder)
    if not os.path.lexists(folder):
        raise StickMissing(errno.ENOENT, f"{folder} does not exist (is the stick plugged in?)")
    _refuse_links(folder)
    if not folder.is_dir():
        raise StickFolderRefused(errno.ENOTDIR, f"{folder} is not a folder")


def make_stick_subfolder(root: Path, name: str) -> Path:
    """``root/name`` for files to write (the replies for one desk): ``root`` must exist (a
    stick that is not plugged in never becomes a folder on the PC's own disk), and neither
    it nor ``root/name`` nor any folder above may be a link. Raises OSError
    (:func:`write_problem` words it)."""
    root = Path(root)
    check_stick_folder(root)
    folder = root / name
    _refuse_links(folder)
    with contextlib.suppress(FileExistsError):
        folder.mkdir()
    _refuse_links(folder)
    if not folder.is_dir():
        raise StickFolderRefused(errno.ENOTDIR, f"{folder} is not a folder")
    return folder


def regular_files(folder: Path) -> list[Path]:
    """The regular files directly in ``folder`` (links and anything else left out)."""
    out: list[Path] = []
    with os.scandir(folder) as it:
        for entry in it:
            if entry.is_file(follow_symlinks=False):
                out.append(Path(entry.path))
    return sorted(out)
