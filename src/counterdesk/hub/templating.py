"""The hub's HTML pages: one Jinja2 environment (autoescaped) and ``render``.

Every page template extends ``base.html``. ``render`` passes the signed-in officer and the
request's CSRF token (when the auth middleware set them on ``request.state``) so every form
can carry the token and the layout can show who is signed in.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

_ENV: Environment | None = None


def templates() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("counterdesk.hub", "templates"),
            autoescape=select_autoescape(["html"]),
        )
    return _ENV


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> HTMLResponse:
    values: dict[str, Any] = {
        "request": request,
        "officer": getattr(request.state, "officer", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
    }
    values.update(context or {})
    html = templates().get_template(name).render(**values)
    return HTMLResponse(html, status_code=status)
