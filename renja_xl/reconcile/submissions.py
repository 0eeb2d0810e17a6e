"""One agency, two submissions: a Renja sent twice, or a revision sent beside the first one.

Summed as they are, the agency's budget would be counted twice in the consolidated totals. The
newest file (by modification time; the later one given on a tie) is counted; each other file
gets a finding that names it: a warning when its plan holds the same codes and pagu, an error
when it differs (Bappeda must know which one is meant).
"""
from __future__ import annotations

import os
import re
from collections import Counter

from ..read.codes import PLAN_LEVELS
from ..report.issues import Issue

__all__ = ["repeated_agencies", "other_years"]

_UNIT_WORDS = re.compile(r"\b(kecamatan|kec|kabupaten|kab)\b\.?", re.I)


def repeated_agencies(files: list[str], agencies: list, plans: list[list[dict]],
                      mtimes: list[float]) -> dict[int, Issue]:
    """Index of a file that is not counted -> its finding. `plans` are the files' plan records
    (public dicts); files without plan rows (a Renstra, an unreadable file) take no part."""
    groups: dict[str, list[int]] = {}
    for k, (agency, records) in enumerate(zip(agencies, plans)):
        key = _key(agency)
        if key and records:
            groups.setdefault(key, []).append(k)
    found: dict[int, Issue] = {}
    for ks in groups.values():
        if len(ks) < 2:
            continue
        kept = max(ks, key=lambda k: (mtimes[k], k))
        for k in ks:
            if k == kept:
                continue
            same = _money(plans[k]) == _money(plans[kept])
            found[k] = Issue(rule="submission-repeated" if same else "submission-superseded",
                             file=files[k], value=agencies[k],
                             params={"other": _shown(files, kept, ks)})
    return found


def _shown(files: list[str], k: int, group: list[int]) -> str:
    """The file name staff see: its base name, or its path from the group's common folder
    when two files of the group have the same name (two folders of the same batch)."""
    name = os.path.basename(files[k])
    if sum(os.path.basename(files[j]) == name for j in group) < 2:
        return name
    try:
        root = os.path.commonpath([os.path.abspath(files[j]) for j in group])
        return os.path.relpath(os.path.abspath(files[k]), root)
    except ValueError:                       # other drives (Windows)
        return files[k]


def other_years(files: list[str], years: list) -> dict[int, Issue]:
    """A plan for another year than most of the batch (last year's file sent by mistake): an
    error on that file; it is still counted, and staff are told so."""
    known = [y for y in years if y]
    if len(known) < 3:
        return {}
    common, count = Counter(known).most_common(1)[0]
    if 2 * count <= len(known):                   # no clear plan year in this batch
        return {}
    return {k: Issue(rule="plan-year-differs", file=files[k], value=year, expected=common,
                     params={"n": count})
            for k, year in enumerate(years) if year and year != common}


def _key(agency) -> str:
    text = _UNIT_WORDS.sub(" ", str(agency or "")).lower()
    text = " ".join(text.split())
    return text if len(text) >= 3 and text not in ("unknown", "tidak diketahui") else ""


def _money(records: list[dict]) -> dict:
    return {(r.get("kode"), r.get("indikator_ke") or 1): (r.get("pagu"), r.get("pagu_n1"))
            for r in records if r.get("level") in PLAN_LEVELS}
