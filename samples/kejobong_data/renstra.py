"""Renstra Kecamatan Kejobong 2025-2029, matrix form (Rencana Program, Kegiatan dan Pendanaan).

Invented, Kejobong-like: the programs, kegiatan and sub kegiatan of the Renja 2025 (plan.py),
with 4-digit sub kegiatan codes, the Renja's 2025 target and pagu as Tahun 1, the dana
growing 5% a year, parents holding the sum of their children. Then the faults that
`FAULTS` below names are put in on purpose (listed in ../README.md):

Renja vs Renstra (found when both files are checked or consolidated together):
- sub kegiatan 7.01.01.2.01.0007 of the Renja is missing from the Renstra;
- the 2025 target of 7.01.02.2.01.0002 is 24 in the Renstra, 12 Dokumen in the Renja;
- program 7.01.01 has Rp 1.802.641.000 in the Renja, above its Renstra dana of 2025;
- the Renja's duplicated kegiatan 7.01.01.2.07 (second row, "4 Unit") differs from the
  Renstra's 2025 target of that kegiatan (100 %).
In the matrix itself:
- program 7.01.04: dana 2027 typed 30.000.000, not the sum of its kegiatan;
- sub kegiatan 7.01.04.2.01.0002 written twice;
- sub kegiatan 7.01.03.2.01.0001: the 2028 target (12 lembaga) falls below 2027 (13);
- program 7.01.02: Kondisi Akhir 4,5 where the 2029 target is 4,3;
- sub kegiatan 7.01.01.2.09.0006: dana 2029 is a formula broken by a deleted cell (#REF!);
- sub kegiatan 7.01.05.2.02.0001 whose kegiatan 7.01.05.2.02 is not in the matrix.
"""
from __future__ import annotations

import re

from . import plan

TITLE = ("MATRIKS RENCANA PROGRAM, KEGIATAN DAN PENDANAAN RENSTRA KECAMATAN KEJOBONG "
         "TAHUN 2025-2029")
SUBTITLE = "Perangkat Daerah : Kecamatan Kejobong"
PLACE = "Kecamatan Kejobong"
GROWTH = 1.05

LEFT_OUT = {"7.01.01.2.01.0007"}                       # in the Renja, not in the Renstra
TARGETS = {"7.01.02": [3.9, 4.0, 4.1, 4.2, 4.3],          # a program target that rises
           "7.01.02.2.01.0002": [24, 24, 24, 24, 24],      # ≠ the Renja's 12 Dokumen
           "7.01.03.2.01.0001": [13, 13, 13, 12, 13]}      # falls in 2028
FINAL = {"7.01.02": 4.5}                                  # Kondisi Akhir ≠ 2029 target (4,3)
DANA = {("7.01.04", 2027): 30_000_000}                    # a typed parent, not Σ kegiatan
DUPLICATED = "7.01.04.2.01.0002"
BROKEN = ("7.01.01.2.09.0006", 2029)                      # =…*#REF!
ORPHAN = ("7.01.05.2.02.0001", "Penyelenggaraan Forum Kewaspadaan Dini Masyarakat",
          "Jumlah Forum Kewaspadaan Dini yang Dilaksanakan", "Laporan", 4, 8_000_000)

_UNIT = re.compile(r"^\s*([\d.,]+)\s*(.*)$")


def _code(row) -> str:
    parts = [p for p in row[:5] if p]
    if len(parts) == 5 and len(parts[4]) == 2:
        parts[4] = "00" + parts[4]                        # the Renstra has 4-digit codes
    return ".".join(parts)


def _target(text: str):
    """'12 Dokumen' -> (12, 'Dokumen'); '100%' -> (100, '%'); '3,9' -> (3.9, 'nilai')."""
    match = _UNIT.match(text or "")
    if not match:
        return 1, "Dokumen"
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2).strip() or "nilai"
    return (int(number) if number.is_integer() else number), unit


def items() -> list[dict]:
    """The matrix rows in order (before the duplicated row and the orphan are added)."""
    rows, seen = [], set()
    for row in plan.ROWS:
        kode = _code(row)
        if kode in seen or kode in LEFT_OUT:
            continue
        seen.add(kode)
        value, unit = _target(row[9])
        rows.append({"kode": kode, "nama": row[6], "indikator": row[7], "satuan": unit,
                     "awal": value, "targets": TARGETS.get(kode, [value] * 5),
                     "pagu": row[10] or 0})
    by_code = {r["kode"]: r for r in rows}
    for r in rows:                                        # dana: subs grow, parents add up
        if r["kode"].count(".") == 5:
            r["dana"] = [round(r["pagu"] * GROWTH ** k, -3) for k in range(5)]
    for depth in (4, 2):                                  # kegiatan, then programs
        for r in rows:
            if r["kode"].count(".") == depth:
                kids = [c for c in rows if c["kode"].startswith(r["kode"] + ".")
                        and c["kode"].count(".") == depth + (1 if depth == 4 else 2)]
                r["dana"] = [sum(c["dana"][k] for c in kids) for k in range(5)]
    for (kode, year), value in DANA.items():
        by_code[kode]["dana"][year - 2025] = value
    for r in rows:
        r["akhir"] = FINAL.get(r["kode"], r["targets"][-1])
    return rows
