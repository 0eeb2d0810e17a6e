"""The outputs as their readers see them, at the size of a real batch: the Ringkasan of 14
kecamatan prints one page wide at a readable size and starts with the totals in rupiah."""
from __future__ import annotations

import openpyxl

import renja_xl
from renja_xl.read.numbers import format_rupiah

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, titles_of

NAMES = ["Kemangkon", "Bukateja", "Kaligondang", "Purbalingga", "Kalimanah", "Padamara",
         "Kutasari", "Bojongsari", "Mrebet", "Bobotsari", "Karangreja", "Karangjambu",
         "Karanganyar", "Kertanegara"]


def _scaled(factor: int):
    return [r[:5] + (r[5] * factor,) + r[6:8] + (r[8] * factor,) for r in CLEAN_ROWS]


def _big_batch(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    for k, name in enumerate(NAMES, start=1):
        make_plan_workbook(folder / f"{k:02d}_{name}.xlsx", _scaled(k),
                           PlanLayout(titles=titles_of(name)))
    out = tmp_path / "konsolidasi.xlsx"
    renja_xl.consolidate(folder, output=out, jobs=1)
    return openpyxl.load_workbook(out)["Ringkasan"]


def test_ringkasan_of_a_big_batch_is_one_page_wide_with_the_totals_on_top(tmp_path):
    ws = _big_batch(tmp_path)
    n = sum(range(1, len(NAMES) + 1))                   # Σ of the factors
    program, program_n1 = CLEAN_ROWS[0][5], CLEAN_ROWS[0][8]
    assert ws["A3"].value == (f"Total pagu program tahun n: {format_rupiah(n * program)}; "
                              f"prakiraan maju n+1: {format_rupiah(n * program_n1)}")
    # the per-program pivot: blocks of at most 6 kecamatan, one below the other, so no
    # column beyond the per-file table's (was: one column per kecamatan, printed tiny)
    assert ws.max_column <= 9
    heads = [c.row for c in ws["A"] if c.value == "kode"]
    assert len(heads) == 3
    seen = []
    for head in heads:
        header = [c.value for c in ws[head] if c.value is not None]
        kecamatan = [h for h in header[2:] if h != "jumlah"]
        assert 1 <= len(kecamatan) <= 6
        seen += kecamatan
        values = {h: ws.cell(head + 1, c + 1).value for c, h in enumerate(header)}
        total = {h: ws.cell(head + 2, c + 1).value for c, h in enumerate(header)}
        assert ws.cell(head + 2, 1).value == "JUMLAH" and values["kode"] == "7.01.02"
        assert all(total[k] == values[k] for k in kecamatan)         # one program
    assert seen == NAMES
    assert header[-1] == "jumlah" and total["jumlah"] == n * program
    # the file table's header is not repeated over the other sections when printed
    assert ws.print_title_rows == "$1:$1"
