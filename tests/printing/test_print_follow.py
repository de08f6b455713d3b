"""A print is reported only when it happened: CUPS jobs are followed to completed; a
stopped or refusing queue, or no completion in time, cancels the job (it must never come
out later, for the next citizen) and says so in one line, exit 1.

Each test makes its own CUPS queue (CDTEST-...) and deletes it afterwards, so runs
in parallel and the shared ``PDF`` queue are not disturbed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cups_pdf import remove_outputs, wait_for_output
from cups_queues import admin, make_queue

from counterdesk.cli import main
from counterdesk.services.printer import (
    PrintError,
    follow_job,
    pending_jobs,
    queue_state,
    send_to_printer,
    submit,
)


@pytest.fixture
def queue() -> Iterator[str]:
    """A CUPS-PDF queue of this test's own."""
    yield from make_queue("cups-pdf:/")


@pytest.fixture
def dead_queue() -> Iterator[str]:
    """A queue whose printer never takes the job (nothing listens on its port)."""
    yield from make_queue("socket://127.0.0.1:9", "-o", "printer-error-policy=retry-job")


class Cli:
    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root, self.capsys = root, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def register(self) -> dict[str, Any]:
        import json

        from tests.test_cli import Run, a_letter_service, field_args

        run = Run(self.root, self.capsys)
        service = a_letter_service(run)
        code, out, err = self(
            "register",
            "--service",
            service["code"],
            "--name",
            "Siti Nurhaliza",
            "--nik",
            "6107054107900001",
            *field_args(service),
            "--staff",
            "demo",
            "--json",
        )
        assert code == 0, err
        return dict(json.loads(out))


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    c = Cli(tmp_path / "desk", capsys)
    assert c("demo")[0] == 0
    return c


def test_a_job_on_a_working_queue_is_followed_to_completed(
    cli: Cli, queue: str, tmp_path: Path
) -> None:
    receipt = cli.register()["receipt"]
    try:
        code, out, err = cli("print", "receipt", receipt, "--printer", queue, "--timeout", "60")
        assert code == 0, err
        assert f"-> {queue}-" in out
        assert not pending_jobs(queue)
        wait_for_output(receipt, tmp_path)
    finally:
        remove_outputs(receipt)


def test_a_stopped_queue_is_reported_and_nothing_waits_there(cli: Cli, queue: str) -> None:
    admin("cupsdisable", "-r", "Kertas habis (test)", queue)
    receipt = cli.register()["receipt"]
    code, out, err = cli("print", "receipt", receipt, "--printer", queue)
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert f"printer {queue!r} is stopped (Kertas habis (test))" in err
    assert not pending_jobs(queue)  # nothing to come out when the printer is started


def test_a_refusing_queue_is_reported(cli: Cli, queue: str) -> None:
    admin("cupsreject", "-r", "closed for today", queue)
    receipt = cli.register()["receipt"]
    code, _, err = cli("print", "ticket", receipt, "--printer", queue)
    assert code == 1 and err.count("\n") == 1
    assert f"printer {queue!r} is not accepting jobs (closed for today)" in err


def test_a_job_queued_before_the_printer_stopped_is_cancelled(queue: str) -> None:
    admin("cupsdisable", "-r", "cover open", queue)
    # the queue stopped after the job went in (as when paper runs out during the day)
    job = submit(b"%PDF-1.4 not much\n", queue, title="stopped-test", options=[])
    assert job in pending_jobs(queue)
    with pytest.raises(PrintError) as e:
        follow_job(queue, job, timeout=30)
    assert e.value.code == "lp_stopped"
    assert "is stopped (cover open); the job was cancelled" in str(e.value)
    assert job not in pending_jobs(queue)
    admin("cupsenable", queue)  # started again: the cancelled job does not come out
    assert job not in pending_jobs(queue)


def test_no_completion_in_time_cancels_the_job(cli: Cli, dead_queue: str) -> None:
    receipt = cli.register()["receipt"]
    code, _, err = cli("print", "receipt", receipt, "--printer", dead_queue, "--timeout", "3")
    assert code == 1 and err.count("\n") == 1
    assert f"printer {dead_queue!r} did not print within 3 s" in err
    assert "the job was cancelled" in err
    assert not pending_jobs(dead_queue)


def test_an_unknown_printer_is_one_line(cli: Cli) -> None:
    receipt = cli.register()["receipt"]
    code, _, err = cli("print", "receipt", receipt, "--printer", "CDTEST-no-such-queue")
    assert code == 1 and err.count("\n") == 1 and "not known to the print system" in err


def test_a_failed_letter_print_does_not_use_up_a_number(
    cli: Cli, queue: str, tmp_path: Path
) -> None:
    admin("cupsdisable", "-r", "jammed", queue)
    first, second = cli.register()["receipt"], cli.register()["receipt"]
    code, _, err = cli("print", "letter", first, "--printer", queue, "--staff", "demo")
    assert code == 1 and "is stopped (jammed)" in err
    code, out, err = cli(
        "print",
        "letter",
        second,
        "--out",
        str(tmp_path / "letter.pdf"),
        "--staff",
        "demo",
        "--json",
    )
    assert code == 0, err
    import json

    number = json.loads(out)["number"]
    assert "/0001/" in number  # the failed print did not take 0001


def test_queue_state_reads_the_reason(queue: str) -> None:
    assert queue_state(queue).ready
    admin("cupsdisable", "-r", "maintenance", queue)
    state = queue_state(queue)
    assert not state.enabled and state.accepting and state.reason == "maintenance"
    with pytest.raises(PrintError, match="is stopped"):
        send_to_printer(b"%PDF-1.4\n", queue, title="t")


def test_escpos_to_a_raw_cups_queue_is_followed_and_cancelled_when_not_printed(
    cli: Cli, dead_queue: str
) -> None:
    receipt = cli.register()["receipt"]
    code, _, err = cli(
        "print", "receipt", receipt, "--escpos", f"cups:{dead_queue}", "--timeout", "3"
    )
    assert code == 1 and err.count("\n") == 1
    assert f"printer {dead_queue!r} did not print within 3 s" in err
    assert not pending_jobs(dead_queue)


def test_out_never_replaces_a_device_or_other_special_file(cli: Cli, tmp_path: Path) -> None:
    """--out writes a new file and renames it into place: over a device (/dev/null, a
    printer) or a pipe that would replace the special file itself, so it is refused."""
    receipt = cli.register()["receipt"]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(SystemExit) as e:
        cli("print", "receipt", receipt, "--out", str(fifo))
    assert e.value.code == 2
    assert stat.S_ISFIFO(fifo.stat().st_mode)
