"""The pandera schema of every other table kind, generated from `schemas/tables.toml`, and
its failures as located issues.

`table_schema(table_id)` is the schema of the public frame renja_xl gives for that table
(`write.frames.frames_by_table`: one row per record, a column per field, half and year; the
Renstra and summary tables long), usable on its own in a notebook:
`renja_xl.table_schema("usulan").validate(frame, lazy=True)`. Each field of the table's
section becomes a column (a pattern over its halves and years: `target_2023`, `pagu_rkpd`)
typed by its kind (text; number, percent, target, money as numbers; a target's unit in
`<key>_satuan`), none of them required (headers differ between regions). The value rules
are checks named after their rule:

- `value-missing`: a field of `required_values` is empty (a text field blank, any other
  kind without a number);
- `value-negative`: a money field (`kind = "money"`) below zero;
- `kode-invalid`: in a table whose rows get levels from their codes (`levels`), a Kode that is
  no Permendagri 90 code (the plan's check: such a row is left out of the roll-ups and of the
  comparison with the Renja).

`validate_tables` runs the record schema lazily over the rows of many tables at once (one
pandera call per table kind and column set: a batch of files pays it once), on a narrow
frame of the columns those checks read, and turns each failure case into an `Issue` on the
Excel cell of its row and column.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..read.codes import ALL_LEVELS, parse_code
from ..read.numbers import format_rupiah
from ..report.issues import Issue
from ..tables.defs import TableDef, table_defs
from .schema import _pandera

__all__ = ["table_schema", "validate_tables", "TABLE_RULES"]

_NUMERIC = ("number", "percent", "target", "money")
# the long public frames (tables.toml `long`): their own columns besides the fields
_LONG_CELLS = {"judul": "text", "baris": "text", "kolom": "text", "nilai": "number",
               "jumlah": "bool"}


def _filled(kind: str):
    """Where a required value is there: text not blank; any other kind a number."""
    if kind == "text":
        return lambda s: s.notna() & (s != "")
    return lambda s: s.notna()


# rule -> (which fields it applies to, the check on one column: True where the cell passes)
TABLE_RULES = {
    "value-missing": (lambda table, fdef: fdef.name in _required(table),
                      lambda kind: _filled(kind)),
    "value-negative": (lambda table, fdef: fdef.kind == "money",
                       lambda kind: lambda s: s.isna() | (s >= 0)),
    "kode-invalid": (lambda table, fdef: fdef.name == "kode" and bool(table.options.get("levels")),
                     lambda kind: _is_code),
}


def _is_code(s):
    """A Permendagri 90 code of any level as `parse_code` reads it (an urusan or bidang row
    keeps its code as written in the public frame: "7.1" typed into a General cell is 7.01)."""
    return s.isna() | (s == "") | s.map(lambda v: isinstance(v, str) and parse_code(v).valid,
                                          na_action="ignore").fillna(False).astype(bool)


def _required(table: TableDef) -> set[str]:
    return set(table.options.get("required_values", ()))


def _key_pattern(table: TableDef, fdef, long: bool) -> str:
    """The record keys of one field: its name, its half (`_rkpd`, `_2022`), its year."""
    if long:
        return re.escape(fdef.name)
    halves = table.options.get("halves")
    half = ""
    if halves == "year":
        half = r"(?:_\d{4})?"
    elif isinstance(halves, dict):
        half = "(?:" + "|".join("_" + re.escape(h) for h in halves) + ")?"
    return re.escape(fdef.name) + half + (r"_\d+" if fdef.series else "")


def _column(pa, kind: str, checks=(), regex: bool = False):
    dtype = {"text": str, "bool": bool, "int": int}.get(kind, float)
    return pa.Column(dtype, list(checks), nullable=True, required=False, regex=regex)


def _checks(pa, table: TableDef, fdef) -> list:
    """The value rules on one field's columns, each named after its rule."""
    return [pa.Check(make(fdef.kind), name=rule, ignore_na=False)
            for rule, (applies, make) in TABLE_RULES.items() if applies(table, fdef)]


def _base(pa, table: TableDef) -> dict:
    columns = {"file": _column(pa, "text"), "kecamatan": _column(pa, "text"),
               "sheet": _column(pa, "text"), "row": pa.Column(int, pa.Check.ge(1))}
    if table.options.get("levels"):
        columns["level"] = _column(pa, "text", [pa.Check.isin(ALL_LEVELS)])
    return columns


def _other(table_id: str) -> TableDef:
    table = table_defs()[table_id]
    if table.options.get("reader") == "plan":
        raise ValueError(f"'{table_id}' is the plan table: use plan_schema()")
    return table


@lru_cache(maxsize=None)
def table_schema(table_id: str, long: bool | None = None):
    """The pandera DataFrameSchema of one table kind's public frame (`long=False`: one row per
    record with a column per field, half and year; the default is the shape `frames_by_table`
    gives, long for the Renstra and summary tables)."""
    pa = _pandera()
    table = _other(table_id)
    shape = table.options.get("long") if long is not False else None
    columns = _base(pa, table)
    if shape == "cells":
        columns.update({name: _column(pa, kind) for name, kind in _LONG_CELLS.items()})
    else:
        if shape == "years":
            columns["tahun"] = _column(pa, "int")
        for fdef in table.fields:
            pattern = _key_pattern(table, fdef, shape == "years")
            columns[f"^{pattern}$"] = _column(pa, fdef.kind, _checks(pa, table, fdef), regex=True)
            if fdef.kind == "target":
                columns[f"^{pattern}_satuan$"] = _column(pa, "text", regex=True)
    return pa.DataFrameSchema(columns, strict=False, coerce=True, name=table_id)


@lru_cache(maxsize=None)
def _record_schema(table_id: str, keys: tuple[tuple[str, str], ...]):
    """`table_schema(table_id, long=False)` for one set of columns (record key, field name):
    the same columns and checks under their own names, for `validate_tables`' narrow frame,
    which is built typed (no regex matching, no coercion: most of a call's cost)."""
    pa = _pandera()
    table = _other(table_id)
    fields = {f.name: f for f in table.fields}
    columns = {"row": pa.Column(int, pa.Check.ge(1))}
    for key, name in keys:
        fdef = fields[name]
        columns[key] = _column(pa, fdef.kind, _checks(pa, table, fdef))
    return pa.DataFrameSchema(columns, strict=False, coerce=False, name=table_id)


def _checked(gt) -> list:
    """The columns of a table that a value rule applies to (the narrow frame's columns)."""
    by_name = {f.name: f for f in gt.table.fields}
    return [c for c in gt.columns if c.name in by_name and any(
        applies(gt.table, by_name[c.name]) for applies, _ in TABLE_RULES.values())]


def _frame(tables, columns):
    """The rows of `tables` one after the other, `row` and the checked columns, typed."""
    import pandas as pd
    rows = [row for gt in tables for row in gt.rows]
    data = {"row": pd.Series([row["row"] for row in rows], dtype="int64")}
    for column in columns:
        if column.name == "kode":
            values = [_code(row, column.key) for row in rows]
        else:
            values = [row.get(column.key) for row in rows]
        if column.kind in _NUMERIC:
            data[column.key] = pd.Series(values, dtype="float64")
        else:
            data[column.key] = pd.Series(values, dtype=object)
    return pd.DataFrame(data)


def _code(row, key: str) -> str | None:
    """The code of a Kode column as `parse_code` restores it from its cell(s) ("7.1.1" typed
    into General cells is 7.01.01), or None when empty."""
    if not row.get(key):
        return None
    return parse_code(_parts_of(row, key) or [row.get(key)]).kode


def _parts_of(row, key: str):
    """The cells of a code written over several cells (the reader keeps them per row)."""
    return (row.parts or {}).get(key)


def validate_tables(tables) -> list[list[Issue]]:
    """The value rules' issues of each other table, in one pandera call per table kind and
    column set (their checks are cell by cell: a table's issues do not depend on the tables
    validated beside it). Each table's issues in (row, column) order."""
    out: list[list[Issue]] = [[] for _ in tables]
    groups: dict[tuple, list[int]] = {}
    checked = [_checked(gt) for gt in tables]
    for i, gt in enumerate(tables):
        if gt.rows and checked[i]:
            keys = tuple((c.key, c.name) for c in checked[i])
            groups.setdefault((gt.table_id, keys), []).append(i)
    for (table_id, keys), members in groups.items():
        _validate_group(_record_schema(table_id, keys), [tables[i] for i in members],
                        checked[members[0]], [out[i] for i in members])
    for issues in out:
        issues.sort(key=lambda i: (i.row or 0, i.col or 0))
    return out


def _validate_group(schema, tables, columns, outs) -> None:
    from bisect import bisect_right
    pa = _pandera()
    starts, n = [], 0
    for gt in tables:
        starts.append(n)
        n += len(gt.rows)
    try:
        schema.validate(_frame(tables, columns), lazy=True)
        return
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    by_key = {c.key: c for c in columns}
    seen: set[tuple[str, str, int]] = set()
    for rule, key, index in zip(cases["check"], cases["column"], cases["index"]):
        rule = str(rule)
        if rule not in TABLE_RULES or key not in by_key or index is None or index != index:
            continue                    # a type/coercion failure: the reader reported the value
        if (rule, key, int(index)) in seen:
            continue
        seen.add((rule, key, int(index)))
        k = bisect_right(starts, int(index)) - 1
        gt = tables[k]
        outs[k].append(_issue(gt, gt.rows[int(index) - starts[k]], rule, by_key[key]))


def _issue(gt, row, rule: str, column) -> Issue:
    if rule == "value-negative":
        value = row.get(column.key)
        return gt.issue(rule, row["row"], column.key, value=value,
                        params={"field": _named(gt, column), "shown": format_rupiah(value)})
    if rule == "kode-invalid":
        return gt.issue(rule, row["row"], column.key, value=row.get(column.key))
    return gt.issue(rule, row["row"], column.key, params={"field": column.caption or column.name})


def _named(gt, column) -> str:
    """The column as a message names it: 'Pagu Indikatif (Rancangan Awal RKPD)', 'Dana 2026'."""
    name = column.caption or column.name
    if column.half:
        name += f" ({gt.table.options.get('half_captions', {}).get(column.half, column.half)})"
    return f"{name} {column.year}" if column.year else name
