"""Tabel 2.4 Pencapaian Kinerja Pelayanan Kecamatan Kejobong 2023 (seed lines 355-371).

Decimals ("87,905", "3,1") and percentages ("100%", "100 %", "70 %") as text exactly as
printed; integers (86, 87, 12, 0) as numbers.
"""

TITLE = "Tabel 2.4 Pencapaian Kinerja Pelayanan Kecamatan Kejobong 2023 Kabupaten Purbalingga"

# Header row 1: (text, first col, last col, merged over both header rows?)
HEADER_1 = [
    ("No", 0, 0, True),
    ("Indikator", 1, 1, True),
    ("SPM/Standar Nasional", 2, 2, True),
    ("IKK", 3, 3, True),
    ("Target Renstra Perangkat Daerah", 4, 7, False),
    ("Realisasi Capaian", 8, 9, False),
    ("Proyeksi", 10, 11, False),
    ("Catatan Analisis", 12, 12, True),
]
HEADER_2 = [
    ("Tahun 2022", 4), ("Tahun 2023", 5), ("Tahun 2024", 6), ("Tahun 2025", 7),
    ("Tahun 2022", 8), ("Tahun 2023", 9),
    ("Tahun 2024", 10), ("Tahun 2025", 11),
]
COLNUMS = tuple(f"({i})" for i in range(1, 14))

# No, Indikator, SPM, IKK, Target 2022..2025, Realisasi 2022, 2023, Proyeksi 2024, 2025, Catatan
ROWS = [
    (1, "Nilai Indeks Kepuasan Masyarakat", "", "", 86, 87, 88, 89, 86, "87,905", 88, 89,
     "Sesuai Target"),
    (2, "SAKIP", "", "", 62, 64, 66, 68, 62, "62,41", 66, 68, "Tidak Sesuai Target"),
    (3, "Nilai Evaluasi Pelayanan Publik", "", "", "3,1", "3,2", "3,5", "3,5", "3,1", "3,1",
     "3,2", "3,5", "Sesuai Target"),
    (4, "Cakupan Potensi Konflik yang dilaporkan", "", "", "100%", "100%", "100%", "100%",
     "100%", "100%", "100%", "100%", "Sesuai Target"),
    (5, "Prosentase Keaktifan Lembaga Desa", "", "", "100%", "100%", "100%", "100%", "100%",
     "100%", "100%", "100%", "Sesuai Target"),
    (6, "Cakupan Desa yang Melaksanakan Tertib Administrasi", "", "", "100 %", "100 %",
     "100 %", "100 %", "70 %", "80%", "100 %", "100 %", "Tidak Sesuai Target"),
    (7, "Jumlah Laporan Kejadian Gangguan Ketentraman dan Ketertiban Umum", "", "", 12, 12, 12,
     12, 12, 12, 12, 12, "Sesuai Target"),
    (8, "Persentase Ketersediaan Laporan Capaian Kinerja", "", "", "100%", "100%", "100%",
     "100%", "100%", "100%", "100%", "100%", "Sesuai Target"),
    (9, "Persentase temuan pengelolaan anggaran yang ditindaklanjuti", "", "", "100%", "100%",
     "100%", "100%", "100%", "100%", "100%", "100%", "Sesuai Target"),
    (10, "Persentase Ketersediaan Laporan Kepegawaian, Administrasi Umum dan Jasa Penunjang "
         "Urusan Pemerintahan Daerah", "", "", "100%", "100%", "100%", "100%", "100%", "100%",
     "100%", "100%", "Sesuai Target"),
    (11, "Persentase pengadaan barang milik daerah", "", "", "100%", "100%", "100%", "100%",
     "100%", 0, 0, 0, "Tidak Sesuai Target"),
    (12, "Persentase Pemeliharaan Barang Milik Daerah", "", "", "100%", "100%", "100%", "100%",
     "60 %", "75 %", "80 %", "100%", "Tidak Sesuai Target"),
]
