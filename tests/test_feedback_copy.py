"""Feedback copies as faithful as the original: same findings, cached values, kept extras,
deterministic bytes, a word for clean files and hidden sheets, big styled sheets."""
from __future__ import annotations

import pathlib
import shutil
import tracemalloc
import zipfile

import openpyxl
import pytest

import renja_xl
from renja_xl.check import check_file
from renja_xl.write.feedback import write_feedback, write_feedback_copy

from conftest import CLEAN_ROWS, make_plan_workbook, sha256

# the tests read the copies with openpyxl, which warns about what it does not model
pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))


def findings(path) -> list[tuple]:
    _, issues, _ = check_file(str(path))
    return sorted((i.sheet or "", i.row or 0, i.col or -1, i.rule, i.severity,
                   i.message().replace(str(path), "FILE"))
                  for i in issues if i.sheet != "Kesalahan")


def cached_values(path) -> dict:
    wb = openpyxl.load_workbook(path, data_only=True)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets if ws.title != "Kesalahan"
            for row in ws.iter_rows() for c in row if c.value is not None}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_check_on_the_copy_finds_what_the_original_has(sample, tmp_path):
    source = tmp_path / sample.name
    shutil.copy(sample, source)
    _, issues, _ = check_file(str(source))
    copy = write_feedback(source, issues, tmp_path / "copy.xlsx")
    assert findings(copy) == findings(source)
    assert cached_values(copy) == cached_values(source)


def test_sum_parents_keep_their_cached_values(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[4][3] = None                                   # lokasi missing: a marked cell

    def extra(wb, ws, pos):
        money = wb.add_format({"num_format": "#,##0"})
        ws.write_formula(pos[0], 5, f"=F{pos[1] + 1}+F{pos[3] + 1}", money, CLEAN_ROWS[0][5])
        ws.write_formula(pos[1], 5, f"=SUM(F{pos[2] + 1}:F{pos[2] + 1})", money,
                         CLEAN_ROWS[1][5] + 5)          # a parent drifting from its child
    source = make_plan_workbook(tmp_path / "sum.xlsx", [tuple(r) for r in rows], extra=extra)
    _, issues, _ = check_file(str(source))
    assert "lokasi-missing" in {i.rule for i in issues}
    copy = write_feedback(source, issues, tmp_path / "sum_periksa.xlsx")
    assert findings(copy) == findings(source)
    with zipfile.ZipFile(copy) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<v/>" not in sheet and "<v></v>" not in sheet
    values = openpyxl.load_workbook(copy, data_only=True).worksheets[0]
    formulas = openpyxl.load_workbook(copy).worksheets[0]
    sums = [c.coordinate for row in formulas.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=SUM")]
    assert [values[ref].value for ref in sums] == [CLEAN_ROWS[1][5] + 5]   # formula and value kept
    assert cached_values(copy) == cached_values(source)


def test_same_inputs_same_bytes(tmp_path):
    source = ROOT / "samples" / "Renja_Kec_Rembang_2025.xlsx"
    _, issues, _ = check_file(str(source))
    a = write_feedback(source, issues, tmp_path / "a.xlsx")
    b = write_feedback(source, issues, tmp_path / "b.xlsx")
    assert sha256(a) == sha256(b)
    with zipfile.ZipFile(a) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        with zipfile.ZipFile(source) as original:
            assert z.read("docProps/core.xml") == original.read("docProps/core.xml")


def test_clean_file_copy_says_nothing_was_found(tmp_path):
    source = ROOT / "samples" / "Renja_Kec_Bobotsari_2025.xlsx"
    _, issues, _ = check_file(str(source))
    assert issues == []
    copy = write_feedback(source, issues, tmp_path / "bersih.xlsx")
    ws = openpyxl.load_workbook(copy)["Kesalahan"]
    assert ws["A2"].value.startswith("Tidak ada kesalahan maupun peringatan")


def extras_workbook(path, hidden=False):
    """A plan with sparklines, a 2010 data bar and (optionally) its table on a hidden sheet."""
    rows = [list(r) for r in CLEAN_ROWS]
    rows[4][3] = None

    def extra(wb, ws, pos):
        ws.add_sparkline(pos[0], 12, {"range": f"F{pos[0] + 1}:G{pos[0] + 1}"})
        ws.conditional_format(pos[0], 5, pos[len(pos) - 1], 5, {"type": "data_bar", "data_bar_2010": True})
        if hidden:
            wb.add_worksheet("Sampul").write(0, 0, "Renja Kecamatan")
            ws.hide()
            wb.worksheets()[1].activate()
    return make_plan_workbook(path, [tuple(r) for r in rows], extra=extra)


def test_sparklines_data_bars_and_hidden_sheets(tmp_path):
    source = extras_workbook(tmp_path / "hias.xlsx", hidden=True)
    _, issues, _ = check_file(str(source))
    copy = write_feedback_copy(source, issues, tmp_path / "hias_periksa.xlsx")
    with zipfile.ZipFile(copy.path) as z, zipfile.ZipFile(source) as original:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "x14:sparklineGroup" in sheet and "x14:dataBar" in sheet
        assert z.read("xl/workbook.xml").count(b'state="hidden"') == \
            original.read("xl/workbook.xml").count(b'state="hidden"') - 1
    assert any("ditampilkan" in n and "Tabel 4.1" in n for n in copy.notices)
    ws = openpyxl.load_workbook(copy.path)["Kesalahan"]
    texts = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert any("disembunyikan di file asli" in t for t in texts)
    assert findings(copy.path) == findings(source)


def test_styled_to_the_last_row_goes_through_quickly_and_small(tmp_path):
    """Whole columns coloured and every row styled down to row 1,048,576; data ends early."""
    def extra(wb, ws, pos):
        grey = wb.add_format({"bg_color": "#EEEEEE"})
        ws.set_column(0, 15, 14, grey)
        for r in range(pos[len(pos) - 1] + 5, 1_048_576):
            ws.set_row(r, None, grey)
    rows = [list(r) for r in CLEAN_ROWS]
    rows[4][3] = None
    source = make_plan_workbook(tmp_path / "besar.xlsx", [tuple(r) for r in rows], extra=extra)
    tracemalloc.start()
    result = renja_xl.consolidate([source], output=tmp_path / "k.xlsx",
                                  feedback=tmp_path / "fb", jobs=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    copy = result.feedback[str(source)]
    assert peak < 300 * 2**20, f"peak {peak / 2**20:.0f} MB"
    ws = openpyxl.load_workbook(copy, read_only=True)["Kesalahan"]
    assert any(r[7] == "lokasi-missing" for r in ws.iter_rows(min_row=2, values_only=True))


def test_own_comment_on_a_marked_cell_is_kept_under_ours(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[4][3] = None
    plain = make_plan_workbook(tmp_path / "polos.xlsx", [tuple(r) for r in rows])
    _, issues, _ = check_file(str(plain))
    missing = next(i for i in issues if i.rule == "lokasi-missing")

    def extra(wb, ws, pos):
        ws.write_comment(missing.row - 1, missing.col, "lokasi menyusul")
        ws.write_comment(missing.row - 3, missing.col, "catatan lain")
    source = make_plan_workbook(tmp_path / "catatan.xlsx", [tuple(r) for r in rows], extra=extra)
    _, issues, _ = check_file(str(source))
    copy = write_feedback(source, issues, tmp_path / "catatan_periksa.xlsx")
    ws = openpyxl.load_workbook(copy).worksheets[0]
    text = ws[missing.cell].comment.text
    assert text.index(missing.message()) < text.index("lokasi menyusul")
    assert ws.cell(missing.row - 2, missing.col + 1).comment.text == "catatan lain"
    assert findings(copy) == findings(source)


def test_a_template_copy_is_a_workbook(tmp_path):
    source = tmp_path / "templat.xltx"
    make_plan_workbook(tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z, zipfile.ZipFile(source, "w") as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"template.main+xml")
            out.writestr(info, data)
    copy = write_feedback(source, [], tmp_path / "templat_periksa.xlsx")
    with zipfile.ZipFile(copy) as z:
        assert b"sheet.main+xml" in z.read("[Content_Types].xml")
    assert openpyxl.load_workbook(copy)["Kesalahan"]["A2"].value.startswith("Tidak ada")


def test_notices_about_copies_reach_ringkasan(tmp_path):
    (tmp_path / "masuk").mkdir()
    source = extras_workbook(tmp_path / "masuk" / "hias.xlsx", hidden=True)
    result = renja_xl.consolidate([source.parent], output=tmp_path / "k.xlsx",
                                  feedback=tmp_path / "fb", jobs=1)
    assert any("disembunyikan" in n for n in result.copy_notices)
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx")["Ringkasan"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Catatan salinan bertanda" in texts
    assert any("hias.xlsx" in t and "disembunyikan di file asli" in t for t in texts)
