"""Safe templates for letter numbers and letter bodies.

Templates come from the hub (an officer types them) and are filled in at every desk, so
they are parsed here instead of handed to :meth:`str.format`, which would follow
``{x.attr}`` and ``{x[0]}``, run any conversion (``!r``) and pad to any width
(``{name:>30000000}`` makes a 30 MB string). The rules:

1. A placeholder is ``{name}`` with ``name`` a lower-case identifier from a known list;
   ``{{`` and ``}}`` are literal braces. A lone ``{`` or ``}`` is refused.
2. No attribute or index access, no conversion (``!r``, ``!s``).
3. A format spec is allowed only on numbers, and only zero padding: ``{n:04d}`` (width
   1 to :data:`MAX_PAD`) or ``{n:d}``.
4. The template and what it produces are bounded in length.

:func:`check_number_template` and :func:`check_body_template` apply these rules and test-
render the template with sample values; both raise
:class:`~counterdesk.domain.errors.ValidationError` (code ``letter_template``) with a
message naming the problem. :func:`render` fills a checked template in.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Final

from counterdesk.domain.errors import ValidationError

MAX_PAD: Final = 6
MAX_NUMBER_TEMPLATE: Final = 120
MAX_NUMBER: Final = 60  # a letter number (as the revocation list accepts it)
MAX_BODY_TEMPLATE: Final = 6000
MAX_BODY: Final = 20000
_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_PAD = re.compile(r"(?:0([1-9]))?d")
NUMBER_CHARS = re.compile(r"[A-Za-z0-9/.\-]*")

# Letter numbers -------------------------------------------------------------------------
RUNNING: Final = ("number", "n")  # the running number, per desk, kind and year
DESK_PARTS: Final = ("unit", "desk", "desk_no")  # the desk code, or its two digits
FULL_DESK: Final = ("unit", "desk")
NUMBER_NAMES: Final = (
    *RUNNING,
    *DESK_PARTS,
    "classification",
    "month_roman",
    "roman_month",
    "month",
    "year",
)
NUMERIC: Final = frozenset({"number", "n", "month", "year"})
SAMPLE_NUMBER: Final[dict[str, str | int]] = {
    "classification": "400.12.2.1",
    "number": 999999,
    "n": 999999,
    "unit": "ABCDE-99",
    "desk": "ABCDE-99",
    "desk_no": "99",
    "month_roman": "VIII",
    "roman_month": "VIII",
    "month": 12,
    "year": 2026,
}

# Letter bodies -------------------------------------------------------------------------
IDENTITY: Final = "identity"  # a paragraph of its own: the identity block goes there
BODY_NAMES: Final = (
    "name",
    "nik",
    "birth_date",
    "birth_place",
    "sex",
    "nationality",
    "post",
    "district",
    IDENTITY,
)


@dataclass(frozen=True)
class Part:
    literal: str
    name: str | None = None
    pad: int = 0  # zero padding width (numbers only)


def _problem(what: str, template: str, reason: str) -> ValidationError:
    shown = template if len(template) <= 80 else template[:77] + "..."
    return ValidationError(
        f"{what} {shown!r} is not valid: {reason}",
        code="letter_template",
        reason=reason,
    )


def parse(
    template: str,
    *,
    names: Collection[str],
    numeric: Collection[str] = NUMERIC,
    what: str = "letter template",
    limit: int = MAX_NUMBER_TEMPLATE,
) -> list[Part]:
    """The parts of ``template``; refuses anything rules 1-4 do not allow."""
    if not isinstance(template, str):
        raise _problem(what, str(template), "it is not text")
    if len(template) > limit:
        raise _problem(what, template, f"it is longer than {limit} characters")
    try:
        tokens = list(string.Formatter().parse(template))
    except ValueError as exc:
        text = str(exc)
        if text.startswith("Single '}'"):
            reason = "a '}' stands alone (write }} for a brace)"
        elif text.startswith("Single '{'"):
            reason = "a '{' stands alone (write {{ for a brace)"
        else:
            reason = "a '{' is not closed (write {{ for a brace)"
        raise _problem(what, template, reason) from None
    parts: list[Part] = []
    for literal, field, spec, conversion in tokens:
        if field is None:
            parts.append(Part(literal))
            continue
        if not field:
            raise _problem(what, template, "an empty {} has no name")
        if not _NAME.fullmatch(field):
            raise _problem(
                what,
                template,
                f"{{{field}}} is not a plain name (no '.', '[', spaces or capitals)",
            )
        if conversion is not None:
            raise _problem(what, template, f"{{{field}!{conversion}}}: no '!' conversions")
        if field not in names:
            raise _problem(
                what,
                template,
                f"{{{field}}} is not a known placeholder; use {', '.join(sorted(names))}",
            )
        pad = 0
        if spec:
            m = _PAD.fullmatch(spec)
            if field not in numeric or m is None:
                raise _problem(
                    what,
                    template,
                    f"{{{field}:{spec}}}: only numbers may have a format, and only zero "
                    f"padding like {{n:04d}} (at most {MAX_PAD} digits)",
                )
            pad = int(m.group(1) or 0)
            if pad > MAX_PAD:
                raise _problem(
                    what, template, f"{{{field}:{spec}}} pads to more than {MAX_PAD} digits"
                )
        parts.append(Part(literal, field, pad))
    return parts


def render(
    parts: list[Part], values: Mapping[str, str | int], *, limit: int, missing: str = "-"
) -> str:
    """Fill parsed parts in; a value not given is ``missing``; raises if over ``limit``."""
    out: list[str] = []
    size = 0
    for part in parts:
        pieces = [part.literal]
        if part.name is not None:
            value = values.get(part.name, missing)
            if part.pad and isinstance(value, int):
                pieces.append(f"{value:0{part.pad}d}")
            else:
                pieces.append(str(value))
        for piece in pieces:
            size += len(piece)
            if size > limit:
                raise ValidationError(
                    f"the filled-in template is longer than {limit} characters",
                    code="letter_template",
                    reason="too long",
                )
            out.append(piece)
    return "".join(out)


def placeholders(parts: list[Part]) -> list[str]:
    return [p.name for p in parts if p.name is not None]


# --------------------------------------------------------------------------- numbers


def check_number_template(template: str, *, full_desk: bool = True) -> list[Part]:
    """Parse a letter number template and test-render it with sample values.

    It must hold the running number (``{n}`` or ``{number}``), the year (numbers restart
    each year) and the desk (``{desk}``/``{unit}``, or ``{desk_no}`` when ``full_desk`` is
    false: a post's own template, whose fixed text already names the post), so that no two
    desks, and no two years, can produce the same number without a network. Two
    placeholders must be separated by a character that is not a digit. The literal text
    and the result use only letters, digits, '/', '.' and '-'.
    """
    what = "letter number template"
    parts = parse(template, names=NUMBER_NAMES, what=what)
    used = placeholders(parts)
    desk_parts = FULL_DESK if full_desk else DESK_PARTS
    if not any(name in used for name in desk_parts):
        wanted = " or ".join("{" + d + "}" for d in desk_parts)
        raise _problem(
            what,
            template,
            f"it must contain the desk ({wanted}), or two desks could issue the same number",
        )
    if not any(name in used for name in RUNNING):
        raise _problem(what, template, "it must contain the running number {n} (or {number})")
    if "year" not in used:
        raise _problem(
            what, template, "it must contain {year}: the running number restarts every year"
        )
    for before, after in itertools.pairwise(parts):
        if before.name is not None and not re.search(r"[^0-9]", after.literal):
            raise _problem(
                what,
                template,
                f"{{{before.name}}} and {{{after.name}}} must be separated by a character "
                "that is not a digit, e.g. '/' or '.'",
            )
    for part in parts:
        if not NUMBER_CHARS.fullmatch(part.literal):
            raise _problem(
                what, template, "use only letters, digits, '/', '.' and '-' around the placeholders"
            )
    sample = render(parts, SAMPLE_NUMBER, limit=10**4)
    if len(sample) > MAX_NUMBER:
        raise _problem(
            what, template, f"a number made from it can be longer than {MAX_NUMBER} characters"
        )
    return parts


# --------------------------------------------------------------------------- bodies


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a body (split at blank lines, whatever the line ends)."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n[ \t]*\n", unified) if p.strip()]


def check_body_template(template: str, fields: Collection[str], *, what: str) -> list[Part]:
    """Parse a letter body template: placeholders are the citizen's data, the post, the
    district, the service's own fields, and ``{identity}`` as a paragraph of its own."""
    names = set(BODY_NAMES) | set(fields)
    parts = parse(template, names=names, numeric=(), what=what, limit=MAX_BODY_TEMPLATE)
    for paragraph in paragraphs(template):
        if "{" + IDENTITY + "}" in paragraph and paragraph.strip() != "{" + IDENTITY + "}":
            raise _problem(what, template, "{identity} must be a paragraph of its own")
    sample = {name: "x" * 200 for name in names}
    render(parts, sample, limit=MAX_BODY)
    return parts
