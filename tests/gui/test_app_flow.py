"""Start-up: first run, the training desk, login, lockout, and the inactivity lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from counterdesk.gui.app import DeskApp, parse_args
from counterdesk.services.desk import Desk


@pytest.fixture
def started() -> Iterator[list[DeskApp]]:
    apps: list[DeskApp] = []
    yield apps
    for app in apps:
        app.quit() if app.stage != "quit" else None
        app.shutdown()


def start(apps: list[DeskApp], root: Path, **kw: object) -> DeskApp:
    app = DeskApp(root, **kw)  # type: ignore[arg-type]
    apps.append(app)
    app.start()
    return app


def log_in(qtbot: QtBot, app: DeskApp, password: str = "demo") -> None:
    assert app.login is not None
    app.login.password.setText(password)
    app.login.submit()


def test_training_if_empty_creates_the_training_desk_and_lands_on_login(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    app = start(started, tmp_path / "new", training_if_empty=True)
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    assert app.info is not None and app.info.training
    assert app.login is not None and app.login.isVisible()
    assert app.login.name.text() == "demo"
    assert "LATIHAN" in app.login.desk.text()
    assert "Meja latihan" in app.login.hint.text()
    with Desk.open(tmp_path / "new") as desk:
        assert desk.info.code == "LATIH-01"


def test_without_a_desk_the_first_run_screen_offers_the_training_desk(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    app = start(started, tmp_path / "new")
    qtbot.waitUntil(lambda: app.stage == "first_run", timeout=10_000)
    screen = app.first_run
    assert screen is not None and screen.isVisible()
    buttons = [b.text() for b in screen.findChildren(QPushButton)]
    assert buttons == [
        "Meja latihan",
        "Bergabung dengan kabupaten memakai berkas pendaftaran…",
        "Keluar",
    ]  # no button that does nothing
    screen.training.click()
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    assert app.info is not None and app.info.training


def test_login_refuses_a_wrong_password_and_locks_after_five(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    app = start(started, tmp_path / "d", training_if_empty=True)
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    dialog = app.login
    assert dialog is not None
    for _ in range(5):
        log_in(qtbot, app, "salah")
        qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=5000)
        assert dialog.error.text() == "Nama petugas atau kata sandi salah."
    log_in(qtbot, app, "demo")  # even the right password, now
    qtbot.waitUntil(lambda: "dikunci" in dialog.error.text(), timeout=5000)
    assert "5 kali salah kata sandi" in dialog.error.text()
    assert "15 menit" in dialog.error.text()
    assert app.stage == "login"


def test_login_opens_the_main_window(qtbot: QtBot, tmp_path: Path, started: list[DeskApp]) -> None:
    app = start(started, tmp_path / "d", training_if_empty=True, language="en")
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    assert app.window is not None and app.window.isVisible()
    assert app.window.tabs.tabText(0) == "Registration (F2)"
    assert app.window.training_banner.isVisible()
    assert "TRAINING" in app.window.windowTitle()


def test_the_session_locks_after_inactivity_for_the_same_user(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    app = start(started, tmp_path / "d", training_if_empty=True, inactivity_ms=300)
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    window = app.window
    assert window is not None and not window.locked
    qtbot.waitUntil(lambda: app.stage == "locked", timeout=5000)
    assert window.locked and not window.tabs.isVisible()  # nothing personal on screen
    dialog = app.login
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "demo" and dialog.name.isReadOnly()
    dialog.reject()  # Escape does not unlock
    assert app.stage == "locked"
    log_in(qtbot, app, "salah")
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert window.locked
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    assert not window.locked and window.tabs.isVisible()


def test_input_keeps_the_session_open(qtbot: QtBot, tmp_path: Path, started: list[DeskApp]) -> None:
    app = start(started, tmp_path / "d", training_if_empty=True, inactivity_ms=400)
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    assert app.window is not None
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(app.window.register.name, "a")
    assert app.stage == "main"


def test_command_line_options() -> None:
    opts, rest = parse_args(["--data-dir", "/x", "--training-if-empty", "--lang", "en", "-qt"])
    assert (opts.data_dir, opts.training_if_empty, opts.lang) == ("/x", True, "en")
    assert rest == ["-qt"]


def test_a_copied_database_starts_a_new_epoch_and_says_so(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    from counterdesk.services.setup import make_demo
    from counterdesk.store.instance import write_instance

    desk, _ = make_demo(tmp_path / "d")
    epoch = desk.info.epoch
    desk.close()
    write_instance(tmp_path / "d", epoch, 1, machine="another-pc")
    app = start(started, tmp_path / "d")
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    assert app.new_epoch_reason == "copied"
    assert app.info is not None and app.info.epoch != epoch
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    assert app.window is not None
    assert "disalin dari komputer lain" in app.window.statusBar().currentMessage()


def test_log_out_returns_to_the_login_and_forgets_printer_choices(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    from PySide6.QtCore import Qt

    from counterdesk.gui import print_preview

    from .conftest import press

    app = start(started, tmp_path / "d", training_if_empty=True)
    qtbot.waitUntil(lambda: app.stage == "login", timeout=10_000)
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    first = app.window
    assert first is not None
    print_preview._session_choices[("demo", "receipt_printer")] = "Kasir TM-T82"
    first.activateWindow()
    press(
        first, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert app.stage == "login" and app.window is None
    assert not first.isVisible()
    assert print_preview._session_choices == {}
    assert app.login is not None and app.login.isVisible() and app.login.locked_for is None
    log_in(qtbot, app)
    qtbot.waitUntil(lambda: app.stage == "main", timeout=5000)
    assert app.window is not None and app.window is not first and app.window.isVisible()


def test_first_run_joins_the_district_with_an_enrollment_file(
    qtbot: QtBot, tmp_path: Path, started: list[DeskApp]
) -> None:
    from tests.sync.helpers import enrollment_bytes, make_hub

    hub = make_hub(tmp_path / "hub")
    enrol_file = tmp_path / "JGB-01.cdenroll"
    enrol_file.write_bytes(enrollment_bytes(hub, "JGB-01"))
    app = start(started, tmp_path / "desk")
    qtbot.waitUntil(lambda: app.stage == "first_run", timeout=10_000)
    assert app.first_run is not None
    app.first_run.enrol.click()
    dialog = app.enroll_dialog
    assert dialog is not None and not dialog.ok.isEnabled()
    not_enrollment = tmp_path / "holiday.jpg"
    not_enrollment.write_bytes(b"\xff\xd8 not an enrollment file")
    assert not dialog.load(not_enrollment) and dialog.error.text()
    assert dialog.load(enrol_file) and "JGB-01" in dialog.details.text()
    dialog.admin.setText("siti")
    dialog.full_name.setText("Siti Rahmah")
    dialog.password.setText("rahasia1")
    dialog.again.setText("lain")
    dialog.ok.click()
    assert dialog.error.text() == "Kedua kata sandi tidak sama."
    dialog.again.setText("rahasia1")
    dialog.ok.click()
    qtbot.waitUntil(lambda: app.stage == "login", timeout=15_000)
    assert app.info is not None and app.info.code == "JGB-01" and not app.info.training
    with Desk.open(tmp_path / "desk") as desk:
        assert not desk.info.training
