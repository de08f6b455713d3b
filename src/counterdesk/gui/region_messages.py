"""UI-language messages for NIK regions, eligibility rules and overrides.

Kept apart from ``messages.py`` (its own translation context) and merged into
its catalogue by ``message_for``; each template uses the error's params.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def region_catalogue() -> dict[str, str]:
    """Code -> translated template (built per call: it follows the current language)."""
    return {
        "nik_regency": QCoreApplication.translate(
            "RegionMessages",
            "NIK starts with {regency}, which is not a regency of {province_name} in the "
            "Kemendagri code list. If the card is genuine, a supervisor can accept it with a "
            "reason.",
        ),
        "nik_kecamatan": QCoreApplication.translate(
            "RegionMessages",
            "Kecamatan {kecamatan} is not in the Kemendagri code list ({regency_name} has "
            "{range}). If the card is genuine, a supervisor can accept it with a reason.",
        ),
        "nik_birth_future": QCoreApplication.translate(
            "RegionMessages",
            "The NIK gives a birth date after today ({birth} is after {today} by this "
            "computer's clock). Check the NIK, and the computer's date if it is wrong.",
        ),
        "eligibility_citizens": QCoreApplication.translate(
            "RegionMessages",
            "This service is for Indonesian citizens only (a NIK is needed); it cannot be "
            "given on a foreign passport.",
        ),
        "eligibility_age": QCoreApplication.translate(
            "RegionMessages",
            "This service needs age {years} or more; the applicant is {age} (born {birth}).",
        ),
        "eligibility_age_unknown": QCoreApplication.translate(
            "RegionMessages",
            "This service needs age {years} or more, and the birth date is not known.",
        ),
        "eligibility_future": QCoreApplication.translate(
            "RegionMessages", "{label} is {value}, after today ({today} by this computer's clock)."
        ),
        "residence_required": QCoreApplication.translate(
            "RegionMessages",
            "This service is only for residents of kecamatan {places}: check the address on "
            "the KTP-el or KK, tick the box and copy the address.",
        ),
        "override_role": QCoreApplication.translate(
            "RegionMessages",
            "Only a supervisor or administrator may accept this; ask a supervisor to "
            "approve with their name and password.",
        ),
        "override_reason_missing": QCoreApplication.translate(
            "RegionMessages", "Give the reason for accepting this."
        ),
        "override_reason_long": QCoreApplication.translate(
            "RegionMessages", "The reason is too long (at most 300 characters)."
        ),
        "override_unknown": QCoreApplication.translate(
            "RegionMessages", "This rule cannot be overridden."
        ),
        "condition_unknown": QCoreApplication.translate(
            "RegionMessages", "This service has no such condition."
        ),
    }
