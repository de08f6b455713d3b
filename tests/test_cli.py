"""The command line contract of DESIGN.md: exit codes, --json shapes, --data-dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from counterdesk.cli import build_parser, main

from .conftest import NIK_MAN, NIK_WOMAN


class Run:
    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(self.root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> Any:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    r = Run(tmp_path / "desk", capsys)
    assert r("demo")[0] == 0
    return r


def a_letter_service(run: Run) -> dict[str, Any]:
    services = run.json("services")
    return next(s for s in services if s["product"] == "letter")


def field_args(service: dict[str, Any]) -> list[str]:
    args = []
    for f in service["fields"]:
        value = {"date": "2026-01-15", "number": "2"}.get(f["type"], "Dusun Sebunga")
        if f.get("choices"):
            value = f["choices"][0]
        args += ["--field", f"{f['key']}={value}"]
    return args


def register(run: Run, name: str = "Siti Nurhaliza", nik: str = NIK_WOMAN) -> dict[str, Any]:
    s = a_letter_service(run)
    return run.json(
        "register",
        "--staff",
        "demo",
        "--service",
        s["code"],
        "--name",
        name,
        "--nik",
        nik,
        *field_args(s),
    )  # type: ignore[no-any-return]


def test_demo_is_idempotent(run: Run) -> None:
    again = run.json("demo")
    assert again == {
        "desk": "LATIH-01",
        "created": False,
        "training": True,
        "staff": "demo",
        "data_dir": str(run.root),
    }


def test_services_json_shape(run: Run) -> None:
    services = run.json("services")
    assert len(services) >= 10
    for s in services:
        assert {"code", "name", "product", "fields"} <= s.keys()
        assert s["product"] in ("letter", "referral", "other")
        for f in s["fields"]:
            assert {"key", "required"} <= f.keys()
    assert {"letter", "referral", "other"} <= {s["product"] for s in services}


def test_register_show_requests_advance_status(run: Run) -> None:
    r = register(run)
    assert {"receipt", "ticket", "service", "name", "status"} <= r.keys()
    assert r["status"] == "registered"
    shown = run.json("show", r["receipt"], "--staff", "demo")
    assert shown["receipt"] == r["receipt"] and shown["history"][0]["kind"] == "request_registered"
    found = run.json("requests", "--search", "nurhal", "--staff", "demo")
    assert [x["receipt"] for x in found] == [r["receipt"]]
    moved = run.json("advance", r["receipt"], "in_progress", "--staff", "demo")
    assert moved["status"] == "in_progress"
    assert [
        x["receipt"] for x in run.json("requests", "--status", "in_progress", "--staff", "demo")
    ] == [r["receipt"]]
    status = run.json("status")
    assert status["desk"] == "LATIH-01" and status["pending"] > 0 and status["training"] is True


def test_refused_actions_exit_1_with_one_error_line(run: Run) -> None:
    r = register(run)
    code, out, err = run("advance", r["receipt"], "collected", "--staff", "demo")
    assert code == 1 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    code, _, err = run(
        "register", "--staff", "demo", "--service", "NOPE", "--name", "A", "--nik", NIK_MAN
    )
    assert code == 1 and "unknown service" in err
    code, _, err = run("show", "XYZ-01-ABC-00001Q", "--staff", "demo")
    assert code == 1 and ("no request" in err or "typing error" in err)


def test_wrong_usage_exits_2(run: Run) -> None:
    with pytest.raises(SystemExit) as e:
        run("register", "--staff", "demo")
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        run("frobnicate")
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        run("advance", "X")
    assert e.value.code == 2


def test_changes_need_a_staff_member(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    s = a_letter_service(run)
    with pytest.raises(SystemExit) as e:
        run("register", "--service", s["code"], "--name", "A", "--nik", NIK_MAN, *field_args(s))
    assert e.value.code == 2
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "wrong")
    code, _, err = run(
        "register",
        "--staff",
        "demo",
        "--service",
        s["code"],
        "--name",
        "A",
        "--nik",
        NIK_MAN,
        *field_args(s),
    )
    assert code == 1 and "wrong staff name or password" in err


def test_register_csv_cli(run: Run, tmp_path: Path) -> None:
    s = a_letter_service(run)
    keys = [f["key"] for f in s["fields"]]
    vals = [a.split("=", 1)[1] for a in field_args(s)[1::2]]
    header = "service,name,nik,passport,nationality," + ",".join(f"field:{k}" for k in keys)
    good = f"{s['code']},Siti,{NIK_WOMAN},,," + ",".join(vals)
    bad = f"{s['code']},Budi,999,,," + ",".join(vals)
    path = tmp_path / "outreach.csv"
    path.write_text("\n".join([header, good, bad, good]) + "\n", encoding="utf-8")
    code, _, err = run("register", "--csv", str(path), "--staff", "demo")
    assert code == 1 and "line 3" in err
    assert run.json("requests", "--staff", "demo") == []
    result = run.json("register", "--csv", str(path), "--skip-invalid", "--staff", "demo")
    assert result["registered"] == 2 and result["skipped"][0]["line"] == 3


def test_no_desk_gives_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(tmp_path / "empty"), "status"])
    assert code == 1
    assert "counterdesk demo" in capsys.readouterr().err


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():  # type: ignore[attr-defined]
        assert p.description, name
    for name in sub.choices:  # type: ignore[attr-defined]
        assert name in parser.format_help()


def test_data_dir_from_environment(tmp_path: Path) -> None:
    env = os.environ | {"COUNTERDESK_DATA_DIR": str(tmp_path / "env-desk")}
    out = subprocess.run(
        [sys.executable, "-m", "counterdesk", "demo", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["data_dir"] == str(tmp_path / "env-desk")


def test_print_and_verify_cli(run: Run, tmp_path: Path) -> None:
    r = register(run)
    out = tmp_path / "letter.pdf"
    printed = run.json("print", "letter", r["receipt"], "--out", str(out), "--staff", "demo")
    assert out.read_bytes().startswith(b"%PDF") and printed["number"].startswith("4")
    code, text, _ = run("verify", printed["payload"])
    assert code == 0 and printed["number"] in text
    code, _, err = run("verify", printed["payload"][:-3] + "AAA")
    assert code == 1 and err.startswith("error: not valid: bad signature")
    with pytest.raises(SystemExit) as e:
        run("print", "receipt", r["receipt"])
    assert e.value.code == 2


def test_the_launcher_knows_every_command() -> None:
    """`counterdesk CMD` must reach the command line, not start the app."""
    from counterdesk.launcher import CLI_COMMANDS, wants_gui

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[attr-defined]
        assert name in CLI_COMMANDS, name
        assert not wants_gui([name, "--help"]) and not wants_gui(["--data-dir", "x", name])
    assert wants_gui([]) and wants_gui(["gui"]) and wants_gui(["--data-dir", "x"])


@pytest.mark.parametrize(
    "command",
    [
        ["requests"],
        ["requests", "--search", "siti"],
        ["show", "RECEIPT"],
        ["referrals"],
        ["complaint", "list"],
    ],
)
def test_commands_that_show_citizens_data_need_a_staff_member(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    receipt = register(run)["receipt"]
    args = [receipt if a == "RECEIPT" else a for a in command]
    monkeypatch.delenv("COUNTERDESK_STAFF", raising=False)
    with pytest.raises(SystemExit) as e:  # no --staff: wrong usage
        run(*args)
    assert e.value.code == 2
    assert "--staff" in run.capsys.readouterr().err
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "not-the-password")
    code, out, err = run(*args, "--staff", "demo")
    assert code == 1 and out == "" and "Siti" not in err
    monkeypatch.delenv("COUNTERDESK_PASSWORD")
    code, out, err = run(*args, "--staff", "demo")  # no password and no terminal
    assert code == 1 and out == "" and "COUNTERDESK_PASSWORD" in err
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    code, out, err = run(*args, "--staff", "demo")
    assert code == 0, err
