"""Loading the UI translations (Indonesian by default, English available).

Source strings are English; ``resources/translations/counterdesk_<lang>.ts``
are edited with Qt Linguist and compiled to ``.qm``. A fresh checkout has no
``.qm`` (or an old one): it is compiled here with ``pyside6-lrelease`` when
that tool is available.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from counterdesk.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def ts_file(language: str) -> Path:
    return resource_path("translations", f"counterdesk_{language}.ts")


def qm_file(language: str) -> Path:
    return resource_path("translations", f"counterdesk_{language}.qm")


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease: the PySide6 tool, next to Python or on the PATH."""
    import shutil

    try:
        import PySide6

        binary = Path(PySide6.__file__).parent / (
            "lrelease.exe" if sys.platform == "win32" else "lrelease"
        )
        if binary.exists():
            return [str(binary)]
    except ImportError:  # pragma: no cover
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path) -> bool:
    command = lrelease_command()
    if command is None:
        log.warning("cannot compile %s: pyside6-lrelease not found", ts)
        return False
    import subprocess  # only when a .qm must be built

    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*command, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
    )
    if result.returncode != 0 or not qm.exists():
        log.warning("lrelease failed for %s: %s", ts, result.stderr.strip())
        return False
    return True


def _stale(qm: Path, ts: Path) -> bool:
    return not qm.exists() or (ts.exists() and ts.stat().st_mtime > qm.stat().st_mtime)


def compiled_file(language: str) -> Path | None:
    """The .qm to load, compiled first when it is missing or older than the .ts."""
    ts, qm = ts_file(language), qm_file(language)
    if not _stale(qm, ts):
        return qm
    if ts.exists():
        try:
            if compile_ts(ts, qm):
                return qm
        except OSError as exc:  # e.g. an installed, read-only package folder
            log.warning("cannot write %s: %s", qm, exc)
        import tempfile

        cached = Path(tempfile.gettempdir()) / "counterdesk-translations" / qm.name
        if not _stale(cached, ts) or compile_ts(ts, cached):
            return cached
    return qm if qm.exists() else None


class Translations:
    """The installed translator; ``use(language)`` switches the whole UI."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE
        self._translator: QTranslator | None = None

    def clear(self) -> None:
        """Remove the translation: the UI shows its English source texts."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None

    def use(self, language: str) -> bool:
        """Install the translation; True when it was found and loaded."""
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        self.clear()
        self.language = language
        path = compiled_file(language)
        translator = QTranslator(app)
        if path is None or not translator.load(str(path)):
            log.warning("no %s translation; the UI shows its English source texts", language)
            return language == "en"
        QCoreApplication.installTranslator(translator)
        self._translator = translator
        return True
