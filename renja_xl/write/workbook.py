"""Writing the consolidated workbook (xlsxwriter).

Sheets, in order: `Ringkasan` (for people: options, one row per file, counts per rule, the
program totals per kecamatan; `summary.py`), `Rencana` (every normalised plan row;
`Rencana (2)` … when a sheet is full), `Kesalahan` (every issue in reading order, each
linked), `Temuan` (one row per finding), then any extra tables (sheet name -> DataFrame).
Row 1 of every data sheet holds the contract column names; the Indonesian captions are the
header cells' comments. Every sheet prints landscape, one page wide, header row repeated. Text from submissions is always written as text, never as a
formula or a link. The same inputs give the same bytes (fixed properties, stable order).
"""
from __future__ import annotations

import math
import os
from datetime import datetime

from ..report.issues import ISSUE_FIELDS, Issue, Report, column_index, shorten
from ..report.rules import RULES
from ..tables.plan import PLAN_FIELDS
from .captions import (CAPTIONS, LINE_POINTS, MONEY, WIDTHS, WRAP_FIELDS, column_width, note_box,
                       num_format as _num_format, text_lines, wraps)
from .atomic import atomic_path
from .own import OUTPUT_PROPERTY, OUTPUT_VALUE

__all__ = ["write_consolidated", "money_rule", "atomic_path", "sheet_names", "file_reasons", "not_counted", "issue_field",
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
YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}
LANG = ["id"]                        # the language of the workbook being written



# -- files -------------------------------------------------------------------------------------
# atomic_path: written beside the target, renamed onto it when whole (see write/atomic.py)


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

    def get(self, num_format=None, fill=None, bold=False, link=False, wrap=False, size=None):
        key = (num_format, fill, bold, link, wrap, size)
        if key not in self.cache:
            props = {"valign": "top"}
            if num_format:
                props["num_format"] = num_format
            if fill:
                props.update(bg_color=fill, pattern=1)
            if bold:
                props["bold"] = True
            if link:
                props.update(font_color="blue", underline=1)
            if wrap:
                props["text_wrap"] = True
            if size:
                props["font_size"] = size
            self.cache[key] = self.workbook.add_format(props)
        return self.cache[key]

    def header(self):
        return self.get(fill="#D9E1F2", bold=True, wrap=True)


def _put(ws, r: int, c: int, value, fmt=None) -> None:
    """One cell: numbers as numbers, True/False as words, everything else as plain text,
    None as blank."""
    if _missing(value):
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool) or type(value).__name__ == "bool_":
        ws.write_string(r, c, YES_NO[LANG[0]][not bool(value)], fmt)
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
            ws.write_comment(row, c, caption, note_box(caption))
        issue_kode = name == "kode" and columns is ISSUE_FIELDS
        ws.set_column(c, c, WIDTHS["kode_issue"] if issue_kode else column_width(name))


def _finish(ws, last_row: int, columns) -> None:
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(last_row, 0), len(columns) - 1)
    ws.repeat_rows(0)


def print_setup(ws) -> None:
    """Landscape A4, all columns on one page wide, page numbers, gridlines printed."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&A&RHalaman &P / &N")
    ws.hide_gridlines(0)


def row_height(texts) -> float | None:
    """Points for a row whose wrapped cells hold `texts` ((text, column width) pairs)."""
    lines = max([text_lines(text, width) for text, width in texts if text] + [1])
    return None if lines == 1 else min(409.0, LINE_POINTS * lines)


def money_rule(rule: str) -> bool:
    """The rule's `value`/`expected` are rupiah (budget rules, pagu rules)."""
    found = RULES.get(rule)
    return bool(found) and (found.category == "budget" or "pagu" in rule)


# -- the workbook ------------------------------------------------------------------------------
def write_consolidated(path, report: Report, records: list[dict], summary, program_totals,
                       *, lang: str = "id", extra_sheets: dict | None = None,
                       options: dict | None = None, notices: list | None = None) -> str:
    """Write the consolidated workbook to `path` (atomically); returns the path.

    `records` are the plan rows (dicts with PLAN_FIELDS) in output order; `summary` and
    `program_totals` the DataFrames of `consolidate`; `extra_sheets` maps a sheet name to a
    DataFrame written as a plain table after `Temuan`; `options` (caption -> value) and
    `notices` (lines) are shown in `Ringkasan`.
    """
    import xlsxwriter
    from .summary import write_findings, write_summary
    big = len(records) > CONSTANT_MEMORY_ROWS or len(report.issues) > CONSTANT_MEMORY_ROWS
    options_ = dict(WORKBOOK_OPTIONS, constant_memory=big, use_zip64=big)
    LANG[0] = "en" if lang == "en" else "id"
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(tmp, options_)
        try:
            workbook.set_properties(PROPERTIES)
            workbook.set_custom_property(OUTPUT_PROPERTY, OUTPUT_VALUE)   # see write/own.py
            formats = _Formats(workbook)
            summary_ws = workbook.add_worksheet("Ringkasan")
            file_rows = write_summary(summary_ws, formats, _put, report, summary,
                                      program_totals, lang=lang, options=options,
                                      notices=notices or [], reasons=file_reasons(report, lang),
                                      left_out=not_counted(report, lang),
                                      max_cols=MAX_SHEET_COLS)
            located = _write_plan(workbook, formats, report, records, lang)
            issue_sheets = sheet_names("Kesalahan", len(report.issues))
            extra = list((extra_sheets or {}).items())
            for name, frame in extra:             # the links below need their rows first
                for key, place in _frame_places(name, frame).items():
                    located.setdefault(key, place)
            issue_rows = _write_issues(workbook, formats, report, located, lang, issue_sheets,
                                       file_rows)
            write_findings(workbook.add_worksheet("Temuan"), formats, report, issue_rows,
                           lang=lang)
            for name, frame in extra:
                _write_frame(workbook, formats, name, frame)
            for ws in workbook.worksheets():
                print_setup(ws)
        finally:
            workbook.close()
    return os.fspath(path)


# findings that leave a file, or a plan table of it, out of the consolidated totals
NOT_COUNTED_RULES = frozenset(("table-not-found", "not-renja-codes", "plan-other-agency",
                               "plan-version", "submission-superseded", "submission-repeated"))


def not_counted(report: Report, lang: str | None = None) -> dict[str, str]:
    """File -> what of it the totals leave out and why: an unreadable file's error, or the
    messages of the findings that drop a file or one of its plan tables (`NOT_COUNTED_RULES`)."""
    found = file_reasons(report, lang)
    for issue in report.issues:
        if issue.rule not in NOT_COUNTED_RULES:
            continue
        text = (f"{issue.where}: " if issue.where else "") + issue.message(lang or report.lang)
        if issue.file not in found:
            found[issue.file] = text
        elif text not in found[issue.file]:
            found[issue.file] += "; " + text
    return found


def file_reasons(report: Report, lang: str | None = None) -> dict[str, str]:
    """File -> why it could not be read (the message of its file-level error)."""
    unreadable = {f.file for f in report.files if f.status == "unreadable"}
    reasons: dict[str, str] = {}
    for issue in report.issues:
        if issue.file in unreadable and issue.category == "file":
            reasons.setdefault(issue.file, issue.message(lang or report.lang))
    return reasons


def _write_plan(workbook, formats, report: Report, records, lang) -> dict:
    """The `Rencana` sheet(s); returns (file, sheet, row) -> (sheet name, Excel row)."""
    marks = _cell_marks(report, records)
    names = sheet_names("Rencana", len(records))
    sheets = [workbook.add_worksheet(name) for name in names]
    for ws in sheets:
        _header(ws, formats, PLAN_FIELDS)
    kinds = [(_num_format(name), name, name in WRAP_FIELDS) for name in PLAN_FIELDS]
    wrapped = [(name, WIDTHS.get(name, 14)) for name in PLAN_FIELDS if name in WRAP_FIELDS]
    located: dict[tuple, tuple[str, int]] = {}
    last = [0] * len(sheets)
    for index, record in enumerate(records):
        k, r = _place(index)
        ws, last[k] = sheets[k], r
        located.setdefault((record["file"], record["sheet"], record["row"]), (names[k], r + 1))
        height = row_height((record.get(name), width) for name, width in wrapped)
        if height:
            ws.set_row(r, height)
        cell_marks = marks.get(index, {})
        for c, (num_format, name, wrap) in enumerate(kinds):
            found = cell_marks.get(name)
            fill = FILLS[worst(found)] if found else None
            _put(ws, r, c, record.get(name), formats.get(num_format, fill, wrap=wrap))
            if found:
                note = cell_note(found, lang)
                ws.write_comment(r, c, note, note_box(note))
    for ws, r in zip(sheets, last):
        _finish(ws, r, PLAN_FIELDS)
    return located


def worst(issues: list[Issue]) -> str:
    """The severity a cell is marked with: error when any of its issues is one."""
    return "error" if any(i.severity == "error" for i in issues) else "warning"


def cell_note(issues: list[Issue], lang: str) -> str:
    """The note on a marked cell: one line per issue, cut to what a comment holds."""
    text = "\n".join(f"• {i.message(lang)} [{i.rule}]" for i in issues)
    return shorten(text, MAX_COMMENT)


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
            if column_index(first) <= issue.col <= column_index(last or first):
                return name if name in PLAN_FIELDS else "kode"
    return "kode"


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
                  names: list[str], file_rows: dict) -> dict:
    """`Kesalahan`: every issue in reading order, each linked (to its row in `Rencana` or
    its table's sheet, else to its file's first row there, else to its file in
    `Ringkasan`). Returns id(issue) -> its `'Kesalahan'!A<row>` (for `Temuan`)."""
    from ..report.grouping import sort_issues
    issues = sort_issues(report.issues, report.files)
    sheets = [workbook.add_worksheet(name) for name in names]
    for ws in sheets:
        _header(ws, formats, ISSUE_FIELDS)
    col = {name: c for c, name in enumerate(ISSUE_FIELDS)}
    by_file: dict = {}
    for (file, sheet, _), place in sorted(located.items(), key=lambda kv: kv[1][1]):
        by_file.setdefault((file, sheet), place)
    links, last = [0] * len(sheets), [0] * len(sheets)
    link_fmt, rows = formats.get(link=True, wrap=True), {}
    plain, wrap = formats.get(), formats.get(wrap=True)
    for index, issue in enumerate(issues):
        k, r = _place(index)
        ws, last[k] = sheets[k], r
        rows[id(issue)] = f"'{names[k]}'!A{r + 1}"
        data = issue.to_dict(lang)
        money = money_rule(issue.rule)
        height = row_height((data[n], WIDTHS[n]) for n in ("message", "file", "value", "expected"))
        if height:
            ws.set_row(r, height)
        for c, name in enumerate(ISSUE_FIELDS):
            value = data[name]
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            fmt = wrap if name in WRAP_FIELDS else plain
            if name == "severity":
                fmt = formats.get(fill=FILLS.get(value))
            elif name in ("value", "expected") and money and isinstance(value, (int, float)):
                fmt = formats.get(MONEY)
            _put(ws, r, c, value, fmt)
        target = (located.get((issue.file, issue.sheet, issue.row))
                  or by_file.get((issue.file, issue.sheet)))
        url = f"internal:'{target[0]}'!A{target[1]}" if target else None
        if url is None and issue.file in file_rows:
            url = f"internal:'Ringkasan'!A{file_rows[issue.file]}"
        if url and links[k] < MAX_LINKS:
            where = "cell" if data["cell"] else "file"
            ws.write_url(r, col[where], url, link_fmt, data[where])
            links[k] += 1
    for ws, r in zip(sheets, last):
        _finish(ws, r, ISSUE_FIELDS)
    return rows


def _write_frame(workbook, formats, name: str, frame) -> None:
    """An extra table: header row, typed cells, money columns `#,##0`, long text wrapped,
    True/False as words, split when full."""
    columns = [str(c) for c in frame.columns]
    names = sheet_names(name, len(frame))
    sheets = [workbook.add_worksheet(n) for n in names]
    for ws in sheets:
        _header(ws, formats, columns)
    fmts = [formats.get(_num_format(c), wrap=wraps(c))
            for c in columns]
    wrapped = [(c, columns[c], column_width(columns[c])) for c in range(len(columns))
               if wraps(columns[c])]
    last = [0] * len(sheets)
    for index, row in enumerate(frame.itertuples(index=False)):
        k, r = _place(index)
        last[k] = r
        height = row_height((row[c], width) for c, _, width in wrapped)
        if height:
            sheets[k].set_row(r, height)
        for c, value in enumerate(row):
            _put(sheets[k], r, c, value, fmts[c])
    for ws, r in zip(sheets, last):
        _finish(ws, r, columns)
