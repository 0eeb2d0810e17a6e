"""Codes and names against the nomenclature (Kepmendagri 050-5889/2021 and its yearly updates).

A reference is a list of entries (`nomenclature_read.Entry`). The small built-in list covers
the kecamatan programs 7.01.01-7.01.06 and gives no verdict on other urusan. The official
Kemendagri workbook (passed with `--nomenklatur FILE` or stored once with `nomenklatur pasang`)
lists every urusan for PROV and KABKOT: with it every code is checked for this jenis pemda
(unknown, renamed, or another pemda's code), and each sub kegiatan's indicator and unit
against the standard ones. Generic `X.XX.01` codes match any urusan/bidang; 2-digit sub codes
match their 4-digit form. Names are compared after case, punctuation and space folding,
scored with rapidfuzz.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from ..read.codes import PLAN_LEVELS, four_digit_form
from ..report.data import schema_text
from ..report.issues import Issue
from .nomenclature_read import (JENIS_PEMDA, Entry, NomenclatureError, csv_pairs, pairs_entries,
                                read_nomenclature_file)
from .targets import unit_key

__all__ = ["Nomenclature", "builtin_nomenclature", "load_nomenclature", "NomenclatureError",
           "fold", "Entry"]

DIFFERENT_BELOW = 60      # a name scoring below this against its code's name ...
OTHER_CODE_ABOVE = 85     # ... and at least this against another code's name is an error
INDICATOR_BELOW = 70      # an indicator scoring below this against the standard one is reported

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
    """The reference for one jenis pemda. `entries` are its codes (this pemda's and the
    codes valid for every pemda); `info` says which file it came from (None: built-in)."""

    def __init__(self, pairs=(), source: str = "bawaan", *, entries=None,
                 jenis_pemda: str | None = None, info: dict | None = None):
        self.source = source
        self.info = info
        self.jenis = JENIS_PEMDA.get((jenis_pemda or "kabkot").lower(), "KABKOT")
        all_entries = list(entries) if entries is not None else pairs_entries(pairs).entries
        self.complete = any(e.jenis for e in all_entries)   # the official list: every urusan
        self.entries: list[Entry] = [e for e in all_entries if e.jenis in ("", self.jenis)]
        self.names: dict[str, str] = {}
        self._entry: dict[str, Entry] = {}
        for entry in self.entries:
            for key in filter(None, (entry.kode, _generic(entry.kode))):
                self.names.setdefault(key, entry.nama)
                self._entry.setdefault(key, entry)
        self._others: dict[str, Entry] = {}
        self._renamed: dict[str, Entry] = {}
        for entry in all_entries:
            if entry.jenis not in ("", self.jenis):
                self._others.setdefault(entry.kode, entry)
            elif entry.sebelumnya and entry.sebelumnya not in self.names:
                self._renamed.setdefault(entry.sebelumnya, entry)
        self._bidangs: set[str] | None = None

    def __len__(self) -> int:
        return len(self.names)

    @cached_property
    def _folded(self) -> dict[str, str]:
        return {k: fold(v) for k, v in self.names.items()}

    # -- look-ups (also used by the template builder) -----------------------------------------
    def covers(self, kode: str) -> bool:
        """Does the reference list the urusan/bidang of this code? (The official list covers
        every urusan; the built-in list covers kecamatan, 7.01, and the generic X.XX.01
        program; an OPD's own programs are not "unknown" to it, just not covered.)"""
        if self.complete:
            return True
        if self._bidangs is None:
            self._bidangs = {".".join(k.split(".")[:2]) for k in self.names}
        return ".".join(kode.split(".")[:2]) in self._bidangs or _generic(kode) is not None

    def entry(self, kode: str) -> Entry | None:
        """The entry of a code (a generic X.XX.01 entry for any urusan's 01 program)."""
        key = four_digit_form(kode)
        found = self._entry.get(key)
        if found is None and _generic(key):
            found = self._entry.get(_generic(key))
        return found

    def lookup(self, kode: str) -> str | None:
        found = self.entry(kode)
        return found.nama if found else None

    def renamed(self, kode: str) -> tuple[str, str] | None:
        """(new code, new name) when this code was replaced (SUBKEGIATAN SEBELUMNYA of a newer
        entry) and is no longer in the list; else None."""
        new = self._renamed.get(four_digit_form(kode))
        return (new.kode, new.nama) if new else None

    def successor(self, kode: str) -> str | None:
        """The code that replaced `kode` (the template's hook), or None."""
        new = self.renamed(kode)
        return new[0] if new else None

    def other_pemda(self, kode: str) -> Entry | None:
        """The entry of another jenis pemda with this code (a PROV code in a KABKOT plan)."""
        key = four_digit_form(kode)
        return self._others.get(key) or self._others.get(_generic(key) or "")

    def best_other(self, folded: str, kode: str):
        """The code whose official name is closest to this name: first among codes of the
        same depth, then any (a kegiatan row carrying its sub kegiatan's name)."""
        from rapidfuzz import fuzz, process
        own = four_digit_form(kode)
        depths = self._by_depth
        depth = own.count(".")
        for choices in [depths.get(depth, {})] + [c for d, c in sorted(depths.items()) if d != depth]:
            match = process.extractOne(folded, choices, scorer=fuzz.token_sort_ratio,
                                       processor=None, score_cutoff=OTHER_CODE_ABOVE)
            other = match and _in_urusan(match[2], own)
            if other and other != own:
                return other, match[1]
        return None, 0

    @cached_property
    def _by_depth(self) -> dict[int, dict[str, str]]:
        depths: dict[int, dict[str, str]] = {}
        for key, name in self._folded.items():       # a generic X.XX code after its own
            depths.setdefault(key.count("."), {}).setdefault(key, name)
        return depths

    # -- the checks ---------------------------------------------------------------------------
    def check(self, plan) -> list[Issue]:
        issues: list[Issue] = []
        for row in plan.rows:
            kode, nama = row.get("kode"), row.get("nama")
            if row.get("level") not in PLAN_LEVELS or not nama:
                continue                  # (urusan/bidang rows only group the items)
            entry = self.entry(kode)
            if entry is None:
                issues += self._not_listed(plan, row, kode)
                continue
            issues += self._name(plan, row, kode, nama, entry.nama)
            if row["level"] == "sub_kegiatan" and (entry.indikator or entry.satuan):
                issues += self._standard(plan, row, entry)
        return issues

    def _not_listed(self, plan, row, kode) -> list[Issue]:
        at = {"col": plan.col("kode"), "kode": kode, "value": kode}
        new, other = self.renamed(kode), self.other_pemda(kode)
        if new:
            return [plan.issue("kode-renamed", row["row"], expected=new[0], **at,
                               params={"new_kode": new[0], "new_nama": new[1]})]
        if other and self.lookup(kode) is None:
            return [plan.issue("kode-other-pemda", row["row"], expected=other.nama, **at,
                               params={"jenis": self.jenis, "other_jenis": other.jenis})]
        if self.covers(kode):      # another urusan/bidang than the reference lists: no verdict
            return [plan.issue("kode-unknown", row["row"], **at)]
        return []

    def _name(self, plan, row, kode, nama, official) -> list[Issue]:
        from rapidfuzz import fuzz
        folded, official_folded = fold(nama), fold(official)
        if folded == official_folded or _program_equal(folded, official_folded):
            return []
        score = round(fuzz.token_sort_ratio(folded, official_folded))
        other, other_score = (None, 0)
        if score < DIFFERENT_BELOW:
            other, other_score = self.best_other(folded, kode)
        at = {"kode": kode, "value": nama, "expected": official}
        if score < DIFFERENT_BELOW and other_score >= OTHER_CODE_ABOVE:
            return [plan.issue("nama-other-code", row["row"], "nama", **at,
                               params={"other": f" → {other} '{self.lookup(other)}'"})]
        if score < DIFFERENT_BELOW // 2:
            return [plan.issue("nama-other-code", row["row"], "nama", **at, params={"other": ""})]
        return [plan.issue("nama-differs", row["row"], "nama", **at, params={"score": score})]

    def _standard(self, plan, row, entry: Entry) -> list[Issue]:
        """The sub kegiatan's indicator and unit against the list's INDIKATOR and SATUAN."""
        from rapidfuzz import fuzz
        issues: list[Issue] = []
        kode, indikator = row["kode"], row.get("indikator")
        others = list(row.indicators)                 # an item's further indicators (SIPD)
        if entry.indikator and indikator:
            standard = fold(entry.indikator)
            score = round(fuzz.token_sort_ratio(fold(indikator), standard))
            best = max([score] + [round(fuzz.token_sort_ratio(fold(h.indikator), standard))
                                  for h in others if h.indikator])
            if best < INDICATOR_BELOW:                # none of its indicators is the standard one
                issues.append(plan.issue("indikator-not-standard", row["row"], "indikator",
                                         kode=kode, value=indikator, expected=entry.indikator,
                                         params={"score": score}))
        unit = row.get("satuan") or row.get("satuan_n1")
        units = [unit] + [h.satuan or h.satuan_n1 for h in others]
        if entry.satuan and unit and not any(u and _same_unit(u, entry.satuan) for u in units):
            field = "satuan" if row.get("satuan") else "satuan_n1"
            col = plan.col(field) or plan.col("target" + field.removeprefix("satuan"))
            score = round(fuzz.ratio(unit_key(unit), unit_key(entry.satuan)))
            issues.append(plan.issue("satuan-not-standard", row["row"], col=col, kode=kode,
                                     value=unit, expected=entry.satuan, params={"score": score}))
        return issues

    def __getstate__(self):          # sent to worker processes: without the derived caches
        state = dict(self.__dict__)
        state.pop("_folded", None)
        state.pop("_by_depth", None)
        return state


def _in_urusan(kode: str, own: str) -> str:
    """A generic X.XX.01… code in the urusan/bidang of `own` (other codes unchanged)."""
    if kode.startswith("X") and _generic(own):
        return ".".join(own.split(".")[:2] + kode.split(".")[2:])
    return kode


def _same_unit(unit: str, standard: str) -> bool:
    """The plan's unit is the standard one, or one of 'Laporan / Dokumen', after folding."""
    key, standard_key = unit_key(unit), unit_key(standard)
    return key == standard_key or key in standard_key.split("/")


def _program_equal(a: str, b: str) -> bool:
    """'program penunjang …' and 'penunjang …' are the same program name."""
    return a.removeprefix("program ") == b.removeprefix("program ")


@lru_cache(maxsize=1)
def builtin_nomenclature() -> Nomenclature:
    text = schema_text("nomenklatur_kecamatan.csv")
    return Nomenclature(csv_pairs(text), source="bawaan (kecamatan 7.01.01-7.01.06)")


def describe(path, found, jenis_pemda: str | None, stored: bool = False, **extra) -> dict:
    """What the reports say about the list used: file name, rows, jenis pemda."""
    import os
    info = {"file": os.path.basename(str(path)), "rows": found.rows, "kind": found.kind,
            "jenis_pemda": JENIS_PEMDA.get((jenis_pemda or "kabkot").lower(), "KABKOT"),
            "stored": stored}
    info.update(extra)
    return info


def load_nomenclature(path, jenis_pemda: str | None = None) -> Nomenclature:
    """A reference from the official Kemendagri workbook or a `kode, nama` list (CSV/XLSX)."""
    found = read_nomenclature_file(path)
    return Nomenclature(entries=found.entries, source=str(path), jenis_pemda=jenis_pemda,
                        info=describe(path, found, jenis_pemda))
