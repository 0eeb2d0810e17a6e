"""Usulan Program dan Kegiatan from the public: duplicates, numbering, kecamatan."""
from __future__ import annotations

from ..tables.generic import GenericTable
from ..report.issues import Issue
from .nomenclature import fold
from ..report.data import schema_toml

__all__ = ["check_usulan"]

_PLACE_WORDS = frozenset(schema_toml("words.toml")["desa_place_words"])


def _place(text) -> str:
    words = [w for w in fold(str(text or "")).split() if w not in _PLACE_WORDS]
    return " ".join(words)


def check_usulan(gt: GenericTable, kecamatan: str | None) -> list[Issue]:
    issues: list[Issue] = []
    first: dict[tuple[str, str], int] = {}
    own = _place(kecamatan) if kecamatan else ""
    previous_no = previous_desa = None
    for row in gt.rows:
        desa = _place(row.get("desa"))
        usulan = fold(row.get("usulan"))
        if usulan:
            key = (desa, usulan.replace(" ", ""))     # "Pembangunan/Reh abilitasi" wraps
            if key in first:
                issues.append(gt.issue("usulan-duplicate", row["row"], "usulan",
                                       value=row["usulan"], expected=first[key],
                                       params={"desa": row.get("desa") or "-",
                                               "first_row": first[key]}))
            else:
                first[key] = row["row"]
        kec = row.get("kecamatan_usulan")
        if own and kec and _place(kec) != own:
            issues.append(gt.issue("usulan-kecamatan-differs", row["row"], "kecamatan_usulan",
                                   value=kec, expected=kecamatan))
        no = _number(row.get("no"))
        if no is not None:
            if previous_no is not None and no != previous_no + 1 and not (
                    no == 1 and desa != previous_desa):
                issues.append(gt.issue("usulan-numbering", row["row"], "no", value=no,
                                       expected=previous_no + 1,
                                       params={"previous": previous_no}))
            previous_no, previous_desa = no, desa
    return issues


def _number(value) -> int | None:
    text = str(value or "").strip().rstrip(".")
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None
