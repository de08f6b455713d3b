"""Changing the desk's settings: administrators only, known keys, values of the right type."""

import json

import pytest

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import PermissionDenied, ValidationError
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import get_settings, update_settings
from counterdesk.services.staff import StaffSession, add_staff, authenticate


def _stored(desk: Desk) -> dict[str, object]:
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    return dict(json.loads(row["settings"]))


def test_admin_changes_settings_and_they_are_read_back(desk: Desk, session: StaffSession) -> None:
    assert get_settings(desk).roll_mm == 80
    new = update_settings(
        desk,
        session,
        roll_mm=58,
        letter_paper="F4",
        receipt_printer="TM-T82",
        print_on_register=True,
    )
    assert (new.roll_mm, new.letter_paper, new.receipt_printer) == (58, "F4", "TM-T82")
    assert new.print_on_register is True
    assert desk.info.settings == new  # the cached info was refreshed
    stored = _stored(desk)
    assert stored["roll_mm"] == 58 and stored["receipt_printer"] == "TM-T82"
    # A second change keeps the first.
    update_settings(desk, session, letter_printer="HP LaserJet")
    assert get_settings(desk).receipt_printer == "TM-T82"
    assert get_settings(desk).letter_printer == "HP LaserJet"
    # Another connection (the app's reader) sees the change too.
    with Desk.open(desk.paths.root) as other:
        assert other.info.settings.letter_printer == "HP LaserJet"


def test_settings_survive_unknown_keys_written_by_a_newer_version(
    desk: Desk, session: StaffSession
) -> None:
    with desk.transaction():
        data = _stored(desk) | {"future_option": 1}
        desk.conn.execute("UPDATE desk SET settings = ? WHERE id = 1", [json.dumps(data)])
    update_settings(desk, session, roll_mm=58)
    assert _stored(desk)["future_option"] == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"printer": "x"}, "setting_unknown"),
        ({"roll_mm": "80"}, "setting_type"),
        ({"roll_mm": True}, "setting_type"),
        ({"print_on_register": 1}, "setting_type"),
        ({"receipt_printer": None}, "setting_type"),
        ({"roll_mm": 76}, "setting_choice"),
        ({"letter_paper": "Letter"}, "setting_choice"),
        ({"language": "ms"}, "setting_choice"),
        ({"inactivity_minutes": 0}, "setting_range"),
        ({"letter_printer": "x" * 201}, "setting_long"),
        ({"letter_number_template": "{number}/{year}"}, "letter_template"),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(
    desk: Desk, session: StaffSession, changes: dict[str, object], code: str
) -> None:
    before = _stored(desk)
    with pytest.raises(ValidationError) as caught:
        update_settings(desk, session, **({"letter_place": "ok"} | changes))
    assert caught.value.code == code
    assert _stored(desk) == before
    assert get_settings(desk) == desk.info.settings


def test_only_an_administrator_may_change_settings(desk: Desk, session: StaffSession) -> None:
    add_staff(
        desk, session, name="ani", full_name="Ani", role=Role.SUPERVISOR, password="rahasia-1"
    )
    supervisor = authenticate(desk, "ani", "rahasia-1")
    with pytest.raises(PermissionDenied):
        update_settings(desk, supervisor, receipt_printer="TM-T82")
    assert get_settings(desk).receipt_printer == DeskSettings().receipt_printer
