"""Error codes from the services become messages in the UI language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.identity import make_identity
from counterdesk.domain.nik import parse_nik
from counterdesk.gui.messages import _catalogue, message_for
from counterdesk.gui.translations import Translations
from counterdesk.services.desk import Desk
from counterdesk.services.setup import make_demo
from counterdesk.store.dbkey import find_key

CODES = [
    "nik_empty", "nik_not_digits", "nik_length", "nik_province", "nik_month", "nik_day",
    "nik_serial", "nik_subdistrict", "nik_regency", "name_empty", "name_long", "name_chars",
    "field_required", "field_unknown", "field_long", "field_date", "field_number",
    "field_choice", "identity_both", "identity_missing", "passport_missing", "passport_format",
    "nationality_missing", "nationality_unknown", "nationality_id", "service_unknown",
    "db_busy", "disk_full", "login_failed", "login_locked",
]  # fmt: skip


def test_every_listed_code_has_an_indonesian_message() -> None:
    indonesian = _catalogue()
    Translations().clear()
    for code in CODES:
        assert code in indonesian, code
    assert indonesian["login_failed"] == "Nama petugas atau kata sandi salah."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "NIK masih kosong; ketik 16 digit NIK dari KTP-el."),
        ("61070717088", "NIK harus 16 digit; yang diketik 11 digit."),
        ("9907071708800001", "NIK diawali 99, yang bukan kode provinsi di Indonesia."),
        ("6107073208800001", "Digit ke-7 dan ke-8 NIK menunjukkan tanggal lahir 32"),
        ("6107071708800000", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."),
    ],
)
def test_nik_problems_in_indonesian(text: str, expected: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_nik(text, reference_year=2026)
    assert message_for(exc.value).startswith(expected)


def test_identity_problems_in_indonesian() -> None:
    with pytest.raises(ValidationError) as exc:
        make_identity(nik=None, passport="A1234567", nationality="ZZ", reference_year=2026)
    assert message_for(exc.value) == "Ini bukan kode negara; gunakan 2 huruf, misalnya MY."


def test_params_are_filled_in_and_unknown_codes_fall_back_to_english() -> None:
    locked = CounterdeskError("locked", code="login_locked", minutes=15)
    assert "15 menit" in message_for(locked)
    unknown = CounterdeskError("the moon is full", code="moon_full")
    assert message_for(unknown) == "the moon is full"
    missing_param = CounterdeskError("too long", code="name_long")  # no length given
    assert message_for(missing_param) == "too long"
    internal = CounterdeskError("unexpected error: KeyError: 'x'", code="internal")
    assert "KeyError" in message_for(internal)


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("1111", "Kata sandi paling sedikit 8 karakter."),
        ("budiman1", "Kata sandi tidak boleh sama dengan nama petugas."),
        ("x" * 300, "Kata sandi paling banyak 256 karakter."),
    ],
)
def test_password_rules_in_indonesian(password: str, expected: str) -> None:
    from counterdesk.domain.passwords import check_new_password

    Translations().clear()
    with pytest.raises(ValidationError) as exc:
        check_new_password(password, name="budiman1")
    assert message_for(exc.value) == expected


def test_a_database_whose_key_is_not_here_is_explained_in_indonesian(tmp_path: Path) -> None:
    """The app opens the encrypted database by itself; when this PC lacks its key the person
    is told what happened and what to do, in the UI language."""
    root = tmp_path / "desk"
    make_demo(root)[0].close()
    key = find_key(root / "desk.sqlite3")
    assert key is not None
    for path in Path(os.environ["COUNTERDESK_KEY_DIR"]).glob("*.key"):
        path.unlink()
    Translations().clear()
    with pytest.raises(CounterdeskError) as exc:
        Desk.open(root)
    text = message_for(exc.value)
    assert "terenkripsi" in text and "counterdesk recover" in text
