"""Cross-row checks of a plan table: budget roll-ups and hierarchy integrity.

Everything is a single pass or a group-by over the rows (no scan of all rows per parent), so
the cost grows linearly with the table.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..read.codes import parent_code
from ..report.issues import Issue
from ..read.numbers import format_rupiah
from ..report.rules import CHILD_LEVEL

__all__ = ["reconcile_budget", "check_hierarchy", "inherit_sumber_dana"]

_ORDER = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


def _rows_text(rows: list[int], limit: int = 12) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f", … (+{len(rows) - limit})" if len(rows) > limit else "")


def inherit_sumber_dana(rows: list[dict]) -> None:
    """`_sumber_dana_any`: the row's own sumber dana, else its kegiatan's, else its program's."""
    by_code = {}
    for row in rows:
        if row.get("kode") and row["kode"] not in by_code:
            by_code[row["kode"]] = row
    for row in rows:
        value, kode = row.get("sumber_dana"), row.get("kode")
        while not value and kode:
            kode = parent_code(kode)
            parent = by_code.get(kode) if kode else None
            value = parent.get("sumber_dana") if parent else None
        row["_sumber_dana_any"] = value


def reconcile_budget(plan, tolerance: float = 0.0) -> list[Issue]:
    """Parent pagu = Σ children (kegiatan from sub kegiatan, program from kegiatan), both years;
    a JUMLAH/TOTAL row = Σ programs. A formula parent without a cached value is computed."""
    issues: list[Issue] = []
    rows = [r for r in plan.rows if r.get("level") in _ORDER]
    children: dict[str, list[dict]] = defaultdict(list)
    codes = {r["kode"] for r in rows}
    for row in rows:
        parent = row.get("parent_kode")
        if parent and parent in codes:
            children[parent].append(row)
    for name in ("pagu", "pagu_n1"):
        if plan.col(name) is None:
            continue
        n1 = name == "pagu_n1"
        for level in ("kegiatan", "program"):           # bottom-up: computed kegiatan feed programs
            for row in rows:
                if row["level"] != level or row["kode"] not in children:
                    continue
                issue = _compare(plan, row, children[row["kode"]], name, n1, tolerance)
                if issue:
                    issues.append(issue)
        programs = [r for r in rows if r["level"] == "program"]
        for total in plan.totals:
            issue = _compare_total(plan, total, programs, name, n1, tolerance)
            if issue:
                issues.append(issue)
        for row in plan.rows:                           # formulas nothing could stand in for
            formula = row.get(f"_{name}_formula")
            if formula and not row.get(f"_{name}_computed"):
                issues.append(plan.issue("formula-no-value", row["row"], col=plan.col(name),
                                         kode=row.get("kode"), params={"formula": formula}))
    return issues


def _compare(plan, parent: dict, kids: list[dict], name: str, n1: bool, tolerance: float):
    values = [k.get(name) for k in kids]
    missing = [k["row"] for k, v in zip(kids, values) if v is None]
    formula = parent.get(f"_{name}_formula")
    col = plan.col(name)
    params = {"level": parent["level"], "year": plan.year(n1), "n": len(kids),
              "rows": _rows_text([k["row"] for k in kids])}
    if missing:
        if len(missing) == len(kids) and parent.get(name) is None and formula is None:
            return None                               # neither parent nor children hold a pagu
        params["rows"] = _rows_text(missing)
        return plan.issue("pagu-rollup-unverifiable", parent["row"], col=col, kode=parent["kode"],
                          value=parent.get(name), params=params)
    total = float(sum(values))
    params["sum_shown"] = format_rupiah(total)
    if formula is not None:
        parent[name] = total
        parent[f"_{name}_computed"] = True
        return plan.issue("pagu-computed", parent["row"], col=col, kode=parent["kode"],
                          value=None, expected=total, params=params)
    value = parent.get(name)
    if value is None and parent.get(f"_{name}_bad"):
        return None                                   # already reported as not a number
    found = value if value is not None else 0.0
    if abs(round(found) - round(total)) <= tolerance:
        return None
    params.update(shown=format_rupiah(value) if value is not None else None,
                  diff_shown=format_rupiah(abs(found - total)))
    return plan.issue("pagu-rollup", parent["row"], col=col, kode=parent["kode"],
                      value=value, expected=total, params=params)


def _compare_total(plan, total_row: dict, programs: list[dict], name: str, n1: bool,
                   tolerance: float):
    value = total_row.get(name)
    values = [p.get(name) for p in programs]
    if not programs or any(v is None for v in values):
        return None
    expected = float(sum(values))
    col = plan.col(name)
    params = {"year": plan.year(n1), "n": len(programs), "sum_shown": format_rupiah(expected)}
    if total_row.get(f"_{name}_formula") is not None:
        total_row[name] = expected
        return None
    if value is None:
        return None
    if abs(round(value) - round(expected)) <= tolerance:
        return None
    params.update(shown=format_rupiah(value), diff_shown=format_rupiah(abs(value - expected)))
    return plan.issue("total-mismatch", total_row["row"], col=col, value=value,
                      expected=expected, params=params)


_NAMED = [("sub_kegiatan", re.compile(r"^\s*sub\s*-?\s*kegiatan\b", re.I)),
          ("program", re.compile(r"^\s*program\b", re.I)),
          ("kegiatan", re.compile(r"^\s*kegiatan\b", re.I))]


def _placed_under(current: dict, kode: str, level: str) -> dict | None:
    """The program or kegiatan row this row stands under, when its code says otherwise."""
    kegiatan = current["kegiatan"]
    if level == "sub_kegiatan" and kegiatan is not None:
        # under a kegiatan, only that kegiatan matters (a misplaced kegiatan is its own issue)
        return kegiatan if kegiatan["kode"] != parent_code(kode) else None
    program = current["program"]
    if program is not None and program["kode"] != ".".join(kode.split(".")[:3]):
        return program
    return None


def check_hierarchy(plan) -> list[Issue]:
    issues: list[Issue] = []
    kode_col = plan.col("kode")
    first: dict[str, dict] = {}
    position: dict[str, int] = {}
    rows = [r for r in plan.rows if r.get("level") in _ORDER]
    for i, row in enumerate(rows):
        kode = row["kode"]
        if kode in first:
            issues.append(plan.issue("kode-duplicate", row["row"], col=kode_col, kode=kode,
                                     value=kode, expected=first[kode]["row"],
                                     params={"first_row": first[kode]["row"]}))
        else:
            first[kode] = row
            position[kode] = i
    has_child: set[str] = set()
    current: dict[str, dict | None] = {"program": None, "kegiatan": None}
    for i, row in enumerate(rows):
        level, kode = row["level"], row["kode"]
        if level == "program":
            current = {"program": row, "kegiatan": None}
            continue
        parent = row.get("parent_kode")
        parent_level = "program" if level == "kegiatan" else "kegiatan"
        if parent in first:
            has_child.add(parent)
        params = {"level": level, "parent_level": parent_level, "parent": parent}
        placed = _placed_under(current, kode, level)
        if level == "kegiatan":
            current["kegiatan"] = row
        if parent not in first:
            issues.append(plan.issue("parent-missing", row["row"], col=kode_col, kode=kode,
                                     value=kode, expected=parent, params=params))
        elif position[parent] > i:
            params["parent_row"] = first[parent]["row"]
            issues.append(plan.issue("child-before-parent", row["row"], col=kode_col, kode=kode,
                                     value=kode, expected=parent, params=params))
        elif placed is not None:
            params.update(placed=placed["kode"], placed_level=placed["level"],
                          parent_row=first[parent]["row"])
            issues.append(plan.issue("wrong-parent", row["row"], col=kode_col, kode=kode,
                                     value=placed["kode"], expected=parent, params=params))
    for row in rows:
        if row["level"] in CHILD_LEVEL and row["kode"] not in has_child and first[row["kode"]] is row:
            issues.append(plan.issue("no-children", row["row"], col=kode_col, kode=row["kode"],
                                     params={"level": row["level"]}))
        named = next((lvl for lvl, pattern in _NAMED if pattern.match(row.get("nama") or "")), None)
        if named and named != row["level"]:
            issues.append(plan.issue("name-level-mismatch", row["row"], "nama", kode=row["kode"],
                                     value=row["nama"], expected=row["level"],
                                     params={"level": row["level"], "named_as": named.replace("_", " ")}))
    return issues
