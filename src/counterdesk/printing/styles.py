"""Small helpers shared by the renderers: escaping, paragraph styles and paragraphs.

Styles are made once per distinct set of arguments and shared (never change one
after it is made); paragraphs reuse the parsed markup of an identical earlier
paragraph (labels, catalogue texts), which ReportLab only ever reads.
"""

from __future__ import annotations

import functools
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import (  # type: ignore[import-untyped, unused-ignore]
    TA_CENTER,
    TA_JUSTIFY,
    TA_LEFT,
    TA_RIGHT,
)
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Paragraph  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.cache import Lru
from counterdesk.printing.fonts import SANS, string_width

__all__ = [
    "TA_CENTER",
    "TA_JUSTIFY",
    "TA_LEFT",
    "TA_RIGHT",
    "esc",
    "fit_size",
    "para",
    "style",
]

_CONTROL = {c: " " for c in range(32) if c not in (10,)}


def esc(text: str) -> str:
    """Escape user text for ReportLab paragraph markup; newlines become line breaks."""
    cleaned = text.translate(_CONTROL)
    return escape(cleaned).replace("\n", "<br/>")


@functools.lru_cache(maxsize=512)
def style(
    name: str,
    font: str,
    size: float,
    *,
    leading: float | None = None,
    align: int = TA_LEFT,
    bullet_font: str = SANS,
    left_indent: float = 0.0,
    bullet_indent: float = 0.0,
    space_after: float = 0.0,
    text_color: object = None,
) -> ParagraphStyle:
    """A paragraph style that only ever refers to our embedded fonts.

    ReportLab's defaults (Helvetica for text and bullets) would put a non-embedded
    base-14 font into the PDF, so every style is built through this helper.  The
    same arguments give the same (shared, not to be changed) style object.
    """
    extra: dict[str, object] = {}
    if text_color is not None:
        extra["textColor"] = text_color
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.25, 2),
        alignment=align,
        bulletFontName=bullet_font,
        bulletFontSize=size,
        leftIndent=left_indent,
        bulletIndent=bullet_indent,
        spaceBefore=0,
        spaceAfter=space_after,
        splitLongWords=1,
        **extra,
    )


def fit_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """Largest size up to ``largest`` at which ``text`` fits ``width`` on one line.

    Never below ``smallest``: text that is still too long then wraps instead.
    """
    natural = string_width(text, font, 1.0)
    if natural <= 0:
        return largest
    return max(smallest, min(largest, 0.97 * width / natural))


_PARSED: Lru[tuple[Any, Any]] = Lru(2048)


def para(markup: str, paragraph_style: ParagraphStyle, bullet: str | None = None) -> Any:
    """``Paragraph(markup, paragraph_style, bulletText=bullet)``, parsing ``markup`` once.

    Parsing the mini-HTML markup took about a tenth of the time of a receipt; labels and
    catalogue texts repeat from document to document, so the parsed fragments of
    a (markup, style) pair are kept and handed to ReportLab, which reads them only
    (its line breaking clones fragments before changing them).
    """
    key = (markup, paragraph_style)
    parsed = _PARSED.get(key)
    if parsed is not None:
        return Paragraph(markup, parsed[0], bulletText=bullet, frags=parsed[1])
    paragraph = Paragraph(markup, paragraph_style, bulletText=bullet)
    if paragraph.bulletText == (bullet or getattr(paragraph_style, "bulletText", None)):
        _PARSED.put(key, (paragraph.style, paragraph.frags))
    return paragraph
