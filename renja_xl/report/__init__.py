"""Findings: the rules table and the typed issues and reports.

`rules` holds every rule (id, category, severity, Indonesian and English templates) in one
place; `issues` the typed `Issue`, `FileResult`, `TableInfo` and `Report` (JSON, DataFrame,
HTML). Every stage reports through these, so this folder is the base of the house.

May import: nothing else from `renja_xl`.
"""
