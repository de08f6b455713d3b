"""Draw the counterdesk icon: a service counter with a red check badge on teal.

Run ``.venv/bin/python packaging/icons/make_icon.py``; writes
``resources/icons/counterdesk.png`` (256x256) and ``counterdesk.ico`` (16..256 px).
Shapes are bold so the icon still reads at 16-32 px (taskbar, Start menu).
Drawn 4x larger and scaled down, for smooth edges.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "icons"

TEAL = (14, 116, 114, 255)
TEAL_DARK = (9, 84, 83, 255)
WHITE = (255, 255, 255, 255)
PANEL = (214, 236, 234, 255)
RED = (206, 17, 38, 255)  # Indonesian red
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 256, scale: int = 4) -> Image.Image:
    s = scale
    img = Image.new("RGBA", (size * s, size * s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (int(x0 * s), int(y0 * s), int(x1 * s), int(y1 * s))

    # Background tile with a darker floor band under the counter.
    d.rounded_rectangle(box(8, 8, 248, 248), radius=44 * s, fill=TEAL)
    d.rounded_rectangle(box(8, 196, 248, 248), radius=44 * s, fill=TEAL_DARK)
    d.rectangle(box(8, 196, 248, 210), fill=TEAL_DARK)
    # The counter: a thick top and a front panel with two vertical seams.
    d.rounded_rectangle(box(30, 138, 226, 162), radius=8 * s, fill=WHITE)
    d.rectangle(box(46, 162, 210, 214), fill=PANEL)
    for x in (100, 156):
        d.rectangle(box(x - 3, 170, x + 3, 206), fill=TEAL)
    # The badge: a red disc with a white check mark, resting on the counter.
    cx, cy, r = 128, 80, 56
    d.ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=RED, outline=WHITE, width=7 * s)
    check = [(98, 82), (120, 104), (160, 62)]
    d.line([(int(x * s), int(y * s)) for x, y in check], fill=WHITE, width=17 * s, joint="curve")
    for x, y in (check[0], check[-1]):  # round the stroke's ends
        d.ellipse(box(x - 8.5, y - 8.5, x + 8.5, y + 8.5), fill=WHITE)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    png = OUT / "counterdesk.png"
    icon.save(png, optimize=True)
    ico = OUT / "counterdesk.ico"
    icon.save(ico, sizes=ICO_SIZES)
    for path in (png, ico):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
