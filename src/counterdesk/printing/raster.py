"""A roll PDF (ticket, receipt) as the 1-bit image a 203 dpi thermal head prints.

The roll documents are one page exactly as wide as the paper (58 or 80 mm); their
content sits in the head's printable band, which starts on a whole dot
(``roll.roll_geometry``). The page is rendered at 203 dpi with PDFium (pypdfium2:
wheels for Windows, Linux and macOS, no system tools) and that band is cut out:
384 dots wide on 58 mm paper, 576 on 80 mm. Grey becomes black below the
threshold; QR modules and barcode bars are drawn on whole dots, so they stay crisp.
"""

from __future__ import annotations

from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.printing.codes import DOT_203
from counterdesk.printing.roll import PRINTABLE_DOTS, roll_geometry

DPI = 203
THRESHOLD = 160  # 0..255: darker than this prints


class RasterError(CounterdeskError):
    pass


def roll_image(pdf: bytes, roll_mm: int) -> Any:
    """The first page of ``pdf`` as a PIL mode "1" image ``PRINTABLE_DOTS[roll_mm]`` wide.

    Raises ``RasterError`` for bytes that are not a PDF, or a page of another width.
    """
    import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]

    page_width, left, _content = roll_geometry(roll_mm)
    dots = PRINTABLE_DOTS[roll_mm]
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise RasterError(
            f"the document cannot be read for printing: {exc}", code="raster_unreadable"
        ) from None
    try:
        if len(document) < 1:
            raise RasterError("the document has no page", code="raster_unreadable")
        page = document[0]
        width, _height = page.get_size()
        if abs(width - page_width) > 1.0:
            raise RasterError(
                f"the document is {width * 25.4 / 72:.0f} mm wide, not {roll_mm} mm; "
                "make it again for this roll",
                code="raster_width",
                width=round(width * 25.4 / 72),
                roll=roll_mm,
            )
        bitmap = page.render(scale=DPI / 72, grayscale=True, no_smoothpath=True)
        image = bitmap.to_pil().convert("L")
        page.close()
    finally:
        document.close()
    x0 = round(left / DOT_203)
    band = image.crop((x0, 0, x0 + dots, image.height))
    return band.point(lambda v: 255 if v >= THRESHOLD else 0).convert("1", dither=None)
