"""Target consistency of plan rows: units between years, indicator kind vs unit, n+1 pairs."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from ..report.issues import Issue

__all__ = ["unit_key", "check_targets"]


@lru_cache(maxsize=1)
def _units():
    text = resources.files("renja_xl.schemas").joinpath("satuan.toml").read_text("utf-8")
    data = tomllib.loads(text)
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


def check_targets(plan) -> list[Issue]:
    issues: list[Issue] = []
    year, year_n1 = plan.year(False), plan.year(True)
    has_n1 = plan.col("target_n1") is not None
    for row in plan.rows:
        if row.get("level") is None:
            continue
        kode = row["kode"]
        unit, unit_n1 = row.get("satuan"), row.get("satuan_n1")
        text, text_n1 = row.get("_target_text"), row.get("_target_n1_text")
        if unit and unit_n1 and unit_key(unit) != unit_key(unit_n1):
            col = plan.col("satuan_n1") or plan.col("target_n1")
            issues.append(plan.issue("satuan-changed", row["row"], col=col, kode=kode,
                                     value=text or unit, expected=text_n1 or unit_n1,
                                     params={"year": year, "year_n1": year_n1}))
        kind = _indicator_kind(row.get("indikator"))
        for suffix, shown_year, raw in (("", year, text), ("_n1", year_n1, text_n1)):
            u = unit_key(row.get("satuan" + suffix))
            value = row.get("target" + suffix)
            if not raw and value is None:
                continue
            shown = raw or (f"{value:g} {row.get('satuan' + suffix) or ''}".strip())
            col = plan.col("target" + suffix)
            if kind == "count" and u == "%":
                issues.append(plan.issue("target-percent-for-count", row["row"], col=col,
                                         kode=kode, value=shown,
                                         params={"indikator": row["indikator"][:80]}))
            elif kind == "percent" and u and u != "%":
                issues.append(plan.issue("target-count-for-percent", row["row"], col=col,
                                         kode=kode, value=shown,
                                         params={"indikator": row["indikator"][:80]}))
            if u == "%" and value is not None and value > 100:
                issues.append(plan.issue("percent-over-100", row["row"], col=col, kode=kode,
                                         value=shown, params={"year": shown_year}))
            if value is None and raw:
                issues.append(plan.issue("target-not-number", row["row"], col=col, kode=kode,
                                         value=raw, params={"year": shown_year}))
        if has_n1 and plan.col("pagu_n1") is not None:
            pagu_n1 = row.get("pagu_n1")
            has_target_n1 = bool(text_n1) or row.get("target_n1") is not None
            if pagu_n1 and not has_target_n1:
                issues.append(plan.issue("target-n1-missing", row["row"], "target_n1", kode=kode,
                                         params={"year_n1": year_n1}))
            elif has_target_n1 and pagu_n1 is None and not row.get("_pagu_n1_formula") \
                    and not row.get("_pagu_n1_bad"):
                issues.append(plan.issue("pagu-n1-missing", row["row"], "pagu_n1", kode=kode,
                                         params={"year_n1": year_n1}))
    return issues
