"""Nothing on a stick is trusted: links are never followed, only regular files are read
(pipes, devices and huge files are refused before reading), every file gets its own line
and the rest of the stick is imported, and ``--reply-to`` never writes through a link or
onto a stick that is not there.

The imports run in a child process with a timeout: a pipe that is opened for reading, or a
link to /dev/zero that is read, would hang or exhaust the test process itself."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import export_to_folder
from counterdesk.sync.bundle import write_atomically
from counterdesk.sync.files import MAX_BUNDLE_FILE, find_bundle_files, read_bundle_file

from .helpers import enrollment_bytes, make_desk, make_hub, register

SECRET = "root:$6$TOP-SECRET-HASH-of-the-district-pc:19000:0:99999:7:::"
CLI = (
    "import sys\n"
    "from counterdesk.hub.cli import main as hub\n"
    "from counterdesk.cli import main as desk\n"
    "sys.exit((hub if sys.argv[1] == 'hub' else desk)(sys.argv[2:]))\n"
)


def run(which: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-c", CLI, which, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as d:
        register(d, 2)
        yield d


def plant_nasties(stick: Path, outside: Path) -> dict[str, str]:
    """Things a stick may hold; the name of each and what its line must say."""
    outside.mkdir(exist_ok=True)
    secret = outside / "shadow"
    secret.write_text(SECRET)
    secret.chmod(0o600)
    (stick / "shadow.cdb").symlink_to(secret)
    (stick / "zero.cdb").symlink_to("/dev/zero")
    os.mkfifo(stick / "pipe.cdb")
    real = sorted(stick.glob("*.cdb"))[0].read_bytes()
    with open(stick / "huge.cdb", "wb") as fh:  # sparse: takes no room on the disk
        fh.write(real)  # a real bundle's header, then 8 GB of nothing
        fh.truncate(8 * 1024**3)
    expected = {
        "shadow.cdb": "link",
        "zero.cdb": "link",
        "pipe.cdb": "pipe",
        "huge.cdb": "too large",
    }
    elsewhere = outside / "folder"
    elsewhere.mkdir()
    for bundle in stick.glob("JGB-01_*.cdb"):  # a copy reachable only through the link
        (elsewhere / ("copy-" + bundle.name)).write_bytes(bundle.read_bytes())
    (stick / "linked-folder").symlink_to(elsewhere, target_is_directory=True)
    expected["linked-folder"] = "link"
    if os.geteuid() == 0:  # making a device node takes root; /dev/zero is named below
        os.mknod(stick / "device.cdb", stat.S_IFCHR | 0o600, os.makedev(1, 5))
        expected["device.cdb"] = "device"
    return expected


def test_hub_import_reads_only_regular_files_and_follows_no_link(
    hub_root: Path, desk: Desk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    export_to_folder(desk, stick)
    good = sorted(p.name for p in stick.iterdir())
    expected = plant_nasties(stick, tmp_path / "outside")
    (tmp_path / "named.cdb").symlink_to(tmp_path / "outside" / "shadow")
    done = run(
        "hub",
        "--data-dir",
        str(hub_root),
        "import",
        str(stick),
        "/dev/zero",
        str(tmp_path / "named.cdb"),
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    expected |= {"/dev/zero": "device", "named.cdb": "link"}
    assert len(lines) == len(good) + len(expected), lines
    for name in good:
        [line] = [x for x in lines if x.startswith(f"{stick / name}: ")]
        assert "accepted" in line, line
    for name, why in expected.items():
        [line] = [x for x in lines if x.split(": ")[0].endswith(name)]
        assert "failed: not read:" in line and why in line, line
        assert "quarantined" not in line
    assert done.stderr.startswith(f"error: {len(expected)} of {len(lines)} file(s)"), done.stderr
    assert not any("copy-" in line for line in lines)
    with Hub.open(hub_root) as hub:
        kept = list(hub.quarantine_dir.rglob("*")) if hub.quarantine_dir.exists() else []
        assert hub.conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
    assert all(SECRET.encode() not in p.read_bytes() for p in kept if p.is_file())


def test_desk_import_reads_only_regular_files_and_follows_no_link(
    hub_root: Path, desk: Desk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    export_to_folder(desk, stick)
    hub = run("hub", "--data-dir", str(hub_root), "import", str(stick), "--reply-to", str(stick))
    assert hub.returncode == 0, hub.stdout + hub.stderr
    replies = stick / "JGB-01"
    good = sorted(p.name for p in replies.iterdir())
    expected = plant_nasties(replies, tmp_path / "outside")
    done = run("desk", "--data-dir", str(tmp_path / "desk"), "import", str(replies))
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(good) + len(expected), lines
    for name in good:
        [line] = [x for x in lines if x.startswith(f"{replies / name}: ")]
        assert ": applied: " in line, line
    for name, why in expected.items():
        [line] = [x for x in lines if x.split(": ")[0].endswith(name)]
        assert ": rejected: " in line and why in line, line


def test_files_are_checked_before_they_are_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text(SECRET)
    (tmp_path / "link.cdb").symlink_to(secret)
    os.mkfifo(tmp_path / "fifo.cdb")
    with open(tmp_path / "big.cdb", "wb") as fh:
        fh.truncate(MAX_BUNDLE_FILE + 1)
    (tmp_path / "ok.cdb").write_bytes(b"x" * 10)
    for name, why in (("link.cdb", "link"), ("fifo.cdb", "pipe"), ("big.cdb", "too large")):
        with pytest.raises(OSError, match=why):
            read_bundle_file(tmp_path / name)
    assert read_bundle_file(tmp_path / "ok.cdb") == b"x" * 10
    found = {f.path.name: f.problem for f in find_bundle_files([tmp_path])}
    assert found["ok.cdb"] == "" and found["big.cdb"] == ""  # its size is checked on reading
    assert "link" in found["link.cdb"] and "pipe" in found["fifo.cdb"]


# --------------------------------------------------------------------------- --reply-to


def hub_cli(hub_root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = hub_main(["--data-dir", str(hub_root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_reply_to_never_writes_through_a_linked_desk_folder(
    hub_root: Path, desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    export_to_folder(desk, stick)
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    (stick / "JGB-01").symlink_to(elsewhere, target_is_directory=True)
    code, out, err = hub_cli(hub_root, capsys, "import", str(stick), "--reply-to", str(stick))
    assert code == 1
    assert list(elsewhere.iterdir()) == []
    assert "accepted" in out  # the bundles themselves are imported
    [line] = [x for x in out.splitlines() if x.startswith("replies for JGB-01")]
    assert "not written" in line and "is a link" in line, line
    assert err.startswith("error: ") and "is a link" in err


def test_reply_to_refuses_a_linked_folder(
    hub_root: Path, desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    export_to_folder(desk, stick)
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    (stick / "replies").symlink_to(elsewhere, target_is_directory=True)
    code, out, err = hub_cli(
        hub_root, capsys, "import", str(stick), "--reply-to", str(stick / "replies")
    )
    assert code == 1 and list(elsewhere.iterdir()) == [] and out == ""  # nothing imported
    assert err.startswith("error: --reply-to ") and "is a link" in err, err
    # a link higher up the path is refused too
    deep = elsewhere / "sub"
    deep.mkdir()
    code, _out, err = hub_cli(
        hub_root, capsys, "import", str(stick), "--reply-to", str(stick / "replies" / "sub")
    )
    assert code == 1 and list(deep.iterdir()) == [] and "is a link" in err, err


def test_reply_to_refuses_a_missing_stick(
    hub_root: Path, desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    export_to_folder(desk, stick)
    gone = tmp_path / "media" / "STICK"
    code, out, err = hub_cli(hub_root, capsys, "import", str(stick), "--reply-to", str(gone))
    assert code == 1 and out == ""
    assert "is the stick plugged in?" in err and str(gone.parent) in err, err
    assert not (tmp_path / "media").exists()
    with Hub.open(hub_root) as hub:  # refused before anything was imported
        assert hub.conn.execute("SELECT count(*) FROM bundles").fetchone()[0] == 0
    # a --reply-to folder on a stick that is there is made (one level), as the export does
    code, _out, err = hub_cli(
        hub_root, capsys, "import", str(stick), "--reply-to", str(stick / "back")
    )
    assert code == 0, err
    assert sorted(p.name for p in (stick / "back" / "JGB-01").iterdir())


# --------------------------------------------------------------------------- one bad file


def test_one_bad_file_never_stops_the_others(
    hub_root: Path,
    desk: Desk,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "stick"
    register(desk, 4)
    report = export_to_folder(desk, stick, max_payload=1500)
    names = [b.file_name for b in report.written]
    assert len(names) >= 3
    (stick / "garbage.cdb").write_bytes(b"not a bundle at all")
    broken = names[1]  # the hub breaks on this one: its error is that file's line

    from counterdesk.hub import stick_import

    real = stick_import.ingest

    def ingest(hub: Hub, data: bytes, *, source: str, via: str) -> object:
        if source.endswith(broken):
            raise RuntimeError("disk I/O error while reading the ledger")
        return real(hub, data, source=source, via=via)

    monkeypatch.setattr(stick_import, "ingest", ingest)
    code, out, err = hub_cli(hub_root, capsys, "import", str(stick))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(names) + 1, lines
    [line] = [x for x in lines if x.startswith(str(stick / broken))]
    assert "failed: not imported, unexpected error (RuntimeError: disk I/O error" in line
    [line] = [x for x in lines if x.startswith(str(stick / "garbage.cdb"))]
    assert "quarantined" in line
    for name in names:
        if name != broken:
            [line] = [x for x in lines if x.startswith(str(stick / name))]
            assert "accepted" in line, line
    assert err.startswith("error: 2 of ") and "the others were imported" in err, err
    code, out, err = hub_cli(hub_root, capsys, "import", str(stick), "--json")
    assert code == 1  # (garbage.cdb is still there)
    assert '"outcome": "failed"' in out


def test_stick_files_written_safely(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text(SECRET)
    target = tmp_path / "reply.cdb"
    target.symlink_to(secret)  # a link where a file is written is replaced, not followed
    write_atomically(target, b"reply")
    assert secret.read_text() == SECRET and not target.is_symlink()
    assert target.read_bytes() == b"reply"
    kept = tmp_path / "kept.cdb"
    write_atomically(kept, b"quarantined bytes", mode=0o600)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_an_enrollment_file_is_read_only_when_it_is_a_regular_file(
    hub_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "JGB-02.cdenroll").write_bytes(enrollment_bytes(hub_root, "JGB-02"))
    (tmp_path / "zero.cdenroll").symlink_to("/dev/zero")
    (tmp_path / "linked.cdenroll").symlink_to(tmp_path / "JGB-02.cdenroll")
    os.mkfifo(tmp_path / "pipe.cdenroll")
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "rahasia1")
    for name, why in (("zero", "link"), ("linked", "link"), ("pipe", "pipe")):
        folder, path = tmp_path / f"desk-{name}", tmp_path / f"{name}.cdenroll"
        done = run("desk", "--data-dir", str(folder), "enroll", str(path), "--admin", "siti")
        assert done.returncode == 1, done.stdout + done.stderr
        assert done.stderr.startswith("error: cannot read the enrollment file"), done.stderr
        assert why in done.stderr, done.stderr
    done = run(
        "desk",
        "--data-dir",
        str(tmp_path / "desk"),
        "enroll",
        str(tmp_path / "JGB-02.cdenroll"),
        "--admin",
        "siti",
    )
    assert done.returncode == 0, done.stdout + done.stderr
