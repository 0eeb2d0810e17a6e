"""Which agency a title line names: "Nama Perangkat Daerah : Kecamatan Kejobong",
"RENCANA KERJA KECAMATAN KEJOBONG TAHUN 2025", "Perangkat Daerah : DINAS KESEHATAN".

Used to name the submitting unit (`reader.detect_kecamatan`) and to tell a second agency's
plan table placed below the first one on the same sheet (`agency_of`)."""
from __future__ import annotations

import re

from ..report.data import schema_toml

__all__ = ["kec_name", "unit_name", "agency_of", "same_agency", "KEC", "UNIT"]

KEC = re.compile(r"\bkec(?:amatan|\.)\s*[:.]?\s*([A-Za-z][A-Za-z'\- ]{2,40})", re.I)
_STOP = re.compile(r"\s+(%s)\b.*$" % "|".join(
    re.escape(w) for w in schema_toml("words.toml")["kecamatan_name_enders"]), re.I)
UNIT = re.compile(r"\b(?:perangkat daerah|skpd|opd|unit kerja|unit organisasi|organisasi)\s*[:：]\s*"
                  r"(?:[0-9X][0-9X.]*\s+)?([A-Za-z][^:]{2,80}?)\s*(?:$|\btahun\b)", re.I)


def kec_name(text: str) -> str | None:
    """The kecamatan a line names ('Kejobong'), or None."""
    for match in KEC.finditer(text or ""):
        name = _STOP.sub("", match.group(1)).strip(" .,-")
        words = []
        for word in name.split()[:3]:            # a name is capitalised: "Kroya menyusun …"
            if words and word[:1].islower():
                break
            words.append(word)
        name = " ".join(words).strip(" .,-")
        if name and name.lower() not in ("kecamatan", "semua", "se", "yang"):
            return " ".join(w.capitalize() for w in name.split())
    return None


def unit_name(text: str) -> str | None:
    """The perangkat daerah a 'Perangkat Daerah : …' line names, or None."""
    match = UNIT.search(text or "")
    return " ".join(match.group(1).split()).strip(" .,-") if match else None


def agency_of(lines) -> str | None:
    """The agency the title lines of one table name: a kecamatan first, else a unit line."""
    for line in lines:
        name = kec_name(line)
        if name:
            return name
    for line in lines:
        name = unit_name(line)
        if name:
            return name
    return None


def same_agency(a: str, b: str) -> bool:
    """Two names of one agency: the words of one start the other's ("Kejobong" and "Kejobong
    Periode" from a longer title), case aside; "Dinas Kesehatan" is not "Dinas Pendidikan"."""
    x, y = a.casefold().split(), b.casefold().split()
    n = min(len(x), len(y))
    return n > 0 and x[:n] == y[:n]
