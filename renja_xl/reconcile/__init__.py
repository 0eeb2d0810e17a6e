"""Stage 4, reconcile: rules across rows and tables.

`budget` (roll-ups and hierarchy of the plan), `planset` (a plan split over sheets reconciled as
one), `rollup` (parent = Σ children for the Review halves and the Renstra years), `review`
(levels from codes or names, Review RKPD halves), `renstra` (the Renstra matrix, the Renja
against it), `crosscheck` (between tables), `other` (runs the checks each table's section of
tables.toml declares).

May import: `renja_xl.report`, `renja_xl.read`, `renja_xl.tables`, `renja_xl.validate`.
"""
