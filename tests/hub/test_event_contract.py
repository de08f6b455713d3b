"""Trust boundary 1: what desks send is checked against one typed contract.

A properly signed event outside the contract (a desk's bug, an edited desk database, a
hostile desk) must not poison the hub: the rest of its bundle, the stick and the district's
pages go on; the event is stored (the chain stays whole), set aside with its reason, shown
to the officer and never counted.
"""

from __future__ import annotations

import copy
import datetime
import json
import shutil
import sqlite3
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.domain.contract import DATA, REQUEST_KINDS, ContractError, check_event, problem
from counterdesk.domain.events import Event, EventKind
from counterdesk.domain.ids import new_id
from counterdesk.domain.numbering import receipt_number
from counterdesk.hub import stats
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.dashboard_pages import dashboard_routes
from counterdesk.hub.event_checks import invalid_events, known_services
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.ledger import epoch_acks
from counterdesk.hub.views import desks_report, list_requests
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import acked_seq, export_to_folder, outgoing
from counterdesk.services.staff import authenticate
from counterdesk.services.survey import flush_surveys, record_survey
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.store.eventlog import append_event, last_seq

from ..sync.helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    live_hub,
    make_desk,
    make_hub,
    register,
    usb_trip,
)
from .contract_helpers import first_request, forge, valid_samples

MONTH = datetime.date.today().strftime("%Y-%m")
PAGES = ("/", "/satisfaction", "/requests", f"/reports/{MONTH}.pdf", f"/reports/{MONTH}.csv")


@dataclass
class World:
    root: Path
    requests: int  # requests the hub holds in the template
    respondents: int  # survey answers the hub holds in the template


def _build(root: Path) -> World:
    hub_root = make_hub(root / "hub")
    desk_root = make_desk(root / "desk", enrollment_bytes(hub_root))
    with Desk.open(desk_root) as desk:
        register(desk, 2)
        session = authenticate(desk, ADMIN, PASSWORD)
        for _ in range(2):
            record_survey(desk, session, "SKTM", [4, 3, 4, 4, 3, 4, 4, 3, 4])
        flush_surveys(desk)
        usb_trip(desk, hub_root, root / "stick")
    return World(root, requests=2, respondents=2)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return _build(tmp_path_factory.mktemp("contract-world"))


@pytest.fixture
def copy_of(world: World, tmp_path: Path) -> Path:
    shutil.copytree(world.root / "hub", tmp_path / "hub")
    shutil.copytree(world.root / "desk", tmp_path / "desk")
    return tmp_path


def _respondents(hub: Hub) -> int:
    period = stats.Period.month(MONTH)
    return sum(r.result.respondents for r in stats.skm(hub, period) if r.post == stats.ALL)


def check_district_still_works(root: Path, world: World, *, extra_requests: int) -> None:
    """Every page and report of the district answers, and counts only valid events."""
    with Hub.open(root / "hub") as hub:
        client = TestClient(Starlette(routes=dashboard_routes(hub)))
        for page in PAGES:
            r = client.get(page)
            assert r.status_code == 200, (page, r.text[:300])
        assert len(list_requests(hub)) == world.requests + extra_requests
        assert _respondents(hub) == world.respondents
        assert all(r["status"] in {"registered", "in_progress"} for r in list_requests(hub)), (
            list_requests(hub)
        )
    out = root / "report.pdf"
    code = hub_main(
        ["--data-dir", str(root / "hub"), "report", "--month", MONTH, "--out", str(out)]
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------- the contract


def test_every_event_kind_is_declared() -> None:
    assert set(DATA) == set(EventKind)


def test_valid_samples_keep_the_contract() -> None:
    request_id, receipt = new_id(), receipt_number("JGB-01", "0" * 32, 42)
    samples = valid_samples(request_id, receipt)
    assert set(samples) == set(EventKind)
    for kind, (rid, data) in samples.items():
        check_event(
            kind,
            event_id=new_id(),
            recorded_at="2026-11-02T08:00:00+07:00",
            staff="siti",
            request_id=rid,
            data=data,
            services={"SKTM"},
        )


def test_the_desk_cannot_write_what_the_hub_refuses(tmp_path: Path) -> None:
    hub_root = make_hub(tmp_path / "hub")
    desk_root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))
    with Desk.open(desk_root) as desk:
        before = last_seq(desk.conn)
        with (
            pytest.raises(ContractError, match=r"survey_recorded data\.scores"),
            desk.transaction(),
        ):
            append_event(
                desk.conn,
                desk=desk.info.code,
                epoch=desk.info.epoch,
                kind=EventKind.SURVEY_RECORDED,
                staff="survey",
                recorded_at=desk.now_text(),
                data={"service": "SKTM", "scores": 5, "comment": ""},
            )
        assert last_seq(desk.conn) == before  # nothing written


# --------------------------------------------------------------------------- named cases


def _ingest_all(root: Path) -> list[Any]:
    with Desk.open(root / "desk") as desk, Hub.open(root / "hub") as hub:
        return [ingest(hub, b.data, source=b.file_name) for b in outgoing(desk)]


def test_survey_with_scores_5_is_set_aside_and_pages_work(copy_of: Path, world: World) -> None:
    with Desk.open(copy_of / "desk") as desk:
        register(desk, 1)
        bad = forge(desk, "survey_recorded", {"service": "SKTM", "scores": 5, "comment": ""})
        register(desk, 1)
    [result] = _ingest_all(copy_of)
    assert result.outcome == "accepted" and result.new_events == 3
    assert result.invalid_events == 1 and "scores" in result.message()
    check_district_still_works(copy_of, world, extra_requests=2)
    with Hub.open(copy_of / "hub") as hub:
        [listed] = invalid_events(hub.conn)
        assert listed["seq"] == bad and listed["kind"] == "survey_recorded"
        assert "scores" in listed["reason"] and "Expected `array`" in listed["reason"]
        client = TestClient(Starlette(routes=dashboard_routes(hub)))
        overview = client.get("/").text
        assert "Peristiwa ditolak" in overview and "survey_recorded data.scores" in overview
        [alert] = [a for a in desks_report(hub)["alerts"] if a["kind"] == "invalid_event"]
        assert alert["desk"] == "JGB-01" and f"event {bad}" in alert["message"]
        # the chain is whole: the desk is acknowledged through the bad event and beyond
        [epoch] = epoch_acks(hub.conn, "JGB-01")
        assert epoch.contiguous == bad + 1 and epoch.gaps == ()


def test_unknown_service_code_and_status_are_refused(copy_of: Path, world: World) -> None:
    with Desk.open(copy_of / "desk") as desk:
        request_id, receipt = first_request(desk)
        samples = valid_samples(request_id, receipt)
        rid, data = copy.deepcopy(samples[EventKind.REQUEST_REGISTERED])
        data["service"] = "ZZZ9"  # well formed, not in any catalogue of the district
        unknown_service = forge(desk, "request_registered", data, request_id=rid)
        _, change = copy.deepcopy(samples[EventKind.STATUS_CHANGED])
        change["to"] = "archived"
        unknown_status = forge(desk, "status_changed", change, request_id=request_id)
        _, survey = copy.deepcopy(samples[EventKind.SURVEY_RECORDED])
        survey["service"] = "NOPE"
        unknown_survey = forge(desk, "survey_recorded", survey)
    [result] = _ingest_all(copy_of)
    assert result.outcome == "accepted" and result.invalid_events == 3
    check_district_still_works(copy_of, world, extra_requests=0)
    with Hub.open(copy_of / "hub") as hub:
        reasons = {e["seq"]: e["reason"] for e in invalid_events(hub.conn)}
        assert "unknown service 'ZZZ9'" in reasons[unknown_service]
        assert "data.to" in reasons[unknown_status] and "archived" in reasons[unknown_status]
        assert "unknown service 'NOPE'" in reasons[unknown_survey]
        status = hub.conn.execute(
            "SELECT status FROM requests WHERE request_id = ?", [request_id]
        ).fetchone()[0]
        assert status == "registered"


def test_registration_with_a_citizen_that_is_not_an_object_over_http(
    copy_of: Path, world: World
) -> None:
    with Desk.open(copy_of / "desk") as desk:
        register(desk, 1)
        _, data = copy.deepcopy(valid_samples(*first_request(desk))[EventKind.REQUEST_REGISTERED])
        data["citizen"] = "Siti Nurhaliza"
        bad = forge(desk, "request_registered", data, request_id=new_id())
        register(desk, 1)
        with live_hub(copy_of / "hub") as url:
            report = sync_with_hub(desk, url)  # raised on a 500 before
            assert report.pending == 0 and acked_seq(desk) == last_seq(desk.conn)
            again = sync_with_hub(desk, url)  # not stuck: nothing left to send
            assert again.uploaded == 0 and again.pending == 0
    check_district_still_works(copy_of, world, extra_requests=2)
    with Hub.open(copy_of / "hub") as hub:
        [listed] = invalid_events(hub.conn)
        assert listed["seq"] == bad and "citizen" in listed["reason"]


def test_bad_registration_on_a_stick_does_not_stop_the_other_desks_files(
    copy_of: Path, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_root = copy_of / "hub"
    other_root = make_desk(copy_of / "other", enrollment_bytes(hub_root, "SLS-01"))
    stick = copy_of / "stick2"
    with Desk.open(copy_of / "desk") as desk:
        _, data = copy.deepcopy(valid_samples(*first_request(desk))[EventKind.REQUEST_REGISTERED])
        data["citizen"] = [1, 2, 3]
        forge(desk, "request_registered", data, request_id=new_id())
        export_to_folder(desk, stick)
    with Desk.open(other_root) as other:
        register(other, 2)
        export_to_folder(other, stick)
    files = sorted(stick.glob("*.cdb"))
    assert files[0].name.startswith("JGB-01") and files[-1].name.startswith("SLS-01")
    code = hub_main(["--data-dir", str(hub_root), "import", str(stick), "--reply-to", str(stick)])
    out, err = capsys.readouterr()
    assert code == 0, (out, err)
    assert "outside the event contract" in out and "citizen" in out
    with Hub.open(hub_root) as hub:
        desks = {r["desk"] for r in list_requests(hub)}
        assert desks == {"JGB-01", "SLS-01"}
        assert len(list_requests(hub, desk="SLS-01")) == 2
    assert (stick / "SLS-01").is_dir() and (stick / "JGB-01").is_dir()
    assert hub_main(["--data-dir", str(hub_root), "desks"]) == 0
    listing = capsys.readouterr().out
    assert "1 event(s) outside the event contract" in listing


# --------------------------------------------------------------------------- property

WRONG: list[Any] = [
    5,
    -1,
    0,
    10**13,
    1.5,
    True,
    None,
    "",
    "x" * 5000,
    "ZZZ9",
    "5",
    "2026-13-45",
    "line\x00break",
    [],
    [5],
    ["x"] * 100,
    {},
    {"a": 1},
]
ENVELOPE = ("request_id", "recorded_at", "event_id", "staff", "kind")


@st.composite
def broken_event(draw: st.DrawFn, request_id: str, receipt: str) -> tuple[str, dict[str, Any]]:
    """A valid sample of any kind with one thing broken, as the schema says it must not be."""
    samples = valid_samples(request_id, receipt)
    kind = draw(st.sampled_from(sorted(samples)))
    rid, data = copy.deepcopy(samples[kind])
    envelope: dict[str, Any] = {"kind": kind, "request_id": rid}
    how = draw(st.sampled_from(["value", "missing", "extra", "nested", "envelope", "whole"]))
    wrong = draw(st.one_of(st.sampled_from(WRONG), st.integers(), st.text(max_size=300)))
    if how == "value":
        data[draw(st.sampled_from(sorted(data)))] = wrong
    elif how == "missing":
        del data[draw(st.sampled_from(sorted(data)))]
    elif how == "extra":
        data[draw(st.sampled_from(["unexpected", "scores", "citizen", "x"]))] = wrong
    elif how == "nested":
        containers = [k for k, v in data.items() if isinstance(v, dict | list) and v]
        assume(containers)
        inner = data[draw(st.sampled_from(sorted(containers)))]
        if isinstance(inner, dict):
            inner[draw(st.sampled_from(sorted(inner)))] = wrong
        else:
            inner[draw(st.integers(0, len(inner) - 1))] = wrong
    elif how == "envelope":
        field = draw(st.sampled_from(ENVELOPE))
        if field == "request_id":
            envelope[field] = (
                None if kind in REQUEST_KINDS else draw(st.sampled_from([new_id(), "r"]))
            )
        elif field == "kind":
            envelope[field] = draw(st.sampled_from(["no_such_kind", "", "REQUEST_REGISTERED"]))
        else:
            envelope[field] = wrong if isinstance(wrong, str) else str(wrong)
    else:
        data = wrong  # type: ignore[assignment]
    envelope["data"] = data
    return kind, envelope


def _bad(envelope: dict[str, Any], services: frozenset[str]) -> str | None:
    event = Event(
        seq=1,
        desk="JGB-01",
        epoch="0" * 32,
        event_id=envelope.get("event_id", new_id()),
        kind=envelope["kind"],
        recorded_at=envelope.get("recorded_at", "2026-11-02T08:00:00+07:00"),
        staff=envelope.get("staff", "siti"),
        request_id=envelope["request_id"],
        data=envelope["data"],
        prev_hash="0" * 64,
    )
    return problem(event, services)


@pytest.fixture(scope="module")
def template(world: World) -> Iterator[tuple[World, str, str, frozenset[str]]]:
    with Desk.open(world.root / "desk") as desk:
        request_id, receipt = first_request(desk)
    with Hub.open(world.root / "hub") as hub:
        services = known_services(hub.conn)
    yield world, request_id, receipt, services


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_broken_event_is_set_aside_alone(
    template: tuple[World, str, str, frozenset[str]], data: st.DataObject
) -> None:
    world, request_id, receipt, services = template
    _kind, envelope = data.draw(broken_event(request_id, receipt))
    assume(_bad(envelope, services) is not None)
    tmp = Path(tempfile.mkdtemp(prefix="contract-"))
    try:
        shutil.copytree(world.root / "hub", tmp / "hub")
        shutil.copytree(world.root / "desk", tmp / "desk")
        with Desk.open(tmp / "desk") as desk:
            register(desk, 1)
            fields = {k: envelope[k] for k in ("recorded_at", "event_id", "staff") if k in envelope}
            bad = forge(
                desk,
                envelope["kind"],
                envelope["data"],
                request_id=envelope["request_id"],
                **fields,
            )
            register(desk, 1)
        results = _ingest_all(tmp)
        assert [r.outcome for r in results] == ["accepted"], [r.message() for r in results]
        assert results[0].new_events == 3 and results[0].invalid_events == 1
        with Hub.open(tmp / "hub") as hub:
            [listed] = invalid_events(hub.conn)
            assert listed["seq"] == bad and listed["reason"]
            assert (
                hub.conn.execute("SELECT count(*) FROM events WHERE seq = ?", [bad]).fetchone()[0]
                == 1
            )
            [epoch] = epoch_acks(hub.conn, "JGB-01")
            assert epoch.contiguous == bad + 1
        check_district_still_works(tmp, world, extra_requests=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- old hubs


def test_a_hub_holding_bad_events_is_rechecked_when_it_upgrades(tmp_path: Path) -> None:
    """tests/data/sync-v1/hub.sqlite3 is a hub of the first release; give it the bad rows
    such a hub could hold, then open it with this version: they are marked, not counted."""
    sample = Path(__file__).parents[1] / "data" / "sync-v1"
    root = tmp_path / "hub"
    root.mkdir()
    shutil.copy(sample / "hub.sqlite3", root / "hub.sqlite3")
    conn = sqlite3.connect(root / "hub.sqlite3")
    ((desk, epoch, seq, prev),) = conn.execute(
        "SELECT desk, epoch, seq, hash FROM events ORDER BY seq DESC LIMIT 1"
    ).fetchall()
    rows = [
        ("survey_recorded", None, {"service": "SKTM", "scores": 5, "comment": ""}),
        ("request_registered", new_id(), {"receipt": "x", "citizen": 7}),
    ]
    for offset, (kind, rid, data) in enumerate(rows, start=1):
        conn.execute(
            "INSERT INTO events (desk, epoch, seq, event_id, kind, recorded_at, staff,"
            " request_id, data, prev_hash, hash, bundle_id, received_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'siti', ?, ?, ?, ?, 'b', '2026-11-29T10:00:00+00:00')",
            [
                desk,
                epoch,
                seq + offset,
                new_id(),
                kind,
                f"{MONTH}-02T10:00:00+07:00",
                rid,
                json.dumps(data),
                prev,
                f"{offset:064x}",
            ],
        )
    conn.commit()
    conn.close()
    with Hub.open(root) as hub:
        listed = {e["seq"]: e for e in invalid_events(hub.conn)}
        assert set(listed) == {seq + 1, seq + 2}
        assert "scores" in listed[seq + 1]["reason"]
        assert listed[seq + 2]["reason"].startswith("request_registered data.")
        period = stats.Period.month(MONTH)
        assert stats.skm(hub, period) == []  # the bad answer is not counted (and no crash)
        client = TestClient(Starlette(routes=dashboard_routes(hub)))
        assert client.get("/satisfaction").status_code == 200
        assert client.get("/").status_code == 200
        # the valid events of the first release are not touched: none is marked, its
        # request is still there
        assert [r["receipt"] for r in list_requests(hub)] == ["JGB-01-S8T-00001X"]


# --------------------------------------------------------------------------- reference data


def _refdata_samples() -> dict[str, Any]:
    import base64

    from counterdesk.domain.passwords import hash_password
    from counterdesk.services.setup import shipped_catalogue
    from counterdesk.sync.bundle import key_id

    public = Ed25519PrivateKey.generate().public_key()
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {
        "catalogue": shipped_catalogue(),
        "staff": {
            "accounts": [
                {
                    "name": "andi",
                    "full_name": "Andi",
                    "role": "counter",
                    "nip": "",
                    "password_hash": hash_password("rahasia1"),
                    "active": True,
                }
            ]
        },
        "letterhead": {"settings": {"letter_place": "Jagoi Babang"}},
        "holidays": {"holidays": [{"date": "2026-12-25", "name": "Hari Natal"}]},
        "offices": {
            "verify_url": "https://hub.example.go.id/verify",
            "emblem": None,
            "posts": {
                "Kecamatan Seluas": {
                    "letter_place": "Seluas",
                    "signer_name": "Drs. Antonius",
                    "signer_title": "Camat Seluas",
                }
            },
        },
        "desk_keys": {
            "desks": [
                {
                    "desk": "SLS-01",
                    "sign_public": base64.b64encode(raw).decode(),
                    "key_id": key_id(public),
                    "revoked": False,
                }
            ]
        },
        "revoked_letters": {
            "letters": [
                {"number": "470/0001/JGB-01/XI/2026", "desk": "JGB-01", "reason": "x", "at": ""}
            ]
        },
        "hub_notes": {
            "outcomes": [
                {
                    "outcome_id": new_id(),
                    "request_id": new_id(),
                    "receipt": "JGB-01-7KQ-00042X",
                    "outcome": "issued",
                    "agency": "Imigrasi",
                    "note": "",
                    "officer": "Rina",
                    "at": "2026-11-02T08:00:00+07:00",
                }
            ],
            "answers": [{"complaint_id": new_id(), "answer": "Maaf", "officer": "Rina", "at": ""}],
        },
    }


def _parse(kind: str, data: Any) -> None:
    """What a desk does with an item of ``kind`` before it installs anything."""
    from counterdesk.domain.catalogue import parse_catalogue
    from counterdesk.sync import refdata as schema
    from counterdesk.sync.offices import parse_offices

    parsers = {
        "staff": schema.parse_staff,
        "letterhead": schema.parse_letterhead,
        "holidays": schema.parse_holidays,
        "desk_keys": schema.parse_desk_keys,
        "revoked_letters": schema.parse_revoked_letters,
        "hub_notes": schema.parse_hub_notes,
        "offices": parse_offices,
    }
    if kind == "catalogue":  # as services.refdata installs it
        schema.declared(kind, data)
        parse_catalogue(data)
    else:
        parsers[kind](data)


REFDATA_SAMPLES = _refdata_samples()


def test_every_reference_data_kind_is_declared_and_the_samples_keep_it() -> None:
    from counterdesk.domain.contract import REFDATA, check_refdata
    from counterdesk.sync.payloads import REFDATA_KINDS

    assert set(REFDATA) == set(REFDATA_KINDS) == set(REFDATA_SAMPLES)
    for kind, data in REFDATA_SAMPLES.items():
        check_refdata(kind, data)
        _parse(kind, data)


@st.composite
def broken_refdata(draw: st.DrawFn) -> tuple[str, Any]:
    kind = draw(st.sampled_from(sorted(REFDATA_SAMPLES)))
    data = copy.deepcopy(REFDATA_SAMPLES[kind])
    wrong = draw(st.one_of(st.sampled_from(WRONG), st.integers(), st.text(max_size=300)))
    # walk down to a random container, then break one thing in it
    node: Any = data
    while True:
        children = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        assume(children)
        key = draw(st.sampled_from(children))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        how = draw(st.sampled_from(["value", "missing", "extra"]))
        if how == "value":
            node[key] = wrong
        elif how == "missing" and isinstance(node, dict):
            del node[key]
        elif isinstance(node, dict):
            node["unexpected"] = wrong
        else:
            node.append(wrong)
        return kind, data


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(broken=broken_refdata())
def test_broken_reference_data_is_refused_with_a_reason(broken: tuple[str, Any]) -> None:
    """The desk refuses (PayloadError, a one-line reason) whatever the contract refuses,
    and never fails any other way on what a hub sends."""
    from counterdesk.domain.contract import check_refdata
    from counterdesk.domain.errors import CounterdeskError

    kind, data = broken
    try:
        check_refdata(kind, data)
        declared_ok = True
    except ContractError:
        declared_ok = False
    try:
        _parse(kind, data)
    except CounterdeskError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert declared_ok, f"{kind}: the desk accepted what the contract refuses"


def test_the_hub_will_not_publish_a_catalogue_outside_the_contract(tmp_path: Path) -> None:
    from counterdesk.services.setup import shipped_catalogue

    hub_root = make_hub(tmp_path / "hub")
    raw = shipped_catalogue()
    raw["version"] += 1
    raw["services"][0]["fee"] = 10**15  # parse_catalogue takes it; the contract does not
    with Hub.open(hub_root) as hub, pytest.raises(ContractError, match=r"services\[0\]\.fee"):
        hub.publish_catalogue(raw)
