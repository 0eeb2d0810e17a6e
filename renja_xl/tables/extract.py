"""The cells of one plan row read into a `PlanRow`: code, names, targets with their units,
money (with its scale, formulas and errors), and a JUMLAH row's money (`total_row`).

`Extractor` is made once per plan table by `plan.PlanReader`; its column lookups are cached
there, so each row costs only its own cells.
"""
from __future__ import annotations

import datetime

from ..read.codes import PLAN_LEVELS, parent_code
from ..read.numbers import NumberError, format_number, parse_target
from .layout import Grid, cell_text
from .records import CellInfo, Indicator, PlanRow, TotalRow
from .rowkinds import formula_error, read_money
from .shapes import MONEY_FIELDS, sum_rows

TEXT_FIELDS = ("nama", "sasaran", "indikator", "lokasi", "sumber_dana", "catatan")
TARGET_FIELDS = ("satuan", "satuan_n1", "target", "target_n1", "target_semula", "satuan_semula")

__all__ = ["Extractor", "total_row", "set_target", "TEXT_FIELDS", "TARGET_FIELDS"]


def set_target(record, name: str, text: str, unit_col: bool) -> None:
    try:
        target = parse_target(text)
    except NumberError:
        setattr(record, name, None)
        return
    setattr(record, name, target.value)
    if target.unit and not unit_col:                     # no Satuan column of its own
        setattr(record, "satuan" + name.removeprefix("target"), target.unit)


class Extractor:
    """Turns one sheet row into a normalised record (columns resolved once per table)."""

    def __init__(self, grid: Grid, plan):            # a plan.PlanTable
        layout = plan.layout
        self.grid, self.plan = grid, plan
        self.text_cols = [(name, layout.columns[name]) for name in TEXT_FIELDS
                          if layout.columns.get(name)]
        self.targets = [(suffix, layout.columns.get("target" + suffix, []),
                         layout.col("satuan" + suffix)) for suffix in ("", "_n1", "_semula")
                        if layout.columns.get("target" + suffix) or layout.col("satuan" + suffix)]
        self.money = [(name, layout.col(name)) for name in MONEY_FIELDS
                      if layout.col(name) is not None]
        self.kode_cols = layout.columns.get("kode", [])
        self.indikator_col = layout.col("indikator")
        self.merged = grid._anchor
        self.uncached = grid.sheet.uncached
        self.errors = grid.sheet.errors                  # (only to mark the pagu unreadable)
        self.sums = grid.sheet.sums
        self.percent = grid.sheet.percent
        self.years = {"pagu": plan.year(False), "pagu_n1": plan.year(True),
                      "pagu_semula": plan.year(False), "pagu_selisih": plan.year(False)}

    def _value(self, row, r: int, c: int):
        if self.merged and (r, c) in self.merged:
            return self.grid.value(r, c)
        return row[c] if c < len(row) else ""

    def record(self, r: int, code) -> PlanRow:
        plan, grid = self.plan, self.grid
        row = grid.rows[r]
        kode = (code.kode or None) if code else None
        level = code.level if code else None
        rec = PlanRow(file=plan.file, sheet=plan.sheet, row=r + 1, kode=kode, level=level,
                      parent_kode=parent_code(kode) if level else None,
                      r=r, legacy_sub=bool(code and code.legacy_sub),
                      kode_raw=code.original if code else None)
        if code and code.restored and level:   # one warning per row (urusan/bidang too)
            plan.issues.append(plan.issue(
                "kode-short" if code.typed_short else "kode-damaged", r + 1,
                col=self.kode_cols[code.restored[0][0]], kode=kode,
                value=code.original, expected=kode))
        elif code and code.comma and level in PLAN_LEVELS:
            plan.issues.append(plan.issue("kode-comma", r + 1, col=self.kode_cols[0], kode=kode,
                                          value=code.original, expected=kode))
        for name, cols in self.text_cols:          # several columns: the first one filled
            for c in cols:
                value = self._value(row, r, c)
                if value != "" and value is not None:
                    setattr(rec, name, cell_text(value) or None)
                    break
        self._targets(rec, row, r)
        for name, c in self.money:
            raw = row[c] if c < len(row) else ""
            value, formula = self.money_value(raw, r, c, name, kode)
            setattr(rec, name, value)
            bad = value is None and formula is None and (
                bool(cell_text(raw).strip("- ")) or (r, c) in self.errors)
            summed = sum_rows(self.sums.get((r, c)), c) if self.sums else None
            if formula is not None or bad or summed:        # the usual cell needs no record
                info = rec.cell(name)
                info.col, info.formula, info.bad, info.sum_rows = c, formula, bad, summed
        return rec

    def indicator(self, r: int) -> Indicator:
        """A line that lists a further indicator of the item above, with its own targets."""
        row = self.grid.rows[r]
        ind = Indicator(row=r + 1, r=r)
        if self.indikator_col is not None:
            ind.indikator = cell_text(self._value(row, r, self.indikator_col)) or None
        self._targets(ind, row, r)
        return ind

    def _targets(self, rec, row, r: int) -> None:
        for suffix, tcols, scol in self.targets:
            if scol is not None:
                setattr(rec, "satuan" + suffix, cell_text(self._value(row, r, scol)) or None)
            if tcols:
                # the output (keluaran) target where filled, else the outcome one beside it
                tcol = tcols[0]
                if len(tcols) > 1 and (tcol >= len(row) or not cell_text(row[tcol])):
                    tcol = next((c for c in tcols[1:] if c < len(row) and cell_text(row[c])), tcol)
                raw = row[tcol] if tcol < len(row) else ""
                if isinstance(raw, (datetime.date, datetime.time)):
                    self._date_target(rec, r, tcol, suffix, raw)
                    continue
                if self.percent and (r, tcol) in self.percent and type(raw) is float:
                    raw = format_number(raw * 100) + "%"          # Excel stores 100% as 1
                text = cell_text(raw)
                if text:
                    setattr(rec, "target" + suffix + "_text", text)
                    if tcol != tcols[0]:                   # the outcome column of a pair
                        rec.cell("target" + suffix).col = tcol
                    # the unit from the target ("12 Dokumen") when the Satuan cell is empty
                    unit_cell = scol is not None and bool(getattr(rec, "satuan" + suffix))
                    set_target(rec, "target" + suffix, text, unit_cell)
                    if scol is not None and not unit_cell and getattr(rec, "satuan" + suffix):
                        rec.cell("satuan" + suffix).col = tcol     # where the unit was written

    def _date_target(self, rec, r: int, c: int, suffix: str, value) -> None:
        """A target Excel turned into a date ("1/12" or "12-1" typed into a General cell):
        no target is read from it, and the message says what was probably typed."""
        name = "target" + suffix
        info = rec.cell(name)
        info.col, info.bad = c, True
        if isinstance(value, datetime.date):
            shown = value.strftime("%d-%m-%Y")
            typed = sorted({f"{value.day}/{value.month}", f"{value.month}/{value.day}"})
        else:
            shown, typed = value.strftime("%H:%M"), [value.strftime("%H:%M")]
        setattr(rec, name + "_text", shown)
        self.plan.issues.append(self.plan.issue(
            "target-date", r + 1, col=c, kode=getattr(rec, "kode", None), value=shown,
            params={"year": self.plan.year(suffix == "_n1"),
                    "typed": "' atau '".join(typed), "typed_en": "' or '".join(typed)}))

    def money_value(self, raw, r: int, c: int, name: str, kode):
        """(value or None, formula-without-value or None); problems become issues."""
        if self.uncached and (r, c) in self.uncached:
            return None, self.uncached[(r, c)]
        if formula_error(self.plan, self.grid, r, c, kode):
            return None, None
        factor = self.plan.layout.money_factor.get(c, 1.0)
        return read_money(self.plan, raw, r, c, factor, self.years[name], kode), None


def total_row(extract: Extractor, r: int, money_cols) -> TotalRow:
    total = TotalRow(row=r + 1, r=r, sheet=extract.plan.sheet)
    row = extract.grid.rows[r]
    for name, c in money_cols.items():
        raw = row[c] if c < len(row) else ""
        value, formula = extract.money_value(raw, r, c, name, None)
        setattr(total, name, value)
        total.cells[name] = CellInfo(col=c, formula=formula)
    return total
