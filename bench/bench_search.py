"""Search among 1,000,000 requests (p95 <= 30 ms) and open that database (<= 200 ms).

The database is built once through the real registration path and kept in
bench/out/search/ (delete it to rebuild). Baseline: a primary-key lookup of one
request in the same database.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from common import FIRST, LAST, Figure, citizen_name, emit, p95, scratch, timed
from counterdesk.services import register as reg
from counterdesk.services.desk import Desk
from counterdesk.services.requests import list_requests
from counterdesk.services.setup import make_demo
from counterdesk.services.status import desk_status

N = 1_000_000
BATCH = 50_000
NIKS = ["6107071708800001", "6107055203950002", "6107124101900003", "3171011708450001"]


def build(root: Path) -> None:
    desk, _ = make_demo(root)
    have = int(desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0])
    services = [s for s in desk.catalogue.services if not any(f.required for f in s.fields)]
    services = services or list(desk.catalogue.services[:1])
    calendar = reg.holidays(desk)
    today = desk.now().date()
    start = time.perf_counter()
    while have < N:
        batch = []
        for i in range(have, min(N, have + BATCH)):
            s = services[i % len(services)]
            fields = {f.key: "x" for f in s.fields if f.required}
            batch.append(
                reg.check(
                    desk,
                    reg.Registration(s.code, citizen_name(i), nik=NIKS[i % 4], fields=fields),
                    today=today,
                )
            )
        with desk.transaction():
            for item in batch:
                reg._store(desk, "demo", item, calendar)
        have += len(batch)
        print(f"  built {have:,} requests ({time.perf_counter() - start:.0f} s)", flush=True)
    desk.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()


def main() -> None:
    root = scratch("search")
    build(root)
    opens = []
    for _ in range(7):
        t = time.perf_counter()
        d = Desk.open(root)
        desk_status(d)  # what the app shows first
        list_requests(d, limit=50)  # and the first page of the table
        opens.append((time.perf_counter() - t) * 1000)
        d.close()
    desk = Desk.open(root)
    rng = random.Random(7)
    receipts = [
        r[0] for r in desk.conn.execute("SELECT receipt FROM requests WHERE rowid % 9973 = 0")
    ]
    queries = []
    for _ in range(200):
        kind = rng.randrange(5)
        if kind == 0:
            queries.append(rng.choice(FIRST) + " " + rng.choice(LAST))
        elif kind == 1:
            queries.append(rng.choice(LAST)[:5])
        elif kind == 2:
            queries.append(rng.choice(receipts))
        elif kind == 3:
            queries.append(rng.choice(receipts)[-7:])
        else:
            queries.append(rng.choice(NIKS)[2:10])
    it = iter(queries * 2)
    timed(lambda: list_requests(desk, text=next(it), limit=50), 20)
    it = iter(queries)
    search = timed(lambda: list_requests(desk, text=next(it), limit=50), len(queries))
    ids = [r[0] for r in desk.conn.execute("SELECT id FROM requests WHERE rowid % 4999 = 0")]
    it2 = iter(ids * 2)
    lookup = timed(
        lambda: desk.conn.execute("SELECT * FROM requests WHERE id = ?", [next(it2)]).fetchone(),
        len(ids),
    )
    base = p95(lookup)
    s95, o = p95(search), sorted(opens)[len(opens) // 2]
    emit(
        [
            Figure("primary-key lookup, p95", "ms", base, "baseline", True),
            Figure(
                f"search among {N:,} requests, p95 (first 50 hits)",
                "ms",
                s95,
                "<= 30 ms",
                s95 <= 30,
                baseline=base,
                baseline_name="pk lookup",
            ),
            Figure(
                f"open the {N:,}-request database + status + first page, median",
                "ms",
                o,
                "<= 200 ms",
                o <= 200,
            ),
        ],
        "search",
    )


if __name__ == "__main__":
    main()
