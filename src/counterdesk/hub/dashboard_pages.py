"""The officers' dashboard pages (server-rendered, small, usable on a phone and a slow link)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from counterdesk.hub.hub import Hub
from counterdesk.hub.templating import render
from counterdesk.hub.views import desks_report


def dashboard_routes(hub: Hub) -> list[BaseRoute]:
    async def desks(request: Request) -> Response:
        report = await run_in_threadpool(desks_report, hub)
        return render(request, "dashboard.html", {"report": report})

    return [Route("/", desks, methods=["GET"], name="dashboard")]
