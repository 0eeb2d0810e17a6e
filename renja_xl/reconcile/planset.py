"""A plan table split over several sheets ("Tabel 4.1", "Tabel 4.1 (lanjutan)"), reconciled as one.

Kecamatan sometimes continue the plan table on a second sheet. Read sheet by sheet, a kegiatan
whose program stands on the other sheet would be an orphan and its program's roll-up would
miss it. Plan tables of one workbook whose codes do not overlap are therefore reconciled
together; tables that share codes (two versions of the plan) stay apart. Every issue is still
placed on the sheet, row and column of the record it is about.
"""
from __future__ import annotations

from ..read.codes import GROUP_LEVELS
from ..report.issues import Issue

__all__ = ["PlanSet", "reconcile_groups", "check_recap"]

# rows a sheet of a split plan may repeat above its own rows
REPEATABLE = (*GROUP_LEVELS, "program")


class PlanSet:
    """Several plan tables seen as one by the cross-row checks (reconcile.py)."""

    def __init__(self, plans: list):
        self.plans = plans
        self.first = plans[0]
        self.file = self.first.file
        self.layout = self.first.layout
        self.rows = [row for plan in plans for row in plan.rows]
        # urusan/bidang rows each sheet repeats above its programs: checked sheet by sheet
        seen: dict[str, str] = {}
        self.repeated: set[str] = set()
        for row in self.rows:
            if row.level in REPEATABLE:
                if seen.setdefault(row.kode, row.sheet) != row.sheet:
                    self.repeated.add(row.kode)
        self.totals = [total for plan in plans for total in plan.totals]
        self._owner: dict[tuple, object] = {}
        for plan in plans:
            for row in plan.rows:
                self._owner.setdefault((row.kode, row.row), plan)
            for total in plan.totals:
                self._owner.setdefault((None, total.row), plan)
        self._field_of = {c: name for name, cols in self.layout.columns.items() for c in cols}
        self._by_sheet = {}
        for plan in plans:
            self._by_sheet.setdefault(plan.sheet, plan)

    @property
    def table_id(self) -> str:
        return self.first.table_id

    def col(self, name: str) -> int | None:
        return self.first.col(name)

    def year(self, n1: bool = False) -> str:
        return self.first.year(n1)

    def issue(self, rule: str, row: int | None, field_name: str | None = None, *,
              kode=None, col: int | None = None, on=None, **kw) -> Issue:
        """The issue on the sheet of the record (`on`, else the one of this kode and row) it
        is about, in that sheet's column."""
        sheet = getattr(on, "sheet", None)
        plan = self._by_sheet.get(sheet) if sheet else None
        plan = plan or self._owner.get((kode, row), self.first)
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
    for plan in plans:             # (urusan/bidang/program rows repeated on each sheet, above
        codes = {row.kode for row in plan.rows   # that sheet's own kegiatan, are no overlap)
                 if row.kode and row.level not in REPEATABLE}
        if codes & seen:
            return list(plans)               # shared codes: versions or copies, not a split
        seen |= codes
    return [PlanSet(plans)]


def check_recap(recap, details: list) -> list[Issue]:
    """A REKAP table against the detail tables: each program's (and kegiatan's) pagu equal,
    both years."""
    from ..read.numbers import format_rupiah
    from ..report.issues import column_letter
    items = {}
    for plan in details:
        for row in plan.rows:
            if row.level in ("program", "kegiatan"):
                items.setdefault(row.kode, (plan, row))
    issues: list[Issue] = []
    for row in recap.rows:
        if row.level not in ("program", "kegiatan"):
            continue
        hit = items.get(row.kode)
        if hit is None:
            issues.append(recap.issue("recap-program-missing", row.row, "kode", kode=row.kode,
                                      value=row.kode, params={"level": row.level}))
            continue
        plan, detail = hit
        for name in ("pagu", "pagu_n1"):
            value, expected = getattr(row, name), getattr(detail, name)
            if recap.col(name) is None or value is None or expected is None \
                    or round(value) == round(expected):
                continue
            col = plan.col(name)
            where = f"'{plan.sheet}'!{column_letter(col)}{detail.row}" if col is not None else plan.sheet
            issues.append(recap.issue(
                "recap-pagu-differs", row.row, name, kode=row.kode, value=value, expected=expected,
                params={"year": recap.year(name == "pagu_n1"), "shown": format_rupiah(value),
                        "expected_shown": format_rupiah(expected), "other_where": where,
                        "level": row.level}))
    return issues
