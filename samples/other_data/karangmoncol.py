"""Renja Kecamatan Karangmoncol 2025: other header words, numbers as text, Keterangan column.

Layout: sheet "Petunjuk" (instructions, no table), sheet "Tabel 4.1": title lines, a two-row
header ("Kode" one cell, "Sasaran", "Indikator Kinerja Program/Kegiatan", group "Rencana
Tahun 2025" over Lokasi/Target/Pagu Indikatif (Rp)/Sumber Pendanaan, "Keterangan", group
"Prakiraan Maju Tahun 2026" over Target/Pagu Indikatif (Rp)). All money as text with dot
grouping, targets as text with their unit; sumber dana only on program rows.
Deliberate faults: see ../OTHERS.md.
"""

LOK = "Kecamatan Karangmoncol"
P = "Persentase"
PCT = "100 persen"

LAYOUT = {
    "file": "Renja_Kec_Karangmoncol_2025.xlsx",
    "author": "Kecamatan Karangmoncol",
    "pre_sheets": [("Petunjuk", [
        "PETUNJUK PENGISIAN TABEL 4.1 RENCANA PROGRAM DAN KEGIATAN",
        "",
        "1. Kolom Kode diisi kode program, kegiatan dan sub kegiatan sesuai Kepmendagri "
        "050-5889 Tahun 2021 beserta perubahannya.",
        "2. Kolom Sasaran diisi sasaran yang ingin dicapai oleh program atau kegiatan.",
        "3. Target diisi angka beserta satuannya, misalnya 12 Laporan atau 100 persen.",
        "4. Pagu indikatif ditulis dalam rupiah tanpa desimal.",
        "5. Sumber pendanaan cukup ditulis pada baris program.",
        "6. Tabel yang sudah diisi dikirim ke Bappeda paling lambat 31 Januari 2025.",
    ])],
    "sheet": "Tabel 4.1",
    "first_col": 0,
    "titles": ["TABEL 4.1",
               "RENCANA PROGRAM DAN KEGIATAN KECAMATAN KARANGMONCOL TAHUN 2025 DAN PRAKIRAAN "
               "MAJU TAHUN 2026",
               "KABUPATEN PURBALINGGA", ""],
    "columns": ["kode", "sasaran", "nama", "indikator", "lokasi", "target", "pagu", "sumber",
                "catatan", "target_n1", "pagu_n1"],
    "widths": [20, 36, 44, 44, 22, 13, 16, 12, 16, 13, 16],
    "header": [
        (0, 0, 1, 0, "Kode"),
        (0, 1, 1, 1, "Sasaran"),
        (0, 2, 1, 2, "Program/Kegiatan/Sub Kegiatan"),
        (0, 3, 1, 3, "Indikator Kinerja Program/Kegiatan"),
        (0, 4, 0, 7, "Rencana Tahun 2025"),
        (1, 4, 1, 4, "Lokasi"), (1, 5, 1, 5, "Target"), (1, 6, 1, 6, "Pagu Indikatif (Rp)"),
        (1, 7, 1, 7, "Sumber Pendanaan"),
        (0, 8, 1, 8, "Keterangan"),
        (0, 9, 0, 10, "Prakiraan Maju Tahun 2026"),
        (1, 9, 1, 9, "Target"), (1, 10, 1, 10, "Pagu Indikatif (Rp)"),
    ],
    "header_rows": 2,
    "colnums": None,
    "code": "one",
    "money": "text",             # "24.800.000"
    "formulas": False,
    "total": None,
}

ROWS = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     f"{P} Ketersediaan Layanan Penunjang Urusan Pemerintahan Daerah", LOK,
     PCT, None, "DAU", PCT, None),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     f"{P} Dokumen Perencanaan dan Laporan Kinerja yang Tersusun Tepat Waktu", LOK,
     PCT, None, "", PCT, None),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", LOK,
     "4 Dokumen", 6_000_000, "", "4 Dokumen", 6_500_000),
    # FAULT: unit changes between years (Laporan -> Dokumen)
    ("7.01.01.2.01.0006",
     "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", LOK,
     "12 Laporan", 3_600_000, "", "12 Dokumen", 3_800_000),
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah",
     f"{P} Ketersediaan Layanan Administrasi Umum Perangkat Daerah", LOK,
     PCT, None, "", PCT, None),
    ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor",
     "Jumlah Paket Bahan Logistik Kantor yang Disediakan", LOK,
     "1 Paket", 12_400_000, "", "1 Paket", 13_000_000),
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", LOK,
     "12 Laporan", 3_700_000, "", "12 Laporan", 4_000_000),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
     f"{P} Ketersediaan Jasa Penunjang Urusan Pemerintahan Daerah", LOK,
     PCT, None, "", PCT, None),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
     "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
     LOK, "12 Laporan", 24_800_000, "", "12 Laporan", 26_000_000),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor",
     "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", LOK,
     "12 Laporan", 96_450_000, "", "12 Laporan", 99_000_000),
    # FAULT: pagu 2026 typed 32.500.000, its kegiatan add up to 31.200.000
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     f"{P} Pelayanan Publik di Kecamatan yang Sesuai Standar Pelayanan", LOK,
     PCT, None, "DAU", PCT, 32_500_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     f"{P} Kegiatan Pemerintahan di Tingkat Kecamatan yang Terkoordinasi", LOK,
     PCT, None, "", PCT, None),
    # "12 Dokumen" vs "12 dokumen": the same unit, NOT a fault
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", LOK,
     "12 Dokumen", 25_300_000, "", "12 dokumen", 27_000_000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     f"{P} Urusan Pemerintahan yang Dilimpahkan kepada Camat yang Terlaksana", LOK,
     PCT, None, "", PCT, None),
    ("7.01.02.2.04.0001",
     "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha",
     "Jumlah Dokumen Pelayanan Perizinan Non Usaha yang Diterbitkan", LOK,
     "100 Dokumen", 3_900_000, "", "100 Dokumen", 4_200_000),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
     f"{P} Lembaga Kemasyarakatan Desa dan Kelurahan yang Aktif", LOK,
     PCT, None, "DAU", PCT, None),
    ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa",
     f"{P} Desa yang Mengikuti Kegiatan Pemberdayaan Masyarakat", LOK,
     PCT, None, "", PCT, None),
    # FAULT: 2-digit sub kegiatan code (outdated since 2023)
    ("7.01.03.2.01.01",
     "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
     "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan "
     "Pembangunan di Desa", LOK, "11 Lembaga", 11_000_000, "", "11 Lembaga", 11_500_000),
    ("7.01.03.2.01.0003",
     "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
     "Jumlah Laporan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
     "Kecamatan", LOK, "12 Laporan", 17_500_000, "", "12 Laporan", 18_000_000),
    # FAULT: kegiatan 7.01.04.2.01 (and its sub kegiatan) before its program row 7.01.04
    ("7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
     f"{P} Gangguan Ketenteraman dan Ketertiban Umum yang Dikoordinasikan Penanganannya", LOK,
     PCT, None, "", PCT, None),
    ("7.01.04.2.01.0001",
     "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan "
     "Instansi Vertikal di Wilayah Kecamatan",
     "Jumlah Laporan Hasil Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
     "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan", LOK,
     "12 Laporan", 22_000_000, "", "12 Laporan", 22_000_000),
    ("7.01.04.2.01.0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
     "Jumlah Laporan Pelaksanaan Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
     LOK, "12 Laporan", 2_800_000, "", "12 Laporan", 3_000_000),
    ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
     f"{P} Gangguan Ketenteraman dan Ketertiban Umum yang Tertangani", LOK,
     PCT, None, "DAU", PCT, None),
    ("7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
     f"{P} Potensi Konflik yang Dilaporkan", LOK, PCT, None, "DAU", PCT, None),
    ("7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah",
     f"{P} Kegiatan Pemerintahan Umum yang Terlaksana Sesuai Penugasan", LOK,
     PCT, None, "", PCT, None),
    ("7.01.05.2.01.0003", "Pembinaan Persatuan dan Kesatuan Bangsa",
     "Jumlah Orang yang Mengikuti Pembinaan Persatuan dan Kesatuan Bangsa", LOK,
     "100 Orang", 24_600_000, "", "100 Orang", 25_000_000),
]

SASARAN = {
    "7.01.01": "Meningkatnya kualitas layanan penunjang urusan pemerintahan kecamatan",
    "7.01.01.2.01": "Tersedianya dokumen perencanaan dan pelaporan perangkat daerah",
    "7.01.01.2.01.0001": "Tersusunnya dokumen perencanaan perangkat daerah",
    "7.01.01.2.01.0006": "Tersusunnya laporan capaian kinerja SKPD",
    "7.01.01.2.06": "Terlaksananya administrasi umum perangkat daerah",
    "7.01.01.2.06.0004": "Tersedianya bahan logistik kantor",
    "7.01.01.2.06.0009": "Terselenggaranya rapat koordinasi dan konsultasi SKPD",
    "7.01.01.2.08": "Tersedianya jasa penunjang urusan pemerintahan daerah",
    "7.01.01.2.08.0002": "Tersedianya jasa komunikasi, sumber daya air dan listrik",
    "7.01.01.2.08.0004": "Tersedianya jasa pelayanan umum kantor",
    "7.01.02": "Meningkatnya kualitas penyelenggaraan pemerintahan dan pelayanan publik",
    "7.01.02.2.01": "Meningkatnya koordinasi penyelenggaraan pemerintahan di kecamatan",
    "7.01.02.2.01.0002": "Meningkatnya efektifitas kegiatan pemerintahan di tingkat kecamatan",
    "7.01.02.2.04": "Terlaksananya urusan pemerintahan yang dilimpahkan kepada camat",
    "7.01.02.2.04.0001": "Terlayaninya perizinan non usaha",
    "7.01.03": "Meningkatnya keberdayaan masyarakat desa",
    "7.01.03.2.01": "Terkoordinasinya kegiatan pemberdayaan desa",
    "7.01.03.2.01.01": "Meningkatnya partisipasi masyarakat dalam musrenbang desa",
    "7.01.03.2.01.0003": "Meningkatnya efektifitas kegiatan pemberdayaan masyarakat",
    "7.01.04.2.01": "Terselenggaranya koordinasi ketenteraman dan ketertiban umum",
    "7.01.04.2.01.0001": "Terjalinnya sinergitas dengan Polri, TNI dan instansi vertikal",
    "7.01.04.2.01.0002": "Harmonisnya hubungan dengan tokoh agama dan tokoh masyarakat",
    "7.01.04": "Terwujudnya ketenteraman dan ketertiban umum di wilayah kecamatan",
    "7.01.05": "Terselenggaranya urusan pemerintahan umum",
    "7.01.05.2.01": "Terselenggaranya urusan pemerintahan umum sesuai penugasan kepala daerah",
    "7.01.05.2.01.0003": "Terbinanya persatuan dan kesatuan bangsa",
}

CATATAN = {
    "7.01.01.2.01.0006": "Lanjutan",
    "7.01.02.2.04.0001": "Lanjutan",
    "7.01.04.2.01": "Usulan Musrenbang Kecamatan",
    "7.01.05.2.01.0003": "Lanjutan",
}
