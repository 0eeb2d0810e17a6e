"""Beyond one machine: any executor with `.map` (a Dask client's), Parquet for huge batches."""
from __future__ import annotations

import importlib
from concurrent.futures import ThreadPoolExecutor

import pytest

import renja_xl

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, titles_of, KECAMATAN


def _batch(tmp_path, n=4):
    folder = tmp_path / "masuk"
    folder.mkdir()
    for i in range(n):
        make_plan_workbook(folder / f"Renja_Kec_K{i}_2025.xlsx", CLEAN_ROWS,
                           PlanLayout(five_cell_code=bool(i % 2), titles=titles_of(KECAMATAN[i])))
    return folder


def test_any_executor_with_map_gives_the_same_result(tmp_path):
    folder = _batch(tmp_path)
    local = renja_xl.consolidate(folder, jobs=1)
    with ThreadPoolExecutor(2) as pool:             # stands in for Client.get_executor()
        remote = renja_xl.consolidate(folder, executor=pool)
    assert local.plan.equals(remote.plan)
    assert [f.file for f in remote.report.files] == [f.file for f in local.report.files]


def test_parquet_copies(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    folder = _batch(tmp_path, 2)
    result = renja_xl.consolidate(folder, jobs=1, parquet=tmp_path / "pq")
    plan = pd.read_parquet(tmp_path / "pq" / "rencana.parquet")
    assert len(plan) == 10 and list(plan.columns) == list(result.plan.columns)
    assert plan["pagu"].sum() == result.plan["pagu"].sum() == 2 * sum(r[5] for r in CLEAN_ROWS)
    summary = pd.read_parquet(tmp_path / "pq" / "ringkasan.parquet")
    assert sorted(summary["file"].map(lambda f: f.rsplit("/", 1)[-1])) == [
        "Renja_Kec_K0_2025.xlsx", "Renja_Kec_K1_2025.xlsx"]
    errors = pd.read_parquet(tmp_path / "pq" / "kesalahan.parquet")
    assert len(errors) == len(result.report.issues)


def test_parquet_written_when_rows_exceed_a_sheet(tmp_path, monkeypatch):
    pytest.importorskip("pyarrow")
    module = importlib.import_module("renja_xl.consolidate")
    monkeypatch.setattr(module, "MAX_SHEET_ROWS", 6)
    monkeypatch.setattr(importlib.import_module("renja_xl.write.workbook"), "MAX_SHEET_ROWS", 6)
    folder = _batch(tmp_path, 2)
    result = renja_xl.consolidate(folder, output=tmp_path / "gabungan.xlsx", jobs=1)
    assert result.parquet == str(tmp_path / "gabungan_parquet")
    import pandas as pd
    plan = pd.read_parquet(tmp_path / "gabungan_parquet" / "rencana.parquet")
    assert len(plan) == len(result.plan) == 2 * len(CLEAN_ROWS)     # every row, beyond a sheet
    assert plan["kode"].tolist() == result.plan["kode"].tolist()
    assert sorted(p.name for p in (tmp_path / "gabungan_parquet").iterdir()) == [
        "kesalahan.parquet", "rencana.parquet", "ringkasan.parquet"]


def test_dask_client_when_installed(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    folder = _batch(tmp_path, 2)
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client:
        result = renja_xl.consolidate(folder, executor=client.get_executor())
    assert [f.status for f in result.report.files] == ["ok", "ok"]


def test_a_dask_cluster_writes_the_same_workbook_byte_for_byte(tmp_path):
    """A few hundred workbooks on a LocalCluster of 2 worker processes (loopback only): the
    consolidated workbook is the local run's, byte for byte, issues and order included."""
    distributed = pytest.importorskip("dask.distributed")
    folder = tmp_path / "masuk"
    folder.mkdir()
    for i in range(240):
        rows = [list(r) for r in CLEAN_ROWS]
        if i % 7 == 0:
            rows[0][5] += 1_000_000                        # a roll-up error
        if i % 11 == 0:
            rows[2][3] = ""                                # a missing lokasi (pandera)
        make_plan_workbook(folder / f"Renja_Kec_K{i:03d}_2025.xlsx", [tuple(r) for r in rows],
                           PlanLayout(five_cell_code=bool(i % 2)))
    local = renja_xl.consolidate(folder, output=tmp_path / "lokal.xlsx", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = renja_xl.consolidate(folder, output=tmp_path / "klaster.xlsx",
                                      executor=client.get_executor())
    assert len(local.report.files) == 240 and local.report.errors
    assert remote.report.to_json() == local.report.to_json()
    assert (tmp_path / "klaster.xlsx").read_bytes() == (tmp_path / "lokal.xlsx").read_bytes()
