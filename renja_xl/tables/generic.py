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
from .records import TableRow
from .rowkinds import formula_error, read_money
from .walk import END, RowWalker
from .header import (NEXT_HEADER_ROWS, TITLE, Column, Found, next_table, other_defs,
                     phrase_in, title_lines, wordy)
from .defs import TableDef, normalise_label

__all__ = ["Column", "GenericTable", "Cell", "TableRow", "read_tables", "parse_cell"]



@dataclass(slots=True)
class GenericTable:
    file: str
    sheet: str
    table: TableDef
    layout: Layout
    columns: list[Column]
    title: str = ""
    rows: list[TableRow] = field(default_factory=list)
    totals: list[TableRow] = field(default_factory=list)   # JUMLAH / Rata-rata rows
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
            items = [r for r in self.rows if not r.extra]   # not a 2nd indicator line
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
    return TableReader(grid, hit, file, defs, stop).read()


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


class TableReader(RowWalker):
    """The rows of another table (see `RowWalker`): a text in a key column makes a row data;
    a total word (`total_words`) in a label column (`total_fields`) a total; a header ends the
    table unless it repeats this one's; `fill_down` columns take an empty cell's value from
    the row above."""

    data_by_key = True

    def __init__(self, grid: Grid, hit: Found, file: str, defs: list[TableDef], stop: int):
        layout, table = hit.layout, hit.table
        columns = list(hit.columns)
        if table.options.get("value_columns"):
            columns += _value_columns(grid, hit)
        title = " ".join(title_lines(grid, hit.top, depth=3)[-2:])[:250]
        gt = GenericTable(file=file, sheet=grid.sheet.name, table=table, layout=layout,
                          columns=columns, title=title, header_top=hit.top)
        lo = min(layout.labels) if layout.labels else 0
        hi = max(layout.labels) if layout.labels else 0
        super().__init__(grid, layout, gt, lo, hi, stop)
        self.gt, self.table, self.defs = gt, table, defs
        opts = table.options
        key_names = set(opts.get("key", ()))
        self.key_cols = {c.col for c in columns if c.name in key_names}
        self.text_cols = {c.col for c in columns if c.kind == "text"}
        self.total_cols = [c for c in columns if c.name in set(opts.get("total_fields", ()))]
        self.total_words = [normalise_label(w) for w in opts.get("total_words", ())]
        self.fill_down = [c for c in columns if c.name in set(opts.get("fill_down", ()))]

    def boundary(self, r: int, texts) -> int | None:
        if is_numbering_row(texts):
            return self.skip(r, "header berulang")
        header = self._header_at(r, texts)
        if header is not None:
            return header
        if _repeats_header(texts, self.layout):
            return self.skip(r, "header berulang")
        return None

    def _header_at(self, r: int, texts) -> int | None:
        """A header here: its repeat (skipped: the row after it), another table's (END), or
        None. A new header comes after a title or a blank row, not right below a data row."""
        titled = bool(TITLE.match(texts[0][1])) and len(texts) <= 2
        after_gap = r - 1 > self.last_r + (self.previous.cont if self.previous else 0)
        if not (titled or (after_gap and len(texts) >= 2 and wordy(texts))):
            return None
        nxt = next_table(self.grid, self.defs, r, min(self.stop, r + NEXT_HEADER_ROWS))
        if nxt is not None:
            if nxt.table is self.table and _same_header(nxt.layout, self.layout):
                return self.skip(r, "header berulang", nxt.layout.header_last + 1 - r)
            return END                                  # another table starts here
        return END if titled else None

    def total_row(self, r: int, texts, money: bool) -> TableRow | None:
        kind = _total_kind(self.grid, r, self.total_cols, self.total_words)
        if not kind:
            return None
        record = _record(self.grid, r, self.gt)
        record.total = kind
        return record

    def data(self, r: int) -> None:
        if self.pending:                  # reported before the record's own cell findings
            self.flush_unrecognised()
        record = _record(self.grid, r, self.gt)
        for column in self.fill_down:
            if record.get(column.key) is None and self.previous is not None:
                record[column.key] = self.previous.get(column.key)
        self.append(r, record)

    def continuation(self, r: int, texts) -> None:
        _continue_row(self.gt, r, texts, self.previous)


def _repeats_header(texts, layout: Layout) -> bool:
    """The header's own words again in their columns (a page-break repeat). Stricter than the
    plan reader's test: data rows of these tables are often words only."""
    hits = 0
    for c, text in texts:
        label = normalise_label(text)
        if label and phrase_in(label, layout.labels.get(c, "")):
            hits += 1
    return hits >= 2


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


def _continue_row(gt: GenericTable, r: int, texts, previous: TableRow) -> None:
    by_col = {c.col: c for c in gt.columns}
    for c, text in texts:
        column = by_col.get(c)
        if column is not None:
            previous[column.key] = ((previous.get(column.key) or "") + " " + text).strip()
    previous.cont += 1
    gt.skipped["lanjutan"] += 1
    gt.issues.append(gt.issue("row-continuation", r + 1, col=texts[0][0],
                              params={"target_row": previous.row}))


def _record(grid: Grid, r: int, gt: GenericTable) -> TableRow:
    row = grid.rows[r]
    rec = TableRow(file=gt.file, sheet=gt.sheet, row=r + 1, r=r)
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
            if rec.parts is None:
                rec.parts = {}
            rec.parts[column.key] = parts
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
        rec.cells[column.key] = cell
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