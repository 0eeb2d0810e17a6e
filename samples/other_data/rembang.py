"""Renja Kecamatan Rembang 2025 (form T-C.29): five code cells damaged by Excel, page breaks,
=SUM() formulas on parents.

Layout: one sheet "T-C.29"; three title lines and a blank row; a three-row header from row 5
("Kode" merged over five code columns, "Rencana Tahun 2025" / "Prakiraan Maju Rencana Tahun
2026" groups with "Kebutuhan Dana" above "Pagu Indikatif (Rp)", "Catatan Penting"); a
column-number row "(1)".."(10)". Code cells are NUMBERS (7 | 1 | 1 | 2.01 | 1; 2.1 for
"2.10"). Urusan and bidang rows on top. Parent pagu = =SUM() over the children's cells with
the cached value, except the deliberate fault below. Two page breaks, blank rows between
data rows. Deliberate faults: see ../OTHERS.md.
"""
from . import BLANK, footer, page

LOK = "Kecamatan Rembang"
P = "Persentase"

LAYOUT = {
    "file": "Renja_Kec_Rembang_2025.xlsx",
    "author": "Kecamatan Rembang",
    "pre_sheets": [],
    "sheet": "T-C.29",
    "first_col": 0,
    "titles": ["T-C.29",
               "Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025 dan Prakiraan Maju "
               "Tahun 2026",
               "Nama Perangkat Daerah : Kecamatan Rembang", ""],
    "columns": ["kode5", "nama", "indikator", "lokasi", "target", "pagu", "sumber", "catatan",
                "target_n1", "pagu_n1"],
    "widths": [5, 5, 5, 6, 6, 48, 44, 18, 14, 16, 10, 16, 14, 16],
    "header": [
        (0, 0, 2, 4, "Kode"),
        (0, 5, 2, 5, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"),
        (0, 6, 2, 6, "Indikator Kinerja"),
        (0, 7, 0, 10, "Rencana Tahun 2025"),
        (1, 7, 2, 7, "Lokasi"),
        (1, 8, 2, 8, "Target Capaian Kinerja"),
        (1, 9, 1, 9, "Kebutuhan Dana"), (2, 9, 2, 9, "Pagu Indikatif (Rp)"),
        (1, 10, 2, 10, "Sumber Dana"),
        (0, 11, 2, 11, "Catatan Penting"),
        (0, 12, 0, 13, "Prakiraan Maju Rencana Tahun 2026"),
        (1, 12, 2, 12, "Target Capaian Kinerja"),
        (1, 13, 1, 13, "Kebutuhan Dana"), (2, 13, 2, 13, "Pagu Indikatif (Rp)"),
    ],
    "header_rows": 3,
    # column numbers: (col0, col1, text), "(1)" merged over the five code cells
    "colnums": [(0, 4, "(1)")] + [(3 + i, 3 + i, f"({i})") for i in range(2, 11)],
    "code": "five-damaged",
    "money": "number",
    "formulas": True,
    "total": None,
}

ROWS = [
    ("7", "UNSUR KEWILAYAHAN", "", "", "", None, "", "", None),
    ("7.01", "KECAMATAN", "", "", "", None, "", "", None),
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     f"{P} Ketersediaan Layanan Penunjang Urusan Pemerintahan Daerah", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     f"{P} Dokumen Perencanaan dan Laporan Kinerja yang Tersusun Tepat Waktu", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", LOK,
     "4 Dokumen", 5_800_000, "DAU", "4 Dokumen", 6_000_000),
    ("7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
     "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", LOK,
     "2 Dokumen", 1_500_000, "DAU", "2 Dokumen", 1_600_000),
    ("7.01.01.2.01.0006",
     "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", LOK,
     "4 Laporan", 2_750_000, "DAU", "4 Laporan", 3_000_000),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah",
     f"{P} Temuan Pengelolaan Anggaran yang Ditindaklanjuti", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
     "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", LOK,
     "21 Orang", 1_427_650_000, "DAU", "21 Orang", 1_485_000_000),
    ("7.01.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
     "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN", LOK,
     "12 Dokumen", 2_000_000, "DAU", "12 Dokumen", 2_000_000),
    BLANK,
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah",
     f"{P} Ketersediaan Layanan Administrasi Umum Perangkat Daerah", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor",
     "Jumlah Paket Bahan Logistik Kantor yang Disediakan", LOK,
     "1 Paket", 13_200_000, "DAU", "1 Paket", 14_000_000),
    # FAULT: indikator kinerja kosong
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "", LOK, "12 Laporan", 4_500_000, "DAU", "12 Laporan", 4_800_000),
    page("Halaman 1 dari 3"),
    ("7.01.01.2.10", "Peningkatan Pelayanan BLUD",
     f"{P} Pelayanan BLUD yang Terlaksana Sesuai Standar", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.01.2.10.0001", "Pelayanan dan Penunjang Pelayanan BLUD",
     "Jumlah Laporan Pelayanan dan Penunjang Pelayanan BLUD", LOK,
     "12 Laporan", 25_000_000, "DAU", "12 Laporan", 26_000_000),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     f"{P} Pelayanan Publik di Kecamatan yang Sesuai Standar Pelayanan", LOK,
     "100%", None, "DAU", "100%", None),
    # FAULT: pagu 2025 typed by hand, 21.000.000 <> 12.500.000 + 7.500.000
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     f"{P} Kegiatan Pemerintahan di Tingkat Kecamatan yang Terkoordinasi", LOK,
     "100%", 21_000_000, "DAU", "100%", None),
    ("7.01.02.2.01.0001",
     "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat "
     "Daerah dan Instansi Vertikal Terkait",
     "Jumlah Laporan Hasil Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan "
     "Pemerintahan", LOK, "12 Laporan", 12_500_000, "DAU", "12 Laporan", 13_000_000),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", LOK,
     "12 Dokumen", 7_500_000, "DAU", "12 Dokumen", 8_000_000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     f"{P} Urusan Pemerintahan yang Dilimpahkan kepada Camat yang Terlaksana", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.02.2.04.0001",
     "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha",
     "Jumlah Dokumen Pelayanan Perizinan Non Usaha yang Diterbitkan", LOK,
     "120 Dokumen", 3_900_000, "DAU", "120 Dokumen", 4_000_000),
    # FAULT: pagu 2025 written in words
    ("7.01.02.2.04.0003",
     "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan",
     "Jumlah Laporan Pelaksanaan Kewenangan Lain yang Dilimpahkan", LOK,
     "12 Laporan", "dua juta", "DAU", "12 Laporan", 2_000_000),
    page("Halaman 2 dari 3"),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
     f"{P} Lembaga Kemasyarakatan Desa dan Kelurahan yang Aktif", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa",
     f"{P} Desa yang Mengikuti Kegiatan Pemberdayaan Masyarakat", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.03.2.01.0001",
     "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
     "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan "
     "Pembangunan di Desa", LOK, "12 Lembaga", 11_700_000, "DAU", "12 Lembaga", 12_000_000),
    ("7.01.03.2.01.0003",
     "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
     "Jumlah Laporan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
     "Kecamatan", LOK, "12 Laporan", 18_300_000, "DAU", "12 Laporan", 19_000_000),
    BLANK,
    ("7.01.03.2.03", "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan",
     f"{P} Lembaga Kemasyarakatan yang Diberdayakan", LOK,
     "100%", None, "DAU", "100%", None),
    ("7.01.03.2.03.0001", "Penyelenggaraan Lembaga Kemasyarakatan",
     "Jumlah Lembaga Kemasyarakatan yang Difasilitasi Penyelenggaraannya", LOK,
     "12 Lembaga", 8_400_000, "DAU", "12 Lembaga", 8_800_000),
    # FAULT: percentage target above 100
    ("7.01.03.2.03.0002", "Peningkatan Kapasitas Lembaga Kemasyarakatan",
     f"{P} Lembaga Kemasyarakatan yang Mengikuti Peningkatan Kapasitas", LOK,
     "110%", 6_600_000, "DAU", "100%", 7_000_000),
    BLANK,
    footer("Halaman 3 dari 3"),
]

SASARAN: dict = {}
CATATAN = {
    "7.01.01.2.10.0001": "Usulan baru",
    "7.01.02.2.04.0003": "Menyesuaikan pelimpahan kewenangan",
}
