"""Build the Bobotsari, Rembang and Karangmoncol sample workbooks (samples/*.xlsx).

Run from the repository root:  python samples/build_others.py
Deterministic (fixed document properties, no timestamps). The data and each kecamatan's
layout live in other_data/<kecamatan>.py; ONE writer (`write_workbook`) lays any of them
out from its LAYOUT options. OTHERS.md lists the layouts and the deliberate faults.
"""
from __future__ import annotations

import os
import re
import sys
from datetime import datetime

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from other_data import bobotsari, karangmoncol, rembang  # noqa: E402

MODULES = (bobotsari, rembang, karangmoncol)
FIELDS = ("kode", "nama", "indikator", "lokasi", "target", "pagu", "sumber", "target_n1",
          "pagu_n1")
IDX = {name: i for i, name in enumerate(FIELDS)}


class Fmt:
    """The cell formats of one workbook."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = {"border": 1, "valign": "top", "text_wrap": True}
        self.title = wb.add_format({"bold": True, "font_size": 12})
        self.cover = wb.add_format({"bold": True, "font_size": 16, "align": "center"})
        self.plain = wb.add_format({"text_wrap": False})
        self.head = wb.add_format({"bold": True, "text_wrap": True, "border": 1,
                                   "align": "center", "valign": "vcenter",
                                   "bg_color": "#D9D9D9"})
        self.colnum = wb.add_format({"italic": True, "border": 1, "align": "center",
                                     "bg_color": "#F2F2F2"})
        self.footer = wb.add_format({"italic": True, "font_size": 9})
        self.text = {b: wb.add_format({**base, "bold": b}) for b in (False, True)}
        self.center = {b: wb.add_format({**base, "bold": b, "align": "center"})
                       for b in (False, True)}
        self.money = {b: wb.add_format({**base, "bold": b, "num_format": "#,##0"})
                      for b in (False, True)}
        self.money_text = {b: wb.add_format({**base, "bold": b, "align": "right"})
                           for b in (False, True)}


# --- the plan: parents, roll-ups, cell values --------------------------------------------------
def parent_of(kode: str) -> str | None:
    """7.01.01.2.01.0001 -> 7.01.01.2.01 -> 7.01.01 -> 7.01 -> 7."""
    parts = kode.split(".")
    if len(parts) == 5:
        return ".".join(parts[:3])
    if len(parts) in (2, 3, 6):
        return ".".join(parts[:-1])
    return None


def rollup(rows: list[tuple]) -> tuple[dict, dict]:
    """(children by kode, values[(kode, field)]): a parent without a typed pagu holds the sum
    of its children, as Excel's SUM() computes it (text cells count as nothing)."""
    children: dict[str, list[str]] = {}
    by_code = {row[0]: row for row in rows}
    for row in rows:
        parent = parent_of(row[0])
        if parent in by_code:
            children.setdefault(parent, []).append(row[0])
    values: dict[tuple[str, str], float] = {}

    def value(kode: str, field: str) -> float:
        key = (kode, field)
        if key not in values:
            raw = by_code[kode][IDX[field]]
            if isinstance(raw, (int, float)):
                values[key] = raw
            elif isinstance(raw, str):
                values[key] = 0
            else:
                values[key] = sum(value(k, field) for k in children.get(kode, ()))
        return values[key]

    for row in rows:
        for field in ("pagu", "pagu_n1"):
            value(row[0], field)
    return children, values


def dots(n: float) -> str:
    """45600000 -> '45.600.000'."""
    return f"{round(n):,}".replace(",", ".")


_TARGET = re.compile(r"^\s*(\d+(?:,\d+)?)\s*(.*)$")


def split_target(text: str) -> tuple:
    """'12 Laporan' -> (12, 'Laporan'); '100%' -> (100, '%')."""
    match = _TARGET.match(text or "")
    if not match:
        return ("", text or "")
    number = float(match.group(1).replace(",", "."))
    return (int(number) if number.is_integer() else number, match.group(2))


def code_cells(kode: str, mode: str) -> list:
    """One text cell, or five cells as Excel leaves them after typing into General cells:
    "01" -> 1, "2.01" -> 2.01, "2.10" -> 2.1, "0001" -> 1."""
    if mode == "one":
        return [kode]
    parts = kode.split(".")
    cells = [int(p) for p in parts[:3]]
    if len(parts) >= 5:
        cells.append(float(f"{parts[3]}.{parts[4]}"))
    if len(parts) == 6:
        cells.append(int(parts[5]))
    return cells + [""] * (5 - len(cells))


# --- layout --------------------------------------------------------------------------------
def column_map(layout: dict) -> dict[str, int]:
    """Field -> absolute column of its (first) cell; 'kode5' takes five cells."""
    cols, c = {}, layout["first_col"]
    for name in layout["columns"]:
        cols[name] = c
        c += 5 if name == "kode5" else 1
    return cols


def header_height(layout: dict) -> int:
    return layout["header_rows"] + (1 if layout["colnums"] else 0)


def write_header(ws, layout: dict, f: Fmt, top: int) -> None:
    c0 = layout["first_col"]
    for r0, cl0, r1, cl1, text in layout["header"]:
        if (r0, cl0) == (r1, cl1):
            ws.write_string(top + r0, c0 + cl0, text, f.head)
        else:
            ws.merge_range(top + r0, c0 + cl0, top + r1, c0 + cl1, text, f.head)
    if layout["colnums"]:
        r = top + layout["header_rows"]
        for cl0, cl1, text in layout["colnums"]:
            if cl0 == cl1:
                ws.write_string(r, c0 + cl0, text, f.colnum)
            else:
                ws.merge_range(r, c0 + cl0, r, c0 + cl1, text, f.colnum)


def place(layout: dict, items: list, top: int) -> tuple[list, dict, int]:
    """Sheet rows of every item: ([(item, row)], {kode: row}, next free row)."""
    placed, rowmap, r = [], {}, top
    for item in items:
        kind = item[0] if len(item) <= 2 else "ROW"
        placed.append((item, r))
        if kind == "ROW":
            rowmap[item[0]] = r
            r += 1
        elif kind == "PAGE":
            r += 2 + header_height(layout)
        else:                                   # BLANK, FOOTER
            r += 1
    return placed, rowmap, r


class MoneyWriter:
    """Writes pagu cells in the layout's style; 'mixed' cycles text and number spellings
    (cells alternate 2025, 2026: each year gets half text, half numbers)."""

    CYCLE = ("rp", "number", "number", "dots", "number", "rp", "dots", "number")

    def __init__(self, ws, layout: dict, f: Fmt):
        self.ws, self.style, self.f, self.n = ws, layout["money"], f, 0

    def write(self, r: int, c: int, value, bold: bool, formula: str | None = None) -> None:
        ws, f = self.ws, self.f
        if value is None or value == "":
            ws.write_blank(r, c, None, f.text[bold])
            return
        if isinstance(value, str):              # a pagu typed as words
            ws.write_string(r, c, value, f.money_text[bold])
            return
        if formula:
            ws.write_formula(r, c, formula, f.money[bold], value)
            return
        style = self.style
        if style == "mixed":
            style = self.CYCLE[self.n % len(self.CYCLE)]
            self.n += 1
        if style == "rp":
            ws.write_string(r, c, f"Rp {dots(value)},00", f.money_text[bold])
        elif style == "dots" or style == "text":
            ws.write_string(r, c, dots(value), f.money_text[bold])
        else:
            ws.write_number(r, c, value, f.money[bold])


def sum_formula(col: int, rows: list[int]) -> str:
    """=SUM(J12:J14,J18) over the given sheet rows (consecutive rows as ranges)."""
    rows = sorted(rows)
    parts, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i] != rows[i - 1] + 1:
            first, last = rows[start], rows[i - 1]
            ref = xl_rowcol_to_cell(first, col)
            parts.append(ref if first == last else f"{ref}:{xl_rowcol_to_cell(last, col)}")
            start = i
    return "=SUM(" + ",".join(parts) + ")"


# --- the one writer ------------------------------------------------------------------------
def write_text_sheet(wb, f: Fmt, name: str, lines: list[str]) -> None:
    ws = wb.add_worksheet(name)
    cover = name.lower() == "cover"
    ws.set_column(0, 0, 70 if cover else 110)
    for r, line in enumerate(lines):
        if line:
            ws.write_string(r + (4 if cover else 0), 0, line,
                            f.cover if cover else (f.title if r == 0 else f.plain))


def write_workbook(mod, out_dir: str = HERE) -> str:
    layout = mod.LAYOUT
    path = os.path.join(out_dir, layout["file"])
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": datetime(2025, 1, 1), "author": layout["author"],
                       "title": f"Renja {layout['author']} 2025"})
    f = Fmt(wb)
    for name, lines in layout["pre_sheets"]:
        write_text_sheet(wb, f, name, lines)
    ws = wb.add_worksheet(layout["sheet"])
    ws.set_landscape()
    ws.set_paper(9)
    c0 = layout["first_col"]
    for i, width in enumerate(layout["widths"]):
        ws.set_column(c0 + i, c0 + i, width)
    for r, line in enumerate(layout["titles"]):
        if line:
            ws.write_string(r, c0, line, f.title)
    top = len(layout["titles"])
    write_header(ws, layout, f, top)
    rows = [item for item in mod.ROWS if len(item) > 2]
    children, values = rollup(rows)
    placed, rowmap, end = place(layout, mod.ROWS, top + header_height(layout))
    cols = column_map(layout)
    money = MoneyWriter(ws, layout, f)
    breaks = []
    for item, r in placed:
        kind = item[0] if len(item) <= 2 else "ROW"
        if kind == "PAGE":
            ws.write_string(r, c0, item[1], f.footer)
            write_header(ws, layout, f, r + 2)
            breaks.append(r + 2)
        elif kind == "FOOTER":
            ws.write_string(r, c0, item[1], f.footer)
        elif kind == "ROW":
            write_row(ws, layout, f, mod, item, r, cols, children, values, rowmap, money)
    if layout["total"]:
        write_total(ws, layout, f, rows, cols, values, end, money)
    if breaks:
        ws.set_h_pagebreaks(breaks)
    wb.close()
    return path


def write_row(ws, layout, f, mod, row, r, cols, children, values, rowmap, money) -> None:
    kode = row[0]
    bold = kode.count(".") < 3                   # urusan, bidang, program rows
    extra = {"sasaran": mod.SASARAN.get(kode, ""), "catatan": mod.CATATAN.get(kode, "")}
    for name, c in cols.items():
        if name in ("kode", "kode5"):
            for i, v in enumerate(code_cells(kode, layout["code"])):
                if isinstance(v, str) and v:
                    ws.write_string(r, c + i, v, f.text[bold])
                elif v == "":
                    ws.write_blank(r, c + i, None, f.center[bold])
                else:
                    ws.write_number(r, c + i, v, f.center[bold])
        elif name in ("pagu", "pagu_n1"):
            raw = row[IDX[name]]
            kids = children.get(kode)
            if raw is None and kids:
                formula = (sum_formula(c, [rowmap[k] for k in kids])
                           if layout["formulas"] else None)
                money.write(r, c, values[(kode, name)], bold, formula)
            else:
                money.write(r, c, raw, bold)
        elif name.startswith("target_vol") or name.startswith("satuan"):
            target = row[IDX["target" + name.removeprefix("target_vol").removeprefix("satuan")]]
            vol, unit = split_target(target)
            value = vol if name.startswith("target_vol") else unit
            if isinstance(value, str):
                ws.write(r, c, value or None, f.center[bold])
            else:
                ws.write_number(r, c, value, f.center[bold])
        else:
            text = extra[name] if name in extra else row[IDX[name]]
            if text:
                ws.write_string(r, c, text, f.text[bold])
            else:
                ws.write_blank(r, c, None, f.text[bold])


def write_total(ws, layout, f, rows, cols, values, r, money) -> None:
    """The closing JUMLAH row: label in the name column, pagu = sum of the programs."""
    for name, c in cols.items():
        if name in ("pagu", "pagu_n1"):
            total = sum(values[(row[0], name)] for row in rows if row[0].count(".") == 2)
            money.write(r, c, total, True)
        elif name == "nama":
            ws.write_string(r, c, layout["total"], f.center[True])
        else:
            ws.write_blank(r, c, None, f.text[True])


def _verify(paths: list[str]) -> None:
    import openpyxl
    from python_calamine import CalamineWorkbook

    for path in paths:
        cwb = CalamineWorkbook.from_path(path)
        owb = openpyxl.load_workbook(path)
        print(os.path.basename(path), "sheets:", cwb.sheet_names, "/", owb.sheetnames)


if __name__ == "__main__":
    _verify([write_workbook(mod) for mod in MODULES])
