"""The plan shapes agencies other than kecamatan send: each on its own workbook."""
from __future__ import annotations

import pathlib
import re

import openpyxl
import pytest

import renja_xl

from plan_shapes import (OPD_ROWS, OPD_TITLES, PERUBAHAN_ROWS, PERUBAHAN_TOTAL, write_perubahan,
                         write_plan)

OPD_TOTAL = ("JUMLAH", None, None, None, None, 170_000_000, None, None, 187_000_000)


def _rules(report):
    return [i.rule for i in report.issues]


def _errors(report):
    return [i.message() for i in report.errors]


def _consolidated_pagu(tmp_path, path):
    """Σ pagu of the program rows, as `Ringkasan` and as a sum over `Rencana`, read back."""
    out = tmp_path / "konsolidasi_out.xlsx"
    renja_xl.consolidate([path], output=str(out), jobs=1)
    wb = openpyxl.load_workbook(out, read_only=True)
    summary = list(wb["Ringkasan"].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(summary) if r[0] == "File" and "Pagu tahun n (Rp)" in r)
    ringkasan = dict(zip(summary[at], summary[at + 1]))
    head, *rows = list(wb["Rencana"].iter_rows(values_only=True))
    plan = [dict(zip(head, r)) for r in rows]
    programs = sum(r["pagu"] or 0 for r in plan if r["level"] == "program")
    if programs:                       # the "Total pagu per program" block agrees
        pivot = next(r for r in summary[at:] if r[0] == "JUMLAH")
        assert [v for v in pivot if isinstance(v, (int, float))][-1] == programs
    return ringkasan["Pagu tahun n (Rp)"], ringkasan["Pagu tahun n+1 (Rp)"], programs, plan


def test_opd_plan_with_urusan_and_bidang_rows_is_clean(tmp_path):
    path = write_plan(tmp_path / "opd.xlsx", OPD_ROWS, total=OPD_TOTAL)
    df = renja_xl.read_renja(path)
    levels = dict(zip(df["kode"], df["level"]))
    assert levels["1"] == "urusan" and levels["1.02"] == "bidang" and levels["2.08"] == "bidang"
    parents = dict(zip(df["kode"], df["parent_kode"]))
    assert parents["1.02.02"] == "1.02" and parents["1.02"] == "1" and parents["2.08.04"] == "2.08"
    report = renja_xl.check(path)
    assert _errors(report) == []
    assert "kode-invalid" not in _rules(report)
    pagu, pagu_n1, programs, _ = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1, programs) == (170_000_000, 187_000_000, 170_000_000)


def test_bidang_and_urusan_roll_ups(tmp_path):
    rows = [list(r) for r in OPD_ROWS]
    rows[1][5] = 140_000_000                           # bidang 1.02 ≠ Σ programs 150 jt
    rows[8][8] = 25_000_000                            # urusan 2 n+1 ≠ Σ bidang 22 jt
    report = renja_xl.check(write_plan(tmp_path / "opd.xlsx", [tuple(r) for r in rows],
                                       total=OPD_TOTAL))
    rollups = [i for i in report.issues if i.rule == "pagu-rollup"]
    # urusan 1 is checked against its bidang as written (140 jt) and differs too
    assert sorted((i.kode, i.cell) for i in rollups) == [("1", "F6"), ("1.02", "F7"), ("2", "I14")]
    bidang = next(i for i in rollups if i.kode == "1.02")
    assert "bidang urusan 1.02" in bidang.message() and "2 program" in bidang.message()
    assert "Rp 150.000.000" in bidang.message()
    # and the JUMLAH row (Σ urusan as written) sees urusan 2's n+1 figure
    assert sorted(i.rule for i in report.errors) == ["pagu-rollup"] * 3 + ["total-mismatch"]


def test_program_under_another_bidang_is_a_hierarchy_error(tmp_path):
    rows = list(OPD_ROWS)
    moved = ("1.03.02", "PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM",
             "Persentase Rumah Tangga Akses Air Minum", "Kabupaten", "80 %", None, None, "82 %",
             None)
    rows.insert(8, moved)                              # under bidang 1.02, no bidang 1.03
    report = renja_xl.check(write_plan(tmp_path / "opd.xlsx", rows, total=OPD_TOTAL))
    missing = [i for i in report.issues if i.rule == "parent-missing"]
    assert [(i.kode, i.expected) for i in missing] == [("1.03.02", "1.03")]
    rows.insert(9, ("1.03", "URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUM", None, None, None,
                    None, None, None, None))
    report = renja_xl.check(write_plan(tmp_path / "opd2.xlsx", rows, total=OPD_TOTAL))
    wrong = [i for i in report.issues if i.rule in ("wrong-parent", "child-before-parent")]
    assert [(i.rule, i.kode) for i in wrong] == [("child-before-parent", "1.03.02")]


def test_generic_program_under_the_agency_bidang(tmp_path):
    rows = [("X.XX.01",) + r[1:] if r[0] == "1.02.01" else r for r in OPD_ROWS]
    rows = [(r[0].replace("1.02.01.", "X.XX.01."),) + r[1:] for r in rows]
    report = renja_xl.check(write_plan(tmp_path / "opd.xlsx", rows, total=OPD_TOTAL))
    assert _errors(report) == []


@pytest.mark.parametrize("where", [0, 1, 3], ids=["kode", "nama", "lokasi"])
def test_total_row_in_any_column(tmp_path, where):
    total = [None] * 9
    total[where] = "JUMLAH TOTAL"
    total[5], total[8] = 170_000_000, 180_000_000      # n+1 wrong: 187 jt
    report = renja_xl.check(write_plan(tmp_path / "t.xlsx", OPD_ROWS, total=tuple(total)))
    rules = _rules(report)
    assert "kode-invalid" not in rules and "kode-missing" not in rules
    assert "lokasi-not-a-place" not in rules
    mismatch = [i for i in report.issues if i.rule == "total-mismatch"]
    assert [(i.cell, i.expected) for i in mismatch] == [("I19", 187_000_000)]
    assert "2 urusan" in mismatch[0].message()


# -- several indicators per item (SIPD exports) --------------------------------------------
def _sipd_rows():
    rows = []
    for r in OPD_ROWS:
        rows.append(r)
        if r[0] == "1.02.02":
            rows.append((None, None, "Persentase Bayi Baru Lahir Mendapatkan Pelayanan", None,
                         "98 %", None, None, "99 %", None))
        if r[0] == "1.02.02.2.02.0001":
            rows.append((None, None, "Jumlah Dokumen Hasil Pelayanan Kesehatan Ibu Hamil", None,
                         "12 Dokumen", None, None, "12 Dokumen", None))
            rows.append((None, None, "Persentase Ibu Hamil Mendapat Tablet Tambah Darah", None,
                         "90 %", None, None, "92 %", None))
    return rows


def test_several_indicators_per_item_each_its_own_record(tmp_path):
    path = write_plan(tmp_path / "sipd.xlsx", _sipd_rows(), total=OPD_TOTAL)
    report = renja_xl.check(path)
    assert _errors(report) == []
    assert "row-continuation" not in _rules(report)
    df = renja_xl.read_renja(path)
    sub = df[df["kode"] == "1.02.02.2.02.0001"]
    assert list(sub["indikator_ke"]) == [1, 2, 3]
    assert list(sub["target"]) == [1200, 12, 90]
    assert list(sub["satuan"]) == ["Orang", "Dokumen", "%"]
    assert list(sub["row"]) == [14, 15, 16]
    assert sub["pagu"].iloc[0] == 100_000_000 and sub["pagu"].iloc[1:].isna().all()
    pagu, pagu_n1, programs, plan = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1, programs) == (170_000_000, 187_000_000, 170_000_000)
    assert sum(r["pagu"] or 0 for r in plan if r["level"] == "sub_kegiatan") == 170_000_000
    assert [r["indikator_ke"] for r in plan if r["kode"] == "1.02.02"] == [1, 2]


def test_target_checks_run_per_indicator(tmp_path):
    rows = _sipd_rows()
    i = next(k for k, r in enumerate(rows) if r[2] == "Persentase Ibu Hamil Mendapat Tablet Tambah Darah")
    rows[i] = rows[i][:4] + ("90 %",) + rows[i][5:7] + ("92 Orang",) + rows[i][8:]
    report = renja_xl.check(write_plan(tmp_path / "sipd.xlsx", rows, total=OPD_TOTAL))
    changed = [i for i in report.issues if i.rule == "satuan-changed"]
    assert [(c.cell, c.value, c.expected) for c in changed] == [("H16", "90 %", "92 Orang")]
    assert "target-not-number" not in _rules(report)


# -- Renja Perubahan --------------------------------------------------------------------------
def test_renja_perubahan_is_read_as_menjadi_with_semula_beside_it(tmp_path):
    path = write_perubahan(tmp_path / "p.xlsx")
    df = renja_xl.read_renja(path)
    program = df.iloc[0]
    assert (program["pagu"], program["pagu_semula"], program["pagu_n1"]) == (45e6, 40e6, 44e6)
    new = df[df["kode"] == "7.01.02.2.04.0002"].iloc[0]
    assert new["pagu"] == 5e6 and new["pagu_semula"] != new["pagu_semula"]     # NaN: new row
    assert df[df["kode"] == "7.01.02.2.04.0001"].iloc[0]["target_semula"] == 15
    assert df[df["kode"] == "7.01.02.2.04.0001"].iloc[0]["target"] == 18
    report = renja_xl.check(path)
    assert _errors(report) == []
    assert report.files[0].tables[0].columns["pagu"] == "H"
    pagu, pagu_n1, programs, _ = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1, programs) == (45_000_000, 44_000_000, 45_000_000)


def test_perubahan_difference_and_semula_roll_ups(tmp_path):
    rows = [list(r) for r in PERUBAHAN_ROWS]
    rows[4][8] = -2_000_000                            # Bertambah written with the wrong sign
    rows[3][6] = 12_000_000                            # kegiatan semula ≠ Σ its sub (10 jt)
    rows[3][8] = 5_000_000                             # (kept consistent with its own row)
    report = renja_xl.check(write_perubahan(tmp_path / "p.xlsx", [tuple(r) for r in rows]))
    selisih = [i for i in report.issues if i.rule == "pagu-selisih-mismatch"]
    assert [(i.cell, i.value, i.expected) for i in selisih] == [("I10", -2_000_000, 2_000_000)]
    assert "tandanya terbalik" in selisih[0].message()
    assert "sign is reversed" in selisih[0].message("en")
    rollups = [i for i in report.issues if i.rule == "pagu-rollup"]
    assert [(i.cell, i.kode) for i in rollups] == [("G6", "7.01.02"), ("G9", "7.01.02.2.04")]
    assert "2025 semula" in rollups[0].message()


# -- columns by meaning ---------------------------------------------------------------------
DPA_HEADER = (
    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Capaian Program / Hasil Kegiatan", None,
     "Keluaran", None, "Lokasi", "Alokasi Dana Tahun 2025", "Harga Satuan (Rp)", "Sumber Dana",
     "Prakiraan Maju Tahun 2026", None],
    [None, None, "Tolok Ukur", "Target", "Tolok Ukur", "Target Kinerja Keluaran", None, None,
     None, None, "Target", "Dana"])
DPA_ROWS = [
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "Nilai Evaluasi Pelayanan Publik", "3,5", None, None, "Kecamatan Contoh", 30_000_000, None,
     None, "3,6", 33_000_000),
    ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "Persentase Kegiatan Terkoordinasi", "100 %", "Jumlah Dokumen Koordinasi", "12 Dokumen",
     "Kecamatan Contoh", 30_000_000, None, None, "12 Dokumen", 33_000_000),
    ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
     None, None, "Jumlah Dokumen Peningkatan Efektivitas", "4 Dokumen", "Kecamatan Contoh",
     30_000_000, 7_500_000, "DAU", "4 Dokumen", 33_000_000),
]


def test_outcome_and_output_pairs_harga_satuan_and_alokasi_dana(tmp_path):
    path = write_plan(tmp_path / "dpa.xlsx", DPA_ROWS, header=DPA_HEADER,
                      merges=("C{r}:D{r}", "E{r}:F{r}", "K{r}:L{r}"))
    df = renja_xl.read_renja(path).set_index("kode")
    assert df.loc["7.01.02", "indikator"] == "Nilai Evaluasi Pelayanan Publik"   # its outcome
    assert df.loc["7.01.02", "target"] == 3.5 and df.loc["7.01.02", "target_n1"] == 3.6
    sub = df.loc["7.01.02.2.01.0002"]
    assert sub["indikator"] == "Jumlah Dokumen Peningkatan Efektivitas"
    assert (sub["target"], sub["satuan"], sub["target_n1"]) == (4, "Dokumen", 4)
    assert df.loc["7.01.02.2.01", "indikator"] == "Jumlah Dokumen Koordinasi"   # keluaran
    assert list(df["pagu"]) == [30e6] * 3 and list(df["pagu_n1"]) == [33e6] * 3
    report = renja_xl.check(path)
    columns = report.files[0].tables[0].columns
    # the keluaran target first, the outcome one read where it is empty
    assert (columns["target"], columns["target_n1"], columns["pagu"]) == ("F:D", "K", "H")
    assert "satuan" not in columns
    assert _errors(report) == []


# -- money in thousands announced above the table --------------------------------------------
def _in_thousands(rows):
    out = []
    for r in rows:
        r = list(r)
        for i in (5, 8):
            r[i] = r[i] / 1000 if r[i] is not None and not isinstance(r[i], str) else r[i]
        out.append(tuple(r))
    return out


@pytest.mark.parametrize("words", ["(dalam ribuan rupiah)", "(Rp 000)", "dalam Rp. 1.000"])
def test_money_in_thousands_announced_in_a_title_line(tmp_path, words):
    rows = _in_thousands(OPD_ROWS)
    rows[1] = rows[1][:5] + (140_000,) + rows[1][6:]             # bidang 1.02: 140.000 ribu
    titles = ("RENCANA KERJA DINAS KESEHATAN TAHUN 2025", f"Pagu indikatif {words}",
              "Perangkat Daerah : DINAS KESEHATAN")
    path = write_plan(tmp_path / "k.xlsx", rows, titles=titles,
                      total=("JUMLAH", None, None, None, None, 170_000, None, None, 187_000))
    df = renja_xl.read_renja(path)
    assert df["pagu"].iloc[2] == 50_000_000
    report = renja_xl.check(path)
    scale = [i for i in report.issues if i.rule == "money-scale"]
    assert [(i.cell, i.severity) for i in scale] == [("A2", "warning")]
    assert words in scale[0].message() and "ribuan rupiah" in scale[0].message()
    rollup = next(i for i in report.issues if i.rule == "pagu-rollup")
    assert "Rp 140.000.000" in rollup.message() and "Rp 150.000.000" in rollup.message()
    pagu, _, _, _ = _consolidated_pagu(tmp_path, path)
    assert pagu == 170_000_000


def test_money_in_millions_announced_in_a_title_line(tmp_path):
    rows = [tuple(v / 1e6 if i in (5, 8) and v is not None else v for i, v in enumerate(r))
            for r in OPD_ROWS]
    titles = OPD_TITLES[:2] + ("(juta rupiah)",)
    df = renja_xl.read_renja(write_plan(tmp_path / "j.xlsx", rows, titles=titles))
    assert df["pagu"].iloc[0] == 150_000_000


# -- the agency's name -------------------------------------------------------------------------
@pytest.mark.parametrize("line, name", [
    ("Unit Organisasi : 1.02.0.00.0.00.01.0000 DINAS KESEHATAN", "DINAS KESEHATAN"),
    ("Perangkat Daerah : Dinas Kesehatan", "Dinas Kesehatan"),
    ("SKPD : Badan Perencanaan Pembangunan Daerah", "Badan Perencanaan Pembangunan Daerah"),
    ("OPD : Dinas Pendidikan dan Kebudayaan", "Dinas Pendidikan dan Kebudayaan"),
    ("RENCANA KERJA DINAS KESEHATAN KABUPATEN PURBALINGGA TAHUN 2025", "DINAS KESEHATAN"),
    ("Perangkat Daerah : Kecamatan Kejobong", "Kejobong"),
])
def test_the_agency_is_named_as_its_title_names_it(tmp_path, line, name):
    titles = ("Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026", line)
    report = renja_xl.check(write_plan(tmp_path / "Renja_2025.xlsx", OPD_ROWS, titles=titles))
    assert report.files[0].kecamatan == name


def test_sumber_dana_is_named_per_sub_kegiatan(tmp_path):
    rows = [list(r) for r in OPD_ROWS]
    rows[2][6] = "DAU"                                  # the program names one …
    rows[4][6] = None                                   # … its sub kegiatan does not
    report = renja_xl.check(write_plan(tmp_path / "s.xlsx", [tuple(r) for r in rows],
                                       total=OPD_TOTAL))
    missing = [i for i in report.issues if i.rule.startswith("sumber-dana")]
    assert [(i.rule, i.cell, i.kode) for i in missing] == [
        ("sumber-dana-per-sub", "G10", "1.02.01.2.01.0001")]


# -- the samples of these shapes ---------------------------------------------------------------
SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"


def test_opd_sample_faults_and_consolidated_totals(tmp_path):
    path = str(SAMPLES / "Renja_Dinkes_Purbalingga_2025.xlsx")
    report = renja_xl.check(path)
    assert report.files[0].kecamatan == "DINAS KESEHATAN"
    assert sorted((i.rule, i.cell) for i in report.errors) == [
        ("pagu-rollup", "F10"), ("satuan-changed", "H22"), ("sumber-dana-per-sub", "G23")]
    pagu, pagu_n1, programs, plan = _consolidated_pagu(tmp_path, path)
    # programs once: never urusan + bidang + programs, never the bidang as (wrongly) typed
    assert (pagu, pagu_n1, programs) == (23_150_000_000, 24_350_000_000, 23_150_000_000)
    assert sum(r["pagu"] or 0 for r in plan if r["level"] == "sub_kegiatan") == 23_150_000_000
    assert [r["indikator_ke"] for r in plan if r["kode"] == "1.02.02.2.02.0001"] == [1, 2]


def test_perubahan_sample_faults_and_consolidated_totals(tmp_path):
    path = str(SAMPLES / "Renja_Perubahan_Kec_Kutasari_2025.xlsx")
    report = renja_xl.check(path)
    assert sorted((i.rule, i.cell) for i in report.issues) == [
        ("money-scale", "A3"), ("pagu-rollup", "H13"), ("pagu-selisih-mismatch", "I11")]
    pagu, pagu_n1, programs, plan = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1) == (1_625_000_000, 1_677_000_000)               # Menjadi, in rupiah
    assert sum(r["pagu_semula"] or 0 for r in plan if r["level"] == "program") == 1_580_000_000


# -- a plan split over sheets with a REKAP sheet ----------------------------------------------
def _split_workbook(tmp_path, recap_pagu=(50_000_000, 100_000_000), more_recap=()):
    prog1 = [r for r in OPD_ROWS if r[0].startswith("1.02.01")]
    prog2 = [r for r in OPD_ROWS if r[0].startswith("1.02.02")]
    recap = [(p[0], p[1], p[2], p[3], p[4], pagu, None, p[7], p[8])
             for p, pagu in zip((prog1[0], prog2[0]), recap_pagu)] + list(more_recap)
    total = ("JUMLAH", None, None, None, None, sum(r[5] for r in recap), None, None,
             sum(r[8] for r in recap))
    from plan_shapes import HEADER
    return write_plan(tmp_path / "split.xlsx", prog1, sheet="Program 01", extra_sheets=[
        ("Program 02", OPD_TITLES, HEADER, prog2),
        ("REKAP", ("REKAPITULASI RENCANA PROGRAM TAHUN 2025",) + OPD_TITLES[2:], HEADER,
         recap + [total])])


def test_a_recap_sheet_is_checked_against_the_detail_sheets_and_never_counted_twice(tmp_path):
    path = _split_workbook(tmp_path)
    report = renja_xl.check(path)
    assert _errors(report) == []
    assert [t.table for t in report.files[0].tables] == ["rencana", "rencana", "rencana_rekap"]
    df = renja_xl.read_renja(path)
    assert list(df["kode"]).count("1.02.01") == 1 and set(df["sheet"]) == {"Program 01", "Program 02"}
    pagu, pagu_n1, programs, _ = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1, programs) == (150_000_000, 165_000_000, 150_000_000)


def test_a_recap_that_differs_from_its_detail_is_the_recap_s_own_finding(tmp_path):
    report = renja_xl.check(_split_workbook(tmp_path, recap_pagu=(50_000_000, 90_000_000)))
    found = [(i.rule, i.sheet, i.cell) for i in report.errors]
    assert found == [("recap-pagu-differs", "REKAP", "F6")]
    assert "'Program 02'!F6" in report.errors[0].message()


def test_a_recap_program_without_a_detail_sheet_is_said(tmp_path):
    extra = ("1.02.03", "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN",
             "Persentase tenaga kesehatan", None, None, 20_000_000, None, None, 22_000_000)
    report = renja_xl.check(_split_workbook(tmp_path, more_recap=[extra]))
    found = [(i.rule, i.sheet, i.cell, i.kode, i.severity) for i in report.issues
             if i.rule.startswith("recap-")]
    assert found == [("recap-program-missing", "REKAP", "A7", "1.02.03", "warning")]
    assert _errors(report) == []                # the two programs with details still agree


# -- Excel values ---------------------------------------------------------------------------
def test_an_error_pasted_as_a_value_is_reported_as_that_error(tmp_path):
    rows = [list(r) for r in OPD_ROWS]
    rows[4][5] = "#N/A"                                 # openpyxl stores it as an error value
    report = renja_xl.check(write_plan(tmp_path / "e.xlsx", [tuple(r) for r in rows]))
    found = [(i.rule, i.cell, i.value) for i in report.issues if i.cell == "F10"]
    assert found == [("cell-error", "F10", "#N/A")]
    assert "pagu-missing" not in _rules(report)


def test_a_formula_with_a_cached_empty_string_has_a_value(tmp_path):
    import zipfile
    path = write_plan(tmp_path / "f.xlsx", OPD_ROWS)
    # Excel's own way to store ="" : a str-typed formula cell with an empty cached value
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    # urusan 1's n+1 pagu (I6) becomes ="" with its cached empty string
    parts[sheet] = re.sub(rb'<c r="I6"[^>]*>.*?</c>', b'<c r="I6" t="str"><f>IF(1=1,"","x")</f><v></v></c>',
                          parts[sheet])
    fixed = tmp_path / "g.xlsx"
    with zipfile.ZipFile(fixed, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = renja_xl.check(str(fixed))
    on_i6 = [i.rule for i in report.issues if i.cell == "I6"]
    assert on_i6 == ["pagu-rollup"]                 # empty, not "a formula without a value"


def test_a_sum_that_leaves_out_child_rows_names_them(tmp_path):
    import xlsxwriter
    from plan_shapes import HEADER
    path = str(tmp_path / "sum.xlsx")
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Tabel 4.1")
    ws.write(0, 0, "Rencana Program dan Kegiatan Tahun 2025 dan Prakiraan Maju Tahun 2026")
    ws.write(1, 0, "Nama Perangkat Daerah : Kecamatan Contoh")
    for i, hrow in enumerate(HEADER):
        for c, text in enumerate(hrow):
            if text:
                ws.write(2 + i, c, text)
    subs = ["7.01.02.2.01.0001", "7.01.02.2.01.0002", "7.01.02.2.01.0003"]
    rows = [("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 40_000_000),
            ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
             "=SUM(F8:F9)")] + [(k, "Sub kegiatan", 20_000_000) for k in subs]
    for i, (kode, nama, pagu) in enumerate(rows):
        r = 5 + i
        ws.write_string(r, 0, kode)
        ws.write_string(r, 1, nama)
        ws.write_string(r, 2, "Jumlah Dokumen")
        ws.write_string(r, 3, "Kecamatan Contoh")
        ws.write_string(r, 4, "1 Dokumen")
        if isinstance(pagu, str):
            ws.write_formula(r, 5, pagu, None, 40_000_000)       # cached, rows 8–9 only
        else:
            ws.write_number(r, 5, pagu)
        ws.write_string(r, 6, "DAU")
    wb.close()
    report = renja_xl.check(path)
    rollup = next(i for i in report.issues if i.rule == "pagu-rollup" and i.kode == "7.01.02.2.01")
    assert rollup.cell == "F7"
    assert "=SUM(F8:F9) tidak mencakup baris 10" in rollup.message()
    assert "leaves out rows 10" in rollup.message("en")


# -- one cause, one message ----------------------------------------------------------------
def test_only_sub_kegiatan_rows_give_one_structure_finding(tmp_path):
    rows = [r for r in OPD_ROWS if r[0].count(".") == 5]
    path = write_plan(tmp_path / "u.xlsx", rows)
    report = renja_xl.check(path)
    assert sorted(i.rule for i in report.errors) == ["parents-absent"]
    pagu, _, _, _ = _consolidated_pagu(tmp_path, path)
    assert pagu == 170_000_000                            # Σ of its sub kegiatan


def test_codes_of_another_system_give_one_finding(tmp_path):
    rows = [("113.01.06", "Program Dukungan Manajemen", "Persentase Layanan", "Jakarta", "100 %",
             5_000_000, "RM", None, None),
            ("5096.001", "Layanan Perkantoran", "Jumlah Layanan", "Jakarta", "12 Bulan", 3_000_000,
             "RM", None, None),
            ("5096.002", "Layanan Umum", "Jumlah Layanan", "Jakarta", "12 Bulan", 2_000_000, "RM",
             None, None)]
    path = write_plan(tmp_path / "kl.xlsx", rows)
    report = renja_xl.check(path)
    assert [(i.rule, i.cell) for i in report.errors] == [("not-renja-codes", "A6")]
    assert "bukan tabel renja" in report.errors[0].message().lower()
    assert len(renja_xl.read_renja(path)) == 0


def test_a_text_code_without_its_zeros_is_written_short_not_changed_by_excel(tmp_path):
    rows = [(r[0].replace("1.02.", "1.2.") if r[0].startswith("1.02.02") else r[0],) + r[1:]
            for r in OPD_ROWS]
    report = renja_xl.check(write_plan(tmp_path / "z.xlsx", rows, total=OPD_TOTAL))
    short = [i for i in report.issues if i.rule == "kode-short"]
    assert [(i.cell, i.value, i.expected) for i in short][:1] == [("A11", "1.2.02", "1.02.02")]
    assert "kode-damaged" not in _rules(report)
    assert _errors(report) == []


def test_a_generic_xxx_bidang_row_groups_the_generic_program(tmp_path):
    rows = list(OPD_ROWS)
    rows[2:2] = [("X.XX", "URUSAN PEMERINTAHAN BIDANG PENUNJANG", None, None, None, 50_000_000,
                  None, None, 55_000_000)]
    rows = [("X.XX.01" + r[0][7:],) + r[1:] if r[0].startswith("1.02.01") else r for r in rows]
    rows[1] = rows[1][:5] + (100_000_000,) + rows[1][6:8] + (110_000_000,)   # bidang 1.02
    path = write_plan(tmp_path / "x.xlsx", rows, total=OPD_TOTAL)
    df = renja_xl.read_renja(path).set_index("kode")
    assert df.loc["X.XX", "level"] == "bidang" and df.loc["X.XX", "parent_kode"] == "1"
    assert df.loc["X.XX.01", "parent_kode"] == "X.XX"
    assert _errors(renja_xl.check(path)) == []


@pytest.mark.parametrize("semula, menjadi, selisih", [
    ("Sebelum Perubahan", "Setelah Perubahan", "Selisih"),
    ("Murni", "Perubahan", "Bertambah/(Berkurang)")])
def test_perubahan_header_words(tmp_path, semula, menjadi, selisih):
    import plan_shapes
    header = [list(plan_shapes.PERUBAHAN_HEADER[0]), list(plan_shapes.PERUBAHAN_HEADER[1])]
    header[1][4:9] = [semula, menjadi, semula, menjadi, selisih]
    path = write_plan(tmp_path / "p.xlsx", PERUBAHAN_ROWS, titles=plan_shapes.PERUBAHAN_TITLES,
                      header=header, merges=plan_shapes.PERUBAHAN_MERGES)
    df = renja_xl.read_renja(path)
    assert (df["pagu"].iloc[0], df["pagu_semula"].iloc[0]) == (45e6, 40e6)
    assert _errors(renja_xl.check(path)) == []


def test_a_row_dropped_in_the_perubahan_is_normal(tmp_path):
    rows = [list(r) for r in PERUBAHAN_ROWS]
    rows[4][5], rows[4][7], rows[4][8] = None, None, -10_000_000     # sub 0001 dropped
    rows[3][7], rows[3][8] = 5_000_000, -5_000_000                   # kegiatan: only the new sub
    rows[0][7], rows[0][8] = 33_000_000, -7_000_000                  # program 28 + 5
    total = PERUBAHAN_TOTAL[:7] + (33_000_000, -7_000_000) + PERUBAHAN_TOTAL[9:]
    report = renja_xl.check(write_perubahan(tmp_path / "d.xlsx", [tuple(r) for r in rows], total))
    assert _errors(report) == []
    assert [i for i in report.issues if i.cell in ("F10", "H10", "H9", "H6")] == []


@pytest.mark.parametrize("group_sums", ["per sheet", "whole plan"])
def test_a_plan_split_over_sheets_that_repeat_their_urusan_and_bidang_rows(tmp_path, group_sums):
    from plan_shapes import HEADER
    prog1 = [r for r in OPD_ROWS if r[0].startswith("1.02.01")]
    prog2 = [r for r in OPD_ROWS if r[0].startswith("1.02.02")]

    def groups(programs):
        if group_sums == "whole plan":
            return list(OPD_ROWS[:2])
        pagu, pagu_n1 = programs[0][5], programs[0][8]
        return [r[:5] + (pagu, None, None, pagu_n1) for r in OPD_ROWS[:2]]
    total2 = ("JUMLAH", None, None, None, None, 150_000_000, None, None, 165_000_000)
    sheet2 = groups(prog2) + prog2 + ([total2] if group_sums == "whole plan" else [])
    path = write_plan(tmp_path / "s.xlsx", groups(prog1) + prog1, sheet="Program 01",
                      extra_sheets=[("Program 02", OPD_TITLES, HEADER, sheet2)])
    report = renja_xl.check(path)
    assert _errors(report) == []
    assert "kode-duplicate" not in _rules(report)
    pagu, pagu_n1, programs, _ = _consolidated_pagu(tmp_path, path)
    assert (pagu, pagu_n1) == (150_000_000, 165_000_000)


def test_a_repeated_bidang_that_matches_neither_its_sheet_nor_the_plan_is_reported(tmp_path):
    from plan_shapes import HEADER
    prog1 = [r for r in OPD_ROWS if r[0].startswith("1.02.01")]
    prog2 = [r for r in OPD_ROWS if r[0].startswith("1.02.02")]
    wrong = [OPD_ROWS[0][:5] + (120_000_000, None, None, 110_000_000),
             OPD_ROWS[1][:5] + (120_000_000, None, None, 110_000_000)]
    path = write_plan(tmp_path / "s.xlsx", list(OPD_ROWS[:2]) + prog1, sheet="Program 01",
                      extra_sheets=[("Program 02", OPD_TITLES, HEADER, wrong + prog2)])
    report = renja_xl.check(path)
    assert sorted((i.sheet, i.cell, i.kode) for i in report.errors) == [
        ("Program 02", "F7", "1.02")]


OFFICIAL = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "data" / \
    "nomenklatur_subkegiatan_2027.xlsx"


@pytest.mark.skipif(not OFFICIAL.exists(), reason=f"the official nomenclature is not at {OFFICIAL}")
def test_the_standard_indicator_may_be_any_of_an_item_s_indicators(tmp_path, monkeypatch):
    from renja_xl.validate.nomenclature import load_nomenclature
    from renja_xl.validate.nomenclature_store import ENV
    monkeypatch.setenv(ENV, str(tmp_path / "userdata"))
    nom = load_nomenclature(OFFICIAL, "kabkot")
    kode = "1.02.02.2.02.0001"
    entry = nom.entry(kode)
    rows = [list(r) for r in OPD_ROWS]
    rows[7][2], rows[7][4], rows[7][7] = "Jumlah Kunjungan Rumah", "1200 Kunjungan", "1250 Kunjungan"
    second = (None, None, entry.indikator, None, f"12 {entry.satuan}", None, None,
              f"12 {entry.satuan}", None)
    path = write_plan(tmp_path / "n.xlsx", [tuple(r) for r in rows[:8]] + [second]
                      + [tuple(r) for r in rows[8:]], total=OPD_TOTAL)
    rules = [i.rule for i in renja_xl.check(path, nomenclature=nom).issues if i.kode == kode]
    assert "indikator-not-standard" not in rules and "satuan-not-standard" not in rules
    alone = write_plan(tmp_path / "m.xlsx", [tuple(r) for r in rows], total=OPD_TOTAL)
    rules = [i.rule for i in renja_xl.check(alone, nomenclature=nom).issues if i.kode == kode]
    assert "indikator-not-standard" in rules
