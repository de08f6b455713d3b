"""Sending a PDF to a printer through the OS print system (CUPS `lp`) from the command line,
and following the job until the print system says it was printed.

The desk app prints through Qt instead (and follows its job with ``follow_job`` too);
this is for scripts and headless use. A print is reported only when it happened: a
stopped or refusing queue, or no completion within ``timeout`` seconds, cancels the job
(so it never comes out later, for the next citizen) and raises ``PrintError`` with the
printer's own state reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from counterdesk.domain.errors import CounterdeskError


class PrintError(CounterdeskError):
    pass


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
PT_PER_MM = 72 / 25.4
PRINT_TIMEOUT = 60.0  # seconds for a job to be printed (completed) before it is cancelled
POLL_SECONDS = 0.5
_TOOL_TIMEOUT = 20
_JOB_ID = re.compile(r"request id is (\S+)-(\d+)")
_C_LOCALE = {"LANG": "C", "LC_ALL": "C", "LANGUAGE": "C"}


def page_size_mm(pdf: bytes) -> tuple[float, float] | None:
    """The first page's size in millimetres, read from the PDF's MediaBox."""
    m = _MEDIA_BOX.search(pdf)
    if m is None:
        return None
    return float(m.group(1)) / PT_PER_MM, float(m.group(2)) / PT_PER_MM


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PrintError(
            f"no print system found (the `{name}` command of CUPS); print from the desk app, "
            "or write a file with --out",
            code="no_lp",
        )
    return path


def _run(args: list[str], *, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            args,
            input=data,
            capture_output=True,
            timeout=_TOOL_TIMEOUT,
            check=False,
            env=os.environ | _C_LOCALE,
        )
    except subprocess.TimeoutExpired:
        raise PrintError(
            f"the print system did not answer within {_TOOL_TIMEOUT} s ({Path(args[0]).name})",
            code="lp_timeout",
        ) from None


def _last_line(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
    return lines[-1].strip() if lines else "unknown error"


@dataclass(frozen=True)
class QueueState:
    """What CUPS says of a queue: enabled (not stopped), accepting jobs, and why not."""

    printer: str
    enabled: bool
    accepting: bool
    reason: str

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting


def _reason(lines: list[str]) -> str:
    """The state message CUPS prints on the indented line after the status line."""
    for line in lines[1:]:
        text = line.strip()
        if text and not text.startswith(("Alerts:", "Description:", "Location:")):
            return text
    return ""


def queue_state(printer: str) -> QueueState:
    """The queue's state from ``lpstat -p`` and ``lpstat -a``; ``PrintError`` if unknown."""
    lpstat = _tool("lpstat")
    shown = _run([lpstat, "-l", "-p", printer])
    if shown.returncode != 0:
        raise PrintError(
            f"printer {printer!r} is not known to the print system: {_last_line(shown)}",
            code="lp_no_printer",
            printer=printer,
        )
    p_lines = shown.stdout.decode(errors="replace").splitlines()
    enabled = not any(" disabled" in line for line in p_lines[:1])
    accepts = _run([lpstat, "-a", printer]).stdout.decode(errors="replace").splitlines()
    accepting = not any("not accepting" in line for line in accepts[:1])
    reason = ""
    if not accepting:
        reason = _reason(accepts)
    if not enabled or not reason:
        reason = _reason(p_lines) or reason
    return QueueState(printer, enabled, accepting, reason)


def _stopped_message(state: QueueState) -> tuple[str, str]:
    what = "is stopped" if not state.enabled else "is not accepting jobs"
    code = "lp_stopped" if not state.enabled else "lp_rejecting"
    because = f" ({state.reason})" if state.reason else ""
    return f"printer {state.printer!r} {what}{because}", code


def pending_jobs(printer: str, *, user: str | None = None) -> set[int]:
    """Ids of the queue's jobs that are not completed yet (only ``user``'s when given)."""
    lpstat = _tool("lpstat")
    done = _run([lpstat, "-W", "not-completed", "-o", printer])
    jobs: set[int] = set()
    prefix = f"{printer}-"
    for line in done.stdout.decode(errors="replace").splitlines():
        words = line.split()
        word = words[0] if words else ""
        if user is not None and (len(words) < 2 or words[1] != user):
            continue
        if word.startswith(prefix) and word[len(prefix) :].isdigit():
            jobs.add(int(word[len(prefix) :]))
    return jobs


def cancel_job(printer: str, job: int) -> None:
    """Cancel the job (it must never print later); an already finished job is left alone."""
    cancel = shutil.which("cancel")
    if cancel is not None:
        _run([cancel, f"{printer}-{job}"])


_JOB_TEST = """{
  OPERATION Get-Job-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR integer job-id $job_id
  ATTR keyword requested-attributes job-state
  DISPLAY job-state
}
"""


def finished_state(printer: str, job: int) -> str:
    """How a job that left the queue ended: completed, canceled or aborted ("" if unknown).

    Asked over IPP with ``ipptool`` when it is installed; ``lpstat`` does not tell.
    """
    ipptool = shutil.which("ipptool")
    if ipptool is None:
        return ""
    with tempfile.TemporaryDirectory(prefix="counterdesk-ipp-") as folder:
        test = Path(folder) / "job.test"
        test.write_text(_JOB_TEST)
        done = _run(
            [ipptool, "-d", f"job_id={job}", f"ipp://localhost/printers/{printer}", str(test)]
        )
    for word in ("completed", "canceled", "aborted"):
        if any(line.strip() == word for line in done.stdout.decode(errors="replace").splitlines()):
            return word
    return ""


def follow_job(printer: str, job: int, *, timeout: float = PRINT_TIMEOUT) -> None:
    """Wait until CUPS has printed ``job``; else cancel it and raise ``PrintError``.

    Raised (after cancelling) when the queue is stopped or stops taking jobs, when
    the job was cancelled or aborted, or when it is not completed within ``timeout``.
    """
    deadline = time.monotonic() + timeout
    while True:
        if job not in pending_jobs(printer):
            ended = finished_state(printer, job)
            if ended in ("canceled", "aborted"):
                state = queue_state(printer)
                because = f" ({state.reason})" if state.reason else ""
                raise PrintError(
                    f"printer {printer!r}: the job was {ended}{because}; nothing was printed",
                    code="lp_job_" + ended,
                    printer=printer,
                    reason=state.reason,
                )
            return
        state = queue_state(printer)
        if not state.ready:
            cancel_job(printer, job)
            message, code = _stopped_message(state)
            raise PrintError(
                f"{message}; the job was cancelled, nothing was printed",
                code=code,
                printer=printer,
                reason=state.reason,
            )
        if time.monotonic() >= deadline:
            cancel_job(printer, job)
            because = f" ({state.reason})" if state.reason else ""
            raise PrintError(
                f"printer {printer!r} did not print within {timeout:g} s{because}; "
                "the job was cancelled",
                code="lp_timeout",
                printer=printer,
                seconds=timeout,
                reason=state.reason,
            )
        time.sleep(POLL_SECONDS)


def submit(data: bytes, printer: str, *, title: str, options: list[str]) -> int:
    """Queue ``data`` with ``lp``; the job id. A refusing queue raises ``PrintError``."""
    lp = _tool("lp")
    done = _run([lp, "-d", printer, "-t", title, *options, "-"], data=data)
    if done.returncode != 0:
        try:
            state = queue_state(printer)
        except PrintError:
            state = None
        if state is not None and not state.ready:
            message, code = _stopped_message(state)
            raise PrintError(
                f"{message}; nothing was printed", code=code, printer=printer, reason=state.reason
            )
        raise PrintError(
            f"printer {printer!r} refused the job: {_last_line(done)}",
            code="lp_failed",
            printer=printer,
            reason=_last_line(done),
        )
    found = _JOB_ID.search(done.stdout.decode(errors="replace"))
    if found is None:
        raise PrintError(
            f"printer {printer!r}: lp gave no job id ({_last_line(done)})",
            code="lp_failed",
            printer=printer,
            reason=_last_line(done),
        )
    return int(found.group(2))


def send_to_printer(
    pdf: bytes, printer: str, *, title: str, timeout: float = PRINT_TIMEOUT, raw: bool = False
) -> str:
    """Print the PDF on ``printer`` at its own paper size and wait until it is printed.

    Without a media option CUPS would scale a 80 mm receipt onto the queue's
    default paper (often A4). ``raw`` sends the bytes untouched (ESC/POS data to a
    raw queue). Returns "QUEUE-JOB"; raises ``PrintError`` when it was not printed
    (the job cancelled).
    """
    state = queue_state(printer)
    if not state.ready:
        message, code = _stopped_message(state)
        raise PrintError(
            f"{message}; nothing was printed", code=code, printer=printer, reason=state.reason
        )
    options = ["-o", "raw"] if raw else _media_options(pdf)
    job = submit(pdf, printer, title=title, options=options)
    follow_job(printer, job, timeout=timeout)
    return f"{printer}-{job}"


def _media_options(pdf: bytes) -> list[str]:
    size = page_size_mm(pdf)
    if size is None:
        return []
    width, height = size
    if abs(width - 210) < 1 and abs(height - 297) < 1:
        return ["-o", "media=A4"]
    return ["-o", f"media=Custom.{width:.0f}x{height:.0f}mm"]
