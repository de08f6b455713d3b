"""The roles of district officers: their own module so that ``counterdesk-hub officer``
offers them without loading the web sign-in (:mod:`counterdesk.hub.auth`, Starlette)."""

from __future__ import annotations

from typing import Final

ROLES: Final = ("officer", "admin")
