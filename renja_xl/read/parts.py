"""The small parts of an OOXML workbook that say where things are: which zip entry holds which
sheet (workbook.xml and its .rels), and which cell formats are percentages (styles.xml).

Each is read with a cap on its size: a workbook's list of sheets or its styles are never
anywhere near that big, so a hostile part costs no more than the cap.
"""
from __future__ import annotations

import html
import re
import zipfile
import zlib

__all__ = ["sheet_parts", "rel_targets", "percent_styles"]

_PART_CAP = 16 << 20           # bytes read of xl/workbook.xml, its .rels and xl/styles.xml
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    match = re.search(rb"(?:^|\s)" + name + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", attrs)
    return None if match is None else (match.group(1) if match.group(1) is not None else match.group(2))


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    """An entry's first bytes (at most the cap)."""
    try:
        with archive.open(name) as stream:
            return stream.read(_PART_CAP)
    except KeyError:
        return b""


def rel_targets(archive: zipfile.ZipFile, rels: str) -> dict[bytes, str]:
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
    targets = rel_targets(archive, "xl/_rels/workbook.xml.rels")
    parts = {}
    for attrs in _SHEET_TAG.findall(_head(archive, "xl/workbook.xml")):
        name, rid = _attr(attrs, b"name"), _attr(attrs, rb"r:id") or _attr(attrs, rb"\w+:id")
        target = targets.get(rid or b"")
        if name is not None and target:
            parts[html.unescape(name.decode("utf-8", "replace"))] = target
    return parts


# "100%" typed into a General cell is stored by Excel as the number 1 with a percent format;
# calamine gives the 1. The styles say which cell formats are percentages (built-in 9 and 10,
# or a custom code with a '%' outside quotes), and the sheet XML which cells use them.
_NUMFMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)")
_XF_NUMFMT = re.compile(rb'numFmtId="(\d+)"')
_PERCENT_BUILTIN = {b"9", b"10"}


def percent_styles(archive: zipfile.ZipFile) -> frozenset[bytes]:
    """The cell format indexes (the `s="…"` of a cell) that show numbers as percentages."""
    try:
        info = archive.getinfo("xl/styles.xml")
        if info.file_size > _PART_CAP:             # absurd styles: do without the percentages
            return frozenset()
        styles = archive.read(info)
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error):
        return frozenset()
    percent_ids = set(_PERCENT_BUILTIN)
    for num_id, code in _NUMFMT.findall(styles):
        if b"%" in re.sub(rb"&quot;.*?&quot;|\\.", b"", code):
            percent_ids.add(num_id)
    block = _CELLXFS.search(styles)
    if not block:
        return frozenset()
    found = set()
    for index, attrs in enumerate(_XF.findall(block.group(0))):
        num = _XF_NUMFMT.search(attrs)
        if num and num.group(1) in percent_ids:
            found.add(str(index).encode())
    return frozenset(found)
