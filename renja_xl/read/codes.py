"""Program/kegiatan/sub kegiatan codes (Permendagri 90/2019 and its updates).

Full sub kegiatan code `U.BB.PP.K.KK.SSSS`: urusan (1 digit or X), bidang (2 digits or XX),
program (2), kegiatan (level digit "." 2 digits), sub kegiatan (4 digits; 2 before 2023).
Codes come in one cell or over five cells (Urusan | Bidang | Program | Kegiatan | Sub), and
Excel damages cells typed as General: "01" -> 1, "0001" -> 1, "2.10" -> 2.1. `parse_code`
restores the meaning from the position and says what it restored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["LEVELS", "ALL_LEVELS", "PLAN_LEVELS", "GROUP_LEVELS", "PARENT_LEVEL", "PATTERNS", "Code",
           "parse_code", "parent_code", "looks_like_code", "four_digit_form", "level_of",
           "prefix_of", "belongs_to", "fill_parent_cells"]

# urusan and bidang rows stand above the programs in an OPD's plan; they group, they are not items
GROUP_LEVELS = ("urusan", "bidang")
PLAN_LEVELS = ("program", "kegiatan", "sub_kegiatan")
LEVELS = PLAN_LEVELS                    # the items of a plan
ALL_LEVELS = GROUP_LEVELS + PLAN_LEVELS
PARENT_LEVEL = {"bidang": "urusan", "program": "bidang", "kegiatan": "program",
                "sub_kegiatan": "kegiatan"}
_PARTS_OF = {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 5, "sub_kegiatan": 6}

# The one place where the code formats are written down (the pandera schema uses them too).
PATTERNS = {
    "urusan": r"^[1-9X]$",
    "bidang": r"^[1-9X]\.(?:\d{2}|XX)$",
    "program": r"^[1-9X]\.(?:\d{2}|XX)\.\d{2}$",
    "kegiatan": r"^[1-9X]\.(?:\d{2}|XX)\.\d{2}\.[1-8]\.\d{2}$",
    "sub_kegiatan": r"^[1-9X]\.(?:\d{2}|XX)\.\d{2}\.[1-8]\.\d{2}\.\d{4}$",
    "sub_kegiatan_2digit": r"^[1-9X]\.(?:\d{2}|XX)\.\d{2}\.[1-8]\.\d{2}\.\d{2}$",
}
_COMPILED = {k: re.compile(v) for k, v in PATTERNS.items()}
_COMMA_CODE = re.compile(r"^[1-9X](?:\s*,\s*[0-9X]{1,4}){2,5}$")
_CODE_TEXT = re.compile(r"^[0-9Xx]{1,4}(?:\s*\.\s*[0-9Xx]{1,4})*\.?$")
_BY_PARTS = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
# the width of each dot-separated part: urusan, bidang, program, kegiatan level, kegiatan, sub
_WIDTHS = (1, 2, 2, 1, 2, 4)
_ROLE_NAMES = ("urusan", "bidang", "program", "kegiatan", "kegiatan", "sub kegiatan")


@dataclass(slots=True)
class Code:
    kode: str                      # canonical text, e.g. "7.01.01.2.01.0001"
    level: str | None              # program | kegiatan | sub_kegiatan | urusan | bidang | None
    original: str                  # what the cell(s) held, joined with " | " for five cells
    restored: list[tuple[int, str, str]] = field(default_factory=list)  # (cell idx, was, now)
    legacy_sub: bool = False       # a 2-digit sub kegiatan code (before 2023)
    comma: bool = False            # written with commas for dots ("7,01,01,2,01,0001")
    typed_short: bool = False      # restored parts were typed as text without their zeros

    @property
    def valid(self) -> bool:
        return self.level is not None


def _text_of(value) -> tuple[str, bool]:
    """Cell value -> (text, was_a_number)."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value)), True
        return repr(value), True
    return " ".join(str(value).split()), False


def looks_like_code(value) -> bool:
    """True for a cell that holds a code or a code part ("7.01.01", "0001", 2.01, 7)."""
    text, is_number = _text_of(value)
    if is_number:
        return 0 <= float(text) < 10000
    return bool(text) and bool(_CODE_TEXT.match(text))


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.strip().strip(".").split(".") if p.strip()] if text else []


_CANONICAL = re.compile(r"^[1-9X]\.(?:\d{2}|XX)\.\d{2}(?:\.[1-8]\.\d{2}(?:\.\d{4})?)?$")


def parse_code(cells) -> Code:
    """Parse a code from one cell or from the cells of a split code (any number, in order).

    Each part is padded to its width by its position (bidang "1" -> "01", kegiatan "2.1" ->
    "2.10", sub "1" -> "0001") and the padding is recorded in `restored`.
    """
    if not isinstance(cells, (list, tuple)):
        cells = [cells]
    if all(type(c) is str for c in cells):                # fast path: text cells, canonical
        parts = [c for c in cells if c]
        joined = ".".join(parts)
        if _CANONICAL.match(joined):
            return Code(kode=joined, level=_BY_PARTS[joined.count(".") + 1],
                        original=" | ".join(parts))
    parts: list[str] = []
    owners: list[int] = []          # which cell each part came from
    numeric: list[bool] = []
    originals = []
    comma = False
    for idx, cell in enumerate(cells):
        text, is_number = _text_of(cell)
        originals.append(text)
        if not is_number and _COMMA_CODE.match(text):     # "7,01,01,2,01,0001"
            text, comma = text.replace(",", "."), True
        for part in _split(text):
            parts.append(part.upper() if part in ("x", "xx") else part)
            owners.append(idx)
            numeric.append(is_number)
    original = " | ".join(t for t in originals if t)
    code = Code(kode=".".join(parts), level=None, original=original, comma=comma)
    if not parts or len(parts) > 6 or not all(_is_part(p) for p in parts):
        return code
    restored_cells: dict[int, tuple[str, list[str]]] = {}
    numbers_restored = False
    fixed = []
    for pos, part in enumerate(parts):
        width = _WIDTHS[pos]
        new = part
        if pos == 5 and len(part) == 2 and not numeric[pos]:
            code.legacy_sub = True             # typed as text "04": an old 2-digit code
        elif len(part) < width and part.isdigit():
            # a number's decimals lose their trailing zeros (kegiatan "2.10" -> 2.1, bidang
            # "2.10" -> 2.1); its whole part and text parts lose their leading zeros
            fraction = numeric[pos] and pos > 0 and owners[pos - 1] == owners[pos]
            new = part.ljust(width, "0") if fraction else part.zfill(width)
        if new != part:
            restored_cells.setdefault(owners[pos], (originals[owners[pos]], []))
            if numeric[pos]:
                numbers_restored = True
        fixed.append(new)
    for pos, new in enumerate(fixed):
        if owners[pos] in restored_cells:
            restored_cells[owners[pos]][1].append(new)
    code.restored = [(idx, was, ".".join(now)) for idx, (was, now) in restored_cells.items()]
    code.typed_short = bool(restored_cells) and not numbers_restored
    code.kode = ".".join(fixed)
    code.level = level_of(code.kode)
    return code


def _is_part(part: str) -> bool:
    return part.isdigit() or part in ("X", "XX")


def level_of(kode: str | None) -> str | None:
    """The level a canonical code has, or None when its format is wrong."""
    if not kode:
        return None
    kind = _BY_PARTS.get(kode.count(".") + 1)
    if kind is None:
        return None
    if kind == "sub_kegiatan" and _COMPILED["sub_kegiatan_2digit"].match(kode):
        return kind
    return kind if _COMPILED[kind].match(kode) else None


def four_digit_form(kode: str) -> str:
    """7.01.01.2.02.04 -> 7.01.01.2.02.0004 (other codes unchanged)."""
    if _COMPILED["sub_kegiatan_2digit"].match(kode):
        head, _, sub = kode.rpartition(".")
        return f"{head}.{sub.zfill(4)}"
    return kode


def prefix_of(kode: str, level: str) -> str:
    """The code of the `level` row a code belongs to: prefix_of('1.02.02.2.01', 'bidang') = '1.02'."""
    return ".".join(kode.split(".")[:_PARTS_OF[level]])


def belongs_to(kode: str, ancestor: str) -> bool:
    """Does `kode` belong under the row coded `ancestor`? X / XX (the generic program's urusan
    and bidang) match any urusan and bidang."""
    parts, theirs = kode.split("."), ancestor.split(".")
    if len(theirs) > len(parts):
        return False
    return all(a == b or a in ("X", "XX") or b in ("X", "XX") for a, b in zip(parts, theirs))


def parent_code(kode: str | None) -> str | None:
    """The code of the parent row: sub kegiatan -> kegiatan -> program. The rows under one
    parent get one string object (the last one of each level), not one copy each."""
    if not kode:
        return None
    dots = kode.count(".")
    if dots == 5:                                   # sub kegiatan: its kegiatan
        parent = kode[:kode.rindex(".")]
    elif dots == 4:                                 # kegiatan: its program
        parent = kode.rsplit(".", 2)[0]
    else:
        return None
    last = _LAST_PARENT.get(dots)
    if parent == last:
        return last
    _LAST_PARENT[dots] = parent
    return parent


_LAST_PARENT: dict[int, str] = {}


# the code parts each cell of a five-cell code holds: Urusan | Bidang | Program | Kegiatan ("2.01") | Sub
_CELL_PARTS = (1, 1, 1, 2, 1)


def fill_parent_cells(cells, above: str | None) -> list | None:
    """A five-cell code whose parent cells are left blank (`| | | 2.01 |` under program
    7.01.01, `| | | | 0001` under its kegiatan): the cells with the blank ones taken from the
    code of the row above, or None when the row writes its first cell or there is nothing to
    take. The position of the first filled cell is the level, so nothing is guessed."""
    if len(cells) != len(_CELL_PARTS) or not above:
        return None
    first = next((i for i, c in enumerate(cells) if _text_of(c)[0]), None)
    if not first:
        return None
    parts = above.split(".")
    need = sum(_CELL_PARTS[:first])
    if len(parts) < need:
        return None
    filled, k = [], 0
    for width in _CELL_PARTS[:first]:
        filled.append(".".join(parts[k:k + width]))
        k += width
    return filled + list(cells[first:])
