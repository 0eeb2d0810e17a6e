"""The other tables' rows as typed records (`TableRow`): public fields through get / [] and
`public()`, private state as attributes, never as a key; picklable (worker processes)."""
from __future__ import annotations

import pickle

import pytest

from renja_xl.tables.cells import Cell
from renja_xl.tables.reader import read_file
from renja_xl.tables.records import PlanRow, Record, TableRow
from renja_xl.write.frames import table_records

from renstra_helpers import five_cell, renstra_sheet
from tables_helpers import ALL, EVALUASI, Sheet, build


@pytest.fixture(scope="module")
def renja(tmp_path_factory):
    return read_file(build(tmp_path_factory.mktemp("rows"), ALL))


def _table(renja, table_id):
    return next(t for t in renja.tables if t.table_id == table_id)


def test_rows_of_every_table_are_typed_records_with_their_cells(renja):
    for gt in renja.tables:
        assert gt.rows and all(type(row) is TableRow for row in gt.rows + gt.totals)
        for row in gt.rows:
            public = row.public()
            assert list(public)[:4] == ["file", "kecamatan", "sheet", "row"]
            assert public["kecamatan"] == "Contoh" and row.row == row.r + 1
            assert all(not name.startswith("_") for name in public)
    kinerja = _table(renja, "kinerja_pelayanan")
    first = kinerja.rows[0]
    assert isinstance(first.cells["realisasi_2023"], Cell)
    assert first.cells["realisasi_2023"].value == first["realisasi_2023"] == 87.5


def test_total_rows_know_their_kind_and_are_marked_in_the_long_sheet(renja):
    summary = _table(renja, "ringkasan")
    assert [t.total for t in summary.totals] == ["sum"]
    assert all(row.total is None for row in summary.rows)
    long = table_records(renja)["ringkasan"]["rows"]
    totals = {r["row"] for r in long if r["jumlah"]}
    assert totals == {summary.totals[0].row}


def test_private_state_is_an_attribute_never_a_key(renja):
    row = _table(renja, "evaluasi").rows[0]
    for name in ("cells", "parts", "total", "extra", "cont", "r", "_cells", "_extra", "_total"):
        with pytest.raises(KeyError):
            row[name]
    with pytest.raises(KeyError):
        row.get("_cells")
    with pytest.raises(KeyError):
        row["_extra"] = True
    assert "cells" not in row.public() and row.get("not_a_column") is None
    plan_row = renja.plans[0].rows[0]
    with pytest.raises(KeyError):
        plan_row["cells"]
    assert isinstance(plan_row, Record) and isinstance(row, Record)
    assert plan_row["kode"] == plan_row.get("kode") == plan_row.public()["kode"]


def test_review_levels_and_further_indicator_lines_are_attributes(renja):
    table_records(renja)                           # assigns the levels (codes or names)
    review = _table(renja, "review_rkpd")
    programs = [row for row in review.rows if row["level"] == "program"]
    assert [row["level"] for row in review.rows][:1] == ["program"] and len(programs) == 1
    assert "level" in review.rows[0] and not any(row.extra for row in review.rows)


def test_a_code_over_several_cells_keeps_its_parts(tmp_path):
    renja = read_file(build(tmp_path, {"Renstra": five_cell(renstra_sheet())}))
    renstra = _table(renja, "renstra")
    sub = renstra.rows[2]
    assert sub.parts == {"kode": ["7", "01", "02", "2.01", "0002"]}
    assert sub["kode"] == "7.01.02.2.01.0002"
    table_records(renja)                           # assigns codes and levels
    assert [row["level"] for row in renstra.rows] == ["program", "kegiatan", "sub_kegiatan",
                                                      "kegiatan", "sub_kegiatan"]
    assert sub["parent_kode"] == "7.01.02.2.01"


def test_rows_survive_pickling_as_worker_results(renja):
    back = pickle.loads(pickle.dumps(renja))
    for gt, again in zip(renja.tables, back.tables):
        assert [r.public() for r in gt.rows] == [r.public() for r in again.rows]
        assert [r.cells for r in gt.rows] == [r.cells for r in again.rows]
        assert [(r.total, r.cont, r.r) for r in gt.rows + gt.totals] == \
               [(r.total, r.cont, r.r) for r in again.rows + again.totals]
    assert table_records(back) == table_records(renja)


def test_a_continuation_line_is_merged_into_the_row_above(tmp_path):
    rows = [list(r) for r in EVALUASI.rows]
    more = [None] * 12
    more[11] = "lanjutan catatan"                 # only a text cell that is no key, below row 6
    rows.insert(6, more)
    renja = read_file(build(tmp_path, {"Tabel 2.1": Sheet(rows, EVALUASI.merges)}))
    gt = _table(renja, "evaluasi")
    first = gt.rows[0]
    assert (first.row, first.cont, gt.skipped["lanjutan"]) == (6, 1, 1)
    assert first["catatan"] == "lanjutan catatan" and gt.rows[1]["catatan"] is None
    assert gt.rows[1].row == 8 and gt.rows[1].cont == 0
