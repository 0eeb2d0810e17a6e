"""Stage 3, validate: row-level rules on the normalised tables.

`schema` (the plan's pandera schema, lazy), `table_schema` (one pandera schema per other table
kind, generated from tables.toml), `targets` (units, percentages, n+1 pairs), `nomenclature`
(codes, names, standard indicators and units against the official list; `nomenclature_read`
reads the Kemendagri workbook or a kode/nama list, `nomenclature_store` keeps it in the user's
data folder), `computed` (computed columns of the other tables), `usulan`.

May import: `renja_xl.report`, `renja_xl.read`, `renja_xl.tables`.
"""
