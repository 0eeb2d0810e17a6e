"""The grid a sheet is read into: the cells calamine reads, padded from A1, compact.

`load_sheets` reads a sheet row by row (equal texts share one string object, blank rows one
list); these tests hold it to what python-calamine gives for the whole sheet at once, on
sheets whose cells start far from A1, leave long gaps and end far away, in .xlsx, .xls and
.ods.
"""
from __future__ import annotations

import datetime

import pytest
import python_calamine as pc
import xlsxwriter

from renja_xl.read.workbook import load_sheets
from renja_xl.tables.layout import Grid, cell_text

# (row, col) -> value: a far-away first cell, gaps, repeated texts, numbers of all kinds
CELLS = {
    (2, 3): "Kode", (2, 4): "Lokasi", (2, 6): "Pagu",
    (3, 3): "7.01.01", (3, 4): "Kecamatan  Contoh ", (3, 6): 1_250_000.0,
    (4, 3): "7.01.01", (4, 4): "Kecamatan  Contoh ", (4, 5): True, (4, 6): -0.0,
    (5, 3): "7.01.01", (5, 6): 1.0, (5, 7): 0.0,
    (3_000, 2): "Kecamatan  Contoh ", (3_000, 9): 12.5,
    (4_999, 25): "jauh",
}


def _xlsx(path):
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Tabel 4.1")
    for (r, c), value in CELLS.items():
        ws.write(r, c, value)
    ws.merge_range(10, 3, 11, 5, "digabung")
    book.add_worksheet("Kosong")
    book.close()
    return path


def _xls(path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    ws = book.add_sheet("Tabel 4.1")
    for (r, c), value in CELLS.items():
        ws.write(r, c, value)
    book.save(str(path))
    return path


def _ods(path):
    pytest.importorskip("odf")
    import pandas as pd
    # pandas writes every empty cell: 5,000 rows would be refused as a zip bomb (ratio > 200)
    frame = pd.DataFrame([[None] * 26 for _ in range(300)], dtype=object)
    for (r, c), value in CELLS.items():
        frame.iat[min(r, 299), c] = value
    frame.to_excel(path, engine="odf", header=False, index=False, sheet_name="Tabel 4.1")
    return path


def _whole(path) -> dict[str, list[list]]:
    book = pc.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in book.sheet_names}


@pytest.mark.parametrize("write,name", [(_xlsx, "a.xlsx"), (_xls, "a.xls"), (_ods, "a.ods")])
def test_rows_are_the_cells_calamine_reads_padded_from_a1(tmp_path, write, name):
    path = write(tmp_path / name)
    whole = _whole(path)
    sheets = load_sheets(str(path))
    assert [s.name for s in sheets] == list(whole)
    for sheet in sheets:
        expected = whole[sheet.name]
        assert sheet.rows == expected
        # the same types too: True is no 1.0, -0.0 no 0.0, a whole float no int
        assert [[type(v) for v in row] for row in sheet.rows] == [[type(v) for v in row] for row in expected]
    rows = sheets[0].rows
    assert len(rows) == (300 if name.endswith(".ods") else 5_000) and {len(r) for r in rows} == {26}
    assert rows[4][5] is True and rows[2][3] == "Kode" and rows[-1][25] == "jauh"


def test_the_grid_shows_far_away_cells_and_shares_what_repeats(tmp_path):
    sheet = load_sheets(str(_xlsx(tmp_path / "a.xlsx")))[0]
    grid = Grid(sheet)
    assert (grid.height, grid.width) == (5_000, 26)
    assert grid.raw(0, 0) == "" and grid.raw(3, 6) == 1_250_000.0 and grid.raw(4_999, 25) == "jauh"
    assert grid.raw(5_000, 0) == "" and grid.raw(0, 26) == ""            # outside: empty
    assert grid.value(11, 5) == "digabung" and grid.anchor(11, 5) == (10, 3)
    assert grid.texts(3_000) == [(2, "Kecamatan Contoh"), (9, "12.5")]
    assert grid.texts(2_000) == [] and grid.texts(4) == [
        (3, "7.01.01"), (4, "Kecamatan Contoh"), (5, "True"), (6, "0")]
    rows = sheet.rows
    assert rows[3][3] is rows[4][3] is rows[5][3]                      # one string, not three
    assert rows[3][4] is rows[3_000][2]
    assert rows[100] is rows[2_000]                                    # blank rows: one list
    assert str(rows[4][6]) == "-0.0" and type(rows[5][6]) is float       # -0.0 and 1.0 kept


def test_trimmed_text_is_the_cell_itself():
    text = "Kecamatan Contoh"
    assert cell_text(text) is text
    assert cell_text(" Kecamatan  Contoh\n") == text
    assert cell_text(12.0) == "12" and cell_text(True) == "True" and cell_text(None) == ""
    assert cell_text(datetime.date(2025, 1, 2)) == "2025-01-02"
