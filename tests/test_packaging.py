"""The packaging files: PyInstaller spec, Linux desktop entry, Windows installer, hub units.

The PyInstaller build itself is too slow for the test suite; CI runs
``packaging/build_dist.py`` and ``packaging/check_dist.py`` separately.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import sqlite3
import struct
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import holidays
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "pyinstaller" / "counterdesk.spec"
ISS = PACKAGING / "windows" / "counterdesk.iss"
HUB = PACKAGING / "hub"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def spec_constant(name: str) -> Any:
    """A module-level constant of the spec file, evaluated without running PyInstaller."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not assigned in {SPEC.name}")


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


# PyInstaller spec ------------------------------------------------------------------
def test_spec_parses_and_names_the_resources() -> None:
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text, filename=str(SPEC))
    assert spec_constant("RESOURCE_DIRS") == (
        "catalogue",
        "fonts",
        "translations",
        "icons",
        "regions",
        "manual",
    )
    for folder in spec_constant("RESOURCE_DIRS"):
        assert (ROOT / "resources" / folder).is_dir(), folder
    for language in ("id", "en"):  # Help > Manual, offline
        assert (ROOT / "resources" / "manual" / f"manual_{language}.html").is_file()
    assert '"counterdesk", "resources"' in text  # where resources.py looks in a frozen build
    assert 'collect_submodules("reportlab.graphics.barcode")' in text
    for name in ('name="counterdesk"', 'name="counterdesk-cli"', 'name="counterdesk-hub"'):
        assert name in text
    assert "COLLECT(" in text
    assert "upx=False" in text


def test_spec_takes_in_the_encrypted_database() -> None:
    """SQLCipher and keyring are imported in ways PyInstaller may not see; the spec names
    them, and the packaged self-test opens an encrypted database (selftest.py)."""
    hidden = spec_constant("ENCRYPTION_HIDDEN")
    assert {"sqlcipher3", "sqlcipher3.dbapi2", "keyring"} <= set(hidden)
    text = SPEC.read_text(encoding="utf-8")
    assert 'copy_metadata("keyring")' in text and 'collect_submodules("keyring.backends")' in text
    for name in ("sqlcipher3", "keyring"):
        assert name not in spec_constant("PYTHON_EXCLUDES")


def test_spec_ships_the_holiday_names() -> None:
    """Due dates need the holidays package's gettext catalogues for Indonesia (a frozen
    desk without them fails to register: "No translation file found for domain: 'ID'")."""
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("holidays", includes=["locale/*/LC_MESSAGES/ID.mo"])' in text
    assert text.count("*HOLIDAY_NAMES") == 2  # the desk and the hub
    catalogues = sorted(Path(holidays.__file__).parent.glob("locale/*/LC_MESSAGES/ID.mo"))
    assert {p.parent.parent.name for p in catalogues} >= {"id", "en_US"}


def test_spec_excludes_what_the_app_does_not_use() -> None:
    python = spec_constant("PYTHON_EXCLUDES")
    assert {"tkinter", "numpy"} <= set(python)
    text = SPEC.read_text(encoding="utf-8")
    for module in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia"):
        assert f'"{module}"' in text
    imported = set(
        re.findall(
            r"^\s*from PySide6\.(Qt\w+)",
            "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py")),
            re.M,
        )
    )
    excluded = set(re.findall(r'"(Qt\w+)",', text))
    assert not imported & excluded, "the spec excludes a Qt module the code imports"


@pytest.mark.parametrize(
    ("path", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", False),
        ("PySide6/translations/qt_fr.qm", True),
        ("opengl32sw.dll", True),
        ("PySide6/opengl32sw.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland-generic.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/plugins/imageformats/qwebp.dll", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt6Qml.dll", True),
        ("stdnum/oui.dat", True),
        ("stdnum/id/loc.dat", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/platforms/qoffscreen.dll", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt6PdfWidgets.dll", False),
        ("counterdesk/resources/translations/counterdesk_id.qm", False),
        ("counterdesk/resources/regions/regions.csv", False),
    ],
)
def test_spec_drops_only_unused_files(path: str, dropped: bool) -> None:
    drop = re.compile("|".join(spec_constant("DROP")))
    assert bool(drop.search(path)) is dropped


def test_icons_exist_at_their_sizes() -> None:
    png = (ROOT / "resources" / "icons" / "counterdesk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ROOT / "resources" / "icons" / "counterdesk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"
    assert struct.unpack("<H", ico[4:6])[0] >= 5  # 16 ... 256 px


# Linux desktop entry ---------------------------------------------------------------
def test_desktop_entry_has_the_expected_keys() -> None:
    build_dist = load(PACKAGING / "build_dist.py")
    entry = unit_from_text(build_dist.DESKTOP_ENTRY)
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "counterdesk"
    assert main["Exec"].split()[0] == "counterdesk"
    assert main["Icon"] == "counterdesk"
    assert main["Terminal"] == "false"
    assert main["Categories"].endswith(";")
    assert main["Actions"] == "training;"
    training = entry["Desktop Action training"]
    assert "--training-if-empty" in training["Exec"]
    assert "--data-dir" in training["Exec"]  # never the real desk's folder


def unit_from_text(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(text)
    return parser


def test_archive_names_use_normal_os_and_arch(monkeypatch: pytest.MonkeyPatch) -> None:
    build_dist = load(PACKAGING / "build_dist.py")
    monkeypatch.setattr(build_dist.platform, "machine", lambda: "AMD64")
    monkeypatch.setattr(build_dist.sys, "platform", "win32")
    assert build_dist.os_arch() == ("windows", "x86_64")
    monkeypatch.setattr(build_dist.platform, "machine", lambda: "aarch64")
    monkeypatch.setattr(build_dist.sys, "platform", "linux")
    assert build_dist.os_arch() == ("linux", "arm64")


# Windows installer -----------------------------------------------------------------
def test_inno_setup_script_installs_per_user_and_keeps_data() -> None:
    text = ISS.read_text(encoding="ascii")
    lines = {line.strip() for line in text.splitlines()}
    assert "PrivilegesRequired=lowest" in lines
    assert r"DefaultDirName={localappdata}\Programs\{#AppName}" in lines
    assert '#define AppName "counterdesk"' in lines
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.M)
    assert 'Name: "id"; MessagesFile: "Indonesian.isl"' in lines
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in lines
    assert re.search(r'^Source: "\{#DistDir\}\\\*";.*recursesubdirs', text, re.M)
    icons = [line for line in lines if line.startswith('Name: "{autoprograms}')]
    assert any("--training-if-empty" in line and "--data-dir" in line for line in icons)
    assert any(r'Filename: "{app}\counterdesk.exe"' in line for line in icons)
    # Uninstalling removes only what was installed: no data folder is deleted.
    assert "[UninstallDelete]" not in lines
    assert "[Code]" not in lines
    assert "DelTree" not in text
    install_delete = text.split("[InstallDelete]")[1].split("\n[")[0]
    assert r'Name: "{app}\_internal"' in install_delete
    assert "{localappdata}\\counterdesk" not in install_delete


# hub -------------------------------------------------------------------------------
def test_hub_service_unit() -> None:
    service = unit(HUB / "counterdesk-hub.service")["Service"]
    assert service["ExecStart"] == (
        "/opt/counterdesk/.venv/bin/counterdesk-hub --data-dir /var/lib/counterdesk-hub "
        "serve --host 127.0.0.1 --port 8750"
    )
    assert service["User"] == "counterdesk-hub"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == "/var/lib/counterdesk-hub"
    assert service["PrivateTmp"] == "yes"
    assert unit(HUB / "counterdesk-hub.service")["Install"]["WantedBy"] == "multi-user.target"


def test_hub_backup_units() -> None:
    service = unit(HUB / "counterdesk-hub-backup.service")["Service"]
    assert service["Type"] == "oneshot"
    assert "backup_hub.py /var/lib/counterdesk-hub/hub.sqlite3" in service["ExecStart"]
    assert "--keep-days 14" in service["ExecStart"]
    timer = unit(HUB / "counterdesk-hub-backup.timer")
    assert timer["Timer"]["OnCalendar"]
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_nginx_body_cap_matches_the_hub() -> None:
    from counterdesk.hub.app import MAX_BUNDLE_BODY

    text = (HUB / "nginx-counterdesk-hub.conf").read_text(encoding="utf-8")
    match = re.search(r"^\s*client_max_body_size (\d+)([km]?);", text, re.M)
    assert match, "client_max_body_size missing"
    size = int(match.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[match.group(2)]
    assert size == MAX_BUNDLE_BODY
    assert "proxy_pass http://counterdesk_hub;" in text
    assert "server 127.0.0.1:8750;" in text
    for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert f"proxy_set_header {header} " in text


def test_backup_copies_a_live_wal_database_and_keeps_the_newest(tmp_path: Path) -> None:
    backup_hub = load(HUB / "backup_hub.py")
    db = tmp_path / "hub.sqlite3"
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (x)")
    writer.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    writer.commit()
    writer.execute("BEGIN IMMEDIATE")  # a writer busy at backup time
    writer.execute("INSERT INTO t VALUES (-1)")
    folder = tmp_path / "backups"
    assert backup_hub.main([str(db), str(folder)]) == 0
    writer.rollback()
    writer.close()
    (copy,) = folder.glob("hub-*.sqlite3")
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM t").fetchone() == (100,)
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600

    old = time.time() - 30 * 86400
    for day in range(1, 6):  # five backups, all a month old
        path = folder / f"hub-202601{day:02d}-023000.sqlite3"
        path.write_bytes(b"x")
        os.utime(path, (old + day, old + day))
    removed = backup_hub.prune(folder, keep_days=14, keep_min=3, now=time.time())
    assert sorted(p.name for p in removed) == [
        "hub-20260101-023000.sqlite3",
        "hub-20260102-023000.sqlite3",
        "hub-20260103-023000.sqlite3",
    ]
    kept = sorted(p.name for p in folder.glob("hub-*.sqlite3"))
    assert copy.name in kept and len(kept) == 3
    # however old, the newest copies stay when no new backup arrives
    assert backup_hub.prune(folder, keep_days=0, keep_min=3, now=time.time() + 1e6) == []


def test_backup_reports_a_missing_database(tmp_path: Path, capsys: Any) -> None:
    backup_hub = load(HUB / "backup_hub.py")
    assert backup_hub.main([str(tmp_path / "none.sqlite3"), str(tmp_path / "b")]) == 1
    assert capsys.readouterr().err.startswith("error: backup failed: no database at ")
