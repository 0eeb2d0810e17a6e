"""One plan table on two sheets (a copy "Tabel 4.1 (2)", a print copy, last year's version kept
beside this year's) is counted once in the consolidation, and staff are told."""
from __future__ import annotations

import openpyxl

import renja_xl

from conftest import CLEAN_ROWS, PlanLayout, _code_cells, make_plan_workbook

TOTAL = CLEAN_ROWS[0][5]          # the one program's pagu


def _two_sheets(tmp_path, change=None, hide_first=False):
    path = make_plan_workbook(tmp_path / "src.xlsx", CLEAN_ROWS, PlanLayout())
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb["Tabel 4.1"])
    copy.title = "Tabel 4.1 (2)"
    if change:
        change(copy)
    if hide_first:
        wb["Tabel 4.1"].sheet_state = "hidden"
        wb.active = 1
    out = tmp_path / "Renja_Kec_Contoh_2025.xlsx"
    wb.save(out)
    return out


def _program_total(tmp_path, path):
    result = renja_xl.consolidate(path, output=tmp_path / "gabungan.xlsx", jobs=1)
    plan = result.plan
    return plan.loc[plan["level"] == "program", "pagu"].sum(), result


def _program_total_once(tmp_path, path):
    result = renja_xl.consolidate(path, output=tmp_path / "g.xlsx", jobs=1)
    return result.summary["pagu"].sum(), result


def test_a_copied_plan_sheet_is_counted_once_with_a_warning(tmp_path):
    path = _two_sheets(tmp_path)
    report = renja_xl.check(path)
    assert [(i.rule, i.severity, i.sheet) for i in report.issues] == [
        ("plan-copy", "warning", "Tabel 4.1 (2)")]
    assert "'Tabel 4.1'" in report.issues[0].message()
    total, result = _program_total(tmp_path, path)
    assert total == TOTAL
    assert len(renja_xl.read_renja(path)) == len(CLEAN_ROWS)
    assert result.summary["pagu"].tolist() == [TOTAL]


def test_another_version_is_an_error_and_only_the_first_is_counted(tmp_path):
    def newer(ws):
        ws["J7"] = 50_000_000                  # the program's pagu in the other version
    path = _two_sheets(tmp_path, newer)
    report = renja_xl.check(path)
    version = [i for i in report.issues if i.rule == "plan-version"]
    assert len(version) == 1 and version[0].severity == "error"
    assert version[0].sheet == "Tabel 4.1 (2)" and "gabungan hanya menghitung sheet 'Tabel 4.1'" \
        in version[0].message()
    total, _ = _program_total(tmp_path, path)
    assert total == TOTAL


def test_a_hidden_sheet_gives_way_to_the_visible_one(tmp_path):
    def newer(ws):
        ws["J7"] = 50_000_000
    path = _two_sheets(tmp_path, newer, hide_first=True)
    report = renja_xl.check(path)
    version = [i for i in report.issues if i.rule == "plan-version"]
    assert [i.sheet for i in version] == ["Tabel 4.1"]          # the hidden one is the extra
    total, _ = _program_total(tmp_path, path)
    assert total == 50_000_000


def test_a_plan_continued_on_another_sheet_is_not_a_version(tmp_path):
    """The second sheet repeats its program row (with the program's whole pagu) above its own
    kegiatan: one plan, reconciled as one, the program counted once, every kegiatan counted."""
    path = make_plan_workbook(tmp_path / "a.xlsx", CLEAN_ROWS[:3], PlanLayout())
    wb = openpyxl.load_workbook(path)
    ws = wb.copy_worksheet(wb["Tabel 4.1"])
    ws.title = "Lanjutan"
    for excel_row, row in ((8, CLEAN_ROWS[3]), (9, CLEAN_ROWS[4])):   # program row 7 repeated
        kode, *rest = row
        cells = _code_cells(kode, damaged=False) + list(rest)
        for col, value in enumerate(cells, start=1):
            ws.cell(excel_row, col, value if value != "" else None)
    wb.save(tmp_path / "c.xlsx")
    report = renja_xl.check(tmp_path / "c.xlsx")
    assert report.issues == [], [(i.rule, i.where) for i in report.issues]   # one plan, clean
    total, _ = _program_total_once(tmp_path, tmp_path / "c.xlsx")
    assert total == TOTAL                       # the repeated program row counts once
    frame = renja_xl.read_renja(tmp_path / "c.xlsx")
    assert frame.loc[frame["level"] == "sub_kegiatan", "pagu"].sum() == sum(
        r[5] for r in CLEAN_ROWS if r[0].count(".") == 5)
