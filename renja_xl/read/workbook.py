"""Opening a submitted workbook safely and turning its sheets into plain grids.

`guard.open_checked` first tells the format by the bytes and refuses, before any parser
allocates anything, files that are not workbooks, damaged, encrypted, zip bombs or sheets
whose grid would be absurd (see guard.py). Sheets are then read with python-calamine (cached
values of formulas, merged ranges) into grids padded from A1; for OOXML files the sheet XML
is scanned for formulas that have no cached value, which calamine would silently read as
empty.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field

from .quiet import quiet_stderr
from .guard import Limits, ReadError, open_checked, sheet_parts, xml_segments
from .sniff import sniff

__all__ = ["ReadError", "Limits", "Sheet", "sniff", "load_sheets"]


@dataclass(slots=True)
class Sheet:
    name: str
    rows: list[list]                                    # padded from A1; "" for empty
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)     # (r, c) -> formula
    hidden: bool = False
    percent: frozenset = frozenset()   # (r, c) of number cells shown as a percentage (1 = 100%)
    errors: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # (r, c) -> (formula, "#REF!")
    sums: dict[tuple[int, int], str] = field(default_factory=dict)   # (r, c) -> "=SUM(H47:H49)" (cached)

    @property
    def height(self) -> int:
        return len(self.rows)


def load_sheets(path: str, limits: Limits = Limits()) -> list[Sheet]:
    """All sheets of a workbook as grids. Raises ReadError for anything unreadable."""
    try:
        fmt, archive = open_checked(path, limits)
    except OSError as exc:
        raise ReadError("file-unreadable", exc.strerror or str(exc)) from None
    try:
        with quiet_stderr():          # a Rust panic's text must not reach the terminal
            return _read_with_calamine(path, fmt, archive, limits)
    finally:
        if archive is not None:
            archive.close()


# python-calamine picks its reader by the extension; a misnamed file is handed over as bytes
_EXTENSIONS = {"xlsx": (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam"), "xls": (".xls", ".xla"),
               "xlsb": (".xlsb",), "ods": (".ods",)}


def _open_book(path: str, fmt: str):
    import python_calamine as pc
    if path.lower().endswith(_EXTENSIONS[fmt]):
        return pc.CalamineWorkbook.from_path(path)
    with open(path, "rb") as handle:
        return pc.CalamineWorkbook.from_filelike(handle)


def _read_with_calamine(path: str, fmt: str, archive, limits: Limits) -> list[Sheet]:
    import python_calamine as pc
    try:
        book = _open_book(path, fmt)
    except pc.PasswordError:
        raise ReadError("file-encrypted") from None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine raises several types, and a Rust panic is a BaseException
        raise ReadError("file-corrupt", _short(exc)) from None
    formulas = _formula_scanner(archive) if fmt == "xlsx" else None
    percents = _percent_scanner(archive) if fmt == "xlsx" else None
    sheets, cells = [], 0
    try:
        for meta in book.sheets_metadata:
            if "Work" not in str(meta.typ):
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                height, width = sheet.height, sheet.width
                if sheet.end is not None:            # the grid is padded from A1
                    height, width = sheet.end[0] + 1, sheet.end[1] + 1
                cells += height * width
                if height * width > limits.max_cells or cells > limits.max_cells:
                    raise ReadError("file-too-large", f"sheet '{meta.name}': {height} baris x {width} kolom")
                rows = sheet.to_python(skip_empty_area=False)
                merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            except ReadError:
                raise
            except (KeyboardInterrupt, SystemExit, MemoryError):
                raise
            except BaseException as exc:
                raise ReadError("file-corrupt", f"sheet '{meta.name}': {_short(exc)}") from None
            uncached, errors, sums = formulas(meta.name) if formulas else ({}, {}, {})
            sheets.append(Sheet(meta.name, rows, merged, uncached,
                                hidden=str(meta.visible).rsplit(".", 1)[-1] != "Visible",
                                percent=percents(meta.name) if percents else frozenset(),
                                errors=errors, sums=sums))
    finally:
        book.close()
    return sheets


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


# --- formulas without a cached value (OOXML) --------------------------------------------------
_TOKEN = re.compile(rb"<(/?)(?:\w+:)?(c|f|v|is)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_SUM = re.compile(rb"\s*SUM\(\s*\$?[A-Z]{1,3}\$?\d{1,7}\s*:\s*\$?[A-Z]{1,3}\$?\d{1,7}\s*\)\s*$", re.I)


def _unescape(text: bytes) -> str:
    import html
    return html.unescape(text.decode("utf-8", "replace"))


def _formula_scanner(archive: zipfile.ZipFile):
    """name -> ({(row0, col0): formula} for formula cells that hold no cached value,
    {(row0, col0): (formula, error)} for formulas whose cached value is an error like #REF!)."""
    parts = sheet_parts(archive)
    if not parts:
        return None

    def scan(sheet_name: str) -> tuple[dict, dict, dict]:
        part = parts.get(sheet_name)
        if not part:
            return {}, {}, {}
        try:
            with archive.open(part) as stream:          # pieces start at a '<': no tag is split
                if not any(b"<f" in piece or b":f" in piece or b't="e"' in piece
                           for piece in xml_segments(stream, part)):
                    return {}, {}, {}
            with archive.open(part) as stream:
                sums: dict = {}
                return (*_uncached_formulas(xml_segments(stream, part), sums), sums)
        except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error, ReadError):
            return {}, {}, {}

    return scan


def _text_after(data: bytes, start: int) -> bytes:
    end = data.find(b"<", start)
    return data[start:end if end >= 0 else len(data)]


def _uncached_formulas(segments, sums: dict | None = None) -> tuple[dict, dict]:
    """One linear pass over the cell tags: formula cells without a <v> value or inline text
    (`<v></v>` on a t="str" cell is a cached empty string, as Excel and LibreOffice save
    `=IF(…,"",…)`; openpyxl's `<v/>` is no value); cells whose value is an error (t="e": #REF!,
    #DIV/0! … of a formula, or an #N/A pasted as a value); cached `=SUM(H47:H49)` formulas go
    into `sums` when given.
    The pieces end before a '<', so the text after a tag is whole within its piece."""
    found, errors = {}, {}
    sums = {} if sums is None else sums
    cell = None                                     # [attrs, formula text or None, value text]
    for data in segments:
        for match in _TOKEN.finditer(data):
            closing, tag, attrs = match.groups()
            empty = attrs.endswith(b"/")
            if tag == b"c":
                if closing and cell is not None and (cell[1] is not None or b't="e"' in cell[0]):
                    _close_cell(cell, found, errors, sums)
                cell = None if closing or empty else [attrs, None, b""]
            elif cell is None or closing:
                continue
            elif tag == b"f":
                cell[1] = b"" if empty else _text_after(data, match.end())
            elif tag == b"v":
                text = b"" if empty else _text_after(data, match.end()).strip()
                if not text and not empty and b't="str"' in cell[0]:
                    text = b'""'            # the empty string a formula gave (Excel, LibreOffice)
                cell[2] = cell[2] or text
            else:                                   # <is>: inline text is a value
                cell[2] = b"inline"
    return found, errors


def _close_cell(cell, found: dict, errors: dict, sums: dict) -> None:
    attrs, formula, value = cell
    is_error = b't="e"' in attrs
    is_sum = bool(value) and not is_error and formula is not None and _SUM.match(formula)
    if (value and not is_error and not is_sum) or (formula is None and not value):
        return
    ref = _REF.search(attrs)
    if not ref:
        return
    col = 0
    for ch in ref.group(1):
        col = col * 26 + ch - 64
    key = (int(ref.group(2)) - 1, col - 1)
    text = ("=" + (_unescape(formula) if formula else "…")) if formula is not None else ""
    if is_sum:
        sums[key] = text                            # a parent's =SUM(H47:H49), with its value
    elif value:
        errors[key] = (text, _unescape(value))
    else:
        found[key] = text


# --- number cells formatted as a percentage (OOXML) -------------------------------------------
# "100%" typed into a General cell is stored by Excel as the number 1 with a percent format;
# calamine gives the 1. The styles say which cell formats are percentages (built-in 9 and 10,
# or a custom code with a '%' outside quotes), and the sheet XML which cells use them.
_NUMFMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)")
_XF_NUMFMT = re.compile(rb'numFmtId="(\d+)"')
_STYLED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})(\d{1,7})"([^>]*?)\bs="(\d+)"')
_PERCENT_BUILTIN = {b"9", b"10"}


def _percent_styles(archive: zipfile.ZipFile) -> set[bytes]:
    try:
        info = archive.getinfo("xl/styles.xml")
        if info.file_size > 16 * 2**20:            # absurd styles: do without the percentages
            return set()
        styles = archive.read(info)
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error):
        return set()
    percent_ids = set(_PERCENT_BUILTIN)
    for num_id, code in _NUMFMT.findall(styles):
        if b"%" in re.sub(rb"&quot;.*?&quot;|\\.", b"", code):
            percent_ids.add(num_id)
    block = _CELLXFS.search(styles)
    if not block:
        return set()
    found = set()
    for index, attrs in enumerate(_XF.findall(block.group(0))):
        num = _XF_NUMFMT.search(attrs)
        if num and num.group(1) in percent_ids:
            found.add(str(index).encode())
    return found


def _percent_scanner(archive: zipfile.ZipFile):
    """name -> frozenset of (row0, col0) whose cell format is a percentage."""
    styles = _percent_styles(archive)
    parts = sheet_parts(archive) if styles else {}
    if not parts:
        return None

    def scan(sheet_name: str) -> frozenset:
        part = parts.get(sheet_name)
        if not part:
            return frozenset()
        cells = set()
        try:
            with archive.open(part) as stream:
                for data in xml_segments(stream, part):
                    for letters, number, attrs, style in _STYLED_CELL.findall(data):
                        if style in styles and b't="s"' not in attrs and b't="str"' not in attrs:
                            col = 0
                            for ch in letters:
                                col = col * 26 + ch - 64
                            cells.add((int(number) - 1, col - 1))
        except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error, ReadError):
            return frozenset()
        return frozenset(cells)

    return scan
