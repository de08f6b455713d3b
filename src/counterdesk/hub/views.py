"""What the hub shows: received requests, desks with their epochs, gaps and quarantine."""

from __future__ import annotations

from typing import Any

from counterdesk.hub.event_checks import invalid_events
from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import gaps, tag
from counterdesk.hub.refdata import known_versions, versions


def list_requests(
    hub: Hub, *, desk: str | None = None, limit: int = 10_000
) -> list[dict[str, Any]]:
    sql = (
        "SELECT desk, receipt, ticket, service, name, status, registered_at, updated_at,"
        " due_date, epoch FROM requests"
    )
    params: list[Any] = []
    if desk:
        sql += " WHERE desk = ?"
        params.append(desk.strip().upper())
    sql += " ORDER BY desk, registered_at, receipt LIMIT ?"
    params.append(limit)
    with hub.lock:
        rows = hub.conn.execute(sql, params).fetchall()
    return [
        {
            "receipt": r["receipt"],
            "desk": r["desk"],
            "service": r["service"],
            "status": r["status"],
            "ticket": r["ticket"],
            "name": r["name"],
            "registered_at": r["registered_at"],
            "updated_at": r["updated_at"],
            "due_date": r["due_date"],
            "epoch": tag(r["epoch"]),
        }
        for r in rows
    ]


def _quarantined(hub: Hub, desk: str | None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM quarantine"
    params: list[Any] = []
    if desk is not None:
        sql += " WHERE desk = ?"
        params.append(desk)
    rows = hub.conn.execute(sql + " ORDER BY id", params).fetchall()
    return [
        {
            "at": r["at"],
            "desk": r["desk"],
            "file": r["source"],
            "stored_as": str(hub.quarantine_dir / r["stored_as"]) if r["stored_as"] else None,
            "reason": r["reason"],
            "via": r["via"],
            "sha256": r["sha256"],
            "size": r["size"],
            "count": r["count"],
            "last_at": r["last_at"] or r["at"],
        }
        for r in rows
    ]


def desks_report(hub: Hub) -> dict[str, Any]:
    with hub.lock:
        conn = hub.conn
        desks: list[dict[str, Any]] = []
        for d in conn.execute("SELECT * FROM desks ORDER BY code").fetchall():
            epochs = []
            for e in conn.execute(
                "SELECT * FROM epochs WHERE desk = ? ORDER BY coalesce(first_seq, max_seq),"
                " first_seen",
                [d["code"]],
            ).fetchall():
                epochs.append(
                    {
                        "epoch": e["epoch"],
                        "tag": tag(e["epoch"]),
                        "origin": e["origin"] or "unknown (its first event has not arrived)",
                        "first_seq": e["first_seq"],
                        "contiguous": e["contiguous"] if e["first_seq"] is not None else 0,
                        "max_seq": e["max_seq"],
                        "events": e["events"],
                        "gaps": [list(g) for g in gaps(conn, d["code"], e["epoch"])],
                        "first_seen": e["first_seen"],
                    }
                )
            requests = conn.execute(
                "SELECT count(*) FROM requests WHERE desk = ?", [d["code"]]
            ).fetchone()[0]
            if d["revoked"]:
                state = "revoked"
            elif d["pinned_at"]:
                state = "enrolled"
            else:
                state = "waiting for first contact"
            desks.append(
                {
                    "desk": d["code"],
                    "name": d["name"],
                    "post": d["post"],
                    "state": state,
                    "key": d["sign_key_id"] or None,
                    "first_contact": d["pinned_at"] or None,
                    "last_contact": d["last_contact"] or None,
                    "last_contact_via": d["last_contact_via"] or None,
                    "catalogue_version": d["catalogue_version"],
                    "requests": requests,
                    "epochs": epochs,
                    "restore_or_clone": len(epochs) > 1,
                    "quarantined": _quarantined(hub, d["code"]),
                    "invalid_events": conn.execute(
                        "SELECT count(*) FROM event_problems WHERE desk = ?", [d["code"]]
                    ).fetchone()[0],
                    "revoked_reason": d["revoked_reason"] or None,
                    "refdata": known_versions(hub, d["code"]),
                }
            )
        alerts = [
            {
                "at": a["at"],
                "desk": a["desk"],
                "kind": a["kind"],
                "message": a["message"],
                "count": a["count"],
                "last_at": a["last_at"] or a["at"],
            }
            for a in conn.execute(
                "SELECT * FROM alerts ORDER BY coalesce(nullif(last_at, ''), at) DESC, id DESC"
                " LIMIT 200"
            )
        ]
        return {
            "district": hub.info.district,
            "refdata": versions(hub),
            "desks": desks,
            "quarantined": _quarantined(hub, None),
            "invalid_events": invalid_events(conn),
            "alerts": alerts,
        }
