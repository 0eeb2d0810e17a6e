"""Which standard table a header is: the other tables' step on top of the one header mapper.

`next_table(grid, defs, start, stop)` finds, among the table definitions of
`schemas/tables.toml` (tried in that file's order), the header that comes first below `start`:
`layout.find_layouts` reads the header block; here data rows written as words are trimmed off
it, the group headers above it are added to its labels, each column gets its field and record
key from `columns.map_columns` (`SeriesKeys`: field, then the half — `_rkpd`, `_analisis`, or
the year of an IKU half — and the year of a series column, `target_2023`), and the
definition's gates are applied: forbidden words, title words, required fields, halves; a
header with the plan's Kode + name + Pagu is the plan's unless the table's defining words say
otherwise; every other column of a summary table is a value column (`value_columns`).
`identify(grid, layout)` is the same question asked by the plan reader: is this Kode + Pagu
header a Review RKPD or a Renstra (`identity` / `identity_years` / `identity_titles` in
tables.toml)?
"""
from __future__ import annotations

from dataclasses import dataclass

from ..report.issues import column_letter
from .columns import Column, SeriesKeys, map_columns, phrase_in
from .currency import columns_beside_rp
from .defs import TableDef, normalise_label, other_tables, table_defs
from .layout import (HEADER_SCAN_ROWS, Grid, Layout, build_layout, cell_text, column_numbers,
                     find_layouts, full_labels, is_numbering_row, title_lines)

__all__ = ["Found", "next_table", "other_table_starts", "identify", "other_defs",
           "NEXT_HEADER_ROWS"]

NEXT_HEADER_ROWS = 6        # a new table's header starts within this many rows of its title


def other_defs(exclude: str | None = None) -> list[TableDef]:
    """The other tables' definitions in the order of tables.toml (the order they are tried)."""
    defs = table_defs()
    return [defs[t] for t in other_tables() if t != exclude]


def identify(grid: Grid, layout: Layout) -> TableDef | None:
    """The other table whose defining header words this header has (the two halves of a
    Review RKPD, the years of a Renstra …), or None. The plan reader asks before it reads a
    header that has Kode and Pagu as a plan table."""
    labels = list(layout.labels.values())
    for r in layout.groups:
        labels += [normalise_label(t) for _, t in grid.texts(r)]
    titles = title_lines(grid, layout.top, depth=3)
    return next((d for d in other_defs() if d.identified_by(labels, titles)), None)


def _plan_like(labels) -> bool:
    """The header has the plan table's required columns (Kode, name, Pagu)."""
    plan = next((d for d in table_defs().values() if d.options.get("reader") == "plan"), None)
    if plan is None:
        return False
    names = {f.name for f in map(plan.field_for, labels) if f is not None}
    return set(plan.required) <= names


def table_columns(grid: Grid, layout: Layout,
                  table: TableDef) -> tuple[list[Column], list[int]] | None:
    """Record keys for the header's columns, or None when the header is another table's."""
    opts = table.options
    full, group_text = full_labels(grid, layout)
    forbid = [normalise_label(w) for w in opts.get("forbid_words", ())]
    if any(phrase_in(w, label) for w in forbid for label in full.values()):
        return None
    titles = title_lines(grid, layout.top)
    if opts.get("title_words"):
        haystack = normalise_label(" ".join(list(full.values()) + titles))
        if not any(phrase_in(normalise_label(w), haystack) for w in opts["title_words"]):
            return None
    numbers = column_numbers(grid, layout)
    every = _mapped(table, full, group_text, numbers, titles)
    hidden = [c for c in getattr(grid.sheet, "hidden_cols", ()) if c in full]
    if every is not None and hidden:
        # a column hidden in Excel (last year's figures) is read only for a key no visible one has
        shown = {c: t for c, t in full.items() if c not in hidden}
        visible = _mapped(table, shown, group_text, numbers, titles)
        if visible is not None and not {c.key for c in every[0]} - {c.key for c in visible[0]}:
            every = visible[0], visible[1] + hidden
    if every is None:
        return None
    columns, unmapped = every
    columns_beside_rp(grid, layout.header_last, columns, unmapped)
    if opts.get("value_columns"):
        columns += _value_columns(grid, layout, unmapped)
    return columns, unmapped


def _mapped(table: TableDef, full: dict[int, str], group_text: dict[int, str],
            numbers: dict[int, str], titles: list[str]):
    """The columns with their keys (`SeriesKeys`) and the unmapped ones, or None when the
    table's gates refuse them."""
    keys = SeriesKeys(table, full, group_text, titles)
    columns, unmapped = map_columns(table, full, keys, numbers)
    if not _accepted(table, columns, full, titles[-3:]):
        return None
    return columns, unmapped


def _value_columns(grid: Grid, layout: Layout, unmapped: list[int]) -> list[Column]:
    """Every other column of a summary table (`value_columns`) holds a value: money when its
    header has a phrase of `value_money_words`, else a number."""
    words = [normalise_label(w) for w in layout.table.options.get("value_money_words", ())]
    extra = []
    for c in unmapped:
        label = layout.labels.get(c, "")
        money = any(phrase_in(w, label) for w in words)
        extra.append(Column(key=label.replace(" ", "_") or f"kolom_{column_letter(c)}",
                            name="nilai", col=c, kind="money" if money else "number",
                            caption=_raw_header(grid, layout, c)))
    return extra


def _raw_header(grid: Grid, layout: Layout, c: int) -> str:
    """The header cells of column c as written, each text once (numbering row left out)."""
    parts: list[str] = []
    for r in range(layout.header_first, (layout.numbering_row or layout.header_last + 1)):
        text = cell_text(grid.value(r, c))
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


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
    numbering = r + 1 if is_numbering_row(grid.texts(r + 1)) else None
    trimmed = build_layout(grid, layout.table, block, numbering)   # the same, on fewer rows
    if trimmed is None:
        return None
    trimmed.title_lines, trimmed.groups = layout.title_lines, layout.groups
    return trimmed


@dataclass(slots=True)
class Found:
    table: TableDef
    layout: Layout
    columns: list[Column]
    unmapped: list[int]

    @property
    def top(self) -> int:
        """The first header row, group rows included."""
        return self.layout.top


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
            mapped = table_columns(grid, layout, table)
            if mapped is not None:
                best = Found(table, layout, mapped[0], mapped[1])
                break
            pos = layout.header_first + 1
    return best


def other_table_starts(grid: Grid, r: int, current: TableDef) -> bool:
    """Does the header of another kind of standard table start within the next rows?"""
    defs = other_defs(exclude=current.id)
    return next_table(grid, defs, r, min(grid.height, r + NEXT_HEADER_ROWS + 2)) is not None
