"""Where the desk keeps its data, and the typed settings it reads."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "counterdesk"
DATA_DIR_ENV = "COUNTERDESK_DATA_DIR"
PASSWORD_ENV = "COUNTERDESK_PASSWORD"
DB_NAME = "desk.sqlite3"


def data_dir(explicit: str | Path | None = None) -> Path:
    """``--data-dir``, else ``COUNTERDESK_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def exports(self) -> Path:
        return self.root / "exports"


@dataclass(frozen=True)
class DeskSettings:
    """Settings stored with the desk (in its database), each with its default."""

    language: str = "id"
    roll_mm: int = 80
    letter_paper: str = "A4"
    inactivity_minutes: int = 10
    letter_number_template: str = "{classification}/{number:04d}/{unit}/{month_roman}/{year}"
    receipt_printer: str = ""
    letter_printer: str = ""
    print_on_register: bool = False
    letterhead_government: str = "PEMERINTAH KABUPATEN BENGKAYANG"
    letterhead_office: str = ""
    letterhead_address: str = ""
    letter_place: str = ""
    signer_name: str = ""
    signer_title: str = ""
    signer_nip: str = ""
    signer_rank: str = ""  # pangkat/golongan, e.g. "Pembina (IV/a)"
    signer_on_behalf: str = ""  # the "a.n./u.b." line above the title, e.g. "a.n. Camat"
    bilingual_letters: bool = False
    # Direct ESC/POS printing per roll document: a TARGET ("" = the system printer above),
    # the roll (0 = roll_mm), the drawer kick and beep; and how long a print may take.
    ticket_escpos: str = ""
    receipt_escpos: str = ""
    ticket_roll_mm: int = 0
    receipt_roll_mm: int = 0
    escpos_drawer: bool = False
    escpos_beep: bool = False
    print_timeout_s: int = 60
