"""Finding requests: full-text (trigram) search and filtered listing, newest first."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestFilter:
    text: str = ""
    status: str | None = None
    service: str | None = None
    ticket_day: str | None = None  # ISO date: the queue of that day (indexed)


# Words shorter than the trigram index can use are matched among this many latest requests.
SHORT_SCOPE = 20_000


def _fts_query(text: str) -> str:
    """Each word must appear (as a substring); quotes make any character safe."""
    words = [w.replace('"', '""') for w in text.split()]
    return " AND ".join(f'"{w}"' for w in words)


def find_rowids(
    conn: sqlite3.Connection,
    flt: RequestFilter,
    *,
    limit: int = 200,
    offset: int = 0,
    exact_receipt: str | None = None,
) -> list[int]:
    """Row ids of matching requests, newest first.

    Text of 3+ characters per word goes through the trigram index, which is
    walked newest-first so the first page costs the same among a million rows;
    shorter text is matched among the latest requests only. ``exact_receipt``
    (a validated receipt number) uses the unique index instead.
    """
    where: list[str] = []
    params: list[object] = []
    words = flt.text.split()
    source = "requests r"
    order = "r.rowid"
    if exact_receipt:
        where.append("r.receipt = ?")
        params.append(exact_receipt)
    elif words and all(len(w) >= 3 for w in words):
        source = "request_search f JOIN requests r ON r.rowid = f.rowid"
        order = "f.rowid"
        where.append("request_search MATCH ?")
        params.append(_fts_query(" ".join(words)))
    elif words:
        where.append("r.rowid > (SELECT coalesce(max(rowid), 0) FROM requests) - ?")
        params.append(SHORT_SCOPE)
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
    if flt.ticket_day:
        where.append("r.ticket_day = ?")
        params.append(flt.ticket_day)
    # Only the fixed fragments above are formatted in; every value is bound.
    sql = f"SELECT r.rowid FROM {source}"  # noqa: S608
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [row[0] for row in conn.execute(sql, params)]
