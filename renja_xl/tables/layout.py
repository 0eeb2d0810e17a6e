"""Finding a table's header on a sheet and giving each column its field.

Works on any standard table definition (`tables.TableDef`): a header of one to four rows
(merged group headers such as "Rencana Tahun 2025" over Lokasi/Target/Pagu), an optional row
of column numbers "(1) (2) …", title lines above, anywhere on the sheet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.codes import looks_like_code
from .currency import amounts_beside_rp
from .periods import period, plan_years, says_n1, title_year
from .defs import TableDef, normalise_label
from ..read.workbook import Sheet

__all__ = ["Grid", "Layout", "find_layouts", "cell_text", "is_numbering_row"]

HEADER_SCAN_ROWS = 150          # a table's header starts within this many rows of the sheet
MAX_HEADER_ROWS = 4
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
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
        layout = _build_layout(grid, table, block, numbering)
        if layout:
            _names_beside_the_code(grid, layout)
            amounts_beside_rp(grid, layout)
        if layout and set(table.required) <= {k.removesuffix("_n1") for k in layout.columns}:
            layout.title_lines = _titles_above(grid, r)
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


def _titles_above(grid: Grid, r: int, depth: int = 10) -> list[str]:
    lines = []
    for rr in range(max(0, r - depth), r):
        texts = grid.texts(rr)
        if texts:
            lines.append(" ".join(t for _, t in texts))
    return lines


def _variant(label: str, table: TableDef) -> str | None:
    """What a plan column is beyond its field (words from tables.toml): 'semula', 'menjadi'
    or 'selisih' in a Renja Perubahan; 'outcome' or 'output' for the two indicator pairs of a
    DPA-like layout (a label naming both, "Program (outcome)/Kegiatan (output)", is neither)."""
    padded = f" {label} "

    def says(words) -> bool:
        return any(f" {normalise_label(w)} " in padded for w in words)
    words = table.options.get("perubahan") or {}
    for variant in ("selisih", "semula", "menjadi"):
        if says(words.get(variant, ())):
            return variant
    pairs = table.options.get("pairs") or {}
    outcome, output = says(pairs.get("outcome", ())), says(pairs.get("output", ()))
    if outcome != output:
        return "outcome" if outcome else "output"
    return None


def _pair_column(columns: dict, name: str, c: int, variant: str, label: str, n1_year,
                 raw: str) -> bool:
    """The outcome and output indicator/target of the same year share their field: the output
    (keluaran) column first, read where filled, the outcome column after it. Never n+1 unless
    the header says so."""
    name += "_n1" if says_n1(label, raw, n1_year) else ""
    cols = columns.setdefault(name, [])
    if len(cols) >= 2:
        return False
    if variant == "output":
        cols.insert(0, c)
    else:
        cols.append(c)
    return True


def _header_labels(grid: Grid, block: list[int]) -> tuple[dict[int, str], dict[int, str]]:
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


def _build_layout(grid: Grid, table: TableDef, block: list[int],
                  numbering: int | None) -> Layout | None:
    """The layout of a header block. Columns hidden in Excel (last year's figures, a scratch
    column) are read only for a field no visible column has: a hidden "Pagu" is never taken
    for the plan's pagu beside a visible one (`Layout.hidden` lists those left unread)."""
    labels, raw_labels = _header_labels(grid, block)
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
    years_all = sorted({int(y) for text in raw_labels.values()
                        for y in re.findall(r"\b((?:19|20)\d{2})\b", text)})
    n_year, n1_year = plan_years(years_all)
    columns: dict[str, list[int]] = {}
    unmapped = []
    per_year_seen: dict[str, int] = {}
    money_factor: dict[int, float] = {}
    twice: dict[int, tuple[str, int, str, str]] = {}
    for c in sorted(labels):
        fdef = table.field_for(labels[c])
        variant = _variant(labels[c], table)
        if fdef is None and variant == "selisih":
            fdef = table.field_for("pagu")             # a lone "Bertambah/(Berkurang)" column
        if fdef is None or (variant == "selisih" and not fdef.money):
            unmapped.append(c)
            continue
        name = fdef.name
        if variant in ("outcome", "output") and name in ("indikator", "target", "satuan"):
            if not _pair_column(columns, name, c, variant, labels[c], n1_year, raw_labels[c]):
                unmapped.append(c)
            continue
        if fdef.per_year and variant in ("semula", "menjadi", "selisih"):   # all of year n
            name = {"semula": name + "_semula", "selisih": "pagu_selisih"}.get(variant, name)
            name += "_n1" if says_n1(labels[c], raw_labels[c], n1_year) else ""
        elif fdef.per_year:
            when = period(labels[c], raw_labels[c], n_year, n1_year, per_year_seen.get(name, 0))
            if when is None:                 # an earlier year (realisasi n-1): not the plan
                unmapped.append(c)
                continue
            per_year_seen[name] = per_year_seen.get(name, 0) + 1
            name += "_n1" if when == "n1" else ""
        if fdef.money:
            for word, factor in table.money_units.items():
                if f" {word} " in f" {labels[c]} ":
                    money_factor[c] = float(factor)
        if name in columns and not fdef.multi:
            unmapped.append(c)
            if fdef.money:
                first = columns[name][0]                # a second year-n pagu: said, not read
                twice[c] = (name, first, raw_labels[c], raw_labels[first])
            continue
        if fdef.multi and name in columns and c != columns[name][-1] + 1:
            unmapped.append(c)              # a second, separate "Kode" column
            continue
        columns.setdefault(name, []).append(c)
    if not columns:
        return None
    return Layout(table=table, header_first=block[0],
                  header_last=numbering if numbering is not None else block[-1],
                  numbering_row=numbering, columns=columns, labels=labels,
                  money_factor=money_factor, years=(n_year, n1_year), unmapped=unmapped,
                  twice=twice)
