"""What a row below a table header is: shared by the plan reader and the other tables.

Page-break header repeats, column-number rows, footer lines ("12 | Renja Kecamatan …"),
table titles and JUMLAH/TOTAL rows look the same in every Renja table.
"""
from __future__ import annotations

import re

from .layout import Grid, Layout, is_numbering_row, strip_years
from ..read.numbers import MAX_NUMBER, NumberError, format_number, format_rupiah, parse_money
from ..report.data import schema_toml
from .defs import normalise_label
from .header import other_table_starts

__all__ = ["FOOTER", "TOTAL", "TABLE_TITLE", "header_repeat", "header_follows",
           "is_money", "read_money", "formula_error"]

FOOTER = re.compile(r"(^\d{1,3}\s*\|)|(\|\s*\d{1,3}$)|\bhalaman\b|\bhal\.?\s*\d|\bpage\s*\d", re.I)
TOTAL = re.compile(r"\b(jumlah|total|grand total)\b", re.I)
TABLE_TITLE = re.compile(r"^\s*(tabel|table|t\s*-\s*[a-z]\.?\s*\d)", re.I)


def _signature() -> re.Pattern:
    words = schema_toml("words.toml")
    openers = "|".join(re.escape(w) for w in sorted(words["signature_openers"], key=len, reverse=True))
    months = "|".join(words["months"])
    return re.compile(rf"^\s*(?:(?:{openers})(?![a-z])|[^\d,]{{2,40}},\s*\d{{1,2}}\s+(?:{months})\s+\d{{4}}\s*$)",
                      re.I)


SIGNATURE = _signature()


def is_signature(texts) -> bool:
    """The signature block under a table: place and date, the official's title, NIP."""
    return bool(texts) and len(texts) <= 2 and all(SIGNATURE.match(t) for _, t in texts)


def header_repeat(grid: Grid, r: int, texts, layout: Layout) -> bool:
    """Row r repeats the header of `layout` (after a page break) or numbers its columns."""
    if is_numbering_row(texts):
        return True
    if any(re.search(r"\d", strip_years(t)) for _, t in texts):
        return False
    hits = 0
    for c, text in texts:
        label = normalise_label(text)
        if layout.table.field_for(label) or any(label and label in lab for lab in layout.labels.values()):
            hits += 1
    return hits >= 2 or (hits == 1 and len(texts) == 1 and r - layout.header_last < 0)


def header_follows(grid: Grid, r: int, layout: Layout) -> bool:
    """A repeat of `layout`'s header within the next rows (a title repeated on a new page),
    not the header of another standard table (a Review RKPD below the plan table)."""
    for rr in range(r + 1, min(grid.height, r + 8)):
        texts = grid.texts(rr)
        if texts and header_repeat(grid, rr, texts, layout):
            return not other_table_starts(grid, r, layout.table)
    return False


def is_money(value) -> bool:
    """A cell that holds (or tries to hold) an amount."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if isinstance(value, str) and value.strip():
        try:
            parse_money(value)
            return True
        except NumberError:
            return bool(re.search(r"\d", value))
    return False


def read_money(table, raw, r: int, c: int, factor: float, year: str, kode=None) -> float | None:
    """One money cell in rupiah, or None (empty or unreadable). A text that is no number is
    reported `pagu-not-number`, an ambiguous one `number-ambiguous`, on the cell (r, c)."""
    if (type(raw) is float or type(raw) is int) and abs(raw) <= MAX_NUMBER:
        return raw if factor == 1.0 and type(raw) is float else float(raw) * factor
    if raw == "" or raw is None or (isinstance(raw, str) and raw.strip() in ("", "-")):
        return None
    try:
        parsed = parse_money(raw)
    except NumberError:
        table.issues.append(table.issue("pagu-not-number", r + 1, col=c, kode=kode, value=raw,
                                        params={"year": year}))
        return None
    value = parsed.value if parsed.words else parsed.value * factor   # "150 juta" says its scale
    if parsed.words:
        table.issues.append(table.issue("pagu-words", r + 1, col=c, kode=kode, value=raw,
                                        expected=value, params={"year": year,
                                                                "shown": format_rupiah(value)}))
    elif parsed.ambiguous:
        table.issues.append(table.issue("number-ambiguous", r + 1, col=c, kode=kode, value=raw,
                                        expected=value, params={"shown": format_number(value)}))
    return value


def formula_error(table, grid: Grid, r: int, c: int, kode=None) -> bool:
    """A formula whose cached value is an Excel error (#REF!, #DIV/0!): reported, True."""
    found = grid.sheet.errors.get((r, c)) if grid.sheet.errors else None
    if found is None:
        return False
    formula, error = found
    rule = "formula-error" if formula else "cell-error"      # "" : an error pasted as a value
    table.issues.append(table.issue(rule, r + 1, col=c, kode=kode, value=error,
                                    params={"formula": formula}))
    return True
