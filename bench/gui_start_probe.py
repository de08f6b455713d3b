"""Helper process for bench_gui.py: time from process start to a usable window.

Usage: python gui_start_probe.py bare|app DATA_DIR
Prints the seconds from interpreter start (time.perf_counter at import) until the
window is shown and the event loop has processed it.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()


def main() -> None:
    kind, root = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

    if kind == "bare":
        app = QApplication([])
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(QLabel("Nama petugas"))
        layout.addWidget(QLineEdit())
        w.show()
        QTimer.singleShot(0, app.quit)
        app.exec()
    else:
        from pathlib import Path

        import counterdesk.gui  # noqa: F401  (the PySide6 refcount workaround)
        from counterdesk.gui.app import DeskApp

        app = QApplication([])

        desk_app = DeskApp(Path(root))

        def on_stage(stage: str) -> None:
            if stage == "login":
                QTimer.singleShot(0, app.quit)

        desk_app.stage_changed.connect(on_stage)
        desk_app.start()
        app.exec()
        took = time.perf_counter() - T0
        desk_app.shutdown()
        print(f"{took:.4f}")
        return
    print(f"{time.perf_counter() - T0:.4f}")


if __name__ == "__main__":
    main()
