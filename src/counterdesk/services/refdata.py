"""Installing the district's reference data at the desk, and reading what it installed.

Called by :mod:`counterdesk.services.sync_import` inside the transaction that applies one
``refdata`` bundle from the hub, so a bundle's items are installed together or not at all.
Each kind's version only grows: an item not newer than the installed one is ignored with
a note. What each kind holds is described in :mod:`counterdesk.sync.refdata`.

- ``staff``: accounts managed by the district are created, updated and deactivated here;
  accounts made at this desk (``source = 'local'``) are never touched, and a district
  account with the name of a local one is not applied (a note says so).
- ``letterhead``: the listed desk settings take the district's values.
- ``holidays``: the district's list replaces the desk's; :func:`working_calendar` adds it
  to the national holidays the desk computes offline (the district wins).
- ``desk_keys``: other desks' public signing keys, so ``counterdesk verify`` accepts their
  letters and receipts; a revoked desk's key is kept, marked revoked.
- ``revoked_letters``: the district's list replaces the desk's; a listed letter issued by
  this desk is marked revoked through a ``letter_revoked`` event.
- ``offices``: this desk's post's letterhead and signer, the emblem and the hub's
  /verify address are kept with the desk settings (under ``district_office``); see
  :mod:`counterdesk.services.offices` for which value is in force.
- ``hub_notes``: referral outcomes and complaint answers an officer recorded at the hub
  for this desk; each one not yet known here is recorded as this desk's own
  ``referral_outcome`` / ``complaint_answered`` event (``recorded_by``/``answered_by``
  ``hub``, same outcome/complaint id), so it is in the log and the hub sees the echo.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from typing import Any

from counterdesk.domain.calendar import DistrictDay, WorkingCalendar, district_calendar
from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.events import EventKind
from counterdesk.services.complaints import install_hub_answer
from counterdesk.services.desk import Desk
from counterdesk.services.offices import DISTRICT_OFFICE
from counterdesk.services.referrals import install_hub_outcome
from counterdesk.services.setup import install_catalogue
from counterdesk.services.staff import SYSTEM
from counterdesk.sync import payloads
from counterdesk.sync import refdata as schema
from counterdesk.sync.offices import parse_offices
from counterdesk.sync.verify import revocation_applies

DISTRICT = "district"  # ``staff.source`` of accounts the hub manages, and ``by`` in events


def catalogue_version(desk: Desk) -> int:
    row = desk.conn.execute("SELECT version FROM catalogue WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def installed_versions(desk: Desk) -> dict[str, int]:
    """The version of each kind of reference data this desk has (the catalogue included)."""
    out = {str(r[0]): int(r[1]) for r in desk.conn.execute("SELECT kind, version FROM refdata")}
    out[payloads.CATALOGUE] = catalogue_version(desk)
    return out


def district_holidays(desk: Desk) -> list[DistrictDay]:
    """The district's holiday list as last received from the hub (none on a training desk
    or before the first sync): its holidays, and national dates it made working days."""
    return [
        DistrictDay(datetime.date.fromisoformat(str(r[0])), str(r[1]), bool(r[2]))
        for r in desk.conn.execute("SELECT day, name, working FROM holidays ORDER BY day")
    ]


def working_calendar(desk: Desk) -> WorkingCalendar:
    """The desk's working calendar: weekends, national holidays and cuti bersama (offline,
    see :mod:`counterdesk.domain.calendar`) and the district's list from the hub."""
    return district_calendar(district_holidays(desk))


def apply_refdata(desk: Desk, items: Sequence[payloads.RefItem]) -> str:
    """Install every item newer than what the desk has (inside the caller's transaction).

    Raises :class:`~counterdesk.sync.payloads.PayloadError` (or another
    ``CounterdeskError``) for anything malformed; the caller's transaction then rolls back
    the whole bundle.
    """
    notes: list[str] = []
    installed = installed_versions(desk)
    order = {kind: i for i, kind in enumerate(payloads.REFDATA_KINDS)}
    for item in sorted(items, key=lambda i: order.get(i.kind, len(order))):
        apply = _APPLY.get(item.kind)
        if apply is None:
            notes.append(f"ignored {item.kind} v{item.version} (unknown to this version)")
            continue
        current = installed.get(item.kind, 0)
        if item.version <= current:
            notes.append(f"{item.kind} v{item.version} is not newer than v{current} (ignored)")
            continue
        what = apply(desk, item)
        if item.kind != payloads.CATALOGUE:
            desk.conn.execute(
                "INSERT INTO refdata (kind, version, sha256, installed_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(kind) DO UPDATE SET version = excluded.version,"
                " sha256 = excluded.sha256, installed_at = excluded.installed_at",
                [item.kind, item.version, item.sha256, desk.now_text()],
            )
        installed[item.kind] = item.version
        notes.append(f"installed {item.kind} v{item.version} (was v{current}){what}")
    desk.invalidate()
    return "; ".join(notes) or "no reference data in it"


def _catalogue(desk: Desk, item: payloads.RefItem) -> str:
    schema.declared(payloads.CATALOGUE, item.data)  # first: the shape, then the rules
    catalogue = parse_catalogue(item.data)
    if catalogue.version != item.version:
        raise payloads.PayloadError(
            f"catalogue item v{item.version} holds a catalogue of version {catalogue.version}"
        )
    install_catalogue(desk, item.data, staff=SYSTEM)
    return ""


def _staff(desk: Desk, item: payloads.RefItem) -> str:
    accounts = schema.parse_staff(item.data)
    rows = {
        str(r["name"]): r
        for r in desk.conn.execute(
            "SELECT name, full_name, role, nip, password_hash, active, source FROM staff"
        )
    }
    created = changed = deactivated = 0
    skipped: list[str] = []
    listed: set[str] = set()
    for a in accounts:
        listed.add(a.name)
        row = rows.get(a.name)
        if row is not None and row["source"] != DISTRICT:
            skipped.append(a.name)
            continue
        if row is None:
            if not a.active:
                continue
            desk.conn.execute(
                "INSERT INTO staff (name, full_name, role, nip, password_hash, source)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [a.name, a.full_name or a.name, a.role, a.nip, a.password_hash, DISTRICT],
            )
            desk.record(
                EventKind.STAFF_CREATED,
                staff=SYSTEM,
                data={"name": a.name, "full_name": a.full_name, "role": a.role, "by": DISTRICT},
            )
            created += 1
            continue
        changes = [
            key
            for key, new in (
                ("full_name", a.full_name or a.name),
                ("role", a.role),
                ("nip", a.nip),
                ("password", a.password_hash),
                ("active", int(a.active)),
            )
            if row["password_hash" if key == "password" else key] != new
        ]
        if not changes:
            continue
        desk.conn.execute(
            "UPDATE staff SET full_name = ?, role = ?, nip = ?, password_hash = ?, active = ?"
            " WHERE name = ?",
            [a.full_name or a.name, a.role, a.nip, a.password_hash, int(a.active), a.name],
        )
        _staff_changed(desk, a.name, changes, a.role, a.active)
        if "active" in changes and not a.active:
            deactivated += 1
        else:
            changed += 1
    for name, row in rows.items():
        if row["source"] == DISTRICT and name not in listed and row["active"]:
            desk.conn.execute("UPDATE staff SET active = 0 WHERE name = ?", [name])
            _staff_changed(desk, name, ["active"], str(row["role"]), False)
            deactivated += 1
    text = f": {created} account(s) created, {changed} updated, {deactivated} deactivated"
    if skipped:
        text += f"; not applied (a local account has the name): {', '.join(sorted(skipped))}"
    return text


def _staff_changed(desk: Desk, name: str, changes: list[str], role: str, active: bool) -> None:
    desk.record(
        EventKind.STAFF_CHANGED,
        staff=SYSTEM,
        data={"name": name, "changes": changes, "role": role, "active": active, "by": DISTRICT},
    )


def _letterhead(desk: Desk, item: payloads.RefItem) -> str:
    settings = schema.parse_letterhead(item.data)
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    stored: dict[str, Any] = json.loads(row["settings"] or "{}")
    stored.update(settings)
    desk.conn.execute(
        "UPDATE desk SET settings = ? WHERE id = 1",
        [json.dumps(stored, sort_keys=True, ensure_ascii=False)],
    )
    return f": {len(settings)} setting(s)"


def _offices(desk: Desk, item: payloads.RefItem) -> str:
    offices = parse_offices(item.data)
    post = desk.info.post
    mine = offices.posts.get(post, {})
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    stored: dict[str, Any] = json.loads(row["settings"] or "{}")
    stored[DISTRICT_OFFICE] = {
        "post": post,
        "settings": mine,
        "verify_url": offices.verify_url,
        "emblem": offices.to_json()["emblem"],
    }
    desk.conn.execute(
        "UPDATE desk SET settings = ? WHERE id = 1",
        [json.dumps(stored, sort_keys=True, ensure_ascii=False)],
    )
    return f": {len(mine)} setting(s) for {post}" + (", emblem" if offices.emblem else "")


def _holidays(desk: Desk, item: payloads.RefItem) -> str:
    holidays = schema.parse_holidays(item.data)
    desk.conn.execute("DELETE FROM holidays")
    desk.conn.executemany(
        "INSERT INTO holidays (day, name, working) VALUES (?, ?, ?)",
        [(h.day.isoformat(), h.name, int(h.working)) for h in holidays],
    )
    return f": {len(holidays)} holiday(s)"


def _desk_keys(desk: Desk, item: payloads.RefItem) -> str:
    keys = schema.parse_desk_keys(item.data)
    own = desk.info.code
    listed: set[str] = set()
    for k in keys:
        if k.desk == own:
            continue
        listed.add(k.desk)
        desk.conn.execute("DELETE FROM trusted_keys WHERE owner = ? AND purpose = 'sign'", [k.desk])
        desk.conn.execute(
            "INSERT INTO trusted_keys (owner, purpose, public_key, key_id, revoked)"
            " VALUES (?, 'sign', ?, ?, ?)",
            [k.desk, k.sign_public, k.key_id, int(k.revoked)],
        )
    for (owner,) in desk.conn.execute(
        "SELECT DISTINCT owner FROM trusted_keys WHERE purpose = 'sign' AND owner != 'hub'"
    ).fetchall():
        if owner not in listed:
            desk.conn.execute(
                "UPDATE trusted_keys SET revoked = 1 WHERE owner = ? AND purpose = 'sign'",
                [owner],
            )
    revoked = sum(1 for k in keys if k.revoked)
    return f": keys of {len(listed)} other desk(s)" + (f", {revoked} revoked" if revoked else "")


def _revoked_letters(desk: Desk, item: payloads.RefItem) -> str:
    letters = schema.parse_revoked_letters(item.data)
    desk.conn.execute("DELETE FROM revoked_letters")
    desk.conn.executemany(
        "INSERT INTO revoked_letters (number, desk, reason, revoked_at) VALUES (?, ?, ?, ?)",
        [(r.number, r.desk, r.reason, r.at) for r in letters],
    )
    mine = 0
    for r in letters:
        if not revocation_applies(r.desk, desk.info.code, r.number):
            continue  # another desk's letter, even when its number is the same as one of ours
        row = desk.conn.execute(
            "SELECT request_id, revoked FROM letters WHERE number = ?", [r.number]
        ).fetchone()
        if row is None or row["revoked"]:
            continue
        desk.record(
            EventKind.LETTER_REVOKED,
            staff=SYSTEM,
            request_id=str(row["request_id"]),
            data={"number": r.number, "reason": r.reason, "by": DISTRICT},
        )
        mine += 1
    text = f": {len(letters)} letter(s)"
    return text + (f", {mine} of them issued here, now marked revoked" if mine else "")


def _hub_notes(desk: Desk, item: payloads.RefItem) -> str:
    outcomes, answers = schema.parse_hub_notes(item.data)
    new_outcomes = sum(
        install_hub_outcome(
            desk,
            request_id=o.request_id,
            outcome_id=o.outcome_id,
            outcome=o.outcome,
            agency=o.agency,
            note=o.note,
            officer=o.officer,
            staff=SYSTEM,
        )
        for o in outcomes
    )
    new_answers = sum(
        install_hub_answer(
            desk, complaint_id=a.complaint_id, answer=a.answer, officer=a.officer, staff=SYSTEM
        )
        for a in answers
    )
    return f": {new_outcomes} referral outcome(s), {new_answers} complaint answer(s) recorded"


_APPLY: dict[str, Callable[[Desk, payloads.RefItem], str]] = {
    payloads.CATALOGUE: _catalogue,
    payloads.STAFF: _staff,
    payloads.LETTERHEAD: _letterhead,
    payloads.HOLIDAYS: _holidays,
    payloads.DESK_KEYS: _desk_keys,
    payloads.REVOKED_LETTERS: _revoked_letters,
    payloads.HUB_NOTES: _hub_notes,
    payloads.OFFICES: _offices,
}
