"""Tables known by what they are (their defining header words), with or without a Kode column.

A Review RKPD, Kinerja Pelayanan, Tujuan/Sasaran or Usulan table with a code column in front
is read as itself, never as a plan table (and without the plan's false errors).
"""
from __future__ import annotations

import renja_xl
from renja_xl.report.data import schema_toml
from renja_xl.tables.defs import other_tables, table_defs

from tables_helpers import (EVALUASI, KINERJA, REVIEW, TUJUAN, USULAN, Sheet, check, describe,
                            issues)

_CODES = ["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0002", "7.01.02.2.04", "7.01.02.2.04.0001"]


def with_code(sheet: Sheet, codes, first_data_row: int, header=(2, 3)) -> Sheet:
    """The sheet with a Kode column in front: codes from `first_data_row` (Excel row), the
    header cell 'Kode' merged over the header rows (0-based `header`)."""
    rows = [[None] + list(r) for r in sheet.rows]
    for i, code in enumerate(codes):
        rows[first_data_row - 1 + i][0] = code
    merges = [(r0, c0 + 1, r1, c1 + 1, t) for r0, c0, r1, c1, t in sheet.merges]
    merges.append((header[0], 0, header[1], 0, "Kode"))
    return Sheet(rows, merges)


REVIEW_CODED = with_code(REVIEW, _CODES, 6)


def tables_of(report):
    return {t.table: t for t in report.files[0].tables}


def test_a_review_with_a_code_column_is_a_review_and_clean(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Review": REVIEW_CODED})
    assert report.issues == [], describe(report)
    tables = tables_of(report)
    assert tables["review_rkpd"].levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    assert tables["review_rkpd"].columns["kode"] == "A"
    assert [t.table for t in report.files[0].tables].count("rencana") == 1   # only Tabel 4.1


def test_review_levels_come_from_the_codes(tmp_path):
    # a sub kegiatan written in capitals would be a program by its name; its code says otherwise
    sheet = REVIEW_CODED.set(8, "B", "PENINGKATAN EFEKTIFITAS KEGIATAN PEMERINTAHAN")
    sheet = sheet.set(8, "G", "PENINGKATAN EFEKTIFITAS KEGIATAN PEMERINTAHAN")
    report = check(tmp_path, {"Tabel 2.4 Review": sheet})
    assert tables_of(report)["review_rkpd"].levels == {"program": 1, "kegiatan": 2,
                                                       "sub_kegiatan": 2}
    assert report.errors == [], describe(report)


def test_review_with_codes_rollups_of_both_halves_and_a_program_named_differently(tmp_path):
    sheet = (REVIEW_CODED.set(6, "F", 45_000).set(10, "K", 12_000)
             .set(6, "G", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM"))
    report = check(tmp_path, {"Tabel 2.4 Review": sheet})
    rollups = {i.cell: i for i in issues(report, "review-pagu-rollup")}
    assert set(rollups) == {"F6", "K9"}, describe(report)
    assert rollups["F6"].kode == "7.01.02" and "Rp 45.000.000" in rollups["F6"].message()
    assert rollups["K9"].kode == "7.01.02.2.04"
    assert [i.cell for i in issues(report, "review-program-differs")] == ["G6"]
    # none of the plan table's rules fire on the review rows
    plan_rules = {"sumber-dana-missing", "target-n1-missing", "pagu-n1-missing", "kode-missing"}
    assert not [i for i in report.issues if i.rule in plan_rules], describe(report)


def test_review_against_the_plan_by_code(tmp_path):
    # the review names its program differently from the plan; the code still matches it
    renamed = "PROGRAM NAMA LAIN YANG TIDAK ADA DI NOMENKLATUR"
    sheet = REVIEW_CODED.set(6, "B", renamed).set(6, "G", renamed).set(6, "K", 60_000)
    sheet = sheet.set(11, "K", 60_000).set(9, "K", 30_000).set(10, "K", 30_000)
    report = check(tmp_path, {"Tabel 2.4 Review": sheet})
    assert issues(report, "review-program-not-in-plan") == [], describe(report)
    differs = issues(report, "review-pagu-differs")
    assert [(i.sheet, i.cell, i.kode) for i in differs] == [("Tabel 4.1", "J7", "7.01.02")]
    # a code the plan does not have is reported, whatever the name says
    other = REVIEW_CODED.set(6, "A", "7.01.05")
    report = check(tmp_path, {"Tabel 2.4 Review": other})
    assert [i.cell for i in issues(report, "review-program-not-in-plan")] == ["B6"]


def test_kinerja_tujuan_usulan_evaluasi_with_a_code_column_are_themselves(tmp_path):
    sheets = {"Tabel 2.1": EVALUASI,
              "Tabel 2.4 Kinerja": with_code(KINERJA, ["7.01.02", "7.01.02", "7.01.03"], 6),
              "Tabel 3.1": with_code(TUJUAN, ["7.01.02", "7.01.03"], 6),
              "Tabel 2.5": with_code(USULAN, ["7.01.02"] * 4, 4, header=(2, 2))}
    report = check(tmp_path, sheets)
    found = {(t.table, t.sheet): t for t in report.files[0].tables}
    assert set(found) == {("rencana", "Tabel 4.1"), ("evaluasi", "Tabel 2.1"),
                          ("kinerja_pelayanan", "Tabel 2.4 Kinerja"),
                          ("tujuan_sasaran", "Tabel 3.1"), ("usulan", "Tabel 2.5")}
    assert found[("kinerja_pelayanan", "Tabel 2.4 Kinerja")].columns["kode"] == "A"
    assert found[("tujuan_sasaran", "Tabel 3.1")].columns["kode"] == "A"
    assert found[("usulan", "Tabel 2.5")].columns["kode"] == "A"
    assert report.issues == [], describe(report)


def test_the_order_tables_are_tried_in_is_the_order_of_tables_toml():
    data = schema_toml("tables.toml")
    assert other_tables() == tuple(t for t in data if data[t].get("reader") != "plan")
    assert other_tables()[:2] == ("review_rkpd", "renstra")
    checks = {t: d.checks for t, d in table_defs().items() if d.checks}
    from renja_xl.reconcile.other import CHECKS
    assert set().union(*checks.values()) <= set(CHECKS)
    assert checks["review_rkpd"] == ("review",) and "renstra_rollup" in checks["renstra"]


def test_a_plan_with_review_like_words_elsewhere_stays_a_plan(tmp_path):
    # the plan's header has Kode + Pagu and no defining words of another table
    report = renja_xl.check(_plan_only(tmp_path))
    assert [t.table for t in report.files[0].tables] == ["rencana"]
    assert report.issues == [], describe(report)


def _plan_only(tmp_path):
    from tables_helpers import build
    return build(tmp_path, {})


def test_a_review_known_by_its_title_when_its_halves_have_no_group_header(tmp_path):
    half = ["Program/Kegiatan/Sub Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian"]
    rows = [["TABEL 2.4 REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2025"], [],
            ["Kode"] + half + ["Pagu Indikatif (Ribuan)"] + half + ["Kebutuhan Dana (Ribuan)",
                                                                  "Catatan Penting"]]
    for code, row in zip(_CODES, REVIEW.rows[5:10]):
        rows.append([code] + row)
    report = check(tmp_path, {"Review": Sheet(rows)})
    tables = [t.table for t in report.files[0].tables]
    assert tables == ["rencana", "review_rkpd"], describe(report)
    assert report.issues == [], describe(report)
    # the same header under a plan's title is a plan table (with its missing columns said)
    rows[0] = ["TABEL 4.1 RENCANA PROGRAM DAN KEGIATAN TAHUN 2025"]
    report = check(tmp_path, {"Review": Sheet(rows)})
    assert [t.table for t in report.files[0].tables] == ["rencana", "rencana"]


def test_a_plan_with_five_years_of_columns_is_not_a_renstra(tmp_path):
    """Realisasi 2022-2024 | Rencana 2025 | Prakiraan Maju 2026: five years, still the plan."""
    from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook

    def extra(wb, ws, pos):
        ws.write_string(3, 14, "Realisasi Capaian 2022")
        ws.write_string(3, 15, "Realisasi Capaian 2023")
        ws.write_string(3, 16, "Realisasi Capaian 2024")
    path = make_plan_workbook(tmp_path / "renja.xlsx", CLEAN_ROWS, PlanLayout(), extra=extra)
    report = renja_xl.check(path)
    assert [t.table for t in report.files[0].tables] == ["rencana"], describe(report)
    assert report.files[0].tables[0].rows == 5


def test_a_review_with_a_kode_column_in_each_half(tmp_path):
    """Kode | Program … | Pagu under each half; one kegiatan without its code gets its level
    from its name; the roll-ups still hold."""
    words = ["KODE", "PROGRAM/KEGIATAN/SUB KEGIATAN", "LOKASI", "INDIKATOR KINERJA",
             "TARGET CAPAIAN"]
    rows = [["Tabel 2.4 REVIEW TERHADAP RKPD 2025"], ["KECAMATAN CONTOH"], [], []]
    for code, row in zip(_CODES, REVIEW.rows[5:10]):
        code = "" if code == "7.01.02.2.04" else code
        rows.append([code] + row[:5] + [code] + row[5:])
    rows.append([None, "JUMLAH", None, None, None, 40_000, None, None, None, None, None, 40_000])
    merges = [(2, 0, 2, 5, "RANCANGAN AWAL RKPD"), (2, 6, 2, 11, "HASIL ANALISIS KEBUTUHAN"),
              (2, 12, 3, 12, "CATATAN PENTING")]
    merges += [(3, c + off, 3, c + off, text) for off in (0, 6) for c, text in enumerate(
        words + ["PAGU INDIKATIF (Ribuan)" if off == 0 else "KEBUTUHAN DANA (Ribuan)"])]
    sheet = Sheet(rows, merges)
    report = check(tmp_path, {"Review": sheet})
    assert report.issues == [], describe(report)
    review = tables_of(report)["review_rkpd"]
    assert review.levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    assert review.columns["kode_rkpd"] == "A" and review.columns["kode_analisis"] == "G"
    report = check(tmp_path, {"Review": sheet.set(5, "L", 50_000)})
    assert [i.cell for i in issues(report, "review-pagu-rollup")] == ["L5"], describe(report)


def test_a_coded_review_below_the_plan_on_the_same_sheet(tmp_path):
    from tables_helpers import build
    report = renja_xl.check(build(tmp_path, {}, same_sheet=REVIEW_CODED))
    tables = [(t.table, t.sheet, t.rows) for t in report.files[0].tables]
    assert tables == [("rencana", "Tabel 4.1", 5), ("review_rkpd", "Tabel 4.1", 5)]
    assert report.issues == [], describe(report)
