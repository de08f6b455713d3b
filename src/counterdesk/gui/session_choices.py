"""Printers chosen for this login only, by staff who may not change the desk settings.

Kept apart from the print preview so that logging out can forget them without
loading the preview (QtPdf) at start.
"""

from __future__ import annotations

# (staff name, settings key) -> printer name
session_choices: dict[tuple[str, str], str] = {}


def forget_session_choices() -> None:
    """Forget printers chosen without saving (call at logout)."""
    session_choices.clear()
