"""The verification page in a real browser: Debian Chromium driven by Playwright.

The hub runs with uvicorn on a free loopback port in a background thread (``live_hub``);
Chromium is the system one (``apt-get install chromium``), never a downloaded build.
The screenshots land in docs/screenshots/hub-verify-*.png.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from counterdesk.services.desk import Desk

from ..conftest import require_tool
from ..sync.helpers import enrollment_bytes, live_hub, make_desk, make_hub, usb_trip
from .test_verify_page import NAME_MARKER, NIK_MARKER, forge, issue

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
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


def test_verify_genuine_and_forged_in_chromium(tmp_path: Path) -> None:
    started = time.monotonic()
    chromium = require_tool("chromium", "chromium")
    sync_playwright = _playwright()
    hub_root = make_hub(tmp_path / "hub")
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as desk:
        number, payload = issue(desk)
        usb_trip(desk, hub_root, tmp_path / "stick")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

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
            page.screenshot(path=str(SCREENSHOTS / "hub-verify-genuine.png"), full_page=True)

            page.goto(f"{url}/verify")
            page.fill("textarea[name=code]", forge(payload))
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert "TIDAK SAH / NOT VALID" in page.inner_text("#verdict")
            page.screenshot(path=str(SCREENSHOTS / "hub-verify-forged.png"), full_page=True)

            # the letter number typed by hand, by GET (a bookmarked or shared link)
            page.goto(f"{url}/verify?code={number}")
            assert "ASLI / GENUINE" in page.inner_text("#verdict")
            assert not errors, errors  # e.g. nothing blocked by the CSP
        finally:
            browser.close()
    assert time.monotonic() - started < 30
