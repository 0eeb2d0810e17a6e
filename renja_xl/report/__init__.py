"""Findings: the rules table and the typed issues and reports.

`rules` loads every rule (id, category, severity, Indonesian and English templates, a
one-line description) from its one place, `schemas/rules.toml`; `issues` holds the typed
`Issue`, `FileResult`, `TableInfo` and `Report` (JSON, DataFrame, HTML); `data` parses the
files of `schemas/` once for every stage. Every stage reports
through these, so this folder is the base of the house.

May import: nothing else from `renja_xl`.
"""
