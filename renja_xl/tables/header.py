"""Where a standard table's header is, which table it is, and what each column holds.

`next_table(grid, defs, start, stop)` finds, among the table definitions of
`schemas/tables.toml` (tried in that file's order), the header that comes first below `start`
(`layout.find_layouts` finds the header rows; here the group headers above it are added, data
rows written as words are trimmed off it, and the definition's gates are applied: forbidden
words, title words, required fields, halves; a header with the plan's Kode + name + Pagu is
the plan's unless the table's defining words say otherwise). `identify(grid, layout)` is the
same question asked by the plan reader: is this Kode + Pagu header a Review RKPD or a Renstra
(`identity` / `identity_years` / `identity_titles` in tables.toml)? Each column gets a record key: field name, then the half (`_rkpd`,
`_analisis`, or the year of an IKU half) and the year of a series column (`target_2023`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .layout import (HEADER_SCAN_ROWS, Grid, Layout, cell_text, find_layouts, is_numbering_row,
                     strip_years)
from .currency import columns_beside_rp
from .defs import TableDef, normalise_label, other_tables, table_defs

__all__ = ["Column", "Found", "next_table", "other_table_starts", "title_lines", "phrase_in",
           "wordy", "identify", "other_defs", "TITLE", "NEXT_HEADER_ROWS"]

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
TITLE = re.compile(r"^\s*(tabel|tabael|table|t\s*-\s*[a-z]\.?\s*\d)", re.I)
NEXT_HEADER_ROWS = 6        # a new table's header starts within this many rows of its title
_YEAR_NUMBER = re.compile(r"\btahun\s*-?\s*(?:ke\s*-?\s*)?[1-9]\b", re.I)


def other_defs(exclude: str | None = None) -> list[TableDef]:
    """The other tables' definitions in the order of tables.toml (the order they are tried)."""
    defs = table_defs()
    return [defs[t] for t in other_tables() if t != exclude]


def identify(grid: Grid, layout: Layout) -> TableDef | None:
    """The other table whose defining header words this header has (the two halves of a
    Review RKPD, the years of a Renstra …), or None. The plan reader asks before it reads a
    header that has Kode and Pagu as a plan table."""
    labels = list(layout.labels.values())
    groups = _group_rows(grid, layout)
    for r in groups:
        labels += [normalise_label(t) for _, t in grid.texts(r)]
    titles = title_lines(grid, layout.header_first - len(groups), depth=3)
    return next((d for d in other_defs() if d.identified_by(labels, titles)), None)


_YEAR_INDEX = re.compile(r"\btahun (?:ke )?([1-9])\b")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai|hingga)\s*(?:19|20)\d{2}\b",
                     re.I)


def _first_year(titles: list[str]) -> int | None:
    """The first year of a multi-year period named in the title lines ('Renstra 2025–2029')."""
    for line in titles:
        match = _PERIOD.search(line)
        if match:
            return int(match.group(1))
    return None


def _plan_like(labels) -> bool:
    """The header has the plan table's required columns (Kode, name, Pagu)."""
    plan = next((d for d in table_defs().values() if d.options.get("reader") == "plan"), None)
    if plan is None:
        return False
    names = {f.name for f in map(plan.field_for, labels) if f is not None}
    return set(plan.required) <= names


@dataclass(slots=True)
class Column:
    key: str                     # record key: field name + half + year
    name: str                    # field name in tables.toml
    col: int                     # 0-based column
    kind: str = "text"
    caption: str = ""
    year: int | None = None
    half: str | None = None
    number: str | None = None    # "(8)" from the column-number row
    factor: float = 1.0          # money unit from the header ("(Ribuan)" = 1000)
    span: tuple[int, ...] | None = None   # all the cells of a code over several columns

    @property
    def title(self) -> str:
        """How a message names the column: '(8) Tingkat Realisasi (%)'."""
        parts = [p for p in (self.number, self.caption or self.name) if p]
        return " ".join(parts)


def wordy(texts) -> bool:
    """Header-like: every cell is words (no digits apart from years and '(1)' numbering)."""
    for _, text in texts:
        stripped = re.sub(r"\(\s*\d{1,2}\s*\)", "", _YEAR_NUMBER.sub("", strip_years(text)))
        stripped = stripped.replace("n+1", "")
        if re.search(r"\d", stripped):
            return False
    return True


def _group_rows(grid: Grid, layout: Layout) -> list[int]:
    """Group header rows right above the found header ('TAHUN 2022' | 'TAHUN 2023')."""
    rows = []
    r = layout.header_first - 1
    while r >= 0 and len(rows) < 2:
        texts = grid.texts(r)
        if not texts or not wordy(texts) or TITLE.match(texts[0][1]):
            break
        if len(texts) < 2 and not grid.is_merged_copy(r, texts[0][0] + 1):
            break
        rows.insert(0, r)
        r -= 1
    return rows


def phrase_in(phrase: str, label: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {label} "


def map_columns(grid: Grid, layout: Layout, table: TableDef) -> tuple[list[Column], list[int]] | None:
    """Record keys for the header's columns, or None when the header is another table's."""
    opts = table.options
    groups = _group_rows(grid, layout)
    full, group_text = _full_labels(grid, layout, groups)
    forbid = [normalise_label(w) for w in opts.get("forbid_words", ())]
    if any(phrase_in(w, label) for w in forbid for label in full.values()):
        return None
    titles = title_lines(grid, layout.header_first - len(groups))
    if opts.get("title_words"):
        haystack = normalise_label(" ".join(list(full.values()) + titles))
        if not any(phrase_in(normalise_label(w), haystack) for w in opts["title_words"]):
            return None
    first_year = _first_year(titles) if opts.get("year_from_title") else None
    numbering = _numbering(grid, layout)
    every = _mapped(table, full, group_text, numbering, first_year, titles)
    hidden = [c for c in getattr(grid.sheet, "hidden_cols", ()) if c in full]
    if every is not None and hidden:
        # a column hidden in Excel (last year's figures) is read only for a key no visible one has
        shown = {c: t for c, t in full.items() if c not in hidden}
        visible = _mapped(table, shown, group_text, numbering, first_year, titles)
        if visible is not None and not {c.key for c in every[0]} - {c.key for c in visible[0]}:
            every = visible[0], visible[1] + hidden
    if every is not None:
        columns_beside_rp(grid, layout.header_last, every[0], every[1])
    return every


def _mapped(table: TableDef, full, group_text, numbering, first_year, titles):
    half_of, fdefs = _halves(table, full, group_text)
    columns, unmapped = _columns(table, full, fdefs, half_of, numbering, first_year)
    if not _accepted(table, columns, full, titles[-3:]):
        return None
    return columns, unmapped


def _full_labels(grid: Grid, layout: Layout, groups: list[int]):
    """Column -> its label with the group headers above it; column -> the group text alone."""
    full: dict[int, str] = {}
    group_text: dict[int, str] = {}
    for c, label in sorted(layout.labels.items()):
        group = " ".join(normalise_label(cell_text(grid.value(g, c))) for g in groups).strip()
        group_text[c] = group
        full[c] = f"{group} {label}".strip() if group and not label.startswith(group) else label
    return full, group_text


def _numbering(grid: Grid, layout: Layout) -> dict[int, str]:
    """Column -> "(8)" from the column-number row."""
    numbering = {}
    if layout.numbering_row is not None:
        for c, text in grid.texts(layout.numbering_row):
            match = re.match(r"^\(?\s*(\d{1,2})\s*\)?", text)
            if match:
                numbering[c] = f"({match.group(1)})"
    return numbering


def _halves(table: TableDef, full: dict[int, str], group_text: dict[int, str]):
    """Column -> its half (`rkpd`/`analisis`, or the year of an IKU half), and column -> its
    field, matched on the label without the half's words."""
    halves = table.options.get("halves")
    half_of: dict[int, str | None] = {}
    match_label: dict[int, str] = {}
    for c, label in full.items():
        half, stripped = None, label
        if halves == "year":
            years = _YEAR.findall(group_text[c]) or _YEAR.findall(label)
            if years:
                half = years[-1]
                stripped = " ".join(re.sub(r"\btahun\b|\b(19|20)\d{2}\b", " ", label).split())
        elif isinstance(halves, dict):
            for name, phrases in halves.items():
                phrase = next((p for p in map(normalise_label, phrases) if phrase_in(p, label)), None)
                if phrase:
                    half = name
                    stripped = " ".join(f" {label} ".replace(f" {phrase} ", " ", 1).split())
                    break
        half_of[c], match_label[c] = half, stripped
    fdefs = {c: table.field_for(match_label[c]) for c in full}
    if isinstance(halves, dict) and not any(half_of.values()):
        # halves without group headers: the second column of a field is the second half
        names = list(halves)
        counts = Counter(f.name for f in fdefs.values() if f)
        seen: Counter = Counter()
        for c in sorted(full):
            fdef = fdefs[c]
            if fdef and counts[fdef.name] > 1:
                half_of[c] = names[min(seen[fdef.name], len(names) - 1)]
                seen[fdef.name] += 1
    return half_of, fdefs


def _year_of(fdef, label: str, first_year: int | None) -> int | None:
    """The year a column names ("Target 2025"), or "Tahun 1" of a period starting first_year."""
    years = sorted({int(y) for y in _YEAR.findall(label)})
    year = years[-1] if (len(years) == 1 or (fdef.series and years)) else None
    if fdef.series and year is None and first_year:
        number = _YEAR_INDEX.search(label)
        year = first_year + int(number.group(1)) - 1 if number else None
    return year


def _columns(table: TableDef, full, fdefs, half_of, numbering, first_year):
    """The columns with their record keys (field + half + year), and the unmapped ones."""
    columns: list[Column] = []
    used: set[str] = set()
    unmapped: list[int] = []
    ordinal: Counter = Counter()
    for c in sorted(full):
        fdef = fdefs[c]
        if fdef is None:
            unmapped.append(c)
            continue
        year = _year_of(fdef, full[c], first_year)
        half = half_of[c]
        key = fdef.name + (f"_{half}" if half else "")
        if fdef.series:
            ordinal[key] += 1
            key = f"{key}_{year}" if year else f"{key}_{ordinal[key]}"
        if key in used:
            last = next((col for col in reversed(columns) if col.key == key), None)
            if fdef.multi and last is not None and c == (last.span or (last.col,))[-1] + 1:
                last.span = (last.span or (last.col,)) + (c,)     # a code over five cells
                continue
            unmapped.append(c)
            continue
        used.add(key)
        factor = table.money_factor(full[c]) if fdef.kind == "money" else 1.0
        columns.append(Column(key=key, name=fdef.name, col=c, kind=fdef.kind,
                              caption=fdef.caption, year=year, half=half,
                              number=numbering.get(c), factor=factor))
    return columns, unmapped


def _accepted(table: TableDef, columns: list[Column], full: dict[int, str], titles) -> bool:
    """The table's gates: not the plan's header (unless identified), required fields, halves."""
    opts = table.options
    names = {col.name for col in columns}
    if _plan_like(full.values()) and not table.identified_by(full.values(), titles):
        return False                    # the plan table's header, not this table's
    if not set(table.required) <= names:
        return False
    if opts.get("required_any") and not names & set(opts["required_any"]):
        return False
    if opts.get("require_halves") and len({col.half for col in columns if col.half}) < 2:
        return False
    return True


def _spans(grid: Grid, r: int, c: int) -> bool:
    """The cell at (r, c) is merged over the column to its right."""
    return grid.anchor(r, c + 1) == grid.anchor(r, c) and grid.is_merged_copy(r, c + 1)


def _sub_header(grid: Grid, r: int, lo: int, hi: int) -> bool:
    """Row r + 1 belongs to the header started at row r: r has a group header over several
    columns (merged, or written once over blank cells that row r + 1 fills)."""
    below = {c for c, _ in grid.texts(r + 1)}
    for c in range(lo, hi + 1):
        if _spans(grid, r, c):
            return True
        if c in below and not cell_text(grid.value(r, c)) and not grid.is_merged_copy(r, c):
            return True
    return False


def _trim_header(grid: Grid, layout: Layout) -> Layout | None:
    """The header block without the data rows `find_layouts` took for header rows because
    they hold only words (an Usulan table without numbers); None when nothing is trimmed."""
    last = layout.numbering_row - 1 if layout.numbering_row is not None else layout.header_last
    if last <= layout.header_first:
        return None
    lo, hi = min(layout.labels), max(layout.labels)
    block = [layout.header_first]
    r = layout.header_first
    while r < last and grid.texts(r + 1) and _sub_header(grid, r, lo, hi):
        r += 1
        block.append(r)
    if r >= last:
        return None
    from .layout import _build_layout           # the same labelling, on the shorter block
    numbering = r + 1 if is_numbering_row(grid.texts(r + 1)) else None
    trimmed = _build_layout(grid, layout.table, block, numbering)
    if trimmed is None:
        return None
    trimmed.title_lines = layout.title_lines
    return trimmed


def title_lines(grid: Grid, r: int, depth: int = 4) -> list[str]:
    lines = []
    for rr in range(max(0, r - depth), r):
        texts = grid.texts(rr)
        if texts and len(texts) <= 2:
            lines.append(" ".join(t for _, t in texts))
    return lines


@dataclass(slots=True)
class Found:
    table: TableDef
    layout: Layout
    columns: list[Column]
    unmapped: list[int]
    top: int                       # first header row, group rows included


def next_table(grid: Grid, defs: list[TableDef], start: int, stop: int) -> Found | None:
    """The table whose header comes first at or below `start` (before `stop`)."""
    best: Found | None = None
    for table in defs:
        pos = start
        while pos < stop:
            layout = find_layouts(grid, table, pos, scan_rows=min(HEADER_SCAN_ROWS, stop - pos))
            if layout is None or layout.header_first >= stop:
                break
            if best is not None and layout.header_first >= best.layout.header_first:
                break
            layout = _trim_header(grid, layout) or layout
            mapped = map_columns(grid, layout, table)
            if mapped is not None:
                groups = _group_rows(grid, layout)
                best = Found(table, layout, mapped[0], mapped[1],
                             groups[0] if groups else layout.header_first)
                break
            pos = layout.header_first + 1
    return best


def other_table_starts(grid: Grid, r: int, current: TableDef) -> bool:
    """Does the header of another kind of standard table start within the next rows?"""
    defs = other_defs(exclude=current.id)
    return next_table(grid, defs, r, min(grid.height, r + NEXT_HEADER_ROWS + 2)) is not None
