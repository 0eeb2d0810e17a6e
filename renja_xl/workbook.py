"""Opening a submitted workbook safely and turning its sheets into plain grids.

Formats are told by their bytes, not their name. Zip archives are inspected (entry count,
declared sizes, compression ratio) before anything is inflated, so a zip bomb is refused
without the memory. Sheets are read with python-calamine (cached values of formulas, merged
ranges); for OOXML files the sheet XML is scanned for formulas that have no cached value,
which calamine would silently read as empty.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field

__all__ = ["ReadError", "Limits", "Sheet", "sniff", "load_sheets"]


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
    max_cells: int = 30_000_000                # rows x columns of one sheet's used area


@dataclass(slots=True)
class Sheet:
    name: str
    rows: list[list]                                    # padded from A1; "" for empty
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)     # (r, c) -> formula
    hidden: bool = False

    @property
    def height(self) -> int:
        return len(self.rows)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def sniff(path: str) -> str:
    """'ooxml', 'ods', 'ole' (xls or an encrypted OOXML), 'empty' or 'unknown'."""
    with open(path, "rb") as handle:
        head = handle.read(512)
    if not head:
        return "empty"
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            return "ods"
        return "ooxml"
    if head.startswith(OLE_MAGIC):
        return "ole"
    return "unknown"


def _describe_unknown(path: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return "PDF"
    if head[:5].lower() in (b"<?xml", b"<html", b"<!doc"):
        return "XML/HTML"
    if head.startswith(b"{\\rtf"):
        return "RTF"
    ext = os.path.splitext(path)[1].lower() or "tanpa ekstensi"
    return f"isi file tidak dikenal, ekstensi {ext}"


def _inspect_zip(path: str, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError("file-corrupt", f"zip: {exc}") from None
    except (OSError, EOFError, ValueError) as exc:
        raise ReadError("file-corrupt", f"zip: {exc}") from None
    if len(infos) > limits.max_entries:
        raise ReadError("file-too-large", f"{len(infos)} entri zip")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 2**20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ReadError("file-too-large",
                            f"{info.filename}: rasio kompresi {info.file_size // max(info.compress_size, 1)}x")
    if total > limits.max_unzipped_bytes:
        raise ReadError("file-too-large", f"{total // 2**20} MiB setelah diekstrak")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        if "word/document.xml" in names:
            raise ReadError("file-not-workbook", "dokumen Word")
        if "ppt/presentation.xml" in names:
            raise ReadError("file-not-workbook", "presentasi PowerPoint")
        raise ReadError("file-not-workbook", "tidak ada xl/workbook.xml")
    return archive


def _check_ole(path: str) -> None:
    """An OLE file is an .xls, or an OOXML workbook encrypted with a password."""
    with open(path, "rb") as handle:
        data = handle.read(min(os.path.getsize(path), 4 * 2**20))
    if "EncryptedPackage".encode("utf-16-le") in data or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
        raise ReadError("file-encrypted")
    if b"Workbook" not in data.replace(b"\x00", b"") and b"Book" not in data.replace(b"\x00", b""):
        raise ReadError("file-not-excel", "dokumen OLE bukan Excel (mungkin Word 97)")


def load_sheets(path: str, limits: Limits = Limits()) -> list[Sheet]:
    """All sheets of a workbook as grids. Raises ReadError for anything unreadable."""
    if not os.path.exists(path):
        raise ReadError("file-not-found")
    if not os.path.isfile(path):
        raise ReadError("file-unreadable", "bukan file biasa")
    size = os.path.getsize(path)
    if size > limits.max_file_bytes:
        raise ReadError("file-too-large", f"{size // 2**20} MiB")
    try:
        kind = sniff(path)
    except OSError as exc:
        raise ReadError("file-unreadable", exc.strerror or str(exc)) from None
    if kind == "empty":
        raise ReadError("file-corrupt", "0 byte")
    if kind == "unknown":
        raise ReadError("file-not-excel", _describe_unknown(path))
    archive = None
    if kind == "ooxml":
        archive = _inspect_zip(path, limits)
    elif kind == "ole":
        _check_ole(path)
    try:
        return _read_with_calamine(path, archive, limits)
    finally:
        if archive is not None:
            archive.close()


def _read_with_calamine(path: str, archive, limits: Limits) -> list[Sheet]:
    import python_calamine as pc
    try:
        book = pc.CalamineWorkbook.from_path(path)
    except pc.PasswordError:
        raise ReadError("file-encrypted") from None
    except Exception as exc:  # calamine raises several types for broken files
        raise ReadError("file-corrupt", _short(exc)) from None
    formulas = _formula_scanner(archive) if archive is not None else None
    sheets = []
    try:
        for meta in book.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet") and "Work" not in str(meta.typ):
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                height, width = sheet.total_height, sheet.total_width
                if height * width > limits.max_cells:
                    raise ReadError("file-too-large", f"sheet '{meta.name}': {height} baris x {width} kolom")
                rows = sheet.to_python(skip_empty_area=False)
                merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            except ReadError:
                raise
            except Exception as exc:
                raise ReadError("file-corrupt", f"sheet '{meta.name}': {_short(exc)}") from None
            uncached = formulas(meta.name) if formulas else {}
            sheets.append(Sheet(meta.name, rows, merged, uncached,
                                hidden="Visible" not in str(meta.visible)))
    finally:
        book.close()
    return sheets


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


# --- formulas without a cached value (OOXML) --------------------------------------------------
_SHEET_ENTRY = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_SHEET_ENTRY_ALT = re.compile(rb'<sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"', re.S)
_REL_ALT = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"', re.S)
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_F = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_V = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_IS = re.compile(rb"<(?:\w+:)?is>")


def _unescape(text: bytes) -> str:
    import html
    return html.unescape(text.decode("utf-8", "replace"))


def _formula_scanner(archive: zipfile.ZipFile):
    """name -> {(row0, col0): formula} for formula cells that hold no cached value."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    targets = {rid: tgt for rid, tgt in _REL.findall(rels)}
    targets.update({rid: tgt for tgt, rid in _REL_ALT.findall(rels)})
    parts = {}
    for name, rid in _SHEET_ENTRY.findall(book) + [(n, r) for r, n in _SHEET_ENTRY_ALT.findall(book)]:
        target = targets.get(rid, b"").decode()
        if not target:
            continue
        target = target.lstrip("/")
        parts[_unescape(name)] = target if target.startswith("xl/") else "xl/" + target

    def scan(sheet_name: str) -> dict:
        part = parts.get(sheet_name)
        if not part:
            return {}
        try:
            data = archive.read(part)
        except KeyError:
            return {}
        if not _HAS_FORMULA.search(data):
            return {}
        found = {}
        for attrs, body in _CELL.findall(data):
            if not body or not _F.search(body):
                continue
            value = _V.search(body)
            if (value and value.group(1).strip()) or _IS.search(body):
                continue
            ref = _REF.search(attrs)
            if not ref:
                continue
            letters, number = ref.group(1).decode(), int(ref.group(2))
            col = 0
            for ch in letters:
                col = col * 26 + (ord(ch) - 64)
            formula = _F.search(body).group(1)
            found[(number - 1, col - 1)] = "=" + (_unescape(formula) if formula else "…")
        return found

    return scan
