"""The district's reference data at the hub: what officers change, and what each desk gets.

Each kind (see :mod:`counterdesk.sync.refdata`) is kept as a whole snapshot with a version in
the ``refdata`` table; every change that alters a snapshot publishes the next version, in
the same transaction as the change. A desk's replies (HTTP or stick) carry every kind whose
version is above what that desk last said it has installed (its hello, or the first line
of its events bundles); the desk never goes back to an older version.

Staff accounts differ per desk: an account is for one desk or for all (``desk = '*'``),
and each desk gets its own view of the same version. So do the hub's notes (referral
outcomes and complaint answers recorded here): each desk gets those for its requests.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.calendar import DistrictDay, Holiday, district_calendar, national_holidays
from counterdesk.domain.contract import ContractError, check_refdata
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import canonical_json
from counterdesk.domain.numbering import check_desk_code
from counterdesk.domain.passwords import check_new_password, hash_password
from counterdesk.hub.hub import Hub
from counterdesk.sync import offices as office_schema
from counterdesk.sync import payloads
from counterdesk.sync import refdata as schema
from counterdesk.sync.bundle import key_id
from counterdesk.sync.names import PER_POST_KEYS as PER_POST_KEYS
from counterdesk.sync.verify import (
    SignerKey,
    Verdict,
    desks_in_number,
    revocation_applies,
    verify_qr,
)

ALL_DESKS = "*"
_VIEWED = frozenset({payloads.STAFF, payloads.HUB_NOTES})  # sent as a view per desk


# --------------------------------------------------------------------------- versions


def _publish(hub: Hub, kind: str, data: dict[str, Any]) -> payloads.RefItem:
    """Make ``data`` the next version of ``kind`` unless it is what is published already
    (inside a transaction)."""
    current = hub.refdata(kind)
    if current is not None and current.data == data:
        return current
    if kind not in _VIEWED:  # sent as stored: it must keep the contract (views: when sent)
        check_refdata(kind, data)
    item = payloads.RefItem(kind, (current.version if current else 0) + 1, data)
    hub.conn.execute(
        "INSERT INTO refdata (kind, version, sha256, data, published_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET"
        " version = excluded.version, sha256 = excluded.sha256, data = excluded.data,"
        " published_at = excluded.published_at",
        [kind, item.version, item.sha256, canonical_json(data).decode(), hub.now_text()],
    )
    return item


def versions(hub: Hub) -> dict[str, int]:
    with hub.lock:
        return {str(r[0]): int(r[1]) for r in hub.conn.execute("SELECT kind, version FROM refdata")}


def known_versions(hub: Hub, desk: str) -> dict[str, int]:
    """What ``desk`` last said it has installed (0 for what it never mentioned)."""
    with hub.lock:
        out = {
            str(r[0]): int(r[1])
            for r in hub.conn.execute(
                "SELECT kind, version FROM desk_refdata WHERE desk = ?", [desk]
            )
        }
        row = hub.conn.execute(
            "SELECT catalogue_version FROM desks WHERE code = ?", [desk]
        ).fetchone()
    if row is not None:
        out[payloads.CATALOGUE] = max(out.get(payloads.CATALOGUE, 0), int(row[0]))
    return out


def note_versions(hub: Hub, desk: str, seen: Mapping[str, int]) -> None:
    """Remember what the desk says it has (inside a transaction); versions only grow."""
    for kind, version in seen.items():
        if kind not in payloads.REFDATA_KINDS:
            continue
        hub.conn.execute(
            "INSERT INTO desk_refdata (desk, kind, version) VALUES (?, ?, ?)"
            " ON CONFLICT(desk, kind) DO UPDATE SET version = max(version, excluded.version)",
            [desk, kind, version],
        )
    if payloads.CATALOGUE in seen:
        hub.conn.execute(
            "UPDATE desks SET catalogue_version = max(catalogue_version, ?) WHERE code = ?",
            [seen[payloads.CATALOGUE], desk],
        )


def items_for(
    hub: Hub, desk: str, known: Mapping[str, int] | None = None
) -> list[payloads.RefItem]:
    """Every kind whose published version is newer than what ``desk`` has."""
    refresh_keys(hub)
    have = dict(known_versions(hub, desk))
    for kind, version in (known or {}).items():
        have[kind] = max(have.get(kind, 0), version)
    out: list[payloads.RefItem] = []
    with hub.lock:
        for kind in payloads.REFDATA_KINDS:
            item = hub.refdata(kind)
            if item is None or item.version <= have.get(kind, 0):
                continue
            if kind == payloads.STAFF:
                item = payloads.RefItem(kind, item.version, _staff_view(item.data, desk))
            elif kind == payloads.HUB_NOTES:
                item = payloads.RefItem(kind, item.version, _notes_view(item.data, desk))
            try:
                check_refdata(kind, item.data)  # never send what the desk would refuse
            except ContractError as exc:
                with hub.transaction():
                    hub.alert("refdata_invalid", f"{kind} v{item.version} not sent: {exc}", desk)
                continue
            out.append(item)
    return out


# --------------------------------------------------------------------------- desk keys


def _keys_snapshot(hub: Hub) -> dict[str, Any]:
    rows = hub.conn.execute(
        "SELECT code, sign_public, revoked FROM desks WHERE pinned_at != '' ORDER BY code"
    ).fetchall()
    desks = []
    for r in rows:
        public = bytes(r["sign_public"])
        desks.append(
            schema.DeskKey(
                desk=r["code"],
                sign_public=public,
                key_id=key_id(Ed25519PublicKey.from_public_bytes(public)),
                revoked=bool(r["revoked"]),
            ).to_json()
        )
    return {"desks": desks}


def refresh_keys(hub: Hub) -> None:
    """Publish the desks' signing keys again when a desk was pinned or revoked since."""
    with hub.lock:
        snapshot = _keys_snapshot(hub)
        current = hub.refdata(payloads.DESK_KEYS)
        if current is not None and current.data == snapshot:
            return
        if current is None and not snapshot["desks"]:
            return
        if hub.conn.in_transaction:
            _publish(hub, payloads.DESK_KEYS, snapshot)
            return
    with hub.transaction():
        _publish(hub, payloads.DESK_KEYS, _keys_snapshot(hub))


def revoke_desk(hub: Hub, code: str, *, reason: str) -> payloads.RefItem:
    """Refuse everything from ``code`` from now on, and tell every desk its key is revoked."""
    code = check_desk_code(code)
    reason = schema.check_text(" ".join(reason.split()), "reason", limit=200)
    with hub.transaction():
        row = hub.conn.execute("SELECT revoked FROM desks WHERE code = ?", [code]).fetchone()
        if row is None:
            raise ValidationError(f"desk {code} is not enrolled at this hub", code="desk_unknown")
        if row["revoked"]:
            raise ValidationError(f"desk {code} is already revoked", code="desk_revoked")
        hub.conn.execute(
            "UPDATE desks SET revoked = 1, revoked_at = ?, revoked_reason = ? WHERE code = ?",
            [hub.now_text(), reason, code],
        )
        hub.alert("desk_revoked", f"desk {code} was revoked: {reason or 'no reason given'}", code)
        return _publish(hub, payloads.DESK_KEYS, _keys_snapshot(hub))


# --------------------------------------------------------------------------- holidays


def _holidays_snapshot(hub: Hub) -> dict[str, Any]:
    rows = hub.conn.execute("SELECT day, name, working FROM holidays ORDER BY day").fetchall()
    return {
        "holidays": [
            schema.Holiday(
                datetime.date.fromisoformat(r["day"]), r["name"], bool(r["working"])
            ).to_json()
            for r in rows
        ]
    }


def _national(day: datetime.date) -> Holiday | None:
    return next((h for h in national_holidays(day.year) if h.day == day), None)


def add_holiday(hub: Hub, day: str, name: str) -> payloads.RefItem:
    """A district holiday, or a national date confirmed or restored (the district wins)."""
    holiday = schema.check_holiday(day.strip(), name)
    with hub.transaction():
        hub.conn.execute(
            "INSERT INTO holidays (day, name, working) VALUES (?, ?, 0)"
            " ON CONFLICT(day) DO UPDATE SET name = excluded.name, working = 0",
            [holiday.day.isoformat(), holiday.name],
        )
        return _publish(hub, payloads.HOLIDAYS, _holidays_snapshot(hub))


def confirm_holiday(hub: Hub, day: str) -> payloads.RefItem:
    """Confirm a national date the package only estimates ("perkiraan") under its name."""
    holiday = schema.check_holiday(day.strip(), "x")
    national = _national(holiday.day)
    if national is None:
        raise ValidationError(
            f"{day} is not a national holiday or cuti bersama; add it as a district holiday",
            code="holiday_not_national",
        )
    return add_holiday(hub, day, national.name.id)


def remove_holiday(hub: Hub, day: str) -> payloads.RefItem:
    """Remove a district holiday; a national date (moved or cancelled by decree) becomes a
    working day in the district's list, so every desk stops skipping it."""
    holiday = schema.check_holiday(day.strip(), "x")
    key = holiday.day.isoformat()
    national = _national(holiday.day)
    with hub.transaction():
        row = hub.conn.execute("SELECT working FROM holidays WHERE day = ?", [key]).fetchone()
        if national is not None:
            if row is not None and row["working"]:
                raise ValidationError(
                    f"{day} is already a working day in this district", code="holiday_unknown"
                )
            hub.conn.execute(
                "INSERT INTO holidays (day, name, working) VALUES (?, ?, 1)"
                " ON CONFLICT(day) DO UPDATE SET name = excluded.name, working = 1",
                [key, national.name.id],
            )
        else:
            if row is None or row["working"]:
                raise ValidationError(f"{day} is not a district holiday", code="holiday_unknown")
            hub.conn.execute("DELETE FROM holidays WHERE day = ?", [key])
        return _publish(hub, payloads.HOLIDAYS, _holidays_snapshot(hub))


def district_days(hub: Hub) -> list[DistrictDay]:
    with hub.lock:
        rows = hub.conn.execute("SELECT day, name, working FROM holidays ORDER BY day").fetchall()
    return [
        DistrictDay(datetime.date.fromisoformat(r["day"]), r["name"], bool(r["working"]))
        for r in rows
    ]


def list_holidays(hub: Hub, year: int | None = None) -> list[dict[str, Any]]:
    """The district's entries; with ``year``, that year as desks count it: national
    holidays and cuti bersama (``tentative`` where estimated and not yet confirmed), the
    district's holidays, and the national dates it made working days."""
    entries = district_days(hub)
    if year is None:
        return [schema.Holiday(e.day, e.name, e.working).to_json() for e in entries]
    calendar = district_calendar(entries)
    rows: list[dict[str, Any]] = [
        {
            "date": h.day.isoformat(),
            "name": h.name.id,
            "source": h.source,
            "tentative": h.tentative,
            "working": False,
        }
        for h in calendar.holidays_in(year)
    ]
    rows += [
        {"date": e.day.isoformat(), "name": e.name, "source": "district", "tentative": False,
         "working": True}
        for e in entries
        if e.working and e.day.year == year
    ]  # fmt: skip
    return sorted(rows, key=lambda r: str(r["date"]))


# --------------------------------------------------------------------------- letterhead


def letterhead(hub: Hub) -> dict[str, str]:
    with hub.lock:
        return {
            str(r[0]): str(r[1])
            for r in hub.conn.execute("SELECT key, value FROM letterhead ORDER BY key")
        }


def set_letterhead(hub: Hub, settings: Mapping[str, str]) -> payloads.RefItem:
    if not settings:
        raise ValidationError("give at least one KEY=VALUE", code="letterhead_empty")
    per_post = sorted(k.strip() for k in settings if k.strip() in PER_POST_KEYS)
    if per_post:
        raise ValidationError(
            f"{', '.join(per_post)} differ from post to post: set them for one post "
            "(counterdesk-hub letterhead set --post NAME KEY=VALUE, or the Kop surat page)",
            code="letterhead_per_post",
        )
    checked = dict(schema.check_letterhead(k, v) for k, v in settings.items())
    with hub.transaction():
        for key, value in checked.items():
            hub.conn.execute(
                "INSERT INTO letterhead (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
        rows = hub.conn.execute("SELECT key, value FROM letterhead ORDER BY key").fetchall()
        return _publish(hub, payloads.LETTERHEAD, {"settings": {r[0]: r[1] for r in rows}})


# --------------------------------------------------------------------------- offices


def offices(hub: Hub) -> office_schema.Offices:
    """Each post's letterhead and signer, the emblem and the /verify address, as published."""
    with hub.lock:
        item = hub.refdata(payloads.OFFICES)
    if item is None:
        return office_schema.Offices()
    return office_schema.parse_offices(item.data)


def _put_offices(hub: Hub, change: Any) -> payloads.RefItem:
    with hub.transaction():
        item = hub.refdata(payloads.OFFICES)
        current = (
            office_schema.parse_offices(item.data) if item is not None else office_schema.Offices()
        )
        return _publish(hub, payloads.OFFICES, change(current).to_json())


def set_office(hub: Hub, post: str, settings: Mapping[str, str]) -> payloads.RefItem:
    """Set some of one post's letter settings (an empty value removes it: the post's own
    administrator may then set it at the desk)."""
    name = office_schema.check_post_name(post)
    if not settings:
        raise ValidationError("give at least one KEY=VALUE", code="letterhead_empty")
    checked = dict(office_schema.check_office_value(k, v) for k, v in settings.items())

    def change(current: office_schema.Offices) -> office_schema.Offices:
        posts = {p: dict(v) for p, v in current.posts.items()}
        values = posts.setdefault(name, {})
        for key, value in checked.items():
            if value:
                values[key] = value
            else:
                values.pop(key, None)
        if not values:
            del posts[name]
        return office_schema.Offices(
            current.verify_url, current.emblem, current.emblem_media, posts
        )

    return _put_offices(hub, change)


def set_verify_url(hub: Hub, url: str) -> payloads.RefItem:
    """The public address of this hub's /verify page, printed under every letter's QR."""
    checked = office_schema.check_verify_url(url)
    return _put_offices(
        hub,
        lambda c: office_schema.Offices(checked, c.emblem, c.emblem_media, c.posts),
    )


def set_emblem(hub: Hub, data: bytes | None) -> payloads.RefItem:
    """The regency emblem at the left of every kop (PNG or JPEG); None removes it."""
    media = office_schema.check_emblem(data) if data is not None else ""
    if data is not None:
        _test_render_emblem(data)
    return _put_offices(
        hub,
        lambda c: office_schema.Offices(c.verify_url, data or None, media, c.posts),
    )


def _test_render_emblem(data: bytes) -> None:
    """Refuse an emblem the desks could not print (a kop is rendered with it here first)."""
    from counterdesk.printing.documents import Letterhead
    from counterdesk.printing.sheet import letterhead_pdf

    try:
        letterhead_pdf(Letterhead("PEMERINTAH", "KECAMATAN", "Alamat", logo_png=data))
    except ValueError as exc:
        raise ValidationError(f"the emblem cannot be printed: {exc}", code="emblem") from None


# --------------------------------------------------------------------------- staff


def _staff_snapshot(hub: Hub) -> dict[str, Any]:
    rows = hub.conn.execute(
        "SELECT name, desk, full_name, role, nip, password_hash, active FROM staff"
        " ORDER BY name, desk"
    ).fetchall()
    return {
        "accounts": [
            {
                "name": r["name"],
                "desk": r["desk"],
                "full_name": r["full_name"],
                "role": r["role"],
                "nip": r["nip"],
                "password_hash": r["password_hash"],
                "active": bool(r["active"]),
            }
            for r in rows
        ]
    }


def _staff_view(data: dict[str, Any], desk: str) -> dict[str, Any]:
    """The accounts for one desk: its own, and those for every desk it has no own one of."""
    chosen = {a["name"]: a for a in data["accounts"] if a["desk"] == desk}
    for a in data["accounts"]:
        if a["desk"] == ALL_DESKS:
            chosen.setdefault(a["name"], a)
    return {
        "accounts": [
            {k: v for k, v in chosen[name].items() if k != "desk"} for name in sorted(chosen)
        ]
    }


def _scope(hub: Hub, desk: str | None) -> str:
    if desk is None:
        return ALL_DESKS
    code = check_desk_code(desk)
    if hub.conn.execute("SELECT 1 FROM desks WHERE code = ?", [code]).fetchone() is None:
        raise ValidationError(f"desk {code} is not enrolled at this hub", code="desk_unknown")
    return code


def add_staff(
    hub: Hub,
    name: str,
    *,
    role: str,
    password: str,
    desk: str | None = None,
    full_name: str = "",
    nip: str = "",
) -> payloads.RefItem:
    """Create or update a district account (for one desk, or all when ``desk`` is None)."""
    name = schema.check_staff_name(name)
    schema.check_role(role)
    check_new_password(password, name=name)
    full = schema.check_text(" ".join(full_name.split()) or name, "full name", limit=100)
    nip = schema.check_text(nip.strip(), "NIP", limit=30)
    hashed = hash_password(password)
    with hub.transaction():
        scope = _scope(hub, desk)
        hub.conn.execute(
            "INSERT INTO staff (name, desk, full_name, role, nip, password_hash, active,"
            " changed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(name, desk) DO UPDATE SET"
            " full_name = excluded.full_name, role = excluded.role, nip = excluded.nip,"
            " password_hash = excluded.password_hash, active = 1,"
            " changed_at = excluded.changed_at",
            [name, scope, full, role, nip, hashed, hub.now_text()],
        )
        return _publish(hub, payloads.STAFF, _staff_snapshot(hub))


def deactivate_staff(hub: Hub, name: str, *, desk: str | None = None) -> payloads.RefItem:
    name = schema.check_staff_name(name)
    with hub.transaction():
        scope = _scope(hub, desk)
        cur = hub.conn.execute(
            "UPDATE staff SET active = 0, changed_at = ? WHERE name = ? AND desk = ?",
            [hub.now_text(), name, scope],
        )
        if not cur.rowcount:
            where = "every desk" if scope == ALL_DESKS else scope
            raise ValidationError(f"no district account {name!r} for {where}", code="staff_unknown")
        return _publish(hub, payloads.STAFF, _staff_snapshot(hub))


def list_staff(hub: Hub) -> list[dict[str, Any]]:
    """The district's accounts (never their password hashes)."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT name, desk, full_name, role, nip, active, changed_at FROM staff"
            " ORDER BY name, desk"
        ).fetchall()
    return [
        {
            "name": r["name"],
            "desk": "all" if r["desk"] == ALL_DESKS else r["desk"],
            "full_name": r["full_name"],
            "role": r["role"],
            "nip": r["nip"],
            "active": bool(r["active"]),
            "changed_at": r["changed_at"],
        }
        for r in rows
    ]


# --------------------------------------------------------------------------- letters


def _revoked_snapshot(hub: Hub) -> dict[str, Any]:
    rows = hub.conn.execute(
        "SELECT number, desk, reason, at FROM revoked_letters ORDER BY number"
    ).fetchall()
    return {
        "letters": [
            {"number": r["number"], "desk": r["desk"], "reason": r["reason"], "at": r["at"]}
            for r in rows
        ]
    }


def issuers(hub: Hub, number: str) -> list[str]:
    """The desks whose ``letter_issued`` events for ``number`` reached the hub."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT DISTINCT desk FROM events WHERE kind = 'letter_issued'"
            " AND json_extract(data, '$.number') = ? ORDER BY desk",
            [number],
        ).fetchall()
    return [str(r[0]) for r in rows]


def issuing_desk(hub: Hub, number: str, desk: str | None = None) -> str:
    """The desk that issued letter ``number``: ``desk`` when given; else the desk the number
    names (its ``{unit}`` part), else the one desk whose events carry it. Refuses when that
    is not clear, rather than revoke another desk's letter with the same number."""
    if desk:
        return check_desk_code(desk)
    named = desks_in_number(number)
    if len(named) == 1:
        return named[0]
    found = issuers(hub, number)
    if len(found) == 1:
        return found[0]
    seen = f" (issued by {', '.join(found)})" if found else ""
    raise ValidationError(
        f"letter {number}{seen}: say which desk issued it (--desk CODE, e.g. JGB-01); "
        "a revocation concerns one desk's letter only",
        code="letter_desk",
    )


def revoke_letter(
    hub: Hub, number: str, *, reason: str, desk: str | None = None
) -> tuple[payloads.RefItem, str]:
    """Add a letter of one desk to the district's revocation list; returns the new version
    and the issuing desk (see :func:`issuing_desk`)."""
    number = schema.check_letter_number(number)
    reason = schema.check_text(" ".join(reason.split()), "--reason", empty=False)
    desk = issuing_desk(hub, number, desk)
    with hub.transaction():
        row = hub.conn.execute(
            "SELECT at, reason, desk FROM revoked_letters WHERE number = ?", [number]
        ).fetchone()
        if row is not None and row["desk"] in (desk, ""):
            raise ValidationError(
                f"letter {number} was already revoked ({row['at']}): {row['reason']}",
                code="letter_revoked",
            )
        if row is not None:  # the list holds one entry per number (see m001)
            raise ValidationError(
                f"letter number {number} is already revoked for desk {row['desk']}; a letter "
                f"of {desk} with the same number cannot be listed too",
                code="letter_revoked",
            )
        hub.conn.execute(
            "INSERT INTO revoked_letters (number, desk, reason, at) VALUES (?, ?, ?, ?)",
            [number, desk, reason, hub.now_text()],
        )
        hub.alert("letter_revoked", f"letter {number} of {desk} revoked: {reason}", desk)
        return _publish(hub, payloads.REVOKED_LETTERS, _revoked_snapshot(hub)), desk


def revoked_letters(hub: Hub) -> list[dict[str, str]]:
    with hub.lock:
        return list(_revoked_snapshot(hub)["letters"])


# --------------------------------------------------------------------------- verify


def _signer(hub: Hub, code: str) -> SignerKey | None:
    with hub.lock:
        row = hub.conn.execute(
            "SELECT sign_public, revoked FROM desks WHERE code = ? AND pinned_at != ''", [code]
        ).fetchone()
    if row is None:
        return None
    return SignerKey(Ed25519PublicKey.from_public_bytes(bytes(row[0])), bool(row[1]))


def _revocation(hub: Hub, desk: str, number: str) -> str | None:
    """The reason when letter ``number`` of ``desk`` is revoked (never another desk's)."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT desk, reason FROM revoked_letters WHERE number = ?", [number]
        ).fetchall()
    for row in rows:
        if revocation_applies(str(row["desk"]), desk, number):
            return str(row["reason"])
    return None


def verify(hub: Hub, text: str) -> Verdict:
    """As ``counterdesk verify``, with every desk's key and the district's revocations."""
    return verify_qr(
        text,
        key_for=lambda code: _signer(hub, code),
        revoked=lambda payload: _revocation(hub, payload.desk, payload.number),
        unknown_desk="it is not a desk of this district (or it has not made first contact)",
    )


# --------------------------------------------------------------------------- hub notes


def _notes_snapshot(hub: Hub) -> dict[str, Any]:
    """Outcomes and answers recorded at the hub that their desk has not echoed back yet."""
    outcomes = hub.conn.execute(
        "SELECT o.outcome_id, o.desk, o.request_id, coalesce(r.receipt, '') AS receipt,"
        " o.outcome, o.agency, o.note, o.officer, o.recorded_at FROM referral_outcomes o"
        " LEFT JOIN requests r ON r.desk = o.desk AND r.request_id = o.request_id"
        " WHERE o.recorded_by = 'hub' AND o.desk_seq IS NULL ORDER BY o.rowid"
    ).fetchall()
    answers = hub.conn.execute(
        "SELECT complaint_id, desk, answer, officer, answered_at FROM complaint_answers"
        " WHERE answered_by = 'hub' AND desk_seq IS NULL ORDER BY rowid"
    ).fetchall()
    return {
        "outcomes": [
            {"desk": r["desk"]}
            | schema.HubOutcome(
                outcome_id=r["outcome_id"],
                request_id=r["request_id"],
                receipt=r["receipt"],
                outcome=r["outcome"],
                agency=r["agency"],
                note=r["note"],
                officer=r["officer"],
                at=r["recorded_at"],
            ).to_json()
            for r in outcomes
        ],
        "answers": [
            {"desk": r["desk"]}
            | schema.HubAnswer(
                complaint_id=r["complaint_id"],
                answer=r["answer"],
                officer=r["officer"],
                at=r["answered_at"],
            ).to_json()
            for r in answers
        ],
    }


def _notes_view(data: dict[str, Any], desk: str) -> dict[str, Any]:
    """The notes for one desk's requests and complaints, without the desk code."""
    return {
        key: [{k: v for k, v in n.items() if k != "desk"} for n in data[key] if n["desk"] == desk]
        for key in ("outcomes", "answers")
    }


def publish_hub_notes(hub: Hub) -> payloads.RefItem:
    """Publish the hub's notes again (inside the transaction that recorded a new one)."""
    return _publish(hub, payloads.HUB_NOTES, _notes_snapshot(hub))
