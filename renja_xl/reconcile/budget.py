"""Cross-row checks of a plan table: budget roll-ups and hierarchy integrity.

Everything is a single pass or a group-by over the rows (no scan of all rows per parent), so
the cost grows linearly with the table.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..read.codes import PARENT_LEVEL, belongs_to, parent_code, prefix_of
from ..report.issues import Issue, column_letter, rows_text
from ..read.numbers import format_rupiah
from ..report.rules import CHILD_LEVEL

__all__ = ["reconcile_budget", "check_hierarchy", "inherit_sumber_dana", "money_year"]

_ORDER = {"urusan": 0, "bidang": 1, "program": 2, "kegiatan": 3, "sub_kegiatan": 4}
_BOTTOM_UP = ("kegiatan", "program", "bidang", "urusan")   # computed parents feed theirs


def inherit_sumber_dana(rows: list) -> None:
    """`sumber_dana_any`: the row's own sumber dana, else its kegiatan's, else its program's."""
    by_code = {}
    for row in rows:
        if row.kode and row.kode not in by_code:
            by_code[row.kode] = row
    for row in rows:
        value, kode = row.sumber_dana, row.kode
        while not value and kode:
            kode = parent_code(kode)
            parent = by_code.get(kode) if kode else None
            value = parent.sumber_dana if parent else None
        row.sumber_dana_any = value


def reconcile_budget(plan, tolerance: float = 0.0) -> list[Issue]:
    """Parent pagu = Σ children (kegiatan from sub kegiatan, program from kegiatan, bidang from
    programs, urusan from bidang), both years; a JUMLAH/TOTAL row = Σ the top-level rows. A
    formula parent without a cached value is computed."""
    issues: list[Issue] = []
    rows = [r for r in plan.rows if r.level in _ORDER]
    children: dict[str, list] = defaultdict(list)
    codes = {r.kode for r in rows}
    for row in rows:
        parent = row.parent_kode
        if parent and parent in codes:
            children[parent].append(row)
    repeated = getattr(plan, "repeated", ())        # a PlanSet: group rows on every sheet
    parents = sorted((r for r in rows if r.kode in children),       # bottom-up: computed
                     key=lambda r: -_ORDER[r.level])                 # kegiatan feed programs
    for name in ("pagu", "pagu_n1", "pagu_semula"):
        if plan.col(name) is None:
            continue
        year = money_year(plan, name)
        for row in parents:
            kids = children[row.kode]
            if row.kode in repeated:               # its own sheet's rows, or all of them
                issue = _compare(plan, row, [k for k in kids if k.sheet == row.sheet],
                                 name, year, tolerance)
                if issue and issue.rule == "pagu-rollup" and \
                        _compare(plan, row, kids, name, year, tolerance) is None:
                    issue = None
            else:
                issue = _compare(plan, row, kids, name, year, tolerance)
            if issue:
                issues.append(issue)
        for total in plan.totals:
            found = [_compare_total(plan, total, base, name, year, tolerance)
                     for base in _total_bases(rows, total, plan.totals, repeated)]
            if found and all(found):               # none of the sums it may stand for
                issues.append(found[0])
        for row in plan.rows:                           # formulas nothing could stand in for
            info = row.info(name)
            if info and info.formula and not info.computed:
                issues.append(plan.issue("formula-no-value", row.row, col=plan.col(name),
                                         kode=row.kode, params={"formula": info.formula}))
    return issues


def _total_base(rows: list, total, repeated) -> list:
    """The rows a JUMLAH row adds up: the top-level rows (urusan, else bidang, else programs);
    where each sheet repeats its urusan/bidang rows, those of the total's sheet, or else the
    programs."""
    top = min((r.level for r in rows), key=_ORDER.get, default="program")
    base = [r for r in rows if r.level == top]
    if repeated and any(r.kode in repeated for r in base):
        own = [r for r in base if r.sheet == total.sheet]
        base = own or [r for r in rows if r.level == "program"]
    return base


def _total_bases(rows: list, total, totals: list, repeated) -> list[list]:
    """What a JUMLAH row may add up, the likeliest first: the whole table's top-level rows;
    where a table has several JUMLAH rows (one under each program, "JUMLAH PROGRAM"), the
    top-level rows since the JUMLAH row above it come first for all but the last one."""
    whole = _total_base(rows, total, repeated)
    same_sheet = [t.row for t in totals if t.sheet == total.sheet]
    above = max((r for r in same_sheet if r < total.row), default=0)
    if len(same_sheet) < 2:
        return [whole]
    section = [r for r in whole if r.sheet == total.sheet and above < r.row < total.row]
    upto = [r for r in whole if r.sheet == total.sheet and r.row < total.row]
    last = total.row == max(same_sheet)
    bases = [whole, upto] if last else [section, upto, whole]
    return [b for b in bases if b]


def money_year(plan, name: str) -> str:
    """How messages name the year of a money column: '2025', '2026', '2025 semula' and, in a
    Renja Perubahan, '2025 menjadi'."""
    if name == "pagu_n1":
        return plan.year(True)
    if name == "pagu_semula":
        return f"{plan.year(False)} semula"
    return plan.year(False) + (" menjadi" if plan.col("pagu_semula") is not None else "")


def _compare(plan, parent, kids: list, name: str, year: str, tolerance: float):
    values = [getattr(k, name) for k in kids]
    if name == "pagu_semula":                # a row new in the Perubahan had nothing before
        values = [v or 0.0 for v in values]
    elif name == "pagu":                     # … and a row it drops has nothing after
        values = [0.0 if v is None and k.pagu_semula is not None else v
                  for k, v in zip(kids, values)]
    missing = [k.row for k, v in zip(kids, values) if v is None]
    info = parent.cell(name)
    formula = info.formula
    col = plan.col(name)
    params = {"level": parent.level, "year": year, "n": len(kids),
              "rows": rows_text([k.row for k in kids])}
    if missing:
        if len(missing) == len(kids) and getattr(parent, name) is None and formula is None:
            return None                               # neither parent nor children hold a pagu
        params["rows"] = rows_text(missing)
        return plan.issue("pagu-rollup-unverifiable", parent.row, col=col, kode=parent.kode,
                          value=getattr(parent, name), params=params, on=parent)
    total = float(sum(values))
    params["sum_shown"] = format_rupiah(total)
    if formula is not None:
        setattr(parent, name, total)
        info.computed = True
        return plan.issue("pagu-computed", parent.row, col=col, kode=parent.kode,
                          value=None, expected=total, params=params, on=parent)
    value = getattr(parent, name)
    if value is None and info.bad:
        return None                                   # already reported as not a number
    found = value if value is not None else 0.0
    if abs(round(found) - round(total)) <= tolerance:
        return None
    params.update(shown=format_rupiah(value) if value is not None else None,
                  diff_shown=format_rupiah(abs(found - total)), note="", note_en="")
    left_out = [k.row for k in kids if info.sum_rows and not
                info.sum_rows[0] <= k.row <= info.sum_rows[1]]
    if left_out:                                      # =SUM(H47:H49) that misses children
        formula = "=SUM({0}{1}:{0}{2})".format(column_letter(col), *info.sum_rows)
        params["note"] = f"; rumus {formula} tidak mencakup baris {rows_text(left_out)}"
        params["note_en"] = f"; the formula {formula} leaves out rows {rows_text(left_out)}"
    return plan.issue("pagu-rollup", parent.row, col=col, kode=parent.kode,
                      value=value, expected=total, params=params, on=parent)


def _compare_total(plan, total_row, programs: list, name: str, year: str,
                   tolerance: float):
    value = getattr(total_row, name)
    values = [getattr(p, name) for p in programs]
    if name == "pagu_semula":
        values = [v or 0.0 for v in values]
    if not programs or any(v is None for v in values):
        return None
    expected = float(sum(values))
    col = plan.col(name)
    params = {"year": year, "n": len(programs), "sum_shown": format_rupiah(expected),
              "level": programs[0].level}
    if total_row.cell(name).formula is not None:
        setattr(total_row, name, expected)
        return None
    if value is None:
        return None
    if abs(round(value) - round(expected)) <= tolerance:
        return None
    params.update(shown=format_rupiah(value), diff_shown=format_rupiah(abs(value - expected)))
    return plan.issue("total-mismatch", total_row.row, col=col, value=value,
                      expected=expected, params=params, on=total_row)


_NAMED = [("sub_kegiatan", re.compile(r"^\s*sub\s*-?\s*kegiatan\b", re.I)),
          ("program", re.compile(r"^\s*program\b", re.I)),
          ("kegiatan", re.compile(r"^\s*kegiatan\b", re.I))]


def _placed_under(current: dict, kode: str, level: str):
    """The row this row stands under (its parent's level or the nearest one above that has a
    row), when its code says it belongs elsewhere; else None."""
    parent_level = PARENT_LEVEL.get(level)
    while parent_level is not None:
        above = current.get(parent_level)
        if above is not None:
            if level == "sub_kegiatan" and parent_level == "kegiatan":
                return above if above.kode != parent_code(kode) else None
            return None if belongs_to(kode, prefix_of(above.kode, parent_level)) else above
        parent_level = PARENT_LEVEL.get(parent_level)
    return None


def check_hierarchy(plan) -> list[Issue]:
    """The plan's codes as a tree: each code once, every row under its own parent and after
    it, every program/kegiatan with children, every name saying the level of its code."""
    rows = [r for r in plan.rows if r.level in _ORDER]
    issues, first, position = _duplicates(plan, rows)
    if rows and all(row.level == "sub_kegiatan" for row in rows):
        # an upload list without program/kegiatan rows: one finding, not one per row
        issues.append(plan.issue("parents-absent", rows[0].row, col=plan.col("kode"),
                                 kode=rows[0].kode, params={"n": len(rows)}))
        return issues
    parent_issues, has_child = _parents(plan, rows, first, position)
    return issues + parent_issues + _childless_and_misnamed(plan, rows, first, has_child)


def _duplicates(plan, rows: list) -> tuple[list[Issue], dict, dict[str, int]]:
    """A code on two rows (the first row of each code and its index in `rows` returned too)."""
    issues: list[Issue] = []
    first: dict = {}
    position: dict[str, int] = {}
    for i, row in enumerate(rows):
        kode = row.kode
        if kode in first and kode in getattr(plan, "repeated", ()):
            continue                      # an urusan/bidang/program row each sheet repeats
        if kode in first:
            issues.append(plan.issue("kode-duplicate", row.row, col=plan.col("kode"), on=row,
                                     kode=kode, value=kode, expected=first[kode].row,
                                     params={"first_row": first[kode].row}))
        else:
            first[kode] = row
            position[kode] = i
    return issues, first, position


def _parents(plan, rows: list, first: dict, position: dict) -> tuple[list[Issue], set[str]]:
    """A row whose parent is missing, comes after it, or is not the row it stands under; and
    the codes that have a child."""
    issues: list[Issue] = []
    kode_col = plan.col("kode")
    has_child: set[str] = set()
    current: dict = {}
    for i, row in enumerate(rows):
        level, kode = row.level, row.kode
        placed = _placed_under(current, kode, level)
        if level == "sub_kegiatan":
            current["sub_kegiatan"] = row
        else:
            current = {lvl: r for lvl, r in current.items() if _ORDER[lvl] < _ORDER[level]}
            current[level] = row
        parent = row.parent_kode
        if parent is None:
            continue                                  # a program in a plan without bidang rows
        if parent in first:
            has_child.add(parent)
        params = {"level": level, "parent_level": PARENT_LEVEL[level], "parent": parent}
        if parent not in first:
            issues.append(plan.issue("parent-missing", row.row, col=kode_col, on=row, kode=kode,
                                     value=kode, expected=parent, params=params))
        elif position[parent] > i:
            params["parent_row"] = first[parent].row
            issues.append(plan.issue("child-before-parent", row.row, col=kode_col, on=row, kode=kode,
                                     value=kode, expected=parent, params=params))
        elif placed is not None:
            params.update(placed=placed.kode, placed_level=placed.level,
                          parent_row=first[parent].row)
            issues.append(plan.issue("wrong-parent", row.row, col=kode_col, on=row, kode=kode,
                                     value=placed.kode, expected=parent, params=params))
    return issues, has_child


def _childless_and_misnamed(plan, rows: list, first: dict, has_child: set[str]) -> list[Issue]:
    """A program/kegiatan without children; a name that says another level than its code."""
    issues: list[Issue] = []
    for row in rows:
        if row.level in CHILD_LEVEL and row.kode not in has_child and first[row.kode] is row:
            issues.append(plan.issue("no-children", row.row, col=plan.col("kode"), on=row,
                                     kode=row.kode, params={"level": row.level}))
        named = next((lvl for lvl, pattern in _NAMED if pattern.match(row.nama or "")), None)
        if named and named != row.level:
            issues.append(plan.issue("name-level-mismatch", row.row, "nama", kode=row.kode,
                                     value=row.nama, expected=row.level,
                                     params={"level": row.level, "named_as": named.replace("_", " ")}))
    return issues
