"""Giving each header column its field and record key: one mapper for every table.

`map_columns(table, labels, keys)` walks a header's columns left to right. For each column a
key step (`keys`) names its field, matched on the column's label in the table's section of
`schemas/tables.toml` (`TableDef.field_for`), and its record key; the mapper then joins the
cells of a code over adjacent columns (`multi = true`), puts the plan's outcome and output
indicator of one year into one key, takes the money unit a money header announces, and
leaves a second column for a key it already has unmapped. The key steps:

- `FieldKeys`: the field's name (the header block of any table);
- `PlanKeys` (the plan table): year n or n+1 (`pagu_n1`, by `periods`) of a `per_year`
  field, the Semula / Menjadi / selisih columns of a Renja Perubahan (`perubahan` words) and
  the outcome / output pairs of a DPA-like layout (`pairs` words);
- `SeriesKeys` (the other tables): the half (`_rkpd`, `_analisis`, or the year of an IKU half,
  from `halves`) and the year of a `series` column (`target_2023`; 'Tahun 1' counted from the
  first year of the period in the title, `year_from_title`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .defs import FieldDef, TableDef, normalise_label
from .periods import period, plan_years, says_n1

__all__ = ["Column", "Key", "map_columns", "FieldKeys", "PlanKeys", "SeriesKeys", "phrase_in"]

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_YEAR_INDEX = re.compile(r"\btahun (?:ke )?([1-9])\b")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai|hingga)\s*(?:19|20)\d{2}\b",
                     re.I)


def phrase_in(phrase: str, label: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {label} "


@dataclass(slots=True)
class Column:
    key: str                     # record key: field name + year n+1 / variant, or + half + year
    name: str                    # field name in tables.toml
    col: int                     # 0-based column (the first cell of a code or a pair)
    kind: str = "text"
    caption: str = ""
    year: int | None = None
    half: str | None = None
    number: str | None = None    # "(8)" from the column-number row
    factor: float = 1.0          # money unit from the header ("(Ribuan)" = 1000)
    span: tuple[int, ...] | None = None   # all the cells of a code over several columns

    @property
    def title(self) -> str:
        """How a message names the column: '(8) Tingkat Realisasi (%)'."""
        parts = [p for p in (self.number, self.caption or self.name) if p]
        return " ".join(parts)

    @property
    def cells(self) -> tuple[int, ...]:
        return self.span or (self.col,)


@dataclass(slots=True)
class Key:
    """What a key step says about one column."""
    field: FieldDef
    key: str
    year: int | None = None
    half: str | None = None
    pair: str | None = None      # 'output' / 'outcome': one of the plan's two indicator columns


def map_columns(table: TableDef, labels: dict[int, str], keys,
                numbers: dict[int, str] | None = None,
                seconds: dict | None = None) -> tuple[list[Column], list[int]]:
    """The header's columns with their fields and keys (left to right), and the unmapped ones;
    `seconds` gets each unmapped second column of a key: column -> (the column read, field)."""
    columns: list[Column] = []
    by_key: dict[str, Column] = {}
    unmapped: list[int] = []
    for c in sorted(labels):
        hit = keys(c)
        if hit is None:
            unmapped.append(c)
            continue
        known = by_key.get(hit.key)
        if known is not None:
            if not _joined(known, hit, c):
                unmapped.append(c)
                if seconds is not None and not hit.pair and not hit.field.multi:
                    seconds[c] = known, hit.field
            continue
        fdef = hit.field
        factor = table.money_factor(labels[c]) if fdef.kind == "money" else 1.0
        column = Column(key=hit.key, name=fdef.name, col=c, kind=fdef.kind, caption=fdef.caption,
                        year=hit.year, half=hit.half, number=(numbers or {}).get(c), factor=factor)
        by_key[hit.key] = column
        columns.append(column)
    return columns, unmapped


def _joined(known: Column, hit: Key, c: int) -> bool:
    """A further cell of a known key: the next cell of a code over several columns, or the
    second of an outcome/output pair (the output first: it is read where filled)."""
    cells = known.cells
    if hit.pair:
        if len(cells) >= 2:
            return False
        cells = (c,) + cells if hit.pair == "output" else cells + (c,)
    elif hit.field.multi and c == cells[-1] + 1:
        cells = cells + (c,)
    else:
        return False
    known.col, known.span = cells[0], cells
    return True


class FieldKeys:
    """The field's name is the key."""

    def __init__(self, table: TableDef, labels: dict[int, str]):
        self.table, self.labels = table, labels

    def __call__(self, c: int) -> Key | None:
        fdef = self.table.field_for(self.labels[c])
        return Key(fdef, fdef.name) if fdef else None


class PlanKeys:
    """The plan's key step: `pagu` / `pagu_n1` (per_year fields), `pagu_semula`,
    `pagu_selisih`, `target_semula` (Renja Perubahan), one key for an outcome/output pair.
    A column of an earlier year (Realisasi n-1) is not the plan's."""

    def __init__(self, table: TableDef, labels: dict[int, str], raw: dict[int, str]):
        self.table, self.labels, self.raw = table, labels, raw
        self.years = plan_years(sorted({int(y) for text in raw.values()
                                        for y in _YEAR.findall(text)}))
        self.seen: Counter = Counter()

    def __call__(self, c: int) -> Key | None:
        table, label, raw = self.table, self.labels[c], self.raw[c]
        fdef = table.field_for(label)
        variant = _variant(label, table)
        if fdef is None and variant == "selisih":
            fdef = table.field_for("pagu")             # a lone "Bertambah/(Berkurang)" column
        if fdef is None or (variant == "selisih" and not fdef.money):
            return None
        name, n1_year = fdef.name, self.years[1]
        if variant in ("outcome", "output") and name in ("indikator", "target", "satuan"):
            # never n+1 unless the header says so
            return Key(fdef, name + ("_n1" if says_n1(label, raw, n1_year) else ""), pair=variant)
        if fdef.per_year and variant in ("semula", "menjadi", "selisih"):   # all of year n
            name = {"semula": name + "_semula", "selisih": "pagu_selisih"}.get(variant, name)
            name += "_n1" if says_n1(label, raw, n1_year) else ""
        elif fdef.per_year:
            when = period(label, raw, *self.years, self.seen[name])
            if when is None:                 # an earlier year (realisasi n-1): not the plan
                return None
            self.seen[name] += 1
            name += "_n1" if when == "n1" else ""
        return Key(fdef, name)


def _variant(label: str, table: TableDef) -> str | None:
    """What a plan column is beyond its field (words from tables.toml): 'semula', 'menjadi'
    or 'selisih' in a Renja Perubahan; 'outcome' or 'output' for the two indicator pairs of a
    DPA-like layout (a label naming both, "Program (outcome)/Kegiatan (output)", is neither)."""
    padded = f" {label} "

    def says(words) -> bool:
        return any(f" {normalise_label(w)} " in padded for w in words)
    words = table.options.get("perubahan") or {}
    for variant in ("selisih", "semula", "menjadi"):
        if says(words.get(variant, ())):
            return variant
    pairs = table.options.get("pairs") or {}
    outcome, output = says(pairs.get("outcome", ())), says(pairs.get("output", ()))
    if outcome != output:
        return "outcome" if outcome else "output"
    return None


class SeriesKeys:
    """The other tables' key step: field + half (`pagu_analisis`) + year of a series column
    (`target_2023`, or its place `target_2` when the header names no year). `full` are the
    labels with the group headers above; `group_text` the group headers alone."""

    def __init__(self, table: TableDef, full: dict[int, str], group_text: dict[int, str],
                 titles: list[str]):
        self.full = full
        self.half_of, self.fdefs = _halves(table, full, group_text)
        self.first_year = _first_year(titles) if table.options.get("year_from_title") else None
        self.ordinal: Counter = Counter()

    def __call__(self, c: int) -> Key | None:
        fdef = self.fdefs[c]
        if fdef is None:
            return None
        year = _year_of(fdef, self.full[c], self.first_year)
        half = self.half_of[c]
        key = fdef.name + (f"_{half}" if half else "")
        if fdef.series:
            self.ordinal[key] += 1
            key = f"{key}_{year}" if year else f"{key}_{self.ordinal[key]}"
        return Key(fdef, key, year=year, half=half)


def _first_year(titles: list[str]) -> int | None:
    """The first year of a multi-year period named in the title lines ('Renstra 2025–2029')."""
    for line in titles:
        match = _PERIOD.search(line)
        if match:
            return int(match.group(1))
    return None


def _halves(table: TableDef, full: dict[int, str], group_text: dict[int, str]):
    """Column -> its half (`rkpd`/`analisis`, or the year of an IKU half), and column -> its
    field, matched on the label without the half's words."""
    halves = table.options.get("halves")
    half_of: dict[int, str | None] = {}
    match_label: dict[int, str] = {}
    for c, label in full.items():
        half, stripped = None, label
        if halves == "year":
            years = _YEAR.findall(group_text[c]) or _YEAR.findall(label)
            if years:
                half = years[-1]
                stripped = " ".join(re.sub(r"\btahun\b|\b(19|20)\d{2}\b", " ", label).split())
        elif isinstance(halves, dict):
            for name, phrases in halves.items():
                phrase = next((p for p in map(normalise_label, phrases) if phrase_in(p, label)), None)
                if phrase:
                    half = name
                    stripped = " ".join(f" {label} ".replace(f" {phrase} ", " ", 1).split())
                    break
        half_of[c], match_label[c] = half, stripped
    fdefs = {c: table.field_for(match_label[c]) for c in full}
    if isinstance(halves, dict) and not any(half_of.values()):
        # halves without group headers: the second column of a field is the second half
        names = list(halves)
        counts = Counter(f.name for f in fdefs.values() if f)
        seen: Counter = Counter()
        for c in sorted(full):
            fdef = fdefs[c]
            if fdef and counts[fdef.name] > 1:
                half_of[c] = names[min(seen[fdef.name], len(names) - 1)]
                seen[fdef.name] += 1
    return half_of, fdefs


def _year_of(fdef, label: str, first_year: int | None) -> int | None:
    """The year a column names ("Target 2025"), or "Tahun 1" of a period starting first_year."""
    years = sorted({int(y) for y in _YEAR.findall(label)})
    year = years[-1] if (len(years) == 1 or (fdef.series and years)) else None
    if fdef.series and year is None and first_year:
        number = _YEAR_INDEX.search(label)
        year = first_year + int(number.group(1)) - 1 if number else None
    return year
