"""Every UI text is translated; the UI switches language."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.gui import build_translations
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.translations import LANGUAGES, Translations, lrelease_command, ts_file

GUI = Path(__file__).resolve().parents[2] / "src" / "counterdesk" / "gui"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): m
        for c in root.findall("context")
        for m in c.findall("message")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language: str) -> None:
    found = messages(ts_file(language))
    assert len(found) > 150
    for (context, source), m in found.items():
        assert context and "." not in context, f"bad context {context!r} for {source!r}"
        tr = m.find("translation")
        assert tr is not None
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), source
        forms = [f.text for f in tr.findall("numerusform")] or [tr.text]
        assert all(f and f.strip() for f in forms), f"{language}: {source!r} is empty"
        for field in ("{name}", "{date}", "{receipt}", "{ticket}", "{minutes}", "{path}"):
            if field in source:
                assert all(field in (f or "") for f in forms), f"{language}: {source!r}"
    assert "unfinished" not in ts_file(language).read_text(encoding="utf-8")


def test_the_ts_files_hold_every_text_of_the_sources(tmp_path: Path) -> None:
    """lupdate over the gui sources finds nothing that the .ts files lack."""
    lupdate = Path(lrelease_command()[0]).with_name("lupdate")  # type: ignore[index]
    if not lupdate.exists():
        pytest.skip("lupdate not installed")
    out = tmp_path / "scan.ts"
    subprocess.run(
        [str(lupdate), *map(str, sorted(GUI.glob("*.py"))), "-silent", "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    ours = messages(ts_file("id"))
    missing = [key for key in messages(out) if key[0] and key not in ours]
    assert not missing, f"run lupdate and translate: {missing}"


def test_switching_to_english_changes_the_window(
    qtbot: QtBot, window: MainWindow, ui_language: Translations
) -> None:
    assert window.tabs.tabText(0) == "Pendaftaran (F2)"
    assert window.register.save_button.text() == "Daftarkan (Ctrl+Enter)"
    window.register.picker.set_service("SKD")
    assert "Surat Keterangan Domisili" in window.register.info.title.text()
    window.ctx.language = "en"
    assert ui_language.use("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Registration (F2)")
    assert window.tabs.tabText(1) == "Requests (F3)"
    assert window.register.save_button.text() == "Register (Ctrl+Enter)"
    assert window.language_menu.title() == "&Language"
    assert "Letter of Domicile" in window.register.info.title.text()  # the catalogue, too
    assert window.requests.scope.itemText(0) == "Today's queue"
    ui_language.use("id")
    window.ctx.language = "id"
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Pendaftaran (F2)")


def test_build_translations_compiles_every_ts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for language in LANGUAGES:
        target = tmp_path / "translations" / f"counterdesk_{language}.ts"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(ts_file(language).read_bytes())
    monkeypatch.setattr(build_translations, "resource_path", lambda *p: tmp_path.joinpath(*p))
    assert build_translations.main() == 0
    assert sorted(p.name for p in (tmp_path / "translations").glob("*.qm")) == [
        "counterdesk_en.qm",
        "counterdesk_id.qm",
    ]
