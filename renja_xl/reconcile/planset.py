"""A plan table split over several sheets ("Tabel 4.1", "Tabel 4.1 (lanjutan)"), reconciled as one.

Kecamatan sometimes continue the plan table on a second sheet. Read sheet by sheet, a kegiatan
whose program stands on the other sheet would be an orphan and its program's roll-up would
miss it. Plan tables of one workbook whose codes do not overlap are therefore reconciled
together; tables that share codes (two versions of the plan) stay apart. Every issue is still
placed on the sheet, row and column of the record it is about.
"""
from __future__ import annotations

from ..report.issues import Issue

__all__ = ["PlanSet", "reconcile_groups"]


class PlanSet:
    """Several plan tables seen as one by the cross-row checks (reconcile.py)."""

    def __init__(self, plans: list):
        self.plans = plans
        self.first = plans[0]
        self.file = self.first.file
        self.layout = self.first.layout
        self.rows = [row for plan in plans for row in plan.rows]
        self.totals = [total for plan in plans for total in plan.totals]
        self._owner: dict[tuple, object] = {}
        for plan in plans:
            for row in plan.rows:
                self._owner.setdefault((row["kode"], row["row"]), plan)
            for total in plan.totals:
                self._owner.setdefault((None, total["row"]), plan)
        self._field_of = {c: name for name, cols in self.layout.columns.items() for c in cols}

    @property
    def table_id(self) -> str:
        return self.first.table_id

    def col(self, name: str) -> int | None:
        return self.first.col(name)

    def year(self, n1: bool = False) -> str:
        return self.first.year(n1)

    def issue(self, rule: str, row: int | None, field_name: str | None = None, *,
              kode=None, col: int | None = None, **kw) -> Issue:
        """The issue on the sheet of the record (kode, row) belongs to, in that sheet's column."""
        plan = self._owner.get((kode, row), self.first)
        if plan is not self.first and col is not None and field_name is None:
            field_name = self._field_of.get(col)
            col = None if field_name else col
        return plan.issue(rule, row, field_name, kode=kode, col=col, **kw)


def reconcile_groups(plans: list) -> list:
    """The plan tables as units for the cross-row checks: one PlanSet for tables that continue
    each other (no shared code), the tables themselves otherwise."""
    if len(plans) < 2:
        return list(plans)
    seen: set[str] = set()
    for plan in plans:
        codes = {row["kode"] for row in plan.rows if row.get("kode")}
        if codes & seen:
            return list(plans)               # shared codes: versions or copies, not a split
        seen |= codes
    return [PlanSet(plans)]
