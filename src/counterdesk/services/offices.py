"""Which letterhead, place, signer and number template are in force at this desk.

Each value comes from the first of:

1. ``hub`` -- the district published it for this desk's post (``offices`` reference data,
   kept with the desk settings under :data:`DISTRICT_OFFICE`);
2. ``desk`` -- the post's administrator set it in this desk's settings (or an older hub
   sent it district-wide), used only while the hub has none for the post;
3. ``default`` -- derived from the enrollment (office = the post's name, place = the post,
   address = the district) -- never for the signer.

The signer's name and title have no default: without them no letter is issued (a letter
is never signed by the clerk as "Camat"), and :func:`require_signer` says who must set them.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, fields
from typing import Any, Final

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.numbering import LetterNumberTemplate
from counterdesk.services.desk import Desk
from counterdesk.sync.names import OFFICE_KEYS

DISTRICT_OFFICE: Final = "district_office"  # key of the installed ``offices`` in the settings
HUB: Final = "hub"
DESK: Final = "desk"
DEFAULT: Final = "default"
UNSET: Final = ""
OFFICE_SETTINGS: Final = OFFICE_KEYS  # what a post's letters take from the district
SIGNER_REQUIRED: Final = ("signer_name", "signer_title")
_DEFAULTS = DeskSettings()


@dataclass(frozen=True)
class InForce:
    value: str
    source: str  # HUB, DESK, DEFAULT or UNSET


@dataclass(frozen=True)
class Office:
    post: str
    values: dict[str, InForce]
    emblem: bytes | None
    verify_url: str

    def get(self, key: str) -> str:
        return self.values[key].value

    def number_template(self) -> LetterNumberTemplate:
        """A post's template from the hub may use ``{desk_no}``; a desk-wide one must name
        the whole desk code."""
        chosen = self.values["letter_number_template"]
        return LetterNumberTemplate(chosen.value, full_desk=chosen.source != HUB)

    def missing_signer(self) -> list[str]:
        return [key for key in SIGNER_REQUIRED if not self.get(key).strip()]


def installed(desk: Desk) -> dict[str, Any]:
    """The ``offices`` data installed for this desk's post ({} before the first)."""
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    if row is None:
        return {}
    data = json.loads(row["settings"] or "{}").get(DISTRICT_OFFICE)
    return data if isinstance(data, dict) else {}


def _emblem(data: dict[str, Any]) -> bytes | None:
    raw = data.get("emblem")
    if not isinstance(raw, dict):
        return None
    try:
        return base64.b64decode(str(raw.get("data", "")), validate=True) or None
    except (binascii.Error, ValueError):
        return None


def office_in_force(desk: Desk) -> Office:
    info = desk.info
    local = info.settings
    data = installed(desk)
    hub_values = data.get("settings", {}) if data.get("post") == info.post else {}
    defaults = {
        "letterhead_government": _DEFAULTS.letterhead_government,
        "letterhead_office": info.post.upper(),
        "letterhead_address": info.district,
        "letter_place": info.post,
        "letter_number_template": _DEFAULTS.letter_number_template,
    }
    known = {f.name for f in fields(DeskSettings)}
    values: dict[str, InForce] = {}
    for key in OFFICE_SETTINGS:
        from_hub = str(hub_values.get(key, "")).strip()
        from_desk = str(getattr(local, key, "")).strip() if key in known else ""
        default = defaults.get(key, "")
        if from_hub:
            values[key] = InForce(from_hub, HUB)
        elif from_desk and from_desk != default:
            values[key] = InForce(from_desk, DESK)
        elif default:
            values[key] = InForce(default, DEFAULT)
        else:
            values[key] = InForce("", UNSET)
    return Office(info.post, values, _emblem(data), str(data.get("verify_url", "")))


def require_signer(office: Office) -> None:
    """Refuse to issue a letter the post's signer is not set for."""
    missing = office.missing_signer()
    if missing:
        raise ValidationError(
            f"no letter can be issued: the signer of {office.post} is not set "
            f"({', '.join(missing)}). The district administrator sets it at the hub "
            f"(Kop surat, post {office.post!r}), or this post's administrator in the desk "
            "settings (Letters: signer's name and title)",
            code="no_signer",
            post=office.post,
            missing=", ".join(missing),
        )
