"""Reading a nomenclature file into entries: the official Kemendagri workbook as staff receive it,
or a plain `kode, nama` list (CSV or XLSX).

The official sub kegiatan workbook (the yearly "pemutakhiran" list) has one row per sub
kegiatan with the columns JENIS PEMDA (PROV / KABKOT), BIDANG, PROGRAM, KEGIATAN, SUBKEGIATAN —
each "code name" in one cell, e.g. `X.XX.01.2.01.0001 Penyusunan Dokumen …` — then KINERJA,
INDIKATOR, SATUAN, TAG, DEFINISI OPERASIONAL, PELAKSANA, SPM, JENIS, SUBKEGIATAN SEBELUMNYA.
It is read as it is: any sheet, the header on any of the first rows, long multi-line
definitions ignored. Each row gives its sub kegiatan entry; the bidang, program and kegiatan
cells give one entry per distinct code.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..read.codes import four_digit_form, level_of

__all__ = ["Entry", "NomenclatureFile", "NomenclatureError", "read_nomenclature_file",
           "split_code_name", "JENIS_PEMDA", "pairs_entries", "csv_pairs"]

JENIS_PEMDA = {"prov": "PROV", "kabkot": "KABKOT"}
_JENIS_WORDS = {"prov": "PROV", "provinsi": "PROV", "kabkot": "KABKOT", "kabkota": "KABKOT",
                "kabupatenkota": "KABKOT", "kabupaten": "KABKOT", "kota": "KABKOT"}
# header words (letters only, lowercased) -> field of the official workbook
_OFFICIAL = {"jenispemda": "jenis", "bidang": "bidang", "bidangurusan": "bidang",
             "program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub",
             "indikator": "indikator", "satuan": "satuan", "subkegiatansebelumnya": "sebelumnya"}
_HEADER_ROWS = 30
_CODE_NAME = re.compile(r"^\s*([0-9Xx]{1,2}(?:\.[0-9Xx]{1,4}){0,5})\s+(.*)$", re.S)


class NomenclatureError(ValueError):
    """The reference file cannot be used (missing columns, unreadable)."""


class Entry(NamedTuple):
    """One code of the nomenclature. `jenis` is PROV, KABKOT, or "" (a list for every pemda);
    `sebelumnya` the code this entry replaces (SUBKEGIATAN SEBELUMNYA), with its old name."""
    jenis: str
    kode: str
    nama: str
    level: str
    indikator: str = ""
    satuan: str = ""
    sebelumnya: str = ""
    sebelumnya_nama: str = ""


@dataclass(slots=True)
class NomenclatureFile:
    entries: list[Entry]
    rows: int                 # data rows read (the official workbook: one per sub kegiatan)
    kind: str                 # "resmi" (the Kemendagri workbook) or "daftar" (kode, nama)
    jenis_pemda: dict         # PROV/KABKOT -> rows


def _clean(text) -> str:
    return " ".join(str(text or "").split())


def split_code_name(cell) -> tuple[str, str] | None:
    """'1.01.02 PROGRAM PENGELOLAAN PENDIDIKAN' -> ('1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN')."""
    match = _CODE_NAME.match(str(cell or ""))
    if not match:
        return None
    code = match.group(1).replace("x", "X")
    return four_digit_form(code), _clean(match.group(2))


def _key(cell) -> str:
    return re.sub(r"[^a-z]", "", str(cell or "").lower())


def jenis_of(cell) -> str:
    return _JENIS_WORDS.get(_key(cell), "")


def _official_header(row) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        name = _OFFICIAL.get(_key(cell))
        if name and name not in found:
            found[name] = i
    return found if {"sub", "kegiatan", "program"} <= found.keys() else None


def _official_entries(rows, cols: dict[str, int]) -> NomenclatureFile:
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    counts: dict[str, int] = {}
    n = 0
    width = max(cols.values()) + 1

    def get(row, name):
        i = cols.get(name)
        return row[i] if i is not None and i < len(row) else None

    for row in rows:
        row = list(row) + [None] * (width - len(row))
        sub = split_code_name(get(row, "sub"))
        if sub is None or level_of(sub[0]) != "sub_kegiatan":
            continue
        n += 1
        jenis = jenis_of(get(row, "jenis"))
        counts[jenis or "-"] = counts.get(jenis or "-", 0) + 1
        for name in ("bidang", "program", "kegiatan"):
            parent = split_code_name(get(row, name))
            if parent and (jenis, parent[0]) not in seen and level_of(parent[0]):
                seen.add((jenis, parent[0]))
                entries.append(Entry(jenis, parent[0], parent[1], level_of(parent[0])))
        before = split_code_name(get(row, "sebelumnya")) or ("", "")
        entries.append(Entry(jenis, sub[0], sub[1], "sub_kegiatan", _clean(get(row, "indikator")),
                             _clean(get(row, "satuan")), before[0], before[1]))
    return NomenclatureFile(entries, n, "resmi", counts)


def pairs_entries(pairs) -> NomenclatureFile:
    entries, n = [], 0
    for kode, nama in pairs:
        kode, nama = four_digit_form(_clean(kode)), _clean(nama)
        level = level_of(kode)
        if level and nama:
            n += 1
            entries.append(Entry("", kode, nama, level))
    return NomenclatureFile(entries, n, "daftar", {})


def csv_pairs(text: str):
    """(kode, nama) pairs of a CSV list with those two headers."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    if "kode" not in header or "nama" not in header:
        raise NomenclatureError("kolom 'kode' dan 'nama' wajib ada di baris pertama")
    ik, im = header.index("kode"), header.index("nama")
    for row in reader:
        if len(row) > max(ik, im):
            yield row[ik], row[im]


def _read_book(path: str) -> NomenclatureFile:
    import python_calamine as pc
    book = pc.CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        for i, row in enumerate(rows[:_HEADER_ROWS]):
            cols = _official_header(row)
            if cols:
                return _official_entries(rows[i + 1:], cols)
            header = [str(v).strip().lower() for v in row]
            if "kode" in header and "nama" in header:
                ik, im = header.index("kode"), header.index("nama")
                return pairs_entries((r[ik], r[im]) for r in rows[i + 1:] if len(r) > max(ik, im))
    raise NomenclatureError("tidak ada sheet dengan kolom nomenklatur Kemendagri (JENIS PEMDA, "
                            "PROGRAM, KEGIATAN, SUBKEGIATAN …) atau kolom 'kode' dan 'nama'")


def read_nomenclature_file(path) -> NomenclatureFile:
    """Entries of the official workbook (XLSX/XLS/ODS) or of a `kode, nama` list (CSV/XLSX)."""
    path = str(path)
    try:
        if path.lower().endswith((".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")):
            found = _read_book(path)
        else:
            with open(path, encoding="utf-8-sig") as handle:
                found = pairs_entries(csv_pairs(handle.read()))
    except NomenclatureError as exc:
        raise NomenclatureError(f"{path}: {exc}") from None
    except OSError as exc:
        raise NomenclatureError(f"{path}: {exc.strerror or exc}") from None
    except Exception as exc:
        raise NomenclatureError(f"{path}: tidak dapat dibaca ({type(exc).__name__}: {exc})") from None
    if not found.entries:
        raise NomenclatureError(f"{path}: tidak ada baris kode dan nama yang dapat dipakai")
    return found
