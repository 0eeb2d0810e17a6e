"""Build samples/Renstra_Kec_Kejobong_2025-2029.xlsx from kejobong_data/renstra.py.

Run from the repository root:  python samples/build_renstra.py
Deterministic (fixed document properties). The matrix: title lines, a three-row merged
header (Target Kinerja dan Kerangka Pendanaan > Tahun 1 … Tahun 5 > Target | Rp), codes as
text, dana as numbers with #,##0; its faults are listed in kejobong_data/renstra.py and
README.md.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

from kejobong_data import renstra  # noqa: E402

OUT = os.path.join(HERE, "Renstra_Kec_Kejobong_2025-2029.xlsx")
FIRST = 5                                   # 0-based first data row (Excel row 6)


def _header(ws, head) -> None:
    for c, text in enumerate(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
                              "Satuan", "Kondisi Kinerja Awal (2024)"]):
        ws.merge_range(2, c, 4, c, text, head)
    ws.merge_range(2, 5, 2, 14, "Target Kinerja dan Kerangka Pendanaan", head)
    for i in range(5):
        ws.merge_range(3, 5 + 2 * i, 3, 6 + 2 * i, f"Tahun {i + 1}", head)
        ws.write_string(4, 5 + 2 * i, "Target", head)
        ws.write_string(4, 6 + 2 * i, "Rp", head)
    ws.merge_range(2, 15, 3, 16, "Kondisi Kinerja pada Akhir Periode Renstra", head)
    ws.write_string(4, 15, "Target", head)
    ws.write_string(4, 16, "Rp", head)
    ws.merge_range(2, 17, 4, 17, "Lokasi", head)
    ws.merge_range(2, 18, 4, 18, "Perangkat Daerah Penanggung Jawab", head)


def _row(ws, r: int, item: dict, cell, money) -> None:
    ws.write_string(r, 0, item["kode"], cell)
    for c, key in ((1, "nama"), (2, "indikator"), (3, "satuan")):
        ws.write_string(r, c, item[key], cell)
    ws.write_number(r, 4, item["awal"], cell)
    for k in range(5):
        ws.write_number(r, 5 + 2 * k, item["targets"][k], cell)
        if (item["kode"], 2025 + k) == renstra.BROKEN:
            ws.write_formula(r, 6 + 2 * k, f"=M{r + 1}*#REF!", money, "#REF!")
        else:
            ws.write_number(r, 6 + 2 * k, item["dana"][k], money)
    ws.write_number(r, 15, item["akhir"], cell)
    ws.write_number(r, 16, sum(item["dana"]), money)
    ws.write_string(r, 17, renstra.PLACE, cell)
    ws.write_string(r, 18, renstra.PLACE, cell)


def build(path: str = OUT) -> str:
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": datetime(2025, 1, 1), "author": "Kecamatan Kejobong",
                       "title": "Renstra Kecamatan Kejobong 2025-2029"})
    head = wb.add_format({"bold": True, "text_wrap": True, "border": 1, "align": "center",
                          "valign": "vcenter", "bg_color": "#D9D9D9"})
    cell = wb.add_format({"text_wrap": True, "border": 1, "valign": "top"})
    money = wb.add_format({"num_format": "#,##0", "border": 1, "valign": "top"})
    ws = wb.add_worksheet("Renstra")
    ws.write_string(0, 0, renstra.TITLE, wb.add_format({"bold": True, "font_size": 12}))
    ws.write_string(1, 0, renstra.SUBTITLE)
    ws.set_column(0, 0, 18)
    ws.set_column(1, 2, 40)
    ws.set_column(3, 18, 13)
    _header(ws, head)
    rows = []
    for item in renstra.items():
        rows.append(item)
        if item["kode"] == renstra.DUPLICATED:
            rows.append(item)
    kode, nama, indikator, satuan, target, dana = renstra.ORPHAN
    rows.append({"kode": kode, "nama": nama, "indikator": indikator, "satuan": satuan,
                 "awal": target, "targets": [target] * 5, "akhir": target,
                 "dana": [round(dana * renstra.GROWTH ** k, -3) for k in range(5)]})
    for i, item in enumerate(rows):
        _row(ws, FIRST + i, item, cell, money)
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
