"""Helper process for bench_gui.py: time from process start to a usable window.

Usage: python gui_start_probe.py bare|app DATA_DIR
Prints the seconds from interpreter start (time.perf_counter at import) until the
window is shown and the event loop has processed it (a zero timer started when the
window was shown has fired); the time to quit afterwards is not counted, for either.
``app`` goes the way ``counterdesk gui --data-dir DATA_DIR`` goes (``gui.app.run``:
the same QApplication set-up, data folder and ``DeskApp``) up to the login window.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()


def main() -> None:
    kind, root = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

    took: list[float] = []

    def shown(app: QApplication) -> None:
        def done() -> None:
            took.append(time.perf_counter() - T0)
            app.quit()

        QTimer.singleShot(0, done)

    if kind == "bare":
        app = QApplication([])
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(QLabel("Nama petugas"))
        layout.addWidget(QLineEdit())
        w.show()
        shown(app)
        app.exec()
    else:
        import counterdesk.gui  # noqa: F401  (the PySide6 refcount workaround)
        from counterdesk.config import data_dir
        from counterdesk.gui.app import DeskApp, make_application

        app = make_application([])
        desk_app = DeskApp(data_dir(root))

        def on_stage(stage: str) -> None:
            if stage == "login":
                shown(app)

        desk_app.stage_changed.connect(on_stage)
        desk_app.start()
        app.exec()
        desk_app.shutdown()
    print(f"{took[0]:.4f}")


if __name__ == "__main__":
    main()
