"""A Renja Perubahan (the amended plan, with the APBD-P): Bertambah/(Berkurang) = Menjadi − Semula.

The reader keeps Menjadi as `pagu` (what the consolidated totals use) and Semula as
`pagu_semula`; the roll-ups run on both (reconcile/budget.py). Here, every row's difference
column is checked against its two figures, sign included; a row new in the Perubahan (Semula
empty or 0) is normal.
"""
from __future__ import annotations

from ..read.numbers import format_rupiah
from ..report.issues import Issue

__all__ = ["check_perubahan"]


def check_perubahan(plan, tolerance: float = 0.0) -> list[Issue]:
    col = plan.col("pagu_selisih")
    if col is None or plan.col("pagu_semula") is None:
        return []
    issues: list[Issue] = []
    for row in [*plan.rows, *plan.totals]:
        if any(row.unreadable(name) for name in ("pagu", "pagu_semula", "pagu_selisih")):
            continue                          # unreadable cells are reported on their own
        menjadi, semula = row.pagu or 0.0, row.pagu_semula or 0.0
        expected = menjadi - semula
        found = row.pagu_selisih or 0.0
        if abs(round(found) - round(expected)) <= tolerance:
            continue
        flipped = round(found) == -round(expected)
        issues.append(plan.issue(
            "pagu-selisih-mismatch", row.row, col=col, kode=row.kode, value=row.pagu_selisih,
            expected=expected,
            params={"year": plan.year(False), "shown": format_rupiah(row.pagu_selisih),
                    "menjadi_shown": format_rupiah(menjadi), "semula_shown": format_rupiah(semula),
                    "expected_shown": format_rupiah(expected),
                    "hint": " (tandanya terbalik)" if flipped else "",
                    "hint_en": " (the sign is reversed)" if flipped else ""}))
    return issues
