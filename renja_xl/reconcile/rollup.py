"""One roll-up for the other tables: a parent holds the sum of its children.

Used by both halves of the Review RKPD and by every year of a Renstra matrix (the plan table
keeps its own reconciliation in `budget.py`, which also handles formulas and n+1). Rows carry
`level` (program / kegiatan / sub_kegiatan) and, when the table has codes, `kode`: children
are then found by their parent code; without codes by their order under the parent row.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..read.codes import four_digit_form, parent_code

__all__ = ["Gap", "children_of", "rollup_gaps"]

_LEVELS = ("program", "kegiatan", "sub_kegiatan")


def children_of(rows: list[dict]) -> dict[int, list[dict]]:
    """Excel row of a program/kegiatan -> its child rows (in table order)."""
    coded = [r for r in rows if r.get("level") in _LEVELS and r.get("kode")]
    if coded and len(coded) == sum(1 for r in rows if r.get("level") in _LEVELS):
        return _by_code(coded)
    return _by_order(rows)


def _by_code(rows: list[dict]) -> dict[int, list[dict]]:
    first: dict[str, dict] = {}
    for row in rows:
        first.setdefault(four_digit_form(row["kode"]), row)
    kids: dict[int, list[dict]] = {r["row"]: [] for r in rows if r["level"] != "sub_kegiatan"}
    for row in rows:
        parent = first.get(four_digit_form(parent_code(row["kode"]) or ""))
        if parent is not None and row["level"] != "program" and first.get(
                four_digit_form(row["kode"])) is row:
            kids.setdefault(parent["row"], []).append(row)
    return kids


def _by_order(rows: list[dict]) -> dict[int, list[dict]]:
    kids: dict[int, list[dict]] = {}
    program = kegiatan = None
    for row in rows:
        level = row.get("level")
        if level == "program":
            program, kegiatan = row, None
            kids[row["row"]] = []
        elif level == "kegiatan":
            kegiatan = row
            kids[row["row"]] = []
            if program is not None:
                kids[program["row"]].append(row)
        elif level == "sub_kegiatan" and kegiatan is not None:
            kids[kegiatan["row"]].append(row)
    return kids


@dataclass(slots=True)
class Gap:
    parent: dict
    children: list[dict]
    value: float | None      # what the parent says
    total: float             # what its children add up to


def rollup_gaps(rows: list[dict], key: str, kids: dict[int, list[dict]],
                tolerance: float = 0.0) -> list[Gap]:
    """Parents whose `key` differs from the sum of their children's (kegiatan first, then
    programs). Children with an empty value make the sum unverifiable: skipped."""
    by_row = {r["row"]: r for r in rows}
    gaps = []
    for level in ("kegiatan", "program"):
        for parent_row, children in kids.items():
            parent = by_row[parent_row]
            if parent.get("level") != level or not children:
                continue
            values = [k.get(key) for k in children]
            if any(v is None for v in values):
                continue
            total = float(sum(values))
            value = parent.get(key)
            if value is not None and abs(round(value) - round(total)) <= tolerance:
                continue
            if value is None and total == 0:
                continue
            gaps.append(Gap(parent, children, value, total))
    return gaps
