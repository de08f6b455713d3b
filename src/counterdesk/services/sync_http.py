"""Exchanging with the hub over HTTP now: one round trip per bundle.

Each call sends one signed bundle to ``POST /api/v1/exchange`` and gets the hub's signed
replies back: the acknowledgement (with what became of the upload) and, when this desk is
behind, reference data. Both are applied at once, like a stick's.

1. A ``hello`` first, but only when it saves something: when nothing is pending (to learn
   the acknowledgement and fetch reference data), or when a stick took events the hub's
   last acknowledgement does not cover yet (the hub may hold them already).
2. Every unacknowledged event, in small bundles (so a cut link re-sends at most one small
   bundle); each answer's acknowledgement moves ``acked_seq``, and the next bundle starts
   after it, so nothing the hub acknowledged is sent again.

Network errors and 5xx are retried with backoff by the client; a 4xx stops the exchange
with the hub's reason. Whatever was done before a failure stays done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.services.desk import Desk
from counterdesk.services.escrow import escrow_key
from counterdesk.services.outbox import (
    HTTP_PAYLOAD_LIMIT,
    acked_seq,
    exported_seq,
    hello_payload,
    outgoing,
    seal,
)
from counterdesk.services.survey import flush_surveys
from counterdesk.services.sync_import import ImportLine, import_bundle
from counterdesk.services.sync_link import HubLink, load_link, record_contact, remember_url
from counterdesk.store.eventlog import last_seq
from counterdesk.sync import payloads
from counterdesk.sync.http_client import HubClient, check_url

ClientFactory = Callable[[str], HubClient]


@dataclass
class SyncReport:
    url: str
    uploaded: int = 0
    new_events: int = 0
    known_events: int = 0
    duplicates: int = 0
    replies: list[ImportLine] = field(default_factory=list)
    pending: int = 0
    acked_seq: int = 0
    retries: int = 0
    exchanges: int = 0  # round trips made

    def lines(self) -> list[str]:
        out = [f"hub {self.url}: connected"]
        if self.uploaded or self.duplicates:
            out.append(
                f"sent {self.uploaded + self.duplicates} bundle(s): {self.new_events} new "
                f"event(s), {self.known_events} the hub already had"
                + (f", {self.duplicates} already received before" if self.duplicates else "")
            )
        else:
            out.append("nothing to send")
        acks = [r for r in self.replies if r.kind == payloads.ACK]
        shown = [r for r in self.replies if r.kind != payloads.ACK] + acks[-1:]
        out += [f"{r.kind or 'reply'}: {r.outcome}: {r.message}" for r in shown]
        out.append(f"pending {self.pending} event(s); acknowledged up to {self.acked_seq}")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "hub": self.url,
            "uploaded_bundles": self.uploaded,
            "duplicate_bundles": self.duplicates,
            "new_events": self.new_events,
            "known_events": self.known_events,
            "replies": [r.to_json() for r in self.replies],
            "pending": self.pending,
            "acked_seq": self.acked_seq,
            "retries": self.retries,
            "exchanges": self.exchanges,
        }


def hello_bundle(desk: Desk, link: HubLink) -> bytes:
    return seal(desk, link, kind=payloads.HELLO, payload=hello_payload(desk))


class _Session:
    """One sync: the client, the report, and applying what the hub answers."""

    def __init__(
        self,
        desk: Desk,
        client: HubClient,
        report: SyncReport,
        link: HubLink,
        should_stop: Callable[[], bool] | None,
    ) -> None:
        self.desk = desk
        self.client = client
        self.report = report
        self.link = link
        self.should_stop = should_stop
        self.contacted = False

    def exchange(self, data: bytes, *, tolerate_ack: bool = False) -> payloads.Upload | None:
        if self.should_stop is not None and self.should_stop():
            raise CounterdeskError(
                "the exchange with the district was stopped; nothing is lost",
                code="sync_cancelled",
            )
        answers = self.client.exchange(data)
        self.report.exchanges += 1
        if not self.contacted:
            self.contacted = True
            if self.report.url != self.link.url:
                remember_url(self.desk, self.report.url)
            with self.desk.transaction():
                record_contact(self.desk)
        if not answers:
            raise CounterdeskError(
                "the hub answered without an acknowledgement", code="hub_protocol"
            )
        upload = None
        for index, answer in enumerate(answers):
            line = import_bundle(self.desk, answer, source="reply")
            self.report.replies.append(line)
            if line.failed and not (tolerate_ack and index == 0):
                raise CounterdeskError(
                    f"the hub's reply was refused: {line.message}", code="hub_reply"
                )
            if index == 0:
                if line.kind != payloads.ACK:
                    raise CounterdeskError(
                        "the hub's first reply is not an acknowledgement", code="hub_protocol"
                    )
                upload = line.upload
        return upload


def sync_with_hub(
    desk: Desk,
    url: str | None = None,
    *,
    client_factory: ClientFactory = HubClient,
    max_payload: int = HTTP_PAYLOAD_LIMIT,
    should_stop: Callable[[], bool] | None = None,
) -> SyncReport:
    """Exchange with the hub now. ``should_stop`` is asked before each round trip (the app's
    cancel button); a stop raises ``CounterdeskError`` with code ``sync_cancelled``."""
    link = load_link(desk)
    target = url or link.url
    if not target:
        raise CounterdeskError(
            "no hub address is known yet: give it once with --hub URL (e.g. "
            "http://10.61.7.1:8750); it is remembered",
            code="hub_url_missing",
        )
    target = check_url(target)
    flush_surveys(desk)  # the answers given since the last sync travel with it
    escrow_key(desk)  # and the database key, once, sealed to the hub
    report = SyncReport(url=target)
    with client_factory(target) as client:
        session = _Session(desk, client, report, link, should_stop)
        try:
            acked = acked_seq(desk)
            pending = last_seq(desk.conn) - acked
            if pending <= 0 or exported_seq(desk) > acked:
                # With events to send, a diverged desk must still upload them (the hub then
                # sees the conflict and alerts the district): its ack is not fatal here.
                session.exchange(hello_bundle(desk, link), tolerate_ack=pending > 0)
            sent_through = 0
            while True:
                start = max(acked_seq(desk), sent_through)
                bundle = next(iter(outgoing(desk, after=start, max_payload=max_payload)), None)
                if bundle is None:
                    break
                upload = session.exchange(bundle.data)
                sent_through = bundle.seq_last
                if upload is not None and upload.result == "duplicate":
                    report.duplicates += 1
                else:
                    report.uploaded += 1
                if upload is not None:
                    report.new_events += upload.new
                    report.known_events += upload.known
        finally:
            report.retries = client.retries
    report.acked_seq = acked_seq(desk)
    report.pending = max(0, last_seq(desk.conn) - report.acked_seq)
    return report
