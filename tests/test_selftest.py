"""``counterdesk --version`` and ``counterdesk --self-test``, as a fresh installation runs them."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import counterdesk.resources
from counterdesk import __version__
from counterdesk.resources import resources_root
from counterdesk.selftest import SelfTest, main


def run_counterdesk(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run ``python -m counterdesk ARGS`` with an empty data folder and an empty XDG home."""
    data = tmp_path / "data"
    xdg = tmp_path / "xdg"
    data.mkdir()
    xdg.mkdir()
    env = dict(os.environ)
    env.update(
        COUNTERDESK_DATA_DIR=str(data),
        XDG_DATA_HOME=str(xdg / "share"),
        XDG_CONFIG_HOME=str(xdg / "config"),
        LOCALAPPDATA=str(xdg / "local"),
        PYTHONIOENCODING="ascii",  # the output must stay readable on any console
    )
    env.pop("QT_QPA_PLATFORM", None)  # the self-test sets it itself
    result = subprocess.run(
        [sys.executable, "-m", "counterdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return result, tmp_path


def test_version_prints_name_and_version(tmp_path: Path) -> None:
    result, _ = run_counterdesk(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"counterdesk {__version__}\n"


def test_version_does_not_import_qt_or_the_cli() -> None:
    code = (
        "import sys; from counterdesk.launcher import main; main(['--version']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'counterdesk.cli'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_self_test_passes_and_writes_nothing_in_the_data_folder(tmp_path: Path) -> None:
    result, root = run_counterdesk(tmp_path, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"counterdesk {__version__} self-test")
    assert lines[-1].startswith("self-test passed")
    results = {line[5:21].strip(): line[:4].strip() for line in lines[1:-1]}
    expected = {"resources", "catalogue", "fonts", "translations", "database", "register"}
    expected |= {"receipt pdf", "audit chain", "qt", "qt pdf", "qt translations"}
    assert expected <= set(results)
    assert set(results.values()) == {"ok"}, result.stdout
    assert list((root / "data").iterdir()) == []
    assert list((root / "xdg").iterdir()) == []


def test_a_failing_check_is_named_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: SelfTest) -> str:
        raise FileNotFoundError("services.json missing")

    def no_qt(self: SelfTest) -> str:
        raise ImportError("no Qt here")

    monkeypatch.setattr(SelfTest, "catalogue", broken)
    monkeypatch.setattr(SelfTest, "qt", no_qt)
    out = io.StringIO()
    assert main(out) == 1
    lines = out.getvalue().splitlines()
    results = {line[5:21].strip(): (line[:4].strip(), line[22:]) for line in lines[1:-1]}
    assert results["catalogue"] == ("FAIL", "FileNotFoundError: services.json missing")
    assert results["qt"] == ("FAIL", "ImportError: no Qt here")
    # What needs the QApplication is reported as skipped, not run.
    assert results["qt pdf"] == ("FAIL", "skipped, needs app")
    assert results["register"][0] == "ok"
    assert lines[-1] == "self-test FAILED: catalogue, qt, qt pdf, qt translations"


def test_a_checkout_without_compiled_translations_passes_without_writing_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .qm files are not in git: the self-test compiles the .ts into its temporary folder."""
    resources = tmp_path / "resources"
    shutil.copytree(resources_root(), resources, ignore=shutil.ignore_patterns("*.qm"))
    before = sorted(p.relative_to(resources) for p in resources.rglob("*"))
    monkeypatch.setattr(counterdesk.resources, "resources_root", lambda: resources)
    out = io.StringIO()
    assert main(out) == 0, out.getvalue()
    assert "counterdesk_id.ts" in out.getvalue()
    assert sorted(p.relative_to(resources) for p in resources.rglob("*")) == before


def test_self_test_restores_the_data_dir_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTERDESK_DATA_DIR", "/somewhere/real")
    monkeypatch.setattr(SelfTest, "run", lambda self: 0)
    assert main(io.StringIO()) == 0
    assert os.environ["COUNTERDESK_DATA_DIR"] == "/somewhere/real"
