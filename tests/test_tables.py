"""The other Renja tables: found by title and header words, read, and checked rule by rule."""
from __future__ import annotations

import pytest

import renja_xl
from renja_xl.write.frames import frames_by_table, table_frames
from renja_xl.tables.reader import read_file

from conftest import sample
from tables_helpers import (ALL, EVALUASI, KINERJA, REVIEW, STUNTING, TUJUAN, USULAN, Sheet,
                            build, cells, check, describe, issues)


def one(report, rule):
    found = issues(report, rule)
    assert len(found) == 1, (rule, describe(report))
    return found[0]


# --- finding and reading --------------------------------------------------------------------

def test_clean_tables_are_found_and_give_no_issue(tmp_path):
    report = check(tmp_path, ALL)
    assert report.issues == [], describe(report)
    tables = {t.table: t for t in report.files[0].tables}
    assert set(tables) == {"rencana", "evaluasi", "kinerja_pelayanan", "review_rkpd", "usulan",
                           "ringkasan", "tujuan_sasaran"}
    assert (tables["evaluasi"].first_row, tables["evaluasi"].rows) == (6, 4)
    assert tables["review_rkpd"].levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    assert tables["rencana"].rows == 5 and tables["rencana"].sheet == "Tabel 4.1"
    assert tables["kinerja_pelayanan"].columns["target_2023"] == "F"
    assert tables["review_rkpd"].columns["pagu_analisis"] == "J"


def test_json_lists_each_table_with_its_id(tmp_path):
    doc = check(tmp_path, ALL).to_dict()
    ids = [t["table"] for t in doc["files"][0]["tables"]]
    assert ids[0] == "rencana" and "tujuan_sasaran" in ids and "ringkasan" in ids


def test_several_tables_on_one_sheet(tmp_path):
    both = Sheet(EVALUASI.rows + [[], [], []] + STUNTING.rows, EVALUASI.merges)
    report = check(tmp_path, {"Tabel 2": both})
    found = [(t.table, t.first_row, t.last_row) for t in report.files[0].tables]
    assert ("evaluasi", 6, 9) in found
    assert ("ringkasan", 16, 20) in found        # title 13, header 15, KEC. row 16
    assert report.errors == [], describe(report)


def test_a_summary_tables_value_columns_are_money_when_their_header_says_so(tmp_path):
    """Every column but the label of a summary table holds a value (`value_columns`); a header
    with one of `value_money_words` (Rp, anggaran) makes it money, read in rupiah."""
    rows = [row[:3] + [anggaran] for row, anggaran in zip(
        STUNTING.rows[2:], ["Anggaran PMT (Rp)", "1.500.000", "500.000", "250.000", "500.000",
                            "250.000"])]
    path = build(tmp_path, {"Tabel 2.3.2": Sheet(STUNTING.rows[:2] + rows)})
    table = next(t for t in read_file(path).tables if t.table.id == "ringkasan")
    kinds = {c.key: (c.kind, c.caption) for c in table.columns if c.name == "nilai"}
    assert kinds == {"jumlah_balita": ("number", "Jumlah Balita"),
                     "sangat_pendek": ("number", "Sangat Pendek"),
                     "anggaran_pmt_rp": ("money", "Anggaran PMT (Rp)")}
    assert [r.get("anggaran_pmt_rp") for r in table.rows] == [500_000, 250_000, 500_000, 250_000]


def test_the_plan_table_is_found_as_before_beside_a_review_table(tmp_path):
    path = build(tmp_path, {}, same_sheet=REVIEW)
    report = renja_xl.check(path)
    tables = [(t.table, t.sheet, t.first_row, t.rows) for t in report.files[0].tables]
    assert tables[0] == ("rencana", "Tabel 4.1", 7, 5)
    assert ("review_rkpd", "Tabel 4.1", 26, 5) in tables
    assert list(renja_xl.read_renja(path)["kode"])[:2] == ["7.01.02", "7.01.02.2.01"]


def test_the_plan_table_ends_where_a_review_table_without_title_starts(tmp_path):
    untitled = Sheet([[]] * 3 + REVIEW.rows[2:], REVIEW.merges)
    report = renja_xl.check(build(tmp_path, {}, same_sheet=untitled))
    tables = [(t.table, t.first_row, t.rows) for t in report.files[0].tables]
    assert tables == [("rencana", 7, 5), ("review_rkpd", 27, 5)], describe(report)
    assert report.errors == [], describe(report)


def test_a_plan_table_is_not_read_as_a_review_table(tmp_path):
    renja = read_file(build(tmp_path, {}))
    assert renja.tables == [] and len(renja.plans) == 1


def test_frames_for_the_consolidation_writer(tmp_path):
    renja = read_file(build(tmp_path, ALL))
    assert set(frames_by_table([renja])) == {"evaluasi", "kinerja_pelayanan", "review_rkpd",
                                             "usulan", "tujuan_sasaran", "ringkasan"}
    frames = table_frames([renja])
    assert set(frames) == {"Evaluasi", "Kinerja Pelayanan", "Review RKPD", "Usulan",
                           "Tujuan Sasaran", "Tabel Jumlah"}
    for frame in frames.values():
        assert list(frame.columns[:4]) == ["file", "kecamatan", "sheet", "row"]
        assert set(frame["kecamatan"]) == {"Contoh"}
    review = frames["Review RKPD"]
    assert list(review["level"]) == ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan"]
    assert review["pagu_rkpd"].iloc[0] == 40_000_000           # "(Ribuan)" -> rupiah
    kinerja = frames["Kinerja Pelayanan"]
    assert kinerja["realisasi_2023"].tolist()[:2] == [87.5, 3.1]
    assert kinerja["realisasi_2023_satuan"].tolist()[2] == "%"
    usulan = frames["Usulan"]
    assert list(usulan["row"]) == [4, 5, 6, 7] and "kecamatan_usulan" in usulan
    long = frames["Tabel Jumlah"]
    assert long.loc[long["jumlah"], "baris"].unique().tolist() == ["KEC. CONTOH"]


# --- Evaluasi: computed columns --------------------------------------------------------------

def test_evaluasi_ratio_sum_and_percent_without_base(tmp_path):
    sheet = (EVALUASI.set(8, "H", "100%")           # (8): 5/12 is 42%, not 100%
             .set(7, "J", "12 Dokumen")              # (10): 12+12+12 = 36
             .set(8, "D", "NA")                      # (11) "81%" of a target "NA"
             .set(6, "F", None).set(6, "G", None))   # (8) "100%" without target/realisation
    report = check(tmp_path, {"Tabel 2.1": sheet})
    ratios = {i.cell: i for i in issues(report, "computed-ratio")}
    assert set(ratios) == {"H8", "K7"}                      # K7: (11) = 12/36 is not 100%
    ratio = ratios["H8"]
    assert (ratio.severity, ratio.category) == ("error", "computed")
    assert "5 Dokumen/12 Dokumen" in ratio.message() and "= 42%" in ratio.message()
    total = one(report, "computed-sum")
    assert total.cell == "J7" and "36 Dokumen" in total.message()
    assert cells(report, "percent-without-base") == ["H6", "K8"]


def test_evaluasi_rounding_shown_is_tolerated(tmp_path):
    report = check(tmp_path, {"Tabel 2.1": EVALUASI.set(8, "H", "41,67%")})
    assert issues(report, "computed-ratio") == []
    report = check(tmp_path, {"Tabel 2.1": EVALUASI.set(8, "H", "41,6%")})
    assert cells(report, "computed-ratio") == ["H8"]


def test_evaluasi_units_that_do_not_add_up_are_not_summed(tmp_path):
    # percentages and index values of different years are not added: (10) is not checked
    report = check(tmp_path, {"Tabel 2.1": EVALUASI.set(6, "J", "9,9")})
    assert issues(report, "computed-sum") == []


# --- Kinerja Pelayanan --------------------------------------------------------------------------

def test_kinerja_sesuai_target_below_target(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Kinerja": KINERJA.set(7, "M", "Sesuai Target")})
    issue = one(report, "catatan-analisis-wrong")
    assert (issue.cell, issue.severity, issue.category) == ("M7", "error", "computed")
    assert "3,1" in issue.message() and "3,2" in issue.message()


def test_kinerja_tidak_sesuai_where_target_met_and_lower_is_better(tmp_path):
    sheet = KINERJA.set(6, "M", "Tidak Sesuai Target").set(8, "M", "Tidak Sesuai Target")
    report = check(tmp_path, {"Tabel 2.4 Kinerja": sheet})
    # IKM 87,5 >= 87: met; stunting 17% <= 18% (lower is better): met
    assert cells(report, "catatan-analisis-wrong") == ["M6", "M8"]


# --- Review RKPD ---------------------------------------------------------------------------------

def test_review_rollups_both_halves_and_the_total_row(tmp_path):
    sheet = REVIEW.set(6, "E", 45_000).set(10, "J", 12_000)
    report = check(tmp_path, {"Tabel 2.4 Review": sheet})
    rollups = {i.cell: i for i in issues(report, "review-pagu-rollup")}
    assert set(rollups) == {"E6", "J9"}
    message = rollups["E6"].message()
    assert "Rp 45.000.000" in message and "Rp 40.000.000" in message and "baris 7, 9" in message
    assert rollups["E6"].category == "budget"
    assert cells(report, "total-mismatch") == ["E11"]


def test_review_program_named_differently_on_the_two_halves(tmp_path):
    sheet = REVIEW.set(6, "F", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM")
    issue = one(check(tmp_path, {"Tabel 2.4 Review": sheet}), "review-program-differs")
    assert (issue.cell, issue.category, issue.severity) == ("F6", "value", "error")


def test_review_levels_without_nomenclature_names_follow_the_targets(tmp_path):
    rows = REVIEW.rows[:5] + [
        ["PROGRAM KHUSUS DAERAH", None, None, None, 5_000, "PROGRAM KHUSUS DAERAH", None, None, None, 5_000],
        ["Kegiatan Khusus Daerah", None, "Ind", None, 5_000, "Kegiatan Khusus Daerah", None, "Ind", None, 5_000],
        ["Layanan Khusus Satu", None, "Ind", "2 Laporan", 2_000, "Layanan Khusus Satu", None, "Ind", "2 Laporan", 2_000],
        ["Layanan Khusus Dua", None, "Ind", "1 Laporan", 2_000, "Layanan Khusus Dua", None, "Ind", "1 Laporan", 3_000]]
    report = check(tmp_path, {"Tabel 2.4 Review": Sheet(rows, REVIEW.merges)})
    assert report.files[0].tables[1].levels == {"program": 1, "kegiatan": 1, "sub_kegiatan": 2}
    assert cells(report, "review-pagu-rollup") == ["E7"]      # 5.000 vs 2.000 + 2.000


# --- Usulan --------------------------------------------------------------------------------------

def test_usulan_duplicate_kecamatan_missing_and_numbering(tmp_path):
    sheet = (USULAN.set(5, "B", "Pembangunan Jalan Desa")     # same proposal, same desa
             .set(6, "E", "Kejobong")                         # another kecamatan
             .set(7, "F", None)                               # no desa
             .set(8, "A", 3).set(8, "B", "Pengadaan bibit").set(8, "D", "RT 5")
             .set(8, "E", "Contoh").set(8, "F", "Beta"))
    report = check(tmp_path, {"Tabel 2.5": sheet})
    duplicate = one(report, "usulan-duplicate")
    assert (duplicate.cell, duplicate.severity) == ("B5", "warning") and "baris 4" in duplicate.message()
    assert cells(report, "usulan-kecamatan-differs") == ["E6"]
    missing = one(report, "value-missing")
    assert missing.cell == "F7" and missing.message() == "Kolom Desa kosong"
    assert issues(report, "usulan-numbering") == []          # 1, 2 | 1, 2, 3: restarts per desa


def test_usulan_numbering_out_of_sequence(tmp_path):
    report = check(tmp_path, {"Tabel 2.5": USULAN.set(5, "A", 5)})
    assert cells(report, "usulan-numbering") == ["A5"]


def test_usulan_without_desa_column(tmp_path):
    rows = [r[:5] for r in USULAN.rows]
    report = check(tmp_path, {"Tabel 2.5": Sheet(rows)})
    assert [i.params["field"] for i in issues(report, "column-missing")] == ["desa"]


# --- Tujuan dan Sasaran ----------------------------------------------------------------------

def test_tujuan_target_falls_or_rises_against_its_direction(tmp_path):
    sheet = TUJUAN.set(6, "G", 86).set(7, "H", "17%").set(6, "I", "Tersedia")
    report = check(tmp_path, {"Tabel 3.1": sheet})
    falls = {i.cell: i for i in issues(report, "target-falls")}
    assert set(falls) == {"G6", "H7"}
    assert "seharusnya naik" in falls["G6"].message()
    assert "seharusnya turun" in falls["H7"].message()       # prevalensi: lower is better
    assert all(i.severity == "warning" for i in falls.values())
    assert cells(report, "target-not-number") == ["I6"]


# --- summary tables with a total row -----------------------------------------------------------

def test_summary_total_row_and_ratio_column(tmp_path):
    sheet = STUNTING.set(4, "C", 36).set(6, "F", "16,00%")
    report = check(tmp_path, {"Tabel 2.3.2": sheet})
    total = one(report, "summary-total-mismatch")
    assert total.cell == "C4" and "36" in total.message() and "35" in total.message()
    assert cells(report, "computed-ratio") == ["F6"]


def test_summary_total_percentage_is_the_ratio_of_the_sums(tmp_path):
    report = check(tmp_path, {"Tabel 2.3.2": STUNTING.set(4, "F", "17,00%")})
    assert cells(report, "computed-ratio") == ["F4"]
    assert issues(report, "summary-total-mismatch") == []


def test_a_list_without_total_row_is_not_a_summary_table(tmp_path):
    rows = [r for i, r in enumerate(STUNTING.rows) if i != 3]
    renja = read_file(build(tmp_path, {"Tabel 2.3.2": Sheet(rows)}))
    assert [t.table_id for t in renja.tables] == []


# --- the Kejobong sample ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kejobong():
    return renja_xl.check(sample("Renja_Kec_Kejobong_2025.xlsx"))


def _at(report, rule, sheet):
    return sorted((i.cell for i in report.issues if i.rule == rule and i.sheet == sheet),
                  key=lambda c: (len(c), c))


def test_kejobong_tables_found(kejobong):
    found = {(t.table, t.sheet): (t.first_row, t.last_row, t.rows) for t in kejobong.files[0].tables}
    assert found[("evaluasi", "Tabel 2.1")] == (6, 51, 46)
    assert found[("capaian_iku", "Tabel 2.1")] == (58, 61, 3)
    assert found[("kinerja_pelayanan", "Tabel 2.4 Kinerja")] == (6, 17, 12)
    assert found[("review_rkpd", "Tabel 2.4 Review")][0:2] == (7, 53)
    assert found[("usulan", "Tabel 2.5")] == (4, 42, 39)
    assert found[("ringkasan", "Tabel 2.3.2")] == (4, 17, 13)
    assert found[("tujuan_sasaran", "Tabel 3.1")] == (7, 10, 4)
    assert found[("rencana", "Tabel 4.1")] == (7, 52, 41)
    review = next(t for t in kejobong.files[0].tables if t.table == "review_rkpd")
    assert review.levels == {"program": 6, "kegiatan": 13, "sub_kegiatan": 27}


def test_kejobong_kinerja_sesuai_target(kejobong):
    issue = next(i for i in kejobong.issues if i.rule == "catatan-analisis-wrong")
    assert (issue.sheet, issue.cell) == ("Tabel 2.4 Kinerja", "M8")
    assert len([i for i in kejobong.issues if i.rule == "catatan-analisis-wrong"]) == 1


def test_kejobong_review_rollups(kejobong):
    expected = ["E7", "J7", "J8", "E11", "J11", "E17", "J17", "E23", "J23", "E26", "J26", "E31",
                "J31", "E35", "J35", "E36", "J36", "E38", "J38"]
    assert _at(kejobong, "review-pagu-rollup", "Tabel 2.4 Review") == sorted(
        expected, key=lambda c: (len(c), c))
    assert _at(kejobong, "review-program-differs", "Tabel 2.4 Review") == ["F51"]


def test_kejobong_evaluasi_computed_columns(kejobong):
    without_base = _at(kejobong, "percent-without-base", "Tabel 2.1")
    assert {"K7", "K8", "K47", "K51", "H33", "H34", "K33", "K34"} <= set(without_base)
    sums = _at(kejobong, "computed-sum", "Tabel 2.1")
    assert {"J9", "J13", "J47", "J48"} <= set(sums)
    assert _at(kejobong, "computed-ratio", "Tabel 2.1") == []   # 5/12 = "42%" is right


def test_kejobong_usulan_kejobong_block_twice(kejobong):
    assert _at(kejobong, "usulan-duplicate", "Tabel 2.5") == ["B24", "B25"]
    assert _at(kejobong, "usulan-numbering", "Tabel 2.5") == ["A24"]
    assert _at(kejobong, "usulan-kecamatan-differs", "Tabel 2.5") == []


def test_kejobong_stunting_and_tujuan_are_consistent(kejobong):
    assert [i for i in kejobong.issues if i.sheet in ("Tabel 2.3.2", "Tabel 3.1")] == []


def test_percent_formatted_cells_in_other_tables_are_percentages(tmp_path):
    import openpyxl
    from renja_xl.write.frames import frames_by_table
    path = build(tmp_path, {"Tabel 2.4 Kinerja": KINERJA})
    wb = openpyxl.load_workbook(path)
    ws = wb["Tabel 2.4 Kinerja"]
    ws["J8"] = 0.17                                  # "17%" typed into a General cell
    ws["J8"].number_format = "0%"
    fixed = tmp_path / "percent.xlsx"
    wb.save(fixed)
    frame = frames_by_table([renja_xl.read_file(str(fixed))])["kinerja_pelayanan"]
    row = frame[frame["row"] == 8].iloc[0]
    realisasi = [c for c in frame.columns if "2023" in c and "real" in c and not c.endswith("satuan")]
    assert realisasi and row[realisasi[0]] == 17
