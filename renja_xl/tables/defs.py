"""Table definitions, loaded from `schemas/tables.toml` (data, not code)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["FieldDef", "TableDef", "table_defs", "normalise_label"]

_NON_WORD = re.compile(r"[^0-9a-z%]+")


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

    def field_for(self, label: str) -> FieldDef | None:
        for fdef in self.fields:
            if fdef.matches(label):
                return fdef
        return None


_KNOWN_KEYS = frozenset(("title", "sheet", "fields", "required", "expected", "money_units"))


def _norm_all(words) -> tuple[str, ...]:
    return tuple(normalise_label(w) for w in words)


@lru_cache(maxsize=None)
def table_defs() -> dict[str, TableDef]:
    text = resources.files("renja_xl.schemas").joinpath("tables.toml").read_text("utf-8")
    data = tomllib.loads(text)
    defs = {}
    for table_id, spec in data.items():
        fields = tuple(
            FieldDef(name=f["name"], aliases=_norm_all(f.get("aliases", ())),
                     labels=_norm_all(f.get("labels", ())), exclude=_norm_all(f.get("exclude", ())),
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
