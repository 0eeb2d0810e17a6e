"""Every rule renja_xl reports: its stable id, category, severity, messages and description.

One place per rule: `schemas/rules.toml`, data like the table definitions, one [table] per
rule. Messages are `str.format` templates over the issue's parameters; Indonesian first,
English for `--lang en`; the parameters are read from the templates. The README's rule table
is generated from here (`python -m renja_xl rules --format markdown`).
"""
from __future__ import annotations

import json
import string
from dataclasses import dataclass

from .data import schema_toml

CATEGORIES = ("file", "structure", "code", "hierarchy", "value", "budget", "target",
              "computed", "nomenclature", "crosscheck")
SEVERITIES = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    id_text: str   # Indonesian message template
    en_text: str   # English message template
    description: str      # one line, Indonesian: what the rule checks and why it matters
    description_en: str   # the same in English

    @property
    def params(self) -> frozenset[str]:
        """The parameters the messages need, in either language (`x` for `x` and `x_en`)."""
        return frozenset(name.removesuffix("_en")
                         for text in (self.id_text, self.en_text) for name in template_fields(text))

    def template(self, lang: str = "id") -> str:
        return self.en_text if lang == "en" else self.id_text

    def describe(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" else self.description


def template_fields(text: str) -> set[str]:
    """The names a `str.format` template asks for (`{value}`, `{rows}` …)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text) if name}


_KEYS = ("category", "severity", "id", "en", "description", "description_en")


def _rule(rule_id: str, entry: dict) -> Rule:
    """One [table] of rules.toml as a Rule, every key checked (a mistake names the rule)."""
    if sorted(entry) != sorted(_KEYS) or not all(isinstance(v, str) and v for v in entry.values()):
        raise ValueError(f"rules.toml [{rule_id}]: needs exactly the text keys {', '.join(_KEYS)}")
    if entry["category"] not in CATEGORIES or entry["severity"] not in SEVERITIES:
        raise ValueError(f"rules.toml [{rule_id}]: unknown category or severity")
    return Rule(rule_id, entry["category"], entry["severity"], entry["id"], entry["en"],
                entry["description"], entry["description_en"])


def _load() -> dict[str, Rule]:
    return {rule_id: _rule(rule_id, entry) for rule_id, entry in schema_toml("rules.toml").items()}


RULES: dict[str, Rule] = _load()


def listing(fmt: str = "text", lang: str = "id") -> str:
    """The rules table for `python -m renja_xl rules`: text (one line a rule, with its
    description in `lang`), markdown (the README's table) or json (everything, both languages)."""
    rules = RULES.values()
    if fmt == "json":
        return json.dumps({"version": 1, "rules": [
            {"rule": r.id, "category": r.category, "severity": r.severity, "params": sorted(r.params),
             "message": {"id": r.id_text, "en": r.en_text},
             "description": {"id": r.description, "en": r.description_en}} for r in rules]},
            ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        head = ("| rule | category | severity | keterangan | description | pesan (contoh) | message |\n"
                "|---|---|---|---|---|---|---|\n")
        return head + "".join(f"| `{r.id}` | {r.category} | {r.severity} | {r.description} | "
                              f"{r.description_en} | {r.id_text} | {r.en_text} |\n" for r in rules)
    return "".join(f"{r.id:<28} {r.category:<13} {r.severity:<8} {r.describe(lang)}\n" for r in rules)

LEVEL_NAMES = {
    "id": {"urusan": "urusan", "bidang": "bidang urusan", "program": "program",
           "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", None: "baris"},
    "en": {"urusan": "urusan", "bidang": "bidang urusan", "program": "program",
           "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", None: "row"},
}
CHILD_LEVEL = {"urusan": "bidang", "bidang": "program", "program": "kegiatan",
               "kegiatan": "sub_kegiatan"}
