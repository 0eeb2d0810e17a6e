"""Money that looks written in thousands without saying so.

A plan whose largest pagu is below Rp 10.000.000 is almost certainly in thousands (or
millions) of rupiah: a kecamatan program alone needs tens of millions. Read as rupiah, such a
plan would shrink the consolidated total a thousandfold, so one warning per table names the
largest amount and tells staff how to say the scale. When a title or header announces the
scale, the reader has applied it already and this check stays silent.
"""
from __future__ import annotations

from ..read.numbers import format_rupiah
from ..report.issues import Issue

__all__ = ["check_money_scale"]

SMALLEST_PLAUSIBLE_MAX = 10_000_000       # rupiah: the largest pagu of a real Renja is above
MONEY = ("pagu", "pagu_n1")


def check_money_scale(plan) -> list[Issue]:
    if any(plan.layout.money_factor.get(plan.col(n), 1.0) != 1.0
           for n in MONEY if plan.col(n) is not None):
        return []
    amounts = [(getattr(r, n), r, n) for r in plan.rows for n in MONEY
               if isinstance(getattr(r, n, None), (int, float)) and getattr(r, n) > 0]
    if len(amounts) < 3:
        return []
    largest, row, name = max(amounts, key=lambda a: a[0])
    if largest >= SMALLEST_PLAUSIBLE_MAX:
        return []
    return [plan.issue("pagu-scale-suspect", row.row, name, kode=row.kode, value=largest,
                       params={"shown": format_rupiah(largest),
                               "limit": format_rupiah(SMALLEST_PLAUSIBLE_MAX)})]
