import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.identity import clean_name, make_identity

from .conftest import NIK_MAN


def ident(**kw: str | None) -> object:
    args: dict[str, str | None] = {"nik": None, "passport": None, "nationality": None}
    args.update(kw)
    return make_identity(**args, reference_year=2026)  # type: ignore[arg-type]


def test_passport_for_malaysian_visitor() -> None:
    i = make_identity(nik=None, passport="a 1234 5678", nationality="mys", reference_year=2026)
    assert (i.passport, i.nationality) == ("A12345678", "MY")
    assert i.key == "passport:MY:A12345678"
    assert i.masked.endswith("5678") and "1234" not in i.masked


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({}, "identity_missing"),
        ({"nik": NIK_MAN, "passport": "A1234567"}, "identity_both"),
        ({"passport": "A1234567"}, "nationality_missing"),
        ({"nationality": "MY"}, "passport_missing"),
        ({"passport": "A1", "nationality": "MY"}, "passport_format"),
        ({"passport": "A1234567", "nationality": "XX"}, "nationality_unknown"),
        ({"passport": "A1234567", "nationality": "ID"}, "nationality_id"),
    ],
)
def test_identity_errors(kw: dict[str, str], code: str) -> None:
    with pytest.raises(ValidationError) as err:
        ident(**kw)
    assert err.value.code == code


@pytest.mark.parametrize(
    "name", ["Nur'aini", "Dayang Ñurul Ça", "Ōsman Müller-Łukasz", "Drs. H. Abdul, S.Pd"]
)
def test_names_with_apostrophes_and_accents(name: str) -> None:
    assert clean_name(f"  {name}  ") == name


def test_name_whitespace_is_collapsed() -> None:
    assert clean_name("Siti   Nurhaliza") == "Siti Nurhaliza"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "name_empty"),
        ("x" * 101, "name_long"),
        ("Budi 2", "name_chars"),
        ("<script>", "name_chars"),
    ],
)
def test_bad_names(name: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_name(name)
    assert err.value.code == code
