"""Workbooks from outside the samples, as other kecamatan send them: hidden columns, codes
over five cells with blank parent cells, dates Excel made of targets, two agencies' plans on
one sheet, a recap that also lists kegiatan. Each is built here with openpyxl and checked
and consolidated as Bappeda would."""
from __future__ import annotations

import datetime
import shutil
import subprocess

import pandas as pd
import pytest
from openpyxl import Workbook

import renja_xl

from plan_shapes import HEADER, MERGES

# (kode, nama, indikator, lokasi, target, pagu, sumber, target_n1, pagu_n1)
ROWS = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
     "Persentase Dokumen Perencanaan Tepat Waktu", "Kecamatan Contoh", "100 %", 150_000_000, None,
     "100 %", 165_000_000),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan", "Kecamatan Contoh", "3 Dokumen", 50_000_000, None, "3 Dokumen",
     55_000_000),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", "Kecamatan Contoh", "2 Dokumen", 30_000_000,
     "DAU", "2 Dokumen", 33_000_000),
    ("7.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
     "Realisasi Kinerja SKPD", "Jumlah Laporan Capaian Kinerja", "Kecamatan Contoh", "1 Laporan",
     20_000_000, "DAU", "1 Laporan", 22_000_000),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "Jumlah Dokumen Keuangan",
     "Kecamatan Contoh", "12 Bulan", 100_000_000, None, "12 Bulan", 110_000_000),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
     "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "Kecamatan Contoh", "25 Orang",
     100_000_000, "DAU", "25 Orang", 110_000_000),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", "Kecamatan Contoh", "3,5", 40_000_000, None, "3,6",
     44_000_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Koordinasi", "Kecamatan Contoh", "12 Dokumen", 40_000_000, None,
     "12 Dokumen", 44_000_000),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Jumlah Dokumen Peningkatan Efektivitas", "Kecamatan Contoh", "12 Dokumen", 40_000_000, "DAU",
     "12 Dokumen", 44_000_000),
]
TOTAL, TOTAL_N1 = 190_000_000, 209_000_000


def _titles(name="Contoh"):
    return (f"RENCANA KERJA KECAMATAN {name.upper()} TAHUN 2025",
            "Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026",
            f"Nama Perangkat Daerah : Kecamatan {name}")


def _fill(ws, titles, header, merges, rows, first=1) -> int:
    """Titles, header and rows from row `first`; returns the next free row."""
    r = first
    for line in titles:
        ws.cell(r, 1, line)
        r += 1
    top = r
    for line in list(header) + list(rows):
        for j, value in enumerate(line):
            if value is not None:
                ws.cell(r, j + 1, value)
        r += 1
    for i in range(len(header) - 1):
        for m in merges:
            ws.merge_cells(m.format(r=top + i))
    return r


def _plan(tmp_path, rows, *, titles=None, header=HEADER, merges=MERGES, sheet="Tabel 4.1"):
    """Kecamatan Contoh's plan workbook: titles, header and `rows` on one sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    _fill(ws, _titles() if titles is None else titles, header, merges, rows)
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    return path


def _programs(tmp_path, path):
    result = renja_xl.consolidate([path], output=tmp_path / "gabungan.xlsx", jobs=1)
    plan = result.plan
    programs = plan[plan["level"] == "program"]
    return programs["pagu"].sum(), programs["pagu_n1"].sum(), result


# --- hidden columns --------------------------------------------------------------------------
def _hidden_pagu(tmp_path, hide=True):
    """Last year's pagu kept in a hidden column before this year's (0,9 of it), and a hidden
    scratch column at the end."""
    header = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun 2025",
               None, None, None, None, "Prakiraan Maju Rencana Tahun 2026", None, None],
              [None, None, None, "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif",
               "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", "Target Capaian Kinerja",
               "Kebutuhan Dana/Pagu Indikatif", "cek"])
    rows = [list(r[:5]) + [r[5] * 0.9, r[5], r[6], r[7], r[8], "ok"] for r in ROWS]
    rows.append(["JUMLAH", None, None, None, None, TOTAL * 0.9, TOTAL, None, None, TOTAL_N1])
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja"
    _fill(ws, _titles(), header, ("D{r}:H{r}", "I{r}:J{r}"), rows)
    if hide:
        ws.column_dimensions["F"].hidden = True
        ws.column_dimensions["K"].hidden = True
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    return path


def test_a_hidden_column_of_last_years_pagu_is_not_read_as_the_pagu(tmp_path):
    path = _hidden_pagu(tmp_path)
    report = renja_xl.check(path)
    assert [(i.rule, i.cell) for i in report.issues] == [("column-hidden", "F4")]
    assert "'Rencana Tahun 2025 Pagu Indikatif' disembunyikan" in report.issues[0].message()
    total, total_n1, _ = _programs(tmp_path, path)
    assert (total, total_n1) == (TOTAL, TOTAL_N1)


def test_two_visible_pagu_columns_of_one_year_read_the_first_and_say_so(tmp_path):
    """Shown, the first of two year-n pagu columns is the pagu, and staff are told which one
    was read (the consolidated total depends on it)."""
    path = _hidden_pagu(tmp_path, hide=False)
    report = renja_xl.check(path)
    assert [(i.rule, i.cell) for i in report.issues] == [("column-twice", "G4")]
    assert report.issues[0].message() == (
        "Kolom pagu 2025 kedua ('Rencana Tahun 2025 Kebutuhan Dana/Pagu Indikatif') tidak dibaca: "
        "yang dipakai kolom F ('Rencana Tahun 2025 Pagu Indikatif'). Bila kolom ini yang berlaku, "
        "hapus atau ganti judul kolom F")


def test_a_hidden_pagu_column_is_read_when_it_is_the_only_one(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, _titles(), HEADER, MERGES, [list(r) for r in ROWS])
    ws.column_dimensions["F"].hidden = True           # the pagu itself, hidden for printing
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    assert renja_xl.check(path).issues == []
    assert _programs(tmp_path, path)[0] == TOTAL


# --- a code over five cells, parent cells left blank ----------------------------------------
FIVE_HEADER = (["Kode", None, None, None, None, "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
                "Rencana Tahun 2025", None, None, None, "Prakiraan Maju Rencana Tahun 2026", None],
               ["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan", None, None, "Lokasi",
                "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana",
                "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"])
FIVE_MERGES = ("A{r}:E{r}", "H{r}:K{r}", "L{r}:M{r}")


def _own_level_only(kode: str, as_numbers: bool):
    """The five code cells with only the row's own level written (a tree, as printed)."""
    parts = kode.split(".")
    if len(parts) == 3:
        return [7, 1, int(parts[2]), None, None] if as_numbers else parts + [None, None]
    if len(parts) == 5:
        kegiatan = ".".join(parts[3:5])
        return [None, None, None, float(kegiatan) if as_numbers else kegiatan, None]
    return [None, None, None, None, int(parts[5]) if as_numbers else parts[5]]


def _five_cells(tmp_path, as_numbers):
    rows = [_own_level_only(r[0], as_numbers) + list(r[1:]) for r in ROWS]
    rows.append(["JUMLAH"] + [None] * 8 + [TOTAL, None, None, TOTAL_N1])
    path = _plan(tmp_path, rows, header=FIVE_HEADER, merges=FIVE_MERGES, sheet="T-C.33")
    return path


def test_five_cell_codes_with_blank_parent_cells_take_the_parents_from_the_rows_above(tmp_path):
    path = _five_cells(tmp_path, as_numbers=False)
    assert renja_xl.check(path).issues == []
    rows = renja_xl.read_renja(path)
    assert rows["kode"].tolist() == [r[0] for r in ROWS]
    assert rows["level"].tolist() == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan",
                                      "kegiatan", "sub_kegiatan", "program", "kegiatan",
                                      "sub_kegiatan"]
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


def test_five_cell_codes_typed_as_numbers_under_blank_parents(tmp_path):
    """Excel made 1 of "0001" and 7.1 of nothing: still the sub kegiatan of the kegiatan above,
    reported as damaged on the cell that was typed, never read as urusan 1 / bidang 2.01."""
    path = _five_cells(tmp_path, as_numbers=True)
    report = renja_xl.check(path)
    assert {i.rule for i in report.issues} == {"kode-damaged"}
    sub = next(i for i in report.issues if i.cell == "E8")
    assert "(1); dibaca sebagai 7.01.01.2.01.0001" in sub.message()
    assert renja_xl.read_renja(path)["kode"].tolist() == [r[0] for r in ROWS]


# --- targets Excel turned into dates ----------------------------------------------------------
def test_a_target_excel_turned_into_a_date_is_one_clear_error_per_cell(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[3][4] = datetime.datetime(2025, 1, 12)          # "12-1" or "1/12" typed, a date shown
    rows[5][4] = rows[5][7] = datetime.datetime(2025, 12, 1)
    path = _plan(tmp_path, rows)
    report = renja_xl.check(path)
    assert sorted((i.rule, i.cell) for i in report.issues) == [
        ("target-date", "E11"), ("target-date", "E9"), ("target-date", "H11")]
    first = next(i for i in report.issues if i.cell == "E9")
    assert first.severity == "error"
    assert first.message() == (
        "Target 2025 berisi tanggal 12-01-2025: Excel mengubah ketikan seperti '1/12' atau "
        "'12/1' menjadi tanggal. Format sel sebagai Teks lalu ketik ulang targetnya "
        "(mis. '12 Bulan', '1 Dokumen')")
    n1 = next(i for i in report.issues if i.cell == "H11")
    assert "Target 2026 berisi tanggal 01-12-2025" in n1.message()
    rows = renja_xl.read_renja(path).set_index("kode")
    assert pd.isna(rows.loc["7.01.01.2.01.0006", "target"])      # not 2025 read from the date
    assert rows.loc["7.01.01.2.01.0001", "target"] == 2
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


# --- two kecamatan's plans on one sheet -------------------------------------------------------
def _named(name):
    return [[c.replace("Contoh", name) if isinstance(c, str) else c for c in r] for r in ROWS]


def test_a_second_kecamatans_plan_below_the_first_is_not_added_to_it(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja"
    total = ["JUMLAH", None, None, None, None, TOTAL, None, None, TOTAL_N1]
    below = _fill(ws, _titles("Jati"), HEADER, MERGES, _named("Jati") + [total])
    _fill(ws, _titles("Kenanga"), HEADER, MERGES, _named("Kenanga") + [total], first=below + 3)
    path = tmp_path / "Renja_Kec_Jati_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert [(i.rule, i.severity, i.cell) for i in report.issues] == [
        ("plan-other-agency", "error", f"A{below + 3 + 3}")]
    assert report.issues[0].message().startswith(
        "Tabel rencana ini milik Kenanga, bukan Jati (nama di judul tabel)")
    total_n, total_n1, result = _programs(tmp_path, path)
    assert (total_n, total_n1) == (TOTAL, TOTAL_N1)          # Jati's, not both added up
    assert set(result.plan["kecamatan"]) == {"Jati"}


def test_the_same_kecamatans_plan_continued_under_a_repeated_title_stays_one_table(tmp_path):
    """A page break that repeats the title lines of the same kecamatan is no second agency."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja"
    rows = _named("Jati")
    below = _fill(ws, _titles("Jati"), HEADER, MERGES, rows[:6])
    _fill(ws, _titles("Jati"), HEADER, MERGES, rows[6:], first=below + 1)
    path = tmp_path / "Renja_Kec_Jati_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert report.issues == []
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


# --- a REKAP sheet that lists programs and kegiatan ------------------------------------------
def _recap_with_kegiatan(tmp_path, change=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "REKAP"
    recap = [list(r) for r in ROWS if r[0].count(".") <= 4]         # programs and kegiatan
    if change:
        change(recap)
    total = ["JUMLAH", None, None, None, None, TOTAL, None, None, TOTAL_N1]
    _fill(ws, ("REKAPITULASI RENCANA PROGRAM DAN KEGIATAN KECAMATAN CONTOH TAHUN 2025",),
          HEADER, MERGES, recap + [total])
    for name, part in (("Prog 1", ROWS[:6]), ("Prog 2", ROWS[6:])):
        _fill(wb.create_sheet(name), _titles(), HEADER, MERGES, [list(r) for r in part])
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    return path


def test_a_recap_of_programs_and_kegiatan_is_a_recap_not_a_second_version(tmp_path):
    path = _recap_with_kegiatan(tmp_path)
    report = renja_xl.check(path)
    assert report.issues == []                      # was plan-version on both detail sheets
    assert [t.table for t in report.files[0].tables] == ["rencana_rekap", "rencana", "rencana"]
    total, total_n1, _ = _programs(tmp_path, path)
    assert (total, total_n1) == (TOTAL, TOTAL_N1)   # the detail sheets, counted once


def test_a_recap_kegiatan_pagu_that_differs_from_its_detail_is_reported(tmp_path):
    def wrong(rows):
        rows[1][5] = 55_000_000                     # kegiatan 7.01.01.2.01: detail says 50 juta
    path = _recap_with_kegiatan(tmp_path, wrong)
    report = renja_xl.check(path)
    differs = [i for i in report.issues if i.rule == "recap-pagu-differs"]
    assert [(i.sheet, i.cell) for i in differs] == [("REKAP", "F5")]
    assert differs[0].message() == (
        "Pagu 2025 kegiatan 7.01.01.2.01 di tabel rekap Rp 55.000.000 ≠ pagu kegiatan itu di "
        "rinciannya Rp 50.000.000 ('Prog 1'!F7)")
    assert _programs(tmp_path, path)[0] == TOTAL


# --- urusan and bidang rows in a Review RKPD with codes ---------------------------------------
def test_urusan_and_bidang_rows_of_a_coded_review_are_not_programs(tmp_path):
    groups = [("7", "UNSUR KEWILAYAHAN", None, None, None, TOTAL, None, None, TOTAL_N1),
              ("7.01", "KECAMATAN", None, None, None, TOTAL, None, None, TOTAL_N1)]
    plan = [list(r) for r in groups] + [list(r) for r in ROWS]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, _titles(), HEADER, MERGES, plan)
    header = (["Kode", "Rancangan Awal RKPD", None, None, None, None, "Hasil Analisis Kebutuhan",
               None, None, None, None, "Catatan Penting"],
              [None, "Program/Kegiatan/Sub Kegiatan", "Lokasi", "Indikator Kinerja",
               "Target Capaian", "Pagu Indikatif (Rp)", "Program/Kegiatan/Sub Kegiatan", "Lokasi",
               "Indikator Kinerja", "Target Capaian", "Kebutuhan Dana (Rp)", None])
    review = [[r[0], r[1], r[3], r[2], r[4], r[5], r[1], r[3], r[2], r[4], r[5], None]
              for r in plan]
    _fill(wb.create_sheet("Review RKPD"),
          ("Tabel 2.4 Review terhadap Rancangan Awal RKPD Tahun 2025", "Kecamatan Contoh"),
          header, ("B{r}:F{r}", "G{r}:K{r}"), review)
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert report.issues == []          # was review-program-not-in-plan on the urusan and bidang
    review_info = next(t for t in report.files[0].tables if t.table == "review_rkpd")
    assert review_info.levels.get("program") == 2


# --- 'Rp' in a cell of its own before the amount ----------------------------------------------
def test_rp_written_in_its_own_cell_before_the_amount_reads_the_amount(tmp_path):
    header = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun 2025",
               None, None, None, None, "Prakiraan Maju Rencana Tahun 2026", None, None],
              [None, None, None, "Lokasi", "Target Capaian Kinerja",
               "Kebutuhan Dana/Pagu Indikatif", None, "Sumber Dana", "Target Capaian Kinerja",
               "Kebutuhan Dana/Pagu Indikatif", None])
    rows = [[r[0], r[1], r[2], r[3], r[4], "Rp", r[5], r[6], r[7], "Rp.", r[8]] for r in ROWS]
    rows.append(["JUMLAH", None, None, None, None, "Rp", TOTAL, None, None, "Rp.", TOTAL_N1])
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja"
    _fill(ws, _titles(), header, ("D{r}:H{r}", "I{r}:K{r}"), rows)
    ws.merge_cells("F5:G5")
    ws.merge_cells("J5:K5")
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert report.issues == []           # was 20 × "Pagu 2025 'Rp' bukan angka", total Rp 0
    total, total_n1, result = _programs(tmp_path, path)
    assert (total, total_n1) == (TOTAL, TOTAL_N1)
    assert result.plan["pagu"].tolist()[:3] == [150_000_000, 50_000_000, 30_000_000]


def test_rp_and_amount_in_one_cell_beside_an_empty_column_is_unchanged(tmp_path):
    """The amount's own column is kept when the 'Rp' cells are the amounts themselves."""
    rows = [list(r) for r in ROWS]
    for row in rows:
        row[5] = f"Rp {row[5]:,}".replace(",", ".")
    path = _plan(tmp_path, rows)
    assert renja_xl.check(path).issues == []
    assert _programs(tmp_path, path)[0] == TOTAL


# --- money written with words -----------------------------------------------------------------
def test_pagu_written_with_juta_or_m_is_read_and_questioned(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][5] = "Rp 150 juta"
    rows[4][5] = "Rp 100 jt"
    rows[6][5] = "0,04 M"                   # miliar: Rp 40.000.000
    rows[2][5] = "Rp. 30.000.000,-"         # the usual spellings stay silent
    rows[3][5] = "20.000.000,00"
    path = _plan(tmp_path, rows)
    report = renja_xl.check(path)
    assert sorted((i.rule, i.cell) for i in report.issues) == [
        ("pagu-words", "F10"), ("pagu-words", "F12"), ("pagu-words", "F6")]
    first = next(i for i in report.issues if i.cell == "F6")
    assert first.message() == ("Pagu 2025 'Rp 150 juta' ditulis dengan kata; dibaca sebagai "
                               "Rp 150.000.000. Tulis angka lengkapnya (mis. 150.000.000) agar "
                               "tidak salah baca")
    assert _programs(tmp_path, path)[0] == TOTAL       # no roll-up error: every amount read


def test_a_word_that_is_no_money_word_is_still_not_a_number(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][5] = "30 Dokumen"
    path = _plan(tmp_path, rows)
    rules = {i.rule for i in renja_xl.check(path).issues}
    assert "pagu-not-number" in rules and "pagu-words" not in rules


# --- Bappeda consolidates a batch where some files are broken ---------------------------------
def test_a_batch_with_broken_files_says_what_was_left_out_and_counts_the_rest(tmp_path):
    import openpyxl
    folder = tmp_path / "masuk"
    folder.mkdir()
    expected = 0
    names = ["Bukateja", "Kemangkon", "Kaligondang", "Padamara", "Bojongsari", "Mrebet",
             "Karangreja", "Kutasari", "Kalimanah"]
    for k, name in enumerate(names):
        rows = _named(name)
        for row in rows:
            row[5], row[8] = row[5] * (k + 1), row[8] * (k + 1)
        expected += rows[0][5] + rows[6][5]
        wb = Workbook()
        ws = wb.active
        ws.title = "Tabel 4.1"
        _fill(ws, _titles(name), HEADER, MERGES, rows)
        wb.save(folder / f"Renja_Kec_{name}_2025.xlsx")
    good = (folder / "Renja_Kec_Bukateja_2025.xlsx").read_bytes()
    (folder / "Renja_Kec_Rakit_2025.xlsx").write_bytes(good[: len(good) // 2])     # cut short
    (folder / "Renja_Kec_Pengadegan_2025.xlsx").write_bytes(b"%PDF-1.4 printed, renamed\n")
    letter = Workbook()
    letter.active["A1"] = "Surat pengantar Renja Kecamatan Karangjambu"
    letter.save(folder / "Renja_Kec_Karangjambu_2025.xlsx")
    # a fourth: two kecamatan in one file; Karangmoncol's table is left out, Rembang's counted
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja"
    below = _fill(ws, _titles("Rembang"), HEADER, MERGES, _named("Rembang"))
    _fill(ws, _titles("Karangmoncol"), HEADER, MERGES, _named("Karangmoncol"), first=below + 2)
    wb.save(folder / "Renja_Kec_Rembang_2025.xlsx")
    expected += TOTAL

    result = renja_xl.consolidate([folder], output=tmp_path / "gabungan.xlsx", jobs=1)
    plan = result.plan
    assert plan.loc[plan["level"] == "program", "pagu"].sum() == expected
    assert result.summary["pagu"].sum() == expected
    ws = openpyxl.load_workbook(tmp_path / "gabungan.xlsx")["Ringkasan"]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "File")
    assert ws.cell(head, 9).value == "Tidak dihitung dalam total karena"
    why = {}
    for r in range(head + 1, head + 1 + len(result.summary)):
        why[ws.cell(r, 1).value.rsplit("/", 1)[-1]] = ws.cell(r, 9).value
    assert why["Renja_Kec_Rakit_2025.xlsx"].startswith("File rusak atau terpotong")
    assert why["Renja_Kec_Pengadegan_2025.xlsx"].startswith("File ini PDF, bukan Excel")
    assert why["Renja_Kec_Karangjambu_2025.xlsx"] == (
        "Tabel Rencana Program dan Kegiatan tidak ditemukan di sheet mana pun")
    assert "milik Karangmoncol, bukan Rembang" in why["Renja_Kec_Rembang_2025.xlsx"]
    assert all(why[f"Renja_Kec_{name}_2025.xlsx"] is None for name in names)


# --- a row hidden in Excel ------------------------------------------------------------------
def test_a_hidden_plan_row_is_read_and_staff_are_told(tmp_path):
    dropped = ("7.01.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
               "Jumlah Dokumen", "Kecamatan Contoh", "12 Dokumen", 5_000_000, "DAU", "12 Dokumen",
               5_000_000)
    rows = [list(r) for r in ROWS[:6]] + [list(dropped)] + [list(r) for r in ROWS[6:]]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, _titles(), HEADER, MERGES, rows)
    ws.row_dimensions[12].hidden = True              # the dropped sub kegiatan, hidden by hand
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    hidden = [i for i in report.issues if i.rule == "row-hidden"]
    assert [(i.cell, i.severity) for i in hidden] == [("A12", "warning")]
    assert hidden[0].message().startswith(
        "Baris ini disembunyikan di Excel tetapi tetap dibaca dan diperiksa seperti baris lain: "
        "sub kegiatan 7.01.01.2.02.0002 (pagu Rp 5.000.000)")
    rollup = [i for i in report.issues if i.rule == "pagu-rollup"]
    assert [i.cell for i in rollup] == ["F10", "I10"]  # its kegiatan typed without it
    assert _programs(tmp_path, path)[0] == TOTAL       # the programs as typed


# --- a bidang code Excel turned into a number -------------------------------------------------
def test_a_bidang_typed_as_a_number_keeps_its_trailing_zero(tmp_path):
    """'2.10' in a General cell is stored as 2.1: the lost digit is a trailing zero (2.10),
    never a leading one (2.01, another bidang)."""
    rows = [
        ("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", None, None,
         None, 60_000_000, None, None, 66_000_000),
        (2.1, "URUSAN PEMERINTAHAN BIDANG KEBUDAYAAN", None, None, None, 60_000_000, None, None,
         66_000_000),
        ("2.10.02", "PROGRAM CONTOH BIDANG", "Persentase Capaian", "Kabupaten", "100 %",
         60_000_000, None, "100 %", 66_000_000),
        ("2.10.02.2.01", "Kegiatan Contoh", "Jumlah Dokumen", "Kabupaten", "2 Dokumen", 60_000_000,
         None, "2 Dokumen", 66_000_000),
        ("2.10.02.2.01.0001", "Sub Kegiatan Contoh", "Jumlah Dokumen", "Kabupaten", "2 Dokumen",
         60_000_000, "DAU", "2 Dokumen", 66_000_000),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, ("RENCANA KERJA PERANGKAT DAERAH TAHUN 2025", "Perangkat Daerah : DINAS CONTOH"),
          HEADER, MERGES, [list(r) for r in rows])
    path = tmp_path / "Renja_Dinas_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    hierarchy = [i for i in report.issues if i.category == "hierarchy"]
    assert hierarchy == []                  # was wrong-parent / parent-missing under bidang 2.01
    read = renja_xl.read_renja(path)
    assert read["kode"].tolist()[:2] == ["2", "2.10"]
    assert _programs(tmp_path, path)[0] == 60_000_000


def test_a_plan_split_over_sheets_whose_titles_name_the_kecamatan_differently_is_one_plan(tmp_path):
    """'Kecamatan Contoh' on one sheet, 'KECAMATAN CONTOH PERIODE 2025' on the next: one agency."""
    wb = Workbook()
    _fill(wb.active, _titles(), HEADER, MERGES, [list(r) for r in ROWS[:6]])
    wb.active.title = "Program 1"
    _fill(wb.create_sheet("Program 2"), ("RENCANA KERJA KECAMATAN CONTOH PERIODE 2025",
                                         "Rencana Program dan Kegiatan Tahun 2025"),
          HEADER, MERGES, [list(r) for r in ROWS[6:]])
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    assert renja_xl.check(path).issues == []
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


# --- a money scale written above another table ------------------------------------------------
def test_the_money_scale_of_a_table_above_is_not_the_plans(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "BAB IV"
    for line in (["Tabel 4.0 Rekap Pagu per Sumber Dana (dalam ribuan rupiah)"],
                 ["Sumber Dana", "Pagu"], ["DAU", TOTAL // 1000], ["JUMLAH", TOTAL // 1000]):
        ws.append(line)
    _fill(ws, _titles()[1:], HEADER, MERGES, [list(r) for r in ROWS], first=6)
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert "money-scale" not in {i.rule for i in report.issues}
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)    # was × 1.000


def test_the_plans_own_title_still_sets_its_money_scale(tmp_path):
    rows = [list(r) for r in ROWS]
    for row in rows:
        row[5], row[8] = row[5] // 1000, row[8] // 1000
    path = _plan(tmp_path, rows, titles=_titles() + ("(dalam ribuan rupiah)",))
    assert [i.rule for i in renja_xl.check(path).issues] == ["money-scale"]
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


# --- two folders of one batch with the same file name -----------------------------------------
def test_two_submissions_with_the_same_file_name_are_told_apart_by_folder(tmp_path):
    import os
    paths = []
    for folder, pagu in (("kiriman_1", 150_000_000), ("kiriman_2", 160_000_000)):
        (tmp_path / folder).mkdir()
        rows = [list(r) for r in ROWS]
        rows[0][5] = pagu
        wb = Workbook()
        ws = wb.active
        ws.title = "Tabel 4.1"
        _fill(ws, _titles(), HEADER, MERGES, rows)
        path = tmp_path / folder / "Renja_Kec_Contoh_2025.xlsx"
        wb.save(path)
        paths.append(path)
    os.utime(paths[0], (1_700_000_000, 1_700_000_000))          # the second one is newer
    os.utime(paths[1], (1_800_000_000, 1_800_000_000))
    result = renja_xl.consolidate(paths, output=tmp_path / "gabungan.xlsx", jobs=1)
    superseded = [i for i in result.report.issues if i.rule == "submission-superseded"]
    assert [os.path.basename(os.path.dirname(i.file)) for i in superseded] == ["kiriman_1"]
    other = os.path.join("kiriman_2", "Renja_Kec_Contoh_2025.xlsx")
    assert f"gabungan hanya menghitung {other} (file paling baru)" in superseded[0].message()


# --- a header without years -------------------------------------------------------------------
def test_a_header_without_years_takes_the_year_from_the_title(tmp_path):
    header = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi",
               "Target Kinerja", "Pagu Indikatif (Rp)", "Sumber Dana"],)
    rows = [list(r[:7]) for r in ROWS]
    rows[1][5] = 45_000_000                          # kegiatan ≠ its sub kegiatan (50 juta)
    path = _plan(tmp_path, rows, header=header, merges=(), sheet="Renja")
    report = renja_xl.check(path)
    rollup = sorted(i.message() for i in report.issues if i.rule == "pagu-rollup")
    assert rollup[0].startswith("Pagu 2025 kegiatan 7.01.01.2.01 Rp 45.000.000")  # was "Pagu n"
    optional = [i.message() for i in report.issues if i.rule == "column-missing-optional"]
    assert "Kolom 'Kebutuhan Dana/Pagu Indikatif (Prakiraan Maju 2026)' tidak ditemukan di " \
           "header tabel" in optional


# --- year blocks named n-1, n, n+1 ------------------------------------------------------------
def test_year_blocks_written_as_n_minus_1_n_and_n_plus_1(tmp_path):
    """'Realisasi n-1' is an earlier year (never n+1), 'Tahun Berjalan (n)' is year n, even
    when the n+1 block stands before it."""
    header = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
               "Realisasi Tahun n-1", None, "Prakiraan Maju (n+1)", None,
               "Rencana Tahun Berjalan (n)", None, None, None],
              [None, None, None, "Target", "Pagu", "Target", "Pagu", "Lokasi", "Target", "Pagu",
               "Sumber Dana"])
    rows = [[r[0], r[1], r[2], r[4], r[5] // 2, r[7], r[8], r[3], r[4], r[5], r[6]] for r in ROWS]
    path = _plan(tmp_path, rows, header=header, merges=("D{r}:E{r}", "F{r}:G{r}", "H{r}:K{r}"))
    assert renja_xl.check(path).issues == []
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


# --- a code written with commas ---------------------------------------------------------------
def test_a_code_written_with_commas_is_read_with_one_warning(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[3][0] = "7,01,01,2,01,0006"
    path = _plan(tmp_path, rows)
    report = renja_xl.check(path)
    assert [(i.rule, i.cell) for i in report.issues] == [("kode-comma", "A9")]   # no roll-up noise
    assert report.issues[0].message() == (
        "Kode '7,01,01,2,01,0006' ditulis dengan koma; dibaca sebagai 7.01.01.2.01.0006. "
        "Gunakan titik di antara bagian kode")
    assert _programs(tmp_path, path)[0] == TOTAL


# --- the program row repeated at the top of the next page -------------------------------------
def _page_break_repeat(tmp_path, repeated):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    below = _fill(ws, _titles(), HEADER, MERGES, [list(r) for r in ROWS[:4]])
    ws.cell(below, 1, "Halaman 1")
    _fill(ws, (), HEADER, MERGES, [repeated] + [list(r) for r in ROWS[4:]], first=below + 2)
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    return path


def test_a_program_row_repeated_after_a_page_break_is_skipped_not_a_duplicate(tmp_path):
    again = list(ROWS[0])
    lanjutan = list(ROWS[0])
    lanjutan[1] += " (lanjutan)"
    lanjutan[5] = lanjutan[8] = None
    for repeated in (again, lanjutan):
        report = renja_xl.check(_page_break_repeat(tmp_path, repeated))
        assert report.issues == []            # was kode-duplicate (+ a false pagu-rollup)
        assert report.files[0].tables[0].skipped.get("induk berulang") == 1
        assert _programs(tmp_path, tmp_path / "Renja_Kec_Contoh_2025.xlsx")[:2] == (TOTAL, TOTAL_N1)


def test_a_program_repeated_after_a_page_break_with_another_pagu_is_still_a_duplicate(tmp_path):
    other = list(ROWS[0])
    other[5] = 99_000_000
    report = renja_xl.check(_page_break_repeat(tmp_path, other))
    assert "kode-duplicate" in {i.rule for i in report.issues}


# --- the plan below a long text on the same sheet ---------------------------------------------
def test_a_plan_below_two_hundred_rows_of_text_is_found_and_named(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "RENJA"
    for r in range(1, 240):
        ws.cell(r, 1, f"Paragraf {r}: Kecamatan Contoh menyusun Rencana Kerja sesuai ketentuan.")
    _fill(ws, _titles(), HEADER, MERGES, [list(r) for r in ROWS], first=242)
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert report.issues == []                       # was table-not-found: not counted
    assert report.files[0].kecamatan == "Contoh"     # was "Contoh Menyusun Rencana Kerja …"
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


def test_a_hidden_column_of_a_review_rkpd_is_not_read_beside_the_visible_one(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, _titles(), HEADER, MERGES, [list(r) for r in ROWS])
    header = (["Kode", "Rancangan Awal RKPD", None, None, None, None, "Hasil Analisis Kebutuhan",
               None, None, None, None, None, "Catatan Penting"],
              [None, "Program/Kegiatan/Sub Kegiatan", "Lokasi", "Indikator Kinerja",
               "Target Capaian", "Pagu Indikatif (Rp)", "Program/Kegiatan/Sub Kegiatan", "Lokasi",
               "Indikator Kinerja", "Target Capaian", "Kebutuhan Dana (Rp)",
               "Kebutuhan Dana (Rp)", None])
    review = [[r[0], r[1], r[3], r[2], r[4], r[5], r[1], r[3], r[2], r[4], r[5] * 0.6, r[5], None]
              for r in ROWS]
    sheet = wb.create_sheet("Review RKPD")
    _fill(sheet, ("Tabel 2.4 Review terhadap Rancangan Awal RKPD Tahun 2025", "Kecamatan Contoh"),
          header, ("B{r}:F{r}", "G{r}:L{r}"), review)
    sheet.column_dimensions["K"].hidden = True        # last year's figures, kept out of sight
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    assert "review-pagu-differs" not in {i.rule for i in report.issues}
    assert report.issues == []


# --- last year's plan kept on the first sheet -------------------------------------------------
def test_last_years_plan_on_the_first_sheet_is_not_the_one_counted(tmp_path):
    def years_back(text):
        return text.replace("2025", "2024").replace("2026", "2025") if isinstance(text, str) else text
    wb = Workbook()
    ws = wb.active
    ws.title = "Renja 2024"
    old = [[years_back(c) for c in r] for r in ROWS]
    for row in old:
        row[5], row[8] = row[5] * 0.8, row[8] * 0.8
    _fill(ws, tuple(map(years_back, _titles())), [[years_back(c) for c in h] for h in HEADER],
          MERGES, old)
    _fill(wb.create_sheet("Renja 2025"), _titles(), HEADER, MERGES, [list(r) for r in ROWS])
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    report = renja_xl.check(path)
    version = [i for i in report.issues if i.rule == "plan-version"]
    assert [i.sheet for i in version] == ["Renja 2024"]
    assert "gabungan hanya menghitung sheet 'Renja 2025'" in version[0].message()
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)      # was 2024's: 0,8 of it


def test_a_bidang_code_damaged_by_excel_is_said_like_any_other_code(tmp_path):
    rows = [("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", None,
             None, None, 60_000_000, None, None, 66_000_000),
            (2.1, "URUSAN PEMERINTAHAN BIDANG KEBUDAYAAN", None, None, None, 60_000_000, None,
             None, 66_000_000),
            ("2.10.02", "PROGRAM CONTOH BIDANG", "Persentase Capaian", "Kabupaten", "100 %",
             60_000_000, "DAU", "100 %", 66_000_000)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, ("Perangkat Daerah : DINAS CONTOH",), HEADER, MERGES, [list(r) for r in rows])
    path = tmp_path / "Renja_Dinas_Contoh_2025.xlsx"
    wb.save(path)
    damaged = [i for i in renja_xl.check(path).issues if i.rule == "kode-damaged"]
    assert [(i.cell, i.value, i.expected) for i in damaged] == [("A5", "2.1", "2.10")]


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) not installed: apt-get install libreoffice-calc")
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_an_ods_or_xls_file_keeps_its_hidden_column_out_of_the_pagu(tmp_path, fmt):
    source = _hidden_pagu(tmp_path)
    out = tmp_path / fmt
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", fmt, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    path = out / f"Renja_Kec_Contoh_2025.{fmt}"
    report = renja_xl.check(path)
    assert [(i.rule, i.cell) for i in report.issues] == [("column-hidden", "F4")]
    assert _programs(tmp_path, path)[:2] == (TOTAL, TOTAL_N1)


def test_rupiah_with_dot_grouping_and_dot_cents_is_read(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][5] = "Rp 150.000.000.00"                # '.00' cents after dot thousands
    path = _plan(tmp_path, rows)
    assert renja_xl.check(path).issues == []        # was pagu-not-number, total from children
    assert _programs(tmp_path, path)[0] == TOTAL


# --- Satuan columns left empty, the unit written in the target --------------------------------
def test_an_empty_satuan_column_takes_the_unit_written_in_the_target(tmp_path):
    header = (["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun 2025",
               None, None, None, None, "Prakiraan Maju Rencana Tahun 2026", None, None],
              [None, None, None, "Lokasi", "Target", "Satuan", "Pagu Indikatif", "Sumber Dana",
               "Target", "Satuan", "Pagu Indikatif"])
    rows = [[r[0], r[1], r[2], r[3], r[4], None, r[5], r[6], r[7], None, r[8]] for r in ROWS]
    rows[2][8] = "2 Laporan"                         # 2025: 2 Dokumen
    rows[0][4] = "110 %"
    path = _plan(tmp_path, rows, header=header, merges=("D{r}:H{r}", "I{r}:K{r}"), sheet="Renja")
    report = renja_xl.check(path)
    assert sorted((i.rule, i.cell) for i in report.issues) == [
        ("percent-over-100", "E6"), ("satuan-changed", "I8")]     # both were missed
    read = renja_xl.read_renja(path).set_index("kode")
    assert read.loc["7.01.01.2.01.0001", "satuan"] == "Dokumen"


def test_rp_in_its_own_cell_in_a_review_rkpd_reads_the_amounts(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    _fill(ws, _titles(), HEADER, MERGES, [list(r) for r in ROWS])
    header = (["Kode", "Rancangan Awal RKPD", None, None, None, None, None,
               "Hasil Analisis Kebutuhan", None, None, None, None, None, "Catatan Penting"],
              [None, "Program/Kegiatan/Sub Kegiatan", "Lokasi", "Indikator Kinerja",
               "Target Capaian", "Pagu Indikatif", None, "Program/Kegiatan/Sub Kegiatan",
               "Lokasi", "Indikator Kinerja", "Target Capaian", "Kebutuhan Dana", None, None])
    review = [[r[0], r[1], r[3], r[2], r[4], "Rp", r[5], r[1], r[3], r[2], r[4], "Rp", r[5], None]
              for r in ROWS]
    sheet = wb.create_sheet("Review RKPD")
    _fill(sheet, ("Tabel 2.4 Review terhadap Rancangan Awal RKPD Tahun 2025", "Kecamatan Contoh"),
          header, ("B{r}:G{r}", "H{r}:M{r}"), review)
    sheet.merge_cells("F4:G4")
    sheet.merge_cells("L4:M4")
    path = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(path)
    assert renja_xl.check(path).issues == []      # was 'Rp' bukan angka on every money cell
