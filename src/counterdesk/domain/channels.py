"""How a complaint reached the desk: its own module so that the command line offers the
choices without loading the whole event contract (:mod:`counterdesk.domain.contract`)."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """How a complaint reached the desk."""

    COUNTER = "counter"
    PHONE = "phone"
    SMS = "sms"
    LETTER = "letter"
    BOX = "box"
    OTHER = "other"
