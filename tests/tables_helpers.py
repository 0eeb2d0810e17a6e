"""Small workbooks with the other Renja tables, beside a clean plan table (tests only)."""
from __future__ import annotations

import copy

import renja_xl

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook


class Sheet:
    """Rows of cells from A1 (None/"" = empty) and merges (r0, c0, r1, c1, text), 0-based."""

    def __init__(self, rows, merges=()):
        self.rows = [list(r) for r in rows]
        self.merges = list(merges)

    def set(self, excel_row: int, col: str, value) -> "Sheet":
        """A copy with one cell changed ('E12' style: 1-based row, letter column)."""
        other = copy.deepcopy(self)
        r, c = excel_row - 1, ord(col) - 65
        while len(other.rows) <= r:
            other.rows.append([])
        while len(other.rows[r]) <= c:
            other.rows[r].append(None)
        other.rows[r][c] = value
        return other

    def write(self, wb, ws) -> None:
        covered = set()
        for r0, c0, r1, c1, text in self.merges:
            if (r0, c0) == (r1, c1):
                ws.write_string(r0, c0, text)
            else:
                ws.merge_range(r0, c0, r1, c1, text)
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                if value is None or value == "" or (r, c) in covered:
                    continue
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value)


def build(tmp_path, sheets: dict, name="renja.xlsx", plan_rows=CLEAN_ROWS, same_sheet=None):
    """The clean plan table (sheet 'Tabel 4.1') plus `sheets` {name: Sheet}.
    `same_sheet`: a Sheet written below the plan table on its own sheet, from row 20."""
    def extra(wb, ws, pos):
        if same_sheet is not None:
            shifted = Sheet([[]] * 20 + same_sheet.rows,
                            [(r0 + 20, c0, r1 + 20, c1, t) for r0, c0, r1, c1, t in same_sheet.merges])
            shifted.write(wb, ws)
        for sheet_name, sheet in sheets.items():
            sheet.write(wb, wb.add_worksheet(sheet_name))
    return make_plan_workbook(tmp_path / name, plan_rows, PlanLayout(), extra=extra)


def check(tmp_path, sheets, **kw):
    return renja_xl.check(build(tmp_path, sheets, **kw))


def issues(report, rule):
    return [i for i in report.issues if i.rule == rule]


def cells(report, rule):
    return sorted(i.cell for i in issues(report, rule))


def describe(report):
    return [(i.rule, i.where, i.message()) for i in report.issues]


# --- the tables, clean (rows are Excel rows: title 1, header 3-4, numbers 5, data from 6) ---

EVALUASI = Sheet(
    [["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Kecamatan Contoh"], [], [], [],
     ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8) = (7/6)", "(9)", "(10)=(5+7+9)",
      "(11)=(10/4)", "(12)"],
     ["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
      "Nilai Evaluasi Pelayanan Publik", "3,9", "3,1", "3,2", "3,1", "97%", "3,5", "3,5", "90%"],
     ["7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
      "Jumlah Dokumen Koordinasi", "36 Dokumen", "12 Dokumen", "12 Dokumen", "12 Dokumen", "100%",
      "12 Dokumen", "36 Dokumen", "100%"],
     ["7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
      "Jumlah Dokumen Peningkatan Efektivitas", "36 Dokumen", "12 Dokumen", "12 Dokumen",
      "5 Dokumen", "42%", "12 Dokumen", "29 Dokumen", "81%"],
     ["7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
      "Jumlah Laporan Pelaksanaan Kewenangan", 12, 4, 12, 5, 0.4166667, 4, 13, 1.0833]],
    [(2, 0, 3, 0, "Kode"), (2, 1, 3, 1, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"),
     (2, 2, 3, 2, "Indikator Kinerja Program (Outcomes)/Kegiatan (Output)"),
     (2, 3, 3, 3, "Target Kinerja Capaian Program (Renstra) Tahun 2021 sd 2026"),
     (2, 4, 3, 4, "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2022"),
     (2, 5, 2, 7, "Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2023)"),
     (3, 5, 3, 5, "Target Renja Perangkat Daerah Tahun 2023"),
     (3, 6, 3, 6, "Realisasi Renja Perangkat Daerah Tahun 2023"),
     (3, 7, 3, 7, "Tingkat Realisasi (%)"),
     (2, 8, 3, 8, "Target Program dan Kegiatan (Renja Tahun 2024)"),
     (2, 9, 2, 10, "Perkiraan Realisasi Capaian Target Renstra s/d Tahun 2024"),
     (3, 9, 3, 9, "Realisasi Capaian Program dan Kegiatan s/d Tahun Berjalan (Tahun 2024)"),
     (3, 10, 3, 10, "Tingkat Capaian Realisasi Target Renstra (%)"),
     (2, 11, 3, 11, "Catatan")])

KINERJA = Sheet(
    [["Tabel 2.4 Pencapaian Kinerja Pelayanan Kecamatan Contoh"], [], [],
     [None, None, None, None, "Tahun 2022", "Tahun 2023", "Tahun 2024", "Tahun 2025",
      "Tahun 2022", "Tahun 2023", "Tahun 2024", "Tahun 2025"],
     [f"({i})" for i in range(1, 14)],
     [1, "Indeks Kepuasan Masyarakat", None, None, 86, 87, 88, 89, 86, "87,5", 88, 89,
      "Sesuai Target"],
     [2, "Nilai Evaluasi Pelayanan Publik", None, None, "3,1", "3,2", "3,5", "3,5", "3,1", "3,1",
      "3,2", "3,5", "Tidak Sesuai Target"],
     [3, "Prevalensi Stunting", None, None, "20%", "18%", "16%", "14%", "19%", "17%", "16%",
      "14%", "Sesuai Target"]],
    [(2, 0, 3, 0, "No"), (2, 1, 3, 1, "Indikator"), (2, 2, 3, 2, "SPM/Standar Nasional"),
     (2, 3, 3, 3, "IKK"), (2, 4, 2, 7, "Target Renstra Perangkat Daerah"),
     (2, 8, 2, 9, "Realisasi Capaian"), (2, 10, 2, 11, "Proyeksi"),
     (2, 12, 3, 12, "Catatan Analisis")])

TUJUAN = Sheet(
    [["TABEL 3.1"], ["TUJUAN DAN SASARAN RENJA KECAMATAN CONTOH"], [],
     [None, None, None, None, "2022", "2023", "2024", "2025", "2026"],
     [f"({i})" for i in range(1, 10)],
     [None, "Meningkatnya Kualitas Pelayanan Publik", None, "Indeks Kepuasan Masyarakat",
      86, 87, 88, 89, 90],
     [None, None, "Menurunnya Stunting", "Prevalensi Stunting", "20%", "18%", "16%", "14%",
      "12%"]],
    [(2, 0, 3, 0, "NO"), (2, 1, 3, 1, "Tujuan"), (2, 2, 3, 2, "Sasaran"),
     (2, 3, 3, 3, "Indikator Tujuan/Sasaran"),
     (2, 4, 2, 8, "Target Kinerja Tujuan/Sasaran Pada Tahun Ke-")])

_P = "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"
_K1 = "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
_S1 = "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
_K2 = "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"
_S2 = "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha"
_LOK = "Kec. Contoh"


def _review_row(name, ind, target, pagu, pagu_right=None, name_right=None):
    right = pagu if pagu_right is None else pagu_right
    return [name, _LOK, ind, target, pagu, name_right or name, _LOK, ind, target, right]


REVIEW = Sheet(
    [["Tabel 2.4 REVIEW TERHADAP RKPD 2025"], ["KECAMATAN CONTOH"], [], [],
     list(range(1, 12)),
     _review_row(_P, "Nilai Evaluasi Pelayanan Publik", None, 40_000),
     _review_row(_K1, "Jumlah Dokumen Koordinasi", None, 30_000),
     _review_row(_S1, "Jumlah Dokumen", "12 Dokumen", 30_000),
     _review_row(_K2, "Jumlah Laporan", None, 10_000),
     _review_row(_S2, "Jumlah Dokumen Perizinan", "15 Dokumen", 10_000),
     ["JUMLAH", None, None, None, 40_000, None, None, None, None, 40_000]],
    [(2, 0, 2, 4, "RANCANGAN AWAL RKPD"), (2, 5, 2, 9, "HASIL ANALISIS KEBUTUHAN"),
     (2, 10, 3, 10, "CATATAN PENTING")] +
    [(3, c + off, 3, c + off, text) for off in (0, 5) for c, text in enumerate(
        ["PROGRAM/KEGIATAN/SUB KEGIATAN", "LOKASI", "INDIKATOR KINERJA", "TARGET CAPAIAN",
         "PAGU INDIKATIF (Ribuan)" if off == 0 else "KEBUTUHAN DANA (Ribuan)"])])

USULAN = Sheet(
    [["Tabel 2.5 Usulan Program dan Kegiatan Tahun 2024 Kecamatan Contoh"], [],
     ["NO", "USULAN", "MASALAH", "ALAMAT LOKASI", "KECAMATAN", "DESA"],
     [1, "Pembangunan jalan desa", "Jalan rusak", "RT 01 RW 02", "Contoh", "Alpha"],
     [2, "Pengadaan lampu penerangan jalan", "Jalan gelap", "Dusun 2", "Contoh", "Alpha"],
     [1, "Rehabilitasi pasar desa", "Atap bocor", "RT 03 RW 01", "Contoh", "Beta"],
     [2, "Pembangunan jalan desa", "Jalan rusak", "RT 04 RW 01", "Contoh", "Beta"]])

STUNTING = Sheet(
    [["TABEL 2.3.2 PREVALENSI STUNTING KECAMATAN CONTOH"], [],
     ["Desa", "Jumlah Balita", "Sangat Pendek", "Pendek", "Jumlah Stunted", "Prevalensi Stunting"],
     ["KEC. CONTOH", 700, 35, 70, 105, "15,00%"],
     ["ALPHA", 200, 10, 20, 30, "15,00%"],
     ["BETA", 100, 5, 10, 15, "15,00%"],
     ["GAMMA", 300, 15, 30, 45, "15,00%"],
     ["DELTA", 100, 5, 10, 15, "15,00%"]])

ALL = {"Tabel 2.1": EVALUASI, "Tabel 2.4 Kinerja": KINERJA, "Tabel 2.4 Review": REVIEW,
       "Tabel 2.5": USULAN, "Tabel 2.3.2": STUNTING, "Tabel 3.1": TUJUAN}
