"""Register the shipped DejaVu fonts with ReportLab (once per process).

Every document uses only these TrueType fonts, so ReportLab embeds a subset of
each font that is used and no PDF ever refers to a non-embedded base-14 font.

Embedding is most of the cost of saving a small document: ReportLab builds the
subset font program (about 36 kB: its subsets always hold the whole printable
ASCII range plus the other characters used, in order of first use) and deflates
it, for every document.  Documents of one kind use the same characters in the
same order almost always, so the subset program, its deflated stream, the widths
array and the ToUnicode map are cached per font, keyed by the exact subset; and
text widths (line breaking measures every word) are cached per text.  Every
cached value is what ReportLab computes from the same key, so the bytes written
are the ones ReportLab would write (``tests/printing/test_printing_caches.py``).
"""

from __future__ import annotations

import threading
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import (  # type: ignore[import-untyped, unused-ignore]
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

from counterdesk.printing.cache import Lru
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
SUBSET_CACHE_SIZE = 32  # subsets kept per font (about 60 kB each with the deflated copy)
TEXT_WIDTH_CACHE_SIZE = 20_000  # words and lines measured, per font


class _CachedFlate:
    """ReportLab's FlateDecode filter (``pdfdoc.PDFZCompress``), remembering results."""

    pdfname = "FlateDecode"

    def __init__(self, size: int) -> None:
        self._cache: Lru[bytes] = Lru(size)

    def encode(self, data: bytes | str) -> bytes:
        cached: bytes | None = self._cache.get(data)
        if cached is None:
            raw = data.encode("utf8") if isinstance(data, str) else data
            cached = self._cache.put(data, zlib.compress(raw))
        return cached


class _CachedArray(pdfdoc.PDFArray):  # type: ignore[misc]
    """A PDF array of numbers formatted once (a font's widths: 128+ numbers)."""

    def __init__(self, numbers: tuple[float, ...], cache: Lru[bytes]) -> None:
        super().__init__(numbers)
        self._key = numbers
        self._cache = cache

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        out: bytes | None = self._cache.get((self._key, IND))
        if out is None:
            out = self._cache.put((self._key, IND), super().format(document, IND))
        return out


class _SubsetCachingFace(TTFontFace):  # type: ignore[misc]
    """A font face that makes each distinct subset only once.

    ``addSubsetObjects`` is ReportLab's (5.x) with the font program taken from the
    cache and deflated through the caching filter.  The caches are set by
    :class:`CachingTTFont`.
    """

    subset_cache: Lru[bytes]
    flate: _CachedFlate

    def makeSubset(self, subset: list[int]) -> bytes:  # ReportLab's name
        key = tuple(subset)
        program = self.subset_cache.get(key)
        if program is None:
            program = self.subset_cache.put(key, super().makeSubset(subset))
        return program

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        font_file = pdfdoc.PDFStream()
        font_file.content = self.makeSubset(subset)
        font_file.dictionary["Length1"] = len(font_file.content)
        if doc.compression:
            font_file.filters = [self.flate]
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": flags,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class CachingTTFont(TTFont):  # type: ignore[misc]
    """ReportLab's TrueType font with the per-subset objects and text widths cached.

    ``addObjects`` is ReportLab's (5.x) with the widths array, the ToUnicode map
    and (through the face) the font program taken from caches.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # The face ReportLab made, given the caching methods (no new data layout).
        self.face.__class__ = _SubsetCachingFace
        self.face.subset_cache = Lru(SUBSET_CACHE_SIZE)
        self.face.flate = _CachedFlate(SUBSET_CACHE_SIZE)
        self._text_widths: dict[str, float] = {}
        self._widths: Lru[bytes] = Lru(SUBSET_CACHE_SIZE)
        self._cmaps: Lru[str] = Lru(SUBSET_CACHE_SIZE)
        self._flate = _CachedFlate(SUBSET_CACHE_SIZE)

    def stringWidth(self, text: str | bytes, size: float, encoding: str | None = "utf8") -> float:
        """ReportLab's width (``rl_accel.instanceStringWidthTTF``), the sum per text cached.

        Line breaking measures every word of every paragraph; words repeat.
        """
        if not isinstance(text, str):
            text = text.decode(encoding or "utf-8")
        units = self._text_widths.get(text)
        if units is None:
            widths, default = self.face.charWidths.get, self.face.defaultWidth
            units = sum([widths(ord(ch), default) for ch in text])
            if len(self._text_widths) >= TEXT_WIDTH_CACHE_SIZE:
                self._text_widths.clear()
            self._text_widths[text] = units
        return 0.001 * size * units

    def addObjects(self, doc: Any) -> None:  # ReportLab's name
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        font_dict = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join(
                (SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)
            ).decode("pdfdoc")
            key = tuple(subset)

            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _CachedArray(tuple(map(self.face.getCharWidth, subset)), self._widths)

            cmap_stream = pdfdoc.PDFStream()
            cmap: str | None = self._cmaps.get((base_font_name, key))
            if cmap is None:
                cmap = makeToUnicodeCMap(base_font_name, subset)
                self._cmaps.put((base_font_name, key), cmap)
            cmap_stream.content = cmap
            if doc.compression:
                cmap_stream.filters = [self._flate]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)

            doc.Reference(pdf_font, internal_name)
            font_dict[internal_name] = pdf_font
        del self.state[doc]


def register_fonts() -> None:
    """Register the fonts and the <b>/<i> families; cheap after the first call."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(CachingTTFont(name, str(resource_path("fonts", filename))))
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
