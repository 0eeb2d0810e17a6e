"""The row walker every table reader shares: the rows below a header, one by one, to the end.

Each row is one of (in this order):

    kosong          blank in the table's columns: skipped and counted
    boundary        a header repeat or table title (skipped), or another table's start (the end)
    coded           a plan row with a code (plan only: data, or a JUMLAH label's total)
    footer          "12 | Renja Kecamatan …", "Halaman 3": skipped
    tanda tangan    the signature block: skipped
    total           a JUMLAH / TOTAL / Rata-rata row: kept in `totals`
    data            a data row: a record in `rows`
    continuation    only text cells right below a record: merged into it
    unrecognised    kept pending; reported `row-unrecognised` when data follows, only counted
                    when nothing does

A footer, a signature, a continuation and an unrecognised row hold no money (`money`). The
readers fill in the hooks: `PlanReader` (tables/plan.py) a fast path for rows coded in the
code cell(s), codes written relative to the row above, an item's further indicator lines;
`TableReader` (tables/generic.py) headers of other tables and their repeats, total words per
table, a key column that makes a row data, fill-down columns.
"""
from __future__ import annotations

from .rowkinds import FOOTER, is_signature

__all__ = ["END", "RowWalker"]

END = -1           # `boundary`: the table ends at this row


class RowWalker:
    """Walks the rows of one table. `out` is the table being filled (a PlanTable or a
    GenericTable: `rows`, `totals`, `skipped`, `issues`, `issue()`); `lo`..`hi` its columns;
    `key_cols` the columns that identify a row (code / key), `text_cols` the text columns a
    continuation line may fill; `name_col` the name column (a row with a name is data); rows
    from `start` up to `stop`."""

    name_col: int | None = None
    data_by_key = False          # a text in a key column makes a row data (other tables)

    def __init__(self, grid, layout, out, lo: int, hi: int, stop: int):
        self.grid, self.layout, self.out = grid, layout, out
        self.lo, self.hi, self.stop = lo, hi, stop
        self.key_cols: set[int] = set()
        self.text_cols: set[int] = set()
        self.previous = None                       # the last data record
        self.pending: list[tuple[int, str]] = []   # unrecognised rows since then
        self.last_r = layout.header_last           # the last row of data or total

    # -- the loop ------------------------------------------------------------------------------
    def read(self):
        r, stop, coded = self.layout.header_last + 1, self.stop, self.coded
        while r < stop:
            if coded(r):
                r += 1
                continue
            r = self.row(r)
            if r == END:
                break
        self.set_extent()
        self.finish()
        return self.out

    def row(self, r: int) -> int:
        """Classify row r (not a fast-path row); the next row to look at, or END."""
        texts = [(c, t) for c, t in self.grid.texts(r) if self.lo <= c <= self.hi]
        if not texts:
            return self.skip(r, "kosong")
        nxt = self.boundary(r, texts)
        if nxt is not None:
            return nxt
        money = self.money(r)
        if self.coded_text(r, texts, money):
            return r + 1
        joined = " ".join(t for _, t in texts)
        if not money and len(texts) <= 2 and FOOTER.search(joined):
            return self.skip(r, "footer")
        if not money and is_signature(texts):
            return self.skip(r, "tanda tangan")
        total = self.total_row(r, texts, money)
        if total is not None:
            self.add_total(r, total)
        elif self.data_by_key and any(c in self.key_cols for c, _ in texts):
            self.data(r)
        elif not money and self.continues(r, texts):
            self.continuation(r, texts)
        elif not money and self.name_col not in {c for c, _ in texts}:
            self.pending.append((r, joined))
        else:
            self.data(r)                             # data without a code (plan: kode-missing)
        return r + 1

    def continues(self, r: int, texts) -> bool:
        """Right below the last record (and its merged lines), text cells only."""
        previous = self.previous
        return (previous is not None and r == previous.r + 1 + previous.cont
                and all(c in self.text_cols and c not in self.key_cols for c, _ in texts))

    # -- the hooks -----------------------------------------------------------------------------
    def coded(self, r: int) -> bool:
        """The fast path: row r is data recognised from its raw cells alone (recorded)."""
        return False

    def boundary(self, r: int, texts) -> int | None:
        """A header repeat or title (the next row to look at), another table (END), or None."""
        return None

    def money(self, r: int) -> bool:
        """Row r holds (or tries to hold) an amount in a money column."""
        return False

    def coded_text(self, r: int, texts, money: bool) -> bool:
        """Row r is data by its code as text, or a total by its label alone (recorded)."""
        return False

    def total_row(self, r: int, texts, money: bool):
        """The total record of row r when it is a total row, else None."""
        return None

    def data(self, r: int) -> None:
        """Record row r as data (with no code recognised)."""
        raise NotImplementedError

    def continuation(self, r: int, texts) -> None:
        """Merge row r into the record above it."""
        raise NotImplementedError

    def finish(self) -> None:
        """After the last row."""

    # -- recording -----------------------------------------------------------------------------
    def skip(self, r: int, why: str, rows: int = 1) -> int:
        self.out.skipped[why] += rows
        return r + rows

    def append(self, r: int, record) -> None:
        """A data record: the unrecognised rows above it are reported first."""
        if self.pending:
            self.flush_unrecognised()
        self.out.rows.append(record)
        self.previous = record
        self.last_r = r

    def add_total(self, r: int, record) -> None:
        self.out.totals.append(record)
        self.last_r = r

    def flush_unrecognised(self) -> None:
        """Rows without code or data between data rows: reported `row-unrecognised`."""
        table = self.out
        for r, text in self.pending:
            table.issues.append(table.issue("row-unrecognised", r + 1, col=self.lo,
                                            params={"text": text[:80]}))
            table.skipped["tidak dikenali"] += 1
        self.pending.clear()

    def set_extent(self) -> None:
        """After the last row: count trailing unrecognised rows, set first_row/last_row
        (1-based)."""
        table = self.out
        if self.pending:
            table.skipped["penutup/catatan"] += len(self.pending)
        data_rows = [row.row for row in table.rows] + [t.row for t in table.totals]
        table.first_row = min(data_rows) if data_rows else self.layout.header_last + 2
        table.last_row = self.last_r + 1
