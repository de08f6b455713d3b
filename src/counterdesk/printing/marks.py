"""Training marks: the diagonal watermark and the "not valid" line."""

from __future__ import annotations

import math
from typing import Any

from counterdesk.printing.fonts import SANS_BOLD, string_width

TRAINING_LINE = "TRAINING - TIDAK SAH"
WATERMARK_TEXT = "PELATIHAN / TRAINING"
WATERMARK_GRAY = 0.85


def draw_watermark(
    canv: Any, x: float, y: float, width: float, height: float, max_size: float = 80.0
) -> None:
    """Light-grey text along the diagonal of the box (draw it before the content)."""
    angle = math.atan2(height, width)
    cos, sin = math.cos(angle), math.sin(angle)
    per_point = string_width(WATERMARK_TEXT, SANS_BOLD, 1.0)
    # The rotated text box (length x glyph height) must stay inside 90 % of the box.
    size = min(
        max_size,
        0.9 * width / (per_point * cos + sin),
        0.9 * height / (per_point * sin + cos),
    )
    canv.saveState()
    canv.setFillGray(WATERMARK_GRAY)
    canv.translate(x + width / 2, y + height / 2)
    canv.rotate(math.degrees(angle))
    canv.setFont(SANS_BOLD, size)
    canv.drawCentredString(0, -0.35 * size, WATERMARK_TEXT)
    canv.restoreState()


def draw_roll_watermark(canv: Any, width: float, height: float) -> None:
    """Repeat the watermark down a long, narrow roll so every part of it is marked."""
    tiles = max(1, round(height / (1.6 * width)))
    tile = height / tiles
    for i in range(tiles):
        draw_watermark(canv, 0, i * tile, width, tile, max_size=28.0)
