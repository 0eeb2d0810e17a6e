"""Stage 3, validate: row-level rules on the normalised tables.

`schema` (pandera, lazy), `targets` (units, percentages, n+1 pairs), `nomenclature` (codes and
names against the official list), `computed` (computed columns of the other tables), `usulan`.

May import: `renja_xl.report`, `renja_xl.read`, `renja_xl.tables`.
"""
