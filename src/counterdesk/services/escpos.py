"""Printing tickets and receipts straight to an ESC/POS thermal printer (no driver).

The document is made as today (the roll PDF), rasterised at the roll's true dot width
(``printing.raster``: 384 dots on 58 mm, 576 on 80 mm, 203 dpi) and sent with
python-escpos as raster bit images (``GS v 0``), then fed and cut. The cash drawer kick
and the beep are off unless asked for.

Where it goes is a TARGET string (``parse_target``):

* a file path: the bytes are written to it (nothing answers; for tests and spooling);
* ``/dev/usb/lp0`` (any ``/dev/...``): a printer device; the kernel's errors are mapped
  (``ENOSPC``: paper out, ``ENODEV``/``EIO``: disconnected or offline);
* ``tcp://HOST[:PORT]`` (port 9100 by default) and ``serial:PORT[@BAUD]`` (also
  Bluetooth SPP ports such as ``/dev/rfcomm0`` or ``COM5``): two-way links; the
  printer's real-time status (``DLE EOT``) is asked first and its answer to
  ``GS r 1`` after the job shows it was taken and printed, each within ``timeout``;
* ``win32raw:PRINTER NAME``: a Windows queue, raw (pywin32's win32print);
* ``cups:QUEUE``: a raw CUPS queue through ``lp -o raw``, followed until printed
  (``services.printer.follow_job``).

Every failure is a ``PrintError`` with a code (``escpos_paper_out``,
``escpos_disconnected``, ``escpos_timeout``, ...) and a one-line message.
"""

from __future__ import annotations

import copy
import errno
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from counterdesk.config import DeskSettings
from counterdesk.printing.raster import roll_image
from counterdesk.printing.roll import PRINTABLE_DOTS
from counterdesk.services.print_options import TARGET_HELP
from counterdesk.services.printer import PrintError, send_to_printer

ROLLS = tuple(sorted(PRINTABLE_DOTS))
KINDS = ("file", "device", "tcp", "serial", "win32raw", "cups")
DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600
ESCPOS_TIMEOUT = 10.0  # seconds for a two-way printer to answer

# Real-time status (DLE EOT n) and the in-order paper sensor status (GS r 1).
DLE_EOT = b"\x10\x04"
STATUS_PRINTER = DLE_EOT + b"\x01"
STATUS_OFFLINE = DLE_EOT + b"\x02"
STATUS_PAPER = DLE_EOT + b"\x04"
PAPER_AFTER_JOB = b"\x1dr\x01"


@dataclass(frozen=True)
class Target:
    kind: str
    address: str
    port: int = DEFAULT_PORT
    baud: int = DEFAULT_BAUD

    @property
    def two_way(self) -> bool:
        return self.kind in ("tcp", "serial")

    def __str__(self) -> str:
        if self.kind == "tcp":
            return f"tcp://{self.address}:{self.port}"
        if self.kind == "serial":
            return f"serial:{self.address}@{self.baud}"
        if self.kind in ("win32raw", "cups"):
            return f"{self.kind}:{self.address}"
        return self.address


def _bad_target(text: str, why: str) -> PrintError:
    return PrintError(
        f"not a printer target: {text!r} ({why}); use {TARGET_HELP}",
        code="escpos_target",
        target=text,
    )


def parse_target(text: str) -> Target:
    """The TARGET string as a ``Target``; ``PrintError`` (code escpos_target) if malformed."""
    value = text.strip()
    if not value:
        raise _bad_target(text, "empty")
    lower = value.lower()
    if lower.startswith("tcp://"):
        rest = value[6:].rstrip("/")
        host, sep, port_text = rest.rpartition(":")
        if not sep:
            host, port_text = rest, str(DEFAULT_PORT)
        host = host.strip("[]")
        if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise _bad_target(text, "tcp://HOST:PORT with a port 1-65535")
        return Target("tcp", host, port=int(port_text))
    if lower.startswith("serial:"):
        port, sep, baud = value[7:].partition("@")
        if not port or (sep and not baud.isdigit()):
            raise _bad_target(text, "serial:PORT or serial:PORT@BAUD")
        return Target("serial", port, baud=int(baud) if sep else DEFAULT_BAUD)
    for kind in ("win32raw", "cups"):
        if lower.startswith(kind + ":"):
            name = value[len(kind) + 1 :].strip()
            if not name:
                raise _bad_target(text, f"{kind}: needs a printer name")
            return Target(kind, name)
    if value.startswith("/dev/"):
        return Target("device", value)
    return Target("file", value)


# python-escpos ------------------------------------------------------------------------------
def _load_escpos() -> None:
    """Import python-escpos with its printer database cache in this user's own folder.

    Left alone it caches a pickle of its printer profiles in a new temporary folder at
    every start (one left behind per run); it loads that pickle back, so the folder must
    be one only this user can write: the user cache folder, created private.
    """
    if "escpos.capabilities" not in sys.modules and not os.environ.get(_PICKLE_ENV):
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("counterdesk", appauthor=False)) / "escpos"
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.environ[_PICKLE_ENV] = str(folder)
        except OSError:
            pass  # python-escpos then uses a temporary folder of its own
    import escpos.printer  # type: ignore[import-untyped, unused-ignore]  # noqa: F401


_PICKLE_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


# the bytes --------------------------------------------------------------------------------
def escpos_bytes(
    pdf: bytes, roll_mm: int, *, cut: bool = True, drawer: bool = False, beep: bool = False
) -> bytes:
    """The ESC/POS job for a roll PDF: ESC @, the page as GS v 0 raster blocks, feed, cut."""
    _load_escpos()
    from escpos.printer import Dummy  # type: ignore[import-untyped, unused-ignore]

    image = roll_image(pdf, roll_mm)
    printer = Dummy()
    # The profile's data is shared by every instance: give this one its own copy.
    printer.profile.profile_data = copy.deepcopy(printer.profile.profile_data)
    printer.profile.profile_data["media"]["width"]["pixels"] = PRINTABLE_DOTS[roll_mm]
    printer.hw("INIT")
    printer.image(image, impl="bitImageRaster", fragment_height=256)
    if beep:
        printer.buzzer(1, 2)
    if drawer:
        printer.cashdraw(2)
    if cut:
        printer.cut()
    else:
        printer.print_and_feed(6)
    return bytes(printer.output)


# the link ---------------------------------------------------------------------------------
class Link(Protocol):
    """An open connection to a printer."""

    def write(self, data: bytes) -> None: ...

    def read(self) -> bytes: ...

    def close(self) -> None: ...


class _EscposLink:
    """A python-escpos printer object used as a byte pipe (its ``_raw``/``_read``)."""

    def __init__(self, printer: Any) -> None:
        self.printer = printer
        printer.open()

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def read(self) -> bytes:
        data = self.printer._read()
        return bytes(data or b"")

    def close(self) -> None:
        self.printer.close()


class _SerialLink(_EscposLink):
    """pyserial's read(16) waits for 16 bytes or the timeout; a status answer is one byte."""

    def read(self) -> bytes:
        return bytes(self.printer.device.read(1) or b"")


def _win32_printer(name: str) -> Any:
    """python-escpos's Win32Raw (Windows only; tests give a fake here)."""
    _load_escpos()
    from escpos.printer import Win32Raw

    if not Win32Raw.is_usable():
        raise PrintError(
            f"win32raw:{name} works only on Windows (with pywin32)",
            code="escpos_unsupported",
            target=f"win32raw:{name}",
        )
    return Win32Raw(name)


WIN32_PRINTER: Callable[[str], Any] = _win32_printer


def _device_error(target: Target, exc: OSError) -> PrintError:
    number = exc.errno
    where = str(target)
    if number == errno.ENOSPC:
        return PrintError(
            f"printer {where} is out of paper; load a roll and print again",
            code="escpos_paper_out",
            target=where,
        )
    if number in (
        errno.ENOENT,
        errno.ENODEV,
        errno.ENXIO,
        errno.EIO,
        errno.EPIPE,
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ECONNABORTED,
    ):
        return PrintError(
            f"printer {where} is not connected or switched off ({os.strerror(number)}); "
            "check the cable or network and the power",
            code="escpos_disconnected",
            target=where,
            reason=os.strerror(number),
        )
    if isinstance(exc, TimeoutError) or number == errno.ETIMEDOUT:
        return _timeout(target, None)
    if number in (errno.EACCES, errno.EPERM):
        return PrintError(
            f"no permission to write to printer {where}; on Linux add the desk's user to "
            "the lp group",
            code="escpos_permission",
            target=where,
        )
    reason = exc.strerror or str(exc)
    return PrintError(f"printer {where}: {reason}", code="escpos_io", target=where, reason=reason)


def _timeout(target: Target, seconds: float | None) -> PrintError:
    within = f" within {seconds:g} s" if seconds is not None else ""
    return PrintError(
        f"printer {target} did not answer{within}; check that it is on, has paper and is connected",
        code="escpos_timeout",
        target=str(target),
    )


def open_link(target: Target, *, timeout: float) -> Link:
    """Connect to the printer with python-escpos's class for the target's kind."""
    _load_escpos()
    from escpos.exceptions import DeviceNotFoundError  # type: ignore[import-untyped, unused-ignore]
    from escpos.printer import File, Network, Serial

    try:
        if target.kind in ("file", "device"):
            return _EscposLink(File(target.address, auto_flush=True))
        if target.kind == "tcp":
            return _EscposLink(Network(target.address, port=target.port, timeout=timeout))
        if target.kind == "serial":
            if not Serial.is_usable():
                raise PrintError("serial printers need pyserial", code="escpos_unsupported")
            return _SerialLink(Serial(target.address, baudrate=target.baud, timeout=timeout))
        if target.kind == "win32raw":
            return _EscposLink(WIN32_PRINTER(target.address))
    except DeviceNotFoundError as exc:
        cause = exc.__context__ or exc.__cause__
        if isinstance(cause, OSError):
            raise _device_error(target, cause) from None
        raise PrintError(
            f"printer {target} is not connected or switched off ({_one_line(exc)})",
            code="escpos_disconnected",
            target=str(target),
            reason=_one_line(exc),
        ) from None
    except OSError as exc:
        raise _device_error(target, exc) from None
    raise PrintError(f"no link for {target.kind}", code="escpos_target")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _ask(link: Link, target: Target, query: bytes, timeout: float) -> int:
    link.write(query)
    try:
        answer = link.read()
    except TimeoutError:
        raise _timeout(target, timeout) from None
    if not answer:
        raise _timeout(target, timeout)
    return answer[-1]


def check_status(link: Link, target: Target, timeout: float) -> None:
    """Ask the printer (DLE EOT) whether it can print; ``PrintError`` when not."""
    paper = _ask(link, target, STATUS_PAPER, timeout)
    if paper & 0x60 == 0x60:
        raise PrintError(
            f"printer {target} is out of paper; load a roll and print again",
            code="escpos_paper_out",
            target=str(target),
        )
    state = _ask(link, target, STATUS_PRINTER, timeout)
    if state & 0x08:
        cause = _ask(link, target, STATUS_OFFLINE, timeout)
        if cause & 0x04:
            raise PrintError(
                f"printer {target} has its cover open; close it and print again",
                code="escpos_cover_open",
                target=str(target),
            )
        if cause & 0x20:
            raise PrintError(
                f"printer {target} is out of paper; load a roll and print again",
                code="escpos_paper_out",
                target=str(target),
            )
        raise PrintError(
            f"printer {target} is offline (error or paper feed); check it and print again",
            code="escpos_offline",
            target=str(target),
        )


def _check_after(link: Link, target: Target, timeout: float) -> None:
    """GS r 1 is answered once everything before it was processed: the job went through."""
    paper = _ask(link, target, PAPER_AFTER_JOB, timeout)
    if paper & 0x0C == 0x0C:
        raise PrintError(
            f"printer {target} ran out of paper while printing; load a roll and print again",
            code="escpos_paper_out",
            target=str(target),
        )


def send_escpos(
    data: bytes,
    target: Target | str,
    *,
    timeout: float = ESCPOS_TIMEOUT,
    title: str = "counterdesk",
) -> str:
    """Send an ESC/POS job to ``target``; returns where it went. ``PrintError`` if not printed.

    Two-way links are asked for their status first and confirm the job at the end.
    """
    where = parse_target(target) if isinstance(target, str) else target
    if where.kind == "cups":
        return send_to_printer(data, where.address, title=title, timeout=timeout, raw=True)
    link = open_link(where, timeout=timeout)
    try:
        if where.two_way:
            check_status(link, where, timeout)
        link.write(data)
        if where.two_way:
            _check_after(link, where, timeout)
    except OSError as exc:
        raise _device_error(where, exc) from None
    finally:
        try:
            link.close()
        except OSError as exc:  # buffered bytes of a device are written at close
            raise _device_error(where, exc) from None
    return str(where)


def print_roll(
    pdf: bytes,
    roll_mm: int,
    target: Target | str,
    *,
    title: str = "counterdesk",
    timeout: float = ESCPOS_TIMEOUT,
    cut: bool = True,
    drawer: bool = False,
    beep: bool = False,
) -> str:
    """A ticket or receipt PDF printed on an ESC/POS printer; where it went."""
    where = parse_target(target) if isinstance(target, str) else target
    data = escpos_bytes(pdf, roll_mm, cut=cut, drawer=drawer, beep=beep)
    return send_escpos(data, where, timeout=timeout, title=title)


# settings -----------------------------------------------------------------------------------
ROLL_DOCUMENTS = ("ticket", "receipt")


def escpos_target_for(kind: str, settings: DeskSettings) -> str:
    """The ESC/POS TARGET set for a ticket or receipt ("" = print through the OS)."""
    if kind not in ROLL_DOCUMENTS:
        return ""
    return str(getattr(settings, f"{kind}_escpos")).strip()


def roll_for(kind: str, settings: DeskSettings) -> int:
    """The roll (58 or 80 mm) a ticket or receipt is made for: its own, else the desk's."""
    own = int(getattr(settings, f"{kind}_roll_mm", 0)) if kind in ROLL_DOCUMENTS else 0
    return own or settings.roll_mm
