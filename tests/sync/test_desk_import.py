"""The desk applying hub files: only its own hub's, once, acks only forward."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.replies import ack_for, replies_for, seal_reply
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import outgoing
from counterdesk.services.status import desk_status
from counterdesk.services.sync_import import import_bundle, import_paths
from counterdesk.sync import payloads
from counterdesk.sync.bundle import write_atomically, write_bundle

from .helpers import PASSWORD, enrollment_bytes, make_desk, make_hub, register


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with Hub.open(make_hub(tmp_path / "hub")) as h:
        yield h


@pytest.fixture
def desk(tmp_path: Path, hub: Hub) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub.root))) as d:
        yield d


def send(desk: Desk, hub: Hub, **kw: int) -> None:
    for b in outgoing(desk, **kw):
        assert ingest(hub, b.data, source=b.file_name).outcome in ("accepted", "duplicate")


def ack_bytes(hub: Hub, desk: str = "JGB-01") -> bytes:
    return replies_for(hub, desk)[0].data


def test_acks_only_move_forward(desk: Desk, hub: Hub) -> None:
    register(desk, 3)
    last = desk_status(desk)["last_seq"]
    send(desk, hub, upto=3)
    old_ack = ack_bytes(hub)
    send(desk, hub)
    new_ack = ack_bytes(hub)
    assert "up to " + str(last) in import_bundle(desk, new_ack, source="new").message
    line = import_bundle(desk, old_ack, source="old")
    assert line.outcome == "applied" and "nothing new" in line.message
    assert desk_status(desk)["acked_seq"] == last


def test_ack_beyond_the_desks_own_last_event_is_an_alarm(desk: Desk, hub: Hub) -> None:
    send(desk, hub)
    last = desk_status(desk)["last_seq"]
    real = ack_for(hub, "JGB-01")
    inflated = payloads.Ack(
        desk="JGB-01",
        desk_key=real.desk_key,
        epochs=tuple(
            payloads.EpochAck(e.epoch, e.first_seq, e.contiguous + 500, e.max_seq + 500)
            for e in real.epochs
        ),
    )
    line = import_bundle(
        desk, seal_reply(hub, "JGB-01", payloads.ACK, inflated.encode()).data, source="x"
    )
    assert line.outcome == "rejected" and f"beyond its last event {last}" in line.message
    assert desk_status(desk)["acked_seq"] == 0


def test_ack_for_another_key_of_the_same_code_is_rejected(desk: Desk, hub: Hub) -> None:
    send(desk, hub)
    wrong = payloads.Ack(desk="JGB-01", desk_key="0123456789abcdef", epochs=())
    line = import_bundle(
        desk, seal_reply(hub, "JGB-01", payloads.ACK, wrong.encode()).data, source="x"
    )
    assert line.outcome == "rejected" and "a copy" in line.message
    assert desk_status(desk)["acked_seq"] == 0


def test_only_this_desks_hub_and_this_desk(tmp_path: Path, desk: Desk, hub: Hub) -> None:
    send(desk, hub)
    other_hub = Hub.open(make_hub(tmp_path / "other-hub"))
    try:
        # a second desk, SLS-01, of the same hub: its replies are skipped, not applied
        with Desk.open(make_desk(tmp_path / "sls", enrollment_bytes(hub.root, "SLS-01"))) as sls:
            send(sls, hub)
        stick = tmp_path / "stick"
        for desk_code in ("JGB-01", "SLS-01"):
            (stick / desk_code).mkdir(parents=True)
            for r in replies_for(hub, desk_code):
                write_atomically(stick / desk_code / r.file_name, r.data)
        # a forged reply: right names, signed by another hub's key
        forged = payloads.Ack(desk="JGB-01", desk_key="0" * 16, epochs=())
        data = write_bundle(
            payload=forged.encode(),
            kind="ack",
            sender="HUB",
            recipient="JGB-01",
            sender_key=other_hub.keys.sign,
            recipient_public=desk.keys.box_public,
        )
        write_atomically(stick / "forged.cdb", data)
        (stick / "garbage.cdb").write_bytes(b"not a bundle at all")
        lines = {Path(line.source).name: line for line in import_paths(desk, [stick])}
    finally:
        other_hub.close()
    assert lines["forged.cdb"].outcome == "rejected"
    assert "signed by key" in lines["forged.cdb"].message
    assert lines["garbage.cdb"].outcome == "rejected"
    sls_lines = [v for k, v in lines.items() if "SLS-01" in k]
    assert sls_lines and all(v.outcome == "skipped" for v in sls_lines)
    assert all("not this desk" in v.message for v in sls_lines)
    mine = {v.kind: v for k, v in lines.items() if "to_JGB-01" in k}
    assert {k: v.outcome for k, v in mine.items()} == {"ack": "applied", "refdata": "applied"}
    assert "desk_keys v" in mine["refdata"].message  # SLS-01's key, to verify its letters
    assert desk_status(desk)["pending"] == 0


def test_desk_import_command_exit_codes(
    tmp_path: Path,
    desk: Desk,
    hub: Hub,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)
    send(desk, hub)
    stick = tmp_path / "stick"
    stick.mkdir()
    for r in replies_for(hub, "JGB-01"):
        write_atomically(stick / r.file_name, r.data)
    root = str(desk.paths.root)
    assert desk_main(["--data-dir", root, "import", str(stick)]) == 0
    out, _ = capsys.readouterr()
    assert "applied" in out
    assert desk_main(["--data-dir", root, "import", str(tmp_path / "empty-nothing")]) == 1
    out, err = capsys.readouterr()
    assert "no such file" in out and err.startswith("error: ")
    broken = next(stick.iterdir())
    broken.write_bytes(broken.read_bytes()[:-10])
    assert desk_main(["--data-dir", root, "import", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "rejected" in out and "truncated" in out
    assert err.count("\n") == 1
