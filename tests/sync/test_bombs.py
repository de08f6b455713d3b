"""Bounded work before trust: compression bombs are refused before they are unpacked, or
stop at the length their header declares, on a stick, over HTTP and on the desk.

Memory is measured with tracemalloc in this process (every allocation of the bytes an
unpacking makes is traced, in every thread), and for the command line in a child process
under an address-space limit, by its peak resident size."""

from __future__ import annotations

import concurrent.futures
import os
import re
import resource
import shutil
import subprocess
import sys
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.app import MAX_HTTP_PAYLOAD, create_app
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import export_to_folder, hello_payload, seal
from counterdesk.services.sync_import import import_bundle, import_paths
from counterdesk.services.sync_link import intro_signer, load_link
from counterdesk.sync import payloads
from counterdesk.sync.bundle import READ_PAYLOAD_LIMIT, BundleError, read_bundle, write_bundle

from .bombs import GIB, MIB, bomb
from .helpers import enrollment_bytes, live_hub, make_desk, make_hub, register

T = TypeVar("T")
SMALL_PEAK = 8 * MIB  # what refusing a bomb may cost at most (the file itself is smaller)


def peak_of(work: Callable[[], T]) -> tuple[T, int]:
    """Run ``work``; its result and the peak of memory allocated meanwhile (all threads)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = work()
        return result, tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as d:
        yield d


def events_bomb(desk: Desk, *, declared: int, inflated: int, bad_signature: bool = False) -> bytes:
    """A bundle signed with the desk's own key (what a stolen or copied desk could send)."""
    link = load_link(desk)
    return bomb(
        declared=declared,
        inflated=inflated,
        sender_key=desk.keys.sign,
        recipient_public=link.hub_box,
        sender=desk.info.code,
        recipient=link.hub,
        epoch="e" * 32,
        bad_signature=bad_signature,
    )


def intro_outer_bomb(desk: Desk, *, declared: int, inflated: int) -> bytes:
    """A first-contact bundle signed with the enrollment key, itself a bomb."""
    link = load_link(desk)
    signer = intro_signer(desk, link)
    assert signer is not None
    return bomb(
        declared=declared,
        inflated=inflated,
        sender_key=signer[1],
        recipient_public=link.hub_box,
        sender=desk.info.code,
        recipient=link.hub,
        kind=payloads.INTRO,
    )


def intro_inner_bomb(desk: Desk, *, declared: int, inflated: int) -> bytes:
    """A well-formed first-contact bundle wrapping a bomb signed with the introduced key."""
    link = load_link(desk)
    signer = intro_signer(desk, link)
    assert signer is not None
    claim, enrollment_key = signer
    inner = events_bomb(desk, declared=declared, inflated=inflated)
    return write_bundle(
        payload=payloads.encode_intro(claim, inner),
        kind=payloads.INTRO,
        sender=desk.info.code,
        recipient=link.hub,
        sender_key=enrollment_key,
        recipient_public=link.hub_box,
    )


def pin(desk: Desk, hub_root: Path) -> None:
    """First contact by the real desk: the hub pins its keys."""
    with Hub.open(hub_root) as hub:
        data = seal(desk, load_link(desk), kind=payloads.HELLO, payload=hello_payload(desk))
        assert ingest(hub, data, source="hello.cdb").outcome == "accepted"


# --------------------------------------------------------------------------- the format


@pytest.mark.parametrize("bad_signature", [False, True])
def test_a_declared_payload_above_the_readers_limit_is_refused_before_unpacking(
    desk: Desk, bad_signature: bool
) -> None:
    data = events_bomb(desk, declared=200 * MIB, inflated=1 * GIB, bad_signature=bad_signature)
    assert len(data) < 1.2 * MIB
    link = load_link(desk)
    # The desk's side of the hub's keys: read it as the hub would (its box key is the
    # recipient); here only the limit matters, which is checked before any key is used.
    with pytest.raises(BundleError, match=r"more than the 33554432 bytes accepted here"):
        read_bundle(data, recipient_private=desk.keys.box, sender_public=link.hub_sign)
    with pytest.raises(BundleError, match=r"more than the 1000 bytes accepted here"):
        read_bundle(
            data, recipient_private=desk.keys.box, sender_public=link.hub_sign, max_payload=1000
        )


def test_unpacking_stops_at_the_declared_length(hub_root: Path, desk: Desk) -> None:
    data = events_bomb(desk, declared=4 * MIB, inflated=1 * GIB)
    with Hub.open(hub_root) as hub:
        box = hub.keys.box

    def read() -> str:
        with pytest.raises(BundleError) as caught:
            read_bundle(data, recipient_private=box, sender_public=desk.keys.sign_public)
        return str(caught.value)

    message, peak = peak_of(read)
    assert "expands beyond its declared 4194304 bytes" in message
    assert peak < 4 * MIB + SMALL_PEAK


# --------------------------------------------------------------------------- hub ingest


def test_known_desk_bomb_on_a_stick_is_quarantined_unopened(hub_root: Path, desk: Desk) -> None:
    pin(desk, hub_root)
    data = events_bomb(desk, declared=200 * MIB, inflated=1 * GIB)
    with Hub.open(hub_root) as hub:
        result, peak = peak_of(lambda: ingest(hub, data, source="bomb.cdb"))
    assert result.outcome == "quarantined"
    assert "more than the" in result.reason and "refused before unpacking" in result.reason
    assert peak < SMALL_PEAK + len(data)


@pytest.mark.parametrize(
    "make", [intro_outer_bomb, intro_inner_bomb], ids=["intro-itself", "inner-bundle"]
)
def test_first_contact_bomb_is_refused_unopened(
    hub_root: Path, desk: Desk, make: Callable[..., bytes]
) -> None:
    # 30 MiB is under the stick limit: a first-contact bundle may unpack to little more
    # than its own size (it wraps an encrypted bundle, which does not compress).
    declared = 30 * MIB if make is intro_outer_bomb else 200 * MIB
    data = make(desk, declared=declared, inflated=1 * GIB)
    with Hub.open(hub_root) as hub:
        result, peak = peak_of(lambda: ingest(hub, data, source="intro-bomb.cdb"))
        assert result.outcome == "quarantined"
        assert "refused before unpacking" in result.reason, result.reason
        assert peak < SMALL_PEAK + 3 * len(data)
        [pinned_at] = hub.conn.execute("SELECT pinned_at FROM desks").fetchone()
        assert not pinned_at  # nothing was pinned
    # the real desk still makes its first contact afterwards
    pin(desk, hub_root)


# --------------------------------------------------------------------------- over HTTP


@pytest.fixture
def api(hub_root: Path) -> Iterator[TestClient]:
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as client:
        yield client


def test_http_bombs_first_contact_and_known_desk_stay_bounded(
    api: TestClient, hub_root: Path, desk: Desk
) -> None:
    old_cap = 16 * MIB  # what the hub used to unpack per request
    first_contact = [
        intro_outer_bomb(desk, declared=old_cap, inflated=old_cap),
        intro_outer_bomb(desk, declared=MAX_HTTP_PAYLOAD, inflated=50 * MIB),
        intro_inner_bomb(desk, declared=old_cap, inflated=50 * MIB),
    ]
    assert all(len(d) < 64 * 1024 for d in first_contact)

    def send_all(bodies: list[bytes], path: str) -> list[httpx.Response]:
        return [api.post(path, content=body) for body in bodies for _ in range(7)]

    answers, peak = peak_of(lambda: send_all(first_contact, "/api/v1/exchange"))
    for r in answers:
        assert 400 <= r.status_code < 500, r.text
        assert re.search(r"\d+ bytes.*(larger|more) than (the )?\d+", r.json()["error"]), r.text
    answers, hello_peak = peak_of(lambda: send_all(first_contact[1:], "/api/v1/hello"))
    assert all(400 <= r.status_code < 500 for r in answers)
    assert max(peak, hello_peak) < SMALL_PEAK, (peak, hello_peak)

    pin(desk, hub_root)
    known = [
        events_bomb(desk, declared=old_cap, inflated=50 * MIB),
        events_bomb(desk, declared=MAX_HTTP_PAYLOAD, inflated=50 * MIB),
    ]
    answers, peak = peak_of(lambda: send_all(known, "/api/v1/exchange"))
    assert all(400 <= r.status_code < 500 for r in answers), [r.text for r in answers]
    assert peak < MAX_HTTP_PAYLOAD + SMALL_PEAK, peak
    with Hub.open(hub_root) as hub:
        assert hub.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_concurrent_bombs_against_a_real_server_stay_bounded(hub_root: Path, desk: Desk) -> None:
    bodies = [intro_inner_bomb(desk, declared=MAX_HTTP_PAYLOAD - 4096, inflated=50 * MIB)] * 10
    pin_later = desk
    with live_hub(hub_root) as url:

        def post(body: bytes) -> int:
            with httpx.Client(timeout=60) as client:
                return client.post(f"{url}/api/v1/exchange", content=body).status_code

        def storm() -> list[int]:
            with concurrent.futures.ThreadPoolExecutor(10) as pool:
                return list(pool.map(post, bodies * 2))

        codes, peak = peak_of(storm)
    assert all(400 <= c < 500 for c in codes), codes
    # at most MAX_UNPACKING requests unpack at once, each at most MAX_HTTP_PAYLOAD
    assert peak < 4 * 2 * MAX_HTTP_PAYLOAD + SMALL_PEAK, peak
    pin(pin_later, hub_root)


# --------------------------------------------------------------------------- the command line


def _limited() -> None:  # in the child, before it runs: at most 700 MB of address space
    resource.setrlimit(resource.RLIMIT_AS, (700 * MIB, 700 * MIB))


def run_limited(args: list[str]) -> tuple[subprocess.CompletedProcess[str], int]:
    """A command line in a child under RLIMIT_AS; its result and peak resident KiB."""
    script = (
        "import resource, sys\n"
        "from counterdesk.hub.cli import main as hub\n"
        "from counterdesk.cli import main as desk\n"
        "code = (hub if sys.argv[1] == 'hub' else desk)(sys.argv[2:])\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        preexec_fn=_limited,
    )
    peaks = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")]
    assert peaks, done.stderr
    return done, peaks[0]


def test_hub_import_of_bombs_stays_bounded_and_imports_the_rest(
    hub_root: Path, desk: Desk, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    register(desk, 3)
    export_to_folder(desk, stick)  # intro-wrapped events: the real first contact
    good = sorted(p.name for p in stick.iterdir())
    # after the desk's own files (they pin it): a 510 KB file declaring the most a bundle
    # can (512 MiB), a first-contact bomb, and one declaring the limit but unpacking to more
    (stick / "Z_bomb.cdb").write_bytes(events_bomb(desk, declared=512 * MIB, inflated=512 * MIB))
    (stick / "Z_intro.cdb").write_bytes(intro_outer_bomb(desk, declared=30 * MIB, inflated=GIB))
    (stick / "Z_within.cdb").write_bytes(
        events_bomb(desk, declared=READ_PAYLOAD_LIMIT, inflated=GIB)
    )
    assert (stick / "Z_bomb.cdb").stat().st_size < 600 * 1024
    # the baseline, measured in the same run: the same import of the good files alone into a
    # copy of the hub (the interpreter, the hub and its libraries)
    baseline_hub, baseline_stick = tmp_path / "baseline-hub", tmp_path / "baseline-stick"
    shutil.copytree(hub_root, baseline_hub)
    baseline_stick.mkdir()
    for name in good:
        shutil.copy2(stick / name, baseline_stick / name)
    base, base_kib = run_limited(
        ["hub", "--data-dir", str(baseline_hub), "import", str(baseline_stick)]
    )
    assert base.returncode == 0, base.stdout + base.stderr
    done, peak_kib = run_limited(["hub", "--data-dir", str(hub_root), "import", str(stick)])
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 3 + len(good), lines
    for name in ("Z_bomb.cdb", "Z_intro.cdb"):
        [line] = [x for x in lines if x.startswith(str(stick / name))]
        assert "quarantined" in line and "refused before unpacking" in line, line
    [line] = [x for x in lines if x.startswith(str(stick / "Z_within.cdb"))]
    assert "quarantined" in line and "expands beyond" in line, line
    for name in good:
        [line] = [x for x in lines if x.startswith(str(stick / name))]
        assert "accepted" in line, line
    assert "error: 3 of" in done.stderr
    # the stick's bombs may add little more than one bundle's declared limit to what the
    # same import of the good files takes (Z_within unpacks up to it before it is refused)
    assert peak_kib < base_kib + (READ_PAYLOAD_LIMIT * 2) // 1024, (peak_kib, base_kib)


def test_desk_import_of_a_hub_bomb_stays_bounded(
    hub_root: Path, desk: Desk, tmp_path: Path
) -> None:
    pin(desk, hub_root)
    code = desk.info.code
    with Hub.open(hub_root) as hub:
        hub_key, hub_code = hub.keys.sign, hub.info.code
    stick = tmp_path / "stick" / code
    stick.mkdir(parents=True)
    data = bomb(
        declared=400 * MIB,
        inflated=GIB,
        sender_key=hub_key,
        recipient_public=desk.keys.box_public,
        sender=hub_code,
        recipient=code,
        kind=payloads.REFDATA,
    )
    (stick / f"{hub_code}_to_{code}_refdata_00000000.cdb").write_bytes(data)
    [line], peak = peak_of(lambda: import_paths(desk, [stick]))
    assert line.outcome == "rejected" and "refused before unpacking" in line.message
    assert peak < SMALL_PEAK + len(data)
    direct, peak = peak_of(lambda: import_bundle(desk, data, source="x"))
    assert direct.outcome == "rejected" and peak < SMALL_PEAK + len(data)
