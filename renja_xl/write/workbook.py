"""Writing the consolidated workbook (xlsxwriter).

Sheets, in order: `Ringkasan` (one row per file, then the program totals per kecamatan),
`Rencana` (every normalised plan row; `Rencana (2)` … when a sheet is full), `Kesalahan`
(every issue, linked to its `Rencana` row), then any extra tables (sheet name -> DataFrame).
Row 1 of every table holds the contract column names; the Indonesian captions are the
header cells' comments. Text from submissions is always written as text, never as a
formula or a link. The same inputs give the same bytes (fixed properties, stable order).
"""
from __future__ import annotations

import math
import os
import tempfile
from contextlib import contextmanager, suppress
from datetime import datetime

from ..report.issues import ISSUE_FIELDS, Issue, Report
from ..tables.plan import PLAN_FIELDS

__all__ = ["write_consolidated", "atomic_path", "sheet_names", "file_reasons", "issue_field",
           "SUMMARY_FIELDS", "MAX_SHEET_ROWS"]

MAX_SHEET_ROWS = 1_048_576           # Excel's rows per sheet, header included
MAX_SHEET_COLS = 16_384             # Excel's columns per sheet
MAX_LINKS = 65_530                   # Excel's hyperlinks per sheet
CONSTANT_MEMORY_ROWS = 200_000       # above this, stream rows to disk (no shared strings)
MAX_COMMENT = 4_000                  # characters of one cell comment
SUMMARY_FIELDS = ("file", "kecamatan", "status", "rows", "pagu", "pagu_n1", "errors", "warnings")
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
PROPERTIES = {"title": "Gabungan Renja Kecamatan", "author": "renja_xl",
              "company": "", "comments": "Dibuat oleh renja_xl",
              "created": datetime(2000, 1, 1)}
FILLS = {"error": "#FFC7CE", "warning": "#FFEB9C"}
STATUS_FILLS = {"ok": "#C6EFCE", "invalid": "#FFC7CE", "unreadable": "#D9D9D9"}
MONEY = "#,##0"
MONEY_FIELDS = {"pagu", "pagu_n1"}
INT_FIELDS = {"row", "rows", "errors", "warnings"}

CAPTIONS = {
    "file": "Nama file kiriman", "kecamatan": "Kecamatan", "sheet": "Sheet di file asal",
    "row": "Nomor baris di file asal", "kode": "Kode program/kegiatan/sub kegiatan",
    "level": "Tingkat: program, kegiatan atau sub_kegiatan", "parent_kode": "Kode induk",
    "nama": "Nama program/kegiatan/sub kegiatan", "sasaran": "Sasaran",
    "indikator": "Indikator kinerja", "lokasi": "Lokasi",
    "target": "Target capaian kinerja tahun n (angka)", "satuan": "Satuan target tahun n",
    "pagu": "Kebutuhan dana/pagu indikatif tahun n (rupiah)", "sumber_dana": "Sumber dana",
    "target_n1": "Target prakiraan maju tahun n+1 (angka)",
    "satuan_n1": "Satuan target tahun n+1",
    "pagu_n1": "Pagu indikatif prakiraan maju tahun n+1 (rupiah)", "catatan": "Catatan penting",
    "column": "Kolom di file asal", "cell": "Sel di file asal; tautan ke barisnya di sheet Rencana",
    "table": "Tabel", "rule": "Kode aturan (daftar: python -m renja_xl rules)",
    "category": "Kategori aturan", "severity": "error = kesalahan, warning = peringatan",
    "message": "Pesan", "value": "Nilai yang tertulis", "expected": "Nilai yang seharusnya",
    "status": "ok = valid, invalid = ada kesalahan, unreadable = file tidak terbaca",
    "rows": "Jumlah baris rencana yang terbaca",
    "errors": "Jumlah kesalahan", "warnings": "Jumlah peringatan",
}
CAPTIONS_SUMMARY = {"pagu": "Jumlah pagu program tahun n (rupiah)",
                    "pagu_n1": "Jumlah pagu program tahun n+1 (rupiah)"}
WIDTHS = {"file": 32, "kecamatan": 16, "sheet": 12, "row": 7, "kode": 18, "level": 12,
          "parent_kode": 14, "nama": 50, "sasaran": 30, "indikator": 40, "lokasi": 20,
          "target": 9, "satuan": 12, "pagu": 17, "sumber_dana": 12, "target_n1": 9,
          "satuan_n1": 12, "pagu_n1": 17, "catatan": 24, "column": 7, "cell": 8,
          "table": 10, "rule": 24, "category": 12, "severity": 9, "message": 80,
          "value": 18, "expected": 18, "status": 11, "rows": 7, "errors": 8, "warnings": 10}
WORDS = {"id": {"totals": "Total pagu per program (tahun n, rupiah)", "total": "JUMLAH",
                "jumlah": "jumlah"},
         "en": {"totals": "Total pagu per program (year n, rupiah)", "total": "TOTAL",
                "jumlah": "total"}}


# -- files -------------------------------------------------------------------------------------
@contextmanager
def atomic_path(path):
    """A temporary path beside `path`, moved onto it only when the block succeeds.

    The temporary name starts with `~$` (like Office lock files) so a folder scan skips it.
    """
    path = os.path.abspath(os.fspath(path))
    fd, tmp = tempfile.mkstemp(prefix="~$" + os.path.basename(path) + ".", suffix=".tmp",
                               dir=os.path.dirname(path))
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(path: str) -> int:
    if os.path.exists(path):
        return os.stat(path).st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def sheet_names(base: str, rows: int) -> list[str]:
    """`Rencana`, `Rencana (2)`, … enough sheets for `rows` data rows (at least one)."""
    per_sheet = MAX_SHEET_ROWS - 1
    count = max(1, math.ceil(rows / per_sheet))
    return [base if k == 0 else f"{base} ({k + 1})" for k in range(count)]


def _place(index: int) -> tuple[int, int]:
    """Data row `index` -> (sheet number, 0-based row on that sheet)."""
    sheet, offset = divmod(index, MAX_SHEET_ROWS - 1)
    return sheet, offset + 1


# -- formats -----------------------------------------------------------------------------------
class _Formats:
    def __init__(self, workbook):
        self.workbook = workbook
        self.cache: dict = {}

    def get(self, num_format=None, fill=None, bold=False, link=False):
        key = (num_format, fill, bold, link)
        if key not in self.cache:
            props = {}
            if num_format:
                props["num_format"] = num_format
            if fill:
                props.update(bg_color=fill, pattern=1)
            if bold:
                props["bold"] = True
            if link:
                props.update(font_color="blue", underline=1)
            self.cache[key] = self.workbook.add_format(props) if props else None
        return self.cache[key]

    def header(self):
        return self.get(fill="#D9E1F2", bold=True)


def _put(ws, r: int, c: int, value, fmt=None) -> None:
    """One cell: numbers as numbers, everything else as plain text, None as blank."""
    if _missing(value):
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(r, c, str(value), fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    elif hasattr(value, "item") and not isinstance(value, str):       # numpy scalar
        _put(ws, r, c, value.item(), fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, (str, int)):
        return False
    try:
        import pandas as pd
        return bool(pd.isna(value))          # pd.NA, NaT, numpy nan
    except (TypeError, ValueError):
        return False


def _header(ws, formats: _Formats, columns, captions=None, row: int = 0) -> None:
    for c, name in enumerate(columns):
        ws.write_string(row, c, str(name), formats.header())
        caption = (captions or {}).get(name, CAPTIONS.get(name))
        if caption:
            ws.write_comment(row, c, caption, {"author": "renja_xl"})
        ws.set_column(c, c, WIDTHS.get(name, 14))


def _finish(ws, last_row: int, columns) -> None:
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(last_row, 0), len(columns) - 1)


def _num_format(name) -> str | None:
    if name in MONEY_FIELDS or str(name).startswith(("pagu", "dana")):      # dana: Renstra
        return MONEY
    return None


# -- the workbook ------------------------------------------------------------------------------
def write_consolidated(path, report: Report, records: list[dict], summary, program_totals,
                       *, lang: str = "id", extra_sheets: dict | None = None) -> str:
    """Write the consolidated workbook to `path` (atomically); returns the path.

    `records` are the plan rows (dicts with PLAN_FIELDS) in output order; `summary` and
    `program_totals` the DataFrames of `consolidate`; `extra_sheets` maps a sheet name to a
    DataFrame written as a plain table after `Kesalahan`.
    """
    import xlsxwriter
    big = len(records) > CONSTANT_MEMORY_ROWS or len(report.issues) > CONSTANT_MEMORY_ROWS
    options = dict(WORKBOOK_OPTIONS, constant_memory=big, use_zip64=big)
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(tmp, options)
        try:
            workbook.set_properties(PROPERTIES)
            formats = _Formats(workbook)
            words = WORDS["en" if lang == "en" else "id"]
            _write_summary(workbook.add_worksheet("Ringkasan"), formats, report, summary,
                           program_totals, words)
            located = _write_plan(workbook, formats, report, records, lang)
            issue_sheets = sheet_names("Kesalahan", len(report.issues))
            extra = list((extra_sheets or {}).items())
            for name, frame in extra:             # the links below need their rows first
                for key, place in _frame_places(name, frame).items():
                    located.setdefault(key, place)
            _write_issues(workbook, formats, report, located, lang, issue_sheets)
            for name, frame in extra:
                _write_frame(workbook, formats, name, frame)
        finally:
            workbook.close()
    return os.fspath(path)


def _write_summary(ws, formats, report: Report, summary, program_totals, words) -> None:
    columns = list(SUMMARY_FIELDS)
    _header(ws, formats, columns, CAPTIONS_SUMMARY)
    reasons = file_reasons(report)
    r = 0
    for r, row in enumerate(summary[columns].itertuples(index=False), start=1):
        for c, (name, value) in enumerate(zip(columns, row)):
            fmt = formats.get(MONEY) if name in MONEY_FIELDS else None
            if name == "status":
                fmt = formats.get(fill=STATUS_FILLS.get(value))
            _put(ws, r, c, value, fmt)
            if name == "status" and reasons.get(row[0]):
                ws.write_comment(r, c, reasons[row[0]][:MAX_COMMENT], {"author": "renja_xl"})
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, r, len(columns) - 1)
    _write_program_totals(ws, formats, program_totals, r + 3, words)


def file_reasons(report: Report, lang: str | None = None) -> dict[str, str]:
    """File -> why it could not be read (the message of its file-level error)."""
    unreadable = {f.file for f in report.files if f.status == "unreadable"}
    reasons: dict[str, str] = {}
    for issue in report.issues:
        if issue.file in unreadable and issue.category == "file":
            reasons.setdefault(issue.file, issue.message(lang or report.lang))
    return reasons


def _write_program_totals(ws, formats, totals, top: int, words) -> None:
    """kode × kecamatan blocks; more kecamatan than a sheet has columns continue in
    another block below (same kode rows, same `jumlah`)."""
    bold, money = formats.get(bold=True), formats.get(MONEY)
    money_bold = formats.get(MONEY, bold=True)
    labels = [c for c in totals.columns if c not in ("kode", "nama", "jumlah")]
    per_block = MAX_SHEET_COLS - 3
    chunks = [labels[i:i + per_block] for i in range(0, len(labels), per_block)] or [[]]
    for chunk in chunks:
        columns = ["kode", "nama", *chunk, "jumlah"]
        ws.write_string(top, 0, words["totals"], bold)
        head = top + 1
        for c, name in enumerate(columns):
            ws.write_string(head, c, words["jumlah"] if name == "jumlah" else str(name),
                            formats.header())
            if c >= 2:              # money columns under the narrow summary columns
                above = WIDTHS.get(SUMMARY_FIELDS[c]) if c < len(SUMMARY_FIELDS) else 0
                ws.set_column(c, c, max(above or 0, 17, min(len(str(name)) + 2, 40)))
        r = head
        for r, row in enumerate(totals[columns].itertuples(index=False), start=head + 1):
            for c, value in enumerate(row):
                _put(ws, r, c, value, money if c >= 2 else None)
        ws.write_string(r + 1, 0, words["total"], bold)
        for c, name in enumerate(columns[2:], start=2):
            _put(ws, r + 1, c, float(totals[name].sum(skipna=True)), money_bold)
        top = r + 4


def _write_plan(workbook, formats, report: Report, records, lang) -> dict:
    """The `Rencana` sheet(s); returns (file, sheet, row) -> (sheet name, Excel row)."""
    marks = _cell_marks(report, records)
    names = sheet_names("Rencana", len(records))
    sheets = [workbook.add_worksheet(name) for name in names]
    for ws in sheets:
        _header(ws, formats, PLAN_FIELDS)
    kinds = [(_num_format(name), name) for name in PLAN_FIELDS]
    located: dict[tuple, tuple[str, int]] = {}
    last = [0] * len(sheets)
    for index, record in enumerate(records):
        k, r = _place(index)
        ws, last[k] = sheets[k], r
        located.setdefault((record["file"], record["sheet"], record["row"]), (names[k], r + 1))
        cell_marks = marks.get(index, {})
        for c, (num_format, name) in enumerate(kinds):
            found = cell_marks.get(name)
            fill = FILLS[_worst(found)] if found else None
            _put(ws, r, c, record.get(name), formats.get(num_format, fill))
            if found:
                ws.write_comment(r, c, _comment(found, lang), {"author": "renja_xl"})
    for ws, r in zip(sheets, last):
        _finish(ws, r, PLAN_FIELDS)
    return located


def _worst(issues: list[Issue]) -> str:
    return "error" if any(i.severity == "error" for i in issues) else "warning"


def _comment(issues: list[Issue], lang: str) -> str:
    text = "\n".join(f"• {i.message(lang)} [{i.rule}]" for i in issues)
    return text if len(text) <= MAX_COMMENT else text[:MAX_COMMENT - 1] + "…"


def _cell_marks(report: Report, records) -> dict[int, dict[str, list[Issue]]]:
    """Record index -> field -> the issues to show on that `Rencana` cell."""
    index = {}
    for i, record in enumerate(records):
        index.setdefault((record["file"], record["sheet"], record["row"]), i)
    tables = {f.file: f.tables for f in report.files}
    marks: dict[int, dict[str, list[Issue]]] = {}
    for issue in report.issues:
        i = index.get((issue.file, issue.sheet, issue.row))
        if i is None:
            continue
        name = issue_field(issue, tables.get(issue.file, ()))
        marks.setdefault(i, {}).setdefault(name, []).append(issue)
    return marks


def issue_field(issue: Issue, tables) -> str:
    """The plan field of the column an issue points at (`kode` when it cannot be told)."""
    if issue.col is None:
        return "kode"
    on_sheet = [t for t in tables if t.sheet == issue.sheet]
    on_sheet.sort(key=lambda t: not (t.first_row <= (issue.row or 0) <= t.last_row))
    for table in on_sheet:
        for name, letters in table.columns.items():
            first, _, last = letters.partition(":")
            if _col_index(first) <= issue.col <= _col_index(last or first):
                return name if name in PLAN_FIELDS else "kode"
    return "kode"


def _col_index(letters: str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def _frame_places(name: str, frame) -> dict:
    """(file, sheet, row) -> (sheet name, Excel row) for an extra table that has them."""
    if not {"file", "sheet", "row"} <= set(frame.columns):
        return {}
    names = sheet_names(name, len(frame))
    places = {}
    for index, key in enumerate(zip(frame["file"], frame["sheet"], frame["row"])):
        k, r = _place(index)
        places.setdefault((key[0], key[1], int(key[2])), (names[k], r + 1))
    return places


def _write_issues(workbook, formats, report: Report, located: dict, lang: str,
                  names: list[str]) -> None:
    issues = report.issues
    sheets = [workbook.add_worksheet(name) for name in names]
    for ws in sheets:
        _header(ws, formats, ISSUE_FIELDS)
    cell_col, sev_col = ISSUE_FIELDS.index("cell"), ISSUE_FIELDS.index("severity")
    links, last = [0] * len(sheets), [0] * len(sheets)
    link_fmt = formats.get(link=True)
    for index, issue in enumerate(issues):
        k, r = _place(index)
        ws, last[k] = sheets[k], r
        data = issue.to_dict(lang)
        for c, name in enumerate(ISSUE_FIELDS):
            value = data[name]
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            _put(ws, r, c, value, formats.get(fill=FILLS.get(value)) if c == sev_col else None)
        target = located.get((issue.file, issue.sheet, issue.row))
        if target and data["cell"] and links[k] < MAX_LINKS:
            sheet, row = target
            ws.write_url(r, cell_col, f"internal:'{sheet}'!A{row}", link_fmt, data["cell"])
            links[k] += 1
    for ws, r in zip(sheets, last):
        _finish(ws, r, ISSUE_FIELDS)


def _write_frame(workbook, formats, name: str, frame) -> None:
    """An extra table: header row, typed cells, money columns `#,##0`, split when full."""
    columns = [str(c) for c in frame.columns]
    names = sheet_names(name, len(frame))
    sheets = [workbook.add_worksheet(n) for n in names]
    for ws in sheets:
        _header(ws, formats, columns)
    fmts = [formats.get(_num_format(c)) for c in columns]
    last = [0] * len(sheets)
    for index, row in enumerate(frame.itertuples(index=False)):
        k, r = _place(index)
        last[k] = r
        for c, value in enumerate(row):
            _put(sheets[k], r, c, value, fmts[c])
    for ws, r in zip(sheets, last):
        _finish(ws, r, columns)
