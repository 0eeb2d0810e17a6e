"""Build the OPD and Renja Perubahan sample workbooks (samples/Renja_Dinkes_*.xlsx,
samples/Renja_Perubahan_*.xlsx).

Run from the repository root:  python samples/build_opd.py
Deterministic (fixed document properties, no timestamps). The faults each workbook carries
on purpose are listed in samples/README.md ("OPD and Perubahan samples").
"""
from __future__ import annotations

import os
from datetime import datetime

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
PROPERTIES = {"author": "renja_xl samples", "created": datetime(2025, 1, 6, 8, 0, 0)}

# --- Dinas Kesehatan: urusan/bidang rows, SIPD-style indicator lines, a JUMLAH row -------------
# (kode, nama, indikator, lokasi, target, pagu, sumber dana, target n+1, pagu n+1); a row
# without kode and nama is a further indicator of the item above (SIPD export)
U, B, P = "URUSAN PEMERINTAHAN", "URUSAN PEMERINTAHAN BIDANG", "PROGRAM"
LOK = "Kabupaten Purbalingga"
DINKES = [
    ("1", f"{U} WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", None, None, None,
     22_300_000_000, None, None, 23_500_000_000),                     # = its bidang, as written
    ("1.02", f"{B} KESEHATAN", None, None, None,
     22_300_000_000, None, None, 23_500_000_000),                     # F1: Σ programs 22.350
    ("1.02.01", f"{P} PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     "Nilai SAKIP Perangkat Daerah", LOK, "72", 19_150_000_000, None, "74", 20_100_000_000),
    (None, None, "Persentase Dokumen Perencanaan dan Pelaporan Tepat Waktu", None, "100 %",
     None, None, "100 %", None),
    ("1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan dan Evaluasi", LOK, "6 Dokumen", 650_000_000, None,
     "6 Dokumen", 700_000_000),
    ("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", LOK, "4 Dokumen", 400_000_000, "DAU",
     "4 Dokumen", 430_000_000),
    ("1.02.01.2.01.0006",
     "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah Laporan Capaian Kinerja", LOK, "2 Laporan", 250_000_000, "DAU", "2 Laporan",
     270_000_000),
    ("1.02.01.2.02", "Administrasi Keuangan Perangkat Daerah",
     "Jumlah Dokumen Administrasi Keuangan", LOK, "12 Dokumen", 18_500_000_000, None,
     "12 Dokumen", 19_400_000_000),
    ("1.02.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
     "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", LOK, "412 Orang/bulan",
     18_500_000_000, "DAU", "415 Orang/bulan", 19_400_000_000),
    ("1.02.02", f"{P} PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
     "Angka Kematian Ibu per 100.000 Kelahiran Hidup", LOK, "80", 3_200_000_000, "DAU",
     "78", 3_400_000_000),
    (None, None, "Persentase Ibu Hamil Mendapatkan Pelayanan Sesuai Standar", None, "100 %",
     None, None, "100 %", None),
    ("1.02.02.2.02",
     "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
     "Jumlah Layanan Kesehatan Ibu yang Disediakan", LOK, "2 Layanan", 3_200_000_000, None,
     "2 Layanan", 3_400_000_000),
    ("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
     "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar", LOK,
     "14.200 Orang", 1_900_000_000, "DAK Non Fisik - BOK", "14.300 Orang", 2_000_000_000),
    (None, None, "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Ibu Hamil", None,
     "12 Dokumen", None, None, "12 Laporan", None),                  # F2: Dokumen → Laporan
    ("1.02.02.2.02.0002", "Pengelolaan Pelayanan Kesehatan Ibu Bersalin",
     "Jumlah Ibu Bersalin yang Mendapatkan Pelayanan Kesehatan Sesuai Standar", LOK,
     "13.600 Orang", 1_300_000_000, None, "13.700 Orang", 1_400_000_000),   # F3: no sumber dana
    ("2", f"{U} WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", None, None, None,
     800_000_000, None, None, 850_000_000),
    ("2.08", f"{B} PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA", None, None, None,
     800_000_000, None, None, 850_000_000),
    ("2.08.04", f"{P} PEMBINAAN KELUARGA BERENCANA (KB)", "Angka Pemakaian Kontrasepsi",
     LOK, "70 %", 800_000_000, None, "71 %", 850_000_000),
    ("2.08.04.2.01",
     "Pelaksanaan Advokasi, Komunikasi, Informasi dan Edukasi (KIE) Pengendalian Penduduk dan KB",
     "Jumlah Kegiatan KIE Pengendalian Penduduk dan KB", LOK, "24 Kegiatan", 800_000_000,
     None, "24 Kegiatan", 850_000_000),
    ("2.08.04.2.01.0001", "Penyediaan Materi KIE Program KB",
     "Jumlah Materi KIE Program KB yang Disediakan", LOK, "6 Paket", 800_000_000, "DAU",
     "6 Paket", 850_000_000),
]
DINKES_TOTAL = 23_100_000_000, 24_350_000_000                       # Σ urusan, as written
DINKES_TITLES = ("RENCANA KERJA PERANGKAT DAERAH TAHUN 2025",
                 "Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025 dan Prakiraan Maju "
                 "Tahun 2026",
                 "Unit Organisasi : 1.02.0.00.0.00.01.0000 DINAS KESEHATAN",
                 "Kabupaten Purbalingga")

# --- Renja Perubahan of Kecamatan Kutasari, money in thousands (a title line says so) --------
# (kode, nama, indikator, lokasi, target semula, target menjadi, pagu semula, pagu menjadi,
#  bertambah/(berkurang), sumber dana, target n+1, pagu n+1)   — pagu in thousands of rupiah
KEC = "Kecamatan Kutasari"
PERUBAHAN = [
    ("7.01.01", f"{P} PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     "Nilai SAKIP Kecamatan", KEC, "65", "65", 1_520_000, 1_575_000, 55_000, None, "66",
     1_615_000),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan dan Evaluasi", KEC, "5 Dokumen", "6 Dokumen", 20_000, 35_000,
     15_000, None, "6 Dokumen", 37_000),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", KEC, "3 Dokumen", "3 Dokumen", 12_000,
     12_000, 0, "DAU", "3 Dokumen", 13_000),
    ("7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
     "Jumlah Dokumen RKA-SKPD", KEC, "2 Dokumen", "2 Dokumen", 8_000, 9_000, -1_000,  # F1
     "DAU", "2 Dokumen", 9_000),
    ("7.01.01.2.01.0003", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
     "Jumlah Dokumen Perubahan RKA-SKPD", KEC, None, "1 Dokumen", None, 14_000, 14_000,
     "DAU", "1 Dokumen", 15_000),                              # new in the Perubahan: normal
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah",
     "Jumlah Dokumen Administrasi Keuangan", KEC, "12 Dokumen", "12 Dokumen", 1_500_000,
     1_540_000, 40_000, None, "12 Dokumen", 1_578_000),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
     "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", KEC, "28 Orang/bulan",
     "28 Orang/bulan", 1_500_000, 1_530_000, 30_000, "DAU", "28 Orang/bulan", 1_578_000),
    # F2: kegiatan 7.01.01.2.02 Menjadi 1.540.000 ≠ its one sub kegiatan 1.530.000
    ("7.01.02", f"{P} PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", KEC, "3,5", "3,5", 60_000, 50_000, "(10.000)", None,
     "3,6", 62_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Koordinasi", KEC, "12 Dokumen", "12 Dokumen", 60_000, 50_000,
     "(10.000)", None, "12 Dokumen", 62_000),
    ("7.01.02.2.01.0002",
     "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektivitas", KEC, "12 Dokumen", "12 Dokumen", 60_000,
     50_000, "(10.000)", "DAU", "12 Dokumen", 62_000),
]
PERUBAHAN_TOTAL = (1_580_000, 1_625_000, 45_000, 1_677_000)
PERUBAHAN_TITLES = ("PERUBAHAN RENCANA KERJA (RENJA-P) KECAMATAN KUTASARI TAHUN 2025",
                    "Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026",
                    "(dalam ribuan rupiah)")


def _formats(wb):
    base = {"border": 1, "valign": "top", "text_wrap": True}
    return {"title": wb.add_format({"bold": True, "font_size": 12}),
            "head": wb.add_format({"bold": True, "text_wrap": True, "border": 1,
                                   "align": "center", "valign": "vcenter",
                                   "bg_color": "#D9D9D9"}),
            "colnum": wb.add_format({"italic": True, "border": 1, "align": "center",
                                     "bg_color": "#F2F2F2"}),
            "text": wb.add_format(base), "bold": wb.add_format({**base, "bold": True}),
            "money": wb.add_format({**base, "num_format": "#,##0"}),
            "money_bold": wb.add_format({**base, "bold": True, "num_format": "#,##0"})}


def _header(ws, f, top: int, rows, groups, numbers: int) -> int:
    """Two header rows: merged group headers in the first, captions under them, then (1) (2) …"""
    for c, text in enumerate(rows[0]):
        if text and c not in {g[0] for g in groups} and not rows[1][c]:
            ws.merge_range(top, c, top + 1, c, text, f["head"])
    for first, last, text in groups:
        ws.merge_range(top, first, top, last, text, f["head"])
    for c, text in enumerate(rows[1]):
        if text:
            ws.write(top + 1, c, text, f["head"])
    for c in range(numbers):
        ws.write(top + 2, c, f"({c + 1})", f["colnum"])
    return top + 3


def build_dinkes(path: str) -> None:
    wb = xlsxwriter.Workbook(path)
    wb.set_properties(PROPERTIES)
    f = _formats(wb)
    ws = wb.add_worksheet("Renja 2025")
    for r, line in enumerate(DINKES_TITLES):
        ws.write(r, 0, line, f["title"])
    head = (["Kode", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
             None, None, None, None, None, None],
            [None, None, None, "Lokasi", "Target Capaian Kinerja",
             "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", "Target Capaian Kinerja",
             "Kebutuhan Dana/Pagu Indikatif"])
    r = _header(ws, f, len(DINKES_TITLES) + 1, head,
                [(3, 6, "Rencana Tahun 2025"), (7, 8, "Prakiraan Maju Rencana Tahun 2026")], 9)
    for row in DINKES:
        group = row[0] is not None and row[0].count(".") < 3
        for c, value in enumerate(row):
            if value is None:
                ws.write_blank(r, c, None, f["text"])
            elif c in (5, 8):
                ws.write_number(r, c, value, f["money_bold" if group else "money"])
            else:
                ws.write_string(r, c, value, f["bold" if group else "text"])
        r += 1
    ws.merge_range(r, 0, r, 4, "JUMLAH", f["bold"])
    ws.write_number(r, 5, DINKES_TOTAL[0], f["money_bold"])
    ws.write_blank(r, 6, None, f["text"])
    ws.write_blank(r, 7, None, f["text"])
    ws.write_number(r, 8, DINKES_TOTAL[1], f["money_bold"])
    ws.set_column(0, 0, 18)
    ws.set_column(1, 2, 45)
    ws.set_column(3, 8, 16)
    wb.close()


def build_perubahan(path: str) -> None:
    wb = xlsxwriter.Workbook(path)
    wb.set_properties(PROPERTIES)
    f = _formats(wb)
    ws = wb.add_worksheet("Renja Perubahan")
    for r, line in enumerate(PERUBAHAN_TITLES):
        ws.write(r, 0, line, f["title"])
    head = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi",
             None, None, None, None, None, "Sumber Dana", None, None],
            [None, None, None, None, "Semula", "Menjadi", "Semula", "Menjadi",
             "Bertambah/(Berkurang)", None, "Target Capaian Kinerja",
             "Kebutuhan Dana/Pagu Indikatif"])
    r = _header(ws, f, len(PERUBAHAN_TITLES) + 1, head,
                [(4, 5, "Target Kinerja Tahun 2025"), (6, 8, "Pagu Indikatif Tahun 2025"),
                 (10, 11, "Prakiraan Maju Rencana Tahun 2026")], 12)
    for row in PERUBAHAN:
        for c, value in enumerate(row):
            if value is None:
                ws.write_blank(r, c, None, f["text"])
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, f["money"])
            else:
                ws.write_string(r, c, value, f["text"])
        r += 1
    ws.merge_range(r, 0, r, 5, "JUMLAH", f["bold"])
    for c, value in zip((6, 7, 8, 11), PERUBAHAN_TOTAL):
        ws.write_number(r, c, value, f["money_bold"])
    for c in (9, 10):
        ws.write_blank(r, c, None, f["text"])
    ws.set_column(0, 0, 18)
    ws.set_column(1, 2, 42)
    ws.set_column(3, 11, 14)
    wb.close()


if __name__ == "__main__":
    build_dinkes(os.path.join(HERE, "Renja_Dinkes_Purbalingga_2025.xlsx"))
    build_perubahan(os.path.join(HERE, "Renja_Perubahan_Kec_Kutasari_2025.xlsx"))
