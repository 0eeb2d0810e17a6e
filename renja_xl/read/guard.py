"""Refusing broken and hostile files before any parser inflates them.

`open_checked` tells the format by the bytes (`sniff`), then, without trusting anything the
file declares, checks what a parser would have to allocate:

* zip archives (.xlsx, .xlsm, .xlsb, .ods): entry count, declared sizes and compression ratio
  from the central directory (a zip bomb is refused without inflating it); an entry that
  inflates past its declared size stops at that size and is reported as damaged;
* the used area of every sheet, from a streaming scan of the sheet data (XML tags, BIFF or
  XLSB records) that holds one chunk in memory: python-calamine allocates rows x columns
  cells for a sheet before Python sees a single value, so a 10 kB file with one cell at
  XFD1048576 would otherwise take gigabytes or abort the process;
* OLE files (.xls, password-protected OOXML, Word 97): every sector followed is checked
  (`sniff.OleFile`), so a truncated .xls is refused here and never reaches the parser.
"""
from __future__ import annotations

import errno
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from operator import methodcaller

from .sniff import OleError, OleFile, sniff

__all__ = ["ReadError", "Limits", "open_checked", "sheet_parts", "xml_segments"]


class ReadError(Exception):
    """The file cannot be read; `rule` is the rule id to report."""

    def __init__(self, rule: str, detail: str = ""):
        super().__init__(detail or rule)
        self.rule = rule
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Limits:
    """Sizes real Renja workbooks never reach; raise them for genuinely huge files."""
    max_file_bytes: int = 200 * 2**20          # on disk
    max_unzipped_bytes: int = 1 * 2**30        # declared, all entries together
    max_ratio: float = 200.0                   # declared / compressed, for entries > 1 MiB
    max_entries: int = 10_000
    max_cells: int = 2_000_000                 # rows x columns from A1, one sheet and all together


_CHUNK = 1 << 20
_PART_CAP = 16 << 20           # bytes read of xl/workbook.xml and its .rels
_MAX_TEXT_RUN = 8 << 20        # bytes of XML without a tag: no cell holds that much
_SNIFF_RULES = {"empty": "file-zero-bytes", "html": "file-html", "pdf": "file-pdf",
                "word": "file-word", "other": "file-not-excel"}


def open_checked(path: str, limits: Limits) -> tuple[str, zipfile.ZipFile | None]:
    """The format ('xlsx', 'xlsb', 'ods' or 'xls') and, for zips, the open archive.

    Raises ReadError for anything that is not a workbook, or is damaged, encrypted or too big.
    """
    if not os.path.exists(path):
        raise ReadError("file-not-found")
    if not os.path.isfile(path):
        raise ReadError("file-unreadable", "bukan file biasa")
    size = os.path.getsize(path)
    if size > limits.max_file_bytes:
        raise ReadError("file-too-large", f"{size / 2**20:.0f} MiB di disk")
    kind, detail = sniff(path)              # an OSError here: the file cannot be opened at all
    try:
        if kind == "zip":
            archive = _open_zip(path, limits)
            try:
                return _check_zip(archive, limits), archive
            except BaseException:
                archive.close()
                raise
        if kind == "ole":
            _check_ole(path, limits)
            return "xls", None
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error, ValueError) as exc:
        raise ReadError("file-corrupt", _short(exc)) from None       # ValueError: OleError, bad names
    except NotImplementedError as exc:          # e.g. a zip method Python cannot inflate
        raise ReadError("file-corrupt", _short(exc)) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:           # a seek to an offset the damaged file invents
            raise ReadError("file-corrupt", _short(exc)) from None
        raise
    raise ReadError(_SNIFF_RULES[kind], detail)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


def _area(rows: int, cols: int) -> int:
    return max(rows, 0) * max(cols, 0)


def _check_areas(areas: list[tuple[str, int, int]], limits: Limits) -> None:
    """Refuse a sheet (or all sheets together) whose grid from A1 would be too big."""
    total = 0
    for name, rows, cols in areas:
        total += _area(rows, cols)
        if _area(rows, cols) > limits.max_cells:
            raise ReadError("file-too-large", f"sheet '{name}': {rows:,} baris x {cols:,} kolom"
                            .replace(",", "."))
    if total > limits.max_cells:
        raise ReadError("file-too-large", f"{len(areas)} sheet, {total:,} sel".replace(",", "."))


# --- zip ----------------------------------------------------------------------------------------
def _open_zip(path: str, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ReadError("file-corrupt", f"zip: {_short(exc)}") from None
    if len(infos) > limits.max_entries:
        archive.close()
        raise ReadError("file-too-large", f"{len(infos)} entri zip")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 2**20 and ratio > limits.max_ratio:
            archive.close()
            raise ReadError("file-too-large",
                            f"{info.filename}: {info.file_size / 2**20:.0f} MiB dari "
                            f"{info.compress_size / 2**10:.0f} KiB, rasio kompresi {ratio:.0f}x")
        if info.flag_bits & 1:
            archive.close()
            raise ReadError("file-encrypted", "zip dengan kata sandi")
    if total > limits.max_unzipped_bytes:
        archive.close()
        raise ReadError("file-too-large", f"{total / 2**20:.0f} MiB setelah diekstrak")
    return archive


def _check_zip(archive: zipfile.ZipFile, limits: Limits) -> str:
    names = {i.filename for i in archive.infolist()}
    _refuse_doctype(archive)
    if "xl/workbook.xml" in names:
        parts = sheet_parts(archive)
        labels = {part: name for name, part in parts.items()}
        todo = sorted(set(parts.values()) | {n for n in names if n.startswith("xl/worksheets/")
                                             and n.endswith(".xml")})
        areas = []
        for part in todo:
            if part in names:
                areas.append((labels.get(part, part), *_xlsx_extent(archive, part)))
        _check_areas(areas, limits)
        return "xlsx"
    if "xl/workbook.bin" in names:
        areas = []
        targets = set(_rel_targets(archive, "xl/_rels/workbook.bin.rels").values())
        for part in sorted(n for n in names if n.endswith(".bin") and (
                n in targets or n.startswith("xl/worksheets/"))):
            with archive.open(part) as stream:
                areas.append((part, *_xlsb_extent(stream)))
        _check_areas(areas, limits)
        return "xlsb"
    mimetype = _small(archive, "mimetype") if "mimetype" in names else ""
    if "opendocument.spreadsheet" in mimetype:
        if "content.xml" not in names:
            raise ReadError("file-corrupt", "ODS tanpa content.xml")
        with archive.open("content.xml") as stream:
            _check_areas(_ods_extents(stream), limits)
        return "ods"
    if "word/document.xml" in names:
        raise ReadError("file-word", "Word .docx")
    if "opendocument.text" in mimetype:
        raise ReadError("file-word", "OpenDocument .odt")
    if "ppt/presentation.xml" in names:
        raise ReadError("file-not-workbook", "presentasi PowerPoint")
    if not names:
        raise ReadError("file-not-workbook", "zip kosong")
    shown = ", ".join(sorted(names)[:3]) + (", …" if len(names) > 3 else "")
    raise ReadError("file-not-workbook", f"isi zip: {shown}")


def _small(archive: zipfile.ZipFile, name: str) -> str:
    with archive.open(name) as stream:
        return stream.read(200).decode("ascii", "replace")


def _refuse_doctype(archive: zipfile.ZipFile) -> None:
    """Excel never writes a DTD; one in a workbook part is an entity-expansion attack."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size:
            with archive.open(info) as stream:
                head = stream.read(2048)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError("file-corrupt", f"{info.filename}: XML berisi DOCTYPE/ENTITY, "
                                "tidak dibuat oleh Excel")


_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    match = re.search(rb"(?:^|\s)" + name + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", attrs)
    return None if match is None else (match.group(1) if match.group(1) is not None else match.group(2))


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    """An entry's first bytes: the workbook's list of sheets is never anywhere near that big."""
    try:
        with archive.open(name) as stream:
            return stream.read(_PART_CAP)
    except KeyError:
        return b""


def _rel_targets(archive: zipfile.ZipFile, rels: str) -> dict[bytes, str]:
    """Relationship id -> zip entry, from a .rels part of the xl/ folder."""
    targets = {}
    for attrs in _REL_TAG.findall(_head(archive, rels)):
        rid, target = _attr(attrs, b"Id"), _attr(attrs, b"Target")
        if rid is not None and target:
            target = target.decode("utf-8", "replace").lstrip("/")
            targets[rid] = target if target.startswith("xl/") else "xl/" + target
    return targets


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """OOXML sheet name -> zip entry of its sheet XML."""
    import html
    targets = _rel_targets(archive, "xl/_rels/workbook.xml.rels")
    parts = {}
    for attrs in _SHEET_TAG.findall(_head(archive, "xl/workbook.xml")):
        name, rid = _attr(attrs, b"name"), _attr(attrs, rb"r:id") or _attr(attrs, rb"\w+:id")
        target = targets.get(rid or b"")
        if name is not None and target:
            parts[html.unescape(name.decode("utf-8", "replace"))] = target
    return parts


# --- streaming scans of sheet data --------------------------------------------------------------
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


def _tags(stream, pattern: re.Pattern, part: str):
    """Matches of `pattern` (a tag regex) in an XML stream."""
    for segment in xml_segments(stream, part):
        yield from pattern.finditer(segment)


def _number(text: bytes) -> int:
    return int(text) if len(text) <= 9 else 10**9


def _column(letters: bytes) -> int:
    if len(letters) > 4:
        return 10**9
    col = 0
    for ch in letters.upper():
        col = col * 26 + ch - 64
    return col - 1


_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_ROW_REF = re.compile(rb"""\br\s*=\s*["'](\d+)""")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)""")
# the cells with a body (not only a style) as Excel writes them: <c r="B7" …>
_VALUED_REF = re.compile(rb'<c r="([^"]*)"[^>]*(?<!/)>')
_LETTERS, _DIGITS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"0123456789"


def _xlsx_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """(rows, columns) from A1 that hold the cells with a value or a body (not just a style)."""
    with archive.open(part) as stream:
        extent = _xlsx_extent_by_refs(stream, part)
    if extent is None:                      # some cell has no r="…": follow positions one by one
        with archive.open(part) as stream:
            extent = _xlsx_extent_by_position(stream, part)
    return extent


def _xlsx_extent_by_refs(stream, part: str) -> tuple[int, int] | None:
    """The fast way, when every cell tag opens with its reference (as Excel writes them);
    None when one does not."""
    max_row, max_col = 0, 0
    for segment in xml_segments(stream, part):
        if any(tag in segment for tag in (b"<c>", b"<c/", b":c ", b":c>")) \
                or segment.count(b"<c ") != segment.count(b'<c r="'):
            return None
        refs = _VALUED_REF.findall(segment)
        if not refs:
            continue
        letters = set(map(methodcaller("rstrip", _DIGITS), refs))
        if any(not 1 <= len(col) <= 3 or col.strip(_LETTERS) for col in letters):
            return None
        try:
            rows = max(map(int, map(methodcaller("lstrip", _LETTERS), refs)))
        except ValueError:
            return None
        max_row, max_col = max(max_row, rows), max(max_col, max(_column(col) + 1 for col in letters))
    return max_row, max_col


def _xlsx_extent_by_position(stream, part: str) -> tuple[int, int]:
    row, col, max_row, max_col = -1, -1, -1, -1
    for match in _tags(stream, _XLSX_TAG, part):
        name, attrs = match.group(1), match.group(2)
        if name == b"row":
            ref = _ROW_REF.search(attrs)
            row, col = (_number(ref.group(1)) - 1 if ref else row + 1), -1
            continue
        ref = _CELL_REF.search(attrs)
        if ref:
            col, row = _column(ref.group(1)), _number(ref.group(2)) - 1
        else:
            col += 1
        if not attrs.endswith(b"/"):        # <c …>…</c>: a value, a formula or inline text
            max_row, max_col = max(max_row, row), max(max_col, col)
    return max_row + 1, max_col + 1


_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell|p)"
                      rb"(?=[\s/>])([^>]*)>")
_ODS_NAME = re.compile(rb"""name\s*=\s*["']([^"']*)""")
_ODS_ROWS = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d+)""")
_ODS_COLS = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)""")


def _ods_extents(stream) -> list[tuple[str, int, int]]:
    """(sheet, rows, columns) for every table, repeated rows and cells counted as they expand."""
    sheets, name = [], "?"
    row = col = row_rep = max_row = max_col = 0
    cell: tuple[int, int] | None = None            # (first column, repeat) of an open cell
    for match in _tags(stream, _ODS_TAG, "content.xml"):
        closing, tag, attrs = match.group(1), match.group(2), match.group(3)
        empty = attrs.endswith(b"/")
        if tag == b"table":
            if closing:
                sheets.append((name, max_row, max_col))
            else:
                found = _ODS_NAME.search(attrs)
                name = found.group(1).decode("utf-8", "replace") if found else "?"
                row = max_row = max_col = 0
        elif tag == b"table-row":
            if closing:
                row += row_rep
            else:
                found = _ODS_ROWS.search(attrs)
                row_rep, col = (_number(found.group(1)) if found else 1), 0
                if empty:
                    row += row_rep
        elif tag in (b"table-cell", b"covered-table-cell"):
            if closing:
                cell = None
                continue
            found = _ODS_COLS.search(attrs)
            rep = _number(found.group(1)) if found else 1
            cell = None if empty else (col, rep)
            if b"value-type" in attrs:
                max_row, max_col = max(max_row, row + row_rep), max(max_col, col + rep)
            col += rep
        elif tag == b"p" and not closing and not empty and cell is not None:
            max_row, max_col = max(max_row, row + row_rep), max(max_col, cell[0] + cell[1])
    return sheets


_XLSB_ROW = 0x00
_XLSB_CELLS = range(0x02, 0x0C)        # BrtCellRk … BrtFmlaError, column first (blanks are skipped)


def _xlsb_extent(stream) -> tuple[int, int]:
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
def _check_ole(path: str, limits: Limits) -> None:
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
    encrypted, areas = _biff_extents(ole.read(stream))
    if encrypted:
        raise ReadError("file-encrypted")
    _check_areas(areas, limits)


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


def _biff_extents(data: bytes) -> tuple[bool, list[tuple[str, int, int]]]:
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
        for rtype, body in _biff_records(data, pos, f"sheet '{name}'"):
            if rtype in _BIFF_CELLS and len(body) >= 4:
                row, col = struct.unpack_from("<HH", body)
                if rtype == _BIFF_MULRK and len(body) >= 6:
                    col = max(col, struct.unpack_from("<H", body, len(body) - 2)[0])
                max_row, max_col = max(max_row, row), max(max_col, col)
            elif rtype == _BIFF_DIMENSIONS:
                _biff_dimensions(body, name)
        areas.append((name, max_row + 1, max_col + 1))
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
