"""TABEL 2.3.2 PREVALENSI STUNTING KECAMATAN KEJOBONG (seed lines 441-457).

Counts as numbers, prevalence as printed text ("15,69%"). The KEC. KEJOBONG total row first.
"""

TITLE = "TABEL 2.3.2 PREVALENSI STUNTING KECAMATAN KEJOBONG"
HEADER = ("Desa", "Jumlah Balita", "Sangat Pendek", "Pendek", "Jumlah Stunted",
          "Prevalensi Stunting")

ROWS = [
    ("KEC. KEJOBONG", 3512, 122, 429, 551, "15,69%"),
    ("BANDINGAN", 388, 18, 44, 62, "15,98%"),
    ("GUMIWANG", 126, 3, 12, 15, "11,90%"),
    ("KEDARPAN", 191, 6, 23, 29, "15,18%"),
    ("KEJOBONG", 460, 13, 44, 57, "12,39%"),
    ("KRENCENG", 258, 4, 38, 42, "16,28%"),
    ("LAMUK", 193, 4, 22, 26, "13,47%"),
    ("LANGGAR", 505, 14, 71, 85, "16,83%"),
    ("NANGKASAWIT", 119, 5, 7, 12, "10,08%"),
    ("NANGKOD", 228, 11, 16, 27, "11,84%"),
    ("PANDANSARI", 302, 24, 57, 81, "26,82%"),
    ("PANGEMPON", 297, 12, 40, 52, "17,51%"),
    ("SOKANEGARA", 219, 3, 25, 28, "12,79%"),
    ("TIMBANG", 226, 5, 30, 35, "15,49%"),
]
