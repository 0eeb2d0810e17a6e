"""Checks of the other tables of one workbook, and the entry point used by `check_file`.

`check_tables(renja, nomenclature, tolerance)` runs, per table: the value rules of its pandera
schema (`validate.table_schema`: required values, negative money, codes), the columns computed
from others and the total rows (`computed`) on every table; then the checks
its section of `schemas/tables.toml` declares (`checks = [...]`, by the names in `CHECKS`:
the Review RKPD roll-ups, the Renstra roll-ups and hierarchy, the Kinerja Pelayanan analysis
notes, the target direction, the Usulan rules …); then the comparisons between tables
(`crosscheck`, and the Renja against its Renstra).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..validate.computed import check_computed, check_totals, shown, units_agree
from ..validate.table_schema import validate_tables
from ..tables.generic import GenericTable
from ..report.issues import Issue
from ..report.data import schema_toml
from ..tables.defs import normalise_label

__all__ = ["check_tables", "check_table", "lower_is_better", "CHECKS"]


def check_tables(renja, nomenclature, tolerance: float = 0.0, schema_issues=None) -> list[Issue]:
    """Issues of every other table of `renja` (a `RenjaFile`) and between its tables.
    `schema_issues`: the issues of `validate_tables(renja.tables)` when a batch has them."""
    from .crosscheck import crosscheck
    issues: list[Issue] = []
    from .review import assign_all_levels
    if schema_issues is None:
        schema_issues = validate_tables(renja.tables)
    assign_all_levels(renja, nomenclature)
    for gt, found in zip(renja.tables, schema_issues):
        table_issues = list(gt.issues) + check_table(gt, renja.kecamatan, tolerance, found)
        table_issues.sort(key=lambda i: (i.row or 0, i.col or 0))
        issues += table_issues
    issues += crosscheck(renja, nomenclature)
    from .renstra import renstra_of, check_against_renstra, plan_digest
    renstra = renstra_of(renja)
    if renstra is not None and renja.plans:
        issues += check_against_renstra(plan_digest(renja), renstra)
    return issues


@dataclass(slots=True)
class Context:
    kecamatan: str | None = None
    tolerance: float = 0.0


def _review(gt, ctx):
    from .review import check_review
    return check_review(gt, ctx.tolerance)


def _usulan(gt, ctx):
    from ..validate.usulan import check_usulan
    return check_usulan(gt, ctx.kecamatan)


def _renstra_rollup(gt, ctx):
    from .renstra import check_rollup
    return check_rollup(gt, ctx.tolerance)


def _hierarchy(gt, ctx):
    from .renstra import check_hierarchy
    return check_hierarchy(gt)


def _final_condition(gt, ctx):
    from .renstra import check_final_condition
    return check_final_condition(gt)


# the checks a table's section may declare: name -> function(table, context) -> issues
CHECKS = {"review": _review, "usulan": _usulan, "renstra_rollup": _renstra_rollup,
          "hierarchy": _hierarchy, "final_condition": _final_condition,
          "analysis_notes": lambda gt, ctx: _analysis_notes(gt),
          "target_direction": lambda gt, ctx: _target_direction(gt)}


def check_table(gt: GenericTable, kecamatan: str | None = None, tolerance: float = 0.0,
                schema_issues: list[Issue] | None = None) -> list[Issue]:
    """The issues of one other table (`schema_issues`: its pandera issues, when validated
    already in a batch)."""
    if schema_issues is None:
        schema_issues = validate_tables([gt])[0]
    issues = _column_issues(gt) + schema_issues
    issues += check_computed(gt)
    issues += check_totals(gt, tolerance)
    ctx = Context(kecamatan, tolerance)
    for name in gt.table.checks:
        if name not in CHECKS:
            raise ValueError(f"tables.toml [{gt.table_id}]: unknown check '{name}'")
        issues += CHECKS[name](gt, ctx)
    return issues


def _column_issues(gt: GenericTable) -> list[Issue]:
    header_row = gt.layout.header_first + 1
    return [gt.issue("column-missing", header_row, col=gt.layout.first_col, params={"field": name})
            for name in gt.table.options.get("required_values", ()) if not gt.has(name)]


def lower_is_better(gt: GenericTable, indikator: str | None) -> bool:
    words = gt.table.options.get("lower_is_better", ())
    if isinstance(words, str):                      # a list of words.toml
        words = schema_toml("words.toml")[words]
    words = [normalise_label(w) for w in words]
    text = f" {normalise_label(indikator or '')} "
    return any(f" {w} " in text for w in words if w)


def _says_met(gt: GenericTable, note: str | None) -> bool | None:
    text = f" {normalise_label(note or '')} "
    opts = gt.table.options
    if any(f" {normalise_label(w)} " in text for w in opts.get("not_met_words", ())):
        return False
    if any(f" {normalise_label(w)} " in text for w in opts.get("met_words", ())):
        return True
    return None


def _analysis_notes(gt: GenericTable) -> list[Issue]:
    """'Sesuai Target' where the latest realisation misses its target (or the reverse)."""
    issues = []
    pairs = sorted(((t, r) for t in gt.series("target") for r in gt.series("realisasi")
                    if t.year and t.year == r.year), key=lambda p: p[0].year, reverse=True)
    if not pairs or not gt.has("catatan"):
        return issues
    for row in gt.rows:
        says = _says_met(gt, row.get("catatan"))
        if says is None:
            continue
        for target_col, real_col in pairs:
            target, real = row.cells.get(target_col.key), row.cells.get(real_col.key)
            if not target or not real or target.value is None or real.value is None:
                continue
            if not units_agree(target.unit, real.unit):
                break
            lower = lower_is_better(gt, row.get("indikator"))
            met = real.value <= target.value if lower else real.value >= target.value
            if met != says:
                below = real.value < target.value
                issues.append(gt.issue(
                    "catatan-analisis-wrong", row["row"], "catatan", value=row["catatan"],
                    expected="Sesuai Target" if met else "Tidak Sesuai Target",
                    params={"year": real_col.year, "real": shown(real, real.value),
                            "target": shown(target, target.value),
                            "comparison": "di bawah" if below else (
                                "di atas" if real.value > target.value else "sama dengan"),
                            "comparison_en": "below" if below else (
                                "above" if real.value > target.value else "equal to")}))
            break
    return issues


def _target_direction(gt: GenericTable) -> list[Issue]:
    """A target lower than the year before on an indicator that should rise (or the reverse)."""
    issues = []
    series = sorted((c for c in gt.series("target") if c.year), key=lambda c: c.year)
    for row in gt.rows:
        lower = lower_is_better(gt, row.get("indikator"))
        previous = None
        for column in series:
            cell = row.cells.get(column.key)
            if cell is None or cell.value is None:
                if cell is not None and cell.text:
                    issues.append(gt.issue("target-not-number", row["row"], column.key,
                                           value=cell.text, params={"year": column.year}))
                continue
            if previous is not None and units_agree(previous[1].unit, cell.unit):
                prev_col, prev = previous
                worse = cell.value > prev.value if lower else cell.value < prev.value
                if worse:
                    issues.append(gt.issue(
                        "target-falls", row["row"], column.key, value=cell.text or cell.value,
                        expected=prev.value,
                        params={"year": column.year, "shown": shown(cell, cell.value),
                                "prev_year": prev_col.year, "prev_shown": shown(prev, prev.value),
                                "change": "lebih tinggi" if lower else "lebih rendah",
                                "change_en": "higher" if lower else "lower",
                                "direction": "turun" if lower else "naik",
                                "direction_en": "fall" if lower else "rise"}))
            previous = (column, cell)
    return issues
