"""Computed columns and total rows of the other tables, checked to the precision shown.

A percentage printed "42%" for 5/12 is right: a value is accepted when it lies within half a
unit of its last shown decimal of the exact result, widened by the rounding its inputs may
carry ("83,88" / 87 is exact to ±0,005/87; whole numbers are exact counts). A percentage
stored as a fraction in a number cell (0.42 formatted as %) is read as 42%.
"""
from __future__ import annotations

from ..tables.generic import Cell, Column, GenericTable
from ..report.issues import Issue
from ..read.numbers import format_number, format_rupiah
from ..tables.defs import normalise_label
from .targets import unit_key

__all__ = ["check_computed", "check_totals", "half_unit", "shown", "units_agree"]

_EPS = 1e-9


def half_unit(decimals: int) -> float:
    return 0.5 * 10.0 ** -decimals


def _slack(decimals: int) -> float:
    """The rounding an input may carry: whole numbers (counts) are exact, '83,88' is ±0,005."""
    return half_unit(decimals) if decimals > 0 else 0.0


def shown(cell: Cell | None, value: float | None = None) -> str:
    """A value as the table shows it ('100%', '3,1'), or in Indonesian spelling."""
    if cell is not None and cell.text:
        return cell.text
    if value is None:
        return ""
    return format_number(value)


def units_agree(*units: str | None) -> bool:
    keys = {unit_key(u) for u in units if u}
    return len(keys) <= 1


def _fmt(value: float, decimals: int) -> str:
    return format_number(round(value, decimals), decimals)


def _ok_percent(cell: Cell, expected: float, tolerance: float) -> bool:
    if abs(cell.value - expected) <= tolerance:
        return True
    # a number cell formatted as a percentage holds the fraction (0.42 for 42%)
    return cell.numeric_cell and abs(cell.value) <= 10 and \
        abs(cell.value * 100 - expected) <= max(tolerance, 0.5)


def _name(column: Column) -> str:
    return column.number or column.caption or column.name


def check_computed(gt: GenericTable) -> list[Issue]:
    """Every `[[<table>.computed]]` column: ratio (in percent) or sum of other columns."""
    issues: list[Issue] = []
    additive = {unit_key(u) for u in gt.table.options.get("additive_units", ())}
    halves = sorted({c.half for c in gt.columns if c.half} or {None}, key=str)
    by_name = {(c.name, c.half): c for c in gt.columns}
    for spec in gt.table.options.get("computed", ()):
        for half in halves:
            target = by_name.get((spec["field"], half))
            inputs = [by_name.get((n, half)) for n in spec.get("ratio") or spec.get("sum") or ()]
            if target is None or not inputs or any(c is None for c in inputs):
                continue
            for row in gt.rows:
                cells = row.cells
                cell = cells.get(target.key)
                if cell is None or cell.value is None:
                    continue
                parts = [cells.get(c.key) or Cell(None) for c in inputs]
                if "ratio" in spec:
                    issue = _ratio(gt, row, target, cell, inputs, parts)
                else:
                    issue = _sum(gt, row, target, cell, inputs, parts, additive)
                if issue:
                    issues.append(issue)
    return issues


def _ratio(gt, row, target: Column, cell: Cell, inputs, parts) -> Issue | None:
    (na, nb), (a, b) = inputs, parts
    if a.value is None or b.value is None or b.value == 0:
        if target.kind != "percent":
            return None
        missing = [(col, part) for col, part in zip(inputs, parts)
                   if part.value is None or (col is nb and part.value == 0)]
        return gt.issue("percent-without-base", row["row"], target.key, value=cell.text,
                        params={"field": target.title, "value": shown(cell, cell.value),
                                "missing": ", ".join(c.title for c, _ in missing),
                                "missing_value": ", ".join(f"'{p.text}'" if p.text else "-"
                                                           for _, p in missing)})
    if not units_agree(a.unit, b.unit):
        return None
    expected = a.value / b.value * 100
    tolerance = (half_unit(cell.decimals)
                 + 100 * (_slack(a.decimals) / abs(b.value)
                          + abs(a.value) * _slack(b.decimals) / b.value ** 2) + _EPS)
    if _ok_percent(cell, expected, tolerance):
        return None
    formula = f"{_name(na)}/{_name(nb)} = {shown(a, a.value)}/{shown(b, b.value)}"
    return gt.issue("computed-ratio", row["row"], target.key, value=cell.text or cell.value,
                    expected=round(expected, max(cell.decimals, 2)),
                    params={"field": target.title, "value": shown(cell, cell.value),
                            "formula": formula,
                            "expected_shown": _fmt(expected, cell.decimals) + "%"})


def _sum(gt, row, target: Column, cell: Cell, inputs, parts, additive) -> Issue | None:
    if any(p.value is None for p in parts):
        return None
    units = [p.unit for p in parts] + [cell.unit]
    keys = {unit_key(u) for u in units if u}
    if len(keys) != 1 or not keys <= additive:
        return None                                  # %, nilai, orang/bulan … do not add up
    expected = sum(p.value for p in parts)
    tolerance = half_unit(cell.decimals) + sum(_slack(p.decimals) for p in parts) + _EPS
    if abs(cell.value - expected) <= tolerance:
        return None
    unit = next(p.unit for p in parts if p.unit)
    formula = "+".join(_name(c) for c in inputs) + " = " + \
        " + ".join(format_number(p.value) for p in parts)
    return gt.issue("computed-sum", row["row"], target.key, value=cell.text or cell.value,
                    expected=expected,
                    params={"field": target.title, "value": shown(cell, cell.value),
                            "formula": formula,
                            "expected_shown": f"{_fmt(expected, cell.decimals)} {unit}".strip()})


# -- total rows -------------------------------------------------------------------------------
_NUMERIC = ("number", "target", "percent", "money")


def _is_ratio_column(gt: GenericTable, column: Column) -> bool:
    words = [normalise_label(w) for w in gt.table.options.get("ratio_words", ())]
    label = normalise_label(f"{column.caption} {column.name}")
    return column.kind == "percent" or any(f" {w} " in f" {label} " for w in words if w)


def _ratio_pair(gt: GenericTable, pct: Column, others: list[Column]):
    """The two columns whose quotient the percentage column holds on (nearly) every row."""
    best, best_hits = None, 0
    rows = [r for r in gt.rows if r.cells.get(pct.key) and r.cells[pct.key].value is not None]
    if len(rows) < 3:
        return None, []
    for a in others:
        for b in others:
            if a is b:
                continue
            hits, misses = 0, []
            for row in rows:
                ca, cb, cp = row.cells.get(a.key), row.cells.get(b.key), row.cells[pct.key]
                if not ca or not cb or ca.value is None or not cb.value:
                    continue
                expected = ca.value / cb.value * 100
                if _ok_percent(cp, expected, half_unit(cp.decimals) + _EPS):
                    hits += 1
                else:
                    misses.append((row, expected))
            if hits > best_hits:
                best, best_hits, best_misses = (a, b), hits, misses
    if best is None or best_hits < 0.75 * len(rows):
        return None, []
    return best, best_misses


def check_totals(gt: GenericTable, tolerance: float = 0.0) -> list[Issue]:
    """A total row (JUMLAH, KEC. …, Rata-rata) against the data rows of its table."""
    issues: list[Issue] = []
    if gt.table.options.get("totals") != "rows" or not gt.totals or len(gt.rows) < 2:
        return issues
    numeric = [c for c in gt.columns if c.kind in _NUMERIC]
    ratio_cols = [c for c in numeric if _is_ratio_column(gt, c)]
    plain = [c for c in numeric if c not in ratio_cols]
    pairs = {}
    for pct in ratio_cols:
        pair, misses = _ratio_pair(gt, pct, plain)
        if pair:
            pairs[pct.key] = pair
            for row, expected in misses:
                cell = row.cells[pct.key]
                a, b = (row.cells[c.key] for c in pair)
                issues.append(gt.issue("computed-ratio", row["row"], pct.key,
                                       value=cell.text or cell.value, expected=round(expected, 2),
                                       params={"field": pct.title, "value": shown(cell, cell.value),
                                               "formula": f"{pair[0].title}/{pair[1].title} = "
                                                          f"{shown(a, a.value)}/{shown(b, b.value)}",
                                               "expected_shown": _fmt(expected, cell.decimals) + "%"}))
    for total in gt.totals:
        label = _label_of(gt, total)
        for column in numeric:
            value = total.get(column.key)
            if value is None:
                continue
            cell = total.cells.get(column.key)
            if column.key in pairs:
                issue = _total_ratio(gt, total, column, cell, pairs[column.key], label)
            elif column in ratio_cols and total.total != "mean":
                continue                              # a percentage does not add up
            else:
                issue = _total_sum(gt, total, column, value, cell, label, tolerance)
            if issue:
                issues.append(issue)
    return issues


def _label_of(gt: GenericTable, total: dict) -> str:
    for name in gt.table.options.get("total_fields", ()):
        for column in gt.columns:
            if column.name == name and total.get(column.key):
                return str(total[column.key])
    return "jumlah"


def _total_sum(gt, total, column: Column, value: float, cell: Cell | None, label: str,
               tolerance: float) -> Issue | None:
    values = [(r.get(column.key), r.cells.get(column.key)) for r in gt.rows]
    values = [(v, c) for v, c in values if v is not None]
    if len(values) < 2:
        return None
    mean = total.total == "mean"
    expected = sum(v for v, _ in values) / (len(values) if mean else 1)
    decimals = [c.decimals if c else 0 for _, c in values]
    slack = (max(map(_slack, decimals)) if mean else sum(map(_slack, decimals)))
    own = half_unit(cell.decimals) if cell else 0.5
    if column.kind == "money":
        own, slack = tolerance, 0.0
    if abs(value - expected) <= own + slack + _EPS:
        return None
    money = column.kind == "money"
    show = format_rupiah if money else (lambda v: format_number(v))
    params = {"label": label, "field": column.title, "shown": shown(cell, value) if not money else show(value),
              "how": "rata-rata" if mean else "jumlah", "how_en": "mean" if mean else "sum",
              "n": len(values), "sum_shown": show(round(expected, 4)),
              "diff_shown": show(round(abs(value - expected), 4))}
    rule = "summary-pagu-mismatch" if money else "summary-total-mismatch"
    return gt.issue(rule, total["row"], column.key, value=value, expected=round(expected, 4),
                    params=params)


def _total_ratio(gt, total, column: Column, cell: Cell, pair, label: str) -> Issue | None:
    a, b = (total.cells.get(c.key) for c in pair)
    if not a or not b or a.value is None or not b.value:
        return None
    expected = a.value / b.value * 100
    if _ok_percent(cell, expected, half_unit(cell.decimals) + _EPS):
        return None
    return gt.issue("computed-ratio", total["row"], column.key, value=cell.text or cell.value,
                    expected=round(expected, 2),
                    params={"field": column.title, "value": shown(cell, cell.value),
                            "formula": f"{pair[0].title}/{pair[1].title} = "
                                       f"{shown(a, a.value)}/{shown(b, b.value)}",
                            "expected_shown": _fmt(expected, cell.decimals) + "%"})
