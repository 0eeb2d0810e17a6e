"""A value cell of the other tables: a target/number as written ("12 Laporan", "83,88", 0.42)."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..read.numbers import MAX_NUMBER, NumberError, parse_target
from .layout import cell_text

__all__ = ["Cell", "parse_cell"]

_EMPTY = frozenset(("", "-", "--", "na", "n/a", "n.a", "n.a.", "nihil", "tidak ada", "#n/a"))
_NUMBER_PART = re.compile(r"^\s*[-+]?\d[\d.,]*")


@dataclass(frozen=True, slots=True)
class Cell:
    value: float | None
    unit: str = ""
    decimals: int = 0            # decimals shown (for the rounding a computed column may have)
    text: str = ""
    numeric_cell: bool = False   # a real number cell (a percentage may be stored as 0.42)
    ambiguous: bool = False


def _decimals_of_float(value: float) -> int:
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    return min(len(text.split(".")[1].rstrip("0")), 6)


def parse_cell(raw) -> Cell:
    """A target/number cell: `12 Laporan`, `83,88`, `100 %`, 0.42, `NA`."""
    if raw is None or raw == "":
        return Cell(None)
    if isinstance(raw, bool):
        return Cell(None, text=str(raw))
    if isinstance(raw, (datetime.date, datetime.time)):   # Excel made a date of "1/12"
        return Cell(None, text=str(raw))
    if isinstance(raw, (int, float)):
        if not abs(raw) <= MAX_NUMBER:           # infinite, NaN or absurd: kept as text only
            return Cell(None, text=cell_text(raw))
        return Cell(float(raw), decimals=_decimals_of_float(raw), text=cell_text(raw),
                    numeric_cell=True)
    text = " ".join(str(raw).split())
    if text.lower() in _EMPTY:
        return Cell(None, text=text)
    try:
        target = parse_target(text)
    except NumberError:
        return Cell(None, text=text)
    decimals = 0
    match = _NUMBER_PART.match(text)
    if match:
        number = match.group(0).rstrip(".,")
        if "," in number:
            decimals = len(number.rsplit(",", 1)[1])
        elif target.ambiguous and "." in number:
            decimals = len(number.rsplit(".", 1)[1])
    return Cell(target.value, target.unit, decimals, text, False, target.ambiguous)
