"""Calling tickets from the app (F9, Shift+F9) and the waiting-room queue screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.pc_settings import set_counter_name
from counterdesk.gui.queue_display import QueueDisplay
from counterdesk.services.queue import called_tickets
from counterdesk.services.register import register
from counterdesk.services.requests import RequestView

from ..conftest import FixedClock
from ..test_register import reg
from .conftest import press


def three(window: MainWindow) -> list[RequestView]:
    ctx = window.ctx
    return [
        register(ctx.reader, ctx.session, reg(ctx.reader, name=n)) for n in ("Ani", "Budi", "Citra")
    ]


def test_f9_calls_the_oldest_waiting_ticket_and_selects_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    set_counter_name("Loket 1")
    first, second, _ = three(window)
    window.refresh()
    assert window.requests.waiting.text() == "Menunggu: 3"
    press(window, Qt.Key.Key_F9)
    assert window.tabs.currentWidget() is window.split
    banner = window.requests.banner
    assert banner.isVisible() and banner.ticket.text() == first.ticket
    assert banner.counter.text() == "Dipanggil ke Loket 1"
    assert window.detail.view is not None and window.detail.view.receipt == first.receipt
    current = window.requests.table.currentIndex()
    assert window.requests.model.view_at(current.row()).receipt == first.receipt  # type: ignore[union-attr]
    assert window.requests.waiting.text() == "Menunggu: 2"
    assert "Nomor antrean dipanggil" in window.detail.timeline.text()
    window.requests.call_button.click()  # the button does the same
    assert window.detail.view.receipt == second.receipt
    assert [t.counter for t in called_tickets(window.ctx.reader)] == ["Loket 1", "Loket 1"]


def test_nobody_waiting_says_so(qtbot: QtBot, window: MainWindow) -> None:
    press(window, Qt.Key.Key_F9)
    assert window.requests.banner.counter.text() == "Tidak ada yang menunggu."


def test_call_again_from_the_detail(qtbot: QtBot, window: MainWindow, clock: FixedClock) -> None:
    first, _, _ = three(window)
    press(window, Qt.Key.Key_F9)
    press(window, Qt.Key.Key_F9)
    window.detail.show_request(first)
    assert window.detail.call_again_button.text() == "Panggil ulang (Shift+F9)"
    clock.advance(minutes=2)
    press(window, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert called_tickets(window.ctx.reader)[0].receipt == first.receipt
    assert window.requests.banner.ticket.text() == first.ticket
    assert window.detail.view is not None and window.detail.view.receipt == first.receipt


def test_the_queue_screen_shows_the_called_ticket_big(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    first, second, _ = three(window)
    window.queue_display_action.trigger()
    display = window.queue_display
    assert isinstance(display, QueueDisplay)
    qtbot.waitUntil(display.isVisible)
    assert (
        display.ticket.text() == "—" and display.counter.text() == "Belum ada nomor yang dipanggil"
    )
    assert display.waiting.text() == "Menunggu: 3"
    assert display.training.isVisibleTo(display) and display.training.text() == "LATIHAN"
    assert "Senin, 2 November 2026" in display.clock.text()
    press(window, Qt.Key.Key_F9)  # ops.changed refreshes the screen at once
    assert display.ticket.text() == first.ticket
    assert display.counter.text() == f"silakan menuju {window.ctx.reader.info.name}"
    assert display.flash_timer.isActive()  # a new call flashes
    clock.advance(minutes=1)
    press(window, Qt.Key.Key_F9)
    assert display.ticket.text() == second.ticket
    assert display.earlier[0][0].text() == first.ticket
    assert display.waiting.text() == "Menunggu: 1"
    # Big enough to read across the room: the ticket takes a third of the screen's height.
    display.resize(1366, 768)
    assert display.ticket.font().pixelSize() >= 200
    display.resize(1920, 1080)
    assert display.ticket.font().pixelSize() >= 300
    press(display, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: display.full_screen and display.isFullScreen())
    press(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not display.full_screen and not display.isFullScreen())
    assert display.isVisible()  # Esc leaves full screen, not the screen
    # Every few seconds it reads again (another PC on the desk calls tickets too).
    assert display.timer.isActive() and display.timer.interval() == 5_000
