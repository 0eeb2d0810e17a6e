"""Data of three invented kecamatan submissions (Bobotsari, Rembang, Karangmoncol).

One module per workbook: LAYOUT (how the kecamatan laid out its sheet) and ROWS (the plan).
See ../build_others.py (the one writer) and ../OTHERS.md (layouts and deliberate faults).

A plan row is a 9-tuple
    (kode, nama, indikator, lokasi, target, pagu, sumber_dana, target_n1, pagu_n1)
- kode: canonical text ("7.01.01.2.01.0001"; "7" and "7.01" for urusan/bidang rows);
  how it is written (one text cell, five damaged number cells) is the layout's business.
- target / target_n1: text as a kecamatan types it ("12 Laporan", "100%", "100 persen");
  a layout with a Satuan column splits it into a number and the unit.
- pagu / pagu_n1: int for a sub kegiatan; None on a parent = the sum of its children
  (written as a number, text, or an =SUM() formula with its cached value, per layout);
  an int on a parent = typed by hand (used for deliberate faults); a str = written as is.
Markers between rows: BLANK (an empty row), page(footer) (footer line, blank row, repeated
header and column numbers), footer(text) (a footer line only).
"""

BLANK = ("BLANK",)


def page(text: str) -> tuple:
    """A page break: footer line, blank row, the header rows repeated."""
    return ("PAGE", text)


def footer(text: str) -> tuple:
    """A footer line only (the last page)."""
    return ("FOOTER", text)
