"""The desks' database keys the hub keeps sealed (escrow), and the recovery file made from one.

A desk's key arrives in its event log (event ``db_key_escrowed``, see
``services/escrow.py``) and stays sealed to the hub's key in the hub's event table. Only
:func:`recovery_file` opens it, for the district office to carry to a desk's replacement
PC, protected by a passphrase; each such export is recorded as an alert.
"""

from __future__ import annotations

import json

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import EventKind
from counterdesk.hub.hub import Hub
from counterdesk.sync.escrow import open_sealed_key, unb64, write_recovery


def recovery_file(hub: Hub, desk: str, passphrase: str) -> tuple[str, bytes]:
    """The recovery file for ``desk``'s database (its newest key): (key id, file bytes)."""
    code = desk.strip().upper()
    with hub.lock:
        known = hub.conn.execute("SELECT 1 FROM desks WHERE code = ?", [code]).fetchone()
        if known is None:
            raise CounterdeskError(f"no desk {code} is enrolled at this hub", code="unknown_desk")
        row = hub.conn.execute(
            "SELECT data FROM events WHERE desk = ? AND kind = ? ORDER BY seq DESC LIMIT 1",
            [code, EventKind.DB_KEY_ESCROWED],
        ).fetchone()
    if row is None:
        raise CounterdeskError(
            f"the hub holds no database key of desk {code}: a desk sends it with its first "
            "export or sync after enrolling (or after the update that encrypts its database); "
            "its database cannot be recovered from here",
            code="escrow_missing",
        )
    data = json.loads(row[0])
    key_id = str(data["key_id"])
    secret = open_sealed_key(
        unb64(data["sealed"], "sealed key"), desk=code, key_id=key_id, hub_box=hub.keys.box
    )
    made = write_recovery(code, key_id, secret, passphrase, made_at=hub.now_text())
    with hub.transaction():
        hub.alert(
            "key_recovery",
            f"recovery file made for the database of desk {code} (key {key_id[:8]})",
            code,
        )
    return key_id, made
