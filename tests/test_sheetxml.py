"""The one pass over a sheet's XML: the fast reading of the cell references (vectorised) finds
exactly what following the cells tag by tag finds, on any mix of cells, and hands the odd
sheets to the slow way instead of guessing."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from renja_xl.read.limits import Limits, ReadError
from renja_xl.read.sheetxml import _scan, scan_sheet, xml_segments

LIMITS = Limits(max_cells=10**12)


def letters(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


cell = st.tuples(st.integers(0, 1_100_000), st.integers(0, 16_500),
                 st.sampled_from(["value", "style", "formula", "nocache", "error", "inline"]),
                 st.sampled_from(["", ' s="3"', ' s="1"', ' t="s"']))


def sheet(cells, chunk_pad: int = 0) -> bytes:
    body = []
    for row, col, kind, attrs in cells:
        ref = f"{letters(col)}{row + 1}"
        if kind == "style":
            body.append(f'<row r="{row + 1}"><c r="{ref}" s="2"/></row>')
            continue
        inner = {"value": "<v>1</v>", "formula": "<f>A1+1</f><v>2</v>", "nocache": "<f>A1*2</f>",
                 "error": "<f>A1/0</f><v>#DIV/0!</v>", "inline": "<is><t>x</t></is>"}[kind]
        if kind == "error":
            attrs = ' t="e"'
        body.append(f'<row r="{row + 1}"><c r="{ref}"{attrs}>{inner}</c>' + " " * chunk_pad + "</row>")
    return ('<worksheet><sheetData>' + "".join(body) + '</sheetData></worksheet>').encode()


def both(data: bytes, styles=frozenset({b"3"})):
    fast = _scan(xml_segments(io.BytesIO(data), "s"), "s", styles, LIMITS, by_refs=True)
    slow = _scan(xml_segments(io.BytesIO(data), "s"), "s", styles, LIMITS, by_refs=False)
    return fast, slow


@settings(max_examples=200, deadline=None)
@given(st.lists(cell, max_size=30))
def test_fast_and_slow_reading_agree(cells):
    fast, slow = both(sheet(cells))
    assert fast is not None
    assert (fast.rows, fast.cols) == (slow.rows, slow.cols)
    assert (fast.uncached, fast.errors, fast.percent) == (slow.uncached, slow.errors, slow.percent)
    valued = [(r, c) for r, c, kind, _ in cells if kind != "style"]
    assert fast.rows == max((r + 1 for r, _ in valued), default=0)
    assert fast.cols == max((c + 1 for _, c in valued), default=0)


def test_formula_cells_cut_across_chunks_are_found():
    """Cells padded so that the 1 MiB pieces fall everywhere: no formula is lost at a cut."""
    cells = [(r, 9, "nocache" if r % 7 == 0 else "value", "") for r in range(40_000)]
    fast, slow = both(sheet(cells, chunk_pad=40))
    assert len(fast.uncached) == len([c for c in cells if c[2] == "nocache"]) == len(slow.uncached)


def test_odd_cell_tags_go_the_slow_way():
    for data in (b'<sheetData><row r="1"><c s="1" r="A1"><v>1</v></c></row></sheetData>',
                 b'<sheetData><row r="1"><c><v>1</v></c><c><v>1</v></c></row></sheetData>',
                 b'<x:sheetData><x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData>',
                 b'<sheetData><row r="1"><c r="a1"><v>1</v></c></row></sheetData>',
                 b'<sheetData><row r="1"><c r="A123456789"><v>1</v></c></row></sheetData>',
                 b'<sheetData><row r="1"><c r="ABCD1"><v>1</v></c></row></sheetData>'):
        fast, slow = both(data)
        assert fast is None and slow.rows >= 1 and slow.cols >= 1


def test_a_far_cell_stops_the_scan(tmp_path):
    path = tmp_path / "far.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet([(0, 0, "value", ""),
                                                            (1_048_575, 16_383, "value", "")]))
    with zipfile.ZipFile(path) as archive, pytest.raises(ReadError) as caught:
        scan_sheet(archive, "xl/worksheets/sheet1.xml", "Data", frozenset(), Limits())
    assert caught.value.rule == "file-too-large" and "'Data'" in caught.value.detail
