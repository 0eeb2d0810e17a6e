"""Stage 2, tables: grids to normalised tables.

`defs` loads the table definitions from `schemas/tables.toml`; `layout` and `header` find the
header of a table (any sheet, any row, merged groups); `rowkinds` tells data rows from titles,
footers, totals and page-break repeats; `plan` reads the core plan table, `generic` the other
tables; `reader` reads a whole workbook (`read_file`, `read_renja`).

May import: `renja_xl.report`, `renja_xl.read`.
"""
