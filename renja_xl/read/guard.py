"""Refusing broken and hostile files before any parser inflates them.

`open_checked` tells the format by the bytes (`sniff`), then, without trusting anything the
file declares, checks what a parser would have to allocate:

* zip archives (.xlsx, .xlsm, .xlsb, .ods): entry count, declared sizes and compression ratio
  from the central directory (a zip bomb is refused without inflating it); an entry that
  inflates past its declared size stops at that size and is reported as damaged;
* the used area of every sheet, from a streaming scan of the sheet data that holds one chunk
  in memory (`sheetxml` for OOXML, `extents` for ODS, XLSB and BIFF): python-calamine
  allocates rows x columns cells for a sheet before Python sees a single value, so a 10 kB
  file with one cell at XFD1048576 would otherwise take gigabytes or abort the process. The
  OOXML scan is the only time Python inflates a sheet: it also finds the formulas without a
  cached value and the percent-formatted cells, which the reader needs;
* OLE files (.xls, password-protected OOXML, Word 97): every sector followed is checked
  (`sniff.OleFile`), so a truncated .xls is refused here and never reaches the parser.
"""
from __future__ import annotations

import errno
import os
import struct
import zipfile
import zlib
from typing import NamedTuple

from .extents import check_ole, ods_extents, xlsb_extent
from .limits import Limits, ReadError, check_areas, short
from .parts import percent_styles, rel_targets, sheet_parts
from .sheetxml import SheetScan, scan_sheet
from .sniff import sniff

__all__ = ["ReadError", "Limits", "Checked", "open_checked"]

_SNIFF_RULES = {"empty": "file-zero-bytes", "html": "file-html", "pdf": "file-pdf",
                "word": "file-word", "other": "file-not-excel"}


class Checked(NamedTuple):
    fmt: str                               # 'xlsx', 'xlsb', 'ods' or 'xls'
    scans: dict[str, SheetScan]            # OOXML: sheet name -> what its one scan found


def open_checked(path: str, limits: Limits) -> Checked:
    """The format and, for OOXML, what the scan of each sheet found.

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
            with _open_zip(path, limits) as archive:
                return _check_zip(archive, limits)
        if kind == "ole":
            hidden = check_ole(path, limits)
            return Checked("xls", {name: SheetScan(hidden_cols=cols, hidden_rows=rows)
                                   for name, (cols, rows) in hidden.items()})
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error, ValueError) as exc:
        raise ReadError("file-corrupt", short(exc)) from None       # ValueError: OleError, bad names
    except NotImplementedError as exc:          # e.g. a zip method Python cannot inflate
        raise ReadError("file-corrupt", short(exc)) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:           # a seek to an offset the damaged file invents
            raise ReadError("file-corrupt", short(exc)) from None
        raise
    raise ReadError(_SNIFF_RULES[kind], detail)


# --- zip ----------------------------------------------------------------------------------------
def _open_zip(path: str, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ReadError("file-corrupt", f"zip: {short(exc)}") from None
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


def _check_zip(archive: zipfile.ZipFile, limits: Limits) -> Checked:
    names = {i.filename for i in archive.infolist()}
    _refuse_doctype(archive)
    if "xl/workbook.xml" in names:
        return Checked("xlsx", _scan_xlsx(archive, names, limits))
    if "xl/workbook.bin" in names:
        areas = []
        targets = set(rel_targets(archive, "xl/_rels/workbook.bin.rels").values())
        for part in sorted(n for n in names if n.endswith(".bin") and (
                n in targets or n.startswith("xl/worksheets/"))):
            with archive.open(part) as stream:
                areas.append((part, *xlsb_extent(stream)))
        check_areas(areas, limits)
        return Checked("xlsb", {})
    mimetype = _small(archive, "mimetype") if "mimetype" in names else ""
    if "opendocument.spreadsheet" in mimetype:
        if "content.xml" not in names:
            raise ReadError("file-corrupt", "ODS tanpa content.xml")
        hidden: dict = {}
        with archive.open("content.xml") as stream:
            check_areas(ods_extents(stream, hidden), limits)
        return Checked("ods", {name: SheetScan(hidden_cols=cols, hidden_rows=rows)
                               for name, (cols, rows) in hidden.items()})
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


def _scan_xlsx(archive: zipfile.ZipFile, names: set[str], limits: Limits) -> dict[str, SheetScan]:
    """Every sheet part inflated once: its area checked, its formulas and percentages kept."""
    parts = sheet_parts(archive)
    labels = {part: name for name, part in parts.items()}
    todo = sorted(set(parts.values()) | {n for n in names if n.startswith("xl/worksheets/")
                                         and n.endswith(".xml")})
    styles = percent_styles(archive)
    found, areas = {}, []
    for part in todo:
        if part in names:
            scan = scan_sheet(archive, part, labels.get(part, part), styles, limits)
            found[part] = scan
            areas.append((labels.get(part, part), scan.rows, scan.cols))
    check_areas(areas, limits)
    return {name: found[part] for name, part in parts.items() if part in found}
