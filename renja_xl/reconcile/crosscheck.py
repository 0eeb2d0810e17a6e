"""Comparisons between the tables of one workbook (category `crosscheck`, all warnings).

- the plan table's program pagu against the Review RKPD "Hasil Analisis Kebutuhan" (matched by
  program code through the nomenclature): the review is an earlier stage, a large gap is shown;
- the Evaluasi table's targets against the plan table's target of the same code (same year:
  the value; otherwise the unit of the current year's target against year n);
- the same indicator with different values for the same year in two tables (IKU comparison,
  Evaluasi, Kinerja Pelayanan, Tujuan dan Sasaran, plan programs), matched by folded name.

Indicators are grouped by (kind, year) first, so names are only compared within a group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.codes import PLAN_LEVELS, four_digit_form
from ..tables.generic import Cell, GenericTable, parse_cell
from ..report.issues import Issue
from ..validate.computed import shown
from ..validate.nomenclature import fold
from ..read.numbers import format_number, format_rupiah
from ..validate.targets import _indicator_kind, unit_key
from ..report.data import schema_toml

__all__ = ["crosscheck", "same_indicator", "indicator_key", "values_agree", "where", "REVIEW_GAP",
           "TABLE_NAMES"]

REVIEW_GAP = 0.05            # plan vs review kebutuhan dana: warn from this relative gap
NAME_SCORE = 90              # rapidfuzz token_set_ratio for "the same indicator"
_WORDS = schema_toml("words.toml")["crosscheck"]          # the Renja words, as data
_STOP = frozenset(_WORDS["stop_words"])
_SYNONYMS = dict(_WORDS["synonyms"])
_ORDER = {t: i for i, t in enumerate(_WORDS["indicator_tables"])}
TABLE_NAMES = dict(_WORDS["table_names"])
# field -> the kind of value it holds, for comparing the same indicator between tables
_VALUE_FIELDS = {name: kind for kind, names in _WORDS["value_fields"].items() for name in names}
_KINDS = {"realisasi": ("Realisasi", "Realisation"), "target": ("Target", "Target")}


def indicator_key(name: str | None) -> str:
    """An indicator name as compared: folded, synonyms unified, stop words left out."""
    return _key(name)


def _key(name: str | None) -> str:
    words = [_SYNONYMS.get(w, w) for w in fold(name).split()]
    return " ".join(w for w in words if w not in _STOP)


def same_indicator(a: str, b: str) -> bool:
    """Two indicator names (already folded by `_key`) that mean the same indicator."""
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz import fuzz
    if fuzz.token_set_ratio(a, b) < NAME_SCORE:
        return False
    ta, tb = set(a.split()), set(b.split())
    short, long_ = sorted((ta, tb), key=len)
    return len(short) / len(long_) >= 0.5 or fuzz.token_sort_ratio(a, b) >= 85


def where(sheet: str, row: int, col: int | None) -> str:
    """'Tabel 2.1'!E7 for a message."""
    return _where(sheet, row, col)


def _where(sheet: str, row: int, col: int | None) -> str:
    from ..report.issues import column_letter
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{column_letter(col)}{row}" if col is not None else f"{quoted}!{row}:{row}"


@dataclass(slots=True)
class _Obs:
    table: str
    sheet: str
    row: int
    col: int | None
    indikator: str
    key: str
    year: int
    kind: str
    cell: Cell
    make_issue: object          # callable(rule, **kw) -> Issue located on this cell
    kode: str | None = None


def crosscheck(renja, nomenclature) -> list[Issue]:
    issues: list[Issue] = []
    issues += _indicator_values(renja)
    reviews = [t for t in renja.tables if t.table_id == "review_rkpd"]
    if renja.plans and reviews:
        issues += _plan_vs_review(renja.plans, reviews, nomenclature)
    evaluasi = [t for t in renja.tables if t.table_id == "evaluasi"]
    if renja.plans and evaluasi:
        issues += _evaluasi_vs_plan(renja.plans, evaluasi, nomenclature)
    return issues


# -- the same indicator in two tables ---------------------------------------------------------
def _observations(renja) -> list[_Obs]:
    obs: list[_Obs] = []
    for gt in renja.tables:
        if gt.table_id not in _ORDER:
            continue
        pairs = []          # (value column, indikator key, kind)
        for column in gt.columns:
            if column.year is None or column.kind not in ("target", "number", "percent"):
                continue
            kind = _VALUE_FIELDS.get(column.name)
            if kind is None:
                continue
            ind = next((c.key for c in gt.columns if c.name == "indikator" and c.half == column.half),
                       None)
            if ind:
                pairs.append((column, ind, kind))
        for row in gt.rows:
            for column, ind, kind in pairs:
                cell = row.cells.get(column.key)
                name = row.get(ind)
                if not cell or cell.value is None or not name:
                    continue
                obs.append(_Obs(gt.table_id, gt.sheet, row["row"], column.col, name, _key(name),
                                column.year, kind, cell, _maker(gt, row["row"], column.key)))
    for plan in renja.plans:
        years = [(y, n1) for y, n1 in ((plan.layout.years[0], False), (plan.layout.years[1], True)) if y]
        for row in plan.rows:
            if row.get("level") != "program" or not row.get("indikator"):
                continue
            for year, n1 in years:
                name = "target_n1" if n1 else "target"
                text = row.text(name)
                if row.get(name) is None or not text:
                    continue
                cell = parse_cell(text)
                obs.append(_Obs("rencana", plan.sheet, row["row"], plan.col(name), row["indikator"],
                                _key(row["indikator"]), year, "target", cell,
                                _plan_maker(plan, row, name), kode=row.get("kode")))
    obs.sort(key=lambda o: (_ORDER[o.table], o.sheet, o.row))
    return obs


def _maker(gt: GenericTable, row: int, key: str):
    return lambda rule, **kw: gt.issue(rule, row, key, **kw)


def _plan_maker(plan, row: dict, name: str):
    return lambda rule, **kw: plan.issue(rule, row["row"], name, kode=row.get("kode"), **kw)


def values_agree(a: Cell, b: Cell) -> bool:
    return _values_agree(a, b)


def _values_agree(a: Cell, b: Cell) -> bool:
    """Equal at the precision of the less precise one ("62" and "62,41" may be one rounding)."""
    tolerance = 0.5 * 10.0 ** -min(a.decimals, b.decimals) + 1e-9
    if abs(a.value - b.value) <= tolerance:
        return True
    for x, y in ((a, b), (b, a)):          # 0.8 in a percent-formatted cell = 80%
        if x.numeric_cell and abs(x.value) <= 1.5 and unit_key(y.unit) == "%" and \
                abs(x.value * 100 - y.value) <= 0.5 + tolerance:
            return True
    return False


def _comparable(a: _Obs, b: _Obs) -> bool:
    ua, ub = unit_key(a.cell.unit), unit_key(b.cell.unit)
    if ua and ub and ua != ub:
        return False
    ka, kb = _indicator_kind(a.indikator), _indicator_kind(b.indikator)
    if ka and kb and ka != kb:
        return False
    return same_indicator(a.key, b.key)


def _neighbours(keys: list[str]) -> dict[str, list[str]]:
    """For every key, the keys naming the same indicator (itself included); names are
    compared in one vectorised rapidfuzz pass, then the few candidates are confirmed."""
    from rapidfuzz import fuzz, process
    near = {k: [k] for k in keys}
    if len(keys) > 1:
        scores = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, score_cutoff=NAME_SCORE,
                               workers=1)
        for i, j in zip(*scores.nonzero()):
            if i != j and same_indicator(keys[i], keys[j]):
                near[keys[i]].append(keys[j])
    return near


def _indicator_values(renja) -> list[Issue]:
    groups: dict[tuple[str, int], list[_Obs]] = {}
    for o in _observations(renja):
        groups.setdefault((o.kind, o.year), []).append(o)
    issues = []
    for (kind, year), items in groups.items():
        firsts: dict[str, dict[str, tuple[int, _Obs]]] = {}     # key -> table -> first obs
        for i, o in enumerate(items):
            firsts.setdefault(o.key, {}).setdefault(o.table, (i, o))
        near = _neighbours(list(firsts))
        for i, o in enumerate(items):
            candidates = [(j, f) for key in near[o.key] for table, (j, f) in firsts[key].items()
                          if table != o.table and j < i and _comparable(f, o)]
            if not candidates:
                continue
            _, earlier = min(candidates, key=lambda c: c[0])
            if _values_agree(earlier.cell, o.cell):
                continue                        # agrees with the first table that has it
            issues.append(o.make_issue(
                "indikator-value-differs", value=o.cell.text or o.cell.value,
                expected=earlier.cell.text or earlier.cell.value,
                params={"kind": _KINDS[kind][0], "kind_en": _KINDS[kind][1], "year": year,
                        "indikator": o.indikator[:80], "shown": shown(o.cell, o.cell.value),
                        "other_shown": shown(earlier.cell, earlier.cell.value),
                        "other_where": _where(earlier.sheet, earlier.row, earlier.col),
                        "other_table": TABLE_NAMES[earlier.table],
                        "other_indikator": earlier.indikator[:80]}))
    return issues


# -- plan pagu vs Review RKPD -------------------------------------------------------------------
def _review_programs(reviews: list[GenericTable], nomenclature):
    """(code or None, name, row, table, pagu_analisis column, pagu_rkpd column) per program row."""
    from rapidfuzz import fuzz
    from .review import _strip_program, program_code
    found = []
    for gt in reviews:
        names = {c.half: c for c in gt.columns if c.name == "nama"}
        pagu = {c.half: c for c in gt.columns if c.name == "pagu"}
        right = pagu.get("analisis") or (list(pagu.values())[-1] if pagu else None)
        left = pagu.get("rkpd")
        if right is None:
            continue
        for row in gt.rows:
            if row.get("level") != "program":
                continue
            if row.extra:
                continue
            a = row.get(names["rkpd"].key) if "rkpd" in names else None
            b = row.get(names[right.half].key) if right.half in names else None
            name = b or a or row.get("kode") or ""
            if a and b and fuzz.token_sort_ratio(_strip_program(fold(a)), _strip_program(fold(b))) < 90:
                name = a                        # the halves disagree: the RKPD names the row
            code = row.get("kode") or program_code(name, nomenclature)   # by code when it has one
            found.append((code, name, row, gt, right, left))
    return found


def _plan_vs_review(plans, reviews, nomenclature) -> list[Issue]:
    from rapidfuzz import fuzz
    issues = []
    programs = {}
    for plan in plans:
        for row in plan.rows:
            if row.get("level") == "program" and row.get("kode"):
                programs.setdefault(four_digit_form(row["kode"]), (plan, row))
    seen = set()
    for code, name, rrow, gt, right, left in _review_programs(reviews, nomenclature):
        hit = programs.get(four_digit_form(code)) if code else None
        if hit is None and not rrow.get("kode"):
            best = max(programs.values(), default=None,
                       key=lambda p: fuzz.token_sort_ratio(fold(p[1].get("nama")), fold(name)))
            if best and fuzz.token_sort_ratio(fold(best[1].get("nama")), fold(name)) >= 85:
                hit = best
        value = rrow.get(right.key)
        if hit is None:
            issues.append(gt.issue("review-program-not-in-plan", rrow["row"],
                                   next((c.key for c in gt.columns if c.name == "nama"), None),
                                   value=name, params={"shown": format_rupiah(value)}))
            continue
        plan, prow = hit
        if id(prow) in seen or value is None or prow.get("pagu") is None:
            continue
        seen.add(id(prow))
        pagu = prow["pagu"]
        gap = abs(pagu - value) / max(abs(pagu), abs(value), 1.0)
        if gap < REVIEW_GAP:
            continue
        issues.append(plan.issue(
            "review-pagu-differs", prow["row"], "pagu", kode=prow["kode"], value=pagu,
            expected=value,
            params={"year": plan.year(False), "shown": format_rupiah(pagu),
                    "pct": format_number(round(gap * 100, 1)) + "%",
                    "expected_shown": format_rupiah(value),
                    "other_where": _where(gt.sheet, rrow["row"], right.col),
                    "rkpd_shown": format_rupiah(rrow.get(left.key)) if left else "-"}))
    return issues


# -- Evaluasi targets vs the plan ---------------------------------------------------------------
_CODE_TEXT = re.compile(r"^[0-9Xx]+(\.[0-9Xx]+)*$")


def _plan_index(plans):
    by_code, suffix, ambiguous = {}, {}, set()
    for plan in plans:
        for row in plan.rows:
            kode = row.get("kode")
            if not kode or row.get("level") not in PLAN_LEVELS:     # not urusan/bidang rows
                continue
            full = four_digit_form(kode)
            by_code.setdefault(full, (plan, row))
            parts = kode.split(".")
            for k in range(1, len(parts)):
                tail = ".".join(parts[k:])
                if tail in suffix and suffix[tail] != full:
                    ambiguous.add(tail)
                suffix.setdefault(tail, full)
    for tail in ambiguous:
        suffix.pop(tail, None)
    return by_code, suffix


def _match_plan_row(row: dict, by_code, suffix, nomenclature):
    from rapidfuzz import fuzz
    from .review import name_level, program_code
    name = row.get("nama") or ""
    text = str(row.get("kode") or "").strip().strip(".")
    if text and _CODE_TEXT.match(text):
        full = suffix.get(text) or (four_digit_form(text) if four_digit_form(text) in by_code else None)
        if full and full in by_code:
            plan_row = by_code[full][1]
            official = nomenclature.lookup(full) or ""
            if not name or max(fuzz.token_sort_ratio(fold(name), fold(plan_row.get("nama"))),
                               fuzz.token_sort_ratio(fold(name), fold(official))) >= 80:
                return by_code[full]
    if not name:
        return None
    if getattr(nomenclature, "complete", False):   # the official list names every urusan's
        from rapidfuzz import process               # codes: this plan's own names come first
        names = {full: fold(r.get("nama")) for full, (_, r) in by_code.items()}
        match = process.extractOne(fold(name), names, scorer=fuzz.token_sort_ratio,
                                   processor=None, score_cutoff=90)
        if match:
            return by_code[match[2]]
    code = program_code(name, nomenclature) if fold(name).startswith("program") else None
    if code is None:
        _, code = name_level(name, nomenclature)
    if code and code.startswith("X"):          # generic X.XX.01…: this plan's urusan/bidang
        code = suffix.get(code.split(".", 2)[2])
    return by_code.get(four_digit_form(code)) if code else None


def _evaluasi_vs_plan(plans, tables, nomenclature) -> list[Issue]:
    issues = []
    by_code, suffix = _plan_index(plans)
    for gt in tables:
        targets = [c for c in gt.columns if c.name in ("target_renja", "target_berjalan") and c.year]
        if not targets:
            continue
        current = max(targets, key=lambda c: c.year)
        for row in gt.rows:
            hit = _match_plan_row(row, by_code, suffix, nomenclature)
            if hit is None:
                continue
            plan, prow = hit
            plan_years = {plan.layout.years[0]: "target", plan.layout.years[1]: "target_n1"}
            same_year = False
            for column in targets:
                name = plan_years.get(column.year)
                cell = row.cells.get(column.key)
                if not name or not cell or cell.value is None:
                    continue
                same_year = True
                text = prow.text(name)
                if not text:
                    continue
                pcell = parse_cell(text)
                if pcell.value is None or not (unit_key(pcell.unit) == unit_key(cell.unit)
                                               or not pcell.unit or not cell.unit):
                    continue
                if not _values_agree(cell, pcell):
                    issues.append(plan.issue(
                        "evaluasi-target-differs", prow["row"], name, kode=prow["kode"],
                        value=cell.text, expected=text,
                        params={"year": column.year,
                                "other_where": _where(gt.sheet, row["row"], column.col)}))
            if same_year:
                continue
            cell = row.cells.get(current.key)
            text = prow.text("target")
            if not cell or cell.value is None or not text:
                continue
            pcell = parse_cell(text)
            if cell.unit and pcell.unit and unit_key(cell.unit) != unit_key(pcell.unit):
                issues.append(plan.issue(
                    "evaluasi-satuan-differs", prow["row"], "target", kode=prow["kode"],
                    value=cell.text, expected=text,
                    params={"year": current.year, "plan_year": plan.year(False),
                            "other_where": _where(gt.sheet, row["row"], current.col)}))
    return issues
