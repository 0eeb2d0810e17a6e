"""Stage 6, write: what people read — the consolidated workbook, the feedback copies, the
text report and the per-table frames.

`workbook` writes the consolidated workbook (xlsxwriter), `feedback` the annotated copies of
each submission (openpyxl), `text` the text report of `check`, `frames` the other tables as
consolidation sheets, `template` (with `template_plan`, `template_sheets`) the standard Renja
template kecamatan fill in (xlsxwriter).

May import: every stage below it (`report`, `read`, `tables`, `validate`, `reconcile`).
"""
