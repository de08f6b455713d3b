"""Hub ingest: any order, duplicates, damage, foreign keys, clones, new epochs, gaps."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counterdesk.domain.events import GENESIS, Event
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.ledger import LedgerConflict, epoch_acks, store_events
from counterdesk.hub.replies import replies_for
from counterdesk.hub.views import desks_report, list_requests
from counterdesk.services.desk import Desk
from counterdesk.services.instance import check_instance
from counterdesk.services.outbox import export_to_folder, hello_payload, outgoing, seal
from counterdesk.services.status import desk_status
from counterdesk.services.sync_import import import_bundle
from counterdesk.services.sync_link import load_link
from counterdesk.sync import payloads
from counterdesk.sync.bundle import peek_header, write_bundle
from counterdesk.sync.payloads import WireEvent

from ..sync.helpers import enrollment_bytes, make_desk, make_hub, register

SMALL = 1500  # payload bytes: one or two events per bundle


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))
    with Desk.open(root) as d:
        yield d


@pytest.fixture
def hub(hub_root: Path) -> Iterator[Hub]:
    with Hub.open(hub_root) as h:
        yield h


def round_trip(desk: Desk, hub: Hub) -> None:
    """Everything pending to the hub (or a hello, as on a stick) and its replies back."""
    sent = [b.data for b in outgoing(desk)] or [
        seal(desk, load_link(desk), kind="hello", payload=hello_payload(desk))
    ]
    for data in sent:
        assert ingest(hub, data, source="x.cdb").outcome in ("accepted", "duplicate")
    for reply in replies_for(hub, desk.info.code):
        assert import_bundle(desk, reply.data, source=reply.file_name).outcome == "applied"


def hub_events(hub: Hub, desk: str = "JGB-01") -> list[tuple[str, int, str]]:
    return [
        (r[0], r[1], r[2])
        for r in hub.conn.execute(
            "SELECT epoch, seq, hash FROM events WHERE desk = ? ORDER BY seq, epoch", [desk]
        )
    ]


def desk_events(desk: Desk) -> list[tuple[str, int, str]]:
    return [
        (r[0], r[1], r[2])
        for r in desk.conn.execute("SELECT epoch, seq, hash FROM events ORDER BY seq")
    ]


def test_bundles_in_reverse_order(desk: Desk, hub: Hub) -> None:
    receipts = register(desk, 6)
    bundles = list(outgoing(desk, max_payload=SMALL))
    assert len(bundles) >= 4 and all(b.intro for b in bundles)
    results = [ingest(hub, b.data, source=b.file_name) for b in reversed(bundles)]
    assert [r.outcome for r in results] == ["accepted"] * len(bundles)
    assert sum(r.first_contact for r in results) == 1
    assert hub_events(hub) == desk_events(desk)
    assert sorted(r["receipt"] for r in list_requests(hub)) == sorted(receipts)
    [epoch] = desks_report(hub)["desks"][0]["epochs"]
    assert epoch["contiguous"] == desk_status(desk)["last_seq"] and epoch["gaps"] == []


def test_status_changes_before_their_registration(desk: Desk, hub: Hub) -> None:
    from counterdesk.services.advance import advance
    from counterdesk.services.staff import authenticate

    [receipt] = register(desk, 1)
    advance(desk, authenticate(desk, "siti", "rahasia1"), receipt, "in_progress")
    last = desk_status(desk)["last_seq"]
    late, early = list(outgoing(desk, upto=last - 1)), list(outgoing(desk, after=last - 1))
    assert ingest(hub, early[0].data, source="early").outcome == "accepted"
    assert list_requests(hub) == []  # its registration has not arrived
    assert ingest(hub, late[0].data, source="late").outcome == "accepted"
    [row] = list_requests(hub)
    assert row["receipt"] == receipt and row["status"] == "in_progress"


def test_gaps_are_listed_per_epoch_and_close(desk: Desk, hub: Hub) -> None:
    register(desk, 6)
    last = desk_status(desk)["last_seq"]
    assert last >= 9
    for first, upto in ((1, 3), (7, 9)):
        [b] = list(outgoing(desk, after=first - 1, upto=upto))
        assert ingest(hub, b.data, source=b.file_name).outcome == "accepted"
    [epoch] = desks_report(hub)["desks"][0]["epochs"]
    assert epoch["gaps"] == [[4, 6]] and epoch["contiguous"] == 3 and epoch["max_seq"] == 9
    [b] = list(outgoing(desk, after=3, upto=6))
    ingest(hub, b.data, source=b.file_name)
    [epoch] = desks_report(hub)["desks"][0]["epochs"]
    assert epoch["gaps"] == [] and epoch["contiguous"] == 9


def test_truncated_file_is_quarantined_and_the_others_imported(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register(desk, 6)
    stick = tmp_path / "stick"
    report = export_to_folder(desk, stick, max_payload=SMALL)
    assert len(report.written) >= 4
    victim = stick / report.written[1].file_name
    victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])
    code = hub_main(["--data-dir", str(hub_root), "import", str(stick), "--reply-to", str(stick)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: 1 of") and err.count("\n") == 1
    lines = out.splitlines()
    [bad] = [line for line in lines if victim.name in line]
    assert "quarantined: " in bad and "truncated" in bad
    assert sum("accepted" in line for line in lines) == len(report.written) - 1
    with Hub.open(hub_root) as hub:
        d = desks_report(hub)["desks"][0]
        [q] = d["quarantined"]
        # not authenticated (its signature could not be checked): recorded, not kept
        assert "truncated" in q["reason"] and q["stored_as"] is None
        assert q["sha256"] == hashlib.sha256(victim.read_bytes()).hexdigest()
        lost = report.written[1]
        assert d["epochs"][0]["gaps"] == [[lost.seq_first, lost.seq_last]]
        assert any(a["kind"] == "quarantine" for a in desks_report(hub)["alerts"])
    # The replies acknowledge up to the gap; the next trip re-sends the rest.
    import_bundle(desk, next((stick / "JGB-01").glob("*_ack_*")).read_bytes(), source="ack")
    assert desk_status(desk)["acked_seq"] == lost.seq_first - 1


def test_bundle_signed_by_another_key_is_quarantined(desk: Desk, hub: Hub) -> None:
    register(desk, 1)
    round_trip(desk, hub)  # the hub pins the desk's key
    register(desk, 1)
    [genuine] = list(outgoing(desk))
    # A forger knows everything public (codes, the hub's key) but not the desk's key.
    link = load_link(desk)
    header = peek_header(genuine.data)
    forged = write_bundle(
        payload=b"x",
        kind="events",
        sender="JGB-01",
        recipient=link.hub,
        sender_key=Ed25519PrivateKey.generate(),
        recipient_public=link.hub_box,
        epoch=header.epoch,
        seq_first=header.seq_first,
        seq_last=header.seq_last,
        count=header.count,
    )
    result = ingest(hub, forged, source="forged.cdb")
    assert result.outcome == "quarantined"
    assert "not by the key" in result.reason and "pinned" in result.reason
    assert hub.conn.execute("SELECT count(*) FROM bundles").fetchone()[0] == 1
    assert ingest(hub, genuine.data, source="genuine").outcome == "accepted"


def test_reused_enrollment_file_cannot_impersonate_the_desk(
    tmp_path: Path, hub_root: Path, hub: Hub
) -> None:
    enrollment = enrollment_bytes(hub_root, "SLS-01")
    with Desk.open(make_desk(tmp_path / "first", enrollment)) as first:
        register(first, 1)
        round_trip(first, hub)
    # The lost file, found and used on another PC: enrolling works offline...
    with Desk.open(make_desk(tmp_path / "thief", enrollment)) as thief:
        register(thief, 1, name="Penyusup")
        [b] = list(outgoing(thief))
        assert b.intro
        result = ingest(hub, b.data, source=b.file_name)
        assert result.outcome == "quarantined"
        assert "already used by another PC" in result.reason
        alerts = [a["kind"] for a in desks_report(hub)["alerts"]]
        assert "enrollment_reused" in alerts
    assert [r["name"] for r in list_requests(hub, desk="SLS-01")] == ["Siti Nurhaliza"]


def test_reissued_enrollment_makes_the_old_file_useless(
    tmp_path: Path, hub_root: Path, hub: Hub
) -> None:
    old = enrollment_bytes(hub_root, "SLS-02")
    with pytest.raises(Exception, match="--reissue"):
        enrollment_bytes(hub_root, "SLS-02")
    enrollment_bytes(hub_root, "SLS-02", reissue=True)
    with Desk.open(make_desk(tmp_path / "old", old)) as d:
        [b] = list(outgoing(d))
        result = ingest(hub, b.data, source=b.file_name)
    assert result.outcome == "quarantined" and "current enrollment" in result.reason


def test_enroll_desk_refuses_an_enrolled_code(desk: Desk, hub: Hub, hub_root: Path) -> None:
    round_trip(desk, hub)
    with pytest.raises(Exception, match="already enrolled"):
        enrollment_bytes(hub_root, "JGB-01", reissue=True)


def test_unknown_desk_and_other_hub_are_quarantined(tmp_path: Path, hub: Hub) -> None:
    box = hub.keys.box_public
    stranger = write_bundle(
        payload=b"{}",
        kind="events",
        sender="ABC-01",
        recipient="HUB",
        sender_key=Ed25519PrivateKey.generate(),
        recipient_public=box,
    )
    result = ingest(hub, stranger, source="stranger.cdb")
    assert result.outcome == "quarantined" and "unknown desk ABC-01" in result.reason
    elsewhere = write_bundle(
        payload=b"{}",
        kind="events",
        sender="ABC-01",
        recipient="HUB",
        sender_key=Ed25519PrivateKey.generate(),
        recipient_public=X25519PrivateKey.generate().public_key(),
    )
    result = ingest(hub, elsewhere, source="elsewhere.cdb")
    assert result.outcome == "quarantined" and "not to this hub" in result.reason
    result = ingest(hub, b"PK\x03\x04 a zip file", source="photo.cdb")
    assert result.outcome == "quarantined" and "not a counterdesk bundle" in result.reason
    # the same bad file again: reported again, recorded once (counted twice); no file kept
    ingest(hub, stranger, source="stranger.cdb")
    listed = desks_report(hub)["quarantined"]
    assert len(listed) == 3 and [q["count"] for q in listed] == [2, 1, 1]
    assert list(hub.quarantine_dir.iterdir()) == []


def test_revoked_desk_is_quarantined(desk: Desk, hub: Hub) -> None:
    round_trip(desk, hub)
    register(desk, 1)
    with hub.transaction():
        hub.conn.execute("UPDATE desks SET revoked = 1")
    [b] = list(outgoing(desk))
    result = ingest(hub, b.data, source=b.file_name)
    assert result.outcome == "quarantined" and "revoked" in result.reason


def test_same_bundle_id_with_other_content_is_an_alarm(desk: Desk, hub: Hub) -> None:
    round_trip(desk, hub)
    register(desk, 2)
    [b] = list(outgoing(desk))
    assert ingest(hub, b.data, source="a").outcome == "accepted"
    assert ingest(hub, b.data, source="a again").outcome == "duplicate"
    # The desk's own key, same id, other bytes (a re-encryption of the same events).
    header = peek_header(b.data)
    resealed = seal(
        desk,
        load_link(desk),
        kind="events",
        payload=_payload_of(desk, header.seq_first, header.seq_last),
        bundle_id=header.bundle_id,
        epoch=header.epoch,
        seq_first=header.seq_first,
        seq_last=header.seq_last,
        count=header.count,
    )
    result = ingest(hub, resealed, source="c")
    assert result.outcome == "conflict" and result.status == 409
    assert "same id, different bytes" in result.reason
    assert "bundle_id_reused" in [a["kind"] for a in desks_report(hub)["alerts"]]


def _payload_of(desk: Desk, first: int, last: int) -> bytes:
    from counterdesk.services.outbox import _wire

    return payloads.encode_events(list(_wire(desk, first - 1, last)))


def test_two_pcs_writing_as_one_desk_conflict(desk: Desk, hub: Hub, tmp_path: Path) -> None:
    round_trip(desk, hub)
    copy_root = tmp_path / "copy"
    shutil.copytree(desk.paths.root, copy_root)
    register(desk, 1, name="Asli")
    with Desk.open(copy_root) as twin:  # no instance check here: same epoch, same seq
        register(twin, 1, name="Kembaran")
        [twin_bundle] = list(outgoing(twin))
    [b] = list(outgoing(desk))
    assert ingest(hub, b.data, source="original").outcome == "accepted"
    result = ingest(hub, twin_bundle.data, source="twin")
    assert result.outcome == "quarantined"
    assert "differs from the one the hub already holds" in result.reason
    assert [r["name"] for r in list_requests(hub)] == ["Asli"]


def test_new_epoch_is_flagged_and_acknowledged(desk: Desk, hub: Hub) -> None:
    register(desk, 2)
    round_trip(desk, hub)
    assert check_instance(desk, machine="another-pc") == "copied"
    register(desk, 2)
    round_trip(desk, hub)
    assert desk_status(desk)["pending"] == 0
    d = desks_report(hub)["desks"][0]
    assert d["restore_or_clone"] is True
    assert [e["origin"] for e in d["epochs"]] == ["created", "started: copied"]
    assert all(e["gaps"] == [] for e in d["epochs"])
    assert "new_epoch" in [a["kind"] for a in desks_report(hub)["alerts"]]
    assert len(list_requests(hub)) == 4


def test_restored_desk_resends_from_its_backup(desk: Desk, hub: Hub, tmp_path: Path) -> None:
    register(desk, 1)
    backup = tmp_path / "backup.sqlite3"
    desk.conn.execute("VACUUM INTO ?", [str(backup)])
    register(desk, 2)
    round_trip(desk, hub)
    high = desk_status(desk)["last_seq"]
    # Restore the older database file over the live one, keep the instance file.
    root = desk.paths.root
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        (root / f"desk.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, root / "desk.sqlite3")
    with Desk.open(root) as restored:
        assert check_instance(restored) == "restored"
        register(restored, 1)
        round_trip(restored, hub)
        assert desk_status(restored)["pending"] == 0
    epochs = desks_report(hub)["desks"][0]["epochs"]
    assert epochs[0]["contiguous"] == high  # what the lost copy sent is kept
    assert epochs[1]["origin"] == "started: restored"


def test_hub_database_is_refused_when_foreign_or_newer(tmp_path: Path, desk: Desk) -> None:
    with pytest.raises(Exception, match="run `counterdesk-hub init"):
        Hub.open(tmp_path / "nowhere")
    # a desk's database is not a hub's: a plain one of an older version, an encrypted one
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    shutil.copy(Path(__file__).parents[1] / "data" / "desk-m003.sqlite3", foreign / "hub.sqlite3")
    with pytest.raises(Exception, match="another program"):
        Hub.open(foreign)
    shutil.copy(desk.paths.database, foreign / "hub.sqlite3")
    with pytest.raises(Exception, match="not a counterdesk hub database"):
        Hub.open(foreign)
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "hub.sqlite3").write_text("hello")
    with pytest.raises(Exception, match="not an SQLite file"):
        Hub.open(junk)
    newer = make_hub(tmp_path / "newer")
    conn = sqlite3.connect(newer / "hub.sqlite3")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('counterdesk-hub', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = (newer / "hub.sqlite3").read_bytes()
    with pytest.raises(Exception, match="newer version of the counterdesk hub"):
        Hub.open(newer)
    assert (newer / "hub.sqlite3").read_bytes() == before


def test_hub_pragmas(desk: Desk, hub: Hub) -> None:
    round_trip(desk, hub)
    assert hub.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert hub.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert hub.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        hub.conn.execute("DELETE FROM events")


def test_refdata_sent_when_the_desk_is_behind(desk: Desk, hub: Hub) -> None:
    round_trip(desk, hub)  # the desk's own key comes back as desk_keys v1
    round_trip(desk, hub)  # the hub learns the desk has it
    assert [r.kind for r in replies_for(hub, "JGB-01")] == ["ack"]
    raw = json.loads(
        hub.conn.execute("SELECT data FROM refdata WHERE kind = 'catalogue'").fetchone()[0]
    )
    raw["version"] += 1
    raw["services"][0]["fee"] = 12345
    hub.publish_catalogue(raw)
    replies = replies_for(hub, "JGB-01")
    assert [r.kind for r in replies] == ["ack", "refdata"]
    [refdata] = [r for r in replies if r.kind == "refdata"]
    line = import_bundle(desk, refdata.data, source="refdata")
    assert line.outcome == "applied" and f"installed catalogue v{raw['version']}" in line.message
    assert desk.catalogue.version == raw["version"]
    assert desk.catalogue.services[0].fee == 12345
    # the install is an event; once the hub has it, it stops sending the catalogue
    round_trip(desk, hub)
    assert [r.kind for r in replies_for(hub, "JGB-01")] == ["ack"]
    with pytest.raises(Exception, match="not newer"):
        hub.publish_catalogue(raw)


def test_a_copied_desk_is_not_acknowledged_for_events_the_hub_lacks(
    desk: Desk, hub: Hub, tmp_path: Path
) -> None:
    """Two PCs writing as one desk in the same epoch (a copy the instance file cannot
    notice): the copy must not take the hub's "up to N" for its own, different event N."""
    round_trip(desk, hub)
    copy_root = tmp_path / "copy"
    shutil.copytree(desk.paths.root, copy_root)
    register(desk, 1, name="Asli")
    round_trip(desk, hub)
    with Desk.open(copy_root) as twin:
        register(twin, 1, name="Kembaran")
        [reply] = [r for r in replies_for(hub, "JGB-01") if r.kind == "ack"]
        line = import_bundle(twin, reply.data, source="ack")
        assert line.outcome == "rejected" and "diverged" in line.message
        assert desk_status(twin)["pending"] == 1  # still waiting: nothing is lost silently
        [b] = list(outgoing(twin))
        result = ingest(hub, b.data, source="twin")
        assert result.outcome == "quarantined" and "differs" in result.reason


def _chain(epoch: str, first: int, prev: str, kinds: list[str]) -> list[WireEvent]:
    out = []
    for offset, kind in enumerate(kinds):
        data = {"previous": "a" * 32, "reason": "restored"} if kind == "epoch_started" else {}
        e = Event(
            first + offset,
            "JGB-01",
            epoch,
            f"{first + offset:032x}{epoch[:1]}"[-32:],
            kind,
            "2026-11-02T08:00:00+07:00",
            "system",
            None,
            data,
            prev,
        )
        out.append(WireEvent(e, e.compute_hash()))
        prev = out[-1].hash
    return out


@pytest.mark.parametrize("old_first", [True, False])
def test_epoch_link_is_checked_in_either_order(desk: Desk, hub: Hub, old_first: bool) -> None:
    a, b = "a" * 32, "b" * 32
    old = _chain(a, 1, GENESIS, ["desk_created", "staff_created", "staff_created"])
    good = _chain(b, 4, old[-1].hash, ["epoch_started", "staff_created"])
    bad = _chain(b, 4, "9" * 64, ["epoch_started", "staff_created"])

    def store(events: list[WireEvent]) -> None:
        with hub.transaction():
            store_events(
                hub.conn,
                desk="JGB-01",
                epoch=events[0].event.epoch,
                events=events,
                bundle_id="x",
                now="now",
            )

    if old_first:
        store(old)
        with pytest.raises(LedgerConflict, match="does not continue"):
            store(bad)
        store(good)
    else:
        store(bad)
        with pytest.raises(LedgerConflict, match="is not the one that epoch"):
            store(old)
    acks = {e.epoch: e for e in epoch_acks(hub.conn, "JGB-01")}
    assert acks[b].first_seq == 4
