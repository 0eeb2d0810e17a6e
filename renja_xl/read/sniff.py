"""What a file really is, told by its bytes and never by its name.

Kecamatan send workbooks as .xlsx, .xlsm, .xls and .ods, but also PDFs, Word documents,
photos, half-downloaded files and HTML pages that SIPD and other web systems export under an
.xls name. `sniff` names the format so that each gets its own clear message.

`OleFile` is a small, bounded reader of OLE compound files (.xls, Word 97 .doc, and OOXML
workbooks encrypted with a password): it lists the streams at the root and reads one,
checking every sector it follows, so a damaged file is refused here and never reaches a
parser that might panic on it.
"""
from __future__ import annotations

import os
import struct
from typing import NamedTuple

__all__ = ["Sniffed", "sniff", "OleFile", "OleError", "OLE_MAGIC"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HEAD = 4096


class Sniffed(NamedTuple):
    kind: str           # zip | ole | empty | html | pdf | word | other
    detail: str = ""    # what it is, in words for the message ("HTML", "gambar JPEG", …)


def sniff(path: str) -> Sniffed:
    """The format of the file at `path`, from its first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD)
    if not head:
        return Sniffed("empty", "0 byte")
    if head.startswith(_ZIP_MAGICS):
        return Sniffed("zip")
    if head.startswith(OLE_MAGIC):
        return Sniffed("ole")
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", "PDF")
    for magic, what in _BINARY:
        if head.startswith(magic):
            return Sniffed("other", what)
    text = _as_text(head)
    if text is not None:
        return _sniff_text(text, path)
    if head.startswith(b"MZ"):
        return Sniffed("other", "program Windows")
    return Sniffed("other", f"isi file tidak dikenal, ekstensi {_ext(path)}")


_BINARY = (
    (b"\x89PNG", "gambar PNG"), (b"\xff\xd8\xff", "gambar/foto JPEG"), (b"GIF8", "gambar GIF"),
    (b"Rar!", "arsip RAR; ekstrak dulu"), (b"7z\xbc\xaf\x27\x1c", "arsip 7z; ekstrak dulu"),
    (b"\x1f\x8b", "arsip gzip; ekstrak dulu"),
    (b"\x00\x00\x02\x00\x06\x04\x06\x00", "Lotus 1-2-3"),
)


def _as_text(head: bytes) -> str | None:
    """The head decoded as text, or None when it is binary."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "replace")
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", "replace") if _utf8ish(head) else head.decode("latin-1")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return text if printable >= 0.95 * len(text) else None


def _utf8ish(head: bytes) -> bool:
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 4          # only the last character was cut


def _sniff_text(text: str, path: str) -> Sniffed:
    low = text.lstrip().lower()
    if low.startswith("{\\rtf"):
        return Sniffed("word", "RTF")
    if low.startswith("mime-version:") and "multipart/related" in low:
        return Sniffed("html", "Halaman Web Satu File (MHTML)")
    if "urn:schemas-microsoft-com:office:spreadsheet" in low or 'progid="excel.sheet"' in low:
        if "<html" not in low:
            return Sniffed("html", "XML Spreadsheet 2003")
    if any(tag in low for tag in ("<html", "<!doctype html", "<table", "<body", "<head>")):
        return Sniffed("html", "HTML")
    if low.startswith("<?xml") or low.startswith("<"):
        return Sniffed("other", "XML")
    if any(sep in line for line in text.splitlines()[:5] for sep in (";", ",", "\t")):
        return Sniffed("other", "teks/CSV")
    return Sniffed("other", f"teks biasa, ekstensi {_ext(path)}")


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lower() or "tanpa ekstensi"


# --- OLE compound files (MS-CFB) ---------------------------------------------------------------
class OleError(ValueError):
    """The compound file is damaged or truncated."""


_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


class OleFile:
    """The streams at the root of an OLE compound file, read with every sector checked."""

    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(OLE_MAGIC):
            raise OleError("header OLE terpotong")
        major, _order, shift, mini_shift = struct.unpack_from("<HHHH", data, 0x1A)
        if (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise OleError("header OLE tidak sah")
        self._data, self._size = data, 1 << shift
        self._count = len(data) // self._size - 1                  # whole sectors after the header
        (n_fat, first_dir, _, self._cutoff, first_mini, n_mini, first_difat,
         n_difat) = struct.unpack_from("<IIIIIIII", data, 0x2C)
        if n_fat > self._count or n_difat > self._count:
            raise OleError("tabel sektor lebih besar dari file")
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != _FREE]
        per = self._size // 4
        seen = set()
        sector = first_difat
        while sector not in (_END, _FREE) and len(fat_sectors) < n_fat:
            if sector in seen or len(seen) > n_difat:
                raise OleError("rantai DIFAT berputar")
            seen.add(sector)
            entries = struct.unpack(f"<{per}I", self._sector(sector))
            fat_sectors += [s for s in entries[:-1] if s != _FREE]
            sector = entries[-1]
        fat_sectors = fat_sectors[:n_fat]
        self._fat = []
        for s in fat_sectors:
            self._fat += struct.unpack(f"<{per}I", self._sector(s))
        directory = self._chain_bytes(first_dir)
        self._entries = [self._entry(directory[i:i + 128]) for i in range(0, len(directory) - 127, 128)]
        if not self._entries or self._entries[0][1] != 5:
            raise OleError("direktori OLE tanpa root")
        self._first_mini, self._n_mini = first_mini, n_mini
        self.names = self._root_children()

    @classmethod
    def from_path(cls, path: str, max_bytes: int) -> "OleFile":
        with open(path, "rb") as handle:
            return cls(handle.read(max_bytes + 1))

    def _sector(self, index: int) -> bytes:
        if index >= self._count:
            raise OleError("sektor di luar file (file terpotong)")
        start = (index + 1) * self._size
        return self._data[start:start + self._size]

    def _chain(self, start: int, table: list) -> list[int]:
        chain, seen = [], set()
        while start != _END:
            if start >= len(table) or start in seen:
                raise OleError("rantai sektor rusak")
            seen.add(start)
            chain.append(start)
            start = table[start]
        return chain

    def _chain_bytes(self, start: int) -> bytes:
        return b"".join(self._sector(s) for s in self._chain(start, self._fat))

    @staticmethod
    def _entry(raw: bytes):
        name_len = min(struct.unpack_from("<H", raw, 64)[0], 64)
        name = raw[:max(name_len - 2, 0)].decode("utf-16-le", "replace")
        kind = raw[66]
        left, right, child = struct.unpack_from("<III", raw, 68)
        start, size = struct.unpack_from("<IQ", raw, 116)
        return name, kind, left, right, child, start, size

    def _root_children(self) -> dict[str, int]:
        found, stack, seen = {}, [self._entries[0][4]], set()
        while stack:
            index = stack.pop()
            if index >= len(self._entries) or index in seen:
                continue
            seen.add(index)
            name, kind, left, right, *_ = self._entries[index]
            if kind in (1, 2):
                found[name] = index
            stack += [left, right]
        return found

    def has(self, name: str) -> bool:
        return any(n.lower() == name.lower() for n in self.names)

    def read(self, name: str) -> bytes:
        """The whole stream `name` (case-insensitive) at the root."""
        index = next(i for n, i in self.names.items() if n.lower() == name.lower())
        _, kind, _, _, _, start, size = self._entries[index]
        if self._size == 512:
            size &= 0xFFFFFFFF
        if kind != 2 or size > len(self._data):
            raise OleError(f"stream {name} lebih besar dari file")
        if size < self._cutoff:
            root = self._entries[0]
            mini = self._chain_bytes(root[5])[:root[6]]
            minifat = []
            if self._n_mini:
                table = self._chain_bytes(self._first_mini)
                minifat = list(struct.unpack(f"<{len(table) // 4}I", table))
            data = b"".join(mini[s * 64:(s + 1) * 64] for s in self._chain(start, minifat))
        else:
            data = self._chain_bytes(start)
        if len(data) < size:
            raise OleError(f"stream {name} terpotong")
        return data[:size]
