"""Consolidation: statuses, totals, text stays text, links and highlights, overflow sheets,
determinism, atomic output, parallel order, and the `consolidate` command."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

import renja_xl

from renja_xl.write import workbook as writer
from renja_xl.check import check_file
from renja_xl.consolidate import Consolidation, ConsolidateError, consolidate
from renja_xl.report.issues import ISSUE_FIELDS
from renja_xl.tables.plan import PLAN_FIELDS
from renja_xl.write.summary import SUMMARY_WORDS

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, sha256, titles_of, KECAMATAN
from test_cli import assert_contract

SUMMARY_COLUMNS = ["file", "kecamatan", "status", "rows", "pagu", "pagu_n1", "errors", "warnings"]


def kecamatan_layout(name: str) -> PlanLayout:
    return PlanLayout(titles=(f"TABEL 4.1 Rencana Program dan Kegiatan Kecamatan {name} Tahun 2025 "
                              "dan Prakiraan Maju Tahun 2026",
                              f"Nama Perangkat Daerah : Kecamatan {name}"))


def scaled_rows(factor: int):
    """CLEAN_ROWS with every pagu multiplied: still consistent, different totals."""
    return [r[:5] + (r[5] * factor,) + r[6:8] + (r[8] * factor,) for r in CLEAN_ROWS]


def faulty_rows():
    rows = [list(r) for r in CLEAN_ROWS]
    rows[0][5] = 1_802_641_000                       # program pagu ≠ sum of its kegiatan
    return [tuple(r) for r in rows]


@pytest.fixture
def batch(tmp_path):
    """A folder with a clean, a faulty and an unreadable submission."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    make_plan_workbook(folder / "a_bojongsari.xlsx", scaled_rows(1), kecamatan_layout("Bojongsari"))
    make_plan_workbook(folder / "b_kejobong.xlsx", faulty_rows(), kecamatan_layout("Kejobong"))
    (folder / "c_rusak.xlsx").write_bytes(os.urandom(4096))
    (folder / "~$a_bojongsari.xlsx").write_bytes(b"lock")        # an Office lock file
    return folder


def find_row(ws, text: str, exact: bool = True) -> int:
    """The first row whose column A says `text` (or starts with it)."""
    for (cell,) in ws.iter_rows(max_col=1):
        value = cell.value if isinstance(cell.value, str) else ""
        if value == text or (not exact and value.startswith(text)):
            return cell.row
    raise AssertionError(f"{text!r} not in column A of {ws.title}")


def read_summary(ws):
    """Ringkasan's per-file table with the contract names (Indonesian captions and statuses
    mapped back)."""
    words = SUMMARY_WORDS["id"]
    head = find_row(ws, "File")
    header, rows = read_table(ws, head)
    assert header == words["columns"]
    status = {v: k for k, v in words["status"].items()}
    rows = [{name: row[caption] for caption, name in zip(header, SUMMARY_COLUMNS)} for row in rows]
    for row in rows:
        row["status"] = status[row["status"]]
    return head, rows


def read_table(ws, first_row=1):
    """Rows under the header of the table starting at `first_row`, as dicts (until blank)."""
    header = [c.value for c in ws[first_row] if c.value is not None]
    rows = []
    for values in ws.iter_rows(min_row=first_row + 1, max_col=len(header), values_only=True):
        if all(v is None for v in values):
            break
        rows.append(dict(zip(header, values)))
    return header, rows


def test_statuses_and_inputs_untouched(batch, tmp_path):
    before = {p.name: sha256(p) for p in batch.iterdir()}
    out = tmp_path / "gabungan.xlsx"
    result = consolidate([batch], output=out, jobs=2)
    assert isinstance(result, Consolidation) and result.output == str(out)
    assert {p.name: sha256(p) for p in batch.iterdir()} == before
    assert result.report.exit_code == 2
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Rencana", "Kesalahan", "Temuan"]
    head, rows = read_summary(wb["Ringkasan"])
    status = {Path(r["file"]).name: r["status"] for r in rows}
    assert status == {"a_bojongsari.xlsx": "ok", "b_kejobong.xlsx": "invalid",
                      "c_rusak.xlsx": "unreadable"}
    by_name = {Path(r["file"]).name: r for r in rows}
    assert by_name["a_bojongsari.xlsx"]["kecamatan"] == "Bojongsari"
    assert by_name["a_bojongsari.xlsx"]["rows"] == len(CLEAN_ROWS)
    assert by_name["c_rusak.xlsx"]["rows"] == 0 and by_name["c_rusak.xlsx"]["errors"] >= 1
    # the reason of the unreadable file: a comment on its status and a Kesalahan row
    status_cell = wb["Ringkasan"].cell(head + 1 + list(status).index("c_rusak.xlsx"), 3)
    assert status_cell.value == "tidak terbaca"
    assert status_cell.comment is not None and status_cell.comment.text
    _, issues = read_table(wb["Kesalahan"])
    assert any(Path(i["file"]).name == "c_rusak.xlsx" and i["category"] == "file" for i in issues)
    assert not list(tmp_path.glob("~$*")), "temporary file left behind"


def test_totals_equal_program_rows_of_each_input(tmp_path):
    files = [make_plan_workbook(tmp_path / f"{name}.xlsx", scaled_rows(k), kecamatan_layout(name))
             for k, name in ((1, "Bojongsari"), (3, "Kejobong"), (7, "Mrebet"))]
    out = tmp_path / "gabungan.xlsx"
    result = consolidate(files, output=out, jobs=1)
    expected = {}
    for path in files:
        _, _, renja = check_file(str(path))
        programs = [r for r in renja.plan_records() if r["level"] == "program"]
        expected[renja.kecamatan] = (sum(r["pagu"] for r in programs),
                                     sum(r["pagu_n1"] for r in programs),
                                     {r["kode"]: r["pagu"] for r in programs})
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    _, rows = read_summary(ws)
    assert {r["kecamatan"]: (r["pagu"], r["pagu_n1"]) for r in rows} == \
        {k: v[:2] for k, v in expected.items()}
    # the program block: a title, then kode × kecamatan
    title_row = find_row(ws, "Total pagu per program", exact=False)
    assert "program" in ws.cell(title_row, 1).value.lower()
    header, block = read_table(ws, title_row + 1)
    assert header[:2] == ["kode", "nama"] and header[2:5] == ["Bojongsari", "Kejobong", "Mrebet"]
    total_row = block.pop()
    assert total_row["kode"] == "JUMLAH"
    for kec, (pagu, _, per_program) in expected.items():
        assert {b["kode"]: b[kec] for b in block} == per_program
        assert total_row[kec] == pagu
    assert total_row[header[-1]] == sum(v[0] for v in expected.values())
    assert ws.cell(title_row + 2, 3).number_format == "#,##0"
    # the DataFrames say the same
    assert list(result.summary.columns) == SUMMARY_COLUMNS
    assert result.program_totals["Kejobong"].sum() == expected["Kejobong"][0]
    assert list(result.plan.columns) == list(PLAN_FIELDS) and len(result.plan) == 3 * len(CLEAN_ROWS)


def test_program_block_continues_below_when_too_wide(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "MAX_SHEET_COLS", 5)           # two kecamatan per block
    files = [make_plan_workbook(tmp_path / f"{name}.xlsx", scaled_rows(k), kecamatan_layout(name))
             for k, name in ((1, "Bojongsari"), (3, "Kejobong"), (7, "Mrebet"))]
    out = tmp_path / "out.xlsx"
    consolidate(files, output=out, jobs=1)
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    first = find_row(ws, "Total pagu per program", exact=False) + 1   # header of the first block
    header, block = read_table(ws, first)
    assert header == ["kode", "nama", "Bojongsari", "Kejobong"]     # Σ of all: last block only
    assert block[-1]["Kejobong"] == 3 * CLEAN_ROWS[0][5]
    header2, block2 = read_table(ws, first + len(block) + 2)
    assert header2 == ["kode", "nama", "Mrebet", "jumlah"]
    assert block2[-1]["Mrebet"] == 7 * CLEAN_ROWS[0][5] and block2[-1]["jumlah"] == 11 * CLEAN_ROWS[0][5]


def test_submitted_text_stays_text(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[2][1] = '=HYPERLINK("http://x","y")'
    rows[2][3] = "http://evil"
    rows[4][2] = "+62 0001"
    path = make_plan_workbook(tmp_path / "in.xlsx", [tuple(r) for r in rows])
    out = tmp_path / "out.xlsx"
    consolidate([path], output=out)
    ws = openpyxl.load_workbook(out)["Rencana"]
    header = [c.value for c in ws[1]]
    nama, lokasi, indikator = (header.index(n) + 1 for n in ("nama", "lokasi", "indikator"))
    cell = ws.cell(4, nama)
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"
    assert ws.cell(4, lokasi).value == "http://evil" and ws.cell(4, lokasi).data_type == "s"
    assert ws.cell(4, lokasi).hyperlink is None
    assert ws.cell(6, indikator).value == "+62 0001"
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in z.read(n) for n in sheets)


def test_issue_rows_link_to_highlighted_rencana_cells(tmp_path):
    rows = [list(r) for r in faulty_rows()]
    rows[4][3] = None                                    # lokasi missing on a sub kegiatan
    clean = make_plan_workbook(tmp_path / "a.xlsx", scaled_rows(2), kecamatan_layout("Bukateja"))
    faulty = make_plan_workbook(tmp_path / "b.xlsx", [tuple(r) for r in rows])
    out = tmp_path / "out.xlsx"
    result = consolidate([clean, faulty], output=out, jobs=1)
    wb = openpyxl.load_workbook(out)
    rencana, kesalahan = wb["Rencana"], wb["Kesalahan"]
    plan_header = [c.value for c in rencana[1]]
    issue_header = [c.value for c in kesalahan[1]]
    assert issue_header == list(ISSUE_FIELDS) and plan_header == list(PLAN_FIELDS)
    cell_col = issue_header.index("cell") + 1
    linked = 0
    for r in range(2, kesalahan.max_row + 1):
        values = dict(zip(issue_header, (c.value for c in kesalahan[r])))
        if values["rule"] is None:
            continue
        link = kesalahan.cell(r, cell_col).hyperlink
        if values["cell"] is None:
            assert link is None
            continue
        assert link is not None and link.location.startswith("'Rencana'!A")
        target = int(link.location.rsplit("A", 1)[1])
        row = dict(zip(plan_header, (c.value for c in rencana[target])))
        assert (row["file"], row["sheet"], row["row"]) == (values["file"], values["sheet"], values["row"])
        linked += 1
    assert linked == sum(1 for i in result.report.issues if i.cell)
    # the rollup error sits on the program's pagu cell, the lokasi error on the lokasi cell
    program = next(r for r in range(2, rencana.max_row + 1)
                   if rencana.cell(r, 1).value == str(faulty) and rencana.cell(r, 6).value == "program")
    pagu = rencana.cell(program, plan_header.index("pagu") + 1)
    assert "pagu-rollup" in pagu.comment.text and pagu.fill.fgColor.rgb.endswith("FFC7CE")
    lokasi = rencana.cell(program + 4, plan_header.index("lokasi") + 1)
    assert lokasi.value is None and "lokasi-missing" in lokasi.comment.text
    commented = {(c.row, c.column) for row in rencana.iter_rows(min_row=2) for c in row if c.comment}
    highlighted = {(c.row, c.column) for row in rencana.iter_rows(min_row=2) for c in row
                   if c.fill.fill_type == "solid"}
    assert commented == highlighted and commented
    assert all(rencana.cell(r, 1).value == str(faulty) for r, _ in commented)
    severity = kesalahan.cell(2, issue_header.index("severity") + 1)
    assert severity.fill.fill_type == "solid"
    assert rencana.freeze_panes == "A2" and rencana.auto_filter.ref.startswith("A1:V")   # the 22 plan columns


def test_overflow_continues_on_numbered_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "MAX_SHEET_ROWS", 10)            # 9 data rows per sheet
    files = [make_plan_workbook(tmp_path / f"k{i}.xlsx", faulty_rows() if i == 3 else scaled_rows(i + 1),
                                kecamatan_layout(name))
             for i, name in enumerate(("Bobotsari", "Karanganyar", "Kertanegara", "Rembang"))]
    out = tmp_path / "out.xlsx"
    result = consolidate(files, output=out, jobs=1)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Rencana", "Rencana (2)", "Rencana (3)", "Kesalahan",
                             "Temuan"]
    seen = []
    for name in ("Rencana", "Rencana (2)", "Rencana (3)"):
        ws = wb[name]
        assert [c.value for c in ws[1]] == list(PLAN_FIELDS)
        assert ws.max_row <= 10
        seen += [(r[0], r[3]) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert seen == list(zip(result.plan["file"], result.plan["row"]))
    assert len(seen) == 4 * len(CLEAN_ROWS)
    kesalahan = wb["Kesalahan"]
    header = [c.value for c in kesalahan[1]]
    link = kesalahan.cell(2, header.index("cell") + 1).hyperlink
    # the faulty program is data row 16 of 20: 9 per sheet -> 2nd sheet, 7th data row
    assert link.location == "'Rencana (2)'!A8"
    assert wb["Rencana (2)"]["A8"].value == str(files[3]) and wb["Rencana (2)"]["F8"].value == "program"
    assert wb["Rencana (2)"]["N8"].comment is not None


def test_streaming_mode_for_big_batches(batch, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "CONSTANT_MEMORY_ROWS", 0)
    out = tmp_path / "out.xlsx"
    result = consolidate([batch], output=out, jobs=1, progress=True)
    wb = openpyxl.load_workbook(out)
    rencana, kesalahan = wb["Rencana"], wb["Kesalahan"]
    assert rencana.max_row == len(result.plan) + 1
    assert [c.value for c in rencana[2]][:4] == list(result.plan.iloc[0][["file", "kecamatan", "sheet", "row"]])
    assert any(c.comment for row in rencana.iter_rows(min_row=2) for c in row)
    assert any(c.hyperlink for row in kesalahan.iter_rows(min_row=2) for c in row)


def _sheet_bytes(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in sorted(z.namelist())
                if n.startswith(("xl/worksheets/", "xl/sharedStrings", "xl/comments", "docProps/core"))}


def test_same_inputs_same_workbook(batch, tmp_path):
    first, second = tmp_path / "satu.xlsx", tmp_path / "dua.xlsx"
    consolidate([batch], output=first, jobs=1)
    consolidate([batch], output=second, jobs=2)
    a, b = _sheet_bytes(first), _sheet_bytes(second)
    assert any(n.startswith("xl/sharedStrings") for n in a)
    assert a == b
    props = openpyxl.load_workbook(first).properties
    assert props.created.year == 2000 and props.creator == "renja_xl"


def test_parallel_keeps_input_order(tmp_path):
    files = [make_plan_workbook(tmp_path / f"{i:02d}.xlsx", scaled_rows(i + 1),
                                PlanLayout(titles=titles_of(KECAMATAN[i]))) for i in range(6)]
    serial = consolidate(files, jobs=1)
    parallel = consolidate(files, jobs=3)
    with ThreadPoolExecutor(2) as pool:
        threaded = consolidate(files, executor=pool)
    expected = [str(f) for f in files]
    for result in (serial, parallel, threaded):
        assert [f.file for f in result.report.files] == expected
        assert list(result.summary["file"]) == expected
        assert list(result.plan["file"].drop_duplicates()) == expected
    assert serial.plan.equals(parallel.plan) and serial.summary.equals(threaded.summary)


def test_existing_output_replaced_only_on_success(batch, tmp_path, monkeypatch):
    out = tmp_path / "gabungan.xlsx"
    out.write_bytes(b"old workbook")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(writer, "_write_issues", broken)
    with pytest.raises(RuntimeError):
        consolidate([batch], output=out, jobs=1)
    assert out.read_bytes() == b"old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gabungan.xlsx", "masuk"]
    monkeypatch.undo()
    consolidate([batch], output=out, jobs=1)
    assert zipfile.is_zipfile(out)


def test_extra_sheets_follow_kesalahan(tmp_path):
    import pandas as pd
    path = make_plan_workbook(tmp_path / "in.xlsx")
    extra = {"Evaluasi": pd.DataFrame({"kode": ["7.01.02"], "pagu": [1_000_000.0], "catatan": ["=1+1"]})}
    out = tmp_path / "out.xlsx"
    consolidate([path], output=out, extra_sheets=extra)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-1] == "Evaluasi"
    ws = wb["Evaluasi"]
    assert [c.value for c in ws[1]] == ["kode", "pagu", "catatan"]
    assert ws["B2"].value == 1_000_000 and ws["B2"].number_format == "#,##0"
    assert ws["C2"].data_type == "s"


def test_a_crash_on_one_file_does_not_stop_the_batch(tmp_path, monkeypatch):
    module = importlib.import_module("renja_xl.check")
    good = make_plan_workbook(tmp_path / "good.xlsx")
    odd = make_plan_workbook(tmp_path / "odd.xlsx")

    real = module.read_file

    def flaky(path, limits=None):               # a bug deep in reading one workbook
        if str(path).endswith("odd.xlsx"):
            raise KeyError("unexpected layout")
        return real(path, limits)
    monkeypatch.setattr(module, "read_file", flaky)
    result = consolidate([good, odd], jobs=1)
    assert [f.status for f in result.report.files] == ["ok", "unreadable"]
    assert result.report.files[1].reason == "file-unreadable"
    assert "KeyError" in result.report.issues[-1].message()


def test_misuse_raises_consolidate_error(tmp_path):
    path = make_plan_workbook(tmp_path / "in.xlsx")
    with pytest.raises(ConsolidateError):
        consolidate([path], output=tmp_path / "out.csv")
    with pytest.raises(ConsolidateError):
        consolidate([path], output=tmp_path / "missing" / "out.xlsx")
    with pytest.raises(ConsolidateError):
        consolidate([path], output=path)
    with pytest.raises(ConsolidateError):
        consolidate([path], jobs=0)
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(ConsolidateError):
        consolidate([empty], output=tmp_path / "out.xlsx")


def test_a_file_given_twice_counts_once(tmp_path):
    path = make_plan_workbook(tmp_path / "in.xlsx")
    result = consolidate([tmp_path, path, str(path)], jobs=1)
    assert [f.file for f in result.report.files] == [str(path)]
    assert result.summary["pagu"].sum() == CLEAN_ROWS[0][5]


def test_package_attribute_is_callable_after_module_import(tmp_path):
    import renja_xl.consolidate  # noqa: F401  binds the package attribute to the module
    path = make_plan_workbook(tmp_path / "in.xlsx")
    result = renja_xl.consolidate([path])
    assert result.output is None and result.report.exit_code == 0


# -- the command line --------------------------------------------------------------------------
def run(*args):
    proc = subprocess.run([sys.executable, "-m", "renja_xl", "consolidate", *map(str, args)],
                          capture_output=True, text=True, timeout=180)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_cli_exit_codes_and_summary(batch, tmp_path):
    out = tmp_path / "gabungan.xlsx"
    clean = batch / "a_bojongsari.xlsx"
    proc = run(clean, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "Gabungan Renja: 1 file" in proc.stdout and str(out) in proc.stdout
    proc = run(clean, batch / "b_kejobong.xlsx", "-o", out, "--jobs", "2")
    assert proc.returncode == 1
    assert "pagu-rollup" in proc.stdout and "Rp 1.8" in proc.stdout
    proc = run(batch, "-o", out, "--feedback", tmp_path / "balikan")
    assert proc.returncode == 2
    assert "tidak terbaca" in proc.stdout and "c_rusak.xlsx" in proc.stdout
    assert sorted(p.name for p in (tmp_path / "balikan").iterdir()) == \
        ["a_bojongsari_periksa.xlsx", "b_kejobong_periksa.xlsx"]
    assert len(proc.stdout.splitlines()) <= 25


def test_cli_json(batch, tmp_path):
    proc = run(batch, "-o", tmp_path / "out.xlsx", "--format", "json", "--lang", "en")
    doc = json.loads(proc.stdout)
    assert_contract(doc)                   # the same contract as `check --format json`
    assert [f["status"] for f in doc["files"]] == ["ok", "invalid", "unreadable"]
    assert doc["files"][2]["reason"] == "file-not-excel"          # random bytes
    assert any(i["rule"] == "pagu-rollup" and "sum of" in i["message"] for i in doc["issues"])


@pytest.mark.parametrize("output", ["missing/out.xlsx", "out.csv"])
def test_cli_misuse_is_one_line(batch, tmp_path, output):
    proc = run(batch, "-o", tmp_path / output)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("renja_xl: ")
    assert not (tmp_path / output).exists()


def test_cli_requires_output(batch):
    proc = run(batch)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_samples_consolidated_in_two_workers(tmp_path):
    """The seven samples through a pool of two: each file's status as checking it alone
    gives, one annotated copy each, every plan row on the Rencana sheet."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    files = sorted(samples.glob("*.xlsx"))
    result = consolidate(files, output=tmp_path / "out.xlsx", feedback=tmp_path / "fb", jobs=2)
    alone = [renja_xl.check(f).files[0].status for f in files]
    assert [f.status for f in result.report.files] == alone
    assert alone.count("ok") == 1 and "unreadable" not in alone        # Bobotsari is the clean one
    assert sorted(p.name for p in (tmp_path / "fb").iterdir()) == sorted(
        f.stem + "_periksa.xlsx" for f in files)
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    rencana = list(wb["Rencana"].iter_rows(min_row=2, values_only=True))
    assert len(rencana) == len(result.plan) > 100
    assert [r[0] for r in rencana] == result.plan["file"].tolist()


def test_names_replace_the_paths_in_every_result(tmp_path):
    from conftest import SAMPLES
    import renja_xl
    path = str(SAMPLES / "Renja_Kec_Rembang_2025.xlsx")
    result = renja_xl.consolidate([path], feedback=tmp_path / "fb", jobs=1,
                                  names={path: "kiriman Rembang.xlsx"})
    assert [f.file for f in result.report.files] == ["kiriman Rembang.xlsx"]
    assert {i.file for i in result.report.issues} == {"kiriman Rembang.xlsx"}
    assert set(result.plan["file"]) == set(result.summary["file"]) == {"kiriman Rembang.xlsx"}
    assert all(set(frame["file"]) == {"kiriman Rembang.xlsx"} for frame in result.tables.values())
    assert list(result.feedback) == ["kiriman Rembang.xlsx"]
