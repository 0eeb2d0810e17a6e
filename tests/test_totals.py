"""The consolidated totals: what Bappeda forwards. An empty parent pagu is reported, and the
totals still hold the money its children carry."""
from __future__ import annotations

import openpyxl

import renja_xl

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook


def test_program_pagu_left_empty_counts_its_children_in_the_totals(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[0][5] = rows[0][8] = None            # the program's pagu, both years, left empty
    rows[1][5] = None                         # and one kegiatan's
    path = make_plan_workbook(tmp_path / "r.xlsx", [tuple(r) for r in rows])
    result = renja_xl.consolidate(path, output=tmp_path / "g.xlsx", jobs=1)
    assert {i.rule for i in result.report.errors} == {"pagu-rollup"}      # still reported
    assert result.summary[["pagu", "pagu_n1"]].values.tolist() == [[40_000_000, 44_000_000]]
    assert result.program_totals["jumlah"].tolist() == [40_000_000]
    plan = result.plan
    assert plan.loc[plan["level"] == "program", "pagu"].isna().all()       # data as written
    book = openpyxl.load_workbook(tmp_path / "g.xlsx", read_only=True)
    text = " ".join(str(v) for row in book["Ringkasan"].iter_rows(values_only=True)
                    for v in row if v is not None)
    assert "40000000" in text.replace(".", "").replace(",", "")


def test_amounts_that_look_like_thousands_are_questioned_once(tmp_path):
    rows = [tuple(v // 1000 if isinstance(v, int) else v for v in r) for r in CLEAN_ROWS]
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", rows))
    found = [i for i in report.issues if i.rule == "pagu-scale-suspect"]
    assert [(i.cell, i.severity) for i in found] == [("M7", "warning")]
    assert "Rp 44.000" in found[0].message() and "ribuan rupiah" in found[0].message()
    titled = make_plan_workbook(tmp_path / "t.xlsx", rows, PlanLayout(titles=(
        "TABEL 4.1 Rencana Program dan Kegiatan Kecamatan Contoh Tahun 2025 dan Prakiraan Maju "
        "Tahun 2026", "(dalam ribuan rupiah)")))
    said = renja_xl.check(titled)
    assert not [i for i in said.issues if i.rule == "pagu-scale-suspect"]
    assert renja_xl.consolidate(titled, jobs=1).summary["pagu"].tolist() == [40_000_000]


def test_printed_summary_counts_plan_rows_as_ringkasan_does(tmp_path):
    """Urusan/bidang rows and an item's further indicator rows are no plan rows of their own."""
    from renja_xl.write.totals import summary_text
    from conftest import SAMPLES
    result = renja_xl.consolidate(SAMPLES, jobs=1)
    plan = result.plan
    items = plan["level"].isin(["program", "kegiatan", "sub_kegiatan"]) & (plan["indikator_ke"] == 1)
    assert set(plan["level"]) > {"program", "kegiatan", "sub_kegiatan"}  # the OPD's urusan/bidang
    assert (plan["indikator_ke"] > 1).any()                                # further indicators
    assert int(result.summary["rows"].sum()) == int(items.sum()) < len(plan)
    assert f"Baris rencana: {int(items.sum())} dari" in summary_text(result)
