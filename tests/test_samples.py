"""The bundled samples: the real Kejobong faults found on their cells, the clean one clean."""
from __future__ import annotations

import pytest

import renja_xl

from conftest import sample


@pytest.fixture(scope="module")
def kejobong():
    report = renja_xl.check(sample("Renja_Kec_Kejobong_2025.xlsx"))
    return {(i.rule, i.sheet, i.cell): i for i in report.issues}, report


def cells(found, rule, sheet="Tabel 4.1"):
    return {cell for (r, s, cell) in found[0] if r == rule and s == sheet}


def test_kejobong_plan_table_is_read(kejobong):
    _, report = kejobong
    tables = [t for t in report.files[0].tables if t.table == "rencana"]
    assert [(t.sheet, t.rows) for t in tables] == [("Tabel 4.1", 41)]
    assert tables[0].levels == {"program": 5, "kegiatan": 13, "sub_kegiatan": 23}
    assert report.files[0].kecamatan == "Kejobong"


def test_kejobong_2_digit_codes_and_missing_lokasi(kejobong):
    assert cells(kejobong, "kode-sub-2digit") == {"E14", "E16", "E18", "E19", "E20", "E21",
                                                  "E26", "E27", "E52"}
    assert cells(kejobong, "lokasi-missing") == {"I10"}
    assert cells(kejobong, "lokasi-not-a-place") == {"I52"}


def test_kejobong_budget_faults(kejobong):
    found, _ = kejobong
    program = found[("pagu-rollup", "Tabel 4.1", "K7")]
    assert (program.value, program.expected) == (1_802_641_000, 1_756_263_000)
    assert "Rp 1.802.641.000" in program.message() and "selisih Rp 46.378.000" in program.message()
    parent_2026 = found[("pagu-rollup", "Tabel 4.1", "N25")]        # 7.01.01.2.08
    assert (parent_2026.value, parent_2026.expected) == (118_260_000, 118_660_000)
    assert {"N28", "N37", "N40", "N42", "N43", "N47"} <= cells(kejobong, "pagu-rollup")


def test_kejobong_hierarchy_targets_and_names(kejobong):
    found, _ = kejobong
    assert cells(kejobong, "kode-duplicate") == {"A23"}             # 7.01.01.2.07 twice
    assert found[("kode-duplicate", "Tabel 4.1", "A23")].params["first_row"] == 22
    assert cells(kejobong, "satuan-changed") == {"M8", "M47"}      # 100% vs 5 Dok; 12 kegiatan vs 12 Dok
    names = cells(kejobong, "nama-differs")
    assert {"G14", "G37", "G50"} <= names                           # Akuntasi, PENYELENGARAAN
    assert cells(kejobong, "nama-other-code") == {"G23"}


def test_clean_sample_has_no_issue():
    report = renja_xl.check(sample("Renja_Kec_Bobotsari_2025.xlsx"))
    assert report.issues == [], [(i.rule, i.where, i.message()) for i in report.issues]
    assert report.files[0].tables[0].rows == 28


def test_other_samples_report_their_planted_faults():
    rembang = renja_xl.check(sample("Renja_Kec_Rembang_2025.xlsx"))
    assert {(i.rule, i.cell) for i in rembang.errors} == {
        ("indikator-missing", "G22"), ("pagu-rollup", "J32"), ("pagu-not-number", "J37")}
    karangmoncol = renja_xl.check(sample("Renja_Kec_Karangmoncol_2025.xlsx"))
    assert {(i.rule, i.cell) for i in karangmoncol.errors} == {
        ("satuan-changed", "J10"), ("pagu-rollup", "K17"), ("child-before-parent", "A26")}


def test_consolidated_kejobong_has_a_sheet_per_table_with_linked_issues(tmp_path):
    import openpyxl
    result = renja_xl.consolidate([sample("Renja_Kec_Kejobong_2025.xlsx")],
                                  output=tmp_path / "gabungan.xlsx", jobs=1)
    wb = openpyxl.load_workbook(result.output)
    assert wb.sheetnames == ["Ringkasan", "Rencana", "Kesalahan", "Temuan", "Evaluasi",
                             "Capaian IKU", "Kinerja Pelayanan", "Review RKPD", "Usulan",
                             "Tujuan Sasaran", "Tabel Jumlah"]       # names and order: contract
    assert [c.value for c in wb["Review RKPD"][1][:4]] == ["file", "kecamatan", "sheet", "row"]
    links = {c.hyperlink.location.split("!")[0].strip("'")
             for row in wb["Kesalahan"].iter_rows(min_row=2) for c in row if c.hyperlink}
    assert {"Rencana", "Review RKPD", "Kinerja Pelayanan"} <= links
