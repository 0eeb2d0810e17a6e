"""Annotated copies for the kecamatan: their own workbook with every issue on its cell.

`write_feedback(source, issues, target)` opens the submission with openpyxl (formulas kept,
macros kept for .xlsm), fills each offending cell red (error) or yellow (warning), puts the
messages in a comment, adds a `Kesalahan` sheet linking every issue to its cell, and writes
the copy atomically. The source file is only read. Formats openpyxl cannot open (.xls,
.xlsb, .ods) raise `FeedbackError` with a one-line Indonesian notice.
"""
from __future__ import annotations

import os

from ..report.issues import ISSUE_FIELDS, Issue
from .atomic import fit_name
from .workbook import CAPTIONS, FILLS, WIDTHS, atomic_path

__all__ = ["write_feedback", "feedback_targets", "FeedbackError", "OPENPYXL_SUFFIXES"]

OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
AUTHOR = "renja_xl"
MAX_COMMENT = 4_000


class FeedbackError(Exception):
    """No annotated copy can be made for this file; the message says why (Indonesian)."""


def feedback_targets(files: list[str], directory) -> list[str]:
    """`DIR/<name>_periksa.xlsx` for each input (`.xlsm` stays `.xlsm` so its macros still
    open); names made unique in input order, and never the path of an input."""
    directory = os.fspath(directory)
    taken = {os.path.normcase(os.path.abspath(f)) for f in files}
    targets = []
    for path in files:
        stem, ext = os.path.splitext(os.path.basename(path))
        ext = ".xlsm" if ext.lower() == ".xlsm" else ".xlsx"
        n, name = 1, fit_name(stem, f"_periksa{ext}")        # fits the file system's limit
        while os.path.normcase(os.path.abspath(os.path.join(directory, name))) in taken:
            n += 1
            name = fit_name(stem, f"_periksa_{n}{ext}")
        target = os.path.join(directory, name)
        taken.add(os.path.normcase(os.path.abspath(target)))
        targets.append(target)
    return targets


def write_feedback(source, issues: list[Issue], target, lang: str = "id") -> str:
    """Write the annotated copy of `source` to `target`; returns `target`."""
    source, target = os.fspath(source), os.fspath(target)
    name = os.path.basename(source)
    ext = os.path.splitext(source)[1].lower()
    if ext not in OPENPYXL_SUFFIXES:
        raise FeedbackError(f"{name}: salinan bertanda tidak dibuat (format {ext or '?'} "
                            "tidak dapat ditulis ulang; minta kecamatan mengirim .xlsx)")
    from openpyxl import load_workbook
    try:
        workbook = load_workbook(source, keep_vba=ext in (".xlsm", ".xltm"), data_only=False,
                                 keep_links=True, rich_text=True)
    except Exception as exc:          # openpyxl raises many types for files it cannot parse
        raise FeedbackError(f"{name}: salinan bertanda tidak dibuat (openpyxl tidak dapat "
                            f"membuka file: {type(exc).__name__})") from None
    _mark_cells(workbook, issues, lang)
    _issue_sheet(workbook, issues, lang)
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    return target


def _mark_cells(workbook, issues: list[Issue], lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    by_cell: dict[tuple[str, int, int], list[Issue]] = {}
    for issue in issues:
        if issue.sheet in workbook.sheetnames and issue.row and issue.col is not None:
            by_cell.setdefault((issue.sheet, issue.row, issue.col), []).append(issue)
    for (sheet, row, col), found in by_cell.items():
        ws = workbook[sheet]
        if not hasattr(ws, "merged_cells"):            # a chartsheet
            continue
        cell = _anchor(ws, row, col + 1)
        severity = "error" if any(i.severity == "error" for i in found) else "warning"
        colour = FILLS[severity].lstrip("#")
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
        text = _clean("\n".join(f"• {i.message(lang)} [{i.rule}]" for i in found))
        if cell.comment is not None:                   # keep the kecamatan's own note
            text += "\n\n" + cell.comment.text
        text = text if len(text) <= MAX_COMMENT else text[:MAX_COMMENT - 1] + "…"
        lines = text.count("\n") + 1 + len(text) // 60
        cell.comment = Comment(text, AUTHOR, width=360, height=min(600, 20 + 15 * lines))


def _anchor(ws, row: int, col: int):
    """The cell itself, or the top-left cell of the merged range it lies in."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= col <= merged.max_col:
            return ws.cell(merged.min_row, merged.min_col)
    return ws.cell(row, col)


def _issue_sheet(workbook, issues: list[Issue], lang: str) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.comments import Comment
    title, n = "Kesalahan", 1
    while title in workbook.sheetnames:
        n += 1
        title = f"Kesalahan ({n})"
    ws = workbook.create_sheet(title)
    header_fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
    for c, field in enumerate(ISSUE_FIELDS, start=1):
        cell = ws.cell(1, c)
        _text(cell, field)
        cell.font, cell.fill = Font(bold=True), header_fill
        if field in CAPTIONS:
            cell.comment = Comment(CAPTIONS[field], AUTHOR)
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(field, 14)
    fills = {sev: PatternFill("solid", start_color=col.lstrip("#"), end_color=col.lstrip("#"))
             for sev, col in FILLS.items()}
    cell_col = ISSUE_FIELDS.index("cell") + 1
    for r, issue in enumerate(issues, start=2):
        data = issue.to_dict(lang)
        for c, field in enumerate(ISSUE_FIELDS, start=1):
            value = data[field]
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            cell = ws.cell(r, c)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.value = value
            elif value is not None:
                _text(cell, str(value))
            if field == "severity" and value in fills:
                cell.fill = fills[value]
        if data["cell"] and issue.sheet in workbook.sheetnames:
            sheet = issue.sheet.replace("'", "''")
            link = ws.cell(r, cell_col)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet}'!{data['cell']}")
            link.font = Font(color="0000FF", underline="single")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ISSUE_FIELDS))}{max(1, len(issues) + 1)}"


def _text(cell, text: str) -> None:
    """Plain text, even when it starts with '=' (never a formula)."""
    cell.value = _clean(text)
    cell.data_type = "s"


def _clean(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    return ILLEGAL_CHARACTERS_RE.sub("", text)
