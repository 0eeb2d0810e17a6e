"""Shared pieces of the Renja template (renja_xl/write/template.py): the layout data from
`schemas/template.toml`, cell formats, the hidden list sheet, headers, data validation."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import xlsxwriter

from ..report.data import schema_toml

PROTECT = {"insert_rows": True, "delete_rows": True, "format_cells": True,
           "format_columns": True, "format_rows": True, "autofilter": True}
FIRST_HEADER_ROW = 4            # 0-based: three title lines, one blank row, then the header


def template_spec() -> dict:
    return schema_toml("template.toml")


@lru_cache(maxsize=1)
def satuan_list() -> list[str]:
    units = schema_toml("satuan.toml")["synonyms"]
    return [u if u == "%" else u.capitalize() for u in units]


def years(n: int) -> dict[str, str]:
    return {"n": str(n), "n1": str(n + 1), "n_1": str(n - 1), "n_2": str(n - 2),
            "n_3": str(n - 3)}


def fill(text: str, words: dict[str, str]) -> str:
    """'Rencana Tahun {n}' -> 'Rencana Tahun 2026' (unknown {names} stay as written)."""
    return re.sub(r"\{(\w+)\}", lambda m: words.get(m.group(1), m.group(0)), text)


class Formats:
    """Cell formats: locked for titles and headers, unlocked for everything staff fill in."""

    def __init__(self, wb: xlsxwriter.Workbook):
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "text_wrap": True}
        cell = {**base, "border": 1, "locked": False}
        add = wb.add_format
        # title lines stay editable (a unit name to complete); the header below them is locked
        self.title = add({**base, "bold": True, "font_size": 11, "text_wrap": False,
                          "locked": False})
        self.subtitle = add({**base, "text_wrap": False, "locked": False})
        self.head = add({**base, "bold": True, "border": 1, "align": "center",
                         "valign": "vcenter", "bg_color": "#D9D9D9"})
        self.number_row = add({**base, "italic": True, "border": 1, "align": "center",
                               "bg_color": "#F2F2F2", "font_size": 8})
        self.text = add(cell)
        self.code = add({**cell, "num_format": "@"})
        self.number = add({**cell, "num_format": "General", "align": "center"})
        self.money = add({**cell, "num_format": "#,##0"})
        self.formula = add({**cell, "num_format": "0.00", "bg_color": "#EDEDED"})
        self.unlocked = add({"locked": False})
        self.plain = add({**base, "text_wrap": True})
        self.heading = add({**base, "bold": True, "font_size": 13, "text_wrap": False})
        self.missing = add({"bg_color": "#FFC7CE"})           # conditional: fill this in
        self.overwritten = add({"bg_color": "#FFEB9C", "font_color": "#9C5700"})
        self.levels = {}                      # (level, kind) -> format, built on demand
        self._wb, self._cell = wb, cell

    def of_kind(self, kind: str):
        return {"code": self.code, "number": self.number, "money": self.money}.get(kind, self.text)

    def level(self, level: str, kind: str):
        """Formats of plan rows: program rows bold on grey, kegiatan bold; formulas shaded."""
        key = (level, kind)
        if key not in self.levels:
            spec = dict(self._cell)
            if level in ("program", "kegiatan", "total"):
                spec["bold"] = True
            if level in ("program", "total"):
                spec["bg_color"] = "#E7E6E6"
            if kind in ("money", "formula"):
                spec["num_format"] = "#,##0"
            if kind == "formula" and level not in ("program", "total"):
                spec["bg_color"] = "#F2F2F2"
            if kind == "code":
                spec["num_format"] = "@"
            if kind == "number":
                spec["align"] = "center"
            self.levels[key] = self._wb.add_format(spec)
        return self.levels[key]


@dataclass(slots=True)
class Lists:
    """Where the drop-down lists stand on the hidden sheet (absolute ranges)."""
    codes: str = ""                 # A:B, every code with its name (for VLOOKUP)
    all_codes: str = ""             # A, every code (the Evaluasi drop-down)
    by_level: dict[str, str] = field(default_factory=dict)
    sub_rows: dict[str, tuple[int, int]] = field(default_factory=dict)   # kegiatan -> F rows
    sumber_dana: str = ""
    satuan: str = ""
    catatan: str = ""


LIST_SHEET = "Daftar"


def list_ranges(codes: list[tuple[str, str, str]]) -> Lists:
    """Where each list will stand on the hidden sheet (known before any sheet is written)."""
    spec = template_spec()["lists"]
    last = max(2, len(codes) + 1)
    out = Lists(codes=f"{LIST_SHEET}!$A$2:$B${last}", all_codes=f"={LIST_SHEET}!$A$2:$A${last}")
    for letter, level in (("D", "program"), ("E", "kegiatan"), ("F", "sub_kegiatan")):
        mine = [k for k, _, lvl in codes if lvl == level]
        out.by_level[level] = f"={LIST_SHEET}!${letter}$2:${letter}${max(2, len(mine) + 1)}"
        if level == "sub_kegiatan":
            for i, kode in enumerate(mine, start=2):
                first, _ = out.sub_rows.get(kode[:12], (i, i))
                out.sub_rows[kode[:12]] = (first, i)
    for letter, key, values in (("H", "sumber_dana", spec["sumber_dana"]),
                                ("I", "satuan", satuan_list()),
                                ("J", "catatan", spec["catatan_analisis"])):
        setattr(out, key, f"={LIST_SHEET}!${letter}$2:${letter}${len(values) + 1}")
    return out


def write_lists(wb, codes: list[tuple[str, str, str]]) -> None:
    """The hidden sheet: A kode, B nama (all levels, sorted); D/E/F program, kegiatan and sub
    kegiatan codes; H sumber dana, I satuan, J catatan analisis."""
    ws = wb.add_worksheet(LIST_SHEET)
    spec = template_spec()["lists"]
    ws.write_row(0, 0, ["kode", "nama", "", "program", "kegiatan", "sub_kegiatan", "",
                        "sumber_dana", "satuan", "catatan_analisis"])
    for i, (kode, nama, _level) in enumerate(codes, start=1):
        ws.write_string(i, 0, kode)
        ws.write_string(i, 1, nama)
    for col, level in ((3, "program"), (4, "kegiatan"), (5, "sub_kegiatan")):
        for i, kode in enumerate((k for k, _, lvl in codes if lvl == level), start=1):
            ws.write_string(i, col, kode)
    for col, values in ((7, spec["sumber_dana"]), (8, satuan_list()),
                        (9, spec["catatan_analisis"])):
        for i, value in enumerate(values, start=1):
            ws.write_string(i, col, value)
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 60)
    ws.hide()
    ws.protect("", {})


def write_header(ws, fmt: Formats, titles: list[str], columns: list[dict], words: dict) -> int:
    """Title lines, a one- or two-row header with merged group headers, the column-number row.
    Returns the 0-based row of the column numbers."""
    for r, line in enumerate(titles):
        ws.write_string(r, 0, fill(line, words), fmt.title if r < 2 else fmt.subtitle)
    h1 = FIRST_HEADER_ROW
    grouped = any(c.get("group") for c in columns)
    h2 = h1 + 1 if grouped else h1
    c = 0
    while c < len(columns):
        col = columns[c]
        group = col.get("group")
        if group:
            last = c
            while last + 1 < len(columns) and columns[last + 1].get("group") == group:
                last += 1
            _merge(ws, h1, c, h1, last, fill(group, words), fmt.head)
            for cc in range(c, last + 1):
                ws.write_string(h2, cc, fill(columns[cc]["caption"], words), fmt.head)
            c = last + 1
            continue
        _merge(ws, h1, c, h2, c, fill(col["caption"], words), fmt.head)
        c += 1
    numbers = h2 + 1
    for c, col in enumerate(columns):
        ws.write_string(numbers, c, col.get("number", f"({c + 1})"), fmt.number_row)
        if col.get("note"):                       # on the merged range's top-left cell
            ws.write_comment(h2 if col.get("group") else h1, c, col["note"],
                             {"author": "renja_xl", "x_scale": 2.2, "y_scale": 2.2})
        ws.set_column(c, c, col.get("width", 12), fmt.unlocked)
    ws.set_row(h1, 30 if grouped else 60)
    if grouped:
        ws.set_row(h2, 60)
    return numbers


def _merge(ws, r0, c0, r1, c1, text, fmt) -> None:
    if (r0, c0) == (r1, c1):
        ws.write_string(r0, c0, text, fmt)
    else:
        ws.merge_range(r0, c0, r1, c1, text, fmt)


def page_setup(ws, header_rows: tuple[int, int], last_col: int, footer: str) -> None:
    ws.set_landscape()
    ws.set_paper(9)                                   # A4
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(*header_rows)
    ws.set_footer(f"&L&8{footer}&R&8Halaman &P dari &N")


def validation(kind: str, lists: Lists) -> dict | None:
    """The data validation of a column kind (Indonesian messages)."""
    if kind == "money":
        return {"validate": "decimal", "criteria": ">=", "value": 0, "error_type": "stop",
                "error_title": "Pagu tidak valid",
                "error_message": "Pagu harus berupa angka rupiah yang tidak negatif, tanpa 'Rp' "
                                 "dan tanpa titik (contoh: 6000000)."}
    if kind == "number":
        return {"validate": "decimal", "criteria": "between", "minimum": -1e15,
                "maximum": 1e15, "error_type": "stop", "error_title": "Bukan angka",
                "error_message": "Isi dengan angka saja; satuan ditulis di kolom Satuan "
                                 "atau di nama indikator."}
    source = {"code": lists.all_codes, "satuan": lists.satuan, "sumber_dana": lists.sumber_dana,
              "catatan": lists.catatan}.get(kind)
    if source:
        return {"validate": "list", "source": source, "error_type": "warning",
                "error_title": "Di luar daftar",
                "error_message": "Nilai ini tidak ada di daftar. Pilih dari daftar, atau "
                                 "lanjutkan bila memang benar."}
    return None


