"""The normalised rows as typed records: `PlanRow` (the plan table) and `TableRow` (the other
tables), both `Record`s.

Every record knows its Excel row (`row`, 1-based), its sheet row (`r`, 0-based), the lines below
it merged into it (`cont`) and its cells (`cells`); its public fields are read with
`row.get(name)` / `row[name]` and listed by `public()`; anything else is an attribute, and
asking for it by name (`[]`, `get`, `in`) raises KeyError, so a forgotten `row["_cells"]` fails
loudly. (A plan's JUMLAH row, `TotalRow`, is no `Record`: it has money fields only.)

`PlanRow` holds the public fields of the `Rencana` sheet contract (`PLAN_FIELDS`, in order) as
attributes, and what the checks need to know about where they came from as typed private
state: the 0-based sheet row, lines merged into it, the code and the targets as written, its
further indicators (`Indicator`), and a `CellInfo` for each cell with something to say (a
formula without a cached value, an unreadable value, a SUM range, a column of its own).

`TableRow` holds the public fields of another table, whose names come from its header columns
(`target_2023`, `pagu_analisis`, `kode`, `level` …), in a dict behind `get` / `[]` / `[]=`; its
private state is typed: the parsed value cells (`cells`), a code's cells (`parts`), the kind of a
total row (`total`), a further indicator line (`extra`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

__all__ = ["PLAN_FIELDS", "INDICATOR_FIELDS", "TABLE_BASE_FIELDS", "CellInfo", "Indicator",
           "Record", "PlanRow", "TableRow", "TotalRow"]

# The normalised columns (the contract of `read_renja` and the consolidated `Rencana` sheet).
# `indikator_ke` numbers the indicators of an item (1 on the item's own row; 2, 3 … on the rows
# that list its further indicators, which leave the money empty); `pagu_semula` and
# `target_semula` are the figures before a Renja Perubahan (empty in other plans).
PLAN_FIELDS = ("file", "kecamatan", "sheet", "row", "kode", "level", "parent_kode", "nama",
               "sasaran", "indikator", "lokasi", "target", "satuan", "pagu", "sumber_dana",
               "target_n1", "satuan_n1", "pagu_n1", "catatan", "indikator_ke", "pagu_semula",
               "target_semula")
# what a further indicator of an item has of its own
INDICATOR_FIELDS = ("indikator", "target", "satuan", "target_n1", "satuan_n1", "target_semula")
_PUBLIC = frozenset(PLAN_FIELDS)


class Record:
    """A normalised row: `row`, `r`, `cont`, `cells` attributes (see the subclasses), its public
    fields through `get` / `[]` / `in` / `public()`. `_field(name)` gives a public field's value
    or `_ABSENT`, and raises KeyError for anything else."""
    __slots__ = ()

    def _field(self, name: str):
        raise NotImplementedError

    def get(self, name: str, default=None):
        """A public field's value, `default` when it is empty."""
        value = self._field(name)
        return default if value is None or value is _ABSENT else value

    def __getitem__(self, name: str):
        value = self._field(name)
        if value is _ABSENT:
            raise KeyError(name)
        return value

    def __contains__(self, name: str) -> bool:
        return self._field(name) is not _ABSENT

    def public(self) -> dict:
        raise NotImplementedError


_ABSENT = object()         # a public field of a TableRow not read (yet)


@dataclass(slots=True)
class CellInfo:
    """One read cell of a record: where it is and what it held as written."""
    col: int | None = None          # 0-based column
    formula: str | None = None      # a formula without a cached value
    bad: bool = False               # a value that is not readable (not a number, #REF!)
    computed: bool = False          # the value was computed from the children
    sum_rows: tuple[int, int] | None = None   # a cached =SUM(H47:H49) of its own column: 47, 49


class _Cells:
    """Per-field cell information, shared by items, their further indicators and total rows.
    `cells` holds a CellInfo only for cells with something to say (a formula without value, an
    unreadable value, a SUM range, a target read from a second column); most rows have none."""
    __slots__ = ()

    def cell(self, name: str) -> CellInfo:
        """The CellInfo of a field (created empty when the field has none yet)."""
        if self.cells is None:
            self.cells = {}
        info = self.cells.get(name)
        if info is None:
            info = self.cells[name] = CellInfo()
        return info

    def info(self, name: str) -> CellInfo | None:
        return self.cells.get(name) if self.cells else None

    def text(self, name: str) -> str | None:
        """A target as written ('12 Laporan'), or None."""
        return getattr(self, name + "_text", None)

    def col_of(self, name: str) -> int | None:
        """The column a field was read from when it is not the table's usual one, else None."""
        info = self.info(name)
        return info.col if info else None

    def unreadable(self, name: str) -> bool:
        """The money cell holds something (a formula without value, a bad text) but no value."""
        info = self.info(name)
        return bool(info and (info.formula is not None or info.bad))


@dataclass(slots=True, eq=False)
class Indicator(_Cells):
    """A further indicator of an item, on a line of its own below it (SIPD exports)."""
    row: int                        # 1-based Excel row
    r: int
    indikator: str | None = None
    target: float | None = None
    satuan: str | None = None
    target_n1: float | None = None
    satuan_n1: str | None = None
    target_semula: float | None = None
    satuan_semula: str | None = None
    target_text: str | None = None          # the targets as written
    target_n1_text: str | None = None
    target_semula_text: str | None = None
    cells: dict[str, CellInfo] | None = None


@dataclass(slots=True, eq=False)
class PlanRow(Record, _Cells):
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
    indikator_ke: int = 1
    pagu_semula: float | None = None
    target_semula: float | None = None
    # -- private state (not in the contract) --
    r: int = 0                      # 0-based sheet row
    cont: int = 0                   # lines below that belong to it (continuations, indicators)
    kode_raw: str | None = None     # the code as written
    legacy_sub: bool = False        # a 2-digit sub kegiatan code
    relative: bool = False          # the code was written relative to its parent row
    sumber_dana_any: str | None = None   # own sumber dana, else the nearest parent's
    satuan_semula: str | None = None     # Renja Perubahan: the unit of the Semula target
    pagu_selisih: float | None = None    # Renja Perubahan: the Bertambah/(Berkurang) cell
    target_text: str | None = None          # the targets as written ('12 Laporan')
    target_n1_text: str | None = None
    target_semula_text: str | None = None
    cells: dict[str, CellInfo] | None = None                   # see _Cells
    indicators: list[Indicator] | tuple = ()                   # the 2nd, 3rd … indicator

    def targets(self) -> list:
        """The item's own line and its further indicators: each with its own targets."""
        return [self, *self.indicators]

    def _field(self, name: str):
        if name not in _PUBLIC:
            raise KeyError(f"{name!r} is not a plan field")
        return getattr(self, name)

    def public(self) -> dict:
        """The contract's fields as a dict, in order."""
        return {name: getattr(self, name) for name in PLAN_FIELDS}

    def public_rows(self) -> list[dict]:
        """The item's row, then one row per further indicator: same kode, its own indicator
        and targets, `indikator_ke` 2, 3 …, money empty (an item's pagu counts once)."""
        first = self.public()
        rows = [first]
        for k, ind in enumerate(self.indicators, start=2):
            extra = dict.fromkeys(PLAN_FIELDS)
            extra.update({name: first[name] for name in
                          ("file", "kecamatan", "sheet", "kode", "level", "parent_kode", "nama")})
            extra.update({name: getattr(ind, name) for name in INDICATOR_FIELDS})
            extra.update(row=ind.row, indikator_ke=k)
            rows.append(extra)
        return rows


assert tuple(f.name for f in fields(PlanRow))[:len(PLAN_FIELDS)] == PLAN_FIELDS

# what every row of another table has, whatever its columns
TABLE_BASE_FIELDS = ("file", "kecamatan", "sheet", "row")


@dataclass(slots=True, eq=False)
class TableRow(Record):
    """A row (or a total row) of another table. Its public fields are `file`, `kecamatan`,
    `sheet`, `row` and one per header column (`values`, with `<key>_satuan` of a target and the
    `kode` / `level` / `parent_kode` the checks assign); `row[name] = value` sets one."""
    file: str | None = None
    kecamatan: str | None = None
    sheet: str | None = None
    row: int = 0                    # 1-based Excel row
    values: dict = field(default_factory=dict)    # the public fields of the header columns
    # -- private state (not in the contract) --
    r: int = 0                      # 0-based sheet row
    cont: int = 0                   # lines below that belong to it (continuations)
    cells: dict = field(default_factory=dict)     # key -> tables.cells.Cell of a value column
    parts: dict | None = None       # key -> the cells of a code written over several cells
    total: str | None = None        # a total row: "sum" or "mean"
    extra: bool = False             # a further indicator line of the item above

    def _field(self, name: str):
        if name in _TABLE_BASE:
            return getattr(self, name)
        value = self.values.get(name, _ABSENT)
        if value is _ABSENT and (name.startswith("_") or name in _TABLE_PRIVATE):
            raise KeyError(f"{name!r} is not a table field: use the attribute")
        return value

    def __setitem__(self, name: str, value) -> None:
        if name in _TABLE_BASE:
            setattr(self, name, value)
        elif name.startswith("_"):
            raise KeyError(f"{name!r} is not a table field: use the attribute")
        else:
            self.values[name] = value

    def update(self, **values) -> None:
        for name, value in values.items():
            self[name] = value

    def public(self) -> dict:
        """`file`, `kecamatan`, `sheet`, `row`, then the header columns' fields, in order."""
        return {"file": self.file, "kecamatan": self.kecamatan, "sheet": self.sheet,
                "row": self.row, **self.values}


_TABLE_BASE = frozenset(TABLE_BASE_FIELDS)
_TABLE_PRIVATE = frozenset(f.name for f in fields(TableRow)) - _TABLE_BASE


@dataclass(slots=True, eq=False)
class TotalRow(_Cells):
    """A JUMLAH / TOTAL row of a plan table."""
    row: int                        # 1-based
    r: int
    sheet: str | None = None
    pagu: float | None = None
    pagu_n1: float | None = None
    pagu_semula: float | None = None
    pagu_selisih: float | None = None
    cells: dict[str, CellInfo] = field(default_factory=dict)
    kode = None                     # (a total row has no code)

    def get(self, name: str, default=None):
        value = getattr(self, name, None)
        return default if value is None else value

    def __getitem__(self, name: str):
        return getattr(self, name)
