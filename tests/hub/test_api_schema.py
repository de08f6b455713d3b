"""The desk API against its OpenAPI description: complete, honest, and never a 500.

Two fuzzers, both in-process against the ASGI app: schemathesis from the served
description, and hypothesis driving every described operation with real signed
bundles from an enrolled desk, mutated (bit flips, truncation, splices), random bytes,
wrong and lying headers, query strings, long ids and chunked bodies. Every answer
must be below 500, and every refusal the JSON ``{"error", "code"}`` shape.

CI-sized by default (about 200 examples each); set COUNTERDESK_FUZZ_EXAMPLES for a
long run, as for tests/test_fuzz.py.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import anyio
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.routing import Route

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.app import MAX_BUNDLE_BODY, MAX_HELLO_BODY, MAX_HTTP_PAYLOAD, create_app
from counterdesk.hub.hub import Hub
from counterdesk.hub.openapi import API_PREFIX, openapi_description
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import outgoing
from counterdesk.services.sync_http import hello_bundle
from counterdesk.services.sync_link import load_link

from ..sync.helpers import enrollment_bytes, make_desk, make_hub, register

FUZZ_EXAMPLES = os.environ.get("COUNTERDESK_FUZZ_EXAMPLES")
EXAMPLES = int(FUZZ_EXAMPLES or "200")
SCHEMATHESIS_EXAMPLES = int(FUZZ_EXAMPLES or "30")  # per operation: seven operations
DESCRIPTION = openapi_description(
    max_bundle_body=MAX_BUNDLE_BODY, max_hello_body=MAX_HELLO_BODY, max_payload=MAX_HTTP_PAYLOAD
)
METHODS = ("get", "put", "post", "delete", "patch", "options", "head")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    limit: int | None  # body limit in bytes; None: takes no body
    ok_schema: str | None  # the 200 answer's schema name when it is JSON


def _operations() -> list[Operation]:
    out = []
    for path, item in DESCRIPTION["paths"].items():
        for method, op in item.items():
            body = op.get("requestBody")
            ok = op["responses"]["200"]["content"]
            ref = ok.get("application/json", {}).get("schema", {}).get("$ref", "")
            out.append(
                Operation(
                    method.upper(),
                    path,
                    body["x-max-bytes"] if body else None,
                    ref.rsplit("/", 1)[-1] or None,
                )
            )
    return out


OPERATIONS = _operations()


@dataclass
class Samples:
    """Real bundles from an enrolled desk: what the fuzzer mutates."""

    hello: bytes
    events: list[tuple[str, bytes]]  # (bundle id, bytes)


@pytest.fixture(scope="module")
def hub_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hub(tmp_path_factory.mktemp("api-schema") / "hub")


@pytest.fixture(scope="module")
def samples(hub_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Samples:
    root = tmp_path_factory.mktemp("api-schema-desk") / "desk"
    with Desk.open(make_desk(root, enrollment_bytes(hub_root))) as desk:
        register(desk, 3)
        events = [(b.bundle_id, b.data) for b in outgoing(desk, max_payload=600)]
        return Samples(hello_bundle(desk, load_link(desk)), events)


@pytest.fixture(scope="module")
def app(hub_root: Path) -> Iterator[Starlette]:
    with Hub.open(hub_root) as hub:
        yield create_app(hub)


# -- the description matches the application ----------------------------------


def _api_routes(app: Starlette) -> set[tuple[str, str]]:
    out = set()
    for route in app.routes:
        if isinstance(route, Route) and route.path.startswith(API_PREFIX):
            out |= {(m.lower(), route.path) for m in route.methods or () if m != "HEAD"}
    return out


def test_every_api_route_is_described_and_nothing_else(app: Starlette) -> None:
    described = {(method, path) for path, item in DESCRIPTION["paths"].items() for method in item}
    assert _api_routes(app) == described
    assert len(described) == 6


def test_the_description_is_served_and_resolves(app: Starlette) -> None:
    with TestClient(app) as client:
        r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    served = r.json()
    assert served == json.loads(json.dumps(DESCRIPTION))
    assert served["openapi"].startswith("3.0")
    text = json.dumps(served)
    for ref in {part.split('"')[0] for part in text.split('"$ref": "')[1:]}:
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[-1] in served["components"]["schemas"], ref
    for op in OPERATIONS:
        if op.limit is not None:
            assert op.limit in (MAX_BUNDLE_BODY, MAX_HELLO_BODY)
            responses = served["paths"][op.path][op.method.lower()]["responses"]
            assert {"400", "403", "413", "415"} <= set(responses), op


# -- the hardening, one case at a time ----------------------------------------


def _assert_refusal(response: Any, status: int, reason: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    answer = response.json()
    assert set(answer) == {"error", "code"} and reason in answer["error"], answer


def test_refusals_say_why(app: Starlette, samples: Samples) -> None:
    bid, data = samples.events[0]
    octets = {"content-type": "application/octet-stream"}
    with TestClient(app) as client:
        r = client.post("/api/v1/exchange", content=data, headers={"content-type": "text/plain"})
        _assert_refusal(r, 415, "application/octet-stream")
        r = client.post(
            "/api/v1/hello", content=b"{}", headers={"content-type": "application/json"}
        )
        _assert_refusal(r, 415, "not 'application/json'")
        r = client.post("/api/v1/exchange?debug=1", content=data, headers=octets)
        _assert_refusal(r, 400, "takes no query parameters (got 'debug')")
        _assert_refusal(client.get("/api/v1/?x=1&y=2"), 400, "'x', 'y'")
        r = client.delete(f"/api/v1/bundles/{bid}")
        _assert_refusal(r, 405, "Method Not Allowed")
        assert r.headers["allow"] == "PUT"
        r = client.get("/api/v1/exchange")
        _assert_refusal(r, 405, "Method Not Allowed")
        assert r.headers["allow"] == "POST"
        r = client.put(f"/api/v1/bundles/{'a' * 60_000}", content=data)
        _assert_refusal(r, 400, "not 32 hex characters")
        r = client.put("/api/v1/bundles/" + quote("é" * 40), content=data)
        _assert_refusal(r, 400, "not 32 hex characters")
        _assert_refusal(client.get("/api/v1/" + "x" * 20_000), 404, "Not Found")
        for length in ("-1", "abc", "1e3", "99999999999999999999999"):
            r = client.post("/api/v1/exchange", content=data, headers={"content-length": length})
            _assert_refusal(r, 413 if length.startswith("9") else 400, "Content-Length")
        r = client.post(
            "/api/v1/exchange", content=data, headers={"content-length": str(len(data) - 1)}
        )
        _assert_refusal(r, 400, f"the body has {len(data)} bytes but its Content-Length says")
        r = client.put(f"/api/v1/bundles/{bid}", content=b"x" * (MAX_BUNDLE_BODY + 1))
        _assert_refusal(r, 413, "larger than")

        def chunks(size: int) -> Iterator[bytes]:  # no Content-Length: chunked
            for _ in range(size // 65536 + 1):
                yield b"\0" * 65536

        r = client.post("/api/v1/hello", content=chunks(MAX_HELLO_BODY * 2))
        _assert_refusal(r, 413, f"larger than {MAX_HELLO_BODY} bytes")
        # a real bundle with the real media type still goes through
        r = client.post("/api/v1/exchange", content=data, headers=octets)
        assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"


# -- schemathesis, from the served description ----------------------------------
# (schemathesis' own pytest integration, ``from_fixture``, does not run under pytest 9,
# so its hypothesis strategies are driven here directly: the same cases and checks.)


def _schemathesis_run(operation: Any, seen: set[int], excluded: list[Any]) -> None:
    strategy = operation.as_strategy(
        generation_mode=schemathesis.GenerationMode.POSITIVE
    ) | operation.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE)

    @settings(
        max_examples=SCHEMATHESIS_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def check(case: Any) -> None:
        response = case.call()
        seen.add(response.status_code)
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
        if response.status_code >= 400:
            assert set(response.json()) == {"error", "code"}, response.text
        case.validate_response(response, excluded_checks=excluded)

    check()


def test_schemathesis_finds_no_server_error(app: Starlette) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    # schemathesis leaves out the address it read the description from
    assert {(o.method.upper(), o.path) for o in operations} == {
        (o.method, o.path) for o in OPERATIONS if not o.path.endswith("openapi.json")
    }
    # a bundle cannot be described by a JSON schema: random bytes are rightly refused
    excluded = [schemathesis.checks.positive_data_acceptance]
    statuses: dict[str, set[int]] = {}
    for operation in operations:
        seen = statuses.setdefault(f"{operation.method.upper()} {operation.path}", set())
        _schemathesis_run(operation, seen, excluded)
    assert statuses["GET /api/v1/"] == {200}
    for name, seen in statuses.items():
        assert seen, name


# -- hypothesis, with real bundles ----------------------------------------------


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "drop", "set"]))
        i = draw(st.integers(0, max(0, len(out) - 1)))
        if kind == "flip" and out:
            out[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del out[i:]
        elif kind == "insert":
            out[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "drop":
            del out[i : i + draw(st.integers(1, 64))]
        else:
            out[i : i + 4] = draw(st.sampled_from([b"\0\0\0\0", b"\xff\xff\xff\xff", b"\x7f"]))
    return bytes(out)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: bytes
    headers: list[tuple[bytes, bytes]]
    chunks: list[bytes]


@st.composite
def requests(draw: st.DrawFn, samples: Samples) -> tuple[Operation, Request]:
    op = draw(st.sampled_from(OPERATIONS))
    real = [samples.hello, *(data for _, data in samples.events)]
    if op.limit is None:
        body = draw(st.sampled_from([b"", b"x"]))
    else:
        body = draw(
            st.one_of(
                st.sampled_from(real),
                st.binary(max_size=2048),
                st.just(b""),
                st.just(b"\0" * (op.limit + 1)),
                st.tuples(st.sampled_from(real), st.sampled_from(real)).map(
                    lambda pair: pair[0][: len(pair[0]) // 2] + pair[1][len(pair[1]) // 2 :]
                ),
            )
        )
        if draw(st.integers(0, 3)) > 0 and body:  # mostly mutated
            body = _mutate(body, draw)
    path = op.path
    if "{bundle_id}" in path:
        ids = [bid for bid, _ in samples.events]
        bundle_id = draw(
            st.one_of(
                st.sampled_from(ids),
                st.text(alphabet="0123456789abcdef", min_size=32, max_size=32),
                st.text(min_size=1, max_size=300).filter(lambda t: "/" not in t),
                st.integers(33, 20_000).map(lambda n: "f" * n),
            )
        )
        path = path.replace("{bundle_id}", quote(bundle_id, safe=""))
    method = op.method
    if draw(st.integers(0, 9)) == 0:
        method = draw(st.sampled_from(METHODS)).upper()
    headers: list[tuple[bytes, bytes]] = []
    media = draw(
        st.sampled_from(
            [None, "application/octet-stream", "application/octet-stream; x=1", "random"]
        )
    )
    if media == "random":
        media = draw(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255)))
    if media is not None:
        headers.append((b"content-type", media.encode("latin-1")))
    length = draw(st.sampled_from(["true", "none", "lie", "junk"]))
    if length == "true":
        headers.append((b"content-length", str(len(body)).encode()))
    elif length == "lie":
        headers.append((b"content-length", str(draw(st.integers(0, 3 * len(body) + 10))).encode()))
    elif length == "junk":
        junk = draw(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255)))
        headers.append((b"content-length", junk.encode("latin-1")))
    query = b""
    if draw(st.integers(0, 7)) == 0:
        query = draw(st.binary(max_size=200)).replace(b" ", b"+")
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=4)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return op, Request(method, path, query, headers, chunks)


def _call(app: Starlette, request: Request) -> tuple[int, dict[str, str], bytes]:
    """One request through the ASGI interface, the body in the given chunks."""
    messages = [
        {"type": "http.request", "body": chunk, "more_body": i < len(request.chunks) - 1}
        for i, chunk in enumerate(request.chunks)
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": "http",
        "path": unquote(request.path),
        "raw_path": request.path.encode(),
        "query_string": request.query,
        "root_path": "",
        "headers": [(b"host", b"hub"), *request.headers],
        "client": ("127.0.0.1", 50000),
        "server": ("hub", 80),
    }

    async def run() -> None:
        await app(scope, receive, send)

    anyio.run(run)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in start["headers"]}
    return int(start["status"]), headers, body


def _required(schema_name: str) -> set[str]:
    return set(DESCRIPTION["components"]["schemas"][schema_name]["required"])


def test_hypothesis_with_real_bundles_finds_no_server_error(
    app: Starlette, samples: Samples
) -> None:
    seen: set[int] = set()

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        op, request = data.draw(requests(samples))
        status, headers, body = _call(app, request)
        seen.add(status)
        assert status < 500, (op, request.method, request.path[:80], body[:300])
        if request.method == "HEAD":
            return
        if status >= 400:
            assert headers["content-type"] == "application/json", (status, headers)
            answer = json.loads(body)
            assert set(answer) == {"error", "code"}, answer
            assert all(isinstance(v, str) and v for v in answer.values()), answer
        elif status == 200 and op.ok_schema and request.method == op.method:
            assert _required(op.ok_schema) <= set(json.loads(body)), (op, body[:300])

    check()
    assert 200 in seen and 400 in seen  # both real bundles and refusals got through
