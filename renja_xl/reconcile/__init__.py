"""Stage 4, reconcile: rules across rows and tables.

`budget` (roll-ups and hierarchy of the plan), `planset` (a plan split over sheets reconciled as
one), `review` (Review RKPD halves), `crosscheck` (between tables), `other` (runs the checks of
the other tables).

May import: `renja_xl.report`, `renja_xl.read`, `renja_xl.tables`, `renja_xl.validate`.
"""
