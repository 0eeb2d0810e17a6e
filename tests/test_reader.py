"""The plan-table reader on the layouts kecamatan actually send."""
from __future__ import annotations

import pytest

import renja_xl
from renja_xl.tables.plan import PLAN_FIELDS

from conftest import CLEAN_ROWS, PlanLayout, issues_of, make_plan_workbook

EXPECTED_CODES = [r[0] for r in CLEAN_ROWS]


def _read(path):
    df = renja_xl.read_renja(path)
    assert list(df.columns) == list(PLAN_FIELDS)
    return df


@pytest.mark.parametrize("layout", [
    PlanLayout(),                                             # five cells, 2-row merged header
    PlanLayout(five_cell_code=False),                         # one-cell code
    PlanLayout(numbering_row=False),
    PlanLayout(one_row_header=True, numbering_row=False),
    PlanLayout(start_row=9, start_col=3),                     # anywhere on the sheet
    PlanLayout(cover_sheet=True, sheet="Renja 2025"),
    PlanLayout(money_as_text=True),
    PlanLayout(satuan_split=True),
    PlanLayout(page_break_after=1),
    PlanLayout(titles=("T-C.29", "Rencana Program dan Kegiatan Perangkat Daerah",
                       "Kecamatan Contoh", "Tahun 2025", "", "")),
], ids=["five-cell", "one-cell", "no-numbering", "one-row-header", "offset", "cover",
        "money-text", "satuan-split", "page-break", "many-titles"])
def test_layouts_read_the_same_rows(tmp_path, layout):
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, layout)
    df = _read(path)
    assert list(df["kode"]) == EXPECTED_CODES
    assert list(df["level"]) == ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan"]
    assert list(df["pagu"]) == [40e6, 30e6, 30e6, 10e6, 10e6]
    assert list(df["pagu_n1"]) == [44e6, 33e6, 33e6, 11e6, 11e6]
    assert df["target"].iloc[1] == 12 and df["satuan"].iloc[1] == "Dokumen"
    assert df["target_n1"].iloc[0] == pytest.approx(3.6)
    assert df["parent_kode"].iloc[2] == "7.01.02.2.01"
    assert set(df["kecamatan"]) == {"Contoh"}
    report = renja_xl.check(path)
    assert report.errors == [], [i.message() for i in report.errors]


def test_rows_remember_their_excel_row(tmp_path):
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout(start_row=5))
    df = _read(path)
    # titles above, header rows 6-7 (1-based), numbering row 8, data from 9
    assert list(df["row"]) == [9, 10, 11, 12, 13]


def test_page_break_rows_are_skipped_and_counted(tmp_path):
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout(page_break_after=2))
    report = renja_xl.check(path)
    table = report.files[0].tables[0]
    assert table.rows == 5
    assert table.skipped["footer"] == 1
    assert table.skipped["header berulang"] >= 2


def test_damaged_codes_are_restored_with_a_warning(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    path = make_plan_workbook(tmp_path / "r.xlsx", [tuple(r) for r in rows],
                              PlanLayout(damaged_codes=True))
    df = _read(path)
    assert list(df["kode"]) == EXPECTED_CODES
    damaged = issues_of(renja_xl.check(path), "kode-damaged")
    assert damaged and all(i.severity == "warning" for i in damaged)
    # one warning per row, on its first damaged cell: bidang "01" typed as 1 in column B
    by_row = {i.row: i for i in damaged}
    assert len(by_row) == len(damaged) == 5
    assert by_row[9].cell == "B9"
    assert (by_row[9].value, by_row[9].expected) == ("7 | 1 | 2 | 2.01 | 2", "7.01.02.2.01.0002")


def test_kegiatan_2_10_damaged_to_2_1(tmp_path):
    rows = [CLEAN_ROWS[0],
            ("7.01.02.2.10", "Kegiatan Sepuluh", "Jumlah Dokumen", "Kec", "1 Dokumen", 5, "DAU", "1 Dokumen", 5),
            ("7.01.02.2.10.0001", "Sub Sepuluh", "Jumlah Dokumen", "Kec", "1 Dokumen", 5, "DAU", "1 Dokumen", 5)]
    path = make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout(damaged_codes=True))
    assert list(_read(path)["kode"])[1:] == ["7.01.02.2.10", "7.01.02.2.10.0001"]


def test_indonesian_money_text(tmp_path):
    rows = [("7.01.02", "PROGRAM X", "Nilai", "Kec", "3,5", "Rp 1.802.641.000,00", "DAU", "3,5", "1.802.641.000")]
    path = make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout())
    df = _read(path)
    assert df["pagu"].iloc[0] == 1_802_641_000
    assert df["pagu_n1"].iloc[0] == 1_802_641_000


def test_pagu_in_thousands_is_normalised_to_rupiah(tmp_path):
    rows = [("7.01.02", "PROGRAM X", "Nilai", "Kec", "3,5", 1_802_641, "DAU", "3,5", 1_000)]
    layout = PlanLayout(header_words={"pagu": "Pagu Indikatif (Ribuan Rp)"})
    df = _read(make_plan_workbook(tmp_path / "r.xlsx", rows, layout))
    assert df["pagu"].iloc[0] == 1_802_641_000


def test_targets_with_units(tmp_path):
    base = CLEAN_ROWS[0]
    rows = [base[:4] + (t,) + base[5:] for t in ("100 %", "100 persen", "10 org/bln", "3,9")]
    rows = [(f"7.01.0{i + 2}",) + r[1:] for i, r in enumerate(rows)]
    df = _read(make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout()))
    assert list(df["target"]) == [100, 100, 10, 3.9]
    assert list(df["satuan"].fillna("")) == ["%", "%", "org/bln", ""]


def test_formula_cached_value_is_used(tmp_path):
    def extra(wb, ws, pos):
        # program pagu (column J of the five-cell layout) as =SUM() with a cached value
        ws.write_formula(pos[0], 9, f"=J{pos[1] + 1}+J{pos[3] + 1}", None, 40_000_000)
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout(), extra=extra)
    assert _read(path)["pagu"].iloc[0] == 40_000_000


def test_formula_without_cached_value_is_computed_not_zero(tmp_path):
    import openpyxl
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout())
    wb = openpyxl.load_workbook(path)
    ws = wb["Tabel 4.1"]
    ws["J8"] = "=J9"                 # kegiatan 7.01.02.2.01: openpyxl stores no cached value
    out = tmp_path / "formula.xlsx"
    wb.save(out)
    report = renja_xl.check(out)
    computed = issues_of(report, "pagu-computed")
    assert [i.cell for i in computed] == ["J8"]
    assert computed[0].expected == 30_000_000
    assert not issues_of(report, "pagu-rollup")


def test_continuation_row_is_merged(tmp_path):
    def extra(wb, ws, pos):
        pass
    rows = list(CLEAN_ROWS)
    path = make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout())
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb["Tabel 4.1"]
    ws.insert_rows(10)
    ws["G10"] = "yang Disediakan"
    wb.save(path)
    df = _read(path)
    assert df["indikator"].iloc[2].endswith("yang Disediakan")
    assert issues_of(renja_xl.check(path), "row-continuation")


def test_kecamatan_from_file_name_when_titles_are_silent(tmp_path):
    layout = PlanLayout(titles=("RENCANA PROGRAM DAN KEGIATAN TAHUN 2025",))
    rows = [r[:3] + ("Desa A",) + r[4:] for r in CLEAN_ROWS]
    path = make_plan_workbook(tmp_path / "Renja_Kec_Bukateja_2025.xlsx", rows, layout)
    assert set(_read(path)["kecamatan"]) == {"Bukateja"}


def test_no_table_is_reported(tmp_path):
    import xlsxwriter
    path = tmp_path / "cover.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Sampul").write("A1", "RENJA KECAMATAN CONTOH")
    wb.close()
    report = renja_xl.check(path)
    assert [i.rule for i in report.issues] == ["table-not-found"]
    assert report.files[0].status == "invalid"
    assert report.exit_code == 1


def test_title_merged_across_the_table_is_not_a_header(tmp_path):
    """A title line says 'Program dan Kegiatan … Prakiraan Maju' too; it must stay a title."""
    def extra(wb, ws, pos):
        ws.merge_range(0, 0, 0, 13, "RENCANA PROGRAM DAN KEGIATAN TAHUN 2025 DAN PRAKIRAAN MAJU "
                                    "TAHUN 2026 KECAMATAN CONTOH")
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout(titles=()), extra=extra)
    report = renja_xl.check(path)
    assert report.errors == [], [i.message() for i in report.errors]
    assert report.files[0].tables[0].header_rows == (4, 6)
    assert report.files[0].kecamatan == "Contoh"


def test_percent_formatted_number_targets_read_as_percent(tmp_path):
    """'100%' typed into a General cell: Excel stores 1 with a percent format."""
    def extra(wb, ws, pos):
        pct = wb.add_format({"num_format": "0%"})
        ws.write_number(pos[0], 8, 1.0, pct)         # I7: target 2025 of the program
        ws.write_number(pos[0], 11, 0.955, wb.add_format({"num_format": "0.0%"}))  # L7
    rows = [("7.01.02",) + CLEAN_ROWS[0][1:4] + ("",) + CLEAN_ROWS[0][5:7] + ("",) + CLEAN_ROWS[0][8:]] \
        + CLEAN_ROWS[1:]
    df = _read(make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout(), extra=extra))
    assert (df["target"].iloc[0], df["satuan"].iloc[0]) == (100, "%")
    assert (df["target_n1"].iloc[0], df["satuan_n1"].iloc[0]) == (95.5, "%")


def test_columns_of_an_earlier_year_are_not_the_plan(tmp_path):
    """'Realisasi Tahun 2024' columns before 'Rencana Tahun 2025' are not pagu n."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Capaian Tahun 2024",
               None, "Rencana Tahun 2025", None, None, None, "Prakiraan Maju Tahun 2026", None])
    ws.append([None, None, None, "Target", "Pagu", "Lokasi", "Target", "Pagu Indikatif",
               "Sumber Dana", "Target", "Pagu Indikatif"])
    ws.append(["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
               "Nilai Evaluasi", "3", 1, "Kec", "3,5", 40_000_000, "DAU", "3,6", 44_000_000])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    df = _read(path)
    assert (df["pagu"].iloc[0], df["pagu_n1"].iloc[0]) == (40_000_000, 44_000_000)
    assert df["target"].iloc[0] == 3.5


def test_codes_written_relative_to_their_parent(tmp_path):
    rows = [("7.01.02",) + CLEAN_ROWS[0][1:], ("2.01",) + CLEAN_ROWS[1][1:],
            ("0002",) + CLEAN_ROWS[2][1:], ("2.04",) + CLEAN_ROWS[3][1:],
            ("0001",) + CLEAN_ROWS[4][1:]]
    path = make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout(five_cell_code=False))
    assert list(_read(path)["kode"]) == EXPECTED_CODES
    report = renja_xl.check(path)
    relative = issues_of(report, "kode-relative")
    assert [(i.cell, i.value, i.expected) for i in relative][:2] == [
        ("A8", "2.01", "7.01.02.2.01"), ("A9", "0002", "7.01.02.2.01.0002")]
    assert report.errors == []


def test_a_bidang_row_after_fully_coded_rows_is_not_a_relative_kegiatan(tmp_path):
    rows = list(CLEAN_ROWS) + [("2.08", "BIDANG URUSAN LAIN", "", "", "", None, "", "", None)]
    path = make_plan_workbook(tmp_path / "r.xlsx", rows, PlanLayout(five_cell_code=False))
    df = _read(path)
    assert list(df["kode"]) == EXPECTED_CODES + ["2.08"]        # a bidang row (issue #11)
    assert df["level"].iloc[-1] == "bidang"


@pytest.mark.parametrize("caption", ["Pagu Indikatif (Rp 000)", "Pagu Indikatif (x Rp 1.000)",
                                     "Kebutuhan Dana (dalam ribuan rupiah)"])
def test_money_in_thousands_by_header_words(tmp_path, caption):
    rows = [("7.01.02", "PROGRAM X", "Nilai", "Kec", "3,5", 1_802_641, "DAU", "3,5", 1_000)]
    layout = PlanLayout(header_words={"pagu": caption})
    df = _read(make_plan_workbook(tmp_path / "r.xlsx", rows, layout))
    assert df["pagu"].iloc[0] == 1_802_641_000


def test_header_words_with_numbers_still_make_a_header(tmp_path):
    layout = PlanLayout(header_words={"n": "Rencana Tahun ke-1 (2025)",
                                      "n1": "Prakiraan Maju Tahun n+1 (2026)"})
    df = _read(make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, layout))
    assert list(df["pagu_n1"]) == [44e6, 33e6, 33e6, 11e6, 11e6]


def test_one_name_column_per_level_beside_a_one_cell_code(tmp_path):
    """'Kode | Program | Kegiatan | Sub Kegiatan': here the three are names, not code parts."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode", "Program", "Kegiatan", "Sub Kegiatan", "Indikator Kinerja", "Lokasi",
               "Target", "Pagu Indikatif 2025", "Sumber Dana"])
    for kode, nama, indikator, lokasi, target, pagu, sumber, _, _ in CLEAN_ROWS:
        level = kode.count(".")
        names = [nama if level == 2 else None, nama if level == 4 else None,
                 nama if level == 5 else None]
        ws.append([kode, *names, indikator, lokasi, target, pagu, sumber])
    path = tmp_path / "names.xlsx"
    wb.save(path)
    df = _read(path)
    assert list(df["kode"]) == EXPECTED_CODES
    assert list(df["nama"]) == [r[1] for r in CLEAN_ROWS]
    assert renja_xl.check(path).errors == []


def test_an_opd_submission_is_named_after_its_perangkat_daerah(tmp_path):
    layout = PlanLayout(titles=("Rencana Program dan Kegiatan Tahun 2025",
                                "Nama Perangkat Daerah : Dinas Kesehatan"))
    rows = [r[:3] + ("Kec. Bobotsari",) + r[4:] for r in CLEAN_ROWS]
    path = make_plan_workbook(tmp_path / "renja_dinkes.xlsx", rows, layout)
    assert set(_read(path)["kecamatan"]) == {"Dinas Kesehatan"}


def test_a_leaf_formula_without_cached_value_is_reported(tmp_path):
    import openpyxl
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout())
    wb = openpyxl.load_workbook(path)
    wb["Tabel 4.1"]["J9"] = "=2*15000000"        # a sub kegiatan pagu: nothing to compute it from
    out = tmp_path / "leaf.xlsx"
    wb.save(out)
    report = renja_xl.check(out)
    issue = issues_of(report, "formula-no-value")
    assert [(i.cell, i.params["formula"]) for i in issue] == [("J9", "=2*15000000")]
    assert not issues_of(report, "pagu-missing")
    assert [i.cell for i in issues_of(report, "pagu-rollup-unverifiable")] == ["J8"]


def test_formula_errors_are_reported_not_read_as_empty(tmp_path):
    def extra(wb, ws, pos):
        ws.write_formula(pos[0], 9, "=J8+#REF!", None, "#REF!")      # a SUM broken by a deleted row
        ws.write_formula(pos[2], 9, "=1/0", None, "#DIV/0!")
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout(), extra=extra)
    report = renja_xl.check(path)
    errors = {i.cell: i for i in issues_of(report, "formula-error")}
    assert set(errors) == {"J7", "J9"} and errors["J7"].value == "#REF!"
    assert "=J8+#REF!" in errors["J7"].message()
    assert not issues_of(report, "pagu-missing") and not issues_of(report, "pagu-rollup")


def test_signature_block_under_the_table_is_skipped_not_data(tmp_path):
    """Place and date, the Camat, the NIP: the signature every Renja ends with."""
    def sign(wb, ws, pos):
        last = pos[len(CLEAN_ROWS) - 1]
        for k, text in enumerate(["Contoh, 12 Januari 2025", "CAMAT CONTOH", "",
                                  "Drs. BUDI SANTOSO, M.Si", "NIP. 19700101 199003 1 001"]):
            if text:
                ws.write_string(last + 3 + k, 6, text)           # the name column (G)
    path = make_plan_workbook(tmp_path / "r.xlsx", extra=sign)
    report = renja_xl.check(path)
    assert report.issues == [], [(i.rule, i.cell, i.message()) for i in report.issues]
    assert report.files[0].tables[0].skipped["tanda tangan"] == 3
    assert len(renja_xl.read_renja(path)) == len(CLEAN_ROWS)
