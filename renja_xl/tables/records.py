"""The normalised plan row as a typed record.

`PlanRow` holds the public fields of the `Rencana` sheet contract (`PLAN_FIELDS`, in order) as
attributes, and what the checks need to know about where they came from as typed private
state: the 0-based sheet row, continuation lines merged into it, the code as written, and one
`CellInfo` per read cell (column, text as written, formula without a cached value, unreadable).

Code shared with the other tables' dict rows may read the public fields with `row.get(name)`
or `row[name]`; anything else is an attribute.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

__all__ = ["PLAN_FIELDS", "CellInfo", "PlanRow", "TotalRow"]

# The normalised columns (the contract of `read_renja` and the consolidated `Rencana` sheet).
PLAN_FIELDS = ("file", "kecamatan", "sheet", "row", "kode", "level", "parent_kode", "nama",
               "sasaran", "indikator", "lokasi", "target", "satuan", "pagu", "sumber_dana",
               "target_n1", "satuan_n1", "pagu_n1", "catatan")
_PUBLIC = frozenset(PLAN_FIELDS)


@dataclass(slots=True)
class CellInfo:
    """One read cell of a record: where it is and what it held as written."""
    col: int | None = None          # 0-based column
    text: str | None = None         # the cell as written (targets: the whole text)
    formula: str | None = None      # a formula without a cached value
    bad: bool = False               # a value that is not readable (not a number, #REF!)
    computed: bool = False          # the value was computed from the children


@dataclass(slots=True, eq=False)
class PlanRow:
    file: str | None = None
    kecamatan: str | None = None
    sheet: str | None = None
    row: int = 0                    # 1-based Excel row
    kode: str | None = None
    level: str | None = None
    parent_kode: str | None = None
    nama: str | None = None
    sasaran: str | None = None
    indikator: str | None = None
    lokasi: str | None = None
    target: float | None = None
    satuan: str | None = None
    pagu: float | None = None
    sumber_dana: str | None = None
    target_n1: float | None = None
    satuan_n1: str | None = None
    pagu_n1: float | None = None
    catatan: str | None = None
    # -- private state (not in the contract) --
    r: int = 0                      # 0-based sheet row
    cont: int = 0                   # continuation lines merged into this row
    kode_raw: str | None = None     # the code as written
    legacy_sub: bool = False        # a 2-digit sub kegiatan code
    relative: bool = False          # the code was written relative to its parent row
    sumber_dana_any: str | None = None   # own sumber dana, else the nearest parent's
    cells: dict[str, CellInfo] = field(default_factory=dict)

    def cell(self, name: str) -> CellInfo:
        """The CellInfo of a field (an empty one when the field has no cell)."""
        info = self.cells.get(name)
        if info is None:
            info = self.cells[name] = CellInfo()
        return info

    def text(self, name: str) -> str | None:
        """A field's cell as written (a target '12 Laporan'), or None."""
        info = self.cells.get(name)
        return info.text if info else None

    def unreadable(self, name: str) -> bool:
        """The money cell holds something (a formula without value, a bad text) but no value."""
        info = self.cells.get(name)
        return bool(info and (info.formula is not None or info.bad))

    # read access to the public fields, for code shared with the other tables' dict rows
    def get(self, name: str, default=None):
        if name not in _PUBLIC:
            raise KeyError(f"{name!r} is not a plan field")
        value = getattr(self, name)
        return default if value is None else value

    def __getitem__(self, name: str):
        if name not in _PUBLIC:
            raise KeyError(f"{name!r} is not a plan field")
        return getattr(self, name)

    def public(self) -> dict:
        """The contract's fields as a dict, in order."""
        return {name: getattr(self, name) for name in PLAN_FIELDS}


assert tuple(f.name for f in fields(PlanRow))[:len(PLAN_FIELDS)] == PLAN_FIELDS


@dataclass(slots=True, eq=False)
class TotalRow:
    """A JUMLAH / TOTAL row of a plan table."""
    row: int                        # 1-based
    r: int
    pagu: float | None = None
    pagu_n1: float | None = None
    cells: dict[str, CellInfo] = field(default_factory=dict)

    def cell(self, name: str) -> CellInfo:
        info = self.cells.get(name)
        if info is None:
            info = self.cells[name] = CellInfo()
        return info

    def get(self, name: str, default=None):
        value = getattr(self, name, None)
        return default if value is None else value

    def __getitem__(self, name: str):
        return getattr(self, name)
