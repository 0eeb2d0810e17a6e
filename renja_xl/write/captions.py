"""The columns of the written sheets: the Indonesian captions of the contract columns (header
notes), printable widths, which columns wrap and which hold rupiah, and how many lines a text
takes in a wrapped cell; shared by the consolidated workbook and the feedback copies."""
from __future__ import annotations

import re

__all__ = ["CAPTIONS", "WIDTHS", "WRAP_FIELDS", "MONEY", "text_lines", "LINE_POINTS", "note_box",
           "wraps", "column_width", "num_format"]

LINE_POINTS = 15.0          # one line of 11-point text
MONEY = "#,##0"
WRAP_FIELDS = {"file", "nama", "sasaran", "indikator", "lokasi", "catatan", "message",
               "sumber_dana", "rule", "value", "expected", "kecamatan", "table", "judul",
               "baris", "kolom", "usulan", "masalah", "tujuan", "desa"}
MONEY_FIELDS = {"pagu", "pagu_n1", "pagu_semula"}
_SUFFIX = re.compile(r"_(rkpd|analisis|\d{4})$")        # the half or year of a field
# Width of a character in column-width units (the width of "0"): Calibri's capitals are
# wider than its digits, lower case and spaces narrower; a little generous, so that a
# viewer with a wider substitute font (LibreOffice without Calibri) still shows it all.
_WIDTH = {**dict.fromkeys("ijlftrI!|.,;:'()[] ", 0.5), **dict.fromkeys("mwMW%@—", 1.5),
          **dict.fromkeys("_-/", 0.75)}
_CAPITAL, _LOWER, _SPACE = 1.25, 0.92, 0.5

CAPTIONS = {
    "file": "Nama file kiriman", "kecamatan": "Kecamatan", "sheet": "Sheet di file asal",
    "row": "Nomor baris di file asal", "kode": "Kode program/kegiatan/sub kegiatan",
    "level": "Tingkat: program, kegiatan atau sub_kegiatan", "parent_kode": "Kode induk",
    "nama": "Nama program/kegiatan/sub kegiatan", "sasaran": "Sasaran",
    "indikator": "Indikator kinerja", "lokasi": "Lokasi",
    "target": "Target capaian kinerja tahun n (angka)", "satuan": "Satuan target tahun n",
    "pagu": "Kebutuhan dana/pagu indikatif tahun n (rupiah)", "sumber_dana": "Sumber dana",
    "target_n1": "Target prakiraan maju tahun n+1 (angka)",
    "satuan_n1": "Satuan target tahun n+1",
    "pagu_n1": "Pagu indikatif prakiraan maju tahun n+1 (rupiah)", "catatan": "Catatan penting",
    "indikator_ke": "Nomor indikator: 1 di baris item; 2, 3 … di baris indikator berikutnya (pagu kosong)",
    "pagu_semula": "Renja Perubahan: pagu tahun n semula (rupiah); pagu = menjadi",
    "target_semula": "Renja Perubahan: target tahun n semula (angka)",
    "column": "Kolom di file asal", "cell": "Sel di file asal; tautan ke barisnya di sheet Rencana",
    "table": "Tabel", "rule": "Kode aturan (daftar: python -m renja_xl rules)",
    "category": "Kategori aturan", "severity": "error = kesalahan, warning = peringatan",
    "message": "Pesan", "value": "Nilai yang tertulis", "expected": "Nilai yang seharusnya",
    "status": "ok = valid, invalid = ada kesalahan, unreadable = file tidak terbaca",
    "rows": "Jumlah baris rencana yang terbaca",
    "errors": "Jumlah kesalahan", "warnings": "Jumlah peringatan",
}
WIDTHS = {"file": 30, "kecamatan": 14, "sheet": 11, "row": 6, "kode": 17, "level": 11,
          "parent_kode": 14, "nama": 40, "sasaran": 26, "indikator": 32, "lokasi": 16,
          "target": 8, "satuan": 10, "pagu": 15, "sumber_dana": 11, "target_n1": 8,
          "satuan_n1": 10, "pagu_n1": 15, "catatan": 20, "indikator_ke": 6,
          "pagu_semula": 15, "target_semula": 8, "column": 7, "cell": 7,
          "table": 11, "kode_issue": 16, "rule": 20, "category": 11, "severity": 9,
          "message": 64, "value": 16, "expected": 16, "status": 11, "rows": 7, "errors": 8,
          "warnings": 10, "judul": 30, "baris": 20, "kolom": 20, "usulan": 40,
          "masalah": 30, "tujuan": 30, "desa": 14}


def _char(ch: str) -> float:
    if ch in _WIDTH:
        return _WIDTH[ch]
    return _CAPITAL if ch.isupper() else _LOWER if ch.islower() else 1.0


def text_lines(text, width: float) -> int:
    """Lines `text` takes in a wrapped cell `width` characters wide: words are wrapped
    whole (a word longer than a line is broken; a path breaks after its "/"), capitals count
    wider than lower case."""
    room = max(2.0, width - 0.8)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in re.split(r"(?<=/) *| +", paragraph):      # a viewer may break after "/"
            size = sum(_char(ch) for ch in word)
            if used and used + _SPACE + size > room:
                lines, used = lines + 1, 0.0
            elif used:
                used += _SPACE
            while size > room:                     # a word wider than the column
                lines, size = lines + 1, size - room
            used += size
    return lines


def note_box(text) -> dict:
    """xlsxwriter options of a cell note big enough to show `text` when the cell is pointed
    at (the default box shows about 60 characters and cuts the rest)."""
    return {"author": "renja_xl", "width": 340,
            "height": min(600, 12 + 16 * text_lines(text, 46))}


def _base(name) -> str:
    """'nama_rkpd' -> 'nama', 'indikator_analisis' -> 'indikator', 'target_2023' -> 'target':
    the field a column of a two-half or per-year table holds."""
    return _SUFFIX.sub("", str(name))


def wraps(name) -> bool:
    """Long text: wrapped, and counted in the row's height."""
    return name in WRAP_FIELDS or _base(name) in WRAP_FIELDS


def num_format(name) -> str | None:
    """Rupiah columns: the plan's pagu, the Renstra's dana, the Tabel Jumlah's nilai."""
    if name in MONEY_FIELDS or str(name).startswith(("pagu", "dana")) or name == "nilai":
        return MONEY
    return None


def column_width(name) -> float:
    """The printable width of a column: its field's (`nama_rkpd` as `nama`), money as wide as
    `pagu` (Rp 999.999.999.999 without "#######"), else from the name."""
    width = WIDTHS.get(name) or (WIDTHS.get(_base(name)) if wraps(name) else None)
    if width is None and num_format(name) == MONEY:
        width = WIDTHS["pagu"]
    return width or max(11, min(len(str(name)) + 2, 18))
