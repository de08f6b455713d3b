"""Disks and sticks: a read-only data folder, a full stick, a stick pulled out mid-export,
and file names that survive a FAT32 stick.

Every failure must be one clear ``error:`` line that says what and where, exit 1, and leave
nothing half-written: no bundle under its final name unless it is whole, the desk's outbox
as it was, so that the next export to a good stick carries everything.

How the conditions are made (the tests run as root in CI):

- read-only: a read-only bind mount (``EROFS``, which stops root too), and a folder the
  unprivileged user ``nobody`` cannot write (``setpriv``);
- full stick: a small tmpfs filled with a "photo" until only a few KiB are free; a file
  larger than ``RLIMIT_FSIZE`` (``EFBIG``, what FAT32 says past 4 GiB) needs no mount;
- stick removed: a tmpfs seen through a bind mount that is lazily unmounted and its mount
  point removed while the export writes (a second mount of the same tmpfs shows what the
  stick kept);
- FAT names: every file the desk and the hub write onto a stick is copied onto a FAT32
  image with mtools and back (this kernel cannot mount vfat), then used from that copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import EVENTS_OR_HELLO, open_desk_bundle
from counterdesk.hub.views import list_requests
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import export_to_folder
from counterdesk.services.setup import make_demo
from counterdesk.store.eventlog import last_seq
from counterdesk.sync.bundle import bundle_size
from counterdesk.sync.enrollment import FILE_SUFFIX

from .conftest import NIK_MAN, require_tool
from .sync.helpers import ADMIN, PASSWORD, enrollment_bytes, make_desk, make_hub, register

BIN = Path(sys.executable).parent
DESK_CMD = str(BIN / "counterdesk")
HUB_CMD = str(BIN / "counterdesk-hub")
NOBODY = 65534
SKTM_FIELDS = [
    *("--field", "address=Dusun Sebunga", "--field", "occupation=Petani"),
    *("--field", "purpose=Berobat"),
]
CI = os.environ.get("CI") == "true"


# helpers ---------------------------------------------------------------------------------
def env() -> dict[str, str]:
    return os.environ | {
        "COUNTERDESK_PASSWORD": PASSWORD,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
    }


def run(
    cmd: Sequence[str], *, user: Sequence[str] = (), **kw: Any
) -> subprocess.CompletedProcess[str]:
    kw.setdefault("env", env())
    return subprocess.run(
        [*user, *cmd], capture_output=True, text=True, timeout=180, check=False, **kw
    )


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The command failed with exit 1 and exactly one ``error:`` line, no traceback."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``folder`` (folders as "dir")."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def no_mounts(reason: str) -> None:
    message = f"this test mounts file systems (root with CAP_SYS_ADMIN needed): {reason}"
    if CI:
        pytest.fail(message)
    pytest.skip(message)


def mount(*args: str) -> None:
    require_tool("mount", "mount")
    if os.geteuid() != 0:
        no_mounts("not running as root")
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        no_mounts(done.stderr.strip() or f"mount {' '.join(args)} failed")


def umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def tmpfs(path: Path, size_kib: int) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "counterdesk-test", str(path))
    try:
        yield path
    finally:
        umount(path)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` as a read-only bind mount of itself: writes fail with EROFS, even as root."""
    mount("--bind", str(path), str(path))
    try:
        mount("-o", "remount,ro,bind", str(path))
        yield path
    finally:
        umount(path)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` with a "photo" until ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with (folder / "FOTO_0001.JPG").open("wb") as fh:
        fh.write(os.urandom(max(0, free - leave)))


def whole_bundles(folder: Path, hub_root: Path) -> list[str]:
    """Every *.cdb there is complete and verifies as the hub opens it (nothing stored)."""
    names = []
    with Hub.open(hub_root) as hub:
        for path in sorted(folder.rglob("*.cdb")):
            data = path.read_bytes()
            assert bundle_size(data) == len(data), f"{path.name} is half-written"
            open_desk_bundle(hub, data, kinds=EVENTS_OR_HELLO)
            names.append(path.name)
    return names


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*"))


def sync_state(desk_root: Path) -> tuple[int, int, int, bool]:
    with Desk.open(desk_root) as desk:
        row = desk.conn.execute("SELECT acked_seq, exported_seq FROM sync_state").fetchone()
        return int(row[0]), int(row[1]), last_seq(desk.conn), audit(desk).ok


def hub_holds_each_once(hub_root: Path, events: int, requests: int) -> None:
    with Hub.open(hub_root) as hub:
        conn = hub.conn
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events
        doubled = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY event_id HAVING count(*) > 1)"
        ).fetchone()[0]
        assert doubled == 0
        registered = conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'request_registered'"
        ).fetchone()[0]
        assert registered == requests
        assert conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0


def district(root: Path, requests: int, code: str = "JGB-01") -> tuple[Path, Path]:
    """A hub and one enrolled desk holding ``requests`` unexported requests."""
    hub_root = make_hub(root / "hub")
    desk_root = make_desk(root / code, enrollment_bytes(hub_root, code))
    with Desk.open(desk_root) as desk:
        register(desk, requests, name="Warga Jagoi Babang")
    return hub_root, desk_root


def deliver(hub_root: Path, desk_root: Path, stick: Path, requests: int) -> None:
    """A complete trip through the command lines: the hub holds everything, once."""
    done = run([DESK_CMD, "--data-dir", str(desk_root), "export", str(stick)])
    assert done.returncode == 0, done.stderr
    done = run(
        [HUB_CMD, "--data-dir", str(hub_root), "import", str(stick), "--reply-to", str(stick)]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    done = run([DESK_CMD, "--data-dir", str(desk_root), "import", str(stick)])
    assert done.returncode == 0, done.stdout + done.stderr
    acked, _, last, ok = sync_state(desk_root)
    assert ok and acked == last
    hub_holds_each_once(hub_root, last, requests)


# read-only data folder -------------------------------------------------------------------
@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder every user can reach (pytest's own tmp folders are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="counterdesk-disks-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def unprivileged() -> list[str]:
    """A command prefix that runs as a user without write permission on root's files."""
    if os.geteuid() != 0:
        return []
    require_tool("setpriv", "util-linux")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = run([sys.executable, "-c", "import counterdesk"], user=prefix, cwd="/")
    if probe.returncode:
        pytest.skip(f"user nobody cannot run this checkout's Python: {probe.stderr.strip()}")
    return prefix


def key_dir_of(uid: int, parent: Path) -> Path:
    """The desk database keys of this test, as the user ``uid`` who owns the desk has them
    (the key store is the user's own: another user cannot read it)."""
    keys = parent / f"keys-{uid}"
    shutil.copytree(os.environ["COUNTERDESK_KEY_DIR"], keys)
    for path in (keys, *keys.iterdir()):
        os.chown(path, uid, uid)
    return keys


@contextlib.contextmanager
def unwritable(how: str, folder: Path) -> Iterator[list[str]]:
    """``folder`` cannot be written by the command prefix this yields."""
    if how == "read-only mount":
        with read_only(folder):
            yield []
    else:
        prefix = unprivileged()
        if not prefix:  # not root: permissions stop this user
            folder.chmod(0o555)
        try:
            yield prefix
        finally:
            folder.chmod(0o755)


HOWS = ["read-only mount", "no permission"]


@pytest.mark.parametrize("how", HOWS)
def test_no_desk_is_made_in_a_folder_that_cannot_be_written(
    how: str, tmp_path: Path, public_dir: Path
) -> None:
    base = (tmp_path if how == "read-only mount" else public_dir) / "data"
    base.mkdir()
    hub_root = make_hub(tmp_path / "hub")
    enrollment = tmp_path / "JGB-01.cdenroll"
    enrollment.write_bytes(enrollment_bytes(hub_root))
    enrollment.chmod(0o644)
    shutil.copy(enrollment, public_dir / enrollment.name)
    with unwritable(how, base) as user:
        for target, needs in ((base, "cannot be opened"), (base / "new", "cannot create")):
            made = run([DESK_CMD, "--data-dir", str(target), "demo"], user=user, cwd="/")
            line = error_line(made)
            assert needs in line and str(target) in line, line
            assert "--data-dir" in line  # what to do about it
            joined = run(
                [
                    DESK_CMD,
                    "--data-dir",
                    str(target),
                    "enroll",
                    str(public_dir / enrollment.name),
                    "--admin",
                    ADMIN,
                ],
                user=user,
                cwd="/",
            )
            line = error_line(joined)
            assert needs in line and str(target) in line, line
        assert list(base.iterdir()) == []
    # The enrollment file was not used up: the desk joins from a folder it can write.
    made = run([DESK_CMD, "--data-dir", str(base), "enroll", str(enrollment), "--admin", ADMIN])
    assert made.returncode == 0, made.stderr


@pytest.mark.parametrize("how", HOWS)
def test_existing_desk_on_a_folder_that_cannot_be_written(
    how: str, tmp_path: Path, public_dir: Path
) -> None:
    root = (tmp_path if how == "read-only mount" else public_dir) / "desk"
    make_demo(root)[0].close()
    register_cmd = [
        DESK_CMD,
        "--data-dir",
        str(root),
        "register",
        "--service",
        "SKTM",
        "--name",
        "Siti Aminah",
        "--nik",
        NIK_MAN,
        "--staff",
        "demo",
        *SKTM_FIELDS,
    ]
    demo_env = {"COUNTERDESK_PASSWORD": "demo"}
    first = run(register_cmd, env=env() | demo_env)
    assert first.returncode == 0, first.stderr
    for path in root.iterdir():
        path.chmod(0o644)
    before = tree(root)
    with unwritable(how, root) as user:
        for cmd in (register_cmd, [DESK_CMD, "--data-dir", str(root), "status"]):
            done = run(cmd, user=user, cwd="/", env=env() | demo_env)
            line = error_line(done)
            assert "cannot be" in line and str(root) in line, line
            assert "nothing was" in line  # saved / changed
    assert tree(root) == before
    with Desk.open(root) as d:
        assert audit(d).ok
        assert d.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 1


def test_read_only_database_file(public_dir: Path) -> None:
    """The database file itself is read-only (its folder is writable): nothing is saved.

    (Was test_faults.py::test_read_only_database, which root always skipped.)"""
    root = public_dir / "desk"
    desk, _ = make_demo(root)
    desk.close()
    user = unprivileged()
    keys = {}
    if user:
        for path in (root, *root.iterdir()):
            os.chown(path, NOBODY, NOBODY)
        keys = {"COUNTERDESK_KEY_DIR": str(key_dir_of(NOBODY, public_dir))}
    database = root / "desk.sqlite3"
    database.chmod(0o444)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    done = run(
        [
            DESK_CMD,
            "--data-dir",
            str(root),
            "register",
            "--service",
            "SKTM",
            "--name",
            "Siti",
            "--nik",
            NIK_MAN,
            "--staff",
            "demo",
            *SKTM_FIELDS,
        ],
        user=user,
        cwd="/",
        env=env() | {"COUNTERDESK_PASSWORD": "demo"} | keys,
    )
    line = error_line(done)
    assert "cannot be written" in line and str(database) in line, line
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    database.chmod(0o644)
    with Desk.open(root) as d:
        assert audit(d).ok
        assert d.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 0


# full stick ------------------------------------------------------------------------------
def test_full_data_disk_during_registration(tmp_path: Path) -> None:
    """The desk's own disk fills up (a real file system, not SQLite's max_page_count)."""
    from counterdesk.services.register import Registration
    from counterdesk.services.register import register as register_one
    from counterdesk.services.staff import authenticate
    from counterdesk.store.errors import DiskFull

    from .sync.helpers import field_values

    disk = tmp_path / "disk"
    with tmpfs(disk, 4096):
        root = disk / "desk"
        make_demo(root)[0].close()
        fill(disk, 512 * 1024)
        one = [DESK_CMD, "--data-dir", str(root), "register", "--service", "SKTM", "--name"]
        one += ["Siti Aminah", "--nik", NIK_MAN, "--staff", "demo", *SKTM_FIELDS]
        stored = 0
        with Desk.open(root) as desk, pytest.raises(DiskFull) as caught:
            session = authenticate(desk, "demo", "demo")
            service = desk.catalogue.get("SKTM")
            for i in range(5000):
                register_one(
                    desk,
                    session,
                    Registration(
                        service="SKTM",
                        name=f"Warga {chr(65 + i % 26)}{chr(65 + i // 26 % 26)} Binti Abdullah",
                        nik=NIK_MAN,
                        fields=field_values(service),
                    ),
                )
                stored += 1
        assert "is full" in str(caught.value) and "nothing was saved" in str(caught.value)
        assert stored > 0, "the disk was full before the first registration"
        # The command line says the same in one line.
        done = run(
            one,
            env=env() | {"COUNTERDESK_PASSWORD": "demo"},
        )
        line = error_line(done)
        assert "is full" in line and str(root) in line, line
        with Desk.open(root) as desk:
            assert audit(desk).ok
            assert desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == stored
        (disk / "FOTO_0001.JPG").unlink()  # space freed: the desk carries on
        done = run(
            one,
            env=env() | {"COUNTERDESK_PASSWORD": "demo"},
        )
        assert done.returncode == 0, done.stderr
        with Desk.open(root) as desk:
            assert audit(desk).ok
            assert desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == stored + 1


def test_full_stick_during_export_keeps_the_outbox(tmp_path: Path) -> None:
    requests = 400
    hub_root, desk_root = district(tmp_path, requests)
    state = sync_state(desk_root)
    stick = tmp_path / "stick"
    with tmpfs(stick, 256):
        fill(stick, 24 * 1024)  # room for a few small bundles, not for all of them
        with Desk.open(desk_root) as desk, pytest.raises(CounterdeskError) as caught:
            export_to_folder(desk, stick, max_payload=4000)
        message = str(caught.value)
        assert "full" in message and str(stick) in message, message
        assert "export again" in message
        kept = whole_bundles(stick, hub_root)
        assert 0 < len(kept) < 60 and hidden(stick) == []
        assert sync_state(desk_root) == state  # outbox untouched, nothing marked exported

        # The real command line, one large bundle: one clear line, not a byte left behind.
        (stick / "FOTO_0001.JPG").unlink()
        fill(stick, 8 * 1024)
        photos_and_bundles = sorted(p.name for p in stick.iterdir())
        done = run([DESK_CMD, "--data-dir", str(desk_root), "export", str(stick)])
        line = error_line(done)
        assert "full" in line and str(stick) in line and "export again" in line, line
        assert sorted(p.name for p in stick.iterdir()) == photos_and_bundles
        assert sync_state(desk_root) == state

        # What the full stick kept is good: the hub takes it.
        done = run([HUB_CMD, "--data-dir", str(hub_root), "import", str(stick)])
        assert done.returncode == 0, done.stdout + done.stderr
        assert "quarantined" not in done.stdout

        # The hub's replies onto a full stick: a clear line, no half-written reply.
        (stick / "FOTO_0001.JPG").unlink()
        fill(stick, 0)
        done = run(
            [HUB_CMD, "--data-dir", str(hub_root), "import", str(stick), "--reply-to", str(stick)]
        )
        line = error_line(done)
        assert "cannot write the replies for JGB-01" in line and "full" in line, line
        replies = stick / "JGB-01"
        assert not replies.exists() or list(replies.iterdir()) == []
        assert hidden(stick) == []

    # The next export to a good stick carries everything; the hub holds each event once.
    deliver(hub_root, desk_root, tmp_path / "good", requests)


def test_export_to_a_stick_that_is_not_there(tmp_path: Path) -> None:
    """A missing stick must not become a folder of the same name on the PC's own disk."""
    _hub, desk_root = district(tmp_path, 3)
    state = sync_state(desk_root)
    gone = tmp_path / "media" / "STICK"
    done = run([DESK_CMD, "--data-dir", str(desk_root), "export", str(gone / "counterdesk")])
    line = error_line(done)
    assert "is the stick plugged in?" in line and str(gone) in line, line
    assert not gone.exists() and not (tmp_path / "media").exists()
    assert sync_state(desk_root) == state
    # A folder on a stick that is there is made (one level), as before.
    gone.mkdir(parents=True)
    done = run([DESK_CMD, "--data-dir", str(desk_root), "export", str(gone / "counterdesk")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert any((gone / "counterdesk").iterdir())


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (48 * 1024, 48 * 1024))  # > SQLite's -shm


def test_file_too_large_for_the_stick(tmp_path: Path) -> None:
    """EFBIG (a FAT32 stick's 4 GiB limit, here RLIMIT_FSIZE): no mount needed."""
    requests = 1000  # one bundle of more than 48 KiB
    hub_root, desk_root = district(tmp_path, requests)
    state = sync_state(desk_root)
    stick = tmp_path / "stick"
    done = run(
        [DESK_CMD, "--data-dir", str(desk_root), "export", str(stick)],
        preexec_fn=_limit_file_size,
    )
    line = error_line(done)
    assert "too large" in line and str(stick) in line and "export again" in line, line
    assert list(stick.iterdir()) == []
    assert sync_state(desk_root) == state
    deliver(hub_root, desk_root, tmp_path / "good", requests)


# stick removed mid-export ----------------------------------------------------------------
EXPORTER = textwrap.dedent(
    """
    import functools, sys
    from counterdesk.cli import main
    from counterdesk.services import outbox

    # The real command, with small bundles: many files, many moments to lose the stick in.
    # (`counterdesk export` imports export_to_folder from services.outbox when it runs.)
    outbox.export_to_folder = functools.partial(outbox.export_to_folder, max_payload=1500)
    sys.exit(main(sys.argv[1:]))
    """
)
PULLS = int(os.environ.get("COUNTERDESK_PULL_LOOPS", "6"))


@pytest.mark.slow
def test_stick_removed_during_export(tmp_path: Path) -> None:
    requests = 1500
    hub_root, desk_root = district(tmp_path, requests)
    state = sync_state(desk_root)
    script = tmp_path / "exporter.py"
    script.write_text(EXPORTER)
    cmd = [sys.executable, str(script), "--data-dir", str(desk_root), "export"]
    rng = random.Random(20261129)
    failed = 0
    for n in range(PULLS):
        state = sync_state(desk_root)
        seen = tmp_path / f"kept{n}"  # what the stick keeps, seen through a second mount
        stick = tmp_path / f"stick{n}"
        with tmpfs(seen, 64 * 1024):
            stick.mkdir()
            mount("--bind", str(seen), str(stick))
            proc = subprocess.Popen(
                [*cmd, str(stick / "counterdesk")],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env(),
            )
            target = rng.randrange(1, 150)  # pull it out after this many files
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    if len(os.listdir(seen / "counterdesk")) >= target:
                        break
                time.sleep(0.001)
            if n % 2:  # the stick goes: its mount and its mount point
                umount(stick)
                stick.rmdir()
            else:  # the folder goes (another program, or the officer, deletes it)
                for _ in range(50):  # files may appear while it is being deleted
                    shutil.rmtree(stick / "counterdesk", ignore_errors=True)
                    if not (stick / "counterdesk").exists():
                        break
            out, err = proc.communicate(timeout=120)
            if proc.returncode:
                failed += 1
                line = error_line(subprocess.CompletedProcess(cmd, proc.returncode, out, err))
                assert "stick" in line and "removed" in line and "export again" in line, line
                assert str(stick) in line
            else:
                assert "Traceback" not in err
            # Whatever the stick kept is whole; only hidden temporary files may be left.
            whole_bundles(seen, hub_root)
            assert all(name.endswith(".part") for name in hidden(seen)), hidden(seen)
            if proc.returncode:
                assert sync_state(desk_root) == state  # outbox untouched
            # Plugged in again: the next export onto it completes and clears the leftovers.
            with Desk.open(desk_root) as desk:
                export_to_folder(desk, seen / "counterdesk")
            assert hidden(seen) == []
            whole_bundles(seen, hub_root)
            umount(stick)
    assert failed >= PULLS // 2, "the stick was never pulled in time"
    deliver(hub_root, desk_root, tmp_path / "good", requests)


# FAT names -------------------------------------------------------------------------------
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(10)}


def fat_name_problem(name: str) -> str:
    """Why ``name`` is not a legal FAT32/exFAT long name ("" when it is)."""
    if any(c in '<>:"/\\|?*' or ord(c) < 32 or ord(c) == 127 for c in name):
        return "a character FAT/exFAT forbids"
    if len(name.encode("utf-16-le")) // 2 > 255:
        return "longer than 255 UTF-16 units"
    if name.endswith((".", " ")):
        return "ends with a dot or space"
    if name.split(".")[0].upper() in RESERVED:
        return "a reserved DOS device name"
    if name != unicodedata.normalize("NFC", name):
        return "not NFC"
    return ""


def check_names(folder: Path) -> list[str]:
    names = []
    for dirpath, dirs, files in os.walk(folder):
        entries = dirs + files
        lowered = [e.casefold() for e in entries]
        assert len(set(lowered)) == len(lowered), f"names differ only by case in {dirpath}"
        for name in entries:
            problem = fat_name_problem(name)
            assert not problem, f"{name!r}: {problem}"
            names.append(name)
    return names


def through_fat(folder: Path, work: Path) -> Path:
    """``folder`` copied onto a fresh FAT32 image with mtools and back; the names and bytes
    that come back must be the same."""
    mformat = require_tool("mformat", "mtools")
    mcopy = require_tool("mcopy", "mtools")
    mdir = require_tool("mdir", "mtools")
    check_names(folder)
    image = work / f"{folder.name}.fat"
    back = work / f"{folder.name}.back"
    image.unlink(missing_ok=True)
    shutil.rmtree(back, ignore_errors=True)
    back.mkdir(parents=True)
    with image.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024)
    quiet = {"MTOOLS_SKIP_CHECK": "1"}
    steps = [
        [mformat, "-i", str(image), "-F", "-v", "STICK", "::"],
        [mcopy, "-i", str(image), "-s", "-Q", *[str(p) for p in sorted(folder.iterdir())], "::/"],
    ]
    for step in steps:
        done = run(step, env=env() | quiet)
        assert done.returncode == 0, done.stderr
    listing = run([mdir, "-i", str(image), "-/", "-b", "::/"], env=env() | quiet)
    assert listing.returncode == 0, listing.stderr
    on_fat = sorted(
        line.removeprefix("::/").rstrip("/") for line in listing.stdout.splitlines() if line
    )
    assert on_fat == sorted(tree(folder)), "names changed on the FAT image"
    done = run([mcopy, "-i", str(image), "-s", "-n", "::/*", str(back)], env=env() | quiet)
    assert done.returncode == 0, done.stderr
    assert tree(back) == tree(folder)
    return back


def test_every_file_on_a_stick_survives_fat32(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)

    def cli(main: Any, root: Path, *args: str) -> str:
        """The real command line, in this process (quicker than a new one each time)."""
        code = main(["--data-dir", str(root), *args])
        out, err = capsys.readouterr()
        assert code == 0, out + err
        return str(out)

    hub_root = make_hub(tmp_path / "hub")
    desks = {"JGB-01": tmp_path / "JGB-01", "SLS-01": tmp_path / "SLS-01"}
    # Enrollment files, named as `counterdesk-hub enroll-desk --help` suggests.
    papers = tmp_path / "papers"
    for code in desks:
        out = papers / f"{code}{FILE_SUFFIX}"
        cli(
            hub_main,
            hub_root,
            "enroll-desk",
            code,
            "--post",
            f"Kantor Camat {code}",
            "--out",
            str(out),
        )
    papers = through_fat(papers, tmp_path / "fat")
    for code, root in desks.items():
        cli(desk_main, root, "enroll", str(papers / f"{code}{FILE_SUFFIX}"), "--admin", ADMIN)
        with Desk.open(root) as desk:
            register(desk, 30)
    cli(hub_main, hub_root, "holidays", "add", "2026-12-25", "Hari Natal")  # reference data

    seen: set[str] = set()

    def trip(n: int, small: bool) -> None:
        stick = tmp_path / f"trip{n}"
        stick.mkdir()
        for code, root in desks.items():
            folder = stick / code
            if small:  # many bundles, as a long week away from the office makes
                with Desk.open(root) as desk:
                    export_to_folder(desk, folder, max_payload=3000)
            else:
                cli(desk_main, root, "export", str(folder))
        seen.update(check_names(stick))
        carried = through_fat(stick, tmp_path / "fat")
        replies = tmp_path / f"replies{n}"
        out = cli(hub_main, hub_root, "import", str(carried), "--reply-to", str(replies))
        assert "quarantined" not in out
        seen.update(check_names(replies))
        back = through_fat(replies, tmp_path / "fat")
        for code, root in desks.items():
            assert "applied" in cli(desk_main, root, "import", str(back / code))

    trip(1, small=True)  # intro bundles (first contact), acknowledgements, reference data
    for root in desks.values():
        with Desk.open(root) as desk:
            register(desk, 5)
    trip(2, small=False)  # plain event bundles
    trip(3, small=False)  # nothing pending: hello files
    kinds = {name.split("_")[3] if "_to_" in name else "events" for name in seen}
    assert {"intro", "events", "hello", "ack", "refdata"} <= kinds, sorted(seen)
    for root in desks.values():
        acked, _, last, ok = sync_state(root)
        assert ok and acked == last
    with Hub.open(hub_root) as hub:
        assert hub.conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
        assert len(list_requests(hub)) == 2 * 35


def test_the_name_rules_catch_bad_names() -> None:
    for bad in ("a:b.cdb", "CON.cdb", "x.", "x ", "a\x01", "a" * 256, "e\u0301.cdb"):
        assert fat_name_problem(bad), bad
    assert fat_name_problem("JGB-01_e3f1_000101-000250.cdb") == ""
