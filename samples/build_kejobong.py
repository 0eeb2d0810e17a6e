"""Build samples/Renja_Kec_Kejobong_2025.xlsx from the transcribed seed tables.

Run from the repository root:  python samples/build_kejobong.py
The workbook is written next to this script. Deterministic: fixed document properties,
no timestamps, so reruns give identical content. The data modules in kejobong_data/ are a
faithful transcription of the Renja Kecamatan Kejobong 2025 (seed PDF text), real errors
included; see KEJOBONG.md for the layout and the list of faults.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

from kejobong_data import evaluasi, kinerja, plan, review, stunting, tujuan, usulan  # noqa: E402

OUT = os.path.join(HERE, "Renja_Kec_Kejobong_2025.xlsx")


class Fmt:
    """The few cell formats of the workbook."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.title = wb.add_format({"bold": True, "font_size": 12})
        self.cover = wb.add_format({"bold": True, "font_size": 16, "align": "center"})
        self.head = wb.add_format({"bold": True, "text_wrap": True, "border": 1,
                                   "align": "center", "valign": "vcenter", "bg_color": "#D9D9D9"})
        self.num = wb.add_format({"italic": True, "border": 1, "align": "center",
                                  "bg_color": "#F2F2F2"})
        self.cell = wb.add_format({"text_wrap": True, "border": 1, "valign": "top"})
        self.bold = wb.add_format({"text_wrap": True, "border": 1, "valign": "top", "bold": True})
        self.money = wb.add_format({"num_format": "#,##0", "border": 1, "valign": "top"})
        self.money_bold = wb.add_format({"num_format": "#,##0", "border": 1, "valign": "top",
                                         "bold": True})
        self.plain = wb.add_format({})


def put(ws, row: int, col: int, value, fmt) -> None:
    """Write one value: str as string (even if it looks numeric), int/float as number."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, col, value, fmt)
    else:
        ws.write_number(row, col, value, fmt)


def set_widths(ws, widths) -> None:
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)


def put_row(ws, row: int, values, fmt, first_col: int = 0) -> None:
    for i, v in enumerate(values):
        put(ws, row, first_col + i, v, fmt)


def sheet_sampul(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Sampul")
    set_widths(ws, [60])
    for r, text in ((4, "RENCANA KERJA (RENJA)"), (6, "KECAMATAN KEJOBONG"),
                    (7, "KABUPATEN PURBALINGGA"), (9, "TAHUN 2025")):
        ws.write_string(r, 0, text, f.cover)


def two_row_header(ws, f: Fmt, h1: int, header_1, header_2) -> None:
    """Header on rows h1, h1+1: header_1 = (text, c1, c2, both_rows), header_2 = (text, col)."""
    h2 = h1 + 1
    for text, c1, c2, both_rows in header_1:
        last_row = h2 if both_rows else h1
        if (c1, last_row) == (c2, h1):
            ws.write_string(h1, c1, text, f.head)
        else:
            ws.merge_range(h1, c1, last_row, c2, text, f.head)
    for text, c in header_2:
        ws.write_string(h2, c, text, f.head)


def sheet_tabel_21(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 2.1")
    set_widths(ws, [12, 40, 40, 14, 14, 14, 14, 14, 14, 14, 14, 14])
    ws.write_string(0, 0, evaluasi.REKAP_TITLE, f.title)
    # two-row merged header on Excel rows 3-4
    two_row_header(ws, f, 2, evaluasi.REKAP_HEADER_1, evaluasi.REKAP_HEADER_2)
    put_row(ws, 4, evaluasi.REKAP_COLNUMS, f.num)
    r = 5
    for row in evaluasi.REKAP_ROWS:
        put_row(ws, r, row, f.cell)
        r += 1
    # the IKU comparison table, 3 blank rows below
    r += 3
    ws.write_string(r, 0, evaluasi.IKU_TITLE, f.title)
    r += 1
    for text, c1, c2 in evaluasi.IKU_GROUPS:
        ws.merge_range(r, c1, r, c2, text, f.head)
    r += 1
    put_row(ws, r, evaluasi.IKU_HEADER, f.head)
    r += 1
    for row in evaluasi.IKU_ROWS:
        put_row(ws, r, row, f.cell)
        r += 1


def sheet_kinerja(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 2.4 Kinerja")
    set_widths(ws, [5, 45, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 20])
    ws.write_string(0, 0, kinerja.TITLE, f.title)
    two_row_header(ws, f, 2, kinerja.HEADER_1, kinerja.HEADER_2)
    put_row(ws, 4, kinerja.COLNUMS, f.num)
    for i, row in enumerate(kinerja.ROWS):
        put_row(ws, 5 + i, row, f.cell)


def sheet_review(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 2.4 Review")
    set_widths(ws, [38, 20, 34, 11, 15, 38, 20, 34, 11, 15, 16])
    ws.write_string(0, 0, review.TITLE_1, f.title)
    ws.write_string(1, 0, review.TITLE_2, f.title)
    for text, c1, c2 in review.GROUPS:
        ws.merge_range(3, c1, 3, c2, text, f.head)
    ws.merge_range(3, 10, 4, 10, review.CATATAN, f.head)
    put_row(ws, 4, review.HEADER, f.head)
    put_row(ws, 5, review.COLNUMS, f.num)
    for i, (level, *vals) in enumerate(review.ROWS):
        r = 6 + i
        text_fmt = f.bold if level == "P" else f.cell
        money_fmt = f.money_bold if level == "P" else f.money
        for c, v in enumerate(vals):
            put(ws, r, c, v, money_fmt if c in (4, 9) else text_fmt)
        put(ws, r, 10, "", text_fmt)  # CATATAN PENTING, empty


def sheet_usulan(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 2.5")
    set_widths(ws, [5, 40, 40, 50, 13, 13])
    ws.write_string(0, 0, usulan.TITLE, f.title)
    put_row(ws, 2, usulan.HEADER, f.head)
    for i, row in enumerate(usulan.ROWS):
        put_row(ws, 3 + i, row, f.cell)


def sheet_stunting(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 2.3.2")
    set_widths(ws, [18, 13, 13, 13, 13, 13])
    ws.write_string(0, 0, stunting.TITLE, f.title)
    put_row(ws, 2, stunting.HEADER, f.head)
    for i, row in enumerate(stunting.ROWS):
        put_row(ws, 3 + i, row, f.bold if i == 0 else f.cell)


def sheet_tujuan(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 3.1")
    set_widths(ws, [5, 36, 36, 36, 9, 9, 9, 9, 9])
    ws.write_string(0, 0, tujuan.TITLE_1, f.title)
    ws.write_string(1, 0, tujuan.TITLE_2, f.title)
    two_row_header(ws, f, 3, tujuan.HEADER_1, tujuan.HEADER_2)
    put_row(ws, 5, tujuan.COLNUMS, f.num)
    for i, row in enumerate(tujuan.ROWS):
        put_row(ws, 6 + i, row, f.cell)


def plan_header(ws, f: Fmt, r: int) -> None:
    """The two header rows (r, r+1) of Tabel 4.1 and the column-number row (r+2)."""
    two_row_header(ws, f, r, plan.HEADER_1, plan.HEADER_2)
    ws.merge_range(r + 2, 0, r + 2, 4, plan.COLNUMS[0], f.num)
    put_row(ws, r + 2, plan.COLNUMS[1:], f.num, first_col=5)


def is_program(row) -> bool:
    return not row[3] and not row[4]


def sheet_plan(wb, f: Fmt) -> None:
    ws = wb.add_worksheet("Tabel 4.1")
    set_widths(ws, [4, 4, 4, 6, 7, 36, 36, 36, 20, 13, 15, 8, 13, 15])
    ws.write_string(0, 0, plan.TITLE, f.title)
    ws.write_string(1, 0, plan.SUBTITLE, f.title)
    plan_header(ws, f, 3)
    r = 6
    for row in plan.ROWS:
        if is_program(row) and row[2] == "02":
            # page break as a printed-to-Excel export has it: footer, blank row, header again
            ws.write_string(r, 0, plan.FOOTER, f.plain)
            r += 2
            ws.set_h_pagebreaks([r])
            plan_header(ws, f, r)
            r += 3
        bold = is_program(row)
        text_fmt = f.bold if bold else f.cell
        money_fmt = f.money_bold if bold else f.money
        for c, v in enumerate(row):
            put(ws, r, c, v, money_fmt if c in (10, 13) else text_fmt)
        r += 1


def build(path: str = OUT) -> str:
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": datetime(2025, 1, 1), "author": "Kecamatan Kejobong",
                       "title": "Renja Kecamatan Kejobong 2025"})
    f = Fmt(wb)
    sheet_sampul(wb, f)
    sheet_tabel_21(wb, f)
    sheet_kinerja(wb, f)
    sheet_review(wb, f)
    sheet_usulan(wb, f)
    sheet_stunting(wb, f)
    sheet_tujuan(wb, f)
    sheet_plan(wb, f)
    wb.close()
    return path


def _plan_rows(rows):
    """(excel_row, level, code, row) for the plan rows of Tabel 4.1 (column A holds "7")."""
    out = []
    for i, r in enumerate(rows):
        if r and r[0] == "7":
            level = "program" if not r[3] else "kegiatan" if not r[4] else "sub kegiatan"
            out.append((i + 1, level, ".".join(str(x) for x in r[:5] if x != ""), r))
    return out


def _rp(v) -> str:
    return "-" if v in ("", None) else f"{int(v):,}".replace(",", ".")


def _verify(path: str = OUT) -> None:
    """Re-open the output with python_calamine and openpyxl and print the Tabel 4.1 facts."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    cwb = CalamineWorkbook.from_path(path)
    print("sheets:", cwb.sheet_names)
    rows = cwb.get_sheet_by_name("Tabel 4.1").to_python()
    plan_rows = _plan_rows(rows)
    # round trip: the sheet holds exactly the transcribed rows
    assert [tuple("" if v is None else v for v in r) for *_, r in plan_rows] == [
        tuple("" if v is None else v for v in r) for r in plan.ROWS], "Tabel 4.1 round trip"
    for level in ("program", "kegiatan", "sub kegiatan"):
        print(f"Tabel 4.1 {level} rows:", sum(1 for p in plan_rows if p[1] == level))
    print("parent vs sum of children (2025 K, 2026 N):")
    for n, (xr, level, code, r) in enumerate(plan_rows):
        if level == "sub kegiatan":
            continue
        child = "kegiatan" if level == "program" else "sub kegiatan"
        kids = []
        for xr2, level2, _, r2 in plan_rows[n + 1:]:
            if level2 == level or (level == "kegiatan" and level2 == "program"):
                break
            if level2 == child:
                kids.append((xr2, r2))
        for col, year in ((10, 2025), (13, 2026)):
            total = sum(float(r2[col] or 0) for _, r2 in kids)
            mark = "ok" if float(r[col] or 0) == total else "SELISIH"
            print(f"  row {xr:>2} {level:8} {code:<14} {year}: {_rp(r[col]):>13} vs "
                  f"{_rp(total):>13} ({len(kids)} children, rows "
                  f"{','.join(str(x) for x, _ in kids)}) {mark}")
    two = [(xr, r[4]) for xr, level, _, r in plan_rows if level == "sub kegiatan" and len(r[4]) == 2]
    print("2-digit sub kegiatan codes (Excel row, E):", two)
    print("sub kegiatan rows without lokasi (Excel row):",
          [xr for xr, level, _, r in plan_rows if level == "sub kegiatan" and not r[8]])
    print("footer / repeated header rows:",
          [i + 1 for i, r in enumerate(rows) if r and (str(r[0]).startswith("62 |") or r[0] == "Kode")])

    wb = openpyxl.load_workbook(path)
    ws = wb["Tabel 4.1"]
    assert wb.sheetnames == cwb.sheet_names
    for xr, *_ in plan_rows:
        assert all(ws.cell(xr, c).data_type == "s" for c in range(1, 6) if ws.cell(xr, c).value)
        for c in (11, 14):
            cell = ws.cell(xr, c)
            assert cell.value is None or (isinstance(cell.value, int) and cell.number_format == "#,##0")
    print("openpyxl: codes are text, pagu are numbers with #,##0; merged in Tabel 4.1:",
          sorted(str(m) for m in ws.merged_cells.ranges))
    print("openpyxl: Tabel 4.1 row breaks:", [b.id for b in ws.row_breaks.brk])


if __name__ == "__main__":
    build()
    _verify()
