"""Chain anchors outside the desk's file: tags in printed codes, and the hub's acknowledgement.

A receipt's QR code is signed with the desk's last event and a short tag of its chain hash
(``CD2``, :mod:`counterdesk.domain.qrpayload`); the paper leaves the desk with the citizen,
so a history rewritten later no longer matches it. Each code signed is also recorded in
``printed_codes`` for ``audit verify --receipts``. The last acknowledgement that moved
``acked_seq`` is kept whole in ``hub_anchor``: its hub signature can be checked again, so
"the hub holds these events" cannot be made up by someone who only has this file.
"""

from __future__ import annotations

import dataclasses

from counterdesk.domain.qrpayload import QrPayload, chain_tag
from counterdesk.services.desk import Desk
from counterdesk.services.verification import sign_payload
from counterdesk.store.eventlog import chain_head


def sign_anchored(desk: Desk, payload: QrPayload) -> str:
    """Sign ``payload`` with the chain anchor of the desk's last event, and record it.

    Must run inside a write transaction (the anchor is the head as it is then). A log
    without events cannot anchor anything: the code is signed without a tag (CD1).
    """
    if not desk.conn.in_transaction:
        raise RuntimeError("sign_anchored needs a write transaction")
    head = chain_head(desk.conn)
    if head is None:
        return sign_payload(desk, payload)
    seq, digest = head
    anchored = dataclasses.replace(payload, anchor_seq=seq, anchor_tag=chain_tag(digest))
    text = sign_payload(desk, anchored)
    desk.conn.execute(
        "INSERT OR IGNORE INTO printed_codes (kind, number, anchor_seq, anchor_tag, payload,"
        " printed_at) VALUES (?, ?, ?, ?, ?, ?)",
        [payload.kind, payload.number, seq, anchored.anchor_tag, text, desk.now_text()],
    )
    return text


def keep_hub_anchor(desk: Desk, bundle: bytes, seq: int) -> None:
    """Inside the transaction that applies an acknowledgement through ``seq``: keep it."""
    row = desk.conn.execute("SELECT hash FROM events WHERE seq = ?", [seq]).fetchone()
    if row is None:
        return
    desk.conn.execute(
        "INSERT OR REPLACE INTO hub_anchor (id, seq, hash, bundle, received_at)"
        " VALUES (1, ?, ?, ?, ?)",
        [seq, str(row[0]), bundle, desk.now_text()],
    )
