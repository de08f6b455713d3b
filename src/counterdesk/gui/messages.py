"""Error messages in the UI language, from a ``CounterdeskError``'s code and params.

The services raise errors with an English message (for the command line and
logs), a stable ``code`` and ``params``. Here each code has an English source
text that Qt Linguist translates; an unknown code falls back to the English
message of the error itself.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.region_messages import region_catalogue

log = logging.getLogger(__name__)


def _catalogue() -> dict[str, str]:
    """Code -> translated template (built per call: it follows the current language)."""
    return {
        # NIK
        "nik_empty": QCoreApplication.translate(
            "Messages", "NIK is empty; type the 16 digits from the KTP-el."
        ),
        "nik_not_digits": QCoreApplication.translate("Messages", "NIK must contain only digits."),
        "nik_length": QCoreApplication.translate(
            "Messages", "NIK must have 16 digits; this one has {length}."
        ),
        "nik_province": QCoreApplication.translate(
            "Messages", "NIK starts with {province}, which is not an Indonesian province code."
        ),
        "nik_month": QCoreApplication.translate(
            "Messages", "NIK digits 9-10 give birth month {month:02d}, which does not exist."
        ),
        "nik_day": QCoreApplication.translate(
            "Messages",
            "NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} "
            "(for women 40 is added to the day).",
        ),
        "nik_serial": QCoreApplication.translate(
            "Messages", "NIK serial number (last 4 digits) cannot be 0000."
        ),
        "nik_subdistrict": QCoreApplication.translate(
            "Messages", "NIK digits 5-6 (sub-district) cannot be 00."
        ),
        "nik_regency": QCoreApplication.translate(
            "Messages", "NIK starts with {regency}, which is not a known regency."
        ),
        # names
        "name_empty": QCoreApplication.translate(
            "Messages", "Name is empty; type the name as on the ID card."
        ),
        "name_long": QCoreApplication.translate(
            "Messages", "Name is too long ({length} characters; at most 100)."
        ),
        "name_chars": QCoreApplication.translate(
            "Messages", "A name may contain only letters, spaces and ' . , -"
        ),
        # identity
        "identity_both": QCoreApplication.translate(
            "Messages", "Give either a NIK or a passport number with nationality, not both."
        ),
        "identity_missing": QCoreApplication.translate(
            "Messages", "An identity is required: a NIK, or a passport number with nationality."
        ),
        "passport_missing": QCoreApplication.translate("Messages", "Passport number is missing."),
        "passport_format": QCoreApplication.translate(
            "Messages", "A passport number has 5-20 letters and digits."
        ),
        "nationality_missing": QCoreApplication.translate(
            "Messages", "Nationality is missing; type the 2-letter country code, e.g. MY."
        ),
        "nationality_unknown": QCoreApplication.translate(
            "Messages", "This is not a country code; use 2 letters, e.g. MY."
        ),
        "nationality_id": QCoreApplication.translate(
            "Messages", "Indonesian citizens are registered by NIK, not by passport."
        ),
        # service and its fields
        "service_unknown": QCoreApplication.translate(
            "Messages", "Choose a service from the list."
        ),
        "field_required": QCoreApplication.translate("Messages", "This field is required."),
        "field_unknown": QCoreApplication.translate("Messages", "This service has no such field."),
        "field_long": QCoreApplication.translate("Messages", "Too long: at most 500 characters."),
        "field_date": QCoreApplication.translate("Messages", "Type a valid date as DD-MM-YYYY."),
        "field_number": QCoreApplication.translate("Messages", "Type a whole number."),
        "field_choice": QCoreApplication.translate("Messages", "Choose one of the options."),
        "requirement_unknown": QCoreApplication.translate(
            "Messages", "This service has no such requirement."
        ),
        # requests and their lifecycle
        "request_unknown": QCoreApplication.translate(
            "Messages", "No request with this receipt number at this desk."
        ),
        "receipt_format": QCoreApplication.translate("Messages", "This is not a receipt number."),
        "receipt_check": QCoreApplication.translate(
            "Messages", "This receipt number has a typing error (check character wrong)."
        ),
        "status_unknown": QCoreApplication.translate("Messages", "Unknown status."),
        "TransitionError": QCoreApplication.translate(
            "Messages", "This status change is not allowed for this request (any more)."
        ),
        "PermissionDenied": QCoreApplication.translate(
            "Messages", "Your role does not allow this action."
        ),
        "role_required": QCoreApplication.translate(
            "Messages", "Your role does not allow this action."
        ),
        # login
        "login_failed": QCoreApplication.translate("Messages", "Wrong staff name or password."),
        "login_locked": QCoreApplication.translate(
            "Messages",
            "This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), "
            "or ask an administrator to unlock it.",
        ),
        "staff_name": QCoreApplication.translate("Messages", "Type your staff name."),
        "password_short": QCoreApplication.translate(
            "Messages", "The password must have at least {min_length} characters."
        ),
        "password_long": QCoreApplication.translate(
            "Messages", "The password must have at most 256 characters."
        ),
        "password_is_name": QCoreApplication.translate(
            "Messages", "The password must not be the staff name."
        ),
        # database and disk
        "db_busy": QCoreApplication.translate(
            "Messages",
            "The database is being written by another counterdesk program. Wait a moment and "
            "try again (nothing was saved).",
        ),
        "disk_full": QCoreApplication.translate(
            "Messages", "The disk is full. Free some space and try again (nothing was saved)."
        ),
        "db_readonly": QCoreApplication.translate(
            "Messages",
            "The database cannot be written (read-only). Ask the administrator to check the "
            "folder's permissions (nothing was saved).",
        ),
        "db_foreign": QCoreApplication.translate(
            "Messages",
            "The data folder holds a file that is not a counterdesk database. It was left "
            "untouched; choose another data folder.",
        ),
        "db_newer": QCoreApplication.translate(
            "Messages",
            "The database was written by a newer version of counterdesk. Install the newer "
            "version; the database was left untouched.",
        ),
        "db_damaged": QCoreApplication.translate(
            "Messages",
            "The database is damaged. It was left untouched; restore it from a backup.",
        ),
        "db_missing": QCoreApplication.translate(
            "Messages", "No desk database was found in the data folder."
        ),
        "db_key_missing": QCoreApplication.translate(
            "Messages",
            "The desk database is encrypted and its key is not on this computer. It was left "
            "untouched; a desk moved from another PC is opened with the recovery file from the "
            "district office (counterdesk recover FILE).",
        ),
        "key_in_data_folder": QCoreApplication.translate(
            "Messages",
            "The key folder is inside the data folder: the key must not be kept with the data it "
            "locks. Ask the administrator to choose another key folder.",
        ),
        "key_unsaved": QCoreApplication.translate(
            "Messages",
            "The database key cannot be kept on this computer. Ask the administrator to check the"
            " credential store or the key folder (nothing was saved).",
        ),
        "desk_exists": QCoreApplication.translate(
            "Messages", "A real (enrolled) desk already exists in this folder."
        ),
        # desk settings
        "setting_unknown": QCoreApplication.translate(
            "Messages", "This desk has no setting called {key}."
        ),
        "setting_type": QCoreApplication.translate(
            "Messages", "This value has the wrong kind for this setting."
        ),
        "setting_choice": QCoreApplication.translate(
            "Messages", "Choose one of the offered values: {choices}."
        ),
        "setting_long": QCoreApplication.translate(
            "Messages", "Too long: at most {max} characters."
        ),
        "setting_range": QCoreApplication.translate(
            "Messages", "Give a number from {low} to {high}."
        ),
        "letter_template": QCoreApplication.translate(
            "Messages",
            "This letter template cannot be used: {reason}. A number template must contain "
            "{{n}}, {{year}} and the desk ({{desk}}), separated by '/', '.' or '-'.",
        ),
        "no_signer": QCoreApplication.translate(
            "Messages",
            "No letter can be issued: the signer of {post} is not set. The district "
            "administrator sets it at the hub (Letterhead, post {post}), or this post's "
            "administrator in the desk settings (Letters: signer's name and title).",
        ),
        "letter_render": QCoreApplication.translate(
            "Messages",
            "The letter could not be made, so it was not issued and used no number: {detail}",
        ),
        # documents and the queue
        "no_letter": QCoreApplication.translate(
            "Messages", "This service does not produce a letter or a referral slip."
        ),
        "no_referral": QCoreApplication.translate(
            "Messages", "This service does not refer to another agency."
        ),
        "wrong_document": QCoreApplication.translate(
            "Messages", "This service produces another kind of document."
        ),
        "letter_status": QCoreApplication.translate(
            "Messages", "The request was rejected or cancelled; no letter can be issued for it."
        ),
        "needs_staff": QCoreApplication.translate(
            "Messages", "The letter has not been issued yet; a staff member must print it first."
        ),
        "ticket_final": QCoreApplication.translate(
            "Messages", "This request is finished; its ticket cannot be called."
        ),
        # exchange with the district
        "training_desk": QCoreApplication.translate(
            "Messages", "A training desk does not exchange data with the district."
        ),
        "not_enrolled": QCoreApplication.translate(
            "Messages",
            "This desk has not joined a district yet. Ask the administrator to enroll it with "
            "the file from the district office.",
        ),
        "export_folder": QCoreApplication.translate(
            "Messages",
            "The folder cannot be used. Check that the USB stick is plugged in and not "
            "write-protected.",
        ),
        "export_write": QCoreApplication.translate(
            "Messages",
            "Writing to the USB stick failed (is it full?). Files written before this one are "
            "complete; free some space and run the exchange again.",
        ),
        "hub_url": QCoreApplication.translate(
            "Messages", "This is not a hub address. Type one like http://10.61.7.1:8750"
        ),
        "hub_url_missing": QCoreApplication.translate(
            "Messages", "The address of the district hub is not known yet."
        ),
        "hub_unreachable": QCoreApplication.translate(
            "Messages",
            "The district hub cannot be reached now. Nothing is lost; the desk tries again later.",
        ),
        "hub_refused": QCoreApplication.translate(
            "Messages", "The district hub refused the exchange: {detail}"
        ),
        "hub_protocol": QCoreApplication.translate(
            "Messages",
            "The answer did not come from a counterdesk hub. Check the hub address. ({detail})",
        ),
        "hub_reply": QCoreApplication.translate(
            "Messages",
            "The district hub's reply could not be used; call the district office. ({detail})",
        ),
        "sync_cancelled": QCoreApplication.translate(
            "Messages", "The exchange with the district was stopped."
        ),
        # referrals and complaints
        "referral_not_referred": QCoreApplication.translate(
            "Messages",
            "This request was never referred to another agency; refer it first.",
        ),
        "referral_outcome_unknown": QCoreApplication.translate(
            "Messages", "Choose the outcome: issued, refused or still in progress."
        ),
        "note_long": QCoreApplication.translate(
            "Messages", "The note is too long ({length} characters; at most {limit})."
        ),
        "complaint_target": QCoreApplication.translate(
            "Messages", "A complaint is about a request or about a service: choose one."
        ),
        "complaint_channel": QCoreApplication.translate(
            "Messages", "Choose how the complaint came in."
        ),
        "complaint_empty": QCoreApplication.translate("Messages", "Type the text first."),
        "complaint_long": QCoreApplication.translate(
            "Messages", "The text is too long ({length} characters; at most {limit})."
        ),
        "complaint_number": QCoreApplication.translate(
            "Messages", "This is not a complaint number (6 to 32 characters 0-9 and a-f)."
        ),
        "complaint_unknown": QCoreApplication.translate(
            "Messages", "There is no such complaint at this desk."
        ),
        "complaint_ambiguous": QCoreApplication.translate(
            "Messages", "More than one complaint starts like this; type more of its number."
        ),
        "internal": QCoreApplication.translate(
            "Messages",
            "Something unexpected went wrong (nothing was saved). Details: {detail}",
        ),
    }


def message_for(exc: CounterdeskError) -> str:
    """The error's message in the UI language (English message when unknown)."""
    template = (_catalogue() | region_catalogue()).get(exc.code)
    if template is None:
        return exc.message
    params = dict(exc.params)
    params.setdefault("detail", exc.message)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %s does not fit its params %r", exc.code, params)
        return exc.message
