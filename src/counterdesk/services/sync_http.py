"""Exchanging with the hub over HTTP now: hello, upload, fetch replies, apply them.

1. ``hello``: a signed bundle with the desk's view; the hub answers with its signed
   acknowledgement (its high-water marks), which is applied at once, so the desk uploads
   only what the hub does not hold yet.
2. upload every unacknowledged event in small bundles (<= 256 KiB each, so a cut link
   re-sends at most one small bundle); the bundle id is the idempotency key.
3. fetch the hub's replies (acknowledgement, reference data) and apply them like a stick.

Network errors and 5xx are retried with backoff by the client; a 4xx stops the exchange
with the hub's reason. Whatever was done before a failure stays done.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.ids import new_id
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import HTTP_PAYLOAD_LIMIT, acked_seq, outgoing, seal
from counterdesk.services.sync_import import ImportLine, catalogue_version, import_bundle
from counterdesk.services.sync_link import HubLink, load_link, record_contact, remember_url
from counterdesk.store.eventlog import last_seq
from counterdesk.sync import payloads
from counterdesk.sync.http_client import HubClient, HubRefused, check_url

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
        out += [f"{r.kind or 'reply'}: {r.outcome}: {r.message}" for r in self.replies]
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
        }


def hello_bundle(desk: Desk, link: HubLink) -> bytes:
    hello = payloads.Hello(
        desk=desk.info.code,
        epoch=desk.info.epoch,
        last_seq=last_seq(desk.conn),
        acked_seq=acked_seq(desk),
        catalogue_version=catalogue_version(desk),
        nonce=new_id(),
    )
    return seal(desk, link, kind=payloads.HELLO, payload=hello.encode())


def _decode_b64(value: object, what: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise HubRefused(f"the hub's {what} is not base64", code="hub_protocol") from None


def _apply_or_fail(desk: Desk, data: bytes, source: str) -> ImportLine:
    line = import_bundle(desk, data, source=source)
    if line.failed:
        raise CounterdeskError(f"the hub's {source} was refused: {line.message}", code="hub_reply")
    return line


def sync_with_hub(
    desk: Desk, url: str | None = None, *, client_factory: ClientFactory = HubClient
) -> SyncReport:
    link = load_link(desk)
    target = url or link.url
    if not target:
        raise CounterdeskError(
            "no hub address is known yet: give it once with --hub URL (e.g. "
            "http://10.61.7.1:8750); it is remembered",
            code="hub_url_missing",
        )
    target = check_url(target)
    report = SyncReport(url=target)
    with client_factory(target) as client:
        try:
            answer = client.hello(hello_bundle(desk, link))
            if target != link.url:
                remember_url(desk, target)
            with desk.transaction():
                record_contact(desk)
            if "ack" in answer:
                # Not fatal here: when this desk diverged from what the hub holds (a copy),
                # uploading makes the hub see the conflict and alert the district; the
                # replies below then fail with the reason.
                import_bundle(desk, _decode_b64(answer["ack"], "acknowledgement"), source="hello")
            for bundle in outgoing(desk, max_payload=HTTP_PAYLOAD_LIMIT):
                result = client.upload(bundle.bundle_id, bundle.data)
                if result.get("result") == "duplicate":
                    report.duplicates += 1
                else:
                    report.uploaded += 1
                    report.new_events += int(result.get("new_events", 0))
                    report.known_events += int(result.get("known_events", 0))
            link = load_link(desk)
            for data in client.replies(hello_bundle(desk, link)):
                report.replies.append(_apply_or_fail(desk, data, "reply"))
        finally:
            report.retries = client.retries
    report.acked_seq = acked_seq(desk)
    report.pending = max(0, last_seq(desk.conn) - report.acked_seq)
    return report
