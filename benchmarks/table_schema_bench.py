"""What validating the other tables with their pandera schemas costs (run by hand, not a test).

    python benchmarks/table_schema_bench.py [--runs 30]

On the Kejobong sample (seven other tables, three of them with value rules: Kinerja
Pelayanan, Review RKPD, Usulan), CPU time, medians:

  alone      `validate_tables` of the workbook's tables (one pandera call per table kind)
  batch      the same tables 16 times over, as `check_files` validates a batch (one call per
             table kind for the whole batch), per workbook
  generic    the public schemas (`table_schema`: column patterns, coercion) on the same
             narrow frames, one call per table: what the concrete-column schemas save
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import renja_xl
from renja_xl.validate.table_schema import _checked, _frame, table_schema, validate_tables

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "Renja_Kec_Kejobong_2025.xlsx"


def _cpu_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _generic(tables) -> None:
    for gt in tables:
        columns = _checked(gt)
        if gt.rows and columns:
            try:
                table_schema(gt.table_id, long=False).validate(_frame([gt], columns), lazy=True)
            except Exception:                      # noqa: BLE001 (failures are the point)
                pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    tables = renja_xl.read_file(SAMPLE).tables
    validate_tables(tables)                        # schemas built, pandera warm
    _generic(tables)
    alone = _cpu_ms(lambda: validate_tables(tables), runs)
    batch = _cpu_ms(lambda: validate_tables(tables * 16), max(runs // 3, 3)) / 16
    generic = _cpu_ms(lambda: _generic(tables), runs)
    print(f"{len(tables)} other tables, {sum(1 for t in tables if _checked(t))} with value rules")
    print(f"alone    {alone:6.1f} ms CPU per workbook")
    print(f"batch    {batch:6.1f} ms CPU per workbook (16 in one batch)")
    print(f"generic  {generic:6.1f} ms CPU per workbook (public schemas, one call per table)")


if __name__ == "__main__":
    main()
