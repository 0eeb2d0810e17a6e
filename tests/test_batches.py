"""Checking files in a batch (one pandera validation for all their plan tables, as the
consolidate workers do) finds exactly what checking each file alone finds, issue for issue
and in the same order; a batch with a crashing file costs only that file."""
from __future__ import annotations

import importlib
import pathlib

from renja_xl.check import batches, check_file, check_files, check_files_safely

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook

ROOT = pathlib.Path(__file__).resolve().parent.parent


def faulty(path, blank: dict[int, tuple[int, ...]], layout=PlanLayout()):
    rows = [list(r) for r in CLEAN_ROWS]
    for row, fields in blank.items():
        for field in fields:
            rows[row][field] = None if field == 5 else ""
    rows[1][5] = -5                                          # a negative pagu
    return str(make_plan_workbook(path, [tuple(r) for r in rows], layout))


def as_data(checked):
    return [(result.to_dict(), [i.to_dict() for i in issues]) for result, issues, _ in checked]


def test_a_batch_finds_what_each_file_finds_alone(tmp_path):
    files = sorted(str(p) for p in (ROOT / "samples").glob("*.xlsx"))
    files.insert(1, faulty(tmp_path / "a.xlsx", {0: (1,), 2: (2, 3), 4: (5, 6)}))
    files.append(faulty(tmp_path / "b.xlsx", {1: (2,), 3: (1, 3)}, PlanLayout(five_cell_code=True)))
    files.append(str(tmp_path / "missing.xlsx"))
    alone = as_data(check_file(path) for path in files)
    together = as_data(check_files(files))
    assert together == alone
    rules = {i["rule"] for _, issues in together for i in issues}
    assert {"nama-missing", "indikator-missing", "lokasi-missing", "pagu-negative"} <= rules


def test_a_crash_in_a_batch_costs_only_its_file(tmp_path, monkeypatch):
    module = importlib.import_module("renja_xl.check")
    good = str(make_plan_workbook(tmp_path / "good.xlsx", CLEAN_ROWS, PlanLayout()))
    odd = str(make_plan_workbook(tmp_path / "odd.xlsx", CLEAN_ROWS, PlanLayout()))
    real = module.read_file

    def flaky(path, limits=None):
        if path.endswith("odd.xlsx"):
            raise KeyError("unexpected layout")
        return real(path, limits)
    monkeypatch.setattr(module, "read_file", flaky)
    statuses = [result.status for result, _, _ in check_files_safely([good, odd, good])]
    assert statuses == ["ok", "unreadable", "ok"]


def test_batches_keep_the_order_and_put_a_big_file_alone(tmp_path):
    small = [tmp_path / f"s{i}.xlsx" for i in range(5)]
    for path in small:
        path.write_bytes(b"x" * 100)
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"x" * 5000)
    paths = [str(p) for p in small[:2] + [big] + small[2:]]
    assert batches(paths, max_files=2, max_bytes=1000) == [paths[:2], paths[2:3], paths[3:5], paths[5:]]
