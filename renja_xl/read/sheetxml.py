"""One pass over the XML of an OOXML sheet, before any parser sees it.

The sheet's zip entry is inflated once, one chunk in memory at a time, and each piece serves
three purposes at once:

* the used area (rows x columns from A1 of the cells with a value or a body, not just a
  style): python-calamine allocates that grid before Python sees one value, so a 10 kB file
  with one cell at XFD1048576 would otherwise take gigabytes or abort the process;
* formula cells without a cached value (calamine would read them as empty) and formula cells
  whose cached value is an error such as #REF!;
* number cells whose format is a percentage ("100%" typed into a cell is stored as 1).

The area is read from the cell references with vectorised byte comparisons (numpy) when every
cell tag starts `<c r="…"` as Excel, LibreOffice and xlsxwriter write them; any other sheet is
followed tag by tag in a second pass.
"""
from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field

from .limits import Limits, ReadError, area

__all__ = ["SheetScan", "scan_sheet", "xml_segments", "tags", "number", "column_number"]

_CHUNK = 1 << 20
_MAX_TEXT_RUN = 8 << 20        # bytes of XML without a tag: no cell holds that much


@dataclass(slots=True)
class SheetScan:
    rows: int = 0                                                          # used area from A1
    cols: int = 0
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)     # (r, c) -> formula
    errors: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # -> (formula, "#REF!")
    percent: frozenset = frozenset()                                       # (r, c) shown as %
    sums: dict[tuple[int, int], str] = field(default_factory=dict)   # (r, c) -> "=SUM(H47:H49)" (cached)
    hidden_cols: frozenset = frozenset()                                   # 0-based columns hidden
    hidden_rows: frozenset = frozenset()                                   # 0-based rows hidden


def scan_sheet(archive: zipfile.ZipFile, part: str, label: str, percent_styles: frozenset,
               limits: Limits) -> SheetScan:
    """The scan of one sheet part; ReadError when its area passes the limit."""
    with archive.open(part) as stream:
        scan = _scan(xml_segments(stream, part), label, percent_styles, limits, by_refs=True)
    if scan is None:                 # some cell tag is not `<c r="…"`: follow positions instead
        with archive.open(part) as stream:
            scan = _scan(xml_segments(stream, part), label, percent_styles, limits, by_refs=False)
    return scan


def _scan(segments, label: str, styles: frozenset, limits: Limits, by_refs: bool):
    scan, cells = SheetScan(), set()
    formulas = None                  # started at the first formula tag, with the piece before it
    position = None if by_refs else _Position()
    previous = b""
    hidden_cols: set[int] = set()
    hidden_rows: set[int] = set()
    for segment in segments:
        if by_refs:
            found = _extent_by_refs(segment)
            if found is None:
                return None
            rows, cols, has_formula = found
        else:
            rows, cols = position.feed(segment)
            has_formula = b"<f" in segment or b":f" in segment
        scan.rows, scan.cols = max(scan.rows, rows), max(scan.cols, cols)
        if area(scan.rows, scan.cols) > limits.max_cells:      # stop inflating right here
            raise ReadError("file-too-large", f"sheet '{label}': {scan.rows:,} baris x "
                            f"{scan.cols:,} kolom".replace(",", "."))
        if formulas is None and (has_formula or b't="e"' in segment):
            formulas = _Formulas()
            formulas.feed(previous)
        if formulas is not None:
            formulas.feed(segment)
        if styles:
            _percent_cells(segment, styles, cells)
        if b"hidden" in segment:
            _hidden(segment, hidden_cols, hidden_rows, scan.cols)
        previous = segment
    if formulas is not None:
        scan.uncached, scan.errors, scan.sums = formulas.found, formulas.errors, formulas.sums
    scan.percent = frozenset(cells)
    scan.hidden_cols, scan.hidden_rows = frozenset(hidden_cols), frozenset(hidden_rows)
    return scan


# --- pieces of XML ------------------------------------------------------------------------------
def xml_segments(stream, part: str):
    """An XML stream as pieces that end before a '<', one chunk in memory at a time, so no tag
    is cut in two. A run of text with no tag longer than any cell could hold is refused."""
    tail, run = b"", 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        buf = tail + chunk
        cut = buf.rfind(b"<")
        run = run + len(chunk) if cut < len(tail) else len(buf) - cut
        if run > _MAX_TEXT_RUN:
            raise ReadError("file-too-large", f"{part}: {run / 2**20:.0f} MiB teks XML tanpa tag")
        if cut < 0:
            cut = len(buf)
        yield buf[:cut]
        tail = buf[cut:]
    yield tail


def tags(stream, pattern: re.Pattern, part: str):
    """Matches of `pattern` (a tag regex) in an XML stream."""
    for segment in xml_segments(stream, part):
        yield from pattern.finditer(segment)


def number(text: bytes) -> int:
    return int(text) if len(text) <= 9 else 10**9


def column_number(letters: bytes) -> int:
    """'A' -> 0, 'AB' -> 27; absurd letters give an absurd column."""
    if len(letters) > 4:
        return 10**9
    col = 0
    for ch in letters.upper():
        col = col * 26 + ch - 64
    return col - 1


# --- the used area, from the references (vectorised) ----------------------------------------
_np = _TAG_END = _UPPER = _DIGIT = None
_PAD = b"\0" * 31 + b">"        # room to look ahead past the last tag; a '>' ends a cut tag
_NAMESPACED_C = re.compile(rb":c[\s/>]")


def _tables():
    global _np, _TAG_END, _UPPER, _DIGIT
    import numpy as np
    _TAG_END, _UPPER, _DIGIT = (np.zeros(256, bool) for _ in range(3))
    _TAG_END[list(b" /> \t\r\n")] = True
    _UPPER[65:91] = True
    _DIGIT[48:58] = True
    _np = np
    return np


def _extent_by_refs(segment: bytes) -> tuple[int, int, bool] | None:
    """(rows, columns, a formula tag seen) of the cells with a body in a piece of sheet XML,
    when every cell tag opens `<c r="` with 1-3 letters and 1-7 digits; None otherwise."""
    np = _np or _tables()
    if _NAMESPACED_C.search(segment):
        return None
    a = np.frombuffer(segment + _PAD, np.uint8)
    lt = np.flatnonzero(a == 60)                                   # every '<'
    after = a[lt + 1]
    has_formula = bool((after == 102).any())                       # '<f'
    c = lt[after == 99]
    c = c[_TAG_END[a[c + 2]]]                                      # '<c' tags only
    if not len(c):
        return 0, 0, has_formula
    if not ((a[c + 2] == 32) & (a[c + 3] == 114) & (a[c + 4] == 61) & (a[c + 5] == 34)).all():
        return None                                                # not `<c r="`
    p = c + 6
    l0, l1, l2 = a[p], a[p + 1], a[p + 2]
    two = _UPPER[l1]
    three = two & _UPPER[l2]
    if not _UPPER[l0].all() or (three & _UPPER[a[p + 3]]).any():
        return None
    col = l0.astype(np.int64) - 64
    col = np.where(two, col * 26 + l1 - 64, col)
    col = np.where(three, col * 26 + l2 - 64, col)
    q = p + 1 + two + three                                        # first digit
    row = np.zeros(len(q), np.int64)
    alive = np.ones(len(q), bool)
    for k in range(8):
        d = a[q + k]
        digit = _DIGIT[d] & alive
        if k == 0 and not digit.all():
            return None
        if (d[alive & ~digit] != 34).any():                       # digits end at the '"'
            return None
        row = np.where(digit, row * 10 + d - 48, row)
        alive = digit
        if not alive.any():
            break
    else:
        return None                                                # 8 digits or more
    gt = np.flatnonzero(a == 62)
    valued = a[gt[np.searchsorted(gt, q)] - 1] != 47               # not `<c … />`
    if not valued.any():
        return 0, 0, has_formula
    return int(row[valued].max()), int(col[valued].max()), has_formula


# --- the used area, tag by tag (cells without a reference) -----------------------------------
_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_ROW_REF = re.compile(rb"""\br\s*=\s*["'](\d+)""")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)""")


class _Position:
    """Follows the row and column of every cell tag, as a parser places cells without `r`."""

    def __init__(self):
        self.row = self.col = self.max_row = self.max_col = -1

    def feed(self, segment: bytes) -> tuple[int, int]:
        for match in _XLSX_TAG.finditer(segment):
            name, attrs = match.group(1), match.group(2)
            if name == b"row":
                ref = _ROW_REF.search(attrs)
                self.row, self.col = (number(ref.group(1)) - 1 if ref else self.row + 1), -1
                continue
            ref = _CELL_REF.search(attrs)
            if ref:
                self.col, self.row = column_number(ref.group(1)), number(ref.group(2)) - 1
            else:
                self.col += 1
            if not attrs.endswith(b"/"):        # <c …>…</c>: a value, a formula or inline text
                self.max_row, self.max_col = max(self.max_row, self.row), max(self.max_col, self.col)
        return self.max_row + 1, self.max_col + 1


# --- formulas without a cached value, formulas with an error value -------------------------
_TOKEN = re.compile(rb"<(/?)(?:\w+:)?(c|f|v|is)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')


_SUM = re.compile(rb"\s*SUM\(\s*\$?[A-Z]{1,3}\$?\d{1,7}\s*:\s*\$?[A-Z]{1,3}\$?\d{1,7}\s*\)\s*$", re.I)


class _Formulas:
    """One linear pass over the cell tags: formula cells without a <v> value or inline text
    (`<v></v>` on a t="str" cell is a cached empty string, as Excel and LibreOffice save
    `=IF(…,"",…)`; openpyxl's `<v/>` is no value); cells whose value is an error (t="e": #REF!,
    #DIV/0! … of a formula, or an #N/A pasted as a value); cached `=SUM(H47:H49)` formulas go
    into `sums`. The pieces end before a '<', so the text after a tag is whole within its
    piece."""

    def __init__(self):
        self.found: dict = {}
        self.errors: dict = {}
        self.sums: dict = {}
        self.cell = None                            # [attrs, formula text or None, value text]

    def feed(self, data: bytes) -> None:
        for match in _TOKEN.finditer(data):
            closing, tag, attrs = match.groups()
            cell = self.cell
            if tag == b"c":
                if closing and cell is not None and (cell[1] is not None or b't="e"' in cell[0]):
                    self._close(cell)
                self.cell = None if closing or attrs.endswith(b"/") else [attrs, None, b""]
            elif cell is None or closing:
                continue
            elif tag == b"f":
                cell[1] = b"" if attrs.endswith(b"/") else _text_after(data, match.end())
            elif tag == b"v":
                empty = attrs.endswith(b"/")
                text = b"" if empty else _text_after(data, match.end()).strip()
                if not text and not empty and b't="str"' in cell[0]:
                    text = b'""'            # the empty string a formula gave (Excel, LibreOffice)
                cell[2] = cell[2] or text
            else:                                   # <is>: inline text is a value
                cell[2] = b"inline"

    def _close(self, cell) -> None:
        attrs, formula, value = cell
        is_error = b't="e"' in attrs
        is_sum = bool(value) and not is_error and formula is not None and _SUM.match(formula)
        if (value and not is_error and not is_sum) or (formula is None and not value):
            return
        ref = _REF.search(attrs)
        if not ref:
            return
        key = (int(ref.group(2)) - 1, column_number(ref.group(1)))
        text = ("=" + (_unescape(formula) if formula else "…")) if formula is not None else ""
        if is_sum:
            self.sums[key] = text                   # a parent's =SUM(H47:H49), with its value
        elif value:
            self.errors[key] = (text, _unescape(value))
        else:
            self.found[key] = text


def _text_after(data: bytes, start: int) -> bytes:
    end = data.find(b"<", start)
    return data[start:end if end >= 0 else len(data)]


def _unescape(text: bytes) -> str:
    return html.unescape(text.decode("utf-8", "replace"))


# --- number cells formatted as a percentage -------------------------------------------------
_STYLED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})(\d{1,7})"([^>]*?)\bs="(\d+)"')


def _percent_cells(segment: bytes, styles: frozenset, cells: set) -> None:
    for letters, digits, attrs, style in _STYLED_CELL.findall(segment):
        if style in styles and b't="s"' not in attrs and b't="str"' not in attrs:
            cells.add((int(digits) - 1, column_number(letters)))


# --- hidden columns and rows (last year's figures, a scratch column) ---------------------------
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_MIN_MAX = re.compile(rb"""\b(min|max)\s*=\s*["'](\d{1,5})["']""")
_MAX_HIDDEN_COLS = 16384


def _hidden(segment: bytes, cols: set, rows: set, width: int) -> None:
    """The columns (`<col min max hidden="1">`) and rows (`<row r hidden="1">`) hidden in a
    piece of sheet XML; a hidden range past the used area stops at it (no huge sets)."""
    for match in _COL_TAG.finditer(segment):
        attrs = match.group(1)
        if not _HIDDEN.search(attrs):
            continue
        bounds = dict(_MIN_MAX.findall(attrs))
        lo = int(bounds.get(b"min", b"0")) - 1
        hi = min(int(bounds.get(b"max", bounds.get(b"min", b"0"))), _MAX_HIDDEN_COLS, lo + 1 + 1024)
        cols.update(range(max(lo, 0), hi))
    for match in _ROW_TAG.finditer(segment):
        attrs = match.group(1)
        if _HIDDEN.search(attrs):
            ref = _ROW_REF.search(attrs)
            if ref:
                rows.add(number(ref.group(1)) - 1)
