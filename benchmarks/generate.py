"""Deterministic benchmark inputs: plan tables in the layouts the reader supports.

Rows use real codes and names from the built-in nomenclature, with parent pagu equal to the
sum of their children, so the checker does its full work without drowning in issues.
"""
from __future__ import annotations

import csv
import random
from importlib import resources
from pathlib import Path

import xlsxwriter

LAYOUTS = ("five-cell", "one-cell", "satuan", "money-text")


def _reference():
    text = resources.files("renja_xl.schemas").joinpath("nomenklatur_kecamatan.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    programs = {r["kode"]: r["nama"] for r in rows if r["kode"].count(".") == 2}
    kegiatan = {r["kode"]: r["nama"] for r in rows if r["kode"].count(".") == 4}
    subs = {r["kode"]: r["nama"] for r in rows if r["kode"].count(".") == 5}
    return programs, kegiatan, subs


def plan_rows(n_rows: int, seed: int = 1, distinct: bool = False) -> list[tuple]:
    """About n_rows rows: (kode, nama, indikator, lokasi, target, pagu, sumber, target1, pagu1).

    Beyond the kecamatan list, the generic program X.XX.01 is repeated under other
    urusan/bidang codes (as a kabupaten-wide table would be), keeping codes unique.
    `distinct`: every sub kegiatan's indikator is a text of its own and lokasi one of 300
    desa (the reader then shares fewer equal texts: a worse case for its memory)."""
    rng = random.Random(seed)
    programs, kegiatan, subs = _reference()
    small = n_rows <= 100                 # a kecamatan's own table: a few kegiatan per program
    tree = []
    for p in sorted(programs):
        ks = []
        for k in sorted(c for c in kegiatan if c.startswith(p + ".")):
            ss = sorted(c for c in subs if c.startswith(k + "."))
            if ss:
                ks.append((k, ss[:3] if small else ss))
        ks = ks[:2] if small else ks
        if ks:
            tree.append((p, ks))
    out: list[tuple] = []
    prefixes = _prefixes()
    while len(out) < n_rows:
        prefix = next(prefixes)
        # other units have the generic X.XX.01 program only (their own programs are not in
        # the kecamatan nomenclature, and would all be reported as unknown codes)
        for p, ks in (tree if prefix == "7.01" else tree[:1]):
            pk = prefix + p[4:]
            rows_k = []
            for k, ss in ks:
                kk = prefix + k[4:]
                rows_s = []
                for s in ss:
                    pagu = rng.randrange(1, 500) * 100_000
                    unit = rng.choice(("Dokumen", "Laporan", "Kegiatan"))
                    vol = rng.randrange(1, 25)
                    indikator = f"Jumlah {unit} {subs[s][:40]}"
                    lokasi = "Kecamatan Contoh"
                    if distinct:
                        indikator += f" di {prefix}, {len(out) + len(rows_k) + len(rows_s)}"
                        lokasi = f"Desa {rng.randrange(300):03d}"
                    rows_s.append((prefix + s[4:], subs[s], indikator,
                                   lokasi, f"{vol} {unit}", pagu, "DAU",
                                   f"{vol} {unit}", pagu + 100_000))
                pagu_k = sum(r[5] for r in rows_s)
                pagu_k1 = sum(r[8] for r in rows_s)
                rows_k.append([(kk, kegiatan[k], f"Jumlah Dokumen {kegiatan[k][:40]}",
                                "Kecamatan Contoh", "12 Dokumen", pagu_k, "DAU", "12 Dokumen",
                                pagu_k1)] + rows_s)
            pagu_p = sum(group[0][5] for group in rows_k)
            pagu_p1 = sum(group[0][8] for group in rows_k)
            out.append((pk, programs[p], "Persentase capaian kinerja program", "Kecamatan Contoh",
                        "100%", pagu_p, "DAU", "100%", pagu_p1))
            for group in rows_k:
                out.extend(group)
            if len(out) >= n_rows:
                break
    return out


def _prefixes():
    """Urusan.bidang codes: the kecamatan's own 7.01 first, then each other one once (codes
    stay unique up to ~100,000 rows)."""
    yield "7.01"
    for urusan in range(1, 10):
        for bidang in range(1, 100):
            if (urusan, bidang) != (7, 1):
                yield f"{urusan}.{bidang:02d}"
    raise ValueError("plan_rows: more rows than unique codes")


def write_plan(path: Path, rows: list[tuple], layout: str = "five-cell",
               kecamatan: str = "Contoh") -> Path:
    """One kecamatan workbook with its plan table in the given layout."""
    # shared strings, as Excel and LibreOffice write them (a streaming writer's inline strings
    # make the sheet XML twice as big and every reader slower)
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": __import__("datetime").datetime(2025, 1, 1)})
    money = wb.add_format({"num_format": "#,##0"})
    ws = wb.add_worksheet("Tabel 4.1")
    ws.write_string(0, 0, "TABEL 4.1 Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026")
    ws.write_string(1, 0, f"Nama Perangkat Daerah : Kecamatan {kecamatan}")
    five = layout == "five-cell"
    satuan = layout == "satuan"
    ncode = 5 if five else 1
    header = ["Kode"] * ncode + ["Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
                                 "Lokasi 2025", "Target 2025"] + (["Satuan 2025"] if satuan else []) \
        + ["Pagu Indikatif 2025", "Sumber Dana 2025", "Target 2026"] \
        + (["Satuan 2026"] if satuan else []) + ["Pagu Indikatif 2026"]
    for c, text in enumerate(header):
        ws.write_string(3, c, text)
    r = 4
    for kode, nama, indikator, lokasi, target, pagu, sumber, target1, pagu1 in rows:
        c = 0
        if five:
            parts = kode.split(".")
            cells = parts[:3] + ([".".join(parts[3:5])] if len(parts) > 3 else []) + parts[5:]
            for i, part in enumerate(cells):
                ws.write_string(r, i, part)
        else:
            ws.write_string(r, 0, kode)
        c = ncode
        for value in (nama, indikator, lokasi):
            ws.write_string(r, c, value)
            c += 1
        for t, p, with_sumber in ((target, pagu, True), (target1, pagu1, False)):
            if satuan:
                vol, _, unit = t.partition(" ")
                ws.write_number(r, c, float(vol.rstrip("%")))
                ws.write_string(r, c + 1, unit or "%")
                c += 2
            else:
                ws.write_string(r, c, t)
                c += 1
            if layout == "money-text":
                ws.write_string(r, c, f"{p:,.0f}".replace(",", "."))
            else:
                ws.write_number(r, c, p, money)
            c += 1
            if with_sumber:
                ws.write_string(r, c, sumber)
                c += 1
        r += 1
    wb.close()
    return path


def kecamatan_batch(folder: Path, count: int, rows_each: int = 50) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"Renja_Kec_{i:04d}_2025.xlsx"
        if not path.exists():
            write_plan(path, plan_rows(rows_each, seed=i), LAYOUTS[i % len(LAYOUTS)],
                       kecamatan=f"K{i:04d}")
        paths.append(path)
    return paths
