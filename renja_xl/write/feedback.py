"""Annotated copies for the kecamatan: their own workbook with every issue on its cell.

`write_feedback(source, issues, target)` copies the submission's package part by part (see
`xlsxpatch`): formulas keep their cached values, and sparklines, slicers, data bars, macros
and everything else stay because those parts are never rewritten. Each offending cell gets a
red (error) or yellow (warning) fill and the messages as a comment; a new `Kesalahan` sheet
lists the issues (linked to their cells) or says that nothing was found; a sheet holding a
marked cell that was hidden is shown. What the copy changes besides the marks is said in
Indonesian notices, on the `Kesalahan` sheet and returned to `consolidate` (Ringkasan).
The source is only read; the copy is written atomically, with the same bytes for the same
inputs. Formats that are not an xlsx package (.xls, .xlsb, .ods) raise `FeedbackError`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..report.grouping import sort_issues
from ..report.issues import ISSUE_FIELDS, Issue, column_index, column_letter
from .atomic import fit_name
from .captions import CAPTIONS, WIDTHS
from .workbook import FILLS, atomic_path, cell_note, money_rule, row_height, worst
from .xlsxcells import Styles, mark_cells
from .xlsxnotes import add_comments
from .xlsxpatch import CT_SHEET, MAIN, REL, Package, PatchError, xml_text

__all__ = ["write_feedback", "write_feedback_copy", "FeedbackCopy", "feedback_targets",
           "FeedbackError", "OPENPYXL_SUFFIXES"]

OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
AUTHOR = "renja_xl"
HEADER_FILL = "D9E1F2"
WRAPPED = ("message", "file", "value", "expected")     # the columns whose text wraps
# the header notes of the copy's `Kesalahan` sheet: the workbook's captions, but here a cell
# links to the marked cell of this very workbook
COPY_CAPTIONS = {"cell": "Sel yang ditandai di workbook ini; klik untuk membukanya",
                 "file": "File yang diperiksa (workbook ini)"}
WORDS = {
    "id": {"clean": "Tidak ada kesalahan maupun peringatan: workbook ini lolos semua "
                    "pemeriksaan renja_xl.",
           "notes": "Catatan tentang salinan ini:",
           "shown": "Sheet '{sheet}' disembunyikan di file asli; di salinan ini sheet itu "
                    "ditampilkan agar sel yang ditandai dapat dilihat.",
           "off_sheet": "{n} temuan tidak menunjuk sel di workbook ini (misalnya tabel yang "
                        "tidak ditemukan); lihat daftar di atas."},
    "en": {"clean": "No errors or warnings: this workbook passes every renja_xl check.",
           "notes": "About this copy:",
           "shown": "Sheet '{sheet}' is hidden in the original; this copy shows it so that "
                    "the marked cells can be seen.",
           "off_sheet": "{n} finding(s) point at no cell of this workbook (e.g. a table that "
                        "was not found); see the list above."},
}


def _words(lang: str) -> dict:
    return WORDS["en" if lang == "en" else "id"]


class FeedbackError(Exception):
    """No annotated copy can be made for this file; the message says why (Indonesian)."""


@dataclass
class FeedbackCopy:
    path: str
    notices: list[str] = field(default_factory=list)      # Indonesian, one line each


def feedback_targets(files: list[str], directory) -> list[str]:
    """`DIR/<name>_periksa.xlsx` for each input (`.xlsm` stays `.xlsm` so its macros still
    open); names made unique in input order, and never the path of an input."""
    directory = os.fspath(directory)
    taken = {os.path.normcase(os.path.abspath(f)) for f in files}
    targets = []
    for path in files:
        stem, ext = os.path.splitext(os.path.basename(path))
        ext = ".xlsm" if ext.lower() in (".xlsm", ".xltm") else ".xlsx"
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
    return write_feedback_copy(source, issues, target, lang).path


def write_feedback_copy(source, issues: list[Issue], target, lang: str = "id") -> FeedbackCopy:
    """Like `write_feedback`, also returning the notices about the copy."""
    source, target = os.fspath(source), os.fspath(target)
    name = os.path.basename(source)
    ext = os.path.splitext(source)[1].lower()
    if ext not in OPENPYXL_SUFFIXES:
        raise FeedbackError(f"{name}: salinan bertanda tidak dibuat (format {ext or '?'} "
                            "tidak dapat ditulis ulang; minta kecamatan mengirim .xlsx)")
    try:
        package = Package(source)
    except PatchError as exc:
        raise FeedbackError(f"{name}: salinan bertanda tidak dibuat (file tidak dapat dibuka "
                            f"sebagai paket xlsx/openpyxl: {exc})") from None
    try:
        order = [sheet["name"] for sheet in package.sheets()]
        notices = _annotate(package, sort_issues(issues, sheets=order), lang)
        with atomic_path(target) as tmp:
            package.save(tmp)
    except (PatchError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise FeedbackError(f"{name}: salinan bertanda tidak dibuat (struktur workbook tidak "
                            f"dikenal: {exc})") from None
    finally:
        package.close()
    return FeedbackCopy(target, notices)


def _annotate(package: Package, issues: list[Issue], lang: str) -> list[str]:
    sheets = {s["name"]: s for s in package.sheets()}
    styles_part = next((r["Target"] for r in package.relationships(package.workbook_part())
                        if r.get("Type", "").endswith("/styles")), None)
    if styles_part is None:
        raise PatchError("styles.xml tidak ada")
    styles = Styles(package.text(styles_part))
    by_cell: dict[tuple[str, int, int], list[Issue]] = {}
    for issue in issues:
        sheet = sheets.get(issue.sheet)
        if sheet and sheet["part"] and "worksheet" in sheet["part"] and issue.row \
                and issue.col is not None:
            by_cell.setdefault((issue.sheet, issue.row, issue.col), []).append(issue)
    notices, shown = [], []
    for k, sheet_name in enumerate(dict.fromkeys(s for s, _, _ in by_cell)):
        sheet = sheets[sheet_name]
        cells = {(r, c): found for (s, r, c), found in by_cell.items() if s == sheet_name}
        cells = _anchors(package.read(sheet["part"]), cells)
        marks = {cell: worst(found) for cell, found in cells.items()}
        package.put(sheet["part"], mark_cells(
            package.read(sheet["part"]), marks,
            lambda base, sev: styles.marked(base, FILLS[sev].lstrip("#"))))
        notes = {cell: cell_note(found, lang) for cell, found in cells.items()}
        add_comments(package, sheet["part"], notes, AUTHOR, idmap=200 + k)
        if sheet["state"] != "visible":
            shown.append(sheet)
            notices.append(_words(lang)["shown"].format(sheet=sheet_name))
    off = sum(1 for i in issues if (i.sheet, i.row, i.col) not in by_cell)
    if off and issues:
        notices.append(_words(lang)["off_sheet"].format(n=off))
    _show_sheets(package, shown)
    _not_a_template(package)
    _add_issue_sheet(package, styles, issues, sheets, notices, lang)
    package.put(styles_part, styles.text)
    return notices




def _anchors(sheet_xml: bytes, cells: dict) -> dict:
    """Cells inside a merged range moved to its top-left cell (issues of both kept)."""
    ranges = []
    tail = sheet_xml[max(0, sheet_xml.rfind(b"sheetData>")):]      # never the rows
    for ref in re.findall(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"',
                          tail):
        (c1, r1), (c2, r2) = (_split(x.decode()) for x in ref)
        ranges.append((r1, c1, r2, c2))
    moved: dict = {}
    for (row, col), found in cells.items():
        for r1, c1, r2, c2 in ranges:
            if r1 <= row <= r2 and c1 <= col <= c2:
                row, col = r1, c1
                break
        moved.setdefault((row, col), []).extend(found)
    return moved


def _split(ref: str) -> tuple[int, int]:
    """'AB12' -> (27, 12): 0-based column, 1-based row."""
    letters = ref.rstrip("0123456789")
    return column_index(letters), int(ref[len(letters):])


def _not_a_template(package: Package) -> None:
    """A template (.xltx/.xltm) becomes a workbook: its copy is named .xlsx/.xlsm."""
    text = package.text("[Content_Types].xml")
    fixed = (text.replace("spreadsheetml.template.main+xml", "spreadsheetml.sheet.main+xml")
             .replace("ms-excel.template.macroEnabled.main+xml",
                      "ms-excel.sheet.macroEnabled.main+xml"))
    if fixed != text:
        package.put("[Content_Types].xml", fixed)


def _show_sheets(package: Package, sheets: list[dict]) -> None:
    if not sheets:
        return
    book = package.workbook_part()
    text = package.text(book)
    for sheet in sheets:
        text = text.replace(sheet["tag"], re.sub(r'\sstate="[^"]*"', "", sheet["tag"]), 1)
    package.put(book, text)


def _add_issue_sheet(package: Package, styles: Styles, issues, sheets: dict, notices,
                     lang: str) -> None:
    title, n = "Kesalahan", 1
    while title in sheets:
        n += 1
        title = f"Kesalahan ({n})"
    part = package.free_name("xl/worksheets/sheet%d.xml")
    package.put(part, _issue_sheet_xml(styles, issues, sheets, notices, lang))
    captions = {**CAPTIONS, **COPY_CAPTIONS}
    add_comments(package, part, {(1, c): captions[name] for c, name in enumerate(ISSUE_FIELDS)
                                 if name in captions}, AUTHOR, idmap=190)
    package.add_content_type(part, CT_SHEET)
    book = package.workbook_part()
    rid = package.add_relationship(book, "worksheet", part)
    text = package.text(book)
    ids = [int(x) for x in re.findall(r'<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"', text)]
    p = (re.search(r"<(\w+:)?sheets\b", text).group(1) or "")
    end = text.find(f"</{p}sheets>")
    text = (text[:end] + f'<{p}sheet xmlns:r="{REL}" name="{xml_text(title)}" '
            f'sheetId="{max(ids, default=0) + 1}" r:id="{rid}"/>' + text[end:])
    quoted = "'" + title.replace("'", "''") + "'"
    local = len(sheets)
    names = (f'<{p}definedName name="_xlnm.Print_Titles" localSheetId="{local}">'
             f"{xml_text(quoted)}!$1:$1</{p}definedName>")
    if f"</{p}definedNames>" in text:
        at = text.find(f"</{p}definedNames>")
        text = text[:at] + names + text[at:]
    else:
        after = max(text.find(f"</{p}externalReferences>"), -1)
        at = (after + len(f"</{p}externalReferences>")) if after >= 0 else \
            text.find(f"</{p}sheets>") + len(f"</{p}sheets>")
        text = text[:at] + f"<{p}definedNames>{names}</{p}definedNames>" + text[at:]
    package.put(book, text)


def _issue_sheet_xml(styles: Styles, issues, sheets: dict, notices, lang: str) -> str:
    header = styles.new(font=styles.font(bold=True), fill=styles.fill(HEADER_FILL), wrap=True)
    plain = styles.new(wrap=True)
    money = styles.new(num_fmt=3)
    link = styles.new(font=styles.font(link=True))
    bold = styles.new(font=styles.font(bold=True))
    sev = {k: styles.new(fill=styles.fill(v.lstrip("#")), wrap=True) for k, v in FILLS.items()}
    columns = list(ISSUE_FIELDS)
    rows = [(1, 30, [(c, name, header) for c, name in enumerate(columns)])]
    links = []
    for r, issue in enumerate(issues, start=2):
        data = issue.to_dict(lang)
        cells = []
        for c, name in enumerate(columns):
            value = data[name]
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            style = sev.get(value, plain) if name == "severity" else plain
            if name in ("value", "expected") and isinstance(value, (int, float)) \
                    and money_rule(issue.rule):
                style = money
            cells.append((c, value, style))
        if data["cell"] and issue.sheet in sheets:
            cells[columns.index("cell")] = (columns.index("cell"), data["cell"], link)
            sheet = "'" + issue.sheet.replace("'", "''") + "'"
            links.append((f"{column_letter(columns.index('cell'))}{r}", f"{sheet}!{data['cell']}",
                          data["cell"]))
        shown = {columns[c]: value for c, value, _ in cells}
        rows.append((r, row_height((shown[n], WIDTHS[n]) for n in WRAPPED), cells))
    last = len(issues) + 1
    words = _words(lang)
    extra = [] if issues else [words["clean"]]
    if notices:
        extra += ["", words["notes"], *notices]
    line = styles.new()                   # not wrapped: a notice runs across the empty cells
    for k, text in enumerate(extra, start=last + 1):
        style = bold if text in (words["clean"], words["notes"]) else line
        rows.append((k, None, [(0, text, style)] if text else []))
    return _sheet_xml(columns, rows, links, last)


def _sheet_xml(columns, rows, links, last: int) -> str:
    cols = "".join(f'<col min="{c + 1}" max="{c + 1}" width="{WIDTHS.get(name, 14)}" '
                   'customWidth="1"/>' for c, name in enumerate(columns))
    body = []
    for r, height, cells in rows:
        ht = f' ht="{height}" customHeight="1"' if height else ""
        body.append(f'<row r="{r}"{ht}>' + "".join(_cell(r, c, v, s) for c, v, s in cells)
                    + "</row>")
    end = column_letter(len(columns) - 1)
    hyperlinks = "".join(f'<hyperlink ref="{ref}" location="{xml_text(loc)}" '
                         f'display="{xml_text(shown)}"/>' for ref, loc, shown in links)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
            f'xmlns:r="{REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{end}{max(r for r, _, _ in rows)}"/><sheetViews><sheetView '
            'workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            f'<cols>{cols}</cols><sheetData>{"".join(body)}</sheetData>'
            f'<autoFilter ref="A1:{end}{max(last, 1)}"/>'
            + (f"<hyperlinks>{hyperlinks}</hyperlinks>" if hyperlinks else "") +
            '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" '
            'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
            'fitToHeight="0"/><headerFooter><oddFooter>&amp;L&amp;A&amp;RHalaman &amp;P dari '
            '&amp;N</oddFooter></headerFooter></worksheet>')


def _cell(r: int, c: int, value, style: int) -> str:
    ref = f"{column_letter(c)}{r}"
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    return (f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
            f"{xml_text(value)}</t></is></c>")

