"""The used area of the sheets of the other formats, read before any parser allocates it:
ODS (content.xml, repeated rows and cells counted as they expand), XLSB (BIFF12 records) and
.xls (BIFF5/8 records in an OLE file, whose every sector `sniff.OleFile` checks).
"""
from __future__ import annotations

import re
import struct

from .limits import Limits, ReadError, check_areas
from .sheetxml import number, tags
from .sniff import OleError, OleFile

__all__ = ["ods_extents", "xlsb_extent", "check_ole"]

_CHUNK = 1 << 20

_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell|p"
                      rb"|table-column)(?=[\s/>])([^>]*)>")
_ODS_COLLAPSED = re.compile(rb"""visibility\s*=\s*["'](?:collapse|filter)["']""")
_ODS_NAME = re.compile(rb"""name\s*=\s*["']([^"']*)""")
_ODS_ROWS = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d+)""")
_ODS_COLS = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)""")


def ods_extents(stream, hidden: dict | None = None) -> list[tuple[str, int, int]]:
    """(sheet, rows, columns) for every table, repeated rows and cells counted as they expand.
    `hidden` (when given) gets sheet -> (hidden columns, hidden rows), 0-based."""
    sheets, name = [], "?"
    row = col = row_rep = max_row = max_col = table_col = 0
    cell: tuple[int, int] | None = None            # (first column, repeat) of an open cell
    cols_hidden: set[int] = set()
    rows_hidden: set[int] = set()
    for match in tags(stream, _ODS_TAG, "content.xml"):
        closing, tag, attrs = match.group(1), match.group(2), match.group(3)
        empty = attrs.endswith(b"/")
        if tag == b"table":
            if closing:
                sheets.append((name, max_row, max_col))
                if hidden is not None and (cols_hidden or rows_hidden):
                    hidden[name] = (frozenset(cols_hidden), frozenset(rows_hidden))
            else:
                found = _ODS_NAME.search(attrs)
                name = found.group(1).decode("utf-8", "replace") if found else "?"
                row = max_row = max_col = table_col = 0
                cols_hidden, rows_hidden = set(), set()
        elif tag == b"table-column":
            if closing:
                continue
            found = _ODS_COLS.search(attrs)
            rep = number(found.group(1)) if found else 1
            if _ODS_COLLAPSED.search(attrs):
                cols_hidden.update(range(table_col, table_col + min(rep, 1024)))
            table_col += rep
        elif tag == b"table-row":
            if closing:
                row += row_rep
            else:
                found = _ODS_ROWS.search(attrs)
                row_rep, col = (number(found.group(1)) if found else 1), 0
                if _ODS_COLLAPSED.search(attrs):
                    rows_hidden.update(range(row, row + min(row_rep, 1024)))
                if empty:
                    row += row_rep
        elif tag in (b"table-cell", b"covered-table-cell"):
            if closing:
                cell = None
                continue
            found = _ODS_COLS.search(attrs)
            rep = number(found.group(1)) if found else 1
            cell = None if empty else (col, rep)
            if b"value-type" in attrs:
                max_row, max_col = max(max_row, row + row_rep), max(max_col, col + rep)
            col += rep
        elif tag == b"p" and not closing and not empty and cell is not None:
            max_row, max_col = max(max_row, row + row_rep), max(max_col, cell[0] + cell[1])
    return sheets


_XLSB_ROW = 0x00
_XLSB_CELLS = range(0x02, 0x0C)        # BrtCellRk … BrtFmlaError, column first (blanks are skipped)


def xlsb_extent(stream) -> tuple[int, int]:
    """(rows, columns) from the BIFF12 records of an .xlsb sheet part."""
    buf, pos = b"", 0
    row = max_row = max_col = -1

    def need(n: int) -> bool:
        nonlocal buf, pos
        while len(buf) - pos < n:
            chunk = stream.read(max(_CHUNK, n))
            if not chunk:
                return False
            buf, pos = buf[pos:] + chunk, 0
        return True

    def varint(width: int) -> int | None:
        nonlocal pos
        value = 0
        for i in range(width):
            if not need(1):
                return None
            byte = buf[pos]
            pos += 1
            value |= (byte & 0x7F) << (7 * i)
            if not byte & 0x80:
                break
        return value

    while True:
        rtype = varint(2)
        size = varint(4) if rtype is not None else None
        if size is None:
            break
        if rtype == _XLSB_ROW or rtype in _XLSB_CELLS:
            if not need(4):
                break
            index = struct.unpack_from("<I", buf, pos)[0]
            if rtype == _XLSB_ROW:
                row = index
            else:
                max_row, max_col = max(max_row, row), max(max_col, index)
        while size:                              # skip the record body in bounded steps
            if not need(1):
                break
            step = min(size, len(buf) - pos)
            pos, size = pos + step, size - step
    return max_row + 1, max_col + 1


# --- OLE: .xls, encrypted OOXML, Word 97 --------------------------------------------------------
def check_ole(path: str, limits: Limits) -> dict:
    """Refuse what is no readable .xls; sheet -> (hidden columns, hidden rows) otherwise."""
    ole = OleFile.from_path(path, limits.max_file_bytes)
    if ole.has("EncryptedPackage") or ole.has("EncryptionInfo"):
        raise ReadError("file-encrypted")
    if ole.has("WordDocument"):
        raise ReadError("file-word", "Word 97-2003 .doc")
    if ole.has("PowerPoint Document"):
        raise ReadError("file-not-excel", "presentasi PowerPoint 97-2003")
    stream = "Workbook" if ole.has("Workbook") else "Book" if ole.has("Book") else None
    if stream is None:
        shown = ", ".join(sorted(ole.names)[:3]) or "kosong"
        raise ReadError("file-not-excel", f"dokumen OLE bukan Excel (isi: {shown})")
    hidden: dict = {}
    encrypted, areas = _biff_extents(ole.read(stream), hidden)
    if encrypted:
        raise ReadError("file-encrypted")
    check_areas(areas, limits)
    return hidden


_BIFF_EOF, _BIFF_FILEPASS, _BIFF_BOUNDSHEET, _BIFF_SST = 0x000A, 0x002F, 0x0085, 0x00FC
_BIFF_DIMENSIONS, _BIFF_MULRK, _BIFF_MERGE = 0x0200, 0x00BD, 0x00E5
_BIFF_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
# records the parser indexes without checking their length: BOUNDSHEET, EXTERNSHEET, NAME, CODEPAGE
_BIFF_MIN_SIZE = {0x0085: 8, 0x0017: 2, 0x0018: 14, 0x0042: 2}
# FORMULA, LABELSST, NUMBER, LABEL, BOOLERR, RK, RSTRING, MULRK: row and column first
_BIFF_CELLS = {0x0006, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6, _BIFF_MULRK}


def _biff_records(data: bytes, pos: int, where: str):
    """(type, body) from `pos` up to and including the first EOF record, as the parser reads.

    The substream must open with a BOF record, and the records the parser indexes blindly
    must be as long as they say: damage there would make it panic."""
    first = True
    while pos + 4 <= len(data):
        rtype, size = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4:pos + 4 + size]
        if (first and rtype not in _BIFF_BOF) or not _biff_sane(rtype, body):
            raise OleError(f"{where}: record {rtype:#06x} rusak")
        first = False
        yield rtype, body
        pos += 4 + size
        if rtype == _BIFF_EOF:
            return


def _biff_sane(rtype: int, body: bytes) -> bool:
    if len(body) < _BIFF_MIN_SIZE.get(rtype, 4 if rtype in _BIFF_BOF else 0):
        return False
    if rtype == _BIFF_MERGE:
        return len(body) >= 2 + 8 * struct.unpack_from("<H", body)[0]
    if rtype == 0x0018:                                            # NAME: formula length
        return struct.unpack_from("<H", body, 4)[0] <= len(body)
    return True


_BIFF_COLINFO, _BIFF_ROW = 0x007D, 0x0208


def _biff_extents(data: bytes, hidden: dict | None = None) -> tuple[bool, list[tuple[str, int, int]]]:
    """(encrypted, [(sheet, rows, columns)]) from a BIFF5/8 workbook stream.

    Read like python-calamine reads it: the globals up to their EOF, then each sheet from
    the offset its BOUNDSHEET record gives up to the next EOF. Records that would make the
    parser reserve or index absurd amounts (a DIMENSIONS beyond the BIFF grid, an SST count
    larger than the stream, a sheet offset past the end) are refused as damage.
    """
    sheets, encrypted = [], False
    for rtype, body in _biff_records(data, 0, "Workbook"):
        if rtype == _BIFF_FILEPASS:
            encrypted = True
        elif rtype == _BIFF_BOUNDSHEET and len(body) >= 6:
            sheets.append((struct.unpack_from("<I", body)[0], _biff_name(body[6:])))
        elif rtype == _BIFF_SST and len(body) >= 8:
            count = struct.unpack_from("<i", body, 4)[0]
            if not 0 <= count <= len(data):
                raise OleError(f"tabel teks (SST) tidak sah: {count} entri")
    if encrypted:
        return True, []
    areas = []
    for pos, name in sheets:
        if pos >= len(data):
            raise OleError(f"sheet '{name}' berada di luar stream Workbook")
        max_row = max_col = -1
        cols_hidden, rows_hidden = set(), set()
        for rtype, body in _biff_records(data, pos, f"sheet '{name}'"):
            if rtype == _BIFF_COLINFO and len(body) >= 10:           # fHidden
                first, last, _, _, flags = struct.unpack_from("<HHHHH", body)
                if flags & 1 and first <= last:
                    cols_hidden.update(range(first, min(last, 255) + 1))
            elif rtype == _BIFF_ROW and len(body) >= 16:             # fDyZero
                if struct.unpack_from("<H", body, 12)[0] & 0x20:
                    rows_hidden.add(struct.unpack_from("<H", body)[0])
            if rtype in _BIFF_CELLS and len(body) >= 4:
                row, col = struct.unpack_from("<HH", body)
                if rtype == _BIFF_MULRK and len(body) >= 6:
                    col = max(col, struct.unpack_from("<H", body, len(body) - 2)[0])
                max_row, max_col = max(max_row, row), max(max_col, col)
            elif rtype == _BIFF_DIMENSIONS:
                _biff_dimensions(body, name)
        areas.append((name, max_row + 1, max_col + 1))
        if hidden is not None and (cols_hidden or rows_hidden):
            hidden[name] = (frozenset(cols_hidden), frozenset(rows_hidden))
    return False, areas


def _biff_dimensions(body: bytes, name: str) -> None:
    """A DIMENSIONS record the parser would reserve memory for: within the BIFF8 grid."""
    if len(body) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    elif len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
    else:
        raise OleError(f"sheet '{name}': record DIMENSIONS tidak sah")
    if last_row > 65536 or last_col > 256 or (last_row and first_row > last_row) \
            or (last_col and first_col > last_col):
        raise OleError(f"sheet '{name}': ukuran sheet yang dinyatakan tidak sah")


def _biff_name(raw: bytes) -> str:
    if len(raw) < 2:
        return "?"
    count, flags = raw[0], raw[1]
    if flags in (0, 1) and len(raw) >= 2 + count * (2 if flags else 1):
        return (raw[2:2 + 2 * count].decode("utf-16-le", "replace") if flags
                else raw[2:2 + count].decode("latin-1"))
    return raw[1:1 + count].decode("latin-1", "replace")          # BIFF5: no flags byte
