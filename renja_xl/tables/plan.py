"""Reading the core table: Rencana Program dan Kegiatan tahun n dan Prakiraan Maju n+1.

`read_plan_tables(grid, ...)` finds every plan table on a sheet and turns its rows into
normalised records (one `PlanRow` per program/kegiatan/sub kegiatan row) that remember the Excel
row they came from. Page-break header repeats, footer lines and blank rows are skipped and
counted; rows that only continue the text of the row above are merged into it; values that
cannot be read are reported, never dropped silently.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..read.codes import GROUP_LEVELS, PLAN_LEVELS, fill_parent_cells, looks_like_code, parse_code
from ..report.issues import Issue, TableInfo, column_letter
from .agency import agency_of, same_agency
from .layout import Grid, Layout, cell_text, find_layouts
from .layout import title_lines as _title_lines, wordy as _wordy
from .rowkinds import TOTAL as _TOTAL, TABLE_TITLE as _TABLE_TITLE
from .rowkinds import header_follows as _header_follows, header_repeat as _header_repeat
from .rowkinds import is_money as _is_money
from .header import identify as _identify, other_table_starts as _other_table_starts
from .defs import TableDef
from .records import PLAN_FIELDS, PlanRow, TotalRow
from .walk import END, RowWalker
from .shapes import MONEY_FIELDS, link_groups, mark_recaps, mark_versions, money_scale
from .extract import TARGET_FIELDS, TEXT_FIELDS, Extractor, set_target, total_row

__all__ = ["PLAN_FIELDS", "PlanTable", "PlanRow", "read_plan_tables", "mark_recaps", "mark_versions"]

_CODE_AND_NAME = re.compile(r"^([0-9Xx](?:[0-9Xx]*\s*\.\s*)+[0-9Xx]+|[0-9X](?=\s+urusan\b))\s+(\D.*)$",
                            re.I)
# a total row's label: JUMLAH, TOTAL, JUMLAH TOTAL, Jumlah Pagu Keseluruhan … (no digits)
_TOTAL_LABEL = re.compile(r"^\s*(jumlah|total|grand total)\b[^\d]{0,40}$", re.I)


@dataclass(slots=True)
class PlanTable:
    file: str
    sheet: str
    layout: Layout
    rows: list[PlanRow] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)   # JUMLAH / TOTAL rows
    issues: list[Issue] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    first_row: int = 0                                      # 1-based, first data row
    last_row: int = 0
    recap: bool = False          # a REKAP of the program rows of the other plan tables
    foreign: PlanRow | None = None   # its first row, when no code is a Permendagri 90 code
    copy_of: str | None = None   # the sheet of the plan table this one copies or versions

    @property
    def table_id(self) -> str:
        return self.layout.table.id + ("_rekap" if self.recap else "")

    def col(self, name: str) -> int | None:
        """Column index of a field (the first cell for a code split over several cells)."""
        return self.layout.col(name)

    def year(self, n1: bool = False) -> str:
        return self.layout.year_label(n1)

    def issue(self, rule: str, row: int | None, field_name: str | None = None, *,
              kode=None, col: int | None = None, on=None, **kw) -> Issue:
        """An issue located on this table's cell (1-based row, field's column). `on` (the
        record it is about) matters only to a PlanSet, which has several sheets."""
        if col is None and field_name:
            col = self.col(field_name)
        return Issue(rule=rule, file=self.file, sheet=self.sheet, row=row, col=col,
                     table=self.table_id, kode=kode, **kw)

    def info(self) -> TableInfo:
        columns = {name: "".join(column_letter(c) for c in cols[:1]) +
                   (f":{column_letter(cols[-1])}" if len(cols) > 1 else "")
                   for name, cols in self.layout.columns.items()}
        return TableInfo(sheet=self.sheet, table=self.table_id, first_row=self.first_row,
                         last_row=self.last_row,
                         rows=sum(1 for r in self.rows if r.level not in GROUP_LEVELS),
                         header_rows=(self.layout.header_first + 1, self.layout.header_last + 1),
                         skipped=dict(self.skipped), columns=columns,
                         levels=self._levels())

    def _levels(self) -> dict[str, int]:
        levels = {lvl: sum(1 for r in self.rows if r.level == lvl) for lvl in PLAN_LEVELS}
        for lvl in GROUP_LEVELS:                 # only when the table has them (OPD plans)
            count = sum(1 for r in self.rows if r.level == lvl)
            if count:
                levels[lvl] = count
        return levels


# the plan's header may stand below a long text (a whole Renja pasted into one sheet)
PLAN_SCAN_ROWS = 2000


def read_plan_tables(grid: Grid, table: TableDef, file: str) -> list[PlanTable]:
    """Every plan table on this sheet, top to bottom."""
    found = []
    start = 0
    while start < grid.height:
        layout = find_layouts(grid, table, start, scan_rows=PLAN_SCAN_ROWS)
        if layout is None:
            break
        if _identify(grid, layout) is not None:      # a Review/Renstra header with Kode, Pagu
            start = layout.header_last + 1
            continue
        plan = _read_rows(grid, layout, file)
        found.append(plan)
        start = max(plan.last_row, layout.header_last + 1)   # 1-based last row = next 0-based
    return found


_PLAN_LEVELS = frozenset(PLAN_LEVELS)


def _read_rows(grid: Grid, layout: Layout, file: str) -> PlanTable:
    return PlanReader(grid, layout, file).read()


class PlanReader(RowWalker):
    """The plan's rows (see `RowWalker`): a row with a code of a plan level in its code cell(s)
    is data at once (the fast path); a code typed with the name ("7.01.01 PROGRAM …"), damaged
    or relative to the row above ("2.01" under its program) is found on the slow path; an item's
    further indicator lines join it; the table ends at another kind of table or a title."""

    def __init__(self, grid: Grid, layout: Layout, file: str):
        plan = PlanTable(file=file, sheet=grid.sheet.name, layout=layout)
        super().__init__(grid, layout, plan, layout.first_col, layout.last_col, grid.height)
        self.plan = plan
        money_scale(grid, layout, plan)
        self.extract = Extractor(grid, plan)
        cols = layout.columns
        self.kode_cols = cols.get("kode", [])
        self.key_cols = set(self.kode_cols)
        self.name_col = layout.col("nama")
        self.money_cols = {name: layout.col(name) for name in MONEY_FIELDS
                           if layout.col(name) is not None}
        self.text_cols = {c for name in TEXT_FIELDS + TARGET_FIELDS
                          for c in cols.get(name, [])}
        self.groups = False                          # urusan/bidang rows seen
        self.after_break = False                     # no data since a repeated header
        self.items: dict[str, PlanRow] = {}          # kode -> its first row

    def finish(self) -> None:
        link_groups(self.plan.rows)
        coded = [row for row in self.plan.rows if row.kode]
        if len(coded) >= 2 and not any(row.level for row in coded):
            self.plan.foreign = coded[0]             # RKA-K/L "113.01.06", "5096.001" …

    def coded(self, r: int) -> bool:
        """The fast path: a code of a plan level typed in the code cell(s) is a data row."""
        row = self.grid.rows[r]
        raw = [row[c] if c < len(row) else "" for c in self.kode_cols]
        if not raw or raw[0] == "":
            return False
        code = parse_code(raw)
        if code.level not in _PLAN_LEVELS:
            return False
        self.append(r, self.extract.record(r, code))
        return True

    def boundary(self, r: int, texts) -> int | None:
        grid = self.grid
        if (r - 1 > self.last_r and len(texts) >= 2 and _wordy(texts)
                and _other_table_starts(grid, r - 1, self.layout.table)):
            return END                               # another kind of table
        if _header_repeat(grid, r, texts, self.layout):
            if self._other_agency():
                return END                           # another agency's plan starts here
            self._titles_before(r)
            self.after_break = True
            return self.skip(r, "header berulang")
        if _TABLE_TITLE.match(texts[0][1]) and len(texts) <= 2:
            if not _header_follows(grid, r, self.layout):
                return END                           # the title of another table
            return self.skip(r, "judul berulang")
        return None

    def money(self, r: int) -> bool:
        grid = self.grid
        return any(_is_money(grid.raw(r, c)) or (r, c) in grid.sheet.uncached
                   for c in self.money_cols.values())

    def coded_text(self, r: int, texts, money: bool) -> bool:
        """A code in the code cell as text (with the name, damaged) makes the row data; a
        JUMLAH / TOTAL label alone a total."""
        grid = self.grid
        code_values = [grid.value(r, c) for c in self.kode_cols]
        code_texts = [cell_text(v) for v in code_values]
        name_from_code = None
        if len(code_values) == 1 and code_texts[0]:
            match = _CODE_AND_NAME.match(code_texts[0])      # "7.01.01 PROGRAM …" in one cell
            if match:
                code_values, name_from_code = [match.group(1)], match.group(2)
        has_code = any(looks_like_code(v) for v in code_values if cell_text(v))
        if not has_code and self._total_label(texts):
            self.add_total(r, self._total(r))        # JUMLAH in the code, name or lokasi column
            return True
        if not has_code and any(code_texts) and (money or _has_name(grid, r, self.name_col)):
            has_code = True                          # a damaged code on a real data row
        if not has_code:
            return False
        self.data(r, code_values, name_from_code)
        return True

    def total_row(self, r: int, texts, money: bool) -> TotalRow | None:
        if self._total_word(texts) and (money or all(
                c not in self.text_cols or c == self.name_col for c, _ in texts)):
            return self._total(r)
        return None

    def continuation(self, r: int, texts) -> None:
        previous = self.previous
        if previous.level in _PLAN_LEVELS and self._another_indicator(texts):
            previous.indicators = [*previous.indicators, self.extract.indicator(r)]
            previous.cont += 1
        else:
            _continue_row(r, texts, previous, self.plan)

    def append(self, r: int, record) -> None:
        """A program or kegiatan row repeated at the top of a page (after the repeated
        header, as printed: same code, its pagu again or none, "(lanjutan)") is skipped and
        counted, not a second item."""
        first = self.items.get(record.kode) if self.after_break else None
        if first is not None and record.level in ("program", "kegiatan") and all(
                getattr(record, n) in (None, getattr(first, n)) for n in ("pagu", "pagu_n1")):
            self.skip(r, "induk berulang")
            self.last_r = r
            return
        self.after_break = False
        if record.kode:
            self.items.setdefault(record.kode, record)
        super().append(r, record)

    def _other_agency(self) -> bool:
        """The title lines above a repeated header name another agency than this table's
        ('Nama Perangkat Daerah : Kecamatan Kenanga' below Kejobong's plan): a second plan."""
        if not self.pending:
            return False
        other = agency_of(text for _, text in self.pending)
        own = agency_of(_title_lines(self.grid, self.layout.header_first))
        return None not in (other, own) and not same_agency(other, own)

    def _titles_before(self, r: int) -> None:
        """Title lines right above a repeated header (the page's own titles) are skipped
        with it, not reported as unrecognised rows."""
        pending = self.pending
        while pending and pending[-1][0] >= r - 6 and len(self.grid.texts(pending[-1][0])) <= 2:
            pending.pop()
            self.plan.skipped["judul berulang"] += 1

    def _another_indicator(self, texts) -> bool:
        """A line with only an indicator and its own target(s): the item's next indicator."""
        if self.extract.indikator_col not in {c for c, _ in texts}:
            return False
        targets = {self.layout.col("target"), self.layout.col("target_n1")} - {None}
        return any(c in targets and any(ch.isdigit() for ch in t) for c, t in texts)

    def _total_word(self, texts) -> bool:
        """JUMLAH / TOTAL opens the code, name or lokasi cell ("Jumlah Dokumen …" in the
        indicator column names an indicator, not a total)."""
        where = {*self.kode_cols, self.name_col, self.layout.col("lokasi")}
        return any(c in where and _TOTAL.match(t.strip()) for c, t in texts)

    def _total_label(self, texts) -> bool:
        """A JUMLAH / TOTAL label is the only text of the row outside its money columns."""
        words = [t for c, t in texts
                 if c not in self.money_cols.values() and c not in self.layout.hidden
                 and c not in self.layout.currency and not _AMOUNT.match(t)]
        return len(words) == 1 and bool(_TOTAL_LABEL.match(words[0]))

    def _total(self, r: int) -> TotalRow:
        return total_row(self.extract, r, self.money_cols)

    def data(self, r: int, code_values=None, name_from_code=None) -> None:
        code = parse_code(code_values) if code_values is not None else None
        filled = fill_parent_cells(code_values or (), self.previous and self.previous.kode)
        if filled is not None:                      # '| | | 2.01 |' under program 7.01.01
            code, code.original = parse_code(filled), code.original
        written = None
        if (code is not None and code.level not in _PLAN_LEVELS and len(self.kode_cols) == 1
                and not (self.groups and code.level in GROUP_LEVELS)):
            expanded = _expand_relative(cell_text(code_values[0]), self.previous)
            if expanded is not None:
                written, code = code.original, expanded
        record = self.extract.record(r, code)
        if written is not None:
            record.relative = True
            self.plan.issues.append(self.plan.issue(
                "kode-relative", r + 1, col=self.kode_cols[0], kode=record.kode,
                value=written, expected=record.kode))
        if name_from_code and not record.nama:
            record.nama = name_from_code
        self.append(r, record)
        if record.level in GROUP_LEVELS:
            self.groups = True


_AMOUNT = re.compile(r"^[\d.,()\s-]+$")        # an amount in a column the table does not read
_REL_KEGIATAN = re.compile(r"^[12]\.\d{1,2}$")
_REL_SUB = re.compile(r"^\d{1,4}$")


def _expand_relative(text: str, previous: PlanRow | None):
    """A code written relative to the rows above it — '2.01' under program 7.01.01, '0001' under
    kegiatan 7.01.01.2.01 — as its full code, or None. Only right after the program or kegiatan
    it belongs to, or after another relative code, so a new bidang row ('2.08') after fully coded
    rows stays what it is."""
    if previous is None or previous.level not in _PLAN_LEVELS:
        return None
    level = previous.level
    parts = previous.kode.split(".")
    chained = previous.relative
    if _REL_KEGIATAN.match(text) and (level == "program" or chained):
        candidate = ".".join(parts[:3]) + "." + text
    elif _REL_SUB.match(text) and len(parts) >= 5 and (level == "kegiatan" or chained):
        candidate = ".".join(parts[:5]) + "." + text
    else:
        return None
    code = parse_code(candidate)
    return code if code.level in ("kegiatan", "sub_kegiatan") else None


def _has_name(grid: Grid, r: int, nama_col: int | None) -> bool:
    return nama_col is not None and bool(cell_text(grid.value(r, nama_col)))


def _continue_row(r: int, texts, item: PlanRow, plan: PlanTable) -> None:
    names = {c: name for name, cs in plan.layout.columns.items() for c in cs}
    previous = item.indicators[-1] if item.indicators else item   # the line it continues
    for c, text in texts:
        name = names.get(c)
        if name in ("target", "target_n1", "target_semula"):
            joined = ((previous.text(name) or "") + " " + text).strip()
            setattr(previous, name + "_text", joined)
            set_target(previous, name, joined,
                        plan.layout.col("satuan" + name.removeprefix("target")) is not None)
        elif name:
            holder = previous if hasattr(previous, name) else item
            setattr(holder, name, ((getattr(holder, name) or "") + " " + text).strip())
    item.cont += 1
    plan.skipped["lanjutan"] += 1
    plan.issues.append(plan.issue("row-continuation", r + 1, col=texts[0][0],
                                  kode=item.kode,
                                  params={"target_row": previous.row}))
