"""Everything of the hub that a person opens in a browser, put together for ``create_app``.

``web_routes`` are the pages (the public ``/verify``, sign-in, the officers' dashboard and
administration); ``web_middleware`` wraps the whole application: officer sign-in, CSRF
checks and the pages' security headers (:mod:`counterdesk.hub.auth`). The desk API under
``/api/v1/`` is in :mod:`counterdesk.hub.app` and passes through untouched.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from counterdesk.hub.admin_pages import admin_routes
from counterdesk.hub.auth import AuthMiddleware, login_routes
from counterdesk.hub.citizen_pages import citizen_routes
from counterdesk.hub.dashboard_pages import dashboard_routes
from counterdesk.hub.hub import Hub
from counterdesk.hub.verify_page import verify_routes


def web_routes(hub: Hub, *, allow_plain_http: bool = False) -> list[BaseRoute]:
    return [
        *login_routes(hub, allow_plain_http=allow_plain_http),
        *dashboard_routes(hub),
        *verify_routes(hub),
        *admin_routes(hub),
        *citizen_routes(hub),
    ]


def web_middleware(hub: Hub) -> list[Middleware]:
    return [Middleware(AuthMiddleware, hub=hub)]
