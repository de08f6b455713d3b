"""The public page where anyone checks a letter or receipt: ``/verify`` (no login).

Banks and police in the field paste the scanned QR text, or type a letter number that the
hub looks up in the ``letter_issued`` events it has received, and get one big verdict:
ASLI / GENUINE, TIDAK SAH / NOT VALID, or DICABUT / REVOKED with the reason.

=====================  ==================================================================
``GET  /verify``       the form (Indonesian, English below; no JavaScript, tiny inline CSS)
``GET  /verify?code=`` the verdict for ``code`` (a QR payload or a letter number; with
                       ``&desk=CODE`` when the number does not name its desk)
``POST /verify``       the same from the form (``application/x-www-form-urlencoded``)
=====================  ==================================================================

The page shows no more than the paper does: kind, number, service, date, issuing desk and
its post, and the citizen's initials (never a name or NIK). Nothing is changed, so there is
no CSRF token and no cookie; every answer is ``no-store`` with a strict CSP. Bad input
(over 500 characters, control characters) gets a 400 page with the reason, never a 500.

A letter number is looked up together with its desk -- the desk code the number names
(``470/0001/JGB-01/XI/2026``) or the ``desk`` field -- in that desk's own events only, and its
revocation is that desk's only: another desk (even one that records a letter with the same
number, or has it revoked) cannot make a genuine letter look "not valid". Lookups are
rate-limited per client address and per letter number (a 429 page says when to try again).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.numbering import check_desk_code
from counterdesk.domain.qrpayload import parse_payload
from counterdesk.hub.hub import Hub
from counterdesk.hub.limits import SlowBody, chunks_within_deadline
from counterdesk.hub.refdata import verify
from counterdesk.hub.templating import templates
from counterdesk.hub.throttle import (
    VERIFY_PER_ADDRESS,
    VERIFY_PER_NUMBER,
    Throttle,
    client_address,
)
from counterdesk.store.errors import StoreBusy, StoreError
from counterdesk.sync import payloads
from counterdesk.sync.verify import desks_in_number

log = logging.getLogger("counterdesk.hub.verify")

MAX_INPUT = 500
MAX_FORM_BODY = 4096
_NUMBER = re.compile(r"[A-Za-z0-9/.\-]{1,60}")

HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
}

# Verdict reasons (English, from sync.verify) by prefix -> the Indonesian line shown above.
_REASONS_ID = (
    ("bad signature", "Tanda tangan tidak cocok: kode ini diubah atau dipalsukan."),
    ("unknown desk", "Kode ini dibuat oleh loket yang tidak dikenal di kabupaten ini."),
    ("revoked desk", "Loket penerbit telah dicabut oleh kabupaten; kodenya tidak berlaku."),
    ("malformed payload", "Ini bukan kode counterdesk yang dapat dibaca."),
)
_KINDS = {"L": ("Surat", "Letter"), "R": ("Tanda terima", "Receipt")}


class BadInput(Exception):
    def __init__(self, reason_id: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_id = reason_id
        self.reason_en = reason_en


@dataclass(frozen=True)
class Result:
    state: str  # "genuine" | "invalid" | "revoked" | "not_found"
    reason_en: str = ""
    reason_id: str = ""
    details: dict[str, Any] | None = None


def check_input(raw: str) -> str:
    """The pasted text, trimmed; BadInput when too long or holding control characters."""
    text = raw.strip()
    if len(text) > MAX_INPUT:
        raise BadInput(
            f"Teks terlalu panjang (lebih dari {MAX_INPUT} karakter).",
            f"The text is too long (more than {MAX_INPUT} characters).",
        )
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text):
        raise BadInput(
            "Teks berisi karakter kontrol; tempel ulang hasil pindaian QR.",
            "The text holds control characters; paste the scanned QR text again.",
        )
    return text


def _service_name(hub: Hub, code: str) -> tuple[str, str]:
    try:
        with hub.lock:
            item = hub.refdata(payloads.CATALOGUE)
        if item is not None:
            name = parse_catalogue(item.data).get(code).name
            return name.id, name.en
    except CounterdeskError:
        pass
    return code, code


def _post(hub: Hub, desk: str) -> str:
    with hub.lock:
        row = hub.conn.execute("SELECT post FROM desks WHERE code = ?", [desk]).fetchone()
    return str(row[0]) if row else ""


def _issuers(hub: Hub, number: str) -> list[str]:
    """The desks whose received ``letter_issued`` events carry ``number`` (as typed or
    upper-case)."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT DISTINCT desk FROM events WHERE kind = 'letter_issued'"
            " AND json_extract(data, '$.number') IN (?, ?) ORDER BY desk",
            [number, number.upper()],
        ).fetchall()
    return [str(r[0]) for r in rows]


def _desk_for(hub: Hub, number: str, desk: str) -> str | None:
    """The desk whose letter ``number`` is looked up: the ``desk`` field; else the desk code
    the number names (its ``{unit}`` part); else, for a number naming none, the only desk
    that issued it (narrowed to the desks of a post the number names, e.g. ``JGB``). None
    when no desk issued it; BadInput (asking for the desk) when several did."""
    if desk.strip():
        try:
            return check_desk_code(desk)
        except ValidationError:
            raise BadInput(
                "Kode loket tidak sah; tulis seperti JGB-01.",
                "The desk code is not valid; write it like JGB-01.",
            ) from None
    named = desks_in_number(number)
    if len(named) == 1:
        return named[0]
    if not named:
        found = _issuers(hub, number)
        parts = {part.strip().upper() for part in number.split("/")}
        at_post = [d for d in found if d.split("-")[0] in parts]
        found = at_post or found
        if not found:
            return None
        if len(found) == 1:
            return found[0]
    raise BadInput(
        "Nomor ini tidak menyebut satu loket penerbit; isi juga kode loket yang tertera pada "
        "surat (mis. JGB-01), atau pindai kode QR-nya.",
        "This number does not name one issuing desk; also fill in the desk code printed on "
        "the letter (e.g. JGB-01), or scan its QR code.",
    )


def _lookup_number(hub: Hub, desk: str, number: str) -> str | None:
    """The QR payload of letter ``number`` from ``desk``'s own received events, if any."""
    with hub.lock:
        for candidate in dict.fromkeys((number, number.upper())):
            row = hub.conn.execute(
                "SELECT json_extract(data, '$.payload') FROM events"
                " WHERE desk = ? AND kind = 'letter_issued'"
                " AND json_extract(data, '$.number') = ?"
                " ORDER BY recorded_at, seq LIMIT 1",
                [desk, candidate],
            ).fetchone()
            if row is not None and isinstance(row[0], str):
                return str(row[0])
    return None


def _matches(payload_text: str, desk: str, number: str) -> bool:
    """The payload a desk recorded is for its own letter of that number (a desk cannot
    present another desk's letter as the one behind its number)."""
    try:
        p = parse_payload(payload_text)
    except ValidationError:
        return True  # unreadable: verify() says so
    return p.desk == desk and p.number.upper() == number.upper()


def lookup_key(text: str, desk: str = "") -> str | None:
    """What a lookup of ``text`` is counted under by the per-number limit: ``DESK NUMBER``
    for a letter number, None for a QR payload (it needs a signature: nothing to guess)."""
    if "|" in text or not _NUMBER.fullmatch(text):
        return None
    return f"{desk.strip().upper()} {text.upper()}"


def check(hub: Hub, text: str, desk: str = "") -> Result:
    """The verdict for ``text`` (already through :func:`check_input`); a letter number is
    looked up with its desk (``desk``, or the one the number names)."""
    if not text:
        raise BadInput(
            "Kosong: tempel teks QR atau ketik nomor surat.",
            "Empty: paste the QR text or type a letter number.",
        )
    if "|" not in text:
        if not _NUMBER.fullmatch(text):
            raise BadInput(
                "Ini bukan kode QR counterdesk maupun nomor surat.",
                "This is neither a counterdesk QR code nor a letter number.",
            )
        issuer = _desk_for(hub, text, desk)
        found = None if issuer is None else _lookup_number(hub, issuer, text)
        if issuer is None or found is None:
            return Result("not_found")
        if not _matches(found, issuer, text):
            log.warning(
                "verify: desk %s recorded letter %s with another letter's code", issuer, text
            )
            return Result(
                "invalid",
                f"desk {issuer}'s record of {text} carries the code of another letter",
                "Catatan loket untuk nomor ini memuat kode surat lain; surat ini tidak sah.",
            )
        text = found
    verdict = verify(hub, text)
    p = verdict.payload
    if verdict.valid and p is not None:
        state = "genuine"
    elif p is not None and verdict.reason.startswith("revoked letter: "):
        state = "revoked"
    else:
        reason_id = next(
            (i for prefix, i in _REASONS_ID if verdict.reason.startswith(prefix)),
            "Kode ini tidak sah.",
        )
        return Result("invalid", verdict.reason, reason_id)
    service_id, service_en = _service_name(hub, p.service)
    kind_id, kind_en = _KINDS.get(p.kind, (p.kind, p.kind))
    details = {
        "kind_id": kind_id,
        "kind_en": kind_en,
        "number": p.number,
        "service_id": service_id,
        "service_en": service_en,
        "service_code": p.service,
        "date": p.date,
        "desk": p.desk,
        "post": _post(hub, p.desk),
        "initials": p.initials,
    }
    reason = verdict.reason.removeprefix("revoked letter: ") if state == "revoked" else ""
    return Result(state, reason, reason, details)


def _shown(raw: str) -> str:
    return "".join(ch for ch in raw[:20] if unicodedata.category(ch)[0] != "C")


class VerifyPage:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.per_address = Throttle(VERIFY_PER_ADDRESS)
        self.per_number = Throttle(VERIFY_PER_NUMBER)

    def _throttled(self, scope: Scope, text: str, desk: str) -> Response | None:
        """A 429 page when this address, or this letter number, was checked too often."""
        wait = self.per_address.claim(client_address(scope))
        key = lookup_key(text, desk) if wait is None else None
        if wait is None and key is not None:
            wait = self.per_number.claim(key)
        if wait is None:
            return None
        log.warning("verify: lookups throttled (%s)", "number" if key else "address")
        response = self._page(
            429,
            error=BadInput(
                f"Terlalu banyak pemeriksaan dalam waktu singkat; coba lagi dalam {wait} detik.",
                f"Too many checks in a short time; try again in {wait} seconds.",
            ),
        )
        response.headers["Retry-After"] = str(wait)
        return response

    def _page(self, status: int, **context: Any) -> Response:
        context.setdefault("code", "")
        context.setdefault("desk", "")
        context.setdefault("result", None)
        context.setdefault("error", None)
        html = (
            templates()
            .get_template("verify.html")
            .render(district=self.hub.info.district, max_input=MAX_INPUT, **context)
        )
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    async def _answer(self, scope: Scope, raw: str, desk: str = "") -> Response:
        try:
            text = check_input(raw)
            desk = check_input(desk)[:20]
            refused = self._throttled(scope, text, desk)
            if refused is not None:
                return refused
            result = await run_in_threadpool(check, self.hub, text, desk)
        except BadInput as bad:
            shown = raw if len(raw) <= MAX_INPUT else ""
            shown = "".join(ch for ch in shown if unicodedata.category(ch)[0] != "C")
            return self._page(400, code=shown, desk=_shown(desk), error=bad)
        except StoreBusy:
            return self._page(503, error=BadInput("Server sibuk; coba lagi.", "Busy; try again."))
        except StoreError as exc:
            log.error("verify page: hub database error: %s", exc)
            return self._page(
                503,
                error=BadInput(
                    "Server tidak dapat membuka datanya sekarang; coba lagi nanti.",
                    "The hub cannot use its database right now; try again later.",
                ),
            )
        status = 404 if result.state == "not_found" else 200
        return self._page(status, code=text, desk=desk, result=result)

    async def get(self, request: Request) -> Response:
        code = request.query_params.get("code")
        if code is None:
            return self._page(200)
        return await self._answer(request.scope, code, request.query_params.get("desk", ""))

    async def post(self, request: Request) -> Response:
        body = b""
        try:
            async for chunk in chunks_within_deadline(request.stream()):
                body += chunk
                if len(body) > MAX_FORM_BODY:
                    return self._page(
                        400,
                        error=BadInput(
                            f"Teks terlalu panjang (lebih dari {MAX_INPUT} karakter).",
                            f"The text is too long (more than {MAX_INPUT} characters).",
                        ),
                    )
        except ClientDisconnect:
            return Response(status_code=400, headers=HEADERS)
        except SlowBody:
            return self._page(
                408,
                error=BadInput(
                    "Formulir datang terlalu lambat; kirim ulang.",
                    "The form arrived too slowly; send it again.",
                ),
            )
        try:
            fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
        except (UnicodeDecodeError, ValueError):
            fields = {}
        values = fields.get("code")
        if not values:
            return self._page(
                400,
                error=BadInput("Formulir tidak berisi kode.", "The form holds no code to check."),
            )
        return await self._answer(request.scope, values[0], (fields.get("desk") or [""])[0])


def verify_routes(hub: Hub) -> list[Route]:
    page = VerifyPage(hub)
    return [
        Route("/verify", page.get, methods=["GET"]),
        Route("/verify", page.post, methods=["POST"]),
    ]
