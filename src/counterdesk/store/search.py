"""Finding requests: full-text (trigram) search and filtered listing, newest first."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestFilter:
    text: str = ""
    status: str | None = None
    service: str | None = None
    day_from: str | None = None  # ISO date, inclusive, on registered_at
    day_to: str | None = None


def _fts_query(text: str) -> str:
    """Each word must appear (as a substring); quotes make any character safe."""
    words = [w.replace('"', '""') for w in text.split()]
    return " AND ".join(f'"{w}"' for w in words)


def find_rowids(
    conn: sqlite3.Connection, flt: RequestFilter, *, limit: int = 200, offset: int = 0
) -> list[int]:
    """Row ids of matching requests, newest first."""
    where: list[str] = []
    params: list[object] = []
    text = " ".join(flt.text.split())
    words = text.split()
    if words and all(len(w) >= 3 for w in words):
        where.append("r.rowid IN (SELECT rowid FROM request_search WHERE request_search MATCH ?)")
        params.append(_fts_query(text))
    elif words:
        for w in words:
            like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(r.receipt LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\'"
                " OR r.ident LIKE ? ESCAPE '\\')"
            )
            params += [like, like, like]
    if flt.status:
        where.append("r.status = ?")
        params.append(flt.status)
    if flt.service:
        where.append("r.service = ?")
        params.append(flt.service)
    if flt.day_from:
        where.append("r.registered_at >= ?")
        params.append(flt.day_from)
    if flt.day_to:
        where.append("substr(r.registered_at, 1, 10) <= ?")
        params.append(flt.day_to)
    sql = "SELECT r.rowid FROM requests r"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.rowid DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [row[0] for row in conn.execute(sql, params)]
