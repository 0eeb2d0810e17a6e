"""Stage 2, tables: grids to normalised tables.

`defs` loads the table definitions from `schemas/tables.toml` (tried in that file's order,
known by their defining header words); `layout` and `header` find the
header of a table (any sheet, any row, merged groups); `rowkinds` tells data rows from titles,
footers, totals and page-break repeats; `walk` is the one row walker (`RowWalker`) both table
readers build on: `plan` reads the core plan table, `generic` the other tables (their value
cells: `cells`), into the typed records of `records` (`PlanRow`, `TableRow`); `reader` reads a
whole workbook (`read_file`, `read_renja`).

May import: `renja_xl.report`, `renja_xl.read`.
"""
