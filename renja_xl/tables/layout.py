"""The header block of a table, read one way for every table.

Works on any standard table definition (`defs.TableDef`): `find_layouts` finds a header of
one to four rows (merged group headers such as "Rencana Tahun 2025" over Lokasi/Target/Pagu)
anywhere on the sheet, with an optional row of column numbers "(1) (2) …" (`column_numbers`)
and title lines above (`title_lines`); `header_labels` labels each column with the text of
all its header rows, `group_rows` finds group headers written above the block (`Layout.groups`,
`full_labels`). Each column's field comes from `columns.map_columns` (`build_layout`; a column
hidden in Excel only for a field no visible one has); a code over several cells followed by
name columns is told apart by its values. `Grid` is a sheet with merged ranges resolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.codes import looks_like_code
from ..read.workbook import Sheet
from .columns import FieldKeys, PlanKeys, map_columns
from .currency import amounts_beside_rp
from .periods import title_year
from .defs import TableDef, normalise_label

__all__ = ["Grid", "Layout", "find_layouts", "build_layout", "header_labels", "group_rows",
           "full_labels", "title_lines", "column_numbers", "cell_text",
           "is_numbering_row", "wordy", "strip_years", "TITLE"]

HEADER_SCAN_ROWS = 150          # a table's header starts within this many rows of the sheet
MAX_HEADER_ROWS = 4
TITLE = re.compile(r"^\s*(tabel|tabael|table|t\s*-\s*[a-z]\.?\s*\d)", re.I)
_YEAR_NUMBER = re.compile(r"\btahun\s*-?\s*(?:ke\s*-?\s*)?[1-9]\b", re.I)
_NUMBERING = re.compile(r"^\(?\s*(\d{1,2})\s*\)?(\s*=.*)?$")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]{3,}")
# digits that header words carry: years, n+1 / n-1, "(5)" column numbers, "Tahun ke-1",
# "(Rp 000)" / "x Rp 1.000" for amounts in thousands
_HEADER_NUMBERS = re.compile(
    r"\b(?:19|20)\d{2}\b|\bn\s*[+-]\s*\d\b|\(\s*\d{1,2}\s*\)|\bke\s*-?\s*\d\b"
    r"|(?:rp\.?\s*|x\s*)?\b(?:000|1\.000|1\.000\.000)\b"
    r"|\btahun\s*-?\s*(?:ke\s*-?\s*)?[1-9]\b", re.I)         # "Tahun 1", "Tahun ke-1" (Renstra)


def strip_years(text: str) -> str:
    """The text without the years (1900–2099) it names."""
    return re.sub(r"\b(19|20)\d{2}\b", "", text)


def cell_text(value) -> str:
    """A cell as trimmed text ('' for empty); whole floats without '.0'. A text already
    trimmed is returned itself, not a copy: the grid shares equal texts (read.workbook), and
    so do the records made from it."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return value if text == value else text
    return str(value)


class Grid:
    """A sheet with merged ranges resolved: `value(r, c)` shows what Excel shows."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.rows = sheet.rows
        self.height = len(sheet.rows)
        self.width = max((len(r) for r in sheet.rows), default=0)
        self._anchor: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in sheet.merged:
            if (r1 - r0 + 1) * (c1 - c0 + 1) > 20_000:
                continue
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self._anchor[(r, c)] = (r0, c0)

    def raw(self, r: int, c: int):
        row = self.rows[r] if 0 <= r < self.height else ()
        return row[c] if 0 <= c < len(row) else ""

    def value(self, r: int, c: int):
        """The value shown at (r, c): the top-left value of a merged range."""
        anchor = self._anchor.get((r, c))
        return self.raw(*anchor) if anchor else self.raw(r, c)

    def anchor(self, r: int, c: int) -> tuple[int, int]:
        return self._anchor.get((r, c), (r, c))

    def is_merged_copy(self, r: int, c: int) -> bool:
        return (r, c) in self._anchor

    def texts(self, r: int) -> list[tuple[int, str]]:
        """Non-empty cells of row r as (column, text)."""
        row = self.rows[r] if 0 <= r < self.height else ()
        out = []
        for c, v in enumerate(row):
            if v == "" or v is None:
                continue
            if type(v) is str:
                text = " ".join(v.split())
                text = v if text == v else text          # (see cell_text)
            else:
                text = cell_text(v)
            if text:
                out.append((c, text))
        return out


@dataclass(slots=True)
class Layout:
    table: TableDef
    header_first: int                    # 0-based rows of the header block (incl. numbering)
    header_last: int
    numbering_row: int | None
    columns: dict[str, list[int]]        # field (with _n1 suffix) -> columns
    labels: dict[int, str]               # column -> normalised header label
    money_factor: dict[int, float] = field(default_factory=dict)
    years: tuple[int | None, int | None] = (None, None)
    title_lines: list[str] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)   # group header rows above the block
    unmapped: list[int] = field(default_factory=list)
    currency: list[int] = field(default_factory=list)      # cells of 'Rp' alone before the amount
    twice: dict[int, tuple] = field(default_factory=dict)  # a money column not read -> (field,
                                                            # the column read, both captions)
    hidden: dict[int, str] = field(default_factory=dict)   # columns hidden in Excel, not read:
                                                            # column -> its header as written

    def hidden_unread(self) -> list[tuple[int, str]]:
        """The hidden columns whose header names a field of the table (a second "Pagu")."""
        return [(c, text) for c, text in self.hidden.items()
                if self.table.field_for(self.labels.get(c, ""))]

    @property
    def top(self) -> int:
        """The first row of the header, group headers above the block included."""
        return self.groups[0] if self.groups else self.header_first

    @property
    def first_col(self) -> int:
        return min(c for cols in self.columns.values() for c in cols)

    @property
    def last_col(self) -> int:
        return max(c for cols in self.columns.values() for c in cols)

    def col(self, name: str) -> int | None:
        cols = self.columns.get(name)
        return cols[0] if cols else None

    def year_label(self, n1: bool) -> str:
        year = self.years[1 if n1 else 0]
        if year:
            return str(year)
        return "n+1" if n1 else "n"


def is_numbering_row(texts: list[tuple[int, str]]) -> bool:
    """'(1) (2) … (10)' or '1 2 … 10' or '(8) = (7/6)': column numbers under a header."""
    if len(texts) < 3:
        return False
    numbers = []
    for _, text in texts:
        match = _NUMBERING.match(text)
        if not match:
            return False
        numbers.append(int(match.group(1)))
    return all(b > a for a, b in zip(numbers, numbers[1:])) and numbers[0] <= 2


def _headerish(texts: list[tuple[int, str]]) -> bool:
    """Header cells are words: no digits apart from years and 'n+1'."""
    if not texts:
        return False
    for _, text in texts:
        if _DIGIT.search(_HEADER_NUMBERS.sub("", text)):
            return False
    return True


def _row_fields(grid: Grid, r: int, table: TableDef) -> set[str]:
    found = set()
    for _, text in grid.texts(r):
        fdef = table.field_for(normalise_label(text))
        if fdef:
            found.add(fdef.name)
    return found


def find_layouts(grid: Grid, table: TableDef, start: int = 0,
                 scan_rows: int = HEADER_SCAN_ROWS) -> Layout | None:
    """The first header of `table` at or below row `start` (within `scan_rows` rows)."""
    required = set(table.required)
    stop = min(grid.height, start + scan_rows)
    for r in range(start, stop):
        texts = grid.texts(r)
        # a header's first row has several cells; a lone cell is a title line ("RENCANA
        # PROGRAM DAN KEGIATAN … PRAKIRAAN MAJU …"), even when merged across the table
        if len(texts) < 2 or not _headerish(texts) or is_numbering_row(texts):
            continue
        first = _row_fields(grid, r, table)
        if not first:
            continue
        block = [r]
        fields = set(first)
        numbering = None
        nxt = r + 1
        while nxt < grid.height and len(block) < MAX_HEADER_ROWS + 1:
            row_texts = grid.texts(nxt)
            if not row_texts:
                if len(block) > 1 and fields >= required:
                    break
                nxt += 1                     # a blank row inside a header is tolerated once
                if nxt - r > MAX_HEADER_ROWS + 1:
                    break
                continue
            if is_numbering_row(row_texts):
                numbering = nxt
                break
            if not _headerish(row_texts):
                break
            block.append(nxt)
            fields |= _row_fields(grid, nxt, table)
            nxt += 1
        if not fields >= required and not any(f.multi and f.name in fields for f in table.fields):
            continue          # (a multi-cell code header may hide the name columns: see below)
        layout = build_layout(grid, table, block, numbering)
        if layout:
            _names_beside_the_code(grid, layout)
            amounts_beside_rp(grid, layout)
        if layout and set(table.required) <= {k.removesuffix("_n1") for k in layout.columns}:
            layout.title_lines = title_lines(grid, r, depth=10, cells=None)
            layout.groups = group_rows(grid, r)
            if layout.years == (None, None):      # no year in the header: the title's
                layout.years = title_year(layout.title_lines)
            return layout
    return None


def _names_beside_the_code(grid: Grid, layout: Layout, sample: int = 40) -> None:
    """'Kode | Program | Kegiatan | Sub Kegiatan' can be one code over four cells, or a code
    followed by one name column per level. The header words cannot tell; the values can: a
    column of the code whose cells hold words, not code parts, and the ones after it, are
    the name columns."""
    cols = layout.columns.get("kode", [])
    if len(cols) < 2:
        return
    stop = min(grid.height, layout.header_last + 1 + sample)
    coded = [r for r in range(layout.header_last + 1, stop)       # rows of this table only
             if cell_text(grid.raw(r, cols[0])) and looks_like_code(grid.raw(r, cols[0]))]
    for j, c in enumerate(cols[1:], start=1):
        filled = [v for v in (grid.raw(r, c) for r in coded) if cell_text(v)]
        words = [v for v in filled if isinstance(v, str) and _WORD.search(v)
                 and not looks_like_code(v)]
        if words and len(words) >= 0.6 * len(filled):
            layout.columns["kode"] = cols[:j]
            if "nama" in layout.columns:
                layout.unmapped += cols[j:]
            else:
                layout.columns["nama"] = cols[j:]
            return


def header_labels(grid: Grid, block: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Each column's label: the text of all its header rows (normalised, and as written)."""
    width = grid.width
    labels: dict[int, str] = {}
    raw_labels: dict[int, str] = {}
    # group headers written once, without a merge, stand for the columns to their right
    filled: dict[tuple[int, int], str] = {}
    for i, r in enumerate(block[:-1]):
        below = block[i + 1]
        current = None
        for c in range(width):
            text = cell_text(grid.value(r, c))
            below_text = cell_text(grid.value(below, c))
            if text:
                current = text if below_text else None
            elif current and below_text:
                filled[(r, c)] = current
            else:
                current = None
    for c in range(width):
        parts: list[str] = []
        for r in block:
            text = cell_text(grid.value(r, c)) or filled.get((r, c), "")
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        if parts:
            raw_labels[c] = " ".join(parts)
            labels[c] = normalise_label(raw_labels[c])
    return labels, raw_labels


def build_layout(grid: Grid, table: TableDef, block: list[int],
                 numbering: int | None) -> Layout | None:
    """The layout of a header block: each column's label and, by `columns.map_columns`, its
    field (the plan's by `PlanKeys`: year n / n+1, Semula / Menjadi, pairs; any other table's
    by name). Columns hidden in Excel (last year's figures, a scratch column) are read only
    for a field no visible column has: a hidden "Pagu" is never taken for the plan's pagu
    beside a visible one (`Layout.hidden` lists those left unread)."""
    labels, raw_labels = header_labels(grid, block)
    every = _layout_of(table, block, numbering, labels, raw_labels)
    hidden = sorted(c for c in getattr(grid.sheet, "hidden_cols", ()) if c in labels)
    if not hidden or every is None:
        return every
    visible = {c: t for c, t in labels.items() if c not in hidden}
    layout = _layout_of(table, block, numbering, visible, {c: raw_labels[c] for c in visible})
    needed = {k for k, cols in every.columns.items() if set(cols) & set(hidden)}
    if layout is None or needed - set(layout.columns):
        return every
    layout.labels = labels
    layout.hidden = {c: raw_labels[c] for c in hidden}
    layout.unmapped += hidden
    return layout


def _layout_of(table: TableDef, block: list[int], numbering: int | None,
               labels: dict[int, str], raw_labels: dict[int, str]) -> Layout | None:
    if table.options.get("reader") == "plan":
        keys = PlanKeys(table, labels, raw_labels)
        years = keys.years
    else:
        keys, years = FieldKeys(table, labels), (None, None)
    seconds: dict = {}
    columns, unmapped = map_columns(table, labels, keys, seconds=seconds)
    if not columns:
        return None
    twice = {c: (col.key, col.col, raw_labels[c], raw_labels[col.col])  # a second year-n pagu:
             for c, (col, fdef) in seconds.items() if fdef.money}     # said, not read
    return Layout(table=table, header_first=block[0],
                  header_last=numbering if numbering is not None else block[-1],
                  numbering_row=numbering, columns={col.key: list(col.cells) for col in columns},
                  labels=labels, years=years, unmapped=unmapped, twice=twice,
                  money_factor={col.col: col.factor for col in columns if col.kind == "money"})


def wordy(texts) -> bool:
    """Header-like: every cell is words (no digits apart from years and '(1)' numbering)."""
    for _, text in texts:
        stripped = re.sub(r"\(\s*\d{1,2}\s*\)", "", _YEAR_NUMBER.sub("", strip_years(text)))
        stripped = stripped.replace("n+1", "")
        if re.search(r"\d", stripped):
            return False
    return True


def group_rows(grid: Grid, first: int) -> list[int]:
    """Group header rows right above a header block starting at row `first` ('TAHUN 2022' |
    'TAHUN 2023' over the Target columns)."""
    rows = []
    r = first - 1
    while r >= 0 and len(rows) < 2:
        texts = grid.texts(r)
        if not texts or not wordy(texts) or TITLE.match(texts[0][1]):
            break
        if len(texts) < 2 and not grid.is_merged_copy(r, texts[0][0] + 1):
            break
        rows.insert(0, r)
        r -= 1
    return rows


def full_labels(grid: Grid, layout: Layout) -> tuple[dict[int, str], dict[int, str]]:
    """Column -> its label with the group headers above the block; column -> the group text
    alone."""
    full: dict[int, str] = {}
    group_text: dict[int, str] = {}
    for c, label in sorted(layout.labels.items()):
        group = " ".join(normalise_label(cell_text(grid.value(g, c))) for g in layout.groups).strip()
        group_text[c] = group
        full[c] = f"{group} {label}".strip() if group and not label.startswith(group) else label
    return full, group_text


def title_lines(grid: Grid, r: int, depth: int = 4, cells: int | None = 2) -> list[str]:
    """The lines of the `depth` rows above row r: those of at most `cells` cells (None: all)."""
    lines = []
    for rr in range(max(0, r - depth), r):
        texts = grid.texts(rr)
        if texts and (cells is None or len(texts) <= cells):
            lines.append(" ".join(t for _, t in texts))
    return lines


def column_numbers(grid: Grid, layout: Layout) -> dict[int, str]:
    """Column -> "(8)" from the column-number row."""
    numbering = {}
    if layout.numbering_row is not None:
        for c, text in grid.texts(layout.numbering_row):
            match = re.match(r"^\(?\s*(\d{1,2})\s*\)?", text)
            if match:
                numbering[c] = f"({match.group(1)})"
    return numbering
