"""Administration pages (role ``admin``): desks, staff accounts, the service catalogue,
letterhead, holidays and revoked letters.

Each form calls the same operation as the ``counterdesk-hub`` command (:mod:`refdata`,
:mod:`enroll`, :meth:`Hub.publish_catalogue`), so each change publishes the next version of
its kind of reference data; desks get it with their next HTTP sync or USB replies. Forms
are plain HTML (no JavaScript); the middleware has checked their CSRF token and parsed them
into ``request.state.form``. A refused input is shown above the form, in Indonesian.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub import refdata
from counterdesk.hub.auth import form_of
from counterdesk.hub.enroll import enroll_desk
from counterdesk.hub.hub import Hub
from counterdesk.hub.templating import render
from counterdesk.hub.views import desks_report
from counterdesk.store.errors import StoreError
from counterdesk.sync import payloads
from counterdesk.sync.enrollment import FILE_SUFFIX
from counterdesk.sync.offices import OFFICE_KEYS
from counterdesk.sync.refdata import LETTERHEAD_KEYS

DISTRICT_LETTERHEAD_KEYS = LETTERHEAD_KEYS - refdata.PER_POST_KEYS
OFFICE_LABELS = {
    "letterhead_government": "Baris pemerintah (mis. PEMERINTAH KABUPATEN BENGKAYANG)",
    "letterhead_office": "Nama kantor di kop (mis. KECAMATAN SELUAS)",
    "letterhead_address": "Alamat kantor di kop",
    "letter_place": "Tempat penandatanganan (mis. Seluas)",
    "signer_name": "Nama penandatangan",
    "signer_title": "Jabatan penandatangan (mis. Camat Seluas)",
    "signer_rank": "Pangkat/golongan (mis. Pembina, IV/a)",
    "signer_nip": "NIP penandatangan",
    "signer_on_behalf": "Baris a.n./u.b. (mis. a.n. Camat Seluas)",
    "letter_number_template": "Templat nomor surat",
}

log = logging.getLogger("counterdesk.hub.admin")

KIND_NAMES = {
    payloads.CATALOGUE: "Katalog layanan",
    payloads.STAFF: "Akun petugas meja",
    payloads.LETTERHEAD: "Kop surat",
    payloads.HOLIDAYS: "Hari libur",
    payloads.DESK_KEYS: "Kunci meja",
    payloads.REVOKED_LETTERS: "Daftar surat dicabut",
    payloads.HUB_NOTES: "Hasil rujukan dan jawaban pengaduan",
    payloads.OFFICES: "Kop surat per pos",
}

# ValidationError codes -> what the officer reads (the English text is shown below it).
MESSAGES_ID = {
    "password_short": "Kata sandi terlalu pendek. Minimal 8 karakter (petugas hub: 10).",
    "password_long": "Kata sandi terlalu panjang (maksimal 256 karakter).",
    "password_is_name": "Kata sandi tidak boleh sama dengan nama login.",
    "password_mismatch": "Kedua kata sandi tidak sama.",
    "staff_name": "Nama login harus 2–32 huruf kecil/angka, diawali huruf.",
    "staff_role": "Peran tidak dikenal.",
    "staff_unknown": "Akun itu tidak ada.",
    "refdata_invalid": "Isian tidak boleh kosong, harus satu baris dan tidak terlalu panjang.",
    "desk_code": "Kode meja tidak sah (contoh: JGB-01).",
    "desk_unknown": "Meja itu tidak terdaftar di hub ini.",
    "desk_revoked": "Meja itu sudah dicabut.",
    "desk_enrolled": "Kode meja itu sudah dipakai meja yang aktif; pilih kode lain.",
    "desk_reserved": (
        "Berkas pendaftaran untuk kode itu sudah dibuat dan menunggu kontak pertama; "
        "centang 'buat ulang' untuk membuat berkas baru (berkas lama tidak berlaku lagi)."
    ),
    "post": "Nama kantor/pos pelayanan wajib diisi.",
    "holiday_date": "Tanggal harus seperti 2026-12-25.",
    "holiday_unknown": "Tanggal itu bukan hari libur kabupaten.",
    "holiday_not_national": "Tanggal itu bukan libur nasional atau cuti bersama; tambahkan"
    " sebagai hari libur kabupaten.",
    "letterhead_key": "Pengaturan kop surat tidak dikenal.",
    "letterhead_empty": "Isi minimal satu pengaturan.",
    "letter_template": "Templat surat tidak sah (lihat alasannya di bawah).",
    "letterhead_per_post": "Kop, tempat dan penandatangan diisi per pos, bukan untuk semua pos.",
    "verify_url": "Alamat pemeriksaan harus alamat web publik yang berakhir dengan /verify.",
    "emblem": "Lambang harus gambar PNG atau JPEG yang utuh, paling besar 256 KB.",
    "signer_nip": "NIP hanya berisi angka.",
    "letter_number": "Nomor surat tidak sah.",
    "letter_revoked": "Surat itu sudah dicabut.",
    "letter_desk": "Sebutkan kode meja penerbit surat itu (mis. JGB-01).",
    "catalogue_version": "Versi katalog harus lebih tinggi dari yang diterbitkan.",
    "CatalogueError": "Katalog tidak sah.",
    "fee": "Biaya harus bilangan bulat rupiah, 0 atau lebih.",
    "days": "Waktu pelayanan harus bilangan bulat hari, 0 atau lebih.",
}


class FormError(CounterdeskError):
    """A form value the page itself refuses (before any operation runs)."""


def problem(exc: CounterdeskError) -> dict[str, str]:
    return {"id": MESSAGES_ID.get(exc.code, "Ditolak."), "en": exc.message}


def published(item: payloads.RefItem, before: int | None = None) -> str:
    name = KIND_NAMES.get(item.kind, item.kind)
    if before is not None and item.version == before:
        return f"{name}: tidak ada perubahan (tetap versi {item.version})."
    return f"{name}: versi {item.version} diterbitkan; meja menerimanya saat sinkron berikutnya."


def _version(hub: Hub, kind: str) -> int:
    with hub.lock:
        item = hub.refdata(kind)
    return item.version if item else 0


def _whole(value: str, code: str, what: str) -> int:
    text = value.strip().replace(".", "").replace(" ", "")
    if not text.isdigit() or len(text) > 9:
        raise FormError(f"{what} must be a whole number >= 0, not {value!r}", code=code)
    return int(text)


Action = Callable[[Request, dict[str, str]], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


class AdminPages:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def page(self, request: Request, name: str, *, status: int = 200, **context: Any) -> Response:
        context.setdefault("message", "")
        context.setdefault("error", None)
        context.setdefault("form", {})
        context["district"] = self.hub.info.district
        return render(request, name, context, status=status)

    async def run(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(func, *args, **kwargs)

    def post(self, show: Callable[..., Awaitable[Response]], action: Action) -> Endpoint:
        """``action`` returns the page; a refused input re-shows the page with the reason."""

        async def handler(request: Request) -> Response:
            form = form_of(request)
            try:
                return await action(request, form)
            except CounterdeskError as exc:
                if isinstance(exc, StoreError):
                    log.error("admin page: hub database error: %s", exc)
                    raise
                return await show(request, error=problem(exc), form=form, status=400)

        return handler

    # ---------------------------------------------------------------- index
    async def index(self, request: Request) -> Response:
        return RedirectResponse("/admin/desks", 303)

    # ---------------------------------------------------------------- desks
    async def desks(self, request: Request, **context: Any) -> Response:
        report = await self.run(desks_report, self.hub)
        return self.page(request, "admin_desks.html", report=report, **context)

    async def enroll(self, request: Request, form: dict[str, str]) -> Response:
        made = await self.run(
            enroll_desk,
            self.hub,
            form.get("code", ""),
            post=form.get("post", ""),
            name=form.get("name", ""),
            reissue=form.get("reissue") == "1",
        )
        log.info("officer %r made the enrollment file of %s", request.state.officer.name, made.desk)
        filename = f"{made.desk}{FILE_SUFFIX}"
        return Response(
            made.data,
            media_type="application/octet-stream",
            headers={
                "Content-Disposition": f'attachment; filename="{filename}"',
                "X-Hub-Key-Fingerprint": made.hub_fingerprint,
            },
        )

    async def revoke_desk(self, request: Request, form: dict[str, str]) -> Response:
        item = await self.run(
            refdata.revoke_desk, self.hub, form.get("code", ""), reason=form.get("reason", "")
        )
        code = form.get("code", "").strip().upper()
        message = f"Meja {code} dicabut. " + published(item)
        return await self.desks(request, message=message)

    # ---------------------------------------------------------------- staff
    async def staff(self, request: Request, **context: Any) -> Response:
        rows = await self.run(refdata.list_staff, self.hub)
        return self.page(request, "admin_staff.html", rows=rows, **context)

    async def add_staff(self, request: Request, form: dict[str, str]) -> Response:
        password = form.get("password", "")
        if password != form.get("password2", ""):
            raise FormError("the two passwords differ", code="password_mismatch")
        desk = form.get("desk", "").strip() or None
        item = await self.run(
            refdata.add_staff,
            self.hub,
            form.get("name", ""),
            role=form.get("role", ""),
            password=password,
            desk=desk,
            full_name=form.get("full_name", ""),
            nip=form.get("nip", ""),
        )
        return await self.staff(request, message=published(item))

    async def deactivate_staff(self, request: Request, form: dict[str, str]) -> Response:
        desk = form.get("desk", "").strip()
        item = await self.run(
            refdata.deactivate_staff,
            self.hub,
            form.get("name", ""),
            desk=None if desk in ("", "all", refdata.ALL_DESKS) else desk,
        )
        return await self.staff(request, message=published(item))

    # ---------------------------------------------------------------- catalogue
    def _catalogue(self) -> dict[str, Any]:
        with self.hub.lock:
            item = self.hub.refdata(payloads.CATALOGUE)
        if item is None:  # pragma: no cover - init always publishes one
            raise FormError("the hub has no catalogue", code="CatalogueError")
        return copy.deepcopy(item.data)

    async def catalogue(self, request: Request, **context: Any) -> Response:
        raw = self._catalogue()
        return self.page(request, "admin_catalogue.html", catalogue=raw, **context)

    def _service(self, raw: dict[str, Any], code: str) -> dict[str, Any] | None:
        return next((s for s in raw["services"] if s.get("code") == code.upper()), None)

    async def service(self, request: Request, **context: Any) -> Response:
        code = request.path_params["code"]
        raw = self._catalogue()
        service = self._service(raw, code)
        if service is None:
            return self.page(
                request,
                "admin_catalogue.html",
                catalogue=raw,
                error={"id": f"Layanan {code} tidak ada.", "en": f"no service {code}"},
                status=404,
            )
        return self.page(
            request,
            "admin_service.html",
            service=service,
            version=raw["version"],
            **context,
        )

    async def save_service(self, request: Request, form: dict[str, str]) -> Response:
        code = request.path_params["code"]
        raw = self._catalogue()
        service = self._service(raw, code)
        if service is None:
            return await self.service(request)
        before = int(raw["version"])
        try:
            item = await self._save_service(raw, service, form)
        except CounterdeskError as exc:
            if isinstance(exc, StoreError):
                raise
            # show what was typed (fee and days as typed too), with the reason above it
            service["fee"] = form.get("fee", "")
            service["days"] = form.get("days", "")
            return self.page(
                request,
                "admin_service.html",
                service=service,
                version=before,
                error=problem(exc),
                status=400,
            )
        log.info(
            "officer %r published catalogue version %d (%s)",
            request.state.officer.name,
            item.version,
            service["code"],
        )
        return await self.service(request, message=published(item))

    async def _save_service(
        self, raw: dict[str, Any], service: dict[str, Any], form: dict[str, str]
    ) -> payloads.RefItem:
        """Change ``service`` inside ``raw`` from the form and publish the next version."""
        fee = _whole(form.get("fee", ""), "fee", "the fee")
        days = _whole(form.get("days", ""), "days", "the service time in days")
        service["fee"] = fee
        service["days"] = days
        for lang in ("id", "en"):
            note = " ".join(form.get(f"fee_note_{lang}", "").split())
            if note:
                service["fee_note"][lang] = note
        requirements = []
        count = form.get("req_count", "")
        for i in range(min(int(count), 50) if count.isdigit() else 0):
            key = form.get(f"req_key_{i}", "").strip()
            text_id = " ".join(form.get(f"req_id_{i}", "").split())
            if not key and not text_id:
                continue
            text_en = " ".join(form.get(f"req_en_{i}", "").split()) or text_id
            requirements.append(
                {
                    "key": key,
                    "required": form.get(f"req_required_{i}") == "1",
                    "text": {"id": text_id, "en": text_en},
                }
            )
        service["requirements"] = requirements
        if service.get("product") == "letter" and isinstance(service.get("letter"), dict):
            letter = service["letter"]
            letter["classification"] = form.get("classification", "").strip()
            for part in ("title", "body"):
                for lang in ("id", "en"):
                    value = form.get(f"letter_{part}_{lang}", "").strip()
                    # browsers send a textarea's line ends as CR LF; paragraphs are "\n\n"
                    letter[part][lang] = value.replace("\r\n", "\n").replace("\r", "\n")
        if service.get("product") == "referral" and isinstance(service.get("referral"), dict):
            service["referral"]["classification"] = form.get("classification", "").strip()
        raw["version"] = int(raw["version"]) + 1
        parse_catalogue(raw)  # refuse before publishing (the message names the bad value)
        item: payloads.RefItem = await self.run(self.hub.publish_catalogue, raw)
        return item

    # ---------------------------------------------------------------- letterhead
    def _letterhead_context(self) -> dict[str, Any]:
        settings = refdata.letterhead(self.hub)
        offices = refdata.offices(self.hub)
        with self.hub.lock:
            rows = self.hub.conn.execute(
                "SELECT post, code FROM desks WHERE revoked = 0 ORDER BY post, code"
            ).fetchall()
        desks: dict[str, list[str]] = {}
        for row in rows:
            desks.setdefault(str(row[0]), []).append(str(row[1]))
        names = sorted(set(desks) | set(offices.posts))
        posts = [
            {"name": n, "desks": desks.get(n, []), "settings": offices.posts.get(n, {})}
            for n in names
        ]
        emblem = (
            {"media": offices.emblem_media, "kb": max(1, len(offices.emblem) // 1024)}
            if offices.emblem
            else None
        )
        return {
            "settings": settings,
            "keys": sorted(DISTRICT_LETTERHEAD_KEYS),
            "office_keys": OFFICE_KEYS,
            "labels": OFFICE_LABELS,
            "posts": posts,
            "verify_url": offices.verify_url,
            "emblem": emblem,
        }

    async def letterhead(self, request: Request, **context: Any) -> Response:
        data = await self.run(self._letterhead_context)
        return self.page(request, "admin_letterhead.html", **{**data, **context})

    async def save_letterhead(self, request: Request, form: dict[str, str]) -> Response:
        current = await self.run(refdata.letterhead, self.hub)
        changes = {
            key: form[key].strip()
            for key in LETTERHEAD_KEYS
            if form.get(key, "").strip() and form[key].strip() != current.get(key)
        }
        before = _version(self.hub, payloads.LETTERHEAD)
        if not changes:
            return await self.letterhead(
                request, message=f"Kop surat: tidak ada perubahan (tetap versi {before})."
            )
        item = await self.run(refdata.set_letterhead, self.hub, changes)
        return await self.letterhead(request, message=published(item, before))

    async def save_post(self, request: Request, form: dict[str, str]) -> Response:
        post = form.get("post", "")
        before = _version(self.hub, payloads.OFFICES)
        values = {key: form.get(key, "").strip() for key in OFFICE_KEYS}
        item = await self.run(refdata.set_office, self.hub, post, values)
        log.info("officer %r changed the letters of post %r", request.state.officer.name, post)
        return await self.letterhead(request, message=published(item, before))

    async def save_verify_url(self, request: Request, form: dict[str, str]) -> Response:
        before = _version(self.hub, payloads.OFFICES)
        item = await self.run(refdata.set_verify_url, self.hub, form.get("verify_url", ""))
        return await self.letterhead(request, message=published(item, before))

    async def remove_emblem(self, request: Request, form: dict[str, str]) -> Response:
        before = _version(self.hub, payloads.OFFICES)
        item = await self.run(refdata.set_emblem, self.hub, None)
        return await self.letterhead(request, message=published(item, before))

    # ---------------------------------------------------------------- holidays
    async def holidays(self, request: Request, **context: Any) -> Response:
        year = self.hub.clock().year
        asked = request.query_params.get("year", "")
        if asked.isdigit() and 1990 <= int(asked) <= 2100:
            year = int(asked)
        rows = await self.run(refdata.list_holidays, self.hub, year)
        return self.page(request, "admin_holidays.html", rows=rows, year=year, **context)

    async def confirm_holiday(self, request: Request, form: dict[str, str]) -> Response:
        before = _version(self.hub, payloads.HOLIDAYS)
        item = await self.run(refdata.confirm_holiday, self.hub, form.get("date", ""))
        return await self.holidays(request, message=published(item, before))

    async def add_holiday(self, request: Request, form: dict[str, str]) -> Response:
        before = _version(self.hub, payloads.HOLIDAYS)
        item = await self.run(
            refdata.add_holiday, self.hub, form.get("date", ""), form.get("name", "")
        )
        return await self.holidays(request, message=published(item, before))

    async def remove_holiday(self, request: Request, form: dict[str, str]) -> Response:
        item = await self.run(refdata.remove_holiday, self.hub, form.get("date", ""))
        return await self.holidays(request, message=published(item))

    # ---------------------------------------------------------------- letters
    async def letters(self, request: Request, **context: Any) -> Response:
        rows = await self.run(refdata.revoked_letters, self.hub)
        return self.page(request, "admin_letters.html", rows=rows, **context)

    async def revoke_letter(self, request: Request, form: dict[str, str]) -> Response:
        item, desk = await self.run(
            refdata.revoke_letter,
            self.hub,
            form.get("number", "").strip(),
            reason=form.get("reason", ""),
            desk=form.get("desk", "").strip() or None,
        )
        where = f" (diterbitkan oleh {desk})" if desk else ""
        message = f"Surat {form.get('number', '').strip()}{where} dicabut. " + published(item)
        return await self.letters(request, message=message)


def admin_routes(hub: Hub) -> list[BaseRoute]:
    a = AdminPages(hub)
    return [
        Route("/admin", a.index, methods=["GET"]),
        Route("/admin/desks", a.desks, methods=["GET"]),
        Route("/admin/desks/enroll", a.post(a.desks, a.enroll), methods=["POST"]),
        Route("/admin/desks/revoke", a.post(a.desks, a.revoke_desk), methods=["POST"]),
        Route("/admin/staff", a.staff, methods=["GET"]),
        Route("/admin/staff/add", a.post(a.staff, a.add_staff), methods=["POST"]),
        Route("/admin/staff/deactivate", a.post(a.staff, a.deactivate_staff), methods=["POST"]),
        Route("/admin/catalogue", a.catalogue, methods=["GET"]),
        Route("/admin/catalogue/{code}", a.service, methods=["GET"]),
        Route("/admin/catalogue/{code}", a.post(a.service, a.save_service), methods=["POST"]),
        Route("/admin/letterhead", a.letterhead, methods=["GET"]),
        Route("/admin/letterhead", a.post(a.letterhead, a.save_letterhead), methods=["POST"]),
        Route("/admin/letterhead/post", a.post(a.letterhead, a.save_post), methods=["POST"]),
        Route(
            "/admin/letterhead/verify-url",
            a.post(a.letterhead, a.save_verify_url),
            methods=["POST"],
        ),
        Route(
            "/admin/letterhead/emblem/remove",
            a.post(a.letterhead, a.remove_emblem),
            methods=["POST"],
        ),
        Route("/admin/holidays", a.holidays, methods=["GET"]),
        Route("/admin/holidays/add", a.post(a.holidays, a.add_holiday), methods=["POST"]),
        Route("/admin/holidays/remove", a.post(a.holidays, a.remove_holiday), methods=["POST"]),
        Route("/admin/holidays/confirm", a.post(a.holidays, a.confirm_holiday), methods=["POST"]),
        Route("/admin/letters", a.letters, methods=["GET"]),
        Route("/admin/letters/revoke", a.post(a.letters, a.revoke_letter), methods=["POST"]),
    ]
