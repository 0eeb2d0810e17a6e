"""Every validation and reconciliation rule of the plan table, each on a small workbook."""
from __future__ import annotations

import pytest

import renja_xl

from conftest import CLEAN_ROWS, PlanLayout, issues_of, make_plan_workbook


def rows_with(*changes, rows=CLEAN_ROWS):
    """CLEAN_ROWS with (index, field_position, value) changes applied."""
    out = [list(r) for r in rows]
    for idx, pos, value in changes:
        out[idx][pos] = value
    return [tuple(r) for r in out]


def check(tmp_path, rows, layout=None, **kw):
    path = make_plan_workbook(tmp_path / "renja.xlsx", rows, layout or PlanLayout())
    return renja_xl.check(path, **kw)


def one(report, rule):
    found = issues_of(report, rule)
    assert len(found) == 1, (rule, [(i.rule, i.cell, i.message()) for i in report.issues])
    return found[0]


# Five-cell layout: A-E kode, F nama, G indikator, H lokasi, I target, J pagu, K sumber,
# L target n+1, M pagu n+1; data rows start at Excel row 7.

def test_clean_workbook_has_no_issue(tmp_path):
    report = check(tmp_path, CLEAN_ROWS)
    assert report.issues == [], [(i.rule, i.message()) for i in report.issues]
    assert report.exit_code == 0


# --- schema (pandera) rules --------------------------------------------------------------

def test_sub_kegiatan_2_digit_code_is_a_warning_with_its_4_digit_form(tmp_path):
    rows = rows_with((2, 0, "7.01.02.2.01.02"))
    issue = one(check(tmp_path, rows), "kode-sub-2digit")
    assert (issue.cell, issue.severity, issue.expected) == ("E9", "warning", "7.01.02.2.01.0002")


def test_invalid_code(tmp_path):
    rows = rows_with((2, 0, "7.01.02.9.01.0002"))          # kegiatan level is 1-8
    issue = one(check(tmp_path, rows, PlanLayout(five_cell_code=False)), "kode-invalid")
    assert issue.cell == "A9" and issue.severity == "error"


def test_missing_lokasi_indikator_target_pagu(tmp_path):
    rows = rows_with((2, 3, ""), (4, 2, ""), (4, 4, ""), (2, 5, None))
    report = check(tmp_path, rows)
    assert one(report, "lokasi-missing").cell == "H9"
    assert one(report, "indikator-missing").cell == "G11"
    assert one(report, "target-missing").cell == "I11"
    assert one(report, "pagu-missing").cell == "J9"


def test_sumber_dana_is_inherited_from_the_program(tmp_path):
    rows = rows_with((1, 6, ""), (2, 6, ""), (3, 6, ""), (4, 6, ""))
    assert not issues_of(check(tmp_path, rows), "sumber-dana-missing")
    rows = rows_with((0, 6, ""), (1, 6, ""), (2, 6, ""))
    assert one(check(tmp_path, rows), "sumber-dana-missing").cell == "K9"


def test_pagu_not_a_number_and_negative(tmp_path):
    rows = rows_with((2, 5, "dua juta"), (4, 8, -5))
    report = check(tmp_path, rows)
    issue = one(report, "pagu-not-number")
    assert (issue.cell, issue.value) == ("J9", "dua juta")
    assert not issues_of(report, "pagu-missing")
    assert one(report, "pagu-negative").cell == "M11"
    # the kegiatan above cannot be verified rather than reported as a false difference
    assert one(report, "pagu-rollup-unverifiable").cell == "J8"
    assert not [i for i in issues_of(report, "pagu-rollup") if i.cell == "J8"]


def test_ambiguous_number_is_flagged_not_guessed_silently(tmp_path):
    rows = rows_with((0, 4, "3.5"))
    # a target "3.5" is fine to read; an ambiguous pagu "1,500" is flagged
    rows = rows_with((2, 5, "30,000,000"), (1, 5, "30,000,000"), rows=rows)
    report = check(tmp_path, rows)
    cells = {i.cell for i in issues_of(report, "number-ambiguous")}
    assert cells == {"J8", "J9"}


# --- budget roll-ups -----------------------------------------------------------------------

def test_program_pagu_differs_from_its_kegiatan(tmp_path):
    rows = rows_with((0, 8, 34_452_000))
    issue = one(check(tmp_path, rows), "pagu-rollup")
    assert issue.cell == "M7" and issue.category == "budget"
    assert (issue.value, issue.expected) == (34_452_000, 44_000_000)
    assert issue.message() == ("Pagu 2026 program 7.01.02 Rp 34.452.000 ≠ jumlah 2 kegiatan "
                               "Rp 44.000.000 (selisih Rp 9.548.000; baris 8, 10)")
    assert "difference Rp 9.548.000" in issue.message("en")


def test_kegiatan_pagu_differs_from_its_sub_kegiatan_year_n(tmp_path):
    rows = rows_with((2, 5, 29_000_000))
    issue = one(check(tmp_path, rows), "pagu-rollup")
    assert issue.cell == "J8" and issue.expected == 29_000_000


def test_tolerance(tmp_path):
    rows = rows_with((0, 5, 40_000_400))
    assert one(check(tmp_path, rows), "pagu-rollup")
    assert not issues_of(check(tmp_path, rows, tolerance=500), "pagu-rollup")


def test_grand_total_row(tmp_path):
    rows = list(CLEAN_ROWS) + [("", "JUMLAH", "", "", "", 41_000_000, "", "", 44_000_000)]
    report = check(tmp_path, rows, PlanLayout(five_cell_code=False))
    issue = one(report, "total-mismatch")
    assert issue.row == 12 and issue.expected == 40_000_000
    assert report.files[0].tables[0].rows == 5


# --- hierarchy -------------------------------------------------------------------------------

def test_duplicate_code_points_to_the_first(tmp_path):
    rows = list(CLEAN_ROWS) + [CLEAN_ROWS[4]]
    issue = one(check(tmp_path, rows), "kode-duplicate")
    assert (issue.row, issue.params["first_row"]) == (12, 11)


def test_orphan_and_no_children(tmp_path):
    rows = [CLEAN_ROWS[0], CLEAN_ROWS[1], CLEAN_ROWS[2],
            ("7.01.02.2.05.0001",) + CLEAN_ROWS[4][1:], CLEAN_ROWS[3]]
    report = check(tmp_path, rows)
    assert one(report, "parent-missing").row == 10
    assert one(report, "no-children").row == 11


def test_child_before_parent_and_wrong_parent(tmp_path):
    other_program = ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                     "Persentase Keaktifan Lembaga Desa", "Kec", "100%", 0, "DAU", "100%", 0)
    rows = [CLEAN_ROWS[3], CLEAN_ROWS[4], CLEAN_ROWS[0], CLEAN_ROWS[1], other_program,
            CLEAN_ROWS[2]]
    report = check(tmp_path, rows)
    assert one(report, "child-before-parent").row == 7
    wrong = one(report, "wrong-parent")
    assert wrong.row == 12 and wrong.expected == "7.01.02.2.01"


def test_name_says_program_but_code_is_kegiatan(tmp_path):
    rows = rows_with((1, 1, "PROGRAM KOORDINASI PENYELENGGARAAN KEGIATAN"))
    assert one(check(tmp_path, rows), "name-level-mismatch").cell == "F8"


# --- targets ----------------------------------------------------------------------------------

def test_unit_changes_between_years(tmp_path):
    rows = rows_with((1, 4, "12 kegiatan"), (1, 7, "12 Dok"))
    issue = one(check(tmp_path, rows), "satuan-changed")
    assert issue.cell == "L8" and (issue.value, issue.expected) == ("12 kegiatan", "12 Dok")


def test_unit_change_names_both_units_when_the_unit_has_its_own_column(tmp_path):
    # target 12 | Satuan Dokumen, n+1 12 | Laporan: the message said "'12' vs '12'"
    rows = rows_with((1, 4, "12 Dokumen"), (1, 7, "12 Laporan"), (0, 4, "120 %"))
    report = check(tmp_path, rows, PlanLayout(satuan_split=True))
    issue = one(report, "satuan-changed")
    assert (issue.value, issue.expected) == ("12 Dokumen", "12 Laporan")
    assert "2025 '12 Dokumen' vs 2026 '12 Laporan'" in issue.message()
    assert one(report, "percent-over-100").message() == "Target 2025 120% lebih dari 100%"


def test_unit_spellings_that_agree(tmp_path):
    rows = rows_with((1, 4, "12 dokumen"), (1, 7, "12 Dok."), (3, 4, "4 Lap"), (3, 7, "4 laporan"))
    assert not issues_of(check(tmp_path, rows), "satuan-changed")


def test_count_indicator_with_percent_target_and_over_100(tmp_path):
    rows = rows_with((1, 4, "100%"), (1, 7, "100%"), (2, 2, "Persentase dokumen"),
                     (2, 4, "12 Dokumen"), (0, 7, "120 %"), (0, 4, "120 %"))
    report = check(tmp_path, rows)
    assert {i.cell for i in issues_of(report, "target-percent-for-count")} == {"I8", "L8"}
    assert {i.cell for i in issues_of(report, "target-count-for-percent")} == {"I9", "L9"}
    assert {i.cell for i in issues_of(report, "percent-over-100")} == {"I7", "L7"}


def test_n1_pagu_without_target_and_the_reverse(tmp_path):
    rows = rows_with((2, 7, ""), (4, 8, None))
    report = check(tmp_path, rows)
    assert one(report, "target-n1-missing").cell == "L9"
    assert one(report, "pagu-n1-missing").cell == "M11"


# --- nomenclature -----------------------------------------------------------------------------

def test_name_drift_is_a_warning_with_the_official_name(tmp_path):
    rows = rows_with((2, 1, "Peningkatan Efektifitas Kegiatan Pemerintahan Kecamatan"))
    issue = one(check(tmp_path, rows), "nama-differs")
    assert issue.cell == "F9" and issue.severity == "warning"
    assert issue.expected.startswith("Peningkatan Efektifitas")


def test_name_of_another_code_is_an_error(tmp_path):
    rows = rows_with((2, 1, "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha"))
    issue = one(check(tmp_path, rows), "nama-other-code")
    assert issue.severity == "error" and "7.01.02.2.04.0001" in issue.message()


def test_generic_program_matches_any_urusan(tmp_path):
    rows = [("1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase", "Kec",
             "100%", 5, "DAU", "100%", 5),
            ("1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
             "Jumlah Dokumen", "Kec", "5 Dokumen", 5, "DAU", "5 Dokumen", 5),
            ("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen",
             "Kec", "5 Dokumen", 5, "DAU", "5 Dokumen", 5)]
    report = check(tmp_path, rows)
    assert not [i for i in report.issues if i.category == "nomenclature"], \
        [i.message() for i in report.issues]


def test_unknown_code_and_custom_reference(tmp_path):
    ref = tmp_path / "ref.csv"
    ref.write_text("kode,nama\n7.01.02,Program Dua\n", encoding="utf-8")
    rows = rows_with((0, 1, "Program Dua"))
    report = check(tmp_path, rows[:1], nomenclature=str(ref))
    assert not issues_of(report, "nama-differs") and not issues_of(report, "kode-unknown")
    report = check(tmp_path, rows, nomenclature=str(ref))
    assert {i.row for i in issues_of(report, "kode-unknown")} == {8, 9, 10, 11}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_issue_has_a_message_in_both_languages(tmp_path, lang):
    rows = rows_with((0, 8, 1), (2, 3, ""), (1, 7, "5 Dok"))
    report = check(tmp_path, rows)
    assert {i.rule for i in report.issues} == {"lokasi-missing", "pagu-rollup"}
    for issue in report.issues:
        text = issue.message(lang)
        assert text and "{" not in text and "laporkan" not in text and "report this" not in text


def test_misplaced_kegiatan_is_one_issue_not_one_per_child(tmp_path):
    other_program = ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                     "Persentase Keaktifan Lembaga Desa", "Kec", "100%", 0, "DAU", "100%", 0)
    rows = [CLEAN_ROWS[0], CLEAN_ROWS[1], CLEAN_ROWS[2], other_program, CLEAN_ROWS[3], CLEAN_ROWS[4]]
    report = check(tmp_path, rows)
    wrong = one(report, "wrong-parent")
    assert wrong.row == 11 and wrong.kode == "7.01.02.2.04"


def test_rollup_across_a_page_break_with_five_cell_codes(tmp_path):
    rows = rows_with((3, 5, 9_000_000))            # kegiatan 7.01.02.2.04 after the break
    report = check(tmp_path, rows, PlanLayout(page_break_after=2))
    # header 4-5, numbering 6, data 7-9, footer 10, blank 11, header 12-13, numbering 14, data 15-
    found = {i.cell: i for i in issues_of(report, "pagu-rollup")}
    assert set(found) == {"J7", "J15"}                 # the program above the break, the kegiatan
    assert found["J15"].expected == 10_000_000 and found["J15"].params["rows"] == "16"
    assert found["J7"].params["rows"] == "8, 15"


def test_report_as_frame_and_html(tmp_path):
    report = check(tmp_path, rows_with((0, 8, 1)))
    frame = report.to_frame()
    assert list(frame.columns)[:6] == ["file", "sheet", "row", "column", "cell", "table"]
    assert frame.loc[0, "cell"] == "M7" and frame.loc[0, "rule"] == "pagu-rollup"
    html = report._repr_html_()
    assert "Tabel 4.1" in html and "!M7" in html and "pagu-rollup" in html
    assert report.to_frame(lang="en").loc[0, "message"].startswith("Pagu 2026 of program")


def test_absurd_pagu_is_not_a_number_and_sums_never_overflow(tmp_path):
    rows = rows_with((1, 5, 1e308), (3, 5, 1e308))
    report = check(tmp_path, rows)
    assert {i.cell for i in issues_of(report, "pagu-not-number")} == {"J8", "J10"}
    assert report.files[0].status == "invalid"
    assert "1e+308" in issues_of(report, "pagu-not-number")[0].message()


def test_a_plan_table_continued_on_a_second_sheet_is_reconciled_as_one(tmp_path):
    import xlsxwriter
    path = tmp_path / "split.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    header = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi",
              "Target 2025", "Pagu Indikatif 2025", "Sumber Dana", "Target 2026", "Pagu Indikatif 2026"]
    first = [CLEAN_ROWS[0], CLEAN_ROWS[1], CLEAN_ROWS[2]]
    second = [CLEAN_ROWS[3], CLEAN_ROWS[4][:5] + (9_000_000,) + CLEAN_ROWS[4][6:]]
    for name, rows in (("Tabel 4.1", first), ("Tabel 4.1 (lanjutan)", second)):
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, header)
        for r, row in enumerate(rows, start=1):
            ws.write_row(r, 0, row)
    wb.close()
    report = renja_xl.check(path)
    assert not issues_of(report, "parent-missing") and not issues_of(report, "no-children")
    rollup = one(report, "pagu-rollup")             # kegiatan 7.01.02.2.04 on the second sheet
    assert (rollup.sheet, rollup.cell) == ("Tabel 4.1 (lanjutan)", "F2")
    assert rollup.expected == 9_000_000
    program = issues_of(report, "pagu-rollup")
    assert len(program) == 1                         # the program still sums 30 + 10 = 40


def test_two_versions_of_the_plan_are_not_merged(tmp_path):
    import xlsxwriter
    path = tmp_path / "versions.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    header = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi",
              "Target 2025", "Pagu Indikatif 2025", "Sumber Dana", "Target 2026", "Pagu Indikatif 2026"]
    for name in ("Renja Awal", "Renja Akhir"):
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, header)
        for r, row in enumerate(CLEAN_ROWS, start=1):
            ws.write_row(r, 0, row)
    wb.close()
    report = renja_xl.check(path)
    assert not issues_of(report, "kode-duplicate") and report.errors == []


def test_missing_columns_are_named_as_staff_know_them(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target",
               "Pagu Indikatif 2025"])
    ws.append(list(CLEAN_ROWS[0][:5]) + [40_000_000])
    path = tmp_path / "cols.xlsx"
    wb.save(path)
    messages = {i.message() for i in issues_of(renja_xl.check(path), "column-missing-optional")}
    assert "Kolom 'Sumber Dana' tidak ditemukan di header tabel" in messages
    assert ("Kolom 'Kebutuhan Dana/Pagu Indikatif (Prakiraan Maju 2026)' tidak ditemukan di "
            "header tabel") in messages


def test_codes_outside_the_reference_are_not_unknown(tmp_path):
    """An OPD's own programs (urusan 1.02 here) are not covered by the built-in kecamatan list:
    no verdict rather than a warning on every row; a kecamatan code the list lacks is unknown."""
    rows = [("1.02.02",) + CLEAN_ROWS[0][1:], ("1.02.02.2.01",) + CLEAN_ROWS[1][1:],
            ("1.02.02.2.01.0001",) + CLEAN_ROWS[2][1:]]
    assert not issues_of(check(tmp_path, rows), "kode-unknown")
    rows = [("7.01.02",) + CLEAN_ROWS[0][1:], ("7.01.02.2.09",) + CLEAN_ROWS[1][1:],
            ("7.01.02.2.09.0001",) + CLEAN_ROWS[2][1:]]
    assert {i.row for i in issues_of(check(tmp_path, rows), "kode-unknown")} == {8, 9}
