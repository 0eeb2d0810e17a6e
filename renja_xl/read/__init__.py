"""Stage 1, read: bytes to cell grids.

`sniff` tells the format from the bytes, `guard` refuses hostile files before anything is
allocated (with `sheetxml`: one pass over each OOXML sheet that also finds formulas without a
value and percent cells; `extents`: ODS, XLSB and BIFF; `parts`: where the sheets and styles
are; `limits`: ReadError and Limits), `workbook` loads sheets as grids (calamine) with merged
ranges, formula and percent information; `numbers` and `codes` read Indonesian money/targets and Permendagri 90 codes from
cell values.

May import: `renja_xl.report` only.
"""
