"""Opening a submitted workbook safely and turning its sheets into plain grids.

`guard.open_checked` first tells the format by the bytes and refuses, before any parser
allocates anything, files that are not workbooks, damaged, encrypted, zip bombs or sheets
whose grid would be absurd (see guard.py). Sheets are then read with python-calamine (cached
values of formulas, merged ranges) into grids padded from A1. For OOXML files the guard's one
pass over each sheet's XML also found the formulas that have no cached value (calamine would
silently read them as empty), formula errors and percent-formatted cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .guard import open_checked
from .limits import Limits, ReadError, short
from .quiet import quiet_stderr
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
    hidden_cols: frozenset = frozenset()   # 0-based columns hidden in Excel (xlsx/xlsm only)
    hidden_rows: frozenset = frozenset()   # 0-based rows hidden in Excel (xlsx/xlsm only)

    @property
    def height(self) -> int:
        return len(self.rows)


def load_sheets(path: str, limits: Limits = Limits()) -> list[Sheet]:
    """All sheets of a workbook as grids. Raises ReadError for anything unreadable."""
    try:
        fmt, scans = open_checked(path, limits)
    except OSError as exc:
        raise ReadError("file-unreadable", exc.strerror or str(exc)) from None
    with quiet_stderr():              # a Rust panic's text must not reach the terminal
        return _read_with_calamine(path, fmt, scans, limits)


# python-calamine picks its reader by the extension; a misnamed file is handed over as bytes
_EXTENSIONS = {"xlsx": (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam"), "xls": (".xls", ".xla"),
               "xlsb": (".xlsb",), "ods": (".ods",)}


def _open_book(path: str, fmt: str):
    import python_calamine as pc
    if path.lower().endswith(_EXTENSIONS[fmt]):
        return pc.CalamineWorkbook.from_path(path)
    with open(path, "rb") as handle:
        return pc.CalamineWorkbook.from_filelike(handle)


def _read_with_calamine(path: str, fmt: str, scans: dict, limits: Limits) -> list[Sheet]:
    import python_calamine as pc
    try:
        book = _open_book(path, fmt)
    except pc.PasswordError:
        raise ReadError("file-encrypted") from None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine raises several types, and a Rust panic is a BaseException
        raise ReadError("file-corrupt", short(exc)) from None
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
                rows = _rows(sheet, height, width)
                merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
                del sheet                            # calamine's own copy of the cells
            except ReadError:
                raise
            except (KeyboardInterrupt, SystemExit, MemoryError):
                raise
            except BaseException as exc:
                raise ReadError("file-corrupt", f"sheet '{meta.name}': {short(exc)}") from None
            scan = scans.get(meta.name)
            sheets.append(Sheet(meta.name, rows, merged, {} if scan is None else scan.uncached,
                                hidden=str(meta.visible).rsplit(".", 1)[-1] != "Visible",
                                percent=frozenset() if scan is None else scan.percent,
                                errors={} if scan is None else scan.errors,
                                sums={} if scan is None else scan.sums,
                                hidden_cols=frozenset() if scan is None else scan.hidden_cols,
                                hidden_rows=frozenset() if scan is None else scan.hidden_rows))
    finally:
        book.close()
    return sheets


def _rows(sheet, height: int, width: int) -> list[list]:
    """The cells as `to_python(skip_empty_area=False)` gives them (padded from A1, `""` for
    empty), read one row at a time and kept compact: equal texts share one string object
    (codes, units, lokasi, sumber dana repeat on every row) and blank rows share one list
    (a sheet with a far-away cell is mostly blank rows). Nothing mutates a grid's rows."""
    if sheet.end is None:
        return []
    blank = [""] * width
    rows: list[list] = []
    texts: dict[str, str] = {}
    same = texts.setdefault
    for row in sheet.iter_rows():          # python-calamine pads rows from row 1, not column A
        if row.count("") == len(row):
            rows.append(blank)
            continue
        row = [same(v, v) if type(v) is str else v for v in row]
        rows.append(row if len(row) == width else blank[len(row):] + row)
    return [blank] * (height - len(rows)) + rows if len(rows) < height else rows
