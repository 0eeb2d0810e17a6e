"""Target consistency of plan rows: units between years, indicator kind vs unit, n+1 pairs."""
from __future__ import annotations

import re
from functools import lru_cache

from ..read.codes import PLAN_LEVELS
from ..report.data import schema_toml
from ..report.issues import Issue

__all__ = ["unit_key", "check_targets"]


@lru_cache(maxsize=1)
def _units():
    data = schema_toml("satuan.toml")
    synonyms = {}
    for canonical, variants in data["synonyms"].items():
        for variant in variants + [canonical]:
            synonyms[variant.lower()] = canonical
    kinds = {kind: tuple(words) for kind, words in data["indicator"].items()}
    return synonyms, kinds


@lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> str:
    """'Dok' -> 'dokumen', 'org/bln' -> 'orang/bulan', '100 %' unit '%' -> '%'."""
    if not unit:
        return ""
    synonyms, _ = _units()
    text = unit.lower().replace(".", " ").strip()
    if text.startswith("%"):
        return "%"
    parts = re.split(r"\s*/\s*", text)
    keys = []
    for part in parts:
        words = part.split()
        if not words:
            continue
        first = synonyms.get(words[0], words[0])
        rest = [synonyms.get(w, w) for w in words[1:]]
        keys.append(" ".join([first] + rest))
    return "/".join(keys)


@lru_cache(maxsize=8192)
def _indicator_kind(indikator: str | None) -> str | None:
    if not indikator:
        return None
    _, kinds = _units()
    text = indikator.lower().lstrip(" -•")
    for kind, words in kinds.items():
        if any(text.startswith(w) for w in words):
            return kind
    return None


def with_unit(text: str | None, unit: str | None) -> str | None:
    """A target as the planner wrote it, with its unit: '4' + Satuan 'Dokumen' -> '4 Dokumen'
    (a unit in its own column), '12 Laporan' and '100%' as they are."""
    if not text:
        return unit
    if not unit or unit.lower() in text.lower():
        return text
    return f"{text}{unit}" if unit.strip() == "%" else f"{text} {unit}"


def check_targets(plan) -> list[Issue]:
    """Per indicator (an item's own line and each further indicator line): units between the
    years, indicator kind vs unit, percentages; per item: the n+1 pagu/target pair."""
    issues: list[Issue] = []
    has_n1 = plan.col("target_n1") is not None and plan.col("pagu_n1") is not None
    for row in plan.rows:
        if row.level not in PLAN_LEVELS:
            continue                          # no level, or an urusan/bidang row: no targets
        for holder in row.targets():
            issues += _indicator_issues(plan, holder, row.kode)
        if has_n1:
            issues += _n1_pair(plan, row)
    return issues


def _indicator_issues(plan, row, kode) -> list[Issue]:
    issues: list[Issue] = []
    year, year_n1 = plan.year(False), plan.year(True)
    unit, unit_n1 = row.satuan, row.satuan_n1
    text, text_n1 = row.target_text, row.target_n1_text
    if unit and unit_n1 and unit_key(unit) != unit_key(unit_n1):
        col = row.col_of("satuan_n1")                 # the unit's own cell, or the target's
        col = col if col is not None else plan.col("satuan_n1") or plan.col("target_n1")
        issues.append(plan.issue("satuan-changed", row.row, col=col, kode=kode,
                                 value=with_unit(text, unit), expected=with_unit(text_n1, unit_n1),
                                 params={"year": year, "year_n1": year_n1}))
    kind = _indicator_kind(row.indikator)
    for name, shown_year, raw, value, satuan in (
            ("target", year, text, row.target, unit),
            ("target_n1", year_n1, text_n1, row.target_n1, unit_n1)):
        if (not raw and value is None) or row.unreadable(name):     # e.g. a date: target-date
            continue
        u = unit_key(satuan)
        found = []
        if kind == "count" and u == "%":
            found.append(("target-percent-for-count", {"indikator": row.indikator[:80]}))
        elif kind == "percent" and u and u != "%":
            found.append(("target-count-for-percent", {"indikator": row.indikator[:80]}))
        if u == "%" and value is not None and value > 100:
            found.append(("percent-over-100", {"year": shown_year}))
        if found:
            shown = with_unit(raw, satuan) if raw else f"{value:g} {satuan or ''}".strip()
            col = row.col_of(name)
            col = col if col is not None else plan.col(name)
            issues += [plan.issue(rule, row.row, col=col, kode=kode, value=shown, params=params)
                       for rule, params in found]
        if value is None and raw:
            col = row.col_of(name)
            issues.append(plan.issue("target-not-number", row.row,
                                     col=col if col is not None else plan.col(name), kode=kode,
                                     value=raw, params={"year": shown_year}))
    return issues


def _n1_pair(plan, row) -> list[Issue]:
    year_n1 = plan.year(True)
    has_target_n1 = any(h.target_n1_text or h.target_n1 is not None for h in row.targets())
    if row.pagu_n1 and not has_target_n1:
        return [plan.issue("target-n1-missing", row.row, "target_n1", kode=row.kode,
                           params={"year_n1": year_n1})]
    if has_target_n1 and row.pagu_n1 is None and not row.unreadable("pagu_n1"):
        return [plan.issue("pagu-n1-missing", row.row, "pagu_n1", kode=row.kode,
                           params={"year_n1": year_n1})]
    return []
