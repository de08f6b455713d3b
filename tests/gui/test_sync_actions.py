"""Exchanging data with the district from the app: a USB stick against a real hub folder,
HTTP against a live hub, the background sync and its watchdog, and the training desk."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.ops import ImmediateOps
from counterdesk.gui.pc_settings import last_usb_folder
from counterdesk.gui.reads import ImmediateReads
from counterdesk.gui.sync_actions import WATCHDOG_HOURS, SyncActions
from counterdesk.gui.sync_worker import HubSyncWorker
from counterdesk.hub.cli import main as hub_main
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate
from counterdesk.services.sync_http import SyncReport
from counterdesk.services.sync_link import load_link, remember_url
from counterdesk.sync.http_client import HubClient

from ..sync.helpers import ADMIN, PASSWORD, enrollment_bytes, live_hub, make_desk, make_hub
from ..sync.helpers import register as register_some


class Site:
    def __init__(self, tmp: Path) -> None:
        self.hub = make_hub(tmp / "hub")
        self.desk_root = make_desk(tmp / "desk", enrollment_bytes(self.hub))
        self.stick = tmp / "stick"
        self.now = datetime.datetime.now().astimezone()
        self.desk = Desk.open(self.desk_root, clock=lambda: self.now)
        register_some(self.desk, 2)
        session = authenticate(self.desk, ADMIN, PASSWORD)
        self.ctx = Context(
            self.desk, ImmediateOps(self.desk), ImmediateReads(self.desk), session, "id"
        )

    def window(self, qtbot: QtBot, **kw: object) -> MainWindow:
        window = MainWindow(self.ctx, **kw)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        return window


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    s = Site(tmp_path)
    yield s
    s.desk.close()


def summary(window: MainWindow) -> str:
    box = window.sync.box
    assert box is not None and box.isVisible()
    return f"{box.text()}\n{box.informativeText()}"


def test_usb_round_trip_through_a_hub_folder(qtbot: QtBot, site: Site) -> None:
    window = site.window(qtbot)
    assert "Belum terkirim ke kabupaten: 0" not in window.outbox.pending.text()
    asked: list[bool] = []
    window.sync.ask_folder = lambda: asked.append(True) or str(site.stick)  # type: ignore[method-assign]
    window.sync.usb_action.trigger()
    assert asked == [True] and last_usb_folder() == str(site.stick)
    text = summary(window)
    assert "Berkas dari kabupaten yang dibaca: 0" in text
    assert "Berkas yang ditulis ke flashdisk: 1" in text
    assert list(site.stick.glob("JGB-01_*.cdb"))
    window.sync.box.close()  # type: ignore[union-attr]

    code = hub_main(
        ["--data-dir", str(site.hub), "import", str(site.stick), "--reply-to", str(site.stick)]
    )
    assert code == 0

    window.sync.usb_action.trigger()  # the officer is back with the district's replies
    text = summary(window)
    last = site.desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    read = len(list((site.stick / "JGB-01").glob("HUB_to_JGB-01_*.cdb")))  # ack, refdata
    assert read >= 1 and f"Berkas dari kabupaten yang dibaca: {read}" in text
    assert f"Kabupaten telah mengakui penerimaan data sampai nomor {last}." in text
    assert "Berkas yang ditulis ke flashdisk: 0" in text
    assert "Belum diakui kabupaten: 0 data" in text
    assert window.outbox.pending.text() == "Belum terkirim ke kabupaten: 0"
    assert "Kontak terakhir dengan kabupaten:" in window.outbox.contact.text()
    assert "belum pernah" not in window.outbox.contact.text()
    left = [p.name for p in site.stick.glob("JGB-01_*.cdb") if "_hello_" not in p.name]
    assert left == []  # acknowledged files cleared off (a small "hello" may stay)


def test_sync_now_over_http_asks_for_the_hub_once(qtbot: QtBot, site: Site) -> None:
    window = site.window(qtbot)
    asked: list[bool] = []
    window.sync.ask_hub_url = lambda: asked.append(True)  # type: ignore[method-assign]
    window.sync.sync_action.trigger()
    assert asked == [True]  # no address known yet
    with live_hub(site.hub) as url:
        window.sync.use_hub_url(url)  # what the address dialog does
        assert window.progress.isVisibleTo(window) and not window.sync.sync_action.isEnabled()
        qtbot.waitUntil(lambda: not window.sync.busy, timeout=30_000)
        text = summary(window)
        assert f"Server kabupaten: {url}" in text and "Belum diakui kabupaten: 0 data" in text
        assert load_link(site.desk).url == url  # remembered after the hub answered
        assert window.outbox.pending.text() == "Belum terkirim ke kabupaten: 0"
        window.sync.box.close()  # type: ignore[union-attr]
        window.sync.sync_action.trigger()  # now without asking
        assert asked == [True]
        qtbot.waitUntil(lambda: not window.sync.busy, timeout=30_000)
        window.sync.box.close()  # type: ignore[union-attr]
        window.sync.auto_sync()  # in the background: a quiet note only
        qtbot.waitUntil(lambda: not window.sync.busy, timeout=30_000)
        assert window.sync.box is None
        assert window.sync.note.text().startswith("Tersinkron dengan kabupaten pukul")


def test_background_sync_shows_a_refusal_once(qtbot: QtBot, site: Site) -> None:
    remember_url(site.desk, "http://10.61.7.1:8750")
    calls: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(403, json={"error": "desk JGB-01 is revoked"})

    def client(url: str, automatic: bool) -> HubClient:
        return HubClient(url, transport=httpx.MockTransport(refuse), attempts=1)

    worker = HubSyncWorker(site.desk_root, client_factory=client)
    window = site.window(qtbot, sync=lambda c, w: SyncActions(c, w, worker=worker))
    assert window.sync.timer.isActive()  # every few minutes with an address known
    shown: list[object] = []
    window.sync.summary_shown.connect(shown.append)
    for _ in range(2):
        window.sync.auto_sync()
        qtbot.waitUntil(lambda: not window.sync.busy, timeout=10_000)
    assert len(calls) == 2 and len(shown) == 1  # refused twice, shown once
    assert "desk JGB-01 is revoked" in summary(window)
    assert "Sinkron otomatis gagal" in window.sync.note.text()
    assert "desk JGB-01 is revoked" in window.sync.note.toolTip()


def test_watchdog_when_the_hub_answers_but_events_stay_pending(qtbot: QtBot, site: Site) -> None:
    window = site.window(qtbot)
    site.now += datetime.timedelta(hours=WATCHDOG_HOURS + 1)
    window.sync._http_done(SyncReport(url="http://hub", pending=3), True)
    note = window.sync.note
    assert note.isVisibleTo(window)
    assert note.text() == f"3 data belum diakui lebih dari {WATCHDOG_HOURS} jam — hubungi kabupaten"
    assert "padahal server menjawab" in note.toolTip()
    window.sync._http_done(SyncReport(url="http://hub", pending=0), True)
    assert "belum diakui" not in note.text()


def test_a_training_desk_has_no_district(qtbot: QtBot, window: MainWindow) -> None:
    for action in (window.sync.usb_action, window.sync.sync_action, window.sync.url_action):
        assert not action.isEnabled()
        assert action.toolTip() == (
            "Meja latihan tidak terhubung ke kabupaten mana pun: tidak ada data yang dipertukarkan."
        )
    assert not window.sync.timer.isActive()
    window.sync.usb_exchange()  # a stray shortcut does nothing
    assert window.sync.box is None
    window.set_locked(True)
    window.set_locked(False)
    assert not window.sync.usb_action.isEnabled()
