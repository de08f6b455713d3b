"""A desk's history rewritten after the hub acknowledged it is seen at the next contact.

The intruder (``tests/chain_rewrite.py``) edits an event the hub already holds and
re-chains the desk's log so that the desk's own chain check passes. The hub compares what
the desk presents with the chain head it acknowledged: by stick and over HTTP, with or
without new events to send. The desk's own audit compares its log with the hub's signed
acknowledgement it kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.replies import replies_for
from counterdesk.hub.views import desks_report
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import export_to_folder, hello_payload, outgoing, seal
from counterdesk.services.status import desk_status
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.services.sync_import import import_bundle
from counterdesk.services.sync_link import load_link
from counterdesk.sync.http_client import HubRefused

from ..chain_rewrite import registration_seq, rename_citizen, rewrite_event
from ..conftest import open_raw
from ..sync.helpers import enrollment_bytes, live_hub, make_desk, make_hub, register


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as d:
        yield d


def round_trip(desk: Desk, hub_root: Path) -> None:
    with Hub.open(hub_root) as hub:
        sent = [b.data for b in outgoing(desk)] or [
            seal(desk, load_link(desk), kind="hello", payload=hello_payload(desk))
        ]
        for data in sent:
            assert ingest(hub, data, source="x.cdb").outcome == "accepted"
        for reply in replies_for(hub, desk.info.code):
            assert import_bundle(desk, reply.data, source=reply.file_name).outcome == "applied"


def rewrite_acknowledged(desk: Desk) -> tuple[str, int]:
    """Two requests acknowledged by the hub; the first one's registration rewritten."""
    first, _ = register(desk, 2)
    round_trip(desk, Path(str(desk.paths.root.parent / "hub")))
    assert desk_status(desk)["pending"] == 0
    seq = registration_seq(desk.paths.database, first)
    rewrite_event(desk.paths.database, seq, rename_citizen("Someone Else"))
    assert audit(desk).problems == []  # the desk's chain alone looks intact
    return first, seq


def alerts(hub_root: Path) -> list[dict[str, object]]:
    with Hub.open(hub_root) as hub:
        return list(desks_report(hub)["alerts"])


def stick_results(desk: Desk, hub_root: Path, stick: Path) -> list[str]:
    export_to_folder(desk, stick)
    out = []
    with Hub.open(hub_root) as hub:
        for path in sorted(stick.glob(f"{desk.info.code}_*.cdb")):
            result = ingest(hub, path.read_bytes(), source=path.name)
            out.append(f"{result.outcome}: {result.reason}")
    return out


def test_hub_keeps_the_chain_head_of_every_bundle(desk: Desk, hub_root: Path) -> None:
    register(desk, 3)
    round_trip(desk, hub_root)
    register(desk, 1)
    round_trip(desk, hub_root)
    with Hub.open(hub_root) as hub:
        heads = hub.conn.execute(
            "SELECT seq_last, head_hash FROM bundles WHERE kind != 'hello' ORDER BY seq_last"
        ).fetchall()
    assert len(heads) == 2
    for seq, digest in heads:
        mine = desk.conn.execute("SELECT hash FROM events WHERE seq = ?", [seq]).fetchone()[0]
        assert digest == mine


def test_stick_with_nothing_new_shows_the_rewrite(
    desk: Desk, hub_root: Path, tmp_path: Path
) -> None:
    rewrite_acknowledged(desk)
    [line] = stick_results(desk, hub_root, tmp_path / "stick")  # a hello: nothing pending
    assert line.startswith("quarantined: ") and "rewritten" in line
    assert any(a["kind"] == "history_rewritten" for a in alerts(hub_root))


def test_stick_with_new_events_shows_the_rewrite(
    desk: Desk, hub_root: Path, tmp_path: Path
) -> None:
    rewrite_acknowledged(desk)
    register(desk, 1)
    lines = stick_results(desk, hub_root, tmp_path / "stick")
    assert lines and all(line.startswith("quarantined: ") for line in lines)
    assert all("rewritten" in line for line in lines)
    assert any(a["kind"] in ("history_rewritten", "chain_broken") for a in alerts(hub_root))


def test_stick_re_sending_everything_shows_the_rewrite(
    desk: Desk, hub_root: Path, tmp_path: Path
) -> None:
    """The intruder also makes the desk forget the acknowledgement (all events re-sent)."""
    _, seq = rewrite_acknowledged(desk)
    conn = open_raw(desk.paths.database)
    conn.execute("UPDATE sync_state SET acked_seq = 0, exported_seq = 0")
    conn.commit()
    conn.close()
    lines = stick_results(desk, hub_root, tmp_path / "stick")
    assert any(line.startswith("quarantined: ") and "rewritten" in line for line in lines)
    assert any(f"event {seq} " in line for line in lines)


def test_http_sync_shows_the_rewrite(desk: Desk, hub_root: Path) -> None:
    with live_hub(hub_root) as url:
        first, _ = register(desk, 2)
        sync_with_hub(desk, url)
        assert desk_status(desk)["pending"] == 0
        rewrite_event(
            desk.paths.database,
            registration_seq(desk.paths.database, first),
            rename_citizen("Someone Else"),
        )
        with pytest.raises(HubRefused, match="rewritten"):
            sync_with_hub(desk, url)  # nothing new: the hello alone
        register(desk, 1)
        with pytest.raises(HubRefused, match="rewritten"):
            sync_with_hub(desk, url)  # with new events
    kinds = [a["kind"] for a in alerts(hub_root)]
    assert "history_rewritten" in kinds


def test_desk_audit_compares_with_the_hubs_acknowledgement(
    desk: Desk, hub_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = register(desk, 2)
    round_trip(desk, hub_root)
    acked = desk_status(desk)["acked_seq"]
    result = audit(desk)
    assert result.ok and result.hub is not None and result.hub.seq == acked
    assert result.anchored_through(outside_only=True) == acked
    assert desk_main(["--data-dir", str(desk.paths.root), "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"anchored at hub up to seq {acked}: events up to seq {acked} match what the hub" in out
    register(desk, 1)
    last = desk_status(desk)["last_seq"]
    [unanchored] = [line for line in audit(desk).not_proved() if "receipts" not in line]
    span = f"event {acked + 1}" if acked + 1 == last else f"events {acked + 1}-{last}"
    assert unanchored.startswith(f"{span}: anchored by nothing")

    seq = registration_seq(desk.paths.database, first)
    rewrite_event(desk.paths.database, seq, rename_citizen("Someone Else"))
    result = audit(desk)
    assert result.problems == [] and not result.ok
    assert f"events up to seq {acked}" in result.hub_problem
    assert "rewritten" in result.hub_problem
    assert desk_main(["--data-dir", str(desk.paths.root), "audit", "verify"]) == 1
    assert f"error: events up to seq {acked}, acknowledged by the hub" in capsys.readouterr().err


def test_desk_audit_refuses_a_forged_acknowledgement(desk: Desk, hub_root: Path) -> None:
    register(desk, 2)
    round_trip(desk, hub_root)
    bundle = bytearray(desk.conn.execute("SELECT bundle FROM hub_anchor").fetchone()[0])
    bundle[-5] ^= 1
    desk.conn.execute("UPDATE hub_anchor SET bundle = ?", [bytes(bundle)])
    result = audit(desk)
    assert not result.ok and "no longer verifies" in result.hub_problem
