"""Every page of the hub, signed in as an administrator, answers hostile addresses, query
strings and form bodies with a page or a 4xx -- never a 500 (the API has its own fuzzer in
test_api_schema.py)."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Route
from starlette.testclient import TestClient

from counterdesk.hub import auth
from counterdesk.hub.app import create_app
from counterdesk.hub.hub import Hub

from ..sync.helpers import make_hub
from .test_auth import ADMIN, PASSWORD, sign_in

EXAMPLES = int(os.environ.get("COUNTERDESK_FUZZ_EXAMPLES", "60"))
HOSTILE_QUERIES = [
    "month=%ff%fe",
    "month=2026-13",
    "month=0000-00&from=x&to=y",
    "from=2026-12-31&to=2026-01-01",
    "post=%00&service=%27%22%3C",
    "service=" + "A" * 5000,
    "page=-1&limit=999999999999999999999",
    "next=%2F%2Fevil.example",
    "a&&==&b",
]


@pytest.fixture(scope="module")
def hub_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_hub(tmp_path_factory.mktemp("hostile") / "hub")
    with Hub.open(root) as hub:
        auth.add_officer(hub, ADMIN, role="admin", password=PASSWORD, full_name="Rina Wati")
    return root


@pytest.fixture(scope="module")
def signed_in(hub_root: Path) -> Iterator[tuple[TestClient, str]]:
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as client:
        yield client, sign_in(client)


def _paths(client: TestClient, method: str) -> list[str]:
    out = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Route) and method in (route.methods or ()):
            path = re.sub(r"\{[^}]+\}", "SKTM", route.path)
            if not path.startswith("/api/") and path != "/logout":
                out.append(path)
    return out


def test_get_pages_with_hostile_queries(signed_in: tuple[TestClient, str]) -> None:
    client, _ = signed_in
    paths = _paths(client, "GET")
    assert {"/", "/verify", "/admin/catalogue"} <= set(paths)
    for path in paths:
        for query in HOSTILE_QUERIES:
            r = client.get(f"{path}?{query}", follow_redirects=False)
            assert r.status_code < 500, (path, query, r.text[:300])


def _raw_get(client: TestClient, path: bytes, query: bytes) -> int:
    """Bytes that are not UTF-8, straight into the ASGI app (no client would encode them)."""
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path.decode("latin-1"),
        "raw_path": path,
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(client.app(scope, receive, send))  # type: ignore[arg-type]
    return statuses[0]


def test_addresses_that_are_not_utf8_get_400(signed_in: tuple[TestClient, str]) -> None:
    client, _ = signed_in
    for path in (b"/", b"/verify", b"/requests", b"/api/v1/", b"/admin/%ff"):
        assert _raw_get(client, path, b"\xff\xfe=1") == 400, path
    assert _raw_get(client, b"/admin/%ff%fe", b"") == 400


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "code",
                "post",
                "name",
                "date",
                "fee",
                "days",
                "reason",
                "password",
                "role",
                "desk",
                "number",
                "outcome",
                "answer",
                "note",
                "key",
                "value",
                "req_1_key",
                "req_1_text",
                "fee_note",
                "template",
                "full_name",
                "x",
            ]
        ),
        st.one_of(
            st.text(max_size=300),
            st.sampled_from(["-1", "1e309", "2026-02-30", "NaN", "99999999999999999999"]),
        ),
        max_size=8,
    ),
    index=st.integers(min_value=0, max_value=10_000),
)
def test_post_forms_with_hostile_fields(
    signed_in: tuple[TestClient, str], fields: dict[str, str], index: int
) -> None:
    client, token = signed_in
    paths = [p for p in _paths(client, "POST") if p != "/login"]
    path = paths[index % len(paths)]
    r = client.post(path, data={**fields, "csrf_token": token}, follow_redirects=False)
    assert r.status_code < 500, (path, fields, r.text[:300])


PERIOD_PAGES = ["/", "/requests", "/times", "/satisfaction", "/reports", "/reports/go"]
BAD_PERIODS = [
    "month=9999-12",
    "month=0000-01",
    "month=1999-12",
    "month=2101-01",
    "from=9999-12-31&to=9999-12-31",
    "from=0001-01-01&to=0001-01-02",
    "from=2026-01-01&to=9999-12-31",
    "from=2000-01-01&to=2100-12-31",  # too long at once
    "month=2026-00",
    "from=2026-02-30&to=2026-03-01",
]


@pytest.mark.parametrize("query", BAD_PERIODS)
@pytest.mark.parametrize("path", PERIOD_PAGES)
def test_periods_out_of_range_get_400_with_a_message(
    signed_in: tuple[TestClient, str], path: str, query: str
) -> None:
    client, _ = signed_in
    if path == "/reports/go" and not query.startswith("month="):
        query = "month=9999-12"  # that page takes a month only
    r = client.get(f"{path}?{query}", follow_redirects=False)
    assert r.status_code == 400, (path, query, r.text[:300])
    assert re.search(r"YYYY-MM|outside the years|longer than|before it starts", r.text)


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "2101-01", "1999-12"])
@pytest.mark.parametrize("kind", ["pdf", "csv", "zip"])
def test_report_files_for_months_out_of_range_get_400(
    signed_in: tuple[TestClient, str], month: str, kind: str
) -> None:
    client, _ = signed_in
    r = client.get(f"/reports/{month}.{kind}")
    assert r.status_code == 400 and "outside the years" in r.text


def test_the_report_command_refuses_a_month_out_of_range(
    hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from counterdesk.hub.cli import main as hub_main

    out = tmp_path / "r.pdf"
    args = ["--data-dir", str(hub_root), "report", "--out", str(out), "--month"]
    for month in ("9999-12", "0000-01"):
        with pytest.raises(SystemExit) as usage:
            hub_main([*args, month])
        assert usage.value.code == 2
        assert "--month: '" + month + "' is outside the years" in capsys.readouterr().err
    assert not out.exists()
