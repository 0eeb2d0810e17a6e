"""Names against the official nomenclature (Kepmendagri 050-5889/2021 and its updates).

A reference is a list of (kode, nama): the small built-in one covers the kecamatan programs
7.01.01-7.01.06; Bappeda passes the official list with `--nomenklatur FILE` (CSV or XLSX with
columns kode and nama). Generic `X.XX.01` codes match any urusan/bidang; 2-digit sub codes
match their 4-digit form. Names are compared after case, punctuation and space folding,
scored with rapidfuzz.
"""
from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources

from ..read.codes import four_digit_form, parse_code
from ..report.issues import Issue

__all__ = ["Nomenclature", "builtin_nomenclature", "load_nomenclature", "NomenclatureError"]

DIFFERENT_BELOW = 60      # a name scoring below this against its code's name ...
OTHER_CODE_ABOVE = 85     # ... and at least this against another code's name is an error


class NomenclatureError(ValueError):
    """The reference file cannot be used (missing columns, unreadable)."""


_SPELLING = re.compile(r"(?<=[a-z])ivitas\b")       # efektivitas = efektifitas (both in use)


@lru_cache(maxsize=65536)
def fold(name: str | None) -> str:
    """Case, punctuation, spacing and known spelling variants folded away."""
    text = re.sub(r"[^0-9a-z]+", " ", (name or "").lower())
    return _SPELLING.sub("ifitas", " ".join(text.split()))


def _generic(kode: str) -> str | None:
    parts = kode.split(".")
    if len(parts) >= 3 and parts[2] == "01":
        return ".".join(["X", "XX"] + parts[2:])
    return None


class Nomenclature:
    def __init__(self, pairs, source: str = "bawaan"):
        self.source = source
        self.names: dict[str, str] = {}
        for kode, nama in pairs:
            code = parse_code(str(kode).strip())
            if not code.level or not str(nama or "").strip():
                continue
            key = four_digit_form(code.kode)
            self.names.setdefault(key, " ".join(str(nama).split()))
            generic = _generic(key)
            if generic:
                self.names.setdefault(generic, " ".join(str(nama).split()))
        self._folded = {k: fold(v) for k, v in self.names.items()}
        self._depths: dict[int, dict[str, str]] | None = None
        self._bidangs: set[str] | None = None

    def __len__(self) -> int:
        return len(self.names)

    def covers(self, kode: str) -> bool:
        """Does the reference list the urusan/bidang of this code? (The built-in list covers
        kecamatan, 7.01, and the generic X.XX.01 program; an OPD's own programs are not
        "unknown" to it, just not covered.)"""
        if self._bidangs is None:
            self._bidangs = {".".join(k.split(".")[:2]) for k in self.names}
        return ".".join(kode.split(".")[:2]) in self._bidangs or _generic(kode) is not None

    def lookup(self, kode: str) -> str | None:
        key = four_digit_form(kode)
        if key in self.names:
            return self.names[key]
        generic = _generic(key)
        return self.names.get(generic) if generic else None

    def best_other(self, folded: str, kode: str):
        """The code whose official name is closest to this name: first among codes of the
        same depth, then any (a kegiatan row carrying its sub kegiatan's name)."""
        from rapidfuzz import fuzz, process
        own = four_digit_form(kode)
        depths = self._by_depth()
        depth = own.count(".")
        for choices in [depths.get(depth, {})] + [c for d, c in sorted(depths.items()) if d != depth]:
            match = process.extractOne(folded, choices, scorer=fuzz.token_sort_ratio,
                                       processor=None, score_cutoff=OTHER_CODE_ABOVE - 1)
            if match and match[2] != own:
                return match[2], match[1]
        return None, 0

    def _by_depth(self) -> dict[int, dict[str, str]]:
        if self._depths is None:
            self._depths = {}
            for key, name in self._folded.items():
                if not key.startswith("X"):
                    self._depths.setdefault(key.count("."), {})[key] = name
        return self._depths

    def check(self, plan) -> list[Issue]:
        from rapidfuzz import fuzz
        issues: list[Issue] = []
        for row in plan.rows:
            kode, nama = row.get("kode"), row.get("nama")
            if not row.get("level") or not nama:
                continue
            official = self.lookup(kode)
            if official is None and not self.covers(kode):
                continue          # another urusan/bidang than the reference lists: no verdict
            if official is None:
                issues.append(plan.issue("kode-unknown", row["row"], col=plan.col("kode"),
                                         kode=kode, value=kode))
                continue
            folded, official_folded = fold(nama), fold(official)
            if folded == official_folded or _program_equal(folded, official_folded):
                continue
            score = round(fuzz.token_sort_ratio(folded, official_folded))
            other, other_score = (None, 0)
            if score < DIFFERENT_BELOW:
                other, other_score = self.best_other(folded, kode)
            if score < DIFFERENT_BELOW and other_score >= OTHER_CODE_ABOVE:
                issues.append(plan.issue(
                    "nama-other-code", row["row"], "nama", kode=kode, value=nama,
                    expected=official,
                    params={"other": f" → {other} '{self.names[other]}'"}))
            elif score < DIFFERENT_BELOW // 2:
                issues.append(plan.issue("nama-other-code", row["row"], "nama", kode=kode,
                                         value=nama, expected=official, params={"other": ""}))
            else:
                issues.append(plan.issue("nama-differs", row["row"], "nama", kode=kode,
                                         value=nama, expected=official, params={"score": score}))
        return issues


def _program_equal(a: str, b: str) -> bool:
    """'program penunjang …' and 'penunjang …' are the same program name."""
    return a.removeprefix("program ") == b.removeprefix("program ")


@lru_cache(maxsize=1)
def builtin_nomenclature() -> Nomenclature:
    text = resources.files("renja_xl.schemas").joinpath("nomenklatur_kecamatan.csv").read_text("utf-8")
    return Nomenclature(_csv_pairs(text), source="bawaan (kecamatan 7.01.01-7.01.06)")


def _csv_pairs(text: str):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
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


def load_nomenclature(path: str) -> Nomenclature:
    """A reference list from CSV (kode, nama) or XLSX (first sheet with those headers)."""
    try:
        if str(path).lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
            import python_calamine as pc
            book = pc.CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                rows = book.get_sheet_by_name(name).to_python()
                for i, row in enumerate(rows[:20]):
                    header = [str(v).strip().lower() for v in row]
                    if "kode" in header and "nama" in header:
                        ik, im = header.index("kode"), header.index("nama")
                        return Nomenclature(((r[ik], r[im]) for r in rows[i + 1:] if len(r) > max(ik, im)),
                                            source=str(path))
            raise NomenclatureError("tidak ada sheet dengan kolom 'kode' dan 'nama'")
        with open(path, encoding="utf-8-sig") as handle:
            return Nomenclature(_csv_pairs(handle.read()), source=str(path))
    except NomenclatureError:
        raise
    except Exception as exc:
        raise NomenclatureError(f"{path}: {exc}") from None
