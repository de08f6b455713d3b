"""``counterdesk --self-test``: does this installation work? One line per check.

Meant for a freshly installed or copied PC (and for CI on the frozen build): it
finds the shipped resources, creates a training desk in a temporary folder,
registers one request, renders its receipt, verifies the audit chain, and then
checks Qt offscreen (QApplication, QtPdf reading that receipt, the compiled
translations). The user's real data folder is never opened: everything happens
in a temporary folder that is removed at the end.

Exit 0 when every check passes, 1 otherwise (the last line names the failures).
Output is plain ASCII so that any Windows console shows it.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from counterdesk import __version__

LANGUAGES = ("id", "en")
SAMPLE_NIK = "6107055203950002"  # Seluas, born 12-03-1995, female: a valid test NIK
SAMPLE_SERVICE = "SKD"
# What the desk app imports besides QtCore/QtGui/QtWidgets/QtPdf (a frozen build may lack one).
QT_MODULES = ("QtPdfWidgets", "QtPrintSupport")


class Skipped(Exception):
    """A check that cannot run because an earlier one failed."""


class SelfTest:
    def __init__(self, work: Path, out: TextIO) -> None:
        self.work = work
        self.out = out
        self.failed: list[str] = []
        self.passed = 0
        self.state: dict[str, Any] = {}

    def need(self, *keys: str) -> list[Any]:
        missing = [k for k in keys if k not in self.state]
        if missing:
            raise Skipped(f"skipped, needs {', '.join(missing)}")
        return [self.state[k] for k in keys]

    def check(self, name: str, func: Callable[[], str]) -> bool:
        try:
            detail = func()
        except Skipped as exc:
            self._line("FAIL", name, str(exc))
            self.failed.append(name)
            return False
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # anything, e.g. a missing DLL or a SystemExit
            message = str(exc).strip().splitlines()
            first = message[0] if message else ""
            self._line("FAIL", name, f"{type(exc).__name__}: {first}")
            self.failed.append(name)
            return False
        self._line("ok", name, detail)
        self.passed += 1
        return True

    def _line(self, status: str, name: str, detail: str) -> None:
        text = f"{status:<4} {name:<16} {detail}"
        print(text.encode("ascii", "replace").decode("ascii"), file=self.out, flush=True)

    # core: no Qt ---------------------------------------------------------------
    def resources(self) -> str:
        from counterdesk.resources import resources_root

        root = resources_root()
        self.state["resources"] = root
        return str(root)

    def catalogue(self) -> str:
        from counterdesk.domain.catalogue import parse_catalogue
        from counterdesk.services.setup import shipped_catalogue

        catalogue = parse_catalogue(shipped_catalogue())
        if not catalogue.services:
            raise ValueError("the shipped catalogue has no services")
        return f"{len(catalogue.services)} services, version {catalogue.version}"

    def fonts(self) -> str:
        from counterdesk.printing.fonts import FONT_FILES
        from counterdesk.resources import resource_path

        missing = []
        for filename in FONT_FILES.values():
            path = resource_path("fonts", filename)
            if not path.is_file() or path.stat().st_size == 0:
                missing.append(filename)
        if missing:
            raise FileNotFoundError(f"missing font(s): {', '.join(missing)}")
        return f"{len(FONT_FILES)} fonts"

    def translations(self) -> str:
        """Compiled .qm files; a source checkout may have only the .ts (compiled on use)."""
        from counterdesk.resources import resource_path

        frozen = getattr(sys, "frozen", False)
        found: dict[str, Path] = {}
        for language in LANGUAGES:
            qm = resource_path("translations", f"counterdesk_{language}.qm")
            ts = qm.with_suffix(".ts")
            if qm.is_file() and qm.stat().st_size > 0:
                found[language] = qm
            elif not frozen and ts.is_file():
                found[language] = ts
            else:
                raise FileNotFoundError(f"{qm.name} missing (compile the .ts files)")
        self.state["translations"] = found
        return ", ".join(p.name for p in found.values())

    def icon(self) -> str:
        from counterdesk.resources import resource_path

        icon = resource_path("icons", "counterdesk.png")
        if not icon.is_file():
            raise FileNotFoundError(f"{icon} missing")
        return icon.name

    def database(self) -> str:
        from counterdesk.services.setup import make_demo

        desk, created = make_demo(self.work / "desk")
        self.state["desk"] = desk
        if not created:
            raise RuntimeError("the temporary folder already held a desk")
        info = desk.info
        return f"training desk {info.code} in a temporary folder"

    def login(self) -> str:
        from counterdesk.services.setup import DEMO_PASSWORD, DEMO_STAFF
        from counterdesk.services.staff import authenticate

        (desk,) = self.need("desk")
        self.state["session"] = authenticate(desk, DEMO_STAFF, DEMO_PASSWORD)
        return f"as {DEMO_STAFF}"

    def register(self) -> str:
        from counterdesk.services.register import Registration, register

        desk, session = self.need("desk", "session")
        request = register(
            desk,
            session,
            Registration(
                service=SAMPLE_SERVICE,
                name="Uji Mandiri",
                nik=SAMPLE_NIK,
                fields={"address": "Dusun Uji RT 001", "purpose": "Uji pemasangan"},
            ),
        )
        self.state["receipt"] = request.receipt
        return f"receipt {request.receipt}, ticket {request.ticket}"

    def encryption(self) -> str:
        """The desk file is SQLCipher: without its key it does not read as SQLite."""
        from counterdesk.store.db import connect_cipher
        from counterdesk.store.errors import DATABASE_ERRORS

        (desk,) = self.need("desk")
        version = desk.conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise RuntimeError("the desk database is not opened through SQLCipher")
        # the same SQLite library as the desk's (closing another library's connection to
        # the file would drop the desk's POSIX locks)
        keyless = connect_cipher(desk.paths.database, None)
        try:
            keyless.execute("SELECT count(*) FROM requests").fetchone()
        except DATABASE_ERRORS:
            pass
        else:
            raise RuntimeError("the desk database can be read without its key")
        finally:
            keyless.close()
        count = desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        return f"SQLCipher {version[0]}, encrypted; {count} request(s) read with its key"

    def key_store(self) -> str:
        """keyring and its backends are there (nothing is stored in them by the self-test)."""
        import keyring

        from counterdesk.store.dbkey import _real_keyring

        backend = _real_keyring()
        name = type(keyring.get_keyring()).__module__
        if backend is None:
            return f"keyring {name}: no system credential store, keys go to a 0600 file"
        return f"system credential store {type(backend).__module__}"

    def receipt_pdf(self) -> str:
        from counterdesk.services.documents import document_pdf

        desk, session, receipt = self.need("desk", "session", "receipt")
        pdf, _meta = document_pdf(desk, session, "receipt", receipt)
        if not pdf.startswith(b"%PDF"):
            raise ValueError(f"not a PDF (starts with {pdf[:8]!r})")
        path = self.work / "receipt.pdf"
        path.write_bytes(pdf)
        self.state["pdf"] = path
        return f"{len(pdf):,} bytes"

    def audit(self) -> str:
        from counterdesk.services.audit import audit

        (desk,) = self.need("desk")
        result = audit(desk)
        if not result.ok:
            raise ValueError("; ".join(str(p) for p in result.problems[:3]))
        return f"{result.events} events, chain intact"

    # Qt, offscreen ----------------------------------------------------------------
    def qt(self) -> str:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QApplication

        existing = QApplication.instance()
        app = existing if existing is not None else QApplication(["counterdesk-self-test"])
        self.state["app"] = app
        platform_name = QApplication.platformName()
        if platform_name != "offscreen":
            raise RuntimeError(f"platform is {platform_name!r}, not 'offscreen'")
        return f"PySide6 {pyside_version}, QApplication on {platform_name}"

    def qt_modules(self) -> str:
        for name in QT_MODULES:
            importlib.import_module(f"PySide6.{name}")
        return ", ".join(QT_MODULES)

    def qt_pdf(self) -> str:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument

        _app, path = self.need("app", "pdf")
        doc = QPdfDocument()
        try:
            error = doc.load(str(path))
            if error != QPdfDocument.Error.None_:
                raise RuntimeError(f"QPdfDocument.load: {error.name}")
            pages = doc.pageCount()
            if pages != 1:
                raise ValueError(f"{pages} pages, expected 1")
            size = doc.pagePointSize(0)
            image = doc.render(0, QSize(int(size.width()), int(size.height())))
            if image.isNull():
                raise RuntimeError("rendering page 1 gave an empty image")
        finally:
            doc.close()
        return f"receipt has {pages} page, rendered {image.width()}x{image.height()}"

    def qt_translations(self) -> str:
        from PySide6.QtCore import QTranslator

        _app, found = self.need("app", "translations")
        loaded = []
        for language, path in found.items():
            qm = path
            if path.suffix == ".ts":  # a source checkout: compile into the temporary folder
                from counterdesk.gui.translations import compile_ts

                qm = self.work / f"counterdesk_{language}.qm"
                if not compile_ts(path, qm):
                    raise RuntimeError(f"cannot compile {path.name} (is lrelease installed?)")
            translator = QTranslator()
            if not translator.load(str(qm)):
                raise RuntimeError(f"QTranslator cannot load {qm.name}")
            loaded.append(language)
        return f"{', '.join(loaded)} load"

    # ------------------------------------------------------------------------------
    def run(self) -> int:
        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        print(
            f"counterdesk {__version__} self-test (Python {platform.python_version()}, "
            f"{sys.platform} {platform.machine()}, {frozen})",
            file=self.out,
        )
        checks: list[tuple[str, Callable[[], str]]] = [
            ("resources", self.resources),
            ("catalogue", self.catalogue),
            ("fonts", self.fonts),
            ("translations", self.translations),
            ("icon", self.icon),
            ("database", self.database),
            ("login", self.login),
            ("register", self.register),
            ("encryption", self.encryption),
            ("key store", self.key_store),
            ("receipt pdf", self.receipt_pdf),
            ("audit chain", self.audit),
            ("qt", self.qt),
            ("qt modules", self.qt_modules),
            ("qt pdf", self.qt_pdf),
            ("qt translations", self.qt_translations),
        ]
        try:
            for name, func in checks:
                self.check(name, func)
        finally:
            desk = self.state.pop("desk", None)
            if desk is not None:
                desk.close()
        if self.failed:
            print(f"self-test FAILED: {', '.join(self.failed)}", file=self.out)
            return 1
        print(f"self-test passed ({self.passed} checks)", file=self.out)
        return 0


def main(out: TextIO | None = None) -> int:
    stream = out if out is not None else sys.stdout
    if stream is None:  # a windowed build has no console: use counterdesk-cli.exe
        return 2
    saved = {name: os.environ.get(name) for name in ("COUNTERDESK_DATA_DIR", "COUNTERDESK_KEY_DIR")}
    with tempfile.TemporaryDirectory(
        prefix="counterdesk-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        work = Path(tmp)
        # Anything that asks for "the data folder" gets the temporary one; the training
        # desk's key goes to a temporary key folder, never the user's credential store.
        os.environ["COUNTERDESK_DATA_DIR"] = str(work / "desk")
        os.environ["COUNTERDESK_KEY_DIR"] = str(work / "keys")
        try:
            return SelfTest(work, stream).run()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


if __name__ == "__main__":
    sys.exit(main())
