"""Our own outputs, recognised when they turn up among the inputs of a later run.

A consolidated workbook carries the custom document property `renja_xl` = `konsolidasi`
(written by `write.workbook`; Excel and LibreOffice keep it when the file is saved again); a
workbook holding the sheets `Ringkasan`, `Rencana` and `Kesalahan` together is one too (an
older output, or one whose properties were stripped). Feedback copies are named
`<name>_periksa[_n].xlsx`; a Parquet folder holds `rencana.parquet` and `ringkasan.parquet`.
"""
from __future__ import annotations

import os
import re
import zipfile

__all__ = ["OUTPUT_PROPERTY", "OUTPUT_VALUE", "is_feedback_copy", "is_consolidated",
           "is_parquet_folder"]

OUTPUT_PROPERTY, OUTPUT_VALUE = "renja_xl", "konsolidasi"
OUTPUT_SHEETS = ("Ringkasan", "Rencana", "Kesalahan")
PARQUET_FILES = ("rencana.parquet", "ringkasan.parquet")
_FEEDBACK = re.compile(r"_periksa(?:_\d+)?\.(?:xlsx|xlsm)$", re.I)
_MAX_PART = 2**20                     # bytes of a part we read to recognise a workbook
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")


def is_feedback_copy(name: str) -> bool:
    return bool(_FEEDBACK.search(os.path.basename(name)))


def is_parquet_folder(folder: str) -> bool:
    return all(os.path.isfile(os.path.join(folder, name)) for name in PARQUET_FILES)


def is_consolidated(path: str) -> bool:
    """True for a consolidated workbook written by renja_xl (never raises)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            custom = _part(archive, "docProps/custom.xml", names)
            if custom and f'name="{OUTPUT_PROPERTY}"'.encode() in custom \
                    and f">{OUTPUT_VALUE}<".encode() in custom:
                return True
            book = _part(archive, "xl/workbook.xml", names) or b""
            sheets = {m.decode("utf-8", "replace") for m in _SHEET.findall(book)}
            return all(name in sheets for name in OUTPUT_SHEETS)
    except Exception:                 # not a zip, damaged …: the reader will say what it is
        return False


def _part(archive: zipfile.ZipFile, name: str, names: set) -> bytes | None:
    if name not in names or archive.getinfo(name).file_size > _MAX_PART:
        return None
    return archive.read(name)
