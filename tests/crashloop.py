"""Crash loops: the real command lines killed with SIGKILL at random moments, checked after
each kill.

A reusable harness (not a test file): ``tests/test_crashloop.py`` runs a short loop in CI,
``bench/crashloop.py`` the long one. Each scenario owns one enrolled desk of a shared hub and
reuses it across its kills; one kill is: start the real CLI (``counterdesk`` or
``counterdesk-hub``), SIGKILL it (or the hub server it talks to) after a random delay, then
check:

- the databases open and pass ``PRAGMA quick_check``; the desk's audit chain verifies;
- every request whose receipt a CLI printed exists exactly once at the desk, with exactly
  one registration event; a kill adds at most what one run could have committed (a run
  killed between its commit and its output), and a CSV import is all or nothing;
- letter numbers are unique, a printed number stays with its request (reprints reuse it),
  and nothing committed ever disappears or moves (every snapshot contains the one before);
- the hub holds each event once, every stored event belongs to one accepted bundle, no file
  is quarantined, its requests match its registration events;
- after the scenario, a clean ``counterdesk sync`` against ``counterdesk-hub serve``
  completes and the hub then holds each of the desk's requests exactly once, its events
  1..last, and ``counterdesk audit verify`` exits 0.

The random delays come from one seeded RNG per scenario (the seed is logged), so a failing
run can be repeated. Kills are classified: ``finished`` (the process ended before the
signal), ``db_open`` (it died with its database open: the WAL file was left behind),
``unreported`` (it died after committing but before printing what it committed: the window
where a user would retry).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import EVENTS_OR_HELLO, ingest, open_desk_bundle
from counterdesk.hub.replies import write_replies
from counterdesk.hub.store import HUB_DB_NAME
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import acked_seq, export_to_folder
from counterdesk.services.sync_import import import_paths
from counterdesk.store.eventlog import last_seq
from counterdesk.sync.bundle import bundle_size

from .sync.helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    field_values,
    make_desk,
    make_hub,
    register,
)

BIN = Path(sys.executable).parent
DESK_CMD = str(BIN / "counterdesk")
HUB_CMD = str(BIN / "counterdesk-hub")
SERVICE = "SKTM"  # a letter service: registration and letter numbering
NIKS = ("6107071708800001", "6107074506850002")


def cli_env() -> dict[str, str]:
    return os.environ | {"PYTHONUNBUFFERED": "1", "COUNTERDESK_PASSWORD": PASSWORD}


def citizen(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"Warga {letters[i % 26]}{letters[i // 26 % 26].lower()}{letters[i // 676 % 26].lower()}"


class CheckFailed(AssertionError):
    pass


@dataclass
class Tally:
    """One scenario's figures."""

    scenario: str
    seed: str
    kills: int = 0  # SIGKILLs sent to a live process
    aimed: int = 0  # of them, kills timed from a trigger (database opened, hub writing)
    finished: int = 0  # runs that ended before their kill (not counted as kills)
    db_open: int = 0  # kills that left the victim's database open (WAL file behind)
    unreported: int = 0  # kills after a commit, before the CLI printed it
    hub_restarts: int = 0
    checks: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Checker:
    def __init__(self, tally: Tally) -> None:
        self.tally = tally

    def __call__(self, ok: bool, what: str) -> None:
        if not ok:
            raise CheckFailed(what)
        self.tally.checks += 1


@dataclass
class Run:
    killed: bool
    returncode: int
    stdout: str
    stderr: str
    elapsed: float
    fired: float | None = None  # when the trigger held (aimed kills)
    phase: float | None = None  # how long it held then (calibration)

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except ValueError:
            return None


Trigger = Callable[[], bool]


def wait_for(proc: subprocess.Popen[str], trigger: Trigger, start: float, timeout: float) -> float:
    """Poll ``trigger`` until it holds or ``proc`` ends: the seconds since ``start``."""
    while proc.poll() is None and not trigger() and time.monotonic() - start < timeout:
        time.sleep(0.0005)
    return time.monotonic() - start


def run_and_kill(
    cmd: list[str],
    delay: float | None,
    *,
    trigger: Trigger | None = None,
    until_not: bool = False,
    timeout: float = 120,
) -> Run:
    """Run ``cmd``; SIGKILL it ``delay`` seconds after its start, or after ``trigger`` first
    holds when one is given, unless it ended first (``delay`` None: never kill). With
    ``until_not`` (and no kill), also measure how long the trigger then holds (``phase``)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), text=True
    )
    fired = wait_for(proc, trigger, start, timeout) if trigger is not None else None
    phase = None
    if trigger is not None and until_not and delay is None:
        phase = wait_for(proc, lambda: not trigger(), start, timeout) - (fired or 0.0)
    killed = False
    try:
        proc.wait(timeout=timeout if delay is None else delay)
    except subprocess.TimeoutExpired:
        if delay is None:
            proc.kill()
            raise
        os.kill(proc.pid, signal.SIGKILL)
        killed = True
    out, err = proc.communicate(timeout=timeout)
    elapsed = time.monotonic() - start
    run = Run(killed and proc.returncode == -signal.SIGKILL, proc.returncode, out, err, elapsed)
    run.fired = fired
    run.phase = phase
    return run


def wal_exists(db: Path) -> Trigger:
    wal = Path(f"{db}-wal")
    return wal.exists


def wal_written(db: Path) -> Trigger:
    """True once the WAL file changes (a writer is committing)."""
    wal = Path(f"{db}-wal")

    def stamp() -> tuple[int, int]:
        try:
            st = wal.stat()
        except FileNotFoundError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_size)

    first = stamp()
    return lambda: stamp() != first


def median(xs: list[float], default: float) -> float:
    return sorted(xs)[len(xs) // 2] if xs else default


def wal_left(db: Path) -> bool:
    return Path(f"{db}-wal").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubServer:
    """``counterdesk-hub serve`` on a fixed loopback port, restartable after a kill."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def serve_cmd(self) -> list[str]:
        port = str(self.port)
        return [
            HUB_CMD,
            "--data-dir",
            str(self.root),
            "serve",
            "--port",
            port,
            "--log-level",
            "warning",
        ]

    def start(self) -> None:
        if self.proc is not None:
            return
        with self.log.open("ab") as out:
            offset = out.tell()
            self.proc = subprocess.Popen(
                [*self.serve_cmd],
                stdout=out,
                stderr=out,
                env=cli_env(),
            )
        deadline = time.monotonic() + 30
        while True:
            with self.log.open("rb") as f:
                f.seek(offset)
                if b"serving on" in f.read():
                    break
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the hub server did not start; see {self.log}")
            time.sleep(0.01)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)
            self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)
            self.proc = None


# --- checks shared by the scenarios -------------------------------------------------------


def desk_state(desk: Desk) -> dict[str, Any]:
    conn = desk.conn
    return {
        "receipts": {r[0]: r[1] for r in conn.execute("SELECT receipt, id FROM requests")},
        "letters": {r[0]: r[1] for r in conn.execute("SELECT number, request_id FROM letters")},
        "last_seq": last_seq(conn),
        "acked": acked_seq(desk),
    }


def check_desk(root: Path, check: Checker, before: dict[str, Any] | None) -> dict[str, Any]:
    """The desk opens, is intact, its chain verifies, each request once; nothing committed
    earlier (``before``) has gone or moved. Returns the new state."""
    with Desk.open(root) as desk:
        conn = desk.conn
        check(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok", "desk quick_check")
        result = audit(desk)
        check(result.ok, f"desk audit chain: {result.problems[:3]}")
        orphans = conn.execute(
            "SELECT count(*) FROM requests r WHERE (SELECT count(*) FROM events e"
            " WHERE e.request_id = r.id AND e.kind = 'request_registered') != 1"
        ).fetchone()[0]
        check(orphans == 0, f"{orphans} request(s) without exactly one registration event")
        missing = conn.execute(
            "SELECT count(*) FROM events e LEFT JOIN requests r ON r.id = e.request_id"
            " WHERE e.kind = 'request_registered' AND r.id IS NULL"
        ).fetchone()[0]
        check(missing == 0, f"{missing} registration event(s) without their request")
        doubled = conn.execute(
            "SELECT count(*) FROM (SELECT request_id, kind FROM letters WHERE revoked = 0"
            " GROUP BY request_id, kind HAVING count(*) > 1)"
        ).fetchone()[0]
        check(doubled == 0, f"{doubled} request(s) with two letters")
        state = desk_state(desk)
    check(state["acked"] <= state["last_seq"], "desk acknowledged beyond its own log")
    if before is not None:
        for key in ("receipts", "letters"):
            gone = [k for k, v in before[key].items() if state[key].get(k) != v]
            check(not gone, f"committed {key} gone or moved after a kill: {gone[:5]}")
        check(state["last_seq"] >= before["last_seq"], "desk events lost")
        check(state["acked"] >= before["acked"], "desk acknowledgement went back")
    return state


def check_hub(root: Path, check: Checker, before: dict[str, int] | None) -> dict[str, int]:
    """The hub opens, is intact, holds each event once, each in one accepted bundle; events
    per desk never shrink. Returns events per desk."""
    with Hub.open(root) as hub:
        conn = hub.conn
        conn.execute("BEGIN")  # one snapshot: a live server may be ingesting
        check(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok", "hub quick_check")
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        counted = conn.execute("SELECT coalesce(sum(new_events), 0) FROM bundles").fetchone()[0]
        check(events == counted, f"hub: {events} events but bundles account for {counted}")
        dup = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY event_id HAVING count(*) > 1)"
        ).fetchone()[0]
        check(dup == 0, f"hub: {dup} event(s) stored twice")
        quarantined = conn.execute("SELECT count(*) FROM quarantine").fetchone()[0]
        check(quarantined == 0, f"hub: {quarantined} file(s) quarantined")
        registered = conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'request_registered'"
        ).fetchone()[0]
        requests = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        check(requests == registered, f"hub: {requests} requests, {registered} registrations")
        per_desk = {
            r[0]: r[1] for r in conn.execute("SELECT desk, count(*) FROM events GROUP BY desk")
        }
        conn.execute("COMMIT")
    if before is not None:
        shrunk = [d for d, n in before.items() if per_desk.get(d, 0) < n]
        check(not shrunk, f"hub lost events of {shrunk}")
    return per_desk


def hub_view_of(root: Path, code: str) -> tuple[set[str], list[int]]:
    with Hub.open(root) as hub:
        ids = {
            r[0] for r in hub.conn.execute("SELECT request_id FROM requests WHERE desk = ?", [code])
        }
        seqs = [
            r[0]
            for r in hub.conn.execute("SELECT seq FROM events WHERE desk = ? ORDER BY seq", [code])
        ]
    return ids, seqs


# --- the world and the scenarios ----------------------------------------------------------


class World:
    """One hub (and its server) shared by every scenario; each scenario enrolls its desk."""

    def __init__(self, root: Path, log: Callable[[str], None] = print) -> None:
        self.root = root
        self.log = log
        root.mkdir(parents=True, exist_ok=True)
        self.hub_root = make_hub(root / "hub")
        self.server = HubServer(self.hub_root, root / "hub-serve.log")

    def new_desk(self, code: str) -> Path:
        return make_desk(self.root / code, enrollment_bytes(self.hub_root, code))


class Scenario:
    """One kind of kill, repeated on one desk. Subclasses set ``name`` and ``code`` (the
    desk) and implement ``command`` (the CLI to kill); they may override ``prepare`` (work
    set up in-process before a kill), ``after`` (the scenario's own checks and the
    classification of a run), ``trigger`` (what an aimed kill waits for) and ``complete``
    (finishing the job cleanly after a kill, when the next kill does not)."""

    name = ""
    code = ""
    victim = "desk"  # whose database the WAL check looks at

    def __init__(self, world: World, seed: int | str) -> None:
        self.world = world
        self.seed = f"{seed}:{self.name}"
        self.rng = random.Random(self.seed)
        self.tally = Tally(self.name, self.seed)
        self.check = Checker(self.tally)
        self.durations: list[float] = []
        self.after_trigger: list[float] = []
        self.desk_root = world.new_desk(self.code)
        with Desk.open(self.desk_root) as desk:
            self.desk_db = Path(desk.paths.database)
        self.desk_before: dict[str, Any] | None = None
        self.hub_before: dict[str, int] | None = None
        self.folder = world.root / f"{self.code}-stick"
        self.setup()

    def setup(self) -> None:
        pass

    def desk_cli(self, *args: str) -> list[str]:
        return [DESK_CMD, "--data-dir", str(self.desk_root), *args]

    def hub_cli(self, *args: str) -> list[str]:
        return [HUB_CMD, "--data-dir", str(self.world.hub_root), *args]

    @property
    def victim_db(self) -> Path:
        return self.desk_db if self.victim == "desk" else self.world.hub_root / HUB_DB_NAME

    def delay(self) -> float:
        """Mostly late in a typical run (where the work is), sometimes anywhere in it."""
        typical = median(self.durations, 0.6)
        if self.rng.random() < 0.25:
            return self.rng.uniform(0.0, typical)
        return self.rng.uniform(0.55 * typical, 1.0 * typical)

    def trigger(self) -> Trigger | None:
        """What an aimed kill waits for: the victim opening its database (its WAL file
        appears). None: no aimed kills."""
        return wal_exists(self.victim_db)

    def plan(self) -> tuple[Trigger | None, float]:
        """Half the kills are aimed: a random moment after the trigger, within the time the
        work after it usually takes; the others a random moment after the start."""
        trigger = self.trigger() if self.rng.random() < 0.5 else None
        if trigger is None:
            return None, self.delay()
        return trigger, self.rng.uniform(0.0, median(self.after_trigger, 0.05))

    def kill_run(self, cmd: list[str]) -> Run:
        """Run ``cmd`` with a random kill, count it; the caller classifies the rest."""
        trigger, delay = self.plan()
        run = run_and_kill(cmd, delay, trigger=trigger)
        if run.killed:
            self.tally.kills += 1
            self.tally.aimed += trigger is not None
            if wal_left(self.victim_db):
                self.tally.db_open += 1
        else:
            self.tally.finished += 1
            self.durations.append(run.elapsed)
            if run.fired is not None:
                self.after_trigger.append(run.elapsed - run.fired)
            self.check(run.returncode == 0, f"{cmd[3:5]} failed: {run.stderr[-500:]}")
        return run

    # the loop ---------------------------------------------------------------------------
    def calibrate(self) -> None:
        """One run without a kill (its duration guides the delays)."""
        self.prepare()
        trigger = self.trigger()
        run = run_and_kill(self.command(), None, trigger=trigger, until_not=True)
        self.check(run.returncode == 0, f"{self.name} calibration run: {run.stderr[-500:]}")
        self.durations.append(run.elapsed)
        if run.fired is not None:
            self.after_trigger.append(run.phase or run.elapsed - run.fired)
        self.after(run)
        self.checks_after()
        self.complete()

    def one_kill(self) -> None:
        self.prepare()
        kills = self.tally.kills
        while self.tally.kills == kills:  # until a kill lands on a live process
            run = self.kill_run(self.command())
            self.after(run)
            self.checks_after()
        self.complete()

    def checks_after(self) -> None:
        self.desk_before = check_desk(self.desk_root, self.check, self.desk_before)
        self.hub_before = check_hub(self.world.hub_root, self.check, self.hub_before)

    def loop(self, kills: int) -> Tally:
        """The calibration run and ``kills`` kills, each checked. A failure is recorded in
        the tally and ends the scenario (its state is then unknown)."""
        start = time.monotonic()
        self.world.log(f"{self.name}: {kills} kill(s), seed {self.seed!r}")
        with self.recording():
            self.calibrate()
            while self.tally.kills < kills:
                self.one_kill()
        self.tally.seconds += time.monotonic() - start
        return self.tally

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        try:
            yield
        except Exception as exc:
            where = traceback.format_exc(limit=-3) if not isinstance(exc, CheckFailed) else ""
            self.tally.failures.append(f"after {self.tally.kills} kill(s): {exc}\n{where}".strip())
            self.world.log(f"{self.name}: FAILED: {self.tally.failures[-1]}")

    def finish(self) -> Tally:
        """The final clean sync and its checks (the hub server must be running)."""
        start = time.monotonic()
        if not self.tally.failures:
            with self.recording():
                self.final()
        self.tally.seconds = round(self.tally.seconds + time.monotonic() - start, 2)
        return self.tally

    def final(self) -> None:
        """A clean sync afterwards: the hub then has each of the desk's requests once."""
        url = self.world.server.url
        run = run_and_kill(self.desk_cli("sync", "--hub", url, "--json"), None)
        self.check(run.returncode == 0, f"final sync failed: {run.stderr[-500:]}")
        report = run.json()
        self.check(report is not None and report["pending"] == 0, f"final sync: {run.stdout}")
        state = check_desk(self.desk_root, self.check, self.desk_before)
        check_hub(self.world.hub_root, self.check, self.hub_before)
        ids, seqs = hub_view_of(self.world.hub_root, self.code)
        self.check(ids == set(state["receipts"].values()), "hub requests differ from the desk's")
        self.check(seqs == list(range(1, state["last_seq"] + 1)), "hub events differ")
        verify = run_and_kill(self.desk_cli("audit", "verify"), None)
        self.check(verify.returncode == 0, f"audit verify: {verify.stdout}{verify.stderr}")

    # hooks ------------------------------------------------------------------------------
    def prepare(self) -> None:
        pass

    def command(self) -> list[str]:
        raise NotImplementedError

    def after(self, run: Run) -> None:
        pass

    def complete(self) -> None:
        pass

    # in-process helpers -----------------------------------------------------------------
    def register_some(self, n: int) -> None:
        with Desk.open(self.desk_root) as desk:
            register(desk, n, name=citizen(self.rng.randrange(10_000)))

    def usb_round(self, *, max_payload: int | None = None) -> None:
        """Export, hub import with replies, desk import: the job done cleanly, in-process."""
        with Desk.open(self.desk_root) as desk:
            if max_payload:
                export_to_folder(desk, self.folder, max_payload=max_payload)
            else:
                export_to_folder(desk, self.folder)
            with Hub.open(self.world.hub_root) as hub:
                for path in sorted(self.folder.glob(f"{self.code}_*.cdb")):
                    result = ingest(hub, path.read_bytes(), source=str(path))
                    self.check(
                        result.outcome in ("accepted", "duplicate"), f"ingest: {result.message()}"
                    )
                write_replies(hub, self.code, self.folder)
            lines = import_paths(desk, [self.folder])
            self.check(not [x for x in lines if x.failed], f"desk import: {lines}")
            self.check(acked_seq(desk) == last_seq(desk.conn), "the usb round left events pending")


class RegisterOne(Scenario):
    """``counterdesk register`` of one walk-in, killed."""

    name = "register"
    code = "REG-01"

    def setup(self) -> None:
        with Desk.open(self.desk_root) as desk:
            self.fields = field_values(desk.catalogue.get(SERVICE))
        self.known: set[str] = set()
        self.n = 0

    def command(self) -> list[str]:
        self.n += 1
        fields = [a for k, v in self.fields.items() for a in ("--field", f"{k}={v}")]
        return self.desk_cli(
            "register", "--json", "--staff", ADMIN, "--service", SERVICE,
            "--name", citizen(self.n), "--nik", NIKS[self.n % 2], *fields,
        )  # fmt: skip

    def after(self, run: Run) -> None:
        self.check(run.killed or run.returncode == 0, f"register: {run.stderr[-300:]}")
        answer = run.json()
        if answer:
            self.known.add(answer["receipt"])
        with Desk.open(self.desk_root) as desk:
            receipts = {r[0] for r in desk.conn.execute("SELECT receipt FROM requests")}
        self.check(self.known <= receipts, "a printed receipt is missing at the desk")
        extra = receipts - self.known
        self.check(len(extra) <= 1, f"one killed run left {len(extra)} unreported requests")
        if extra:
            self.tally.unreported += 1
            self.known |= extra


class RegisterCsv(Scenario):
    """``counterdesk register --csv`` of a 100-row outreach file, killed: all or nothing."""

    name = "register_csv"
    code = "CSV-01"
    rows = 100

    def setup(self) -> None:
        with Desk.open(self.desk_root) as desk:
            values = field_values(desk.catalogue.get(SERVICE))
        header = "service,name,nik,passport,nationality," + ",".join(f"field:{k}" for k in values)
        tail = ",".join(values.values())
        lines = [header] + [
            f"{SERVICE},{citizen(i)},{NIKS[i % 2]},,,{tail}" for i in range(self.rows)
        ]
        self.csv = self.world.root / "outreach.csv"
        self.csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.known: set[str] = set()

    def command(self) -> list[str]:
        return self.desk_cli("register", "--json", "--staff", ADMIN, "--csv", str(self.csv))

    def after(self, run: Run) -> None:
        answer = run.json()
        if answer:
            self.check(len(answer["receipts"]) == self.rows, "CSV: not every row registered")
            self.known |= set(answer["receipts"])
        with Desk.open(self.desk_root) as desk:
            receipts = {r[0] for r in desk.conn.execute("SELECT receipt FROM requests")}
        self.check(self.known <= receipts, "printed CSV receipts missing at the desk")
        extra = receipts - self.known
        self.check(len(extra) in (0, self.rows), f"a killed CSV import left {len(extra)} rows")
        if extra:
            self.tally.unreported += 1
            self.known |= extra


class PrintLetter(Scenario):
    """``counterdesk print letter`` (numbers a letter on its first print), killed; half of
    the prints are reprints, which must reuse the number."""

    name = "print_letter"
    code = "PRN-01"

    def setup(self) -> None:
        self.pool: list[str] = []
        self.numbers: dict[str, str] = {}  # receipt -> number the CLI printed
        self.target = ""

    def prepare(self) -> None:
        if not self.pool:
            with Desk.open(self.desk_root) as desk:
                self.pool = register(desk, 20, name=citizen(self.rng.randrange(10_000)))
        if self.numbers and self.rng.random() < 0.4:
            self.target = self.rng.choice(sorted(self.numbers))
        else:
            self.target = self.pool.pop()

    def command(self) -> list[str]:
        out = self.world.root / f"{self.code}-letter.pdf"
        return self.desk_cli(
            "print", "letter", self.target, "--json", "--staff", ADMIN, "--out", str(out)
        )

    def after(self, run: Run) -> None:
        answer = run.json()
        with Desk.open(self.desk_root) as desk:
            rows = desk.conn.execute(
                "SELECT r.receipt, l.number FROM letters l JOIN requests r ON r.id = l.request_id"
                " WHERE l.revoked = 0"
            ).fetchall()
            numbers = {r[0]: r[1] for r in rows}
            counter = desk.conn.execute(
                "SELECT coalesce(max(value), 0) FROM counters WHERE name LIKE 'letter:%'"
            ).fetchone()[0]
        self.check(len(set(numbers.values())) == len(numbers), "a letter number is used twice")
        self.check(counter >= len(numbers), "the letter counter is behind the letters issued")
        if answer:
            got = answer["number"]
            earlier = self.numbers.get(self.target)
            self.check(earlier in (None, got), f"reprint got {got}, first print {earlier}")
            self.numbers[self.target] = got
        wrong = [r for r, n in self.numbers.items() if numbers.get(r) != n]
        self.check(not wrong, f"printed letter numbers changed: {wrong[:3]}")
        if self.target in numbers and self.target not in self.numbers:
            self.tally.unreported += 1  # numbered, the officer never saw it: reprint reuses it
            self.numbers[self.target] = numbers[self.target]


class Export(Scenario):
    """``counterdesk export`` onto a stick, killed: only whole, valid bundles are visible;
    the next (clean) export and trip heal it."""

    name = "export"
    code = "EXP-01"

    def prepare(self) -> None:
        self.register_some(self.rng.randrange(5, 30))

    def command(self) -> list[str]:
        return self.desk_cli("export", "--json", str(self.folder))

    def after(self, run: Run) -> None:
        if not self.folder.exists():
            return
        with Hub.open(self.world.hub_root) as hub:
            for path in self.folder.glob("*.cdb"):
                data = path.read_bytes()
                self.check(bundle_size(data) == len(data), f"half-written {path.name}")
                open_desk_bundle(hub, data, kinds=EVENTS_OR_HELLO)

    def complete(self) -> None:
        self.usb_round()
        leftovers = [p.name for p in self.folder.iterdir() if p.name.startswith(".")]
        self.check(not leftovers, f"temporary files left after a clean export: {leftovers}")


class DeskImport(Scenario):
    """``counterdesk import`` of the hub's replies (acknowledgement, reference data), killed."""

    name = "desk_import"
    code = "IMP-01"

    def prepare(self) -> None:
        self.register_some(self.rng.randrange(5, 30))
        with Desk.open(self.desk_root) as desk:
            export_to_folder(desk, self.folder)
        with Hub.open(self.world.hub_root) as hub:
            for path in sorted(self.folder.glob(f"{self.code}_*.cdb")):
                result = ingest(hub, path.read_bytes(), source=str(path))
                self.check(result.outcome in ("accepted", "duplicate"), result.message())
            write_replies(hub, self.code, self.folder)
        with Desk.open(self.desk_root) as desk:
            self.acked_before = acked_seq(desk)

    def command(self) -> list[str]:
        return self.desk_cli("import", "--json", str(self.folder))

    def after(self, run: Run) -> None:
        with Desk.open(self.desk_root) as desk:
            acked = acked_seq(desk)
        if run.killed and acked > self.acked_before and run.json() is None:
            self.tally.unreported += 1

    def complete(self) -> None:
        with Desk.open(self.desk_root) as desk:
            lines = import_paths(desk, [self.folder])
            self.check(not [x for x in lines if x.failed], f"import again: {lines}")
            self.check(acked_seq(desk) == last_seq(desk.conn), "import again left events pending")


class HubImport(Scenario):
    """``counterdesk-hub import`` of a folder of many small bundles, killed mid-ingest."""

    name = "hub_import"
    code = "HIM-01"
    victim = "hub"

    def prepare(self) -> None:
        self.register_some(self.rng.randrange(10, 40))
        with Desk.open(self.desk_root) as desk:
            export_to_folder(desk, self.folder, max_payload=1200)
        self.events_before = dict(self.hub_before or {}).get(self.code, 0)

    def command(self) -> list[str]:
        return self.hub_cli("import", "--json", str(self.folder))

    def after(self, run: Run) -> None:
        per_desk = check_hub(self.world.hub_root, self.check, self.hub_before)
        if run.killed and per_desk.get(self.code, 0) > self.events_before:
            self.tally.unreported += 1  # some bundles were stored, no line printed for all

    def complete(self) -> None:
        self.usb_round(max_payload=1200)


class SyncDeskKilled(Scenario):
    """``counterdesk sync`` against ``counterdesk-hub serve``, the desk killed mid-upload."""

    name = "sync_desk_killed"
    code = "SYD-01"

    def setup(self) -> None:
        self.world.server.start()  # left running for the other final syncs

    def prepare(self) -> None:
        self.register_some(self.rng.randrange(20, 80))

    def command(self) -> list[str]:
        return self.desk_cli("sync", "--json", "--hub", self.world.server.url)

    def trigger(self) -> Trigger | None:
        """The hub writing what the desk sent: the desk dies while the answer is on its way."""
        return wal_written(self.world.hub_root / HUB_DB_NAME)

    def after(self, run: Run) -> None:
        if not run.killed:
            return
        with Desk.open(self.desk_root) as desk:
            acked = acked_seq(desk)
        time.sleep(0.05)  # the hub may still be ingesting what the dead desk sent
        _, seqs = hub_view_of(self.world.hub_root, self.code)
        if len(seqs) > acked:
            self.tally.unreported += 1  # the hub took it, the desk never heard


class SyncHubKilled(Scenario):
    """The hub server killed while a desk's ``counterdesk sync`` uploads, then restarted;
    the desk's own retries finish the sync."""

    name = "sync_hub_killed"
    code = "SYH-01"
    victim = "hub"

    def setup(self) -> None:
        self.world.server.start()  # left running for the other final syncs

    def prepare(self) -> None:
        self.register_some(self.rng.randrange(30, 120))

    def command(self) -> list[str]:
        return self.desk_cli("sync", "--json", "--hub", self.world.server.url)

    def one_kill(self) -> None:
        self.prepare()
        trigger, delay = self.plan()
        start = time.monotonic()
        proc = subprocess.Popen(
            self.command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), text=True
        )
        fired = wait_for(proc, trigger, start, 60) if trigger is not None else None
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = False
        if finished:
            self.tally.finished += 1
            self.durations.append(time.monotonic() - start)
            if fired is not None:
                self.after_trigger.append(time.monotonic() - start - fired)
        else:
            self.world.server.kill()
            self.tally.kills += 1
            self.tally.aimed += trigger is not None
            self.tally.db_open += wal_left(self.victim_db)  # a server keeps it open: always
            self.hub_before = check_hub(self.world.hub_root, self.check, self.hub_before)
            self.world.server.start()
            self.tally.hub_restarts += 1
        out, err = proc.communicate(timeout=120)
        self.check(proc.returncode == 0, f"the desk's sync did not survive the hub: {err[-500:]}")
        report = json.loads(out)
        if not finished and (report["known_events"] or report["duplicate_bundles"]):
            self.tally.unreported += 1  # the hub had stored it when it died: no answer sent
        self.checks_after()
        _, seqs = hub_view_of(self.world.hub_root, self.code)
        self.check(report["pending"] == 0, "the sync after the hub's restart left events")
        self.check(len(seqs) == self.desk_before["last_seq"], "hub and desk disagree")  # type: ignore[index]

    def trigger(self) -> Trigger | None:
        """The hub starting to store the upload: it dies mid-ingest."""
        return wal_written(self.world.hub_root / HUB_DB_NAME)

    def calibrate(self) -> None:
        self.prepare()
        run = run_and_kill(self.command(), None, trigger=self.trigger())
        if run.fired is not None:
            self.after_trigger.append(run.elapsed - run.fired)
        self.check(run.returncode == 0, f"calibration sync: {run.stderr[-500:]}")
        self.durations.append(run.elapsed)
        self.checks_after()


SCENARIOS: tuple[type[Scenario], ...] = (
    RegisterOne,
    RegisterCsv,
    PrintLetter,
    Export,
    DeskImport,
    HubImport,
    SyncDeskKilled,
    SyncHubKilled,
)


def spread(total: int, n: int) -> list[int]:
    return [total // n + (1 if i < total % n else 0) for i in range(n)]


def crash_loop(
    root: Path,
    kills: int,
    seed: int,
    *,
    scenarios: tuple[type[Scenario], ...] = SCENARIOS,
    log: Callable[[str], None] = print,
) -> list[Tally]:
    """Run ``kills`` kills spread over the scenarios, one after another; their tallies."""
    log(f"crash loop: {kills} kill(s) over {len(scenarios)} scenario(s), seed {seed}")
    world = World(root, log)
    done: list[Scenario] = []
    try:
        for cls, n in zip(scenarios, spread(kills, len(scenarios)), strict=True):
            scenario = cls(world, seed)
            done.append(scenario)
            scenario.loop(n)
        # One server for every final sync (a hub start costs seconds).
        world.server.start()
        for scenario in done:
            t = scenario.finish()
            log(
                f"{t.scenario}: {t.kills} kills ({t.aimed} aimed), {t.db_open} with the "
                f"database open, {t.unreported} committed unreported, {t.checks} checks, "
                f"{len(t.failures)} failure(s), {t.seconds:.1f} s"
            )
    finally:
        world.server.stop()
    tallies = [s.tally for s in done]
    return tallies
