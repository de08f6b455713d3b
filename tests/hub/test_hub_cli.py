"""The `counterdesk-hub` command line contract: exit codes, one error line, --data-dir."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from counterdesk.hub.cli import build_parser, main


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
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    r = Run(tmp_path / "hub", capsys)
    code, out, err = r("init", "--district", "Kabupaten Bengkayang")
    assert code == 0, err
    assert "fingerprint" in out
    return r


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) >= {
        "init", "enroll-desk", "import", "serve", "requests", "desks", "verify",
        "publish-catalogue", "holidays", "staff", "letterhead", "revoke-letter", "revoke-desk",
    }  # fmt: skip

    def walk(p: argparse.ArgumentParser, name: str) -> int:
        assert p.description, name
        assert "--data-dir" in p.format_help(), name
        nested = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        return 1 + sum(walk(q, f"{name} {n}") for a in nested for n, q in a.choices.items())

    assert sum(walk(p, name) for name, p in sub.choices.items()) >= 13 + 8


def test_refusals_exit_1_with_one_error_line(run: Run, tmp_path: Path) -> None:
    code, out, err = run("init", "--district", "Again")
    assert code == 1 and out == "" and err.startswith("error: ") and err.count("\n") == 1
    assert "already exists" in err
    out_file = tmp_path / "JGB-01.cdenroll"
    assert run("enroll-desk", "JGB-01", "--post", "Kantor Camat", "--out", str(out_file))[0] == 0
    code, _, err = run("enroll-desk", "JGB-01", "--post", "Kantor Camat", "--out", str(out_file))
    assert code == 1 and "already exists" in err
    code, _, err = run(
        "enroll-desk", "JGB-01", "--post", "Kantor Camat", "--out", str(tmp_path / "b")
    )
    assert code == 1 and "--reissue" in err
    code, _, err = run("enroll-desk", "jgb01", "--post", "X", "--out", str(tmp_path / "c"))
    assert code == 1 and "desk code" in err
    shown = run.json(
        "enroll-desk", "JGB-01", "--post", "Kantor", "--out", str(tmp_path / "d"), "--reissue"
    )
    assert shown["reissued"] is True and shown["desk"] == "JGB-01"
    assert main(["--data-dir", str(tmp_path / "none"), "desks"]) == 1


def test_wrong_usage_exits_2(run: Run) -> None:
    for args in (["enroll-desk", "JGB-01"], ["frobnicate"], ["import"], ["init"]):
        with pytest.raises(SystemExit) as e:
            run(*args)
        assert e.value.code == 2
    assert main([]) == 2


def test_listing_commands(run: Run, tmp_path: Path) -> None:
    run("enroll-desk", "SDG-01", "--post", "Kantor Camat Siding", "--out", str(tmp_path / "e"))
    report = run.json("desks")
    assert report["district"] == "Kabupaten Bengkayang"
    [d] = report["desks"]
    assert d["desk"] == "SDG-01" and d["state"] == "waiting for first contact"
    assert d["epochs"] == [] and d["quarantined"] == [] and d["last_contact"] is None
    code, out, _ = run("desks")
    assert code == 0 and "SDG-01" in out and "waiting for first contact" in out
    assert run.json("requests") == []
    code, _, err = run("requests")
    assert code == 0 and "no requests" in err


def test_import_json_and_quarantine_listing(run: Run, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "deep" / "er").mkdir(parents=True)
    (stick / "deep" / "er" / "x.cdb").write_bytes(b"CDBUNDLE\x01\x00")
    (stick / "notes.txt").write_text("not a bundle, not looked at")
    (stick / ".half.cdb.1234.part").write_text("half written, ignored")
    code, out, err = run("import", str(stick), "--json")
    assert code == 1
    shown = json.loads(out)
    [f] = shown["files"]
    assert f["outcome"] == "quarantined" and "truncated" in f["reason"]
    assert err.startswith("error: 1 of 1")
    [q] = run.json("desks")["quarantined"]
    assert q["file"].endswith("x.cdb") and q["stored_as"] is None  # junk: digest only
    assert q["sha256"] == hashlib.sha256(b"CDBUNDLE\x01\x00").hexdigest() and q["size"] == 10
    code, out, err = run("import", str(tmp_path / "empty-dir-missing"))
    assert code == 1


def test_publish_catalogue(run: Run, tmp_path: Path) -> None:
    from counterdesk.services.setup import shipped_catalogue

    raw = shipped_catalogue()
    path = tmp_path / "cat.json"
    path.write_text(json.dumps(raw))
    code, _, err = run("publish-catalogue", str(path))
    assert code == 1 and "not newer" in err
    raw["version"] += 1
    path.write_text(json.dumps(raw))
    code, out, err = run("publish-catalogue", str(path))
    assert code == 0, err
    assert f"version {raw['version']}" in out
    path.write_text("{broken")
    assert run("publish-catalogue", str(path))[0] == 1


def test_data_dir_from_environment(tmp_path: Path) -> None:
    env = {"COUNTERDESK_HUB_DIR": str(tmp_path / "envhub"), "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "counterdesk.hub.cli"]
    done = subprocess.run(
        [*cmd, "init", "--district", "Kab. Uji"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "envhub" / "hub.sqlite3").exists()
    done = subprocess.run([*cmd, "desks", "--json"], env=env, capture_output=True, text=True)
    assert json.loads(done.stdout)["district"] == "Kab. Uji"
