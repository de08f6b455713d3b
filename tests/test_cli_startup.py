"""The command lines start at once: a command imports what it needs when it runs.

No timing here (bench/bench_startup.py measures): a fresh interpreter runs the command line's
``main`` and reports which packages it loaded. ``counterdesk status`` must not load the PDF
makers, the sync client, the web server, the spreadsheet writer, the holiday tables or Qt;
``counterdesk-hub --help`` not even the database code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import counterdesk

SRC = Path(counterdesk.__file__).resolve().parent.parent

# Loaded by no command that neither prints, syncs, serves nor reports.
HEAVY = (
    "PySide6",
    "shiboken6",
    "reportlab",
    "pypdfium2",
    "PIL",
    "escpos",
    "httpx",
    "starlette",
    "uvicorn",
    "jinja2",
    "openpyxl",
    "holidays",
    "msgspec",
    "cryptography",
)
# `counterdesk-hub --help` opens no database either.
DATABASE = ("sqlite_utils", "sqlcipher3", "pluggy")

PROBE = """
import contextlib, io, json, sys
from {module} import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main({argv!r})
    except SystemExit as exc:
        code = exc.code
print(json.dumps({{"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}}))
"""


def loaded(module: str, argv: list[str], env: dict[str, str]) -> tuple[set[str], str]:
    """The top-level packages a fresh interpreter holds after ``module.main(argv)``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module, argv=argv)],
        env=os.environ | {"PYTHONPATH": str(SRC)} | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["code"] in (0, None), done.stderr
    return {m.split(".")[0] for m in found["modules"]}, found["out"]


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    root = tmp_path / "desk"
    done = subprocess.run(
        [sys.executable, "-m", "counterdesk", "demo", "--data-dir", str(root)],
        env=os.environ | {"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root


def test_status_loads_nothing_heavy(desk_dir: Path) -> None:
    modules, out = loaded("counterdesk.launcher", ["status", "--data-dir", str(desk_dir)], {})
    assert out.startswith("desk     LATIH-01")  # it did open the desk
    assert "counterdesk" in modules
    assert sorted(modules.intersection(HEAVY)) == []


def test_status_json_loads_nothing_heavy(desk_dir: Path) -> None:
    modules, out = loaded(
        "counterdesk.launcher", ["status", "--json", "--data-dir", str(desk_dir)], {}
    )
    assert json.loads(out)["desk"] == "LATIH-01"
    assert sorted(modules.intersection(HEAVY)) == []


def test_a_key_in_the_key_file_is_read_without_loading_keyring(tmp_path: Path) -> None:
    """Without COUNTERDESK_KEY_DIR the key file of the user's configuration folder is read
    first: finding the system's credential store (keyring and all its backends) is for keys
    the file does not hold."""
    config = tmp_path / "config"
    root = tmp_path / "desk"
    made = subprocess.run(
        [sys.executable, "-m", "counterdesk", "demo", "--data-dir", str(root)],
        env=os.environ
        | {"PYTHONPATH": str(SRC), "COUNTERDESK_KEY_DIR": str(config / "counterdesk" / "keys")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items() if k != "COUNTERDESK_KEY_DIR"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(module="counterdesk.launcher", argv=["status"])],
        env=env
        | {
            "PYTHONPATH": str(SRC),
            "XDG_CONFIG_HOME": str(config),
            "COUNTERDESK_DATA_DIR": str(root),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["out"].startswith("desk     LATIH-01"), done.stderr
    assert "keyring" not in {m.split(".")[0] for m in found["modules"]}


@pytest.mark.parametrize("argv", [["--help"], ["print", "--help"], ["sync", "--help"]])
def test_desk_help_loads_nothing_heavy(argv: list[str]) -> None:
    modules, out = loaded("counterdesk.launcher", argv, {})
    assert "usage: counterdesk" in out
    assert sorted(modules.intersection(HEAVY + DATABASE)) == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["report", "--help"], ["officer", "add", "--help"], ["serve", "--help"]]
)
def test_hub_help_loads_nothing_heavy(argv: list[str]) -> None:
    modules, out = loaded("counterdesk.hub.cli", argv, {})
    assert "usage: counterdesk-hub" in out
    assert sorted(modules.intersection(HEAVY + DATABASE)) == []


def test_choices_offered_before_loading_are_the_services_own() -> None:
    """The parsers take their choices from light modules; they are the ones the services
    check against."""
    from counterdesk.cli import citizen as desk_citizen
    from counterdesk.hub import auth, citizen_cli, report_command
    from counterdesk.printing.exports import DIALECTS, EXCEL
    from counterdesk.services import complaints, documents, escpos, referrals
    from counterdesk.services.print_options import DOCUMENT_KINDS, TARGET_HELP
    from counterdesk.sync import enrollment, escrow, offices, refdata

    assert desk_citizen.CHANNELS == complaints.CHANNELS
    assert desk_citizen.OUTCOMES == referrals.OUTCOMES
    assert citizen_cli.REFERRAL_OUTCOMES == refdata.REFERRAL_OUTCOMES
    assert set(report_command.CSV_DIALECTS) == set(DIALECTS)
    assert report_command.CSV_DIALECTS[0] == EXCEL.name
    assert documents.DOCUMENT_KINDS == DOCUMENT_KINDS
    assert escpos.TARGET_HELP == TARGET_HELP
    assert auth.ROLES == ("officer", "admin")
    assert enrollment.FILE_SUFFIX == ".cdenroll"
    assert escrow.FILE_SUFFIX == ".cdrecover"
    assert "letterhead_office" in offices.OFFICE_KEYS
    assert "signer_name" in refdata.LETTERHEAD_KEYS
