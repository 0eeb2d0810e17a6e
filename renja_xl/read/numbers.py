"""Indonesian numbers, rupiah and targets.

Renja workbooks write numbers the Indonesian way: `.` groups thousands and `,` marks the
decimals (`1.802.641.000`, `Rp 1.802.641.000,00`, `83,88`), or hold real number cells.
Targets mix a number and a unit (`12 Laporan`, `100 %`, `100 persen`, `3,9`).

Every parser here returns a value or raises `NumberError` (a ValueError); nothing else.
Ambiguous spellings (`83.88`, `1,500`) are parsed with the Indonesian reading and flagged,
never guessed silently.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..report.data import schema_toml

__all__ = ["NumberError", "Parsed", "parse_number", "parse_money", "Target", "parse_target",
           "format_rupiah", "format_number"]


# Beyond any rupiah amount (the whole national budget is ~3.6e15) and beyond exact integers in
# a float: a cell this large is a typing accident, and sums of such cells would overflow.
MAX_NUMBER = 1e18


class NumberError(ValueError):
    """The text is not a number (the only exception these parsers raise)."""


@dataclass(frozen=True, slots=True)
class Parsed:
    value: float
    ambiguous: bool = False     # a reading had to be chosen: see `reading`
    reading: str = ""           # how an ambiguous text was read, e.g. "83,88"
    words: str = ""             # a money word that scaled the number: "juta" in "Rp 150 juta"


_CURRENCY = re.compile(r"^\s*(?:rp\.?|idr)\s*", re.I)
_TRAILING = re.compile(r"(?:,-|\.-|,\s*00|,\s*-+|(?<=\d\.\d{3})\.00)\s*$")  # '….000.00' too
_GROUPED_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")     # 1.802.641.000(,00)
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")   # 1,802,641,000(.00)
_DEC_COMMA = re.compile(r"^\d+,\d+$")                            # 83,88
_DEC_DOT = re.compile(r"^\d+\.\d+$")                             # 83.88
_PLAIN = re.compile(r"^\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


def parse_number(value, *, money: bool = False) -> Parsed:
    """Read a number written the Indonesian way (or a real number cell).

    `money=True` strips `Rp`, a trailing `,00`/`,-` and prefers thousands grouping for a
    lone `1.500` (rupiah have no decimals).
    """
    try:
        parsed = _parse_number(value, money)
    except OverflowError:                     # an int beyond float range
        raise NumberError(f"number too large: {value!r}") from None
    if not math.isfinite(parsed.value) or abs(parsed.value) > MAX_NUMBER:
        raise NumberError(f"number too large: {value!r}")
    return parsed


def _parse_number(value, money: bool) -> Parsed:
    if isinstance(value, bool):
        raise NumberError(f"not a number: {value!r}")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise NumberError(f"not a finite number: {value!r}")
        return Parsed(float(value))
    if not isinstance(value, str):
        raise NumberError(f"not a number: {value!r}")
    text = value.strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):      # accounting negative
        negative, text = True, text[1:-1].strip()
    text = _CURRENCY.sub("", text)
    if text.startswith("-"):
        negative, text = True, text[1:].strip()
    text = _CURRENCY.sub("", text)
    if money:
        text = _TRAILING.sub("", text)
    text = _SPACES.sub("", text)
    if not text:
        raise NumberError(f"not a number: {value!r}")
    sign = -1.0 if negative else 1.0
    if _PLAIN.match(text):
        return Parsed(sign * float(text))
    if _GROUPED_DOT.match(text):
        whole, _, dec = text.partition(",")
        number = float(whole.replace(".", "") + ("." + dec if dec else ""))
        # "1.500" alone could be English 1.5; rupiah and Indonesian text mean 1500
        ambiguous = not money and not dec and text.count(".") == 1
        return Parsed(sign * number, ambiguous, text if ambiguous else "")
    if _DEC_COMMA.match(text):
        whole, dec = text.split(",")
        if money and len(dec) == 3:
            # "1,500" as rupiah: English grouping (1500) or 1,5 rupiah; rupiah have no cents
            return Parsed(sign * float(whole + dec), True, text)
        return Parsed(sign * float(whole + "." + dec))
    if _GROUPED_COMMA.match(text):
        whole, _, dec = text.partition(".")
        return Parsed(sign * float(whole.replace(",", "") + ("." + dec if dec else "")),
                      True, text)
    if _DEC_DOT.match(text):
        # "83.88": an English decimal in a document that groups with dots
        return Parsed(sign * float(text), True, text)
    raise NumberError(f"not a number: {value!r}")


# amounts written with a word: "Rp 150 juta", "150 jt", "1,5 M" (miliar), "500 rb"
_MONEY_WORD = re.compile(r"^(.*?\d)\s*(ribu|rb|juta|jt|milyar|miliar|m|triliun|t)\.?\s*(?:,-|\.-)?\s*$",
                         re.I)
_WORD_FACTOR = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "milyar": 1e9, "miliar": 1e9,
                "m": 1e9, "triliun": 1e12, "t": 1e12}


def parse_money(value) -> Parsed:
    """A rupiah amount: `1.802.641.000`, `Rp 1.802.641.000,00`, `1802641000`, 1.8e9; also
    with a word (`Rp 150 juta`, `1,5 M` = miliar), said in `words` so it can be reported."""
    try:
        return parse_number(value, money=True)
    except NumberError:
        match = _MONEY_WORD.match(value) if isinstance(value, str) else None
        if not match:
            raise
    number = parse_number(match.group(1), money=False)    # "1,5" is one and a half here
    word = match.group(2).lower()
    return Parsed(round(number.value * _WORD_FACTOR[word], 2), words=match.group(2))


@dataclass(frozen=True, slots=True)
class Target:
    value: float | None      # None when the target is text only ("Tersedia", "NA")
    unit: str                # "" when no unit was written
    ambiguous: bool = False


_TARGET = re.compile(
    r"^\s*(?P<num>[-+]?\d[\d.,]*)\s*(?P<unit>.*?)\s*$", re.S)


def _percent_words() -> re.Pattern:
    """The spellings of "%" (`schemas/satuan.toml`, the units' one list): "100 persen" is 100%."""
    words = schema_toml("satuan.toml")["synonyms"]["%"]
    return re.compile(r"^(%s)\b\.?" % "|".join(map(re.escape, words)), re.I)


_PERCENT_WORDS = _percent_words()


def parse_target(value) -> Target:
    """Split a target into number and unit: `12 Laporan` -> (12, 'Laporan')."""
    if not isinstance(value, (str, int, float)):
        raise NumberError(f"no target: {value!r}")
    return _parse_target(value)


@lru_cache(maxsize=16384)       # the same few targets ("100%", "12 Laporan") fill whole tables
def _parse_target(value) -> Target:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Target(parse_number(value).value, "")
    if not isinstance(value, str) or not value.strip():
        raise NumberError(f"no target: {value!r}")
    match = _TARGET.match(value)
    if not match:
        return Target(None, " ".join(value.split()))
    number = match["num"].rstrip(".,")
    try:
        parsed = parse_number(number)
    except NumberError:
        return Target(None, " ".join(value.split()))
    unit = " ".join(match["unit"].split())
    if _PERCENT_WORDS.match(unit):
        unit = "%" + _PERCENT_WORDS.sub("", unit).rstrip()
    return Target(parsed.value, unit, parsed.ambiguous)


def format_number(value: float, decimals: int | None = None) -> str:
    """Indonesian spelling: 1802641000 -> '1.802.641.000', 83.88 -> '83,88'."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if decimals and "," in text:
        text = text.rstrip("0").rstrip(",")
    return ("-" if value < 0 else "") + text


def format_rupiah(value: float | None) -> str:
    """'Rp 1.802.641.000' (rounded to whole rupiah)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return "Rp " + format_number(round(value), 0)
