"""A small Renstra matrix of Kecamatan Contoh (2025-2029) that agrees with the clean plan table
of conftest.CLEAN_ROWS (tests only)."""
from __future__ import annotations

from tables_helpers import Sheet

YEARS = (2025, 2026, 2027, 2028, 2029)
# (kode, nama, indikator, satuan, kondisi awal, targets of the 5 years, dana of year 1 (rupiah))
ITEMS = [
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", "nilai", "3,4", ["3,5", "3,6", "3,7", "3,8", "3,9"], None),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Koordinasi", "Dokumen", 12, [12, 12, 12, 12, 12], None),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektivitas", "Dokumen", 12, [12, 12, 12, 12, 12], 30_000_000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
     "Jumlah Laporan Pelaksanaan Kewenangan", "Laporan", 4, [4, 4, 4, 4, 4], None),
    ("7.01.02.2.04.0001",
     "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha",
     "Jumlah Dokumen Perizinan Non Usaha", "Dokumen", 15, [15, 15, 15, 15, 15], 10_000_000),
]
GROWTH = (1.0, 1.1, 1.2, 1.3, 1.4)


def dana_by_year(items=ITEMS) -> dict[str, list[float]]:
    """Dana per code per year; parents hold the sum of their children."""
    dana = {k: [round(d * g) for g in GROWTH] for k, *_, d in items if d is not None}
    for level_len in (12, 7):                    # kegiatan, then program
        for k, *_ in items:
            if len(k) == level_len:
                kids = [v for c, v in dana.items() if c.startswith(k + ".") and
                        c.count(".") == k.count(".") + (2 if level_len == 7 else 1)]
                dana[k] = [sum(col) for col in zip(*kids)]
    return dana


def renstra_sheet(form: str = "index", items=ITEMS, title_years: bool = True) -> Sheet:
    """The matrix with a three-row header. `form`: "index" (Tahun 1..5 under one group, the
    years from the title "2025-2029"), "ke" ("Tahun ke-1"), "years" (2025 … 2029)."""
    title = "MATRIKS RENCANA PROGRAM, KEGIATAN DAN PENDANAAN RENSTRA KECAMATAN CONTOH"
    if title_years:
        title += " TAHUN 2025-2029"
    dana = dana_by_year(items)
    data = []
    for kode, nama, ind, sat, awal, targets, _ in items:
        row = [kode, nama, ind, sat, awal]
        for t, d in zip(targets, dana[kode]):
            row += [t, d]
        row += [targets[-1], sum(dana[kode]), "Kecamatan Contoh", "Kecamatan Contoh"]
        data.append(row)
    year_words = {"index": [f"Tahun {i}" for i in range(1, 6)],
                  "ke": [f"Tahun ke-{i}" for i in range(1, 6)],
                  "years": [str(y) for y in YEARS]}[form]
    rows = [[title], ["Perangkat Daerah : Kecamatan Contoh"], [], [], [],
            [None] * 5 + sum(([t, "Rp"] for t in ["Target"] * 5), []) + ["Target", "Rp"]] + data
    merges = [(2, c, 4, c, text) for c, text in enumerate(
        ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan",
         "Kondisi Kinerja Awal (2024)"])]
    merges += [(2, 5, 2, 14, "Target Kinerja dan Kerangka Pendanaan"),
               (2, 15, 3, 16, "Kondisi Kinerja pada Akhir Periode Renstra"),
               (2, 17, 4, 17, "Lokasi"), (2, 18, 4, 18, "Perangkat Daerah Penanggung Jawab")]
    merges += [(3, 5 + 2 * i, 3, 6 + 2 * i, text) for i, text in enumerate(year_words)]
    # the Target | Rp row is row 5 (0-based 4): move it there
    rows[4] = rows.pop(5)
    return Sheet(rows, merges)


def five_cell(sheet: Sheet) -> Sheet:
    """The matrix with its codes over five cells (Urusan | Bidang | Program | Kegiatan | Sub
    Kegiatan under one merged 'Kode'), the other columns moved right by four."""
    rows = []
    for i, row in enumerate(sheet.rows):
        row = list(row) + [None] * (1 - len(row)) if row else [None]
        if i >= 5 and row[0]:
            p = row[0].split(".")
            cells = [p[0], p[1], p[2], ".".join(p[3:5]) if len(p) > 3 else None,
                     p[5] if len(p) > 5 else None]
            rows.append(cells + row[1:])
        else:
            rows.append(row[:1] + [None] * 4 + row[1:])
    merges = [(r0, c0 + 4 if c0 else 0, r1, c1 + 4, t) for r0, c0, r1, c1, t in sheet.merges
              if c0 != 0]
    merges.append((2, 0, 3, 4, "Kode"))
    merges += [(4, c, 4, c, t) for c, t in enumerate(
        ["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan"])]
    return Sheet(rows, merges)
