"""TABEL 3.1 TUJUAN DAN SASARAN RENJA KECAMATAN KEJOBONG (seed lines 716-725).

The seed's header is garbled ("Т C", "Sasaran Tujuan/Sasaran", the first year missing); the
brief's reading is used: targets for 2022..2026. NO is empty on every row, as printed. The
third row has "Nilai Kematangan Perangkat Daerah" (an indicator) in the Sasaran column, as
printed. Targets as numbers.
"""

TITLE_1 = "TABEL 3.1"
TITLE_2 = "TUJUAN DAN SASARAN RENJA KECAMATAN KEJOBONG"

# Header row 1: (text, first col, last col, merged over both header rows?)
HEADER_1 = [
    ("NO", 0, 0, True),
    ("Tujuan", 1, 1, True),
    ("Sasaran", 2, 2, True),
    ("Indikator Tujuan/Sasaran", 3, 3, True),
    ("Target Kinerja Tujuan/Sasaran Pada Tahun Ke-", 4, 8, False),
]
HEADER_2 = [("2022", 4), ("2023", 5), ("2024", 6), ("2025", 7), ("2026", 8)]
COLNUMS = tuple(f"({i})" for i in range(1, 10))

ROWS = [
    ("", "Meningkatnya Kualitas Pelayanan Publik di Kecamatan", "",
     "Indeks Kepuasan Masyarakat (IKM) Kecamatan", 86, 87, 88, 89, 90),
    ("", "", "Meningkatnya Kualitas Pelayanan Kecamatan.",
     "Indeks Kepuasan Masyarakat (IKM) Kecamatan", 86, 87, 88, 89, 90),
    ("", "Meningkatnya Kualitas Kelembagaan Kecamatan.", "Nilai Kematangan Perangkat Daerah",
     "Nilai Kematangan Perangkat Daerah", 30, 32, 34, 37, 39),
    ("", "", "Meningkatnya Implementasi SAKIP Kecamatan", "Nilai SAKIP Kecamatan",
     62, 64, 66, 68, 70),
]
