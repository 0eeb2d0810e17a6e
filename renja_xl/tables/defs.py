"""Table definitions, loaded from `schemas/tables.toml` (data, not code)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..report.data import schema_toml

__all__ = ["FieldDef", "TableDef", "table_defs", "other_tables", "normalise_label"]

_NON_WORD = re.compile(r"[^0-9a-z%]+")
# a year (2025) or a year number of a multi-year plan ("tahun 1", "tahun ke 1"), normalised
_YEARISH = re.compile(r"\b(?:19|20)\d{2}\b|\btahun (?:ke )?[1-9]\b")


def normalise_label(text) -> str:
    """'Kebutuhan Dana/Pagu Indikatif (Rp)' -> 'kebutuhan dana pagu indikatif rp'."""
    if text is None:
        return ""
    return _NON_WORD.sub(" ", str(text).lower()).strip()


@dataclass(frozen=True, slots=True)
class FieldDef:
    name: str
    aliases: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # phrases that must all occur too ("akhir" + "rp")
    per_year: bool = False
    multi: bool = False
    money: bool = False
    kind: str = "text"          # text | target | number | percent | money (the other tables)
    series: bool = False        # one column per year ("Target Tahun 2022 … 2025")
    caption: str = ""           # the column's name in messages ("Tingkat Realisasi")

    def matches(self, label: str) -> bool:
        """Does a normalised header label belong to this field?"""
        if not label:
            return False
        padded = f" {label} "
        if any(f" {word} " in padded for word in self.exclude):
            return False
        if not all(f" {word} " in padded for word in self.requires):
            return False
        if label in self.labels:
            return True
        return any(f" {alias} " in padded for alias in self.aliases)


@dataclass(frozen=True, slots=True)
class TableDef:
    id: str
    title: str
    sheet: str
    fields: tuple[FieldDef, ...]
    required: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    money_units: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)     # any other key of the table's section

    @property
    def checks(self) -> tuple[str, ...]:
        """The checks that run on this kind of table (`checks = [...]` in tables.toml)."""
        return tuple(self.options.get("checks", ()))

    def identified_by(self, labels, titles=()) -> bool:
        """The header's defining words (`identity`: every group has a phrase in some label;
        `identity_years`: at least that many years or year numbers 'Tahun 1..5' are named),
        or else its title line right above the header (`identity_titles`)."""
        groups = self.options.get("identity")
        years = self.options.get("identity_years")
        named = self.options.get("identity_titles")
        if named and titles:
            text = " " + " ".join(normalise_label(t) for t in titles) + " "
            if any(f" {normalise_label(p)} " in text for p in named):
                return True
        if not groups and not years:
            return False
        padded = [f" {normalise_label(label)} " for label in labels]
        forbid = self.options.get("forbid_words", ())
        if any(f" {normalise_label(w)} " in label for w in forbid for label in padded):
            return False                # a Renja plan with Prakiraan Maju, Realisasi …
        for group in groups or ():
            if not any(f" {normalise_label(p)} " in label for p in group for label in padded):
                return False
        if years:
            named = {m.group(0) for label in padded for m in _YEARISH.finditer(label)}
            if len(named) < years:
                return False
        return True

    def money_factor(self, label: str) -> float:
        """Rupiah per unit a money header announces ("Pagu (Ribuan)" -> 1000), else 1."""
        factor = 1.0
        padded = f" {label} "
        for word, value in self.money_units.items():
            if f" {word} " in padded:
                factor = float(value)
        return factor

    def field_for(self, label: str) -> FieldDef | None:
        for fdef in self.fields:
            if fdef.matches(label):
                return fdef
        return None


_KNOWN_KEYS = frozenset(("title", "sheet", "fields", "required", "expected", "money_units"))


def _norm_all(words) -> tuple[str, ...]:
    return tuple(normalise_label(w) for w in words)


@lru_cache(maxsize=None)
def other_tables() -> tuple[str, ...]:
    """The tables read by the generic reader, in the order of tables.toml (the order in
    which they are tried on one header row); the plan table (`reader = "plan"`) is not one."""
    return tuple(t for t, d in table_defs().items() if d.options.get("reader") != "plan")


@lru_cache(maxsize=None)
def table_defs() -> dict[str, TableDef]:
    data = schema_toml("tables.toml")
    defs = {}
    for table_id, spec in data.items():
        fields = tuple(
            FieldDef(name=f["name"], aliases=_norm_all(f.get("aliases", ())),
                     labels=_norm_all(f.get("labels", ())), exclude=_norm_all(f.get("exclude", ())),
                     requires=_norm_all(f.get("requires", ())),
                     per_year=f.get("per_year", False), multi=f.get("multi", False),
                     money=f.get("money", False),
                     kind=f.get("kind", "money" if f.get("money") else "text"),
                     series=f.get("series", False), caption=f.get("caption", ""))
            for f in spec.get("fields", ()))
        defs[table_id] = TableDef(
            id=table_id, title=spec["title"], sheet=spec.get("sheet", table_id), fields=fields,
            required=tuple(spec.get("required", ())), expected=tuple(spec.get("expected", ())),
            money_units={normalise_label(k): v for k, v in spec.get("money_units", {}).items()},
            options={k: v for k, v in spec.items() if k not in _KNOWN_KEYS})
    return defs
