"""Names the command lines show before any format is loaded: the letter settings a district
sends, the suffixes of enrollment and recovery files. The modules of those formats
(sync.refdata, sync.offices, sync.enrollment, sync.escrow, hub.refdata) take them from here;
``counterdesk-hub --help`` builds its parser from them without loading the crypto, the event
contract or the hub's database code.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Final

from counterdesk.config import DeskSettings

# The desk settings a district sends for every desk (letterhead, signer, place, numbering).
LETTERHEAD_KEYS: Final = frozenset(
    f.name for f in fields(DeskSettings) if f.name.startswith(("letterhead_", "signer_"))
) | {"letter_place", "letter_number_template"}

# The settings a district may set for one post (office).
OFFICE_KEYS: Final = (
    "letterhead_government",
    "letterhead_office",
    "letterhead_address",
    "letter_place",
    "signer_name",
    "signer_title",
    "signer_rank",
    "signer_nip",
    "signer_on_behalf",
    "letter_number_template",
)

# Letter settings that belong to one post (its kop, place and signer): never district-wide.
PER_POST_KEYS: Final = frozenset(OFFICE_KEYS) - {
    "letterhead_government",
    "letter_number_template",
}

ENROLLMENT_SUFFIX: Final = ".cdenroll"
RECOVERY_SUFFIX: Final = ".cdrecover"
