"""The Renstra matrix (table kind `renstra`): read in its year forms, checked, consolidated long,
and the Renja checked against it (in one workbook, as two files, or with --renstra FILE)."""
from __future__ import annotations

import json

import pytest
import xlsxwriter

import renja_xl
from renja_xl.cli import main
from renja_xl.tables.reader import read_file
from renja_xl.write.frames import table_frames

from renstra_helpers import ITEMS, renstra_sheet
from tables_helpers import build, describe, issues


def renstra_only(tmp_path, sheet, name="Renstra_Kec_Contoh.xlsx", formula=None):
    """A workbook holding only the Renstra matrix. `formula`: (row, col, text, cached)."""
    path = tmp_path / name
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Renstra")
    sheet.write(wb, ws)
    if formula:
        ws.write_formula(*formula)
    wb.close()
    return path


def cells_of(report, rule):
    return sorted((i.sheet, i.cell) for i in issues(report, rule))


@pytest.mark.parametrize("form", ["index", "ke", "years"])
def test_a_clean_renstra_in_every_year_form_is_read_and_clean(tmp_path, form):
    path = renstra_only(tmp_path, renstra_sheet(form, title_years=(form != "years")))
    report = renja_xl.check(path)
    assert report.issues == [], describe(report)
    assert report.files[0].status == "ok"
    (table,) = report.files[0].tables
    assert table.table == "renstra" and table.rows == 5
    assert table.levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    assert [table.columns[f"target_{y}"] for y in (2025, 2029)] == ["F", "N"]
    assert [table.columns[f"dana_{y}"] for y in (2025, 2029)] == ["G", "O"]
    assert table.columns["kondisi_akhir"] == "P" and table.columns["dana_akhir"] == "Q"


def test_without_years_in_the_title_the_year_numbers_stay_numbers(tmp_path):
    path = renstra_only(tmp_path, renstra_sheet("index", title_years=False))
    (table,) = renja_xl.check(path).files[0].tables
    assert table.table == "renstra" and "target_1" in table.columns and "dana_5" in table.columns


def test_renstra_faults_are_found_on_their_cells(tmp_path):
    sheet = (renstra_sheet()
             .set(6, "K", 50_000_000)                 # program dana of 2027: not Σ kegiatan
             .set(8, "L", 10)                         # a count target that falls (12 -> 10)
             .set(10, "P", 16)                        # kondisi akhir 16 vs 2029 target 15
             .set(11, "A", "7.01.02.2.04.0001"))      # the sub kegiatan code twice
    sheet = sheet.set(11, "B", "Sub kegiatan tertulis dua kali").set(11, "C", "Jumlah Dokumen")
    sheet = sheet.set(11, "F", 1).set(11, "G", 0)
    path = renstra_only(tmp_path, sheet, formula=(9, 8, "=G10*#REF!", None, "#REF!"))
    report = renja_xl.check(path)
    rollup = issues(report, "renstra-dana-rollup")
    assert [(i.cell, i.kode) for i in rollup] == [("K6", "7.01.02")], describe(report)
    assert "2027" in rollup[0].message() and "Rp 50.000.000" in rollup[0].message()
    falls = issues(report, "target-falls")
    assert [(i.cell, i.severity) for i in falls] == [("L8", "warning")]
    assert [(i.cell, i.severity) for i in issues(report, "renstra-final-differs")] == [("P10", "warning")]
    assert [i.cell for i in issues(report, "kode-duplicate")] == ["A11"]
    assert [i.cell for i in issues(report, "formula-error")] == ["I10"]


def test_a_kegiatan_without_its_program_in_the_renstra(tmp_path):
    path = renstra_only(tmp_path, renstra_sheet(items=ITEMS[1:3]))
    report = renja_xl.check(path)
    assert [(i.cell, i.expected) for i in issues(report, "parent-missing")] == [("A6", "7.01.02")]


def test_consolidated_renstra_sheet_is_long(tmp_path):
    path = renstra_only(tmp_path, renstra_sheet("years", title_years=False))
    frames = table_frames([read_file(str(path))])
    frame = frames["Renstra"]
    assert len(frame) == 5 * 5
    assert list(frame.columns[:8]) == ["file", "kecamatan", "sheet", "row", "kode", "level",
                                       "nama", "indikator"]
    first = frame[frame["kode"] == "7.01.02.2.01.0002"].sort_values("tahun")
    assert list(first["tahun"]) == [2025, 2026, 2027, 2028, 2029]
    assert list(first["dana"]) == [30_000_000, 33_000_000, 36_000_000, 39_000_000, 42_000_000]
    assert list(first["target"]) == [12] * 5 and set(first["row"]) == {8}


# --- the Renja against its Renstra ---------------------------------------------------------------

def _faulty_pair_sheet():
    # the Renstra lacks sub kegiatan 7.01.02.2.04.0001 and says 14 documents for 2025 where
    # the Renja says 12; its program dana of 2025 is below the Renja's program pagu
    items = [list(i) for i in ITEMS[:4]]
    items[2][5] = [14, 14, 14, 14, 14]
    items[3] = list(items[3])
    items.append(("7.01.02.2.04.0003", "Sub kegiatan lain", "Jumlah Laporan Lain", "Laporan",
                  1, [1, 1, 1, 1, 1], 5_000_000))
    return renstra_sheet(items=[tuple(i) for i in items])


def _assert_pair_faults(report):
    missing = issues(report, "renstra-kode-missing")
    assert [(i.sheet, i.cell, i.kode) for i in missing] == [
        ("Tabel 4.1", "A11", "7.01.02.2.04.0001")], describe(report)
    assert missing[0].severity == "error" and missing[0].category == "crosscheck"
    differs = issues(report, "renstra-target-differs")
    assert [(i.cell, i.value, i.expected) for i in differs] == [("I9", "12 Dokumen", "14 Dokumen")]
    assert "'Renstra'!F8" in differs[0].message()
    above = issues(report, "renstra-pagu-above")
    assert [(i.cell, i.severity) for i in above] == [("J7", "warning")]
    assert "Rp 40.000.000" in above[0].message() and "Rp 35.000.000" in above[0].message()


def test_renja_and_renstra_in_one_workbook(tmp_path):
    report = renja_xl.check(build(tmp_path, {"Renstra": _faulty_pair_sheet()}))
    _assert_pair_faults(report)


def test_a_clean_pair_in_one_workbook_gives_no_issue(tmp_path):
    report = renja_xl.check(build(tmp_path, {"Renstra": renstra_sheet()}))
    assert report.issues == [], describe(report)


def test_renja_and_renstra_as_two_files_of_the_same_agency(tmp_path):
    plan = build(tmp_path, {}, name="Renja_Kec_Contoh_2025.xlsx")
    renstra = renstra_only(tmp_path, _faulty_pair_sheet())
    report = renja_xl.check([plan, renstra])
    _assert_pair_faults(report)
    assert all(i.file == str(plan) for i in issues(report, "renstra-kode-missing"))
    assert [f.status for f in report.files] == ["invalid", "ok"]
    # another agency's Renstra is not used
    lain = (_faulty_pair_sheet().set(1, "A", "MATRIKS RENSTRA KECAMATAN LAIN TAHUN 2025-2029")
            .set(2, "A", "Perangkat Daerah : Kecamatan Lain"))
    other = renja_xl.check([plan, renstra_only(tmp_path, lain, name="Renstra_Kec_Lain.xlsx")])
    assert [f.kecamatan for f in other.files] == ["Contoh", "Lain"]
    assert [i for i in other.issues if i.rule.startswith("renstra-")] == []


def test_renstra_given_explicitly_on_the_command_line(tmp_path, capsys):
    plan = build(tmp_path, {}, name="renja.xlsx")
    renstra = renstra_only(tmp_path, _faulty_pair_sheet(), name="acuan.xlsx")
    code = main(["check", str(plan), "--renstra", str(renstra), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    rules = sorted(i["rule"] for i in doc["issues"])
    assert code == 1
    assert rules == ["renstra-kode-missing", "renstra-pagu-above", "renstra-target-differs"]
    assert main(["check", str(plan), "--renstra", str(plan)]) == 2
    assert "tidak berisi matriks Renstra" in capsys.readouterr().err


def test_consolidate_pairs_the_renstra_and_writes_its_sheet(tmp_path):
    plan = build(tmp_path, {}, name="Renja_Kec_Contoh_2025.xlsx")
    renstra = renstra_only(tmp_path, _faulty_pair_sheet())
    result = renja_xl.consolidate([plan, renstra], output=tmp_path / "gabung.xlsx", jobs=1)
    assert "Renstra" in result.tables and len(result.tables["Renstra"]) == 5 * 5
    kesalahan = result.report.to_frame()
    assert set(kesalahan["rule"]) >= {"renstra-kode-missing", "renstra-target-differs"}
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "gabung.xlsx")["Renstra"]
    header = [c.value for c in sheet[1]]
    dana = sheet.cell(3, header.index("dana") + 1)
    assert dana.value == 38_500_000 and dana.number_format == "#,##0"


def test_the_renstra_sample_and_the_kejobong_renja(monkeypatch):
    """samples/Renstra_Kec_Kejobong_2025-2029.xlsx: every fault listed in samples/README.md."""
    import pathlib
    root = pathlib.Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    renstra = "samples/Renstra_Kec_Kejobong_2025-2029.xlsx"
    renja = "samples/Renja_Kec_Kejobong_2025.xlsx"
    report = renja_xl.check([renstra, renja])
    own = {(i.rule, i.cell) for i in report.issues if i.file == renstra}
    assert own == {("formula-error", "O27"), ("renstra-dana-rollup", "K38"),
                   ("kode-duplicate", "A42"), ("parent-missing", "A46"),
                   ("renstra-final-differs", "P29"), ("target-falls", "L36")}
    paired = {(i.rule, i.cell, i.kode) for i in report.issues
              if i.file == renja and i.rule.startswith("renstra-")}
    assert paired == {("renstra-pagu-above", "K7", "7.01.01"),
                      ("renstra-kode-missing", "A10", "7.01.01.2.01.0007"),
                      ("renstra-target-differs", "J23", "7.01.01.2.07"),
                      ("renstra-target-differs", "J39", "7.01.02.2.01.0002")}
    alone = renja_xl.check(renja)                     # without its Renstra: nothing of it
    assert not [i for i in alone.issues if i.rule.startswith("renstra-")]


def test_a_renstra_with_codes_over_five_cells(tmp_path):
    from renstra_helpers import five_cell
    path = renstra_only(tmp_path, five_cell(renstra_sheet()))
    report = renja_xl.check(path)
    assert report.issues == [], describe(report)
    (table,) = report.files[0].tables
    assert table.levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    assert table.columns["target_2025"] == "J"
    frame = table_frames([read_file(str(path))])["Renstra"]
    assert list(frame["kode"].unique()) == [i[0] for i in ITEMS]


def test_a_renstra_option_without_a_renstra_is_said_once_per_file(tmp_path):
    plan = build(tmp_path, {}, name="renja.xlsx")
    report = renja_xl.check(plan, renstra=str(plan))
    assert [(i.rule, i.severity) for i in report.issues] == [("renstra-not-found", "error")]
    assert "renja.xlsx" in report.issues[0].message()


def test_a_second_indicator_line_and_dana_in_thousands(tmp_path):
    """SIPD-like: the program's second indicator on its own line (no code, no name); the dana
    in thousands ("Rp (Ribuan)"). Read as one program with two indicators, in rupiah."""
    base = renstra_sheet()
    rows = [list(r) for r in base.rows]
    for r in range(5, len(rows)):
        for c in range(6, 17, 2):
            if isinstance(rows[r][c], (int, float)):
                rows[r][c] = rows[r][c] / 1000
    rows[4] = [("Rp (Ribuan)" if v == "Rp" else v) for v in rows[4]]
    second = [None, None, "Indeks Kepuasan Masyarakat", "nilai", 80] + \
        sum(([80 + k, None] for k in range(5)), []) + [84, None, None, None]
    rows.insert(6, second)
    from tables_helpers import Sheet
    report = renja_xl.check(build(tmp_path, {"Renstra": Sheet(rows, base.merges)}))
    assert report.issues == [], describe(report)
    table = next(t for t in report.files[0].tables if t.table == "renstra")
    assert table.rows == 6 and table.levels == {"program": 1, "kegiatan": 2, "sub_kegiatan": 2}
    frame = table_frames([read_file(str(tmp_path / "renja.xlsx"))])["Renstra"]
    program = frame[(frame["kode"] == "7.01.02") & (frame["tahun"] == 2025)]
    assert list(program["indikator"]) == ["Nilai Evaluasi Pelayanan Publik",
                                          "Indeks Kepuasan Masyarakat"]
    assert list(program["dana"].fillna(0)) == [40_000_000, 0]


def test_renstra_option_reaches_the_feedback_copy(tmp_path):
    import openpyxl
    plan = build(tmp_path, {}, name="Renja_Kec_Contoh_2025.xlsx")
    renstra = renstra_only(tmp_path, _faulty_pair_sheet(), name="acuan.xlsx")
    result = renja_xl.consolidate([plan], output=tmp_path / "g.xlsx", feedback=tmp_path / "fb",
                                  jobs=1, renstra=renstra)
    copy = openpyxl.load_workbook(result.feedback[str(plan)])
    texts = [str(c.value) for row in copy["Kesalahan"].iter_rows() for c in row if c.value]
    assert any("tidak ada di Renstra" in t for t in texts)
    assert copy["Tabel 4.1"]["A11"].comment is not None
