"""Officers' pages for referrals and complaints: ``/referrals`` and ``/complaints``.

=========================  ===========================================================
``GET  /referrals``        referrals still waiting for the other agency (a form for each
                           to record its outcome) and those with an outcome
``POST /referrals``        record an outcome (``desk``, ``receipt``, ``outcome``, ``note``)
``GET  /complaints``       open complaints (a form for each to answer) and answered ones
``POST /complaints``       answer one (``complaint_id``, ``answer``)
=========================  ===========================================================

Each form calls the same operation as the ``counterdesk-hub`` command
(:mod:`counterdesk.hub.citizen`); the desk gets what was recorded with its next replies.
Forms are plain HTML with the session's CSRF token (checked by the sign-in middleware);
a body over :data:`MAX_FORM_BODY` bytes is refused. A refused input is shown above the
lists in Indonesian, with the English reason below it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final
from urllib.parse import parse_qs, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.lifecycle import OUTCOME_LABELS_ID
from counterdesk.hub.citizen import (
    answer_complaint,
    list_complaints,
    list_referrals,
    record_referral_outcome,
)
from counterdesk.hub.hub import Hub
from counterdesk.hub.templating import render

MAX_FORM_BODY: Final = 8192
OUTCOME_LABELS: Final = OUTCOME_LABELS_ID
CHANNEL_LABELS: Final = {
    "counter": "Loket",
    "phone": "Telepon",
    "sms": "SMS",
    "letter": "Surat",
    "box": "Kotak pengaduan",
    "other": "Lainnya",
}
MESSAGES_ID: Final = {
    "request_unknown": "Permohonan itu belum sampai di hub (meja belum sinkron?).",
    "referral_not_referred": "Permohonan itu tidak pernah dirujuk ke instansi lain.",
    "referral_outcome_unknown": "Pilih hasil: diterbitkan, ditolak, atau masih diproses.",
    "note_long": "Catatan terlalu panjang (paling banyak 200 karakter).",
    "refdata_invalid": "Isian tidak boleh kosong, harus satu baris dan tidak terlalu panjang.",
    "complaint_unknown": "Pengaduan itu belum sampai di hub.",
    "complaint_number": "Nomor pengaduan tidak sah.",
    "complaint_answered": "Pengaduan itu sudah dijawab.",
    "receipt_format": "Nomor tanda terima tidak sah.",
    "receipt_check": "Nomor tanda terima salah ketik.",
    "desk_code": "Kode meja tidak sah.",
}


class _FormTooLarge(Exception):
    pass


async def _form(request: Request) -> dict[str, str]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BODY:
            raise _FormTooLarge
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in fields.items()}


def _officer(request: Request) -> str:
    officer = getattr(request.state, "officer", None)
    return str(getattr(officer, "name", "") or "hub")


def citizen_routes(hub: Hub) -> list[BaseRoute]:
    def page(request: Request, status: int = 200, **extra: Any) -> Response:
        path = request.url.path
        if path == "/referrals":
            rows = list_referrals(hub)

            def waiting(r: dict[str, Any]) -> bool:
                return bool(r["status"] == "referred" and r["outcome"] in ("", "pending"))

            context: dict[str, Any] = {
                "pending": [r for r in rows if waiting(r)],
                "done": [r for r in rows if not waiting(r)][:200],
                "outcome_labels": OUTCOME_LABELS,
            }
            template = "citizen_referrals.html"
        else:
            rows = list_complaints(hub)
            context = {
                "open": [r for r in rows if r["status"] == "open"],
                "answered": [r for r in rows if r["status"] == "answered"][:200],
                "channel_labels": CHANNEL_LABELS,
            }
            template = "citizen_complaints.html"
        context["done_message"] = request.query_params.get("ok", "")[:100]
        context["district"] = hub.info.district
        context.update(extra)
        return render(request, template, context, status=status)

    def error(exc: CounterdeskError) -> dict[str, str]:
        return {"id": MESSAGES_ID.get(exc.code, "Isian ditolak."), "en": exc.message}

    async def show(request: Request) -> Response:
        return await run_in_threadpool(page, request)

    def post(action: Callable[[dict[str, str], str], str]) -> Any:
        async def endpoint(request: Request) -> Response:
            try:
                form = await _form(request)
            except _FormTooLarge:
                too_big = {"id": "Formulir terlalu besar.", "en": "The form is too large."}
                return await run_in_threadpool(page, request, 413, error=too_big)
            except ClientDisconnect:
                return Response(status_code=400)
            officer = _officer(request)
            try:
                done = await run_in_threadpool(action, form, officer)
            except CounterdeskError as exc:
                return await run_in_threadpool(page, request, 400, error=error(exc), form=form)
            return RedirectResponse(
                f"{request.url.path}?{urlencode({'ok': done})}", status_code=303
            )

        return endpoint

    def record(form: dict[str, str], officer: str) -> str:
        result = record_referral_outcome(
            hub,
            form.get("desk", ""),
            form.get("receipt", ""),
            form.get("outcome", ""),
            form.get("note", ""),
            officer,
        )
        label = OUTCOME_LABELS[result["outcome"]]
        return f"Hasil rujukan {result['receipt']} dicatat: {label}."

    def answer(form: dict[str, str], officer: str) -> str:
        result = answer_complaint(
            hub, form.get("complaint_id", ""), form.get("answer", ""), officer
        )
        return f"Pengaduan {result['complaint_id'][:8]} dijawab."

    return [
        Route("/referrals", show, methods=["GET"], name="citizen_referrals"),
        Route("/referrals", post(record), methods=["POST"], name="citizen_referral_outcome"),
        Route("/complaints", show, methods=["GET"], name="citizen_complaints"),
        Route("/complaints", post(answer), methods=["POST"], name="citizen_complaint_answer"),
    ]
