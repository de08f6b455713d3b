"""The officers' dashboard pages (server-rendered, small, usable on a phone and a slow link).

``/`` overview (desks and posts with last contact, gaps, quarantine, alerts, this month's
headline numbers); ``/requests`` (by status, service and post, completion on time, overdue);
``/times`` (waiting and service times); ``/satisfaction`` (IKM per post and service and the
official SKM table, exact weight 1/9); ``/reports`` (the monthly report as PDF, CSV, a zip of
CSVs or .xlsx; ``?dialect=id`` gives CSV with ``;`` and decimal commas, ``?weight=0.111`` the
IKM with the rounded weight).

Every page takes its filters from the query string: ``month=YYYY-MM`` (default: the hub's
current month) or ``from=YYYY-MM-DD&to=YYYY-MM-DD``, ``post=NAME``, ``service=CODE``. A filter
that is not understood gets a 400 page saying which one and what it should look like.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.skm import EXACT_WEIGHT, weight_label
from counterdesk.hub import stats
from counterdesk.hub.hub import Hub
from counterdesk.hub.report_cli import (
    OUTCOME_LABELS,
    PERFORMANCE,
    STATUS_LABELS,
    combined_csv,
    csv_zip,
    hours,
    minutes,
    monthly_xlsx,
    parse_weight,
    percent,
    post_label,
    report_doc,
    service_label,
    skm_table,
)
from counterdesk.hub.templating import render
from counterdesk.hub.views import desks_report
from counterdesk.printing.exports import DIALECTS, EXCEL
from counterdesk.printing.monthly_report import render_monthly_report

MAX_QUERY_VALUE = 100


class BadQuery(Exception):
    """A query-string filter that is not understood (answered with a 400 page)."""


@dataclass(frozen=True)
class Filters:
    period: stats.Period
    scope: stats.Scope
    month: str  # the month field's value ("" when from/to were given)
    day_from: str
    day_to: str

    def query(self, **override: str) -> str:
        """The same filters as a query string (for links), with some values replaced."""
        values = {
            "month": self.month,
            "from": self.day_from if not self.month else "",
            "to": self.day_to if not self.month else "",
            "post": self.scope.post or "",
            "service": self.scope.service or "",
        }
        values.update(override)
        return urlencode({k: v for k, v in values.items() if v})


def _filters(request: Request, hub: Hub) -> Filters:
    q = request.query_params
    for key, value in q.items():
        if len(value) > MAX_QUERY_VALUE:
            raise BadQuery(f"the value of {key!r} is too long")
    month = q.get("month", "").strip()
    day_from, day_to = q.get("from", "").strip(), q.get("to", "").strip()
    try:
        if day_from or day_to:
            if month:
                raise BadQuery("give either month=YYYY-MM or from=...&to=..., not both")
            if not (day_from and day_to):
                raise BadQuery("give both from=YYYY-MM-DD and to=YYYY-MM-DD")
            period = stats.Period.days(day_from, day_to)
            month = ""
        else:
            month = month or f"{stats.today(hub):%Y-%m}"
            period = stats.Period.month(month)
    except ValidationError as exc:
        raise BadQuery(str(exc)) from None
    post = q.get("post", "").strip() or None
    if post is not None and post not in stats.posts(hub):
        known = ", ".join(stats.posts(hub)) or "none yet"
        raise BadQuery(f"unknown post {post!r}; posts: {known}")
    service = q.get("service", "").strip().upper() or None
    if service is not None and service not in stats.service_names(hub):
        known = ", ".join(sorted(stats.service_names(hub)))
        raise BadQuery(f"unknown service {service!r}; services: {known}")
    return Filters(
        period,
        stats.Scope(post=post, service=service),
        month,
        period.start.isoformat(),
        period.end.isoformat(),
    )


def _common(hub: Hub, f: Filters, page: str) -> dict[str, Any]:
    return {
        "page": page,
        "district": hub.info.district,
        "f": f,
        "posts": stats.posts(hub),
        "services": sorted(stats.service_names(hub).items()),
        "ALL": stats.ALL,
        "status_labels": STATUS_LABELS,
        "statuses": stats.STATUSES,
        "outcome_labels": OUTCOME_LABELS,
        "performance": PERFORMANCE,
        "post_label": post_label,
        "service_label": service_label,
        "minutes": minutes,
        "hours": hours,
        "percent": percent,
    }


def _overview(hub: Hub, f: Filters) -> dict[str, Any]:
    report = desks_report(hub)
    by_post: dict[str, list[dict[str, Any]]] = {}
    for d in report["desks"]:
        d["gaps"] = sum(len(e["gaps"]) for e in d["epochs"])
        by_post.setdefault(d["post"], []).append(d)
    return {
        "report": report,
        "by_post": sorted(by_post.items()),
        "overview": stats.overview(hub, f.period),
        "alerts": report["alerts"][:20],
    }


def _requests(hub: Hub, f: Filters) -> dict[str, Any]:
    total, late = stats.overdue(hub, f.scope, limit=200)
    return {
        "volumes": stats.volumes(hub, f.period, f.scope),
        "completion": stats.completion(hub, f.period, f.scope),
        "referrals": stats.referrals(hub, f.period, f.scope),
        "complaints": stats.complaints(hub, f.period, f.scope),
        "overdue_total": total,
        "overdue": late,
        "today": stats.today(hub),
    }


def _times(hub: Hub, f: Filters) -> dict[str, Any]:
    return {"times": stats.times(hub, f.period, f.scope)}


def _satisfaction(hub: Hub, f: Filters) -> dict[str, Any]:
    rows = stats.skm(hub, f.period, f.scope)
    chosen = next((r for r in rows if r.post == stats.ALL), None)  # the whole scope
    title = " \u2014 ".join(
        [f.scope.post or "Semua pos", service_label(f.scope.service or stats.ALL)]
    )
    return {
        "rows": rows,
        "official": skm_table(chosen, f"{title} \u2014 {f.period.label}") if chosen else None,
        "weight": "1/9",
        "weight_text": weight_label(EXACT_WEIGHT).id,
    }


def _reports(hub: Hub, f: Filters) -> dict[str, Any]:
    months = stats.months_with_data(hub)
    current = f"{stats.today(hub):%Y-%m}"
    if current not in months:
        months.insert(0, current)
    return {"months": months}


def dashboard_routes(hub: Hub) -> list[BaseRoute]:
    def page(
        template: str, build: Callable[[Hub, Filters], dict[str, Any]], name: str
    ) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            def work() -> dict[str, Any]:
                f = _filters(request, hub)
                return {**_common(hub, f, name), **build(hub, f)}

            try:
                context = await run_in_threadpool(work)
            except BadQuery as exc:
                return render(
                    request,
                    "dashboard_error.html",
                    {"message": str(exc), "path": request.url.path},
                    status=400,
                )
            return render(request, template, context)

        return endpoint

    async def download(request: Request) -> Response:
        month = str(request.path_params["month"])
        kind = str(request.path_params["kind"])
        try:
            period = stats.Period.month(month)
            if kind not in ("pdf", "csv", "zip", "xlsx"):
                raise ValidationError(
                    f"the report comes as .pdf, .csv, .zip or .xlsx, not .{kind}",
                    code="report_kind",
                )
            weight = parse_weight(request.query_params.get("weight", "exact"))
            dialect = DIALECTS.get(request.query_params.get("dialect", EXCEL.name))
            if dialect is None:
                raise ValidationError(
                    "dialect is 'excel' (comma) or 'id' (semicolon, decimal comma)",
                    code="report_dialect",
                )
        except ValidationError as exc:
            return render(
                request,
                "dashboard_error.html",
                {"message": str(exc), "path": request.url.path},
                status=400,
            )

        def work() -> bytes:
            m = stats.monthly(hub, period, weight=weight)
            if kind == "pdf":
                return render_monthly_report(report_doc(hub, m))
            if kind == "csv":
                return combined_csv(m, dialect)
            if kind == "xlsx":
                return monthly_xlsx(m)
            return csv_zip(m, dialect)

        data = await run_in_threadpool(work)
        types = {
            "pdf": "application/pdf",
            "csv": "text/csv; charset=utf-8",
            "zip": "application/zip",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
        return Response(
            data,
            media_type=types[kind],
            headers={"Content-Disposition": f'attachment; filename="laporan-{period.key}.{kind}"'},
        )

    async def choose(request: Request) -> Response:
        month = request.query_params.get("month", "").strip()
        kind = request.query_params.get("kind", "pdf").strip()
        try:
            period = stats.Period.month(month)
        except ValidationError as exc:
            return render(
                request,
                "dashboard_error.html",
                {"message": str(exc), "path": "/reports"},
                status=400,
            )
        if kind not in ("pdf", "csv", "zip", "xlsx"):
            kind = "pdf"
        return RedirectResponse(f"/reports/{period.key}.{kind}", status_code=303)

    return [
        Route("/reports/go", choose, methods=["GET"], name="dashboard_report_choose"),
        Route(
            "/", page("dashboard.html", _overview, "overview"), methods=["GET"], name="dashboard"
        ),
        Route(
            "/requests",
            page("dashboard_requests.html", _requests, "requests"),
            methods=["GET"],
            name="dashboard_requests",
        ),
        Route(
            "/times",
            page("dashboard_times.html", _times, "times"),
            methods=["GET"],
            name="dashboard_times",
        ),
        Route(
            "/satisfaction",
            page("dashboard_satisfaction.html", _satisfaction, "satisfaction"),
            methods=["GET"],
            name="dashboard_satisfaction",
        ),
        Route(
            "/reports",
            page("dashboard_reports.html", _reports, "reports"),
            methods=["GET"],
            name="dashboard_reports",
        ),
        Route(
            "/reports/{month}.{kind:str}",
            download,
            methods=["GET"],
            name="dashboard_report_file",
        ),
    ]
