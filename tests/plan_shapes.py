"""Builders of plan tables in the shapes agencies send (OPD plans, SIPD exports, Renja Perubahan,
recap sheets), written with openpyxl so the tests read real workbooks."""
from __future__ import annotations

from openpyxl import Workbook

# the usual two-row header over a one-cell code (year n = 2025)
HEADER = (["Kode", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
           "Rencana Tahun 2025", None, None, None,
           "Prakiraan Maju Rencana Tahun 2026", None],
          [None, None, None, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif",
           "Sumber Dana", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"])
MERGES = ("D{r}:G{r}", "H{r}:I{r}")

# (kode, nama, indikator, lokasi, target, pagu, sumber, target_n1, pagu_n1)
OPD_ROWS = [
    ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", None, None, None,
     150_000_000, None, None, 165_000_000),
    ("1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", None, None, None,
     150_000_000, None, None, 165_000_000),
    ("1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     "Persentase Dokumen Perencanaan Tepat Waktu", "Kabupaten", "100 %", 50_000_000, None,
     "100 %", 55_000_000),
    ("1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan", "Kabupaten", "2 Dokumen", 50_000_000, None, "2 Dokumen",
     55_000_000),
    ("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", "Kabupaten", "2 Dokumen", 50_000_000, "DAU",
     "2 Dokumen", 55_000_000),
    ("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
     "Persentase Ibu Hamil Mendapatkan Pelayanan", "Kabupaten", "95 %", 100_000_000, None,
     "96 %", 110_000_000),
    ("1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
     "Jumlah Layanan Kesehatan", "Kabupaten", "12 Layanan", 100_000_000, None, "12 Layanan",
     110_000_000),
    ("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
     "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan", "Kabupaten", "1200 Orang",
     100_000_000, "DAK Non Fisik", "1250 Orang", 110_000_000),
    ("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", None, None, None,
     20_000_000, None, None, 22_000_000),
    ("2.08", "URUSAN PEMERINTAHAN BIDANG PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA", None, None,
     None, 20_000_000, None, None, 22_000_000),
    ("2.08.04", "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)", "Angka Pemakaian Kontrasepsi",
     "Kabupaten", "70 %", 20_000_000, None, "71 %", 22_000_000),
    ("2.08.04.2.01", "Pelaksanaan Advokasi, Komunikasi, Informasi dan Edukasi (KIE) Pengendalian Penduduk dan KB",
     "Jumlah Kegiatan KIE", "Kabupaten", "4 Kegiatan", 20_000_000, None, "4 Kegiatan", 22_000_000),
    ("2.08.04.2.01.0001", "Penyediaan Materi KIE Program KB",
     "Jumlah Materi KIE yang Disediakan", "Kabupaten", "4 Paket", 20_000_000, "DAU", "4 Paket",
     22_000_000),
]
OPD_TITLES = ("RENCANA KERJA PERANGKAT DAERAH TAHUN 2025",
              "Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025 dan Prakiraan Maju Tahun 2026",
              "Perangkat Daerah : DINAS KESEHATAN")


def write_plan(path, rows, *, titles=OPD_TITLES, header=HEADER, merges=MERGES, sheet="Tabel 4.1",
               total=None, extra_sheets=()):
    """A plan workbook: titles, the header, `rows` (tuples, one cell each; None = empty), and a
    total row given as a full row tuple. `extra_sheets`: (name, titles, header, rows) more."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    _fill(ws, titles, header, merges, rows, total)
    for name, t, h, r in extra_sheets:
        _fill(wb.create_sheet(name), t, h, merges, r, None)
    wb.save(path)
    return str(path)


def _fill(ws, titles, header, merges, rows, total):
    for line in titles:
        ws.append([line])
    top = len(titles) + 1
    for hrow in header:
        ws.append(list(hrow))
    for i, _ in enumerate(header[:-1]):
        for m in merges:
            ws.merge_cells(m.format(r=top + i))
    for row in rows:
        ws.append(list(row))
    if total is not None:
        ws.append(list(total))


# -- Renja Perubahan: Semula | Menjadi | Bertambah/(Berkurang) --------------------------------
PERUBAHAN_HEADER = (
    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi",
     "Target Kinerja Tahun 2025", None, "Pagu Indikatif Tahun 2025", None, None, "Sumber Dana",
     "Prakiraan Maju Rencana Tahun 2026", None],
    [None, None, None, None, "Semula", "Menjadi", "Semula", "Menjadi", "Bertambah/(Berkurang)",
     None, "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"])
PERUBAHAN_MERGES = ("E{r}:F{r}", "G{r}:I{r}", "K{r}:L{r}")
# (kode, nama, indikator, lokasi, target semula, target menjadi, pagu semula, pagu menjadi,
#  bertambah/(berkurang), sumber, target n+1, pagu n+1)
PERUBAHAN_ROWS = [
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", "Kecamatan Contoh", "3,5", "3,5", 40_000_000, 45_000_000,
     5_000_000, None, "3,6", 44_000_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Koordinasi", "Kecamatan Contoh", "12 Dokumen", "12 Dokumen", 30_000_000,
     28_000_000, "(2.000.000)", None, "12 Dokumen", 33_000_000),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektivitas", "Kecamatan Contoh", "12 Dokumen", "12 Dokumen",
     30_000_000, 28_000_000, -2_000_000, "DAU", "12 Dokumen", 33_000_000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     "Jumlah Laporan Pelaksanaan Kewenangan", "Kecamatan Contoh", "4 Laporan", "4 Laporan",
     10_000_000, 17_000_000, 7_000_000, None, "4 Laporan", 11_000_000),
    ("7.01.02.2.04.0001", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha",
     "Jumlah Dokumen Perizinan Non Usaha", "Kecamatan Contoh", "15 Dokumen", "18 Dokumen",
     10_000_000, 12_000_000, 2_000_000, "DAU", "15 Dokumen", 11_000_000),
    ("7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Usaha",
     "Jumlah Dokumen Perizinan Usaha", "Kecamatan Contoh", None, "10 Dokumen", None, 5_000_000,
     5_000_000, "DAU", None, None),
]
PERUBAHAN_TOTAL = ("JUMLAH", None, None, None, None, None, 40_000_000, 45_000_000, 5_000_000,
                   None, None, 44_000_000)
PERUBAHAN_TITLES = ("PERUBAHAN RENCANA KERJA KECAMATAN CONTOH TAHUN 2025",
                    "Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026",
                    "Nama Perangkat Daerah : Kecamatan Contoh")


def write_perubahan(path, rows=PERUBAHAN_ROWS, total=PERUBAHAN_TOTAL):
    return write_plan(path, rows, titles=PERUBAHAN_TITLES, header=PERUBAHAN_HEADER,
                      merges=PERUBAHAN_MERGES, total=total)
