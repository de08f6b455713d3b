"""Cold start: the login window is shown before anything it does not need is loaded.

Run in a fresh interpreter (this test process has loaded everything already): at the
login window neither the main window, printing (ReportLab, QtPdf), nor the district
exchange (httpx, the sync layer) may be imported; once the warm-up has run the main
window's modules are there, printing and httpx still are not (they load on first use).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from counterdesk.services.setup import make_demo

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import counterdesk.gui
    from counterdesk.gui.app import DeskApp

    HEAVY = ["counterdesk.gui.main_window", "counterdesk.printing", "reportlab", "httpx",
             "counterdesk.sync.http_client", "counterdesk.services.documents",
             "PySide6.QtPdf", "PySide6.QtPrintSupport", "counterdesk.gui.settings_dialog",
             "counterdesk.gui.queue_display"]
    app = QApplication([])
    desk_app = DeskApp(Path(sys.argv[1]))
    seen = {}

    def loaded():
        return [m for m in HEAVY if m in sys.modules]

    def on_stage(stage):
        if stage == "login":
            seen["login"] = loaded()

    def on_warm():
        seen["warm"] = loaded()
        QTimer.singleShot(0, app.quit)

    desk_app.stage_changed.connect(on_stage)
    desk_app.warmed_up.connect(on_warm)
    QTimer.singleShot(20_000, app.quit)
    desk_app.start()
    app.exec()
    desk_app.shutdown()
    print(json.dumps(seen))
    """
)


def test_the_login_window_comes_before_the_heavy_modules(tmp_path: Path) -> None:
    desk, _ = make_demo(tmp_path / "desk")
    desk.close()
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "desk")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["login"] == []
    assert seen["warm"] == ["counterdesk.gui.main_window"]
