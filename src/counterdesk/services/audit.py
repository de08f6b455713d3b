"""Checking that nothing in the event log was lost or altered, and saying what that proves.

The hash chain alone shows a gap or an edited event, but not a history edited and then
re-chained by someone who holds the file. What anchors the chain outside the file:

1. the hub's last acknowledgement (kept whole in ``hub_anchor``, its hub signature checked
   again): events up to the seq it acknowledged must still give the hash the hub holds;
2. the chain tag signed into each receipt's QR code (``CD2``): the chain recomputed from
   the events' content up to the code's seq must still give that tag. Codes come from the
   desk's print log (``printed_codes``, which the file's holder can rewrite too) and from
   receipts scanned from paper (which they cannot reach).

Events after the highest anchor are proved by nothing but the chain itself; the result
says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature

from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.qrpayload import KINDS, QrPayload, chain_tag, parse_payload
from counterdesk.services.desk import Desk
from counterdesk.services.sync_link import load_link
from counterdesk.store.eventlog import ChainProblem, walk_chain
from counterdesk.sync import payloads
from counterdesk.sync.bundle import BundleError, read_bundle

PRINT_LOG = "print log"


def _span(first: int, last: int) -> str:
    return f"event {first}" if first == last else f"events {first}-{last}"


@dataclass(frozen=True)
class HubAnchor:
    """Events ``1..seq`` match what the hub acknowledged on ``received_at``."""

    seq: int
    received_at: str


@dataclass(frozen=True)
class CodeCheck:
    """One receipt code compared with the chain. ``source``: "print log" or where it was
    given (``argument``, a file name and line)."""

    source: str
    text: str
    kind: str = ""
    number: str = ""
    anchor_seq: int | None = None
    ok: bool = True
    reason: str = ""

    @property
    def tagged(self) -> bool:
        return self.anchor_seq is not None

    def describe(self) -> str:
        what = f"{KINDS.get(self.kind, 'code')} {self.number}" if self.number else "code"
        return f"{what} ({self.source}): {self.reason}"

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "kind": KINDS.get(self.kind, ""),
            "number": self.number,
            "anchor_seq": self.anchor_seq,
            "ok": self.ok,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class AuditResult:
    events: int
    problems: list[ChainProblem]
    first_seq: int = 0
    last_seq: int = 0
    hub: HubAnchor | None = None
    hub_problem: str = ""
    receipts_checked: bool = False
    codes: list[CodeCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.hub_problem and not self.differing

    @property
    def differing(self) -> list[CodeCheck]:
        return [c for c in self.codes if not c.ok]

    @property
    def untagged(self) -> list[CodeCheck]:
        return [c for c in self.codes if c.ok and not c.tagged]

    def anchored_through(self, *, outside_only: bool) -> int:
        """The highest seq an anchor proves (``outside_only``: not counting the print log,
        which whoever holds the file can rewrite along with the events)."""
        seqs = [self.hub.seq if self.hub else 0]
        seqs += [
            c.anchor_seq
            for c in self.codes
            if c.ok and c.anchor_seq is not None and not (outside_only and c.source == PRINT_LOG)
        ]
        return min(max(seqs), self.last_seq)

    def not_proved(self) -> list[str]:
        """What this audit cannot prove: events after the last anchor."""
        out: list[str] = []
        if not self.events:
            return out
        outside = self.anchored_through(outside_only=True)
        anywhere = self.anchored_through(outside_only=False)
        if anywhere > outside:
            out.append(
                f"{_span(outside + 1, anywhere)}: anchored only by this desk's own print log, "
                "which whoever holds this file can rewrite together with the events"
            )
        if anywhere < self.last_seq:
            out.append(
                f"{_span(anywhere + 1, self.last_seq)}: anchored by nothing outside the "
                "chain itself (not yet acknowledged by the hub, no receipt printed after "
                "them): an edit re-chained by hand would not be detected"
            )
        if not self.receipts_checked:
            out.append("receipts were not checked (use --receipts)")
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "events": self.events,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "problems": [
                {"seq": p.seq, "event_id": p.event_id, "kind": p.kind, "problem": p.problem}
                for p in self.problems
            ],
            "hub": None
            if self.hub is None
            else {"anchored_through": self.hub.seq, "received_at": self.hub.received_at},
            "hub_problem": self.hub_problem,
            "receipts": None
            if not self.receipts_checked
            else {
                "checked": len(self.codes),
                "tagged": sum(1 for c in self.codes if c.tagged),
                "untagged": len(self.untagged),
                "differing": [c.to_json() for c in self.differing],
            },
            "anchored_through": self.anchored_through(outside_only=True),
            "not_proved": self.not_proved(),
        }


@dataclass
class _HubClaim:
    ack: payloads.Ack | None
    seq: int
    received_at: str
    problem: str = ""


def _hub_claim(desk: Desk) -> _HubClaim | None:
    """The kept acknowledgement, its hub signature checked again (nothing yet compared)."""
    row = desk.conn.execute(
        "SELECT seq, bundle, received_at FROM hub_anchor WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    seq, received = int(row["seq"]), str(row["received_at"])
    try:
        link = load_link(desk)
        _, raw = read_bundle(
            bytes(row["bundle"]), recipient_private=desk.keys.box, sender_public=link.hub_sign
        )
        ack = payloads.decode_ack(raw)
    except (BundleError, CounterdeskError) as exc:
        return _HubClaim(
            None,
            seq,
            received,
            f"the hub's acknowledgement kept by this desk (events up to {seq}) no longer "
            f"verifies: {exc}; it was altered or replaced",
        )
    if ack.desk != desk.info.code:
        return _HubClaim(
            None, seq, received, f"the kept acknowledgement is for desk {ack.desk}, not this desk"
        )
    return _HubClaim(ack, seq, received)


def _parse_given(source: str, text: str, desk: Desk) -> tuple[CodeCheck, QrPayload | None]:
    try:
        payload = parse_payload(text)
    except ValidationError as exc:
        return CodeCheck(source, text, ok=False, reason=str(exc)), None
    check = CodeCheck(source, text, payload.kind, payload.number, payload.anchor_seq)
    if payload.desk != desk.info.code:
        return _fail(
            check, f"printed by desk {payload.desk}, not by this desk: check it there"
        ), None
    try:
        desk.keys.sign_public.verify(payload.signature, payload.signed_text().encode())
    except InvalidSignature:
        return _fail(check, "bad signature: the code was altered or forged"), None
    return check, payload


def _fail(check: CodeCheck, reason: str) -> CodeCheck:
    return CodeCheck(
        check.source, check.text, check.kind, check.number, check.anchor_seq, False, reason
    )


def _compare(
    check: CodeCheck,
    payload: QrPayload,
    hashes: dict[int, str],
    last: int,
    printed: set[str],
    restored: str,
) -> CodeCheck:
    seq = payload.anchor_seq
    if seq is None:
        return CodeCheck(
            check.source,
            check.text,
            check.kind,
            check.number,
            None,
            True,
            "no chain tag (a CD1 code, signed before chain tags): nothing to compare",
        )
    when = f"signed on {payload.date} after event {seq}"
    if seq > last or seq not in hashes:
        return _fail(
            check,
            f"{when}, but the event log ends at event {last}: events were removed (or this "
            "desk was restored from a backup older than the receipt)",
        )
    tag = payload.anchor_tag
    if chain_tag(hashes[seq], len(tag)) != tag:
        return _fail(
            check,
            f"{when}: the event log up to event {seq} is not the one the receipt was signed "
            f"with; history was rewritten after it was printed{restored}",
        )
    if check.source != PRINT_LOG and check.text not in printed:
        return _fail(
            check,
            f"{when}: it matches the event log but is missing from this desk's print log "
            "(the print log was edited, or a copy of this desk printed it)",
        )
    return CodeCheck(check.source, check.text, check.kind, check.number, seq, True, "matches")


def _narrow(codes: list[CodeCheck], hub: HubAnchor | None) -> list[CodeCheck]:
    """Name, for each differing tagged code, the range the change must lie in."""
    good = sorted({c.anchor_seq for c in codes if c.ok and c.anchor_seq is not None})
    if hub is not None:
        good = sorted({*good, hub.seq})
    out = []
    for c in codes:
        if c.ok or c.anchor_seq is None or "rewritten" not in c.reason:
            out.append(c)
            continue
        below = max((s for s in good if s < c.anchor_seq), default=0)
        out.append(_fail(c, f"{c.reason} (changed in {_span(below + 1, c.anchor_seq)})"))
    return out


def audit(
    desk: Desk, *, receipts: bool = False, given: Sequence[tuple[str, str]] = ()
) -> AuditResult:
    """Check the chain and the hub's anchor; with ``receipts``, every code in the print log
    and every ``given`` (source, payload) code too (given codes imply ``receipts``)."""
    receipts = receipts or bool(given)
    claim = _hub_claim(desk)
    pending: list[tuple[CodeCheck, QrPayload | None]] = []
    printed: set[str] = set()
    if receipts:
        for row in desk.conn.execute("SELECT payload FROM printed_codes ORDER BY id"):
            text = str(row[0])
            printed.add(text)
            pending.append(_parse_given(PRINT_LOG, text, desk))
        pending += [_parse_given(source, text, desk) for source, text in given]
    want = {p.anchor_seq for _, p in pending if p is not None and p.anchor_seq is not None}
    if claim is not None and claim.ack is not None:
        want |= {e.contiguous for e in claim.ack.epochs}
    report = walk_chain(desk.conn, want)
    hub: HubAnchor | None = None
    hub_problem = ""
    if claim is not None:
        hub_problem = claim.problem
        if claim.ack is not None:
            local = [
                (str(r[0]), int(r[1]))
                for r in desk.conn.execute("SELECT epoch, first_seq FROM epochs ORDER BY first_seq")
            ]
            try:
                through = payloads.acknowledged_through(
                    claim.ack, local, report.last_seq, report.hashes.get
                )
            except payloads.Diverged:
                through = -1
            if through < claim.seq:
                hub_problem = (
                    f"events up to seq {claim.seq}, acknowledged by the hub (received "
                    f"{claim.received_at}), "
                    "no longer match what the hub holds: history the hub already has was "
                    "rewritten (or events were removed)"
                )
            else:
                hub = HubAnchor(through, claim.received_at)
    restored = ""
    if desk.conn.execute("SELECT count(*) FROM epochs").fetchone()[0] > 1:
        restored = " (or this desk was restored from a backup made before it was printed)"
    codes = [
        check
        if payload is None
        else _compare(check, payload, report.hashes, report.last_seq, printed, restored)
        for check, payload in pending
    ]
    return AuditResult(
        events=report.events,
        problems=report.problems,
        first_seq=report.first_seq,
        last_seq=report.last_seq,
        hub=hub,
        hub_problem=hub_problem,
        receipts_checked=receipts,
        codes=_narrow(codes, hub),
    )
