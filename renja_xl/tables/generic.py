"""Reading the other standard Renja tables with one generic reader.

Each table (Evaluasi, Kinerja Pelayanan, Review RKPD, Usulan, Tujuan dan Sasaran, the IKU
comparison, summary tables with a total row) is described as data in `schemas/tables.toml`.
`read_tables(grids, file, claimed)` finds them on any sheet (several may share a sheet), gives
every header column a record key (`target_2023`, `pagu_analisis`, `realisasi_renja`, …) and
turns the rows into records that remember their Excel row; page-break repeats, column-number
rows, footers, blank and continuation rows are classified the same way as in the plan table.
Total rows (JUMLAH, KEC. …, Rata-rata) are kept apart in `totals`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..report.issues import Issue, TableInfo, column_letter
from .layout import Grid, Layout, cell_text, is_numbering_row
from ..read.numbers import format_number
from .cells import Cell, parse_cell
from .rowkinds import FOOTER, flush_unrecognised, is_signature, formula_error, read_money, set_extent
from .header import (NEXT_HEADER_ROWS, TITLE, Column, Found, next_table, other_defs,
                     phrase_in, title_lines, wordy)
from .defs import TableDef, normalise_label

__all__ = ["Column", "GenericTable", "Cell", "read_tables", "parse_cell"]



@dataclass(slots=True)
class GenericTable:
    file: str
    sheet: str
    table: TableDef
    layout: Layout
    columns: list[Column]
    title: str = ""
    rows: list[dict] = field(default_factory=list)
    totals: list[dict] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    first_row: int = 0           # 1-based, first data row
    last_row: int = 0            # 1-based, last row that belongs to the table
    header_top: int = 0          # 0-based first header row (group headers included)
    by_key: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_key = {c.key: c for c in self.columns}

    @property
    def table_id(self) -> str:
        return self.table.id

    def col(self, key: str | None) -> int | None:
        column = self.by_key.get(key) if key else None
        return column.col if column else None

    def series(self, name: str, half: str | None = None) -> list[Column]:
        """The columns of one field (one per year for a series), left to right."""
        return [c for c in self.columns if c.name == name and c.half == half]

    def has(self, name: str) -> bool:
        return any(c.name == name for c in self.columns)

    def issue(self, rule: str, row: int | None, key: str | None = None, *,
              col: int | None = None, kode=None, **kw) -> Issue:
        """An issue located on this table's cell (1-based row, the column of `key`)."""
        if col is None:
            col = self.col(key)
        return Issue(rule=rule, file=self.file, sheet=self.sheet, row=row, col=col,
                     table=self.table_id, kode=kode, **kw)

    def info(self) -> TableInfo:
        levels = {}
        if any(r.get("level") for r in self.rows):
            items = [r for r in self.rows if not r.get("_extra")]   # not a 2nd indicator line
            levels = {lvl: sum(1 for r in items if r.get("level") == lvl)
                      for lvl in ("program", "kegiatan", "sub_kegiatan")}
        return TableInfo(sheet=self.sheet, table=self.table_id, first_row=self.first_row,
                         last_row=self.last_row, rows=len(self.rows),
                         header_rows=(min(self.header_top, self.layout.header_first) + 1,
                                      self.layout.header_last + 1),
                         skipped=dict(self.skipped),
                         columns={c.key: column_letter(c.col) for c in self.columns},
                         levels=levels)


# -- finding the tables ------------------------------------------------------------------------
def _free_ranges(height: int, claimed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges, pos = [], 0
    for lo, hi in sorted(claimed):
        if lo > pos:
            ranges.append((pos, lo))
        pos = max(pos, hi + 1)
    if pos < height:
        ranges.append((pos, height))
    return ranges


def read_tables(grids: list[Grid], file: str,
                claimed: dict[str, list[tuple[int, int]]] | None = None) -> list[GenericTable]:
    """Every other standard table on these sheets (rows in `claimed` belong to plan tables)."""
    defs = other_defs()
    found: list[GenericTable] = []
    for grid in grids:
        if grid.height == 0:
            continue
        for lo, hi in _free_ranges(grid.height, (claimed or {}).get(grid.sheet.name, [])):
            pos = lo
            while pos < hi:
                hit = next_table(grid, defs, pos, hi)
                if hit is None:
                    break
                table = _read_rows(grid, hit, file, defs, hi)
                if _plausible(table):
                    found.append(table)
                    pos = max(table.last_row, hit.layout.header_last + 1)
                else:
                    pos = hit.layout.header_last + 1
    return found


def _plausible(table: GenericTable) -> bool:
    """A summary table needs its total row and numbers; any other table one data row."""
    if table.table.options.get("needs_total"):
        numeric = [c for c in table.columns if c.kind in ("number", "money")]
        return (len(table.rows) >= 2 and bool(table.totals) and any(
            sum(1 for r in table.rows if r.get(c.key) is not None) >= 0.6 * len(table.rows)
            for c in numeric))
    return bool(table.rows)


# -- reading the rows --------------------------------------------------------------------------
def _same_header(a: Layout, b: Layout) -> bool:
    return [a.labels.get(c) for c in sorted(a.labels)] == [b.labels.get(c) for c in sorted(b.labels)]


def _read_rows(grid: Grid, hit: Found, file: str, defs: list[TableDef], stop: int) -> GenericTable:
    return _RowReader(grid, hit, file, defs, stop).read()


def _value_columns(grid: Grid, hit: Found) -> list[Column]:
    """Every other column of a summary table (`value_columns`) holds a value."""
    extra = []
    for c in hit.unmapped:
        label = hit.layout.labels.get(c, "")
        money = any(phrase_in(w, label) for w in ("rp", "rupiah", "pagu", "anggaran", "dana"))
        extra.append(Column(key=label.replace(" ", "_") or f"kolom_{column_letter(c)}",
                            name="nilai", col=c, kind="money" if money else "number",
                            caption=_raw_header(grid, hit.layout, c)))
    return extra


_END = -1          # `_RowReader._header_at`: the table ends at this row


class _RowReader:
    """Walks the rows below a header, as the plan's row reader does: each row is skipped and
    counted (blank, column numbers, header repeat, footer), a total, data, the continuation
    of the row above, or unrecognised (reported when data follows it). The table ends where
    another one starts."""

    def __init__(self, grid: Grid, hit: Found, file: str, defs: list[TableDef], stop: int):
        layout, table = hit.layout, hit.table
        columns = list(hit.columns)
        if table.options.get("value_columns"):
            columns += _value_columns(grid, hit)
        title = " ".join(title_lines(grid, hit.top, depth=3)[-2:])[:250]
        self.gt = GenericTable(file=file, sheet=grid.sheet.name, table=table, layout=layout,
                               columns=columns, title=title, header_top=hit.top)
        self.grid, self.layout, self.table, self.defs, self.stop = grid, layout, table, defs, stop
        opts = table.options
        self.lo = min(layout.labels) if layout.labels else 0
        self.hi = max(layout.labels) if layout.labels else 0
        key_names = set(opts.get("key", ()))
        self.key_cols = {c.col for c in columns if c.name in key_names}
        self.text_cols = {c.col for c in columns if c.kind == "text"}
        self.total_cols = [c for c in columns if c.name in set(opts.get("total_fields", ()))]
        self.total_words = [normalise_label(w) for w in opts.get("total_words", ())]
        self.fill_down = [c for c in columns if c.name in set(opts.get("fill_down", ()))]
        self.previous: dict | None = None
        self.pending: list[tuple[int, str]] = []
        self.last_r = layout.header_last

    def read(self) -> GenericTable:
        r = self.layout.header_last + 1
        while r < self.stop:
            nxt = self._row(r)
            if nxt == _END:
                break
            r = nxt
        set_extent(self.gt, self.pending, self.last_r, self.layout.header_last)
        return self.gt

    def _row(self, r: int) -> int:
        """The next row to look at, or _END."""
        gt = self.gt
        texts = [(c, t) for c, t in self.grid.texts(r) if self.lo <= c <= self.hi]
        if not texts:
            gt.skipped["kosong"] += 1
            return r + 1
        if is_numbering_row(texts):
            gt.skipped["header berulang"] += 1
            return r + 1
        header = self._header_at(r, texts)
        if header is not None:
            return header
        if _repeats_header(texts, self.layout):
            gt.skipped["header berulang"] += 1
            return r + 1
        joined = " ".join(t for _, t in texts)
        if len(texts) <= 2 and FOOTER.search(joined):
            gt.skipped["footer"] += 1
            return r + 1
        if is_signature(texts):
            gt.skipped["tanda tangan"] += 1
            return r + 1
        total_kind = _total_kind(self.grid, r, self.total_cols, self.total_words)
        if total_kind:
            record = _record(self.grid, r, gt)
            record["_total"] = total_kind
            gt.totals.append(record)
            self.last_r = r
        elif any(c in self.key_cols for c, _ in texts):
            self._data(r)
        elif self._continues(r, texts):
            _continue_row(gt, r, texts, self.previous)
        else:
            self.pending.append((r, joined))
        return r + 1

    def _header_at(self, r: int, texts) -> int | None:
        """A header here: its repeat (skipped: the row after it), another table's (_END), or
        None. A new header comes after a title or a blank row, not right below a data row."""
        titled = bool(TITLE.match(texts[0][1])) and len(texts) <= 2
        after_gap = r - 1 > self.last_r + _cont(self.previous)
        if not (titled or (after_gap and len(texts) >= 2 and wordy(texts))):
            return None
        nxt = next_table(self.grid, self.defs, r, min(self.stop, r + NEXT_HEADER_ROWS))
        if nxt is not None:
            if nxt.table is self.table and _same_header(nxt.layout, self.layout):
                self.gt.skipped["header berulang"] += nxt.layout.header_last + 1 - r
                return nxt.layout.header_last + 1
            return _END                                 # another table starts here
        return _END if titled else None

    def _continues(self, r: int, texts) -> bool:
        previous = self.previous
        return (previous is not None and r == previous["_r"] + 1 + previous["_cont"]
                and all(c in self.text_cols and c not in self.key_cols for c, _ in texts))

    def _data(self, r: int) -> None:
        flush_unrecognised(self.gt, self.pending, self.lo)
        record = _record(self.grid, r, self.gt)
        for column in self.fill_down:
            if record.get(column.key) is None and self.previous is not None:
                record[column.key] = self.previous.get(column.key)
        self.gt.rows.append(record)
        self.previous = record
        self.last_r = r


def _repeats_header(texts, layout: Layout) -> bool:
    """The header's own words again in their columns (a page-break repeat). Stricter than the
    plan reader's test: data rows of these tables are often words only."""
    hits = 0
    for c, text in texts:
        label = normalise_label(text)
        if label and phrase_in(label, layout.labels.get(c, "")):
            hits += 1
    return hits >= 2


def _cont(previous: dict | None) -> int:
    return previous["_cont"] if previous else 0


def _raw_header(grid: Grid, layout: Layout, c: int) -> str:
    parts: list[str] = []
    for r in range(layout.header_first, (layout.numbering_row or layout.header_last + 1)):
        text = cell_text(grid.value(r, c))
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


def _total_kind(grid: Grid, r: int, total_cols: list[Column], words: list[str]) -> str | None:
    """'sum' or 'mean' when a label column says JUMLAH / KEC. … / Rata-rata."""
    for column in total_cols:
        label = normalise_label(cell_text(grid.value(r, column.col)))
        if not label or len(label.split()) > 6:
            continue
        for word in words:
            if label == word or label.startswith(word + " "):
                return "mean" if word.startswith(("rata", "rerata")) else "sum"
    return None


def _continue_row(gt: GenericTable, r: int, texts, previous: dict) -> None:
    by_col = {c.col: c for c in gt.columns}
    for c, text in texts:
        column = by_col.get(c)
        if column is not None:
            previous[column.key] = ((previous.get(column.key) or "") + " " + text).strip()
    previous["_cont"] += 1
    gt.skipped["lanjutan"] += 1
    gt.issues.append(gt.issue("row-continuation", r + 1, col=texts[0][0],
                              params={"target_row": previous["row"]}))


def _record(grid: Grid, r: int, gt: GenericTable) -> dict:
    row = grid.rows[r]
    rec: dict = {"file": gt.file, "kecamatan": None, "sheet": gt.sheet, "row": r + 1,
                 "_r": r, "_cont": 0, "_cells": {}}
    uncached = grid.sheet.uncached
    for column in gt.columns:
        c = column.col
        if uncached and (r, c) in uncached:
            gt.issues.append(gt.issue("formula-no-value", r + 1, col=c,
                                      params={"formula": uncached[(r, c)]}))
            rec[column.key] = None
            continue
        if formula_error(gt, grid, r, c):
            rec[column.key] = None
            continue
        if column.span:                                   # a code over several cells
            parts = [grid.value(r, cc) for cc in column.span]
            rec.setdefault("_parts", {})[column.key] = parts
            rec[column.key] = ".".join(t for t in map(cell_text, parts) if t) or None
            continue
        if column.kind == "text":
            value = grid.value(r, c)
            rec[column.key] = (" ".join(value.split()) if type(value) is str
                               else cell_text(value)) or None
            continue
        raw = row[c] if c < len(row) else ""
        if column.kind == "money":
            rec[column.key] = _money(gt, raw, r, column)
            continue
        if type(raw) is float and (r, c) in grid.sheet.percent:
            raw = format_number(raw * 100) + "%"          # Excel stores "87%" as 0.87
        cell = parse_cell(raw)
        rec["_cells"][column.key] = cell
        rec[column.key] = cell.value
        if column.kind == "target":
            rec[f"{column.key}_satuan"] = cell.unit or None
        if cell.ambiguous:
            gt.issues.append(gt.issue("number-ambiguous", r + 1, col=c, value=cell.text,
                                      expected=cell.value,
                                      params={"shown": format_number(cell.value)}))
    return rec


def _money(gt: GenericTable, raw, r: int, column: Column):
    return read_money(gt, raw, r, column.col, column.factor, column.caption)