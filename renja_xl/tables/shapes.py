"""What a plan table is beyond its rows (shared by the plan reader and the workbook reader).

- urusan and bidang rows: a program's parent is its bidang, a bidang's its urusan
  (`link_groups`);
- money in thousands or millions, said in a header or a title line (`money_scale`);
- a REKAP table that only repeats the other plan tables' programs (`mark_recaps`);
- a parent's cached `=SUM(H47:H49)`: which rows it adds up (`sum_rows`).
"""
from __future__ import annotations

import re

from ..read.codes import GROUP_LEVELS, PLAN_LEVELS, belongs_to, prefix_of
from ..read.numbers import format_number
from ..report.issues import column_letter
from .defs import normalise_label
from .layout import Grid, Layout, cell_text

__all__ = ["link_groups", "money_scale", "mark_recaps", "sum_rows", "MONEY_FIELDS"]

# money columns: year n (Menjadi in a Renja Perubahan), n+1, Semula, Bertambah/(Berkurang)
MONEY_FIELDS = ("pagu", "pagu_n1", "pagu_semula", "pagu_selisih")


def link_groups(rows: list) -> None:
    """In a plan with urusan/bidang rows, a program's parent is its bidang and a bidang's its
    urusan: the one the code names, or, for the generic X.XX codes, the one it stands under."""
    if not any(row.level in GROUP_LEVELS for row in rows):
        return
    codes = {row.kode for row in rows if row.level in GROUP_LEVELS}
    present = {row.level for row in rows}
    above: dict = {"urusan": None, "bidang": None}
    for row in rows:
        if row.level == "urusan":
            above = {"urusan": row, "bidang": None}
        elif row.level in ("bidang", "program"):
            group = "urusan" if row.level == "bidang" or "bidang" not in present else "bidang"
            if group not in present:
                continue
            own = prefix_of(row.kode, group)
            placed = above[group]
            if own not in codes and placed is not None and belongs_to(row.kode, placed.kode):
                own = placed.kode                    # X.XX.01 under bidang 1.02
            row.parent_kode = own
            if row.level == "bidang":
                above["bidang"] = row


_SCALE_NAMES = {1000.0: ("ribuan rupiah", "thousands of rupiah"),
                1e6: ("jutaan rupiah", "millions of rupiah")}


def money_scale(grid: Grid, layout: Layout, plan) -> None:
    """Money in thousands or millions: said in the money column's header (layout.py) or in a
    title line above the table ("(dalam ribuan rupiah)", "(Rp 000)", "(juta rupiah)"). Either
    way a warning names the words, so staff can check them."""
    money = [layout.col(n) for n in MONEY_FIELDS if layout.col(n) is not None]
    scaled = [c for c in money if layout.money_factor.get(c, 1.0) != 1.0]
    if scaled:
        c = scaled[0]
        _scale_issue(plan, layout.header_first + 1, c, layout.money_factor[c],
                     _header_text(grid, layout, c))
        return
    units = sorted(layout.table.options.get("title_money_units", {}).items(),
                   key=lambda kv: (-kv[1], -len(kv[0])))
    for rr, texts in _own_title_lines(grid, layout.header_first):
        padded = f" {normalise_label(' '.join(t for _, t in texts))} "
        hit = next(((w, f) for w, f in units if f" {normalise_label(w)} " in padded), None)
        if hit:
            for c in money:
                layout.money_factor[c] = float(hit[1])
            _scale_issue(plan, rr + 1, texts[0][0], float(hit[1]), " ".join(t for _, t in texts))
            return


_TABLE_TITLE = re.compile(r"^\s*(tabel|table|t\s*-\s*[a-z]\.?\s*\d)", re.I)


def _own_title_lines(grid: Grid, header_first: int, depth: int = 10):
    """(row, texts) of the title lines of the table whose header starts at `header_first`,
    bottom up: they end at a row of another table (more than two cells, or a number cell), at
    a blank row above a title line, and after the table's own "Tabel 4.1" line. The money
    scale of a table above ("Rekap … (dalam ribuan rupiah)") is not this table's."""
    seen = False
    for rr in range(header_first - 1, max(-1, header_first - depth - 1), -1):
        texts = grid.texts(rr)
        if not texts:
            if seen:
                return
            continue
        if len(texts) > 2 or any(type(grid.raw(rr, c)) in (int, float) for c, _ in texts):
            return
        yield rr, texts
        seen = True
        if _TABLE_TITLE.match(texts[0][1]):
            return


def _header_text(grid: Grid, layout: Layout, c: int) -> str:
    parts = [cell_text(grid.value(r, c)) for r in range(layout.header_first, layout.header_last + 1)]
    return " ".join(p for p in parts if p)


def _scale_issue(plan, row: int, col: int, factor: float, words: str) -> None:
    unit, unit_en = _SCALE_NAMES.get(factor, (f"×{format_number(factor)}", f"×{format_number(factor)}"))
    plan.issues.append(plan.issue("money-scale", row, col=col, value=words[:80],
                                  params={"unit": unit, "unit_en": unit_en, "words": words[:80],
                                          "factor_shown": format_number(factor)}))


_RECAP_WORDS = re.compile(r"\b(rekap\w*|ringkasan|resume|summary)\b", re.I)


def mark_recaps(plans: list) -> None:
    """A plan table that only repeats the upper rows of the workbook's other plan tables (a
    REKAP sheet of programs, or of programs and kegiatan, beside one sheet per program with
    the sub kegiatan) is their recap: checked against them, never read as a second plan nor
    counted twice. Tables without sub kegiatan whose codes all stand in the more detailed
    tables, or that a REKAP/RINGKASAN sheet or title names, with codes in them."""
    if len(plans) < 2:
        return
    for plan in plans:
        items = [r for r in plan.rows if r.level in PLAN_LEVELS]
        levels = {r.level for r in items}
        if not items or "sub_kegiatan" in levels:
            continue
        deeper = {"sub_kegiatan"} if "kegiatan" in levels else {"kegiatan", "sub_kegiatan"}
        others = {r.kode for p in plans if p is not plan and not p.recap for r in p.rows
                  if r.level in levels}
        detailed = any(r.level in deeper for p in plans if p is not plan for r in p.rows)
        codes = {r.kode for r in items}
        named = bool(_RECAP_WORDS.search(plan.sheet + " " + " ".join(plan.layout.title_lines)))
        if detailed and (codes <= others or (named and codes & others)):
            plan.recap = True


_SUM_RANGE = re.compile(r"SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)", re.I)


def sum_rows(formula: str | None, c: int) -> tuple[int, int] | None:
    """The 1-based rows a cached '=SUM(H47:H49)' in column c adds up, or None."""
    match = _SUM_RANGE.search(formula or "")
    if not match or match.group(1).upper() != match.group(3).upper() \
            or match.group(1).upper() != column_letter(c):
        return None
    return int(match.group(2)), int(match.group(4))


def mark_versions(plans: list, hidden: dict[str, bool]) -> None:
    """Plan tables that share item codes with another one are copies or versions of one plan
    ("Tabel 4.1 (2)", a print copy, last year's plan kept beside this year's): only one of them
    is counted in the consolidation — the visible one of the latest year n, the first in sheet
    order among equals — and each other one
    gets a finding that names both sheets. A copy with the same pagu per code is a warning,
    another version (pagu or codes differ) an error: Bappeda cannot know which one is meant."""
    counted: list = []
    for plan in sorted((p for p in plans if not (p.recap or p.foreign or p.copy_of)),
                       key=lambda p: (bool(hidden.get(p.sheet)), -(p.layout.years[0] or 0))):
        codes = _item_money(plan)
        twin = next((c for c in counted if _mostly_shared(codes, _item_money(c))), None)
        if twin is None:
            counted.append(plan)
            continue
        plan.copy_of = twin.sheet
        same = codes == _item_money(twin)
        rule = "plan-copy" if same else "plan-version"
        plan.issues.append(plan.issue(rule, plan.first_row, "kode", value=plan.sheet,
                                      params={"other": twin.sheet, "n": len(codes)}))


def _mostly_shared(a: dict, b: dict) -> bool:
    """Half the codes of the smaller table or more in both: a copy or a version. (A plan
    continued on another sheet may repeat its program and kegiatan rows, no more.)"""
    shared = len(a.keys() & b.keys())
    return shared >= 2 and 2 * shared >= min(len(a), len(b))


def _item_money(plan) -> dict[str, tuple]:
    return {r.kode: (r.pagu, r.pagu_n1) for r in plan.rows
            if r.level in PLAN_LEVELS and getattr(r, "indikator_ke", 1) == 1}
