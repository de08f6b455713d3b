"""The monthly report: its tables (shared by the PDF, the CSV, the .xlsx and the dashboard
download) and ``counterdesk-hub report --month YYYY-MM --out FILE.pdf [--csv FILE.csv|DIR]
[--csv-dialect id] [--xlsx FILE.xlsx] [--ikm-weight exact|0.111]``.

CSV (UTF-8 with a byte order mark, so Excel reads the accents): given a file name ending in
``.csv`` every table goes into that one file, one block per table (a line with the table's
title, its header line, its rows, an empty line); given a folder, one file per table
(``01-volume.csv`` ...). ``--csv-dialect id`` writes ``;`` between cells and decimal commas
(Excel with Indonesian settings). ``--xlsx`` writes one worksheet per table. Cells that a
spreadsheet could take for a formula are neutralised (:mod:`counterdesk.printing.exports`).
The dashboard offers ``/reports/YYYY-MM.csv`` (one file; ``?dialect=id``),
``/reports/YYYY-MM.zip`` (one file per table) and ``/reports/YYYY-MM.xlsx``.

The IKM uses the exact weight 1/9 unless ``--ikm-weight 0.111`` (the regulation's rounded
example) is asked for; every output says which weight it used.

The command's parser is in :mod:`counterdesk.hub.report_command`, which imports this module
only when the command runs.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from counterdesk.config import DeskSettings
from counterdesk.domain.calendar import MONTHS_ID
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.lifecycle import OUTCOME_LABELS_ID, STATUS_LABELS_ID
from counterdesk.domain.skm import (
    ELEMENTS,
    EXACT_WEIGHT,
    GRADES,
    OFFICIAL_WEIGHT,
    WEIGHTS,
    SkmResult,
    grade,
    weight_label,
)
from counterdesk.hub import refdata
from counterdesk.hub.cli_common import open_hub
from counterdesk.hub.hub import Hub
from counterdesk.hub.stats import (
    ALL,
    STATUSES,
    Durations,
    Monthly,
    Period,
    Scope,
    SkmRow,
    monthly,
)
from counterdesk.printing.documents import BarChartData, Letterhead, ReportTable
from counterdesk.printing.exports import (
    DIALECTS,
    EXCEL,
    CsvDialect,
    csv_bytes,
    table_lines,
    tables_csv,
    tables_xlsx,
)
from counterdesk.printing.monthly_report import (
    MonthlyReportDoc,
    SkmElementRow,
    SkmTableDoc,
    ValueChartData,
    render_monthly_report,
)
from counterdesk.services.command import UsageError, print_json
from counterdesk.sync.bundle import write_atomically

STATUS_LABELS = STATUS_LABELS_ID
OUTCOME_LABELS = OUTCOME_LABELS_ID
PERFORMANCE = {letter: text_id for _lowest, letter, text_id, _text_en in GRADES}
CSV_NAMES = (
    "volume",
    "penyelesaian",
    "waktu",
    "rujukan",
    "pengaduan",
    "ikm",
    "terlambat",
    "skm-unsur",
)


def post_label(post: str) -> str:
    return "Semua pos" if post == ALL else post


def service_label(service: str, name: str = "") -> str:
    if service == ALL:
        return "Semua layanan"
    return f"{service} {name}".strip() if name and name != service else service


def minutes(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def hours(value: float | None) -> str:
    return "" if value is None else f"{value / 60:.1f}"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _durations(d: Durations, fmt: Callable[[float | None], str]) -> list[str]:
    return [str(d.count), fmt(d.median), fmt(d.p90)]


def skm_rows(row: SkmRow) -> list[SkmElementRow]:
    return [
        SkmElementRow(code, name.id, row.totals[i], nrr, nrr * row.result.weight)
        for i, ((code, name), nrr) in enumerate(zip(ELEMENTS, row.result.nrr, strict=True))
    ]


def weight_text(weight: float) -> str:
    return "IKM dihitung dengan " + weight_label(weight).id


def other_weight_note(result: SkmResult) -> str:
    """The same index with the other weight, so a reader can compare with other offices."""
    other = result.with_weight(OFFICIAL_WEIGHT if result.weight == EXACT_WEIGHT else EXACT_WEIGHT)
    return (
        f"{weight_text(result.weight)}. Dengan {weight_label(other.weight).id}: "
        f"{other.ikm:.2f} (mutu {grade(other.ikm)[0]})."
    )


def skm_table(row: SkmRow, title: str) -> SkmTableDoc:
    result = row.result
    return SkmTableDoc(
        title=title,
        respondents=result.respondents,
        rows=skm_rows(row),
        ikm=result.ikm / 25,
        ikm_converted=result.ikm,
        grade=result.grade,
        performance=PERFORMANCE[result.grade],
        note=other_weight_note(result),
    )


def skm_title(row: SkmRow) -> str:
    return f"{post_label(row.post)} \u2014 {service_label(row.service, row.service_name)}"


def report_tables(m: Monthly) -> list[ReportTable]:
    """Every table of the report, in print order (the CSV holds the same)."""
    status_head = [STATUS_LABELS[s] for s in STATUSES]
    tables = [
        ReportTable(
            "Volume permohonan per pos dan layanan",
            ["Pos", "Layanan", "Jumlah", *status_head],
            [
                [
                    post_label(v.post),
                    service_label(v.service, v.service_name),
                    str(v.total),
                    *(str(v.by_status.get(s, 0)) for s in STATUSES),
                ]
                for v in m.volumes
            ],
            "Tidak ada permohonan pada periode ini.",
            numeric_from=2,
            widths=[1.7, 2.6, 1.0] + [1.35] * len(STATUSES),
        ),
        ReportTable(
            "Penyelesaian dalam waktu yang dijanjikan",
            ["Pos", "Layanan", "Selesai", "Tepat waktu", "Terlambat", "% tepat waktu"],
            [
                [
                    post_label(c.post),
                    service_label(c.service, c.service_name),
                    str(c.completed),
                    str(c.on_time),
                    str(c.late),
                    percent(c.on_time_percent),
                ]
                for c in m.completion
            ],
            "Belum ada permohonan yang selesai.",
            numeric_from=2,
            widths=[2.2, 3.6, 1.1, 1.1, 1.1, 1.2],
        ),
        ReportTable(
            "Waktu (median, p90): tunggu = tiket\u2192dipanggil (menit), proses = dipanggil"
            "\u2192selesai (menit), ambil = daftar\u2192diambil (jam)",
            [
                "Pos",
                "Layanan",
                "Tunggu n",
                "Tunggu median",
                "Tunggu p90",
                "Proses n",
                "Proses median",
                "Proses p90",
                "Ambil n",
                "Ambil median",
                "Ambil p90",
            ],
            [
                [
                    post_label(t.post),
                    service_label(t.service, t.service_name),
                    *_durations(t.wait, minutes),
                    *_durations(t.service_time, minutes),
                    *_durations(t.collection, hours),
                ]
                for t in m.times
            ],
            "Belum ada waktu yang terukur.",
            numeric_from=2,
            widths=[1.8, 2.6] + [1.0] * 9,
        ),
        ReportTable(
            "Rujukan per instansi dan hasilnya",
            ["Instansi", "Layanan", "Dirujuk", *OUTCOME_LABELS.values(), "Belum ada kabar"],
            [
                [
                    r.agency,
                    service_label(r.service, r.service_name),
                    str(r.referred),
                    *(str(r.outcomes.get(o, 0)) for o in OUTCOME_LABELS),
                    str(r.no_outcome),
                ]
                for r in m.referrals
            ],
            "Tidak ada rujukan pada periode ini.",
            numeric_from=2,
            widths=[2.6, 2.6, 1, 1, 1, 1.2, 1.2],
        ),
        ReportTable(
            "Pengaduan",
            ["Layanan", "Diterima", "Dijawab", "Terbuka"],
            [
                [
                    service_label(c.service, c.service_name),
                    str(c.received),
                    str(c.answered),
                    str(c.open),
                ]
                for c in m.complaints
            ],
            "Tidak ada pengaduan pada periode ini.",
            widths=[4, 1, 1, 1],
        ),
        ReportTable(
            f"Indeks Kepuasan Masyarakat (IKM) per pos dan layanan ({weight_text(m.skm_weight)})",
            ["Pos", "Layanan", "Responden", "IKM", "Mutu", "Kinerja"],
            [
                [
                    post_label(s.post),
                    service_label(s.service, s.service_name),
                    str(s.result.respondents),
                    f"{s.result.ikm:.2f}",
                    s.result.grade,
                    PERFORMANCE[s.result.grade],
                ]
                for s in m.skm
            ],
            "Belum ada survei pada periode ini.",
            numeric_from=2,
            widths=[2.2, 3.4, 1.1, 1, 0.8, 1.5],
        ),
        ReportTable(
            f"Permohonan periode ini yang melewati jatuh tempo (per {m.today:%d-%m-%Y})",
            ["Pos", "Tanda terima", "Layanan", "Status", "Jatuh tempo", "Hari kerja terlambat"],
            [
                [
                    o.post,
                    o.receipt,
                    o.service,
                    STATUS_LABELS.get(o.status, o.status),
                    o.due_date,
                    str(o.working_days_late),
                ]
                for o in m.overdue
            ],
            "Tidak ada permohonan yang terlambat.",
            numeric_from=5,
            widths=[2.2, 2.6, 1.2, 1.5, 1.4, 1.3],
        ),
    ]
    return tables


def skm_element_table(m: Monthly) -> ReportTable:
    """The official SKM table's rows for every post/service, flat (for the CSV)."""
    rows = []
    for s in m.skm:
        for e in skm_rows(s):
            rows.append(
                [
                    post_label(s.post),
                    service_label(s.service, s.service_name),
                    e.code,
                    e.name,
                    str(e.total),
                    f"{e.nrr:.3f}",
                    f"{e.weighted:.3f}",
                    str(s.result.respondents),
                ]
            )
    return ReportTable(
        f"SKM per unsur ({weight_text(m.skm_weight)})",
        ["Pos", "Layanan", "Unsur", "Nama unsur", "Jumlah nilai", "NRR", "NRR tertimbang",
         "Responden"],
        rows,
        numeric_from=4,
    )  # fmt: skip


def _letterhead(hub: Hub) -> Letterhead:
    settings = refdata.letterhead(hub)
    defaults = DeskSettings()
    government = settings.get("letterhead_government") or defaults.letterhead_government
    office = settings.get("letterhead_office") or hub.info.district.upper()
    if office.upper() in government.upper():  # "PEMERINTAH KABUPATEN X" says it already
        office = ""
    return Letterhead(
        government=government,
        office=office,
        address=settings.get("letterhead_address") or "",
    )


def scope_line(m: Monthly) -> str:
    parts = [m.district]
    if m.scope.post:
        parts.append(f"Pos: {m.scope.post}")
    if m.scope.desk:
        parts.append(f"Meja: {m.scope.desk}")
    if m.scope.service:
        parts.append(f"Layanan: {m.scope.service}")
    if len(parts) == 1:
        parts.append(f"{len(m.posts)} pos pelayanan")
    return " \u00b7 ".join(parts)


def report_doc(hub: Hub, m: Monthly) -> MonthlyReportDoc:
    total = next((v for v in m.volumes if v.post == ALL), None)
    done = next((c for c in m.completion if c.post == ALL), None)
    overall = next((s for s in m.skm if s.post == ALL), None)
    wait = next((t for t in m.times if t.post == ALL), None)
    complaints = next((c for c in m.complaints if c.service == ALL), None)
    figures = [
        ("Permohonan", str(total.total if total else 0)),
        ("Selesai", str(done.completed if done else 0)),
        ("Tepat waktu", f"{percent(done.on_time_percent)} %" if done else "\u2013"),
        ("Terlambat (belum selesai)", str(m.overdue_total)),
        ("Median tunggu (menit)", minutes(wait.wait.median) if wait else "\u2013"),
        ("Rujukan", str(sum(r.referred for r in m.referrals))),
        ("Pengaduan terbuka", str(complaints.open if complaints else 0)),
        (
            "IKM",
            f"{overall.result.ikm:.2f} ({overall.result.grade})" if overall else "\u2013",
        ),
        ("Bobot IKM", "1/9 (tepat)" if m.skm_weight == EXACT_WEIGHT else "0,111 (dibulatkan)"),
    ]
    # bars: requests per service, stacked by post
    per_service = [v for v in m.volumes if v.post not in (ALL,) and v.service != ALL]
    services = sorted({v.service for v in per_service})
    post_names = sorted({v.post for v in per_service})
    values = [
        [
            next((v.total for v in per_service if v.post == p and v.service == s), 0)
            for s in services
        ]
        for p in post_names
    ]
    chart = BarChartData(
        "Permohonan per layanan (bertumpuk per pos)",
        services,
        post_names,
        values,
        "Tidak ada permohonan pada periode ini.",
    )
    per_post = [s for s in m.skm if s.post != ALL and s.service == ALL]
    ikm_chart = ValueChartData(
        "IKM per pos pelayanan (skala 25\u2013100)",
        [s.post for s in per_post],
        [s.result.ikm for s in per_post],
        empty_text="Belum ada survei pada periode ini.",
    )
    skm_docs = [skm_table(s, skm_title(s)) for s in m.skm if s.service == ALL]
    now = hub.clock()
    return MonthlyReportDoc(
        letterhead=_letterhead(hub),
        title="LAPORAN BULANAN PELAYANAN",
        period_text=f"Periode {m.period.label}",
        scope_line=scope_line(m),
        key_figures=figures,
        volume_chart=chart,
        ikm_chart=ikm_chart,
        tables=report_tables(m),
        skm_tables=skm_docs,
        generated_text=f"Dibuat {now:%d-%m-%Y %H:%M} oleh counterdesk-hub",
    )


def monthly_pdf(
    hub: Hub, period: Period, scope: Scope | None = None, weight: float = EXACT_WEIGHT
) -> bytes:
    return render_monthly_report(report_doc(hub, monthly(hub, period, scope or Scope(), weight)))


def csv_tables(m: Monthly) -> list[ReportTable]:
    return [*report_tables(m), skm_element_table(m)]


def combined_csv(m: Monthly, dialect: CsvDialect = EXCEL) -> bytes:
    """Every table in one CSV: title line, header, rows, empty line."""
    return tables_csv(csv_tables(m), dialect)


def csv_files(m: Monthly, dialect: CsvDialect = EXCEL) -> dict[str, bytes]:
    """One CSV per table: ``NN-name.csv`` -> bytes."""
    return {
        f"{i:02d}-{name}.csv": csv_bytes(table_lines(table, title=False), dialect)
        for i, (name, table) in enumerate(zip(CSV_NAMES, csv_tables(m), strict=True), start=1)
    }


def csv_zip(m: Monthly, dialect: CsvDialect = EXCEL) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in csv_files(m, dialect).items():
            info = zipfile.ZipInfo(f"laporan-{m.period.key}/{name}", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buffer.getvalue()


def monthly_xlsx(m: Monthly) -> bytes:
    """The report's tables as a workbook, one worksheet per table."""
    info = [
        f"Laporan bulanan pelayanan \u2014 {m.district} \u2014 periode {m.period.label}",
        scope_line(m),
        weight_text(m.skm_weight),
    ]
    return tables_xlsx(list(zip(CSV_NAMES, csv_tables(m), strict=True)), info=info)


def parse_weight(text: str) -> float:
    try:
        return WEIGHTS[text.strip().replace(",", ".").lower()]
    except KeyError:
        raise ValidationError(
            f"the IKM weight is 'exact' (1/9) or '0.111', not {text!r}", code="skm_weight"
        ) from None


# ----------------------------------------------------------------------------- command line
def cmd_report(args: argparse.Namespace) -> int:
    try:
        period = Period.month(args.month)
    except ValidationError as exc:
        raise UsageError(f"--month: {exc}") from None
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"--out must name a .pdf file, not {out}")
    if not out.parent.is_dir():
        raise UsageError(f"--out: the folder {out.parent} does not exist")
    dialect = DIALECTS[args.csv_dialect]
    xlsx = Path(args.xlsx) if args.xlsx else None
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise UsageError(f"--xlsx must name a .xlsx file, not {xlsx}")
    try:
        weight = parse_weight(args.ikm_weight)
    except ValidationError as exc:
        raise UsageError(f"--ikm-weight: {exc}") from None
    scope = Scope(post=args.post, desk=args.desk, service=args.service)
    with open_hub(args) as hub:
        m = monthly(hub, period, scope, weight)
        pdf = render_monthly_report(report_doc(hub, m))
    write_atomically(out, pdf)
    written = [str(out)]
    if args.csv:
        target = Path(args.csv)
        if target.suffix.lower() == ".csv":
            write_atomically(target, combined_csv(m, dialect))
            written.append(str(target))
        else:
            target.mkdir(parents=True, exist_ok=True)
            for name, data in csv_files(m, dialect).items():
                write_atomically(target / name, data)
                written.append(str(target / name))
    if xlsx is not None:
        write_atomically(xlsx, monthly_xlsx(m))
        written.append(str(xlsx))
    if args.json:
        print_json({"month": period.key, "written": written, "bytes": len(pdf)})
    else:
        month = f"{MONTHS_ID[period.start.month - 1]} {period.start.year}"
        print(f"monthly report for {month} written: " + ", ".join(written))
    return 0
