"""The command line: the JSON contract, exit codes, one-line messages for bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, sha256

CATEGORIES = {"file", "structure", "code", "hierarchy", "value", "budget", "target", "computed",
              "nomenclature", "crosscheck"}
ISSUE_KEYS = {"file", "sheet", "row", "column", "cell", "table", "kode", "rule", "category",
              "severity", "message", "value", "expected"}
FILE_KEYS = {"file", "status", "kecamatan", "tables", "errors", "warnings", "reason"}
TABLE_KEYS = {"sheet", "table", "first_row", "last_row", "rows", "levels", "header_rows",
              "skipped_rows", "columns"}


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "renja_xl", *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def assert_contract(doc):
    """The JSON contract, version 1, field for field: a field added is added here on purpose."""
    assert set(doc) - {"nomenklatur"} == {"version", "files", "issues"} and doc["version"] == 1
    if "nomenklatur" in doc:                   # only when an official or given list was used
        info = set(doc["nomenklatur"]) - {"installed"}    # when installed: a stored list only
        assert info == {"file", "rows", "kind", "jenis_pemda", "stored", "sha256"}
    assert isinstance(doc["files"], list) and isinstance(doc["issues"], list)
    for f in doc["files"]:
        assert set(f) == FILE_KEYS
        assert f["status"] in ("ok", "invalid", "unreadable")
        assert (f["reason"] is not None) == (f["status"] == "unreadable")
        assert f["errors"] == sum(1 for i in doc["issues"]
                                  if i["file"] == f["file"] and i["severity"] == "error")
        for t in f["tables"]:
            assert set(t) == TABLE_KEYS
            assert all(isinstance(t[k], int) for k in ("first_row", "last_row", "rows"))
            assert t["first_row"] <= t["last_row"]
    for i in doc["issues"]:
        assert set(i) == ISSUE_KEYS
        assert i["category"] in CATEGORIES and i["severity"] in ("error", "warning")
        assert isinstance(i["rule"], str) and i["message"]
        if i["cell"] is not None:
            assert i["cell"] == f"{i['column']}{i['row']}"
            assert isinstance(i["row"], int) and i["row"] >= 1


def test_json_contract_clean_and_faulty(tmp_path):
    clean = make_plan_workbook(tmp_path / "clean.xlsx", CLEAN_ROWS, PlanLayout())
    faulty_rows = [list(r) for r in CLEAN_ROWS]
    faulty_rows[0][5] = 1_802_641_000
    faulty = make_plan_workbook(tmp_path / "faulty.xlsx", [tuple(r) for r in faulty_rows], PlanLayout())
    proc = run("check", clean, "--format", "json")
    assert proc.returncode == 0, proc.stdout
    doc = json.loads(proc.stdout)
    assert_contract(doc)
    assert doc["files"][0]["status"] == "ok" and doc["files"][0]["tables"][0]["rows"] == 5
    proc = run("check", clean, faulty, "--format", "json")
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert_contract(doc)
    rollup = [i for i in doc["issues"] if i["rule"] == "pagu-rollup"]
    assert rollup[0]["cell"] == "J7" and rollup[0]["value"] == 1_802_641_000
    assert rollup[0]["message"].startswith("Pagu 2025 program 7.01.02 Rp 1.802.641.000")


def test_text_output_is_indonesian_and_english_on_request(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[0][5] = 1
    path = make_plan_workbook(tmp_path / "f.xlsx", [tuple(r) for r in rows], PlanLayout())
    out = run("check", path).stdout
    assert "KESALAHAN" in out and "'Tabel 4.1'!J7" in out and "Kecamatan Contoh" in out
    out = run("check", path, "--lang", "en").stdout
    assert "ERROR" in out and "sum of 2 kegiatan" in out


@pytest.mark.parametrize("content,rule", [
    (None, "file-not-found"),
    (b"", "file-zero-bytes"),
    (b"just some text, not a workbook\n" * 20, "file-not-excel"),
    (b"PK\x03\x04" + b"\x00" * 100, "file-corrupt"),
])
def test_bad_files_exit_2_with_one_line(tmp_path, content, rule):
    path = tmp_path / "bad.xlsx"
    if content is not None:
        path.write_bytes(content)
    proc = run("check", path, "--format", "json")
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    assert_contract(doc)
    assert doc["files"][0]["status"] == "unreadable"
    assert [i["rule"] for i in doc["issues"]] == [rule]
    text = run("check", path)
    assert text.returncode == 2 and str(path) in text.stdout


def test_misuse_exits_2_without_traceback():
    proc = run("check")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    proc = run("check", "x.xlsx", "--format", "yaml")
    assert proc.returncode == 2


def test_empty_folder_is_misuse(tmp_path):
    proc = run("check", tmp_path, "--format", "json")
    assert proc.returncode == 2 and "tidak ada workbook" in proc.stderr and not proc.stdout


def test_input_is_never_modified(tmp_path):
    path = make_plan_workbook(tmp_path / "r.xlsx", CLEAN_ROWS, PlanLayout())
    before = sha256(path)
    run("check", path, "--format", "json")
    assert sha256(path) == before


def test_folder_input_skips_lock_files(tmp_path):
    make_plan_workbook(tmp_path / "a.xlsx", CLEAN_ROWS, PlanLayout())
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    doc = json.loads(run("check", tmp_path, "--format", "json").stdout)
    assert [f["file"].rsplit("/", 1)[-1] for f in doc["files"]] == ["a.xlsx"]


def test_rules_listing_covers_every_rule():
    from renja_xl.report.rules import RULES
    out = run("rules", "--format", "markdown").stdout
    for rule in RULES:
        assert f"`{rule}`" in out


def test_rules_listing_gives_descriptions_in_each_format():
    from renja_xl.report.rules import RULES
    text = run("rules").stdout.splitlines()
    assert len(text) == len(RULES)
    assert text[0].split()[:3] == ["file-not-found", "file", "error"]
    assert text[0].endswith(RULES["file-not-found"].description)
    english = run("rules", "--lang", "en").stdout.splitlines()
    assert english[0].endswith("nothing in it can be checked.")
    doc = json.loads(run("rules", "--format", "json").stdout)
    assert doc["version"] == 1 and [r["rule"] for r in doc["rules"]] == list(RULES)
    pagu = next(r for r in doc["rules"] if r["rule"] == "pagu-rollup")
    assert pagu["category"] == "budget" and pagu["severity"] == "error"
    assert {"year", "kode", "rows", "note"} <= set(pagu["params"])
    assert pagu["message"]["en"].startswith("Pagu {year} of {level_name}")
    assert pagu["description"]["id"].startswith("Pagu program/kegiatan harus sama")


def test_a_bug_on_one_file_is_reported_not_raised(tmp_path, monkeypatch):
    import importlib

    import renja_xl
    good = make_plan_workbook(tmp_path / "a.xlsx", CLEAN_ROWS, PlanLayout())
    odd = make_plan_workbook(tmp_path / "b.xlsx", CLEAN_ROWS, PlanLayout())
    module = importlib.import_module("renja_xl.check")
    real = module.read_file

    def flaky(path, limits=None):               # a bug deep in reading one workbook
        if str(path).endswith("b.xlsx"):
            raise IndexError("unexpected layout")
        return real(path, limits)
    monkeypatch.setattr(module, "read_file", flaky)
    report = renja_xl.check([good, odd])
    assert [f.status for f in report.files] == ["ok", "unreadable"]
    assert "IndexError" in report.issues[-1].message() and report.exit_code == 2


def test_json_is_compact_by_default_and_indented_on_request(monkeypatch):
    """The CLI streams compact JSON; `--indent 1` is byte for byte the library's `to_json()`
    (the golden files); both are the same document."""
    import pathlib
    import renja_xl
    root = pathlib.Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    compact = run("check", "samples/", "--format", "json").stdout
    indented = run("check", "samples/", "--format", "json", "--indent", "1").stdout
    assert compact.count("\n") == 1 and compact.startswith('{"version":1,"files":[{"file":')
    assert indented == renja_xl.check("samples/").to_json() + "\n"
    assert json.loads(compact) == json.loads(indented)


def test_json_into_a_pipe_closed_early_is_no_traceback(monkeypatch):
    """`check … --format json | head`: the reader goes away mid-report; no traceback."""
    import pathlib
    monkeypatch.chdir(pathlib.Path(__file__).resolve().parent.parent)
    proc = subprocess.Popen([sys.executable, "-m", "renja_xl", "check", "samples/", "--format",
                             "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100).startswith(b'{"version":1')
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and proc.returncode in (1, 2)


def test_text_report_names_each_table_with_its_rows_and_levels():
    """The table line (shared by the text report and the web page) in both languages."""
    from conftest import ROOT
    sample = ROOT / "samples" / "Renja_Kec_Bobotsari_2025.xlsx"
    lines = run("check", sample).stdout.splitlines()
    assert lines[1] == ("   Tabel Rencana Program dan Kegiatan di sheet 'Renja 2025' baris 7–35: "
                        "3 program, 8 kegiatan, 17 sub kegiatan")
    english = run("check", "--lang", "en", sample).stdout.splitlines()
    assert english[1] == ("   Table Rencana Program dan Kegiatan on sheet 'Renja 2025' rows 7–35: "
                          "3 program, 8 kegiatan, 17 sub kegiatan")
