"""Tables checked against each other (category `crosscheck`): plan vs Review RKPD, Evaluasi vs
plan, and the same indicator with different values in two tables."""
from __future__ import annotations

import pytest

import renja_xl
from renja_xl.reconcile.crosscheck import _key, same_indicator

from conftest import sample
from tables_helpers import (ALL, EVALUASI, KINERJA, REVIEW, TUJUAN, Sheet, cells, check,
                            describe, issues)

IKU = Sheet(
    [["Tabel : 2.1 Perbandingan Capaian Indikator Kinerja Utama Tahun 2023"],
     [],
     ["Tujuan", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Capaian Kinerja",
      "% Capaian Kinerja"],
     ["Meningkatnya Kualitas Pelayanan Publik", None, "Indeks Kepuasan Masyarakat (IKM)", "Nilai",
      87, "87,5", "100,57"]],
    [(1, 0, 1, 6, "TAHUN 2023")])


def test_clean_tables_agree_with_each_other(tmp_path):
    report = check(tmp_path, dict(ALL, **{"IKU": IKU}))
    assert [i for i in report.issues if i.category == "crosscheck"] == [], describe(report)


@pytest.mark.parametrize("a, b, same", [
    ("Indeks Kepuasan Masyarakat (IKM)", "Nilai Indeks Kepuasan Masyarakat", True),
    ("Nilai SAKIP Kecamatan", "SAKIP", True),
    ("Indek Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM) Kecamatan", True),
    ("Prosentase Keaktifan Lembaga Desa", "Persentase keaktifan lembaga desa", True),
    ("Persentase Ketersediaan Laporan Capaian Kinerja",
     "Persentase Ketersediaan Laporan Kepegawaian, Administrasi Umum dan Jasa Penunjang", False),
    ("Nilai Kematangan Perangkat Daerah", "Nilai SAKIP Kecamatan", False),
])
def test_indicator_names_are_matched_by_folded_name(a, b, same):
    assert same_indicator(_key(a), _key(b)) is same


def test_same_indicator_different_realisation_in_two_tables(tmp_path):
    report = check(tmp_path, {"IKU": IKU.set(4, "F", "83,88").set(4, "G", "96,41"),
                              "Tabel 2.4 Kinerja": KINERJA})
    issue = issues(report, "indikator-value-differs")
    assert len(issue) == 1, describe(report)
    issue = issue[0]
    assert (issue.sheet, issue.cell, issue.severity) == ("Tabel 2.4 Kinerja", "J6", "warning")
    message = issue.message()
    assert "87,5" in message and "83,88" in message and "'IKU'!F4" in message and "2023" in message


def test_same_indicator_different_target_in_kinerja_tujuan_and_plan(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Kinerja": KINERJA.set(7, "H", "3,9"),
                              "Tabel 3.1": TUJUAN.set(6, "G", 87)})
    found = {(i.sheet, i.cell) for i in issues(report, "indikator-value-differs")}
    # the 2025 target of program 7.01.02 (plan I7 "3,5") against Kinerja H7 "3,9"; the 2024
    # IKM target of Tabel 3.1 (87) against Kinerja G6 (88)
    assert found == {("Tabel 4.1", "I7"), ("Tabel 3.1", "G6")}, describe(report)
    plan_issue = next(i for i in issues(report, "indikator-value-differs") if i.sheet == "Tabel 4.1")
    assert plan_issue.kode == "7.01.02" and plan_issue.table == "rencana"


def test_values_in_other_units_are_not_compared(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Kinerja": KINERJA.set(8, "H", "15 Orang"),
                              "Tabel 3.1": TUJUAN})
    assert issues(report, "indikator-value-differs") == []
    report = check(tmp_path, {"Tabel 2.4 Kinerja": KINERJA.set(8, "H", "15%"), "Tabel 3.1": TUJUAN})
    assert cells(report, "indikator-value-differs") == ["H7"]       # Tabel 3.1 says 14%


def test_plan_pagu_against_review_kebutuhan_dana(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Review": REVIEW.set(6, "J", 60_000)})
    issue = issues(report, "review-pagu-differs")
    assert len(issue) == 1, describe(report)
    issue = issue[0]
    assert (issue.sheet, issue.cell, issue.kode, issue.severity) == ("Tabel 4.1", "J7", "7.01.02", "warning")
    message = issue.message()
    assert "Rp 40.000.000" in message and "Rp 60.000.000" in message and "'Tabel 2.4 Review'!J6" in message
    # a small gap (2,4%) is the normal drift between the two stages
    report = check(tmp_path, {"Tabel 2.4 Review": REVIEW.set(6, "J", 41_000)})
    assert issues(report, "review-pagu-differs") == []


def test_review_program_missing_from_the_plan(tmp_path):
    name = "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA"
    sheet = REVIEW.set(12, "A", name).set(12, "E", 10_000).set(12, "F", name).set(12, "J", 10_000)
    sheet.rows[10] = []                                          # drop the JUMLAH row
    issue = issues(check(tmp_path, {"Tabel 2.4 Review": sheet}), "review-program-not-in-plan")
    assert [(i.cell, i.severity) for i in issue] == [("A12", "warning")]


def _evaluasi_for(year: int) -> Sheet:
    merges = [m if m[4] != "Target Program dan Kegiatan (Renja Tahun 2024)"
              else (*m[:4], f"Target Program dan Kegiatan (Renja Tahun {year})")
              for m in EVALUASI.merges]
    return Sheet(EVALUASI.rows, merges)


def test_evaluasi_target_of_the_plan_year_differs(tmp_path):
    sheet = _evaluasi_for(2025).set(7, "I", "10 Dokumen").set(7, "J", "34 Dokumen")
    report = check(tmp_path, {"Tabel 2.1": sheet})
    issue = issues(report, "evaluasi-target-differs")
    assert [(i.cell, i.kode) for i in issue] == [("I8", "7.01.02.2.01")], describe(report)
    assert "'Tabel 2.1'!I7" in issue[0].message()


def test_evaluasi_current_year_target_in_another_unit(tmp_path):
    sheet = EVALUASI.set(8, "I", "12 Laporan").set(8, "A", None)     # matched by its name
    report = check(tmp_path, {"Tabel 2.1": sheet})
    issue = issues(report, "evaluasi-satuan-differs")
    assert [(i.cell, i.kode) for i in issue] == [("I9", "7.01.02.2.01.0002")], describe(report)
    assert "12 Laporan" in issue[0].message() and "12 Dokumen" in issue[0].message()


# --- the Kejobong sample -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def kejobong():
    return renja_xl.check(sample("Renja_Kec_Kejobong_2025.xlsx"))


def _where(report, rule):
    return {(i.sheet, i.cell) for i in report.issues if i.rule == rule}


def test_kejobong_ikm_and_sakip_differ_between_tables(kejobong):
    found = {(i.sheet, i.cell): i for i in kejobong.issues if i.rule == "indikator-value-differs"}
    # 2023: IKM 83,88 (Tabel 2.1 K58) vs 87,905; SAKIP 61,96 (K59) vs 62,41
    assert "'Tabel 2.1'!K58" in found[("Tabel 2.4 Kinerja", "J6")].message()
    assert "87,905" in found[("Tabel 2.4 Kinerja", "J6")].message()
    assert "'Tabel 2.1'!K59" in found[("Tabel 2.4 Kinerja", "J7")].message()
    assert "62,41" in found[("Tabel 2.4 Kinerja", "J7")].message()
    # 2022: IKM 83 vs 86, SAKIP 55,76 vs 62; the 2025 target of Nilai Evaluasi Pelayanan
    # Publik: Tabel 4.1 J37 "3,9" vs Kinerja H8 "3,5"
    assert {("Tabel 2.4 Kinerja", "I6"), ("Tabel 2.4 Kinerja", "I7"), ("Tabel 4.1", "J37")} <= set(found)
    assert "'Tabel 2.4 Kinerja'!H8" in found[("Tabel 4.1", "J37")].message()


def test_kejobong_plan_pagu_against_review(kejobong):
    assert _where(kejobong, "review-pagu-differs") == {
        ("Tabel 4.1", "K7"), ("Tabel 4.1", "K37"), ("Tabel 4.1", "K42"), ("Tabel 4.1", "K46"),
        ("Tabel 4.1", "K50")}
    assert _where(kejobong, "review-program-not-in-plan") == {("Tabel 2.4 Review", "A51")}
