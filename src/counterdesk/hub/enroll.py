"""Reserving a desk code and making its enrollment file."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.ids import new_id
from counterdesk.domain.numbering import check_desk_code
from counterdesk.hub.hub import Hub
from counterdesk.sync import payloads
from counterdesk.sync.enrollment import SECRET_LENGTH, Enrollment, fingerprint, write_enrollment


@dataclass(frozen=True)
class EnrollmentMade:
    desk: str
    enrollment_id: str
    data: bytes
    hub_fingerprint: str
    reissued: bool


def enroll_desk(
    hub: Hub, code: str, *, post: str, name: str = "", reissue: bool = False
) -> EnrollmentMade:
    """Reserve ``code`` and make its enrollment file.

    A code whose desk has made first contact is refused. A code still waiting for its
    first contact is refused too, unless ``reissue``: then the old file stops working.
    """
    code = check_desk_code(code)
    post = " ".join(post.split())
    if not post:
        raise ValidationError("--post must name the service post", code="post")
    name = " ".join(name.split()) or f"Meja {code}"
    catalogue = hub.refdata(payloads.CATALOGUE)
    if catalogue is None:  # pragma: no cover - init always publishes one
        raise ValidationError("the hub has no service catalogue", code="no_catalogue")
    keys = hub.keys
    enrollment = Enrollment(
        enrollment_id=new_id(),
        desk=code,
        name=name,
        post=post,
        district=hub.info.district,
        hub=hub.info.code,
        hub_sign_public=payloads.raw_key(keys.sign_public),
        hub_box_public=payloads.raw_key(keys.box_public),
        secret=secrets.token_bytes(SECRET_LENGTH),
        issued_at=hub.now_text(),
        catalogue=catalogue.data,
    )
    data = write_enrollment(enrollment, keys.sign)
    with hub.transaction():
        row = hub.conn.execute(
            "SELECT pinned_at, revoked FROM desks WHERE code = ?", [code]
        ).fetchone()
        if row is not None and row["pinned_at"]:
            raise ValidationError(
                f"desk {code} is already enrolled (first contact {row['pinned_at']}); "
                "choose another code for a new desk",
                code="desk_enrolled",
            )
        if row is not None and not reissue:
            raise ValidationError(
                f"an enrollment file for {code} was already made and is waiting for the "
                "desk's first contact; add --reissue to make a new one (the old file then "
                "stops working)",
                code="desk_reserved",
            )
        hub.conn.execute(
            "INSERT INTO desks (code, name, post, enrollment_id, enrollment_secret, issued_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
            " post = excluded.post, enrollment_id = excluded.enrollment_id,"
            " enrollment_secret = excluded.enrollment_secret, issued_at = excluded.issued_at",
            [code, name, post, enrollment.enrollment_id, enrollment.secret, enrollment.issued_at],
        )
    return EnrollmentMade(
        desk=code,
        enrollment_id=enrollment.enrollment_id,
        data=data,
        hub_fingerprint=fingerprint(keys.sign_public),
        reissued=row is not None,
    )
