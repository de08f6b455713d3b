"""Hostile input: readers only ever raise their own clear errors.

Readers: the QR payload, CSV import, enrollment file and bundle file. A short run here
(hypothesis, a few hundred examples each); for a long run set
COUNTERDESK_FUZZ_EXAMPLES=100000. Every crash found becomes a test below.
"""

from __future__ import annotations

import contextlib
import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.qrpayload import parse_payload
from counterdesk.services.desk import Desk
from counterdesk.services.register import parse_csv, read_csv_file, register_csv
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import verify_payload
from counterdesk.sync.enrollment import read_enrollment

EXAMPLES = int(os.environ.get("COUNTERDESK_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VALID = (
    "CD1|L|LATIH-01|470/0001/LATIH-01/XI/2026|SKD|2026-11-29|NN|"
    "WnoklGBGdsdRcsH71VXx2wxEqJNfI_sZfk1rkNc2vWAI8fj5yrHHVfX7jiYy0hNX2c30zRQslF60vdFCCs4VBA"
)


def mutations() -> st.SearchStrategy[str]:
    """Valid-looking payloads with a few characters replaced, dropped or inserted."""

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        text = list(VALID)
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(text) - 1))
            op = draw(st.sampled_from(["replace", "drop", "insert"]))
            ch = draw(st.characters())
            if op == "replace":
                text[i] = ch
            elif op == "drop":
                del text[i]
            else:
                text.insert(i, ch)
        return "".join(text)

    return mutate()


@FUZZ
@given(st.one_of(st.text(max_size=500), mutations()))
def test_qr_parser_and_verifier(desk: Desk, text: str) -> None:
    with contextlib.suppress(CounterdeskError):
        parse_payload(text)
    verdict = verify_payload(desk, text)  # never raises
    if verdict.valid:
        assert verdict.payload is not None and verdict.payload.signed_text() in text


@FUZZ
@given(st.binary(max_size=2000))
def test_csv_bytes(data: bytes) -> None:
    with contextlib.suppress(CounterdeskError):
        parse_csv(read_csv_file(data))


CSV_CELLS = st.text(alphabet=st.characters(codec="utf-8"), max_size=20)


@FUZZ
@given(
    st.lists(
        st.lists(CSV_CELLS, min_size=0, max_size=8),
        min_size=0,
        max_size=6,
    ),
    st.booleans(),
)
def test_csv_rows_register_or_refuse(
    desk: Desk, session: StaffSession, rows: list[list[str]], skip: bool
) -> None:
    header = "service,name,nik,passport,nationality,field:address,field:purpose"
    lines = [header] + [",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows]
    before = desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0]
    try:
        result = register_csv(desk, session, "\n".join(lines), skip_invalid=skip)
    except CounterdeskError:
        after = desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        assert after == before  # a refused file registers nothing
        return
    after = desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0]
    assert after == before + len(result.registered)


@FUZZ
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(str.encode)))
def test_enrollment_reader(data: bytes) -> None:
    with contextlib.suppress(CounterdeskError):
        read_enrollment(data)


def _bundles() -> list[bytes]:
    """Real bundles of both formats, small enough that mutations reach every part."""
    from .sync.test_bundle import make

    noise = random.Random(7).randbytes(200)  # incompressible: several chunks of 64
    return [
        make(payload, format_version=version, **extra)
        for version in (1, 2)
        for payload, extra in ((PAYLOAD, {}), (noise, {"chunk_size": 64}))
    ]


PAYLOAD = b"x" * 40
BUNDLES = _bundles()


@st.composite
def damaged_bundles(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(BUNDLES)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "splice", "zero"]))
        i = draw(st.integers(0, len(data)))
        if op == "flip" and i < len(data):
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[i : i + draw(st.integers(1, 64))]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif op == "splice":
            other = draw(st.sampled_from(BUNDLES))
            j = draw(st.integers(0, len(other)))
            data[i:] = other[j:]
        elif op == "zero":
            data[i : i + 8] = bytes(len(data[i : i + 8]))
    return bytes(data)


@FUZZ
@given(st.one_of(damaged_bundles(), st.binary(max_size=600)), st.booleans())
def test_bundle_reader(data: bytes, resign_it: bool) -> None:
    """Damaged or random bundles: peek_header and read_bundle raise only BundleError, and a
    damaged bundle is never read as valid (re-signing makes the inner layers catch it)."""
    from counterdesk.sync.bundle import BundleError, peek_header

    from .sync.test_bundle import read, resign

    if resign_it:
        data = resign(data)
    with contextlib.suppress(BundleError):
        peek_header(data)
    try:
        header, _payload = read(data)
    except BundleError:
        return
    assert data in BUNDLES, "a damaged bundle was read as valid"
    assert header.sender == "JGB-01"
