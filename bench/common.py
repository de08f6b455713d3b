"""Shared helpers for the benchmarks: timing, percentiles, result rows."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


@dataclass
class Figure:
    """One measured figure with its target and, where there is one, a same-run baseline."""

    name: str
    unit: str
    measured: float
    target: str
    ok: bool
    baseline: float | None = None
    baseline_name: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.measured / self.baseline

    def line(self) -> str:
        ratio = f"  ({self.ratio:.1f}x {self.baseline_name})" if self.ratio is not None else ""
        verdict = "ok" if self.ok else "MISSED"
        return (
            f"{self.name}: {self.measured:.3f} {self.unit}{ratio}  target {self.target}  {verdict}"
        )


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each call."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def emit(figures: list[Figure], name: str) -> None:
    for f in figures:
        print(f.line(), flush=True)
    OUT.mkdir(exist_ok=True)
    rows = [asdict(f) | {"ratio": f.ratio} for f in figures]
    (OUT / f"{name}.json").write_text(json.dumps(rows, indent=2))


def scratch(name: str) -> Path:
    path = Path(os.environ.get("COUNTERDESK_BENCH_DIR", OUT)) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


FIRST = [
    "Siti",
    "Ahmad",
    "Nur'aini",
    "Budi",
    "Dayang",
    "Yohanes",
    "Maria",
    "Agustinus",
    "Rina",
    "Joko",
    "Fransiska",
    "Antonius",
    "Dewi",
    "Markus",
    "Lusia",
    "Petrus",
]
LAST = [
    "Nurhaliza",
    "Simanjuntak",
    "Ismail",
    "Santoso",
    "Ñurul",
    "Kalimantan",
    "Lukas",
    "Ahau",
    "Saputra",
    "Wati",
    "Ding",
    "Jalong",
    "Anyie",
    "Bujang",
    "Rantau",
    "Sebunga",
]


def citizen_name(i: int) -> str:
    """A distinct, valid name for row i (letters only)."""
    a = FIRST[i % 16]
    b = LAST[(i // 16) % 16]
    c = LAST[(i // 256) % 16]
    d = FIRST[(i // 4096) % 16]
    return f"{a} {b} {c} {d}" if i >= 4096 else f"{a} {b} {c}"
