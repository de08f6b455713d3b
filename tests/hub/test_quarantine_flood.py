"""Trust boundary 4: nothing unauthenticated is stored.

Anyone can send a bundle that merely names a real desk (desk codes are printed on every
receipt). The hub records only its digest, size, the desk it names, the reason and when;
never the file. Records are capped per desk and in total; repeated alerts are merged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counterdesk.hub import ingest as ingest_module
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.views import desks_report
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import load_link, seal
from counterdesk.sync.bundle import peek_header, write_bundle

from ..sync.helpers import enrollment_bytes, live_hub, make_desk, make_hub, register, usb_trip


@pytest.fixture
def district(tmp_path: Path) -> tuple[Path, Path]:
    hub_root = make_hub(tmp_path / "hub")
    desk_root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))
    with Desk.open(desk_root) as desk:
        register(desk, 1)
        usb_trip(desk, hub_root, tmp_path / "stick")  # first contact: the key is pinned
    return hub_root, desk_root


def junk(hub_root: Path, n: int, *, sender: str = "JGB-01") -> bytes:
    """A well-formed bundle naming ``sender``, signed by a key that is not the desk's."""
    with Hub.open(hub_root) as hub:
        box = hub.keys.box_public
    return write_bundle(
        payload=b"x" * 2000 + str(n).encode(),
        kind="events",
        sender=sender,
        recipient="HUB",
        sender_key=Ed25519PrivateKey.generate(),
        recipient_public=box,
        epoch="0" * 32,
        seq_first=1,
        seq_last=1,
        count=1,
    )


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_junk_flood_over_http_stores_no_file_and_merges_alerts(
    district: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub_root, _ = district
    monkeypatch.setattr(ingest_module, "MAX_QUARANTINE_PER_DESK", 10)
    before = _files(hub_root / "quarantine")
    flood = [junk(hub_root, n) for n in range(40)]
    with live_hub(hub_root) as url, httpx.Client(base_url=url, timeout=30) as client:
        for body in flood:
            bundle_id = peek_header(body).bundle_id
            r = client.put(f"/api/v1/bundles/{bundle_id}", content=body)
            assert r.status_code == 403, r.text  # refused, never a 500
            assert "not by the key" in r.json()["error"]
    assert _files(hub_root / "quarantine") == before  # no file body kept
    with Hub.open(hub_root) as hub:
        report = desks_report(hub)
        listed = report["quarantined"]
        assert len(listed) == 10  # the cap holds
        assert all(q["stored_as"] is None and q["desk"] == "JGB-01" for q in listed)
        first = flood[0]
        assert listed[0]["sha256"] == hashlib.sha256(first).hexdigest()
        assert listed[0]["size"] == len(first)
        wrong = [a for a in report["alerts"] if a["kind"] == "wrong_key"]
        assert len(wrong) == 1 and wrong[0]["count"] == 10  # one line, counted
        assert "not authenticated" in wrong[0]["message"]
        [full] = [a for a in report["alerts"] if a["kind"] == "quarantine_full"]
        assert full["count"] == 30 and full["desk"] == "JGB-01"
        rows = hub.conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
    # more junk: nothing more is stored at all
    with live_hub(hub_root) as url, httpx.Client(base_url=url, timeout=30) as client:
        for n in range(40, 60):
            body = junk(hub_root, n)
            client.put(f"/api/v1/bundles/{peek_header(body).bundle_id}", content=body)
    with Hub.open(hub_root) as hub:
        assert len(desks_report(hub)["quarantined"]) == 10
        assert hub.conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == rows
    assert _files(hub_root / "quarantine") == before


def test_total_cap_and_unknown_desks_on_a_stick(
    district: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub_root, _ = district
    monkeypatch.setattr(ingest_module, "MAX_QUARANTINE_TOTAL", 5)
    with Hub.open(hub_root) as hub:
        for n in range(12):
            sender = f"ABC-{n:02d}"  # desks that do not exist, each file once
            result = ingest(hub, junk(hub_root, n, sender=sender), source=f"{sender}.cdb")
            assert result.outcome == "quarantined" and "unknown desk" in result.reason
        report = desks_report(hub)
        assert len(report["quarantined"]) == 5
        assert all(q["stored_as"] is None for q in report["quarantined"])
        unknown = [a for a in report["alerts"] if a["kind"] == "unknown_desk"]
        assert len(unknown) == 1 and unknown[0]["desk"] is None  # a made-up code names nobody
    assert _files(hub_root / "quarantine") == []


def test_same_junk_twice_is_counted_not_recorded_again(district: tuple[Path, Path]) -> None:
    hub_root, _ = district
    body = junk(hub_root, 1)
    with Hub.open(hub_root) as hub:
        for _ in range(3):
            ingest(hub, body, source="stick/JGB-01_x.cdb")
        [q] = desks_report(hub)["quarantined"]
        assert q["count"] == 3 and q["stored_as"] is None and q["last_at"] >= q["at"]


def test_a_signed_bundle_the_hub_cannot_take_is_kept_as_evidence(
    district: tuple[Path, Path],
) -> None:
    """Signed with the desk's pinned key, yet not acceptable: that file is evidence."""
    hub_root, desk_root = district
    with Desk.open(desk_root) as desk:
        forged = seal(
            desk,
            load_link(desk),
            kind="events",
            payload=b"not events\n",
            epoch=desk.info.epoch,
            seq_first=50,
            seq_last=50,
            count=1,
        )
    with Hub.open(hub_root) as hub:
        result = ingest(hub, forged, source="JGB-01_bad.cdb")
        assert result.outcome == "quarantined" and result.reason.startswith("content:")
        [q] = desks_report(hub)["quarantined"]
        assert q["stored_as"] is not None and Path(q["stored_as"]).read_bytes() == forged
