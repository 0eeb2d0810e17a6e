"""Shared test helpers: build real plan-table workbooks in the layouts kecamatan send."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# (kode, nama, indikator, lokasi, target, pagu, sumber, target_n1, pagu_n1)
CLEAN_ROWS = [
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", "Kecamatan Contoh", "3,5", 40_000_000, "DAU", "3,6", 44_000_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Koordinasi", "Kecamatan Contoh", "12 Dokumen", 30_000_000, "DAU", "12 Dokumen", 33_000_000),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektivitas", "Kecamatan Contoh", "12 Dokumen", 30_000_000, "DAU",
     "12 Dokumen", 33_000_000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     "Jumlah Laporan Pelaksanaan Kewenangan", "Kecamatan Contoh", "4 Laporan", 10_000_000, "DAU",
     "4 Laporan", 11_000_000),
    ("7.01.02.2.04.0001", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha",
     "Jumlah Dokumen Perizinan Non Usaha", "Kecamatan Contoh", "15 Dokumen", 10_000_000, "DAU",
     "15 Dokumen", 11_000_000),
]


@dataclass
class PlanLayout:
    """How a kecamatan laid out its plan table."""
    sheet: str = "Tabel 4.1"
    five_cell_code: bool = True
    damaged_codes: bool = False          # codes as Excel numbers: 1 for "01", 2.1 for "2.10"
    start_row: int = 3                   # 0-based row of the header's first row
    start_col: int = 0
    titles: tuple = ("TABEL 4.1 Rencana Program dan Kegiatan Kecamatan Contoh Tahun 2025 dan "
                     "Prakiraan Maju Tahun 2026", "Nama Perangkat Daerah : Kecamatan Contoh")
    numbering_row: bool = True
    money_as_text: bool = False
    satuan_split: bool = False           # target as a number column plus a Satuan column
    one_row_header: bool = False
    cover_sheet: bool = False
    page_break_after: int | None = None  # repeat the header after this data row index
    header_words: dict = field(default_factory=dict)   # override captions


def _code_cells(kode: str, damaged: bool):
    parts = kode.split(".")
    cells = [parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "",
             ".".join(parts[3:5]) if len(parts) > 4 else "", parts[5] if len(parts) > 5 else ""]
    if damaged:
        out = []
        for i, cell in enumerate(cells):
            if not cell:
                out.append("")
            else:
                out.append(float(cell) if i == 3 else int(cell))
        return out
    return cells


def make_plan_workbook(path, rows=CLEAN_ROWS, layout: PlanLayout | None = None,
                       extra=None) -> Path:
    """Write a plan-table workbook; returns the path. `extra(workbook, worksheet, pos)` may
    add cells (pos maps data row index -> 0-based Excel row)."""
    layout = layout or PlanLayout()
    path = Path(path)
    wb = xlsxwriter.Workbook(str(path))
    money = wb.add_format({"num_format": "#,##0"})
    if layout.cover_sheet:
        cover = wb.add_worksheet("Sampul")
        cover.write("B3", "RENCANA KERJA (RENJA)")
        cover.write("B4", "KECAMATAN CONTOH")
    ws = wb.add_worksheet(layout.sheet)
    c0, r0 = layout.start_col, layout.start_row
    for i, title in enumerate(layout.titles):
        ws.write_string(max(0, r0 - len(layout.titles) - 1) + i, c0, title)
    words = {"kode": "Kode", "nama": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
             "indikator": "Indikator Kinerja Program/Kegiatan", "lokasi": "Lokasi",
             "target": "Target Capaian Kinerja", "satuan": "Satuan",
             "pagu": "Kebutuhan Dana/Pagu Indikatif", "sumber": "Sumber Dana",
             "n": "Rencana Tahun 2025", "n1": "Prakiraan Maju Rencana Tahun 2026"}
    words.update(layout.header_words)
    ncode = 5 if layout.five_cell_code else 1
    year_cols = ["lokasi", "target"] + (["satuan"] if layout.satuan_split else []) + ["pagu", "sumber"]
    n1_cols = ["target"] + (["satuan"] if layout.satuan_split else []) + ["pagu"]
    header_rows = 1 if layout.one_row_header else 2

    def write_header(top):
        c = c0
        if layout.one_row_header:
            ws.write_string(top, c, words["kode"]) if ncode == 1 else ws.merge_range(top, c, top, c + 4, words["kode"])
            c += ncode
            for key in ("nama", "indikator"):
                ws.write_string(top, c, words[key]); c += 1
            for key in year_cols:
                ws.write_string(top, c, f"{words[key]} 2025"); c += 1
            for key in n1_cols:
                ws.write_string(top, c, f"{words[key]} 2026"); c += 1
        else:
            if ncode == 1:
                ws.merge_range(top, c, top + 1, c, words["kode"])
            else:
                ws.merge_range(top, c, top + 1, c + 4, words["kode"])
            c += ncode
            for key in ("nama", "indikator"):
                ws.merge_range(top, c, top + 1, c, words[key]); c += 1
            ws.merge_range(top, c, top, c + len(year_cols) - 1, words["n"])
            for i, key in enumerate(year_cols):
                ws.write_string(top + 1, c + i, words[key])
            c += len(year_cols)
            ws.merge_range(top, c, top, c + len(n1_cols) - 1, words["n1"])
            for i, key in enumerate(n1_cols):
                ws.write_string(top + 1, c + i, words[key])
            c += len(n1_cols)
        last = top + header_rows - 1
        if layout.numbering_row:
            last += 1
            if ncode == 5:
                ws.merge_range(last, c0, last, c0 + 4, "(1)")
            else:
                ws.write_string(last, c0, "(1)")
            for i in range(c - c0 - ncode):
                ws.write_string(last, c0 + ncode + i, f"({i + 2})")
        return last + 1

    r = write_header(r0)
    pos = {}
    for idx, row in enumerate(rows):
        if layout.page_break_after is not None and idx == layout.page_break_after + 1:
            ws.write_string(r, c0, "12 | Renja Kecamatan Contoh 2025")
            r = write_header(r + 2)
        kode, nama, indikator, lokasi, target, pagu, sumber, target_n1, pagu_n1 = row
        c = c0
        if ncode == 5:
            for i, cell in enumerate(_code_cells(kode, layout.damaged_codes)):
                if cell != "":
                    (ws.write_number if isinstance(cell, (int, float)) else ws.write_string)(r, c + i, cell)
        elif kode:
            ws.write_string(r, c, kode)
        c += ncode
        for value in (nama, indikator):
            if value:
                ws.write_string(r, c, value)
            c += 1

        def put_target(t, c):
            if layout.satuan_split:
                if t:
                    number, _, unit = t.partition(" ")
                    try:
                        ws.write_number(r, c, float(number.replace(",", ".")))
                    except ValueError:
                        ws.write_string(r, c, number)
                    if unit:
                        ws.write_string(r, c + 1, unit)
                return c + 2
            if t:
                ws.write_string(r, c, t)
            return c + 1

        def put_money(v, c):
            if v is None or v == "":
                return c + 1
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif layout.money_as_text:
                ws.write_string(r, c, f"{v:,.0f}".replace(",", "."))
            else:
                ws.write_number(r, c, v, money)
            return c + 1

        if lokasi:
            ws.write_string(r, c, lokasi)
        c += 1
        c = put_target(target, c)
        c = put_money(pagu, c)
        if sumber:
            ws.write_string(r, c, sumber)
        c += 1
        c = put_target(target_n1, c)
        c = put_money(pagu_n1, c)
        pos[idx] = r
        r += 1
    if extra:
        extra(wb, ws, pos)
    wb.close()
    return path


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def plan_workbook(tmp_path):
    def build(rows=CLEAN_ROWS, name="renja.xlsx", **layout_kw):
        return make_plan_workbook(tmp_path / name, rows, PlanLayout(**layout_kw))
    return build


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not built")
    return path


def issues_of(report, rule):
    return [i for i in report.issues if i.rule == rule]


os.environ.setdefault("PYTHONIOENCODING", "utf-8")


# Never pick up a real user's stored nomenclature (`nomenklatur pasang`): the whole session
# uses an empty data folder of its own; tests that install a list set their own folder.
import tempfile as _tempfile
os.environ["RENJA_XL_DATA_DIR"] = _tempfile.mkdtemp(prefix="renja_xl_data_")
# an issue whose message lacks a parameter fails the test that made it (a bug, not a half message)
os.environ["RENJA_XL_STRICT_MESSAGES"] = "1"
