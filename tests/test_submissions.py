"""One agency, two submissions: counted once in the consolidated totals, and said."""
from __future__ import annotations

import os
import shutil

import openpyxl

import renja_xl

from conftest import SAMPLES

BOBOTSARI = SAMPLES / "Renja_Kec_Bobotsari_2025.xlsx"
REMBANG = SAMPLES / "Renja_Kec_Rembang_2025.xlsx"


def _program_total(result, file_name=None):
    plan = result.plan
    plan = plan[plan["level"] == "program"]
    if file_name:
        plan = plan[plan["file"].map(os.path.basename) == file_name]
    return plan["pagu"].sum()


def test_the_same_renja_sent_twice_is_counted_once(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    shutil.copy(BOBOTSARI, folder / "Renja_Kec_Bobotsari_2025.xlsx")
    shutil.copy(BOBOTSARI, folder / "Renja Bobotsari (1).xlsx")
    shutil.copy(REMBANG, folder / "Renja_Kec_Rembang_2025.xlsx")
    once = renja_xl.consolidate(BOBOTSARI, jobs=1)
    result = renja_xl.consolidate(folder, output=tmp_path / "g.xlsx", jobs=1)
    rembang = renja_xl.consolidate(REMBANG, jobs=1)
    assert _program_total(result) == _program_total(once) + _program_total(rembang)
    repeated = [i for i in result.report.issues if i.rule == "submission-repeated"]
    assert len(repeated) == 1 and repeated[0].severity == "warning"
    assert "Bobotsari" in repeated[0].message() and "dihitung sekali" in repeated[0].message()
    program_sheet = result.program_totals
    assert program_sheet["jumlah"].sum() == _program_total(once) + _program_total(rembang)


def test_a_revision_beside_the_first_one_counts_the_newest_and_is_an_error(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    first = folder / "Renja_Kec_Bobotsari_2025.xlsx"
    shutil.copy(BOBOTSARI, first)
    wb = openpyxl.load_workbook(BOBOTSARI)
    ws = wb["Renja 2025"]
    revised = folder / "Renja_Kec_Bobotsari_2025_revisi.xlsx"
    changed = False
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float)) and cell.value > 1_000_000:
                cell.value = cell.value * 2                   # every amount doubled
                changed = True
    assert changed
    wb.save(revised)
    os.utime(first, (1_700_000_000, 1_700_000_000))            # the first one is older
    result = renja_xl.consolidate(folder, jobs=1)
    superseded = [i for i in result.report.issues if i.rule == "submission-superseded"]
    assert [os.path.basename(i.file) for i in superseded] == [first.name]
    assert superseded[0].severity == "error" and revised.name in superseded[0].message()
    newest = renja_xl.consolidate(revised, jobs=1)
    assert _program_total(result) == _program_total(newest) != _program_total(
        renja_xl.consolidate(first, jobs=1))
    assert _program_total(result, first.name) == 0


def test_a_plan_for_another_year_than_the_batch_is_an_error_on_that_file(tmp_path):
    from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, titles_of
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for sample in ("Bobotsari", "Rembang", "Karangmoncol"):
        shutil.copy(SAMPLES / f"Renja_Kec_{sample}_2025.xlsx", folder)
    old = make_plan_workbook(folder / "Renja_Kec_Alpha.xlsx", CLEAN_ROWS, PlanLayout(
        titles=titles_of("Alpha"),
        header_words={"n": "Rencana Tahun 2024", "n1": "Prakiraan Maju Rencana Tahun 2025"}))
    result = renja_xl.consolidate(folder, jobs=1)
    found = [i for i in result.report.issues if i.rule == "plan-year-differs"]
    assert [(os.path.basename(i.file), i.value, i.expected, i.severity) for i in found] == [
        (old.name, 2024, 2025, "error")]
    assert "tetap dihitung" in found[0].message()
