"""The queue screen for the waiting room (a second monitor or a TV): the ticket called
last and its counter, very large; the tickets called before it; how many wait; the date
and time; LATIHAN on a training desk. No names: only ticket numbers are shown.

It reads through the background reads (never the writer) after every op and every few
seconds (other PCs on the same desk call tickets too). F11 full screen, Esc leaves it.
Text sizes follow the window, so it reads from across the room at 1366x768 and 1920x1080.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.services.desk import Desk
from counterdesk.services.queue import CalledTicket, called_tickets, waiting_count

REFRESH_MS = 5_000
FLASH_MS = 4_000
EARLIER = 6  # tickets called before the current one

BACKGROUND = "#0b2545"
PANEL = "#13315c"
FLASH = "#ffd54f"
TICKET = "#ffd54f"
TEXT = "#ffffff"
DIM = "#c5d3e8"


@dataclass(frozen=True)
class QueueState:
    called: list[CalledTicket]
    waiting: int
    now: datetime.datetime


def read_queue(desk: Desk) -> QueueState:
    return QueueState(called_tickets(desk, limit=EARLIER + 1), waiting_count(desk), desk.now())


def _label(parent: QWidget, color: str, *, bold: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    # Sizes come from the window (``_fit``), never the other way round: any window size works.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return label


class QueueDisplay(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.state: QueueState | None = None
        self._shown_call: tuple[str, str] | None = None  # (receipt, called_at) on screen
        self._normal_geometry: QRect | None = None
        self._full = False  # our own flag: without a window manager Qt's state may not stick
        self.setObjectName("queueDisplay")
        self.setStyleSheet(f"#queueDisplay {{ background: {BACKGROUND}; }}")
        self.setAutoFillBackground(True)
        info = ctx.reader.info
        self.place = _label(self, DIM)
        self.place.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.place.setText(info.post)
        self.clock = _label(self, TEXT)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.training = QLabel(self)
        self.training.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.training.setVisible(info.training)
        self.panel = QFrame(self)
        self.panel.setObjectName("calledPanel")
        self.caption = _label(self.panel, DIM)
        self.ticket = _label(self.panel, TICKET)
        self.counter = _label(self.panel, TEXT)
        panel = QVBoxLayout(self.panel)
        panel.addWidget(self.caption, 10)
        panel.addWidget(self.ticket, 40)
        panel.addWidget(self.counter, 15)
        self.earlier_caption = _label(self, DIM)
        self.earlier_caption.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.earlier: list[tuple[QLabel, QLabel]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        for i in range(EARLIER):
            number, where = _label(self, TEXT), _label(self, DIM, bold=False)
            grid.addWidget(number, (i // 3) * 2, i % 3)
            grid.addWidget(where, (i // 3) * 2 + 1, i % 3)
            self.earlier.append((number, where))
        self.waiting = _label(self, TEXT)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hint = _label(self, DIM, bold=False)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.clock, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.waiting, 3)
        bottom.addWidget(self.hint, 2)
        bottom.addWidget(self.training, 0)
        for row in range(0, 2 * (EARLIER // 3), 2):
            grid.setRowStretch(row, 7)
            grid.setRowStretch(row + 1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 6)
        layout.addWidget(self.panel, 60)
        layout.addWidget(self.earlier_caption, 6)
        layout.addLayout(grid, 22)
        layout.addLayout(bottom, 6)
        self._set_flash(False)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.flash_timer = QTimer(self)
        self.flash_timer.setSingleShot(True)
        self.flash_timer.setInterval(FLASH_MS)
        self.flash_timer.timeout.connect(lambda: self._set_flash(False))
        ctx.ops.changed.connect(self.refresh)
        self.resize(1024, 576)
        self.retranslate()

    # showing ---------------------------------------------------------------------
    def open(self) -> None:
        """Show it: full screen on a second screen when there is one, else a window."""
        screens = QGuiApplication.screens()
        self.timer.start()
        self.refresh()
        if len(screens) > 1 and self.windowHandle() is None:
            other = next((s for s in screens if s != QGuiApplication.primaryScreen()), screens[0])
            self.setGeometry(other.availableGeometry())
            self.show()
            self.windowHandle().setScreen(other)
            self.set_full_screen(True)
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        if not self.isVisible() and self.state is not None:
            return
        self.ctx.reads.run(
            "queue-display", read_queue, on_done=self._arrived, on_error=self._failed
        )

    def _arrived(self, state: QueueState) -> None:
        first = self.state is None
        self.state = state
        current = state.called[0] if state.called else None
        call = (current.receipt, current.called_at) if current else None
        if call is not None and call != self._shown_call and not first:
            self._set_flash(True)
            self.flash_timer.start()
            QApplication.beep()
        self._shown_call = call
        self._render()

    def _failed(self, _exc: CounterdeskError) -> None:
        self.hint.setText(self.tr("The queue cannot be read at the moment."))

    def _render(self) -> None:
        s = self.state
        lang = self.ctx.language
        if s is None:
            return
        when = texts.format_date(s.now.date(), lang, weekday=True)
        self.clock.setText(f"{when}  {s.now:%H:%M}")
        current = s.called[0] if s.called else None
        if current is None:
            self.ticket.setText("—")
            self.counter.setText(self.tr("No ticket called yet"))
        else:
            self.ticket.setText(current.ticket)
            self.counter.setText(self.tr("please go to {counter}").format(counter=current.counter))
        earlier = s.called[1:]
        self.earlier_caption.setVisible(bool(earlier))
        for i, (number, where) in enumerate(self.earlier):
            if i < len(earlier):
                number.setText(earlier[i].ticket)
                where.setText(earlier[i].counter)
            else:
                number.setText("")
                where.setText("")
        self.waiting.setText(self.tr("Waiting: %n", "", s.waiting))
        self.hint.setText("")
        self._fit()

    def _set_flash(self, on: bool) -> None:
        colour = FLASH if on else PANEL
        self.panel.setStyleSheet(f"#calledPanel {{ background: {colour}; border-radius: 12px; }}")
        ink = BACKGROUND if on else TICKET
        self.ticket.setStyleSheet(f"color: {ink}; background: transparent;")
        for label in (self.caption, self.counter):
            label.setStyleSheet(
                f"color: {BACKGROUND if on else (DIM if label is self.caption else TEXT)};"
                " background: transparent;"
            )

    # sizes -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Text sizes in pixels from the window's height, shrunk to fit its width."""
        w, h = max(1, self.width()), max(1, self.height())
        self._size(self.ticket, h * 0.30, w * 0.9)
        self._size(self.counter, h * 0.08, w * 0.9)
        self._size(self.caption, h * 0.045, w * 0.9)
        for label in (self.place, self.clock, self.earlier_caption):
            self._size(label, h * 0.042, w * 0.47)
        self._size(self.waiting, h * 0.045, w * 0.5)
        for number, where in self.earlier:
            self._size(number, h * 0.065, w * 0.3, sample="A-000")
            self._size(where, h * 0.032, w * 0.3, sample="Loket 00")
        self._size(self.hint, h * 0.025, w * 0.45)
        pad = max(2, round(h * 0.006))
        size = max(10, round(h * 0.032))
        self.training.setStyleSheet(
            f"background: #c62828; color: white; font-weight: bold; font-size: {size}px;"
            f" padding: {pad}px {pad * 4}px; border-radius: {pad}px;"
        )

    @staticmethod
    def _size(label: QLabel, height: float, width: float, *, sample: str = "") -> None:
        font = QFont(label.font())
        pixels = max(8, int(height))
        font.setPixelSize(pixels)
        text = label.text() or sample
        if text:
            fits = QFontMetrics(font).horizontalAdvance(text)
            if fits > width:
                font.setPixelSize(max(8, int(pixels * width / fits)))
        label.setFont(font)

    # keys and window -----------------------------------------------------------------
    @property
    def full_screen(self) -> bool:
        return self._full

    def set_full_screen(self, on: bool) -> None:
        self._full = on
        if on:
            self._normal_geometry = self.geometry()
            self.showFullScreen()
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:  # without a window manager (a kiosk PC) fill it anyway
                self.setGeometry(screen.geometry())
            self.setCursor(Qt.CursorShape.BlankCursor)
        else:
            self.showNormal()
            if self._normal_geometry is not None:
                self.setGeometry(self._normal_geometry)
            self.unsetCursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.set_full_screen(not self._full)
            return
        if event.key() == Qt.Key.Key_Escape and self._full:
            self.set_full_screen(False)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Queue — {post}").format(post=self.ctx.reader.info.post))
        self.training.setText(self.tr("TRAINING"))
        self.caption.setText(self.tr("Now serving ticket"))
        self.earlier_caption.setText(self.tr("Called before"))
        self.setToolTip(self.tr("F11: full screen · Esc: leave full screen"))
        self._render()
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
