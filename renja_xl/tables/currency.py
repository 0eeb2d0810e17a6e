"""Money columns found by their values: 'Rp | 150.000.000', a money header over two cells
with the currency written alone in the first cell of each row: the plan (layout.find_layouts)
and the other tables (header.map_columns)."""
from __future__ import annotations

import re

__all__ = ["amounts_beside_rp", "columns_beside_rp"]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


_CURRENCY_ONLY = re.compile(r"^\s*(?:rp|idr)\s*\.?\s*$", re.I)


def _rp_then_amount(grid, c: int, rows) -> bool:
    """Column c holds 'Rp' alone and the next column the amounts."""
    filled = [r for r in rows if _text(grid.raw(r, c))]
    alone = [r for r in filled if _CURRENCY_ONLY.match(_text(grid.raw(r, c)))]
    return bool(alone) and len(alone) >= 0.6 * len(filled) and any(
        _text(grid.raw(r, c + 1)) for r in alone)


def columns_beside_rp(grid, header_last: int, columns: list, unmapped: list,
                      sample: int = 40) -> None:
    """The same for the other tables' money columns (`columns.Column`s, changed in place)."""
    taken = {c.col for c in columns}
    rows = range(header_last + 1, min(grid.height, header_last + 1 + sample))
    for column in columns:
        c = column.col
        if column.kind == "money" and c + 1 not in taken and _rp_then_amount(grid, c, rows):
            column.col = c + 1
            unmapped[:] = [u for u in unmapped if u != c + 1] + [c]


def amounts_beside_rp(grid, layout, sample: int = 40) -> None:
    """'Rp | 150.000.000': a money header over two cells, the currency written alone in the
    first cell of each row and the amount in the next. The amount's column is the money."""
    money = {f.name for f in layout.table.fields if f.money}
    taken = {c for cols in layout.columns.values() for c in cols}
    rows = range(layout.header_last + 1, min(grid.height, layout.header_last + 1 + sample))
    for name, cols in layout.columns.items():
        c = cols[0]
        if name.split("_")[0] not in money or len(cols) != 1 or c + 1 in taken:
            continue
        if _rp_then_amount(grid, c, rows):
            cols[0] = c + 1
            layout.twice.pop(c + 1, None)
            if c in layout.money_factor:
                layout.money_factor[c + 1] = layout.money_factor.pop(c)
            layout.currency.append(c)
            layout.unmapped = [u for u in layout.unmapped if u != c + 1] + [c]
