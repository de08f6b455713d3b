"""The hub's pages in a real browser: Debian Chromium driven by Playwright.

The hub runs with uvicorn on a free loopback port in a background thread (``live_hub``);
Chromium is the system one (``apt-get install chromium``), never a downloaded build.
With ``COUNTERDESK_SCREENSHOTS=1`` the screenshots land in docs/screenshots/hub-*.png (for
the README); otherwise in the test's tmp folder, so that a test run leaves the tree alone.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from counterdesk.hub.auth import add_officer
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.services.sync_http import sync_with_hub

from ..conftest import require_tool
from ..sync.helpers import enrollment_bytes, live_hub, make_desk, make_hub, register, usb_trip
from .test_verify_page import NAME_MARKER, NIK_MARKER, forge, issue

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
OFFICER, OFFICER_PASSWORD = "rina", "sandi-hub-2026"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("playwright is required in CI (pip install playwright)")
        pytest.skip("playwright not installed (pip install playwright)")
    return sync_playwright


def screenshots(tmp_path: Path) -> Path:
    folder = DOCS_SCREENSHOTS if os.environ.get("COUNTERDESK_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_verify_genuine_and_forged_in_chromium(tmp_path: Path) -> None:
    started = time.monotonic()
    chromium = require_tool("chromium", "chromium")
    sync_playwright = _playwright()
    hub_root = make_hub(tmp_path / "hub")
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as desk:
        number, payload = issue(desk)
        usb_trip(desk, hub_root, tmp_path / "stick")
    shots = screenshots(tmp_path)

    with live_hub(hub_root) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            # a phone-sized window: that is where the page is mostly read
            page = browser.new_page(viewport={"width": 412, "height": 800})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            page.goto(f"{url}/verify")
            assert page.title().startswith("Cek keaslian surat")
            page.fill("textarea[name=code]", payload)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            verdict = page.inner_text("#verdict")
            assert "ASLI / GENUINE" in verdict
            body = page.inner_text("body")
            assert number in body and "ZM" in body
            assert NIK_MARKER not in body and NAME_MARKER.split()[0] not in body
            page.screenshot(path=str(shots / "hub-verify-genuine.png"), full_page=True)

            page.goto(f"{url}/verify")
            page.fill("textarea[name=code]", forge(payload))
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert "TIDAK SAH / NOT VALID" in page.inner_text("#verdict")
            page.screenshot(path=str(shots / "hub-verify-forged.png"), full_page=True)

            # the letter number typed by hand, by GET (a bookmarked or shared link)
            page.goto(f"{url}/verify?code={number}")
            assert "ASLI / GENUINE" in page.inner_text("#verdict")
            assert not errors, errors  # e.g. nothing blocked by the CSP
        finally:
            browser.close()
    assert time.monotonic() - started < 30


def test_officer_signs_in_reads_the_dashboard_and_changes_a_fee(tmp_path: Path) -> None:
    """Sign in (a wrong password first), see the desk that synced over HTTP on the
    dashboard, raise the SKTM fee on the catalogue page; the desk's next sync installs it."""
    started = time.monotonic()
    chromium = require_tool("chromium", "chromium")
    sync_playwright = _playwright()
    shots = screenshots(tmp_path)
    hub_root = make_hub(tmp_path / "hub")
    with Hub.open(hub_root) as hub:
        add_officer(hub, OFFICER, role="admin", password=OFFICER_PASSWORD, full_name="Rina Wati")
    desk_root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))

    with live_hub(hub_root) as url, sync_playwright() as pw:
        with Desk.open(desk_root) as desk:
            register(desk, 2)
            report = sync_with_hub(desk, url)
            assert report.pending == 0 and report.new_events > 0
            assert desk.catalogue.get("SKTM").fee == 0
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            page.goto(f"{url}/")  # not signed in: the sign-in page, then back here
            assert page.url.startswith(f"{url}/login?next=")
            page.fill("input[name=name]", OFFICER)
            page.fill("input[name=password]", "salah-sandi")
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert page.inner_text("#login-error") == "Nama petugas atau kata sandi salah."
            assert errors == [  # the refused sign-in is a 401; nothing else went wrong
                "Failed to load resource: the server responded with a status of 401 (Unauthorized)"
            ]
            errors.clear()
            page.fill("input[name=password]", OFFICER_PASSWORD)
            page.click("form.login button[type=submit]")
            page.wait_for_load_state()
            assert page.url == f"{url}/"
            body = page.inner_text("body")
            assert "JGB-01" in body and "Kantor Camat JGB-01" in body and "rina" in body
            page.screenshot(path=str(shots / "hub-dashboard.png"), full_page=True)

            page.click("header >> text=Layanan")
            page.click("a[href='/admin/catalogue/SKTM']")
            assert page.input_value("input[name=fee]") == "0"
            page.fill("input[name=fee]", "25000")
            page.fill("input[name=days]", "2")
            page.fill(
                "textarea[name=fee_note_id]", "Rp25.000, dibayar di loket; minta tanda terima."
            )
            page.fill(
                "textarea[name=fee_note_en]", "Rp25,000, paid at the counter; ask for a receipt."
            )
            page.click("text=Terbitkan sebagai versi 2")
            page.wait_for_load_state()
            assert "versi 2 diterbitkan; meja menerimanya saat sinkron berikutnya" in (
                page.inner_text("#published")
            )
            assert page.input_value("input[name=fee]") == "25000"
            page.set_viewport_size({"width": 412, "height": 800})  # as on a phone
            page.screenshot(path=str(shots / "hub-admin-catalogue.png"), full_page=False)

            page.click("header button[type=submit]")  # Keluar
            page.wait_for_load_state()
            assert page.url == f"{url}/login"
            page.goto(f"{url}/admin/catalogue")
            assert page.url.startswith(f"{url}/login?next=")
            assert not errors, errors  # e.g. nothing blocked by the CSP
        finally:
            browser.close()

        with Desk.open(desk_root) as desk:
            sync_with_hub(desk, url)
        with Desk.open(desk_root) as desk:
            sktm = desk.catalogue.get("SKTM")
            assert (desk.catalogue.version, sktm.fee, sktm.days) == (2, 25000, 2)
            assert sktm.fee_note.id.startswith("Rp25.000")
    assert time.monotonic() - started < 60
