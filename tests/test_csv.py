"""Registering many requests from a CSV file (outreach days)."""

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.services.desk import Desk
from counterdesk.services.register import (
    CsvRejected,
    parse_csv,
    read_csv_file,
    register_csv,
)
from counterdesk.services.staff import StaffSession

from .conftest import NIK_MAN, NIK_WOMAN
from .test_register import letter_service


def csv_text(desk: Desk, rows: list[str], *, foreigners: bool = False) -> str:
    code, values = letter_service(desk, foreigners=foreigners)
    header = "service,name,nik,passport,nationality," + ",".join(f"field:{k}" for k in values)
    tail = ",".join(f'"{v}"' for v in values.values())
    return header + "\n" + "\n".join(r.replace("{SVC}", code).replace("{F}", tail) for r in rows)


def count(desk: Desk) -> int:
    return int(desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0])


def test_all_valid_rows_are_registered(desk: Desk, session: StaffSession) -> None:
    text = csv_text(
        desk,
        [
            f"{{SVC}},Siti Nurhaliza,{NIK_WOMAN},,,{{F}}",
            "{SVC},Ahmad bin Ismail,,A1234567,MY,{F}",
            f"{{SVC}},Nur'aini,{NIK_MAN},,,{{F}}",
        ],
        foreigners=True,  # a service foreigners may use too
    )
    result = register_csv(desk, session, text)
    assert len(result.registered) == 3 and not result.errors
    assert count(desk) == 3


def test_bad_rows_reject_everything_with_line_numbers(desk: Desk, session: StaffSession) -> None:
    text = csv_text(
        desk,
        [
            f"{{SVC}},Siti,{NIK_WOMAN},,,{{F}}",
            "{SVC},Budi,12345,,,{F}",
            f"NOPE,Ani,{NIK_MAN},,,{{F}}",
            f"{{SVC}},Joko,{NIK_MAN},,,{{F}}",
        ],
    )
    with pytest.raises(CsvRejected) as err:
        register_csv(desk, session, text)
    assert [e.line for e in err.value.errors] == [3, 4]
    assert "line 3: NIK must have 16 digits" in str(err.value)
    assert "line 4: unknown service" in str(err.value)
    assert "nothing was registered" in str(err.value)
    assert count(desk) == 0


def test_skip_invalid_registers_the_rest(desk: Desk, session: StaffSession) -> None:
    text = csv_text(
        desk,
        [
            f"{{SVC}},Siti,{NIK_WOMAN},,,{{F}}",
            "{SVC},Budi,12345,,,{F}",
            f"{{SVC}},Joko,{NIK_MAN},,,{{F}}",
        ],
    )
    result = register_csv(desk, session, text, skip_invalid=True)
    assert len(result.registered) == 2
    assert [e.line for e in result.errors] == [3]
    assert count(desk) == 2


def test_header_problems(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="missing: name"):
        parse_csv("service,nik\nSKD,1\n")
    with pytest.raises(ValidationError, match="unknown CSV column"):
        parse_csv("service,name,shoe\nSKD,A,42\n")


def test_quoted_newlines_keep_the_right_line_numbers(desk: Desk, session: StaffSession) -> None:
    code, values = letter_service(desk)
    service = desk.catalogue.get(code)
    text_key = next(f.key for f in service.fields if f.type == "text")
    header = "service,name,nik," + ",".join(f"field:{k}" for k in values)
    first = ",".join('"Jl. Raya\nRT 1"' if k == text_key else f'"{v}"' for k, v in values.items())
    rest = ",".join(f'"{v}"' for v in values.values())
    text = f"{header}\n{code},Siti,{NIK_WOMAN},{first}\n{code},Budi,123,{rest}\n"
    # Siti's record spans lines 2-3; Budi's starts on line 4.
    with pytest.raises(CsvRejected) as err:
        register_csv(desk, session, text)
    assert [e.line for e in err.value.errors] == [4]


def test_encoding_and_bom() -> None:
    assert read_csv_file("\ufeffservice,name\n".encode()) == "service,name\n"
    with pytest.raises(ValidationError, match="not UTF-8"):
        read_csv_file("name\nJos\xe9\n".encode("latin-1"))
