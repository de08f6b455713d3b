"""Register the shipped DejaVu fonts with ReportLab (once per process).

Every document uses only these TrueType fonts, so ReportLab embeds a subset of
each font that is used and no PDF ever refers to a non-embedded base-14 font.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped, unused-ignore]

from counterdesk.resources import resource_path

SANS = "CounterdeskSans"
SANS_BOLD = "CounterdeskSans-Bold"
SERIF = "CounterdeskSerif"
SERIF_BOLD = "CounterdeskSerif-Bold"
SERIF_ITALIC = "CounterdeskSerif-Italic"

FONT_FILES: dict[str, str] = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the fonts and the <b>/<i> families; cheap after the first call."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
        )
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD
        )
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points (fonts must be registered)."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
