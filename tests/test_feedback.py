"""Annotated copies: every issue on its cell, everything else as the kecamatan sent it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from renja_xl.check import check_file
from renja_xl.consolidate import consolidate
from renja_xl.write.feedback import FeedbackError, feedback_targets, write_feedback
from renja_xl.report.grouping import sort_issues
from renja_xl.report.issues import ISSUE_FIELDS, Issue

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, sha256

SHEET = "Tabel 4.1"
RED, YELLOW = "FFC7CE", "FFEB9C"


def annotated_source(path) -> Path:
    """A faulty submission with formulas, merged cells, a comment of its own and text that
    looks like a formula."""
    rows = [list(r) for r in CLEAN_ROWS]
    rows[4][3] = None                      # lokasi missing
    rows[2][8] = 30_000_001                # n+1 roll-up off by one rupiah
    rows[1][4] = "100%"                    # percent target for a count, unit changes

    def extra(wb, ws, pos):
        money = wb.add_format({"num_format": "#,##0"})
        ws.write_formula(pos[0], 9, "=J8+J10", money, 40_000_000)
        ws.write_formula(pos[1], 9, "=J9", money, 25_000_000)       # 25 ≠ 30: roll-up error
        ws.merge_range(pos[3], 10, pos[4], 10, "DAU")
        ws.write_comment(pos[2], 7, "catatan kecamatan")
        ws.write_string(pos[4] + 3, 1, '=HYPERLINK("http://x","y")')
    return make_plan_workbook(path, [tuple(r) for r in rows], PlanLayout(damaged_codes=True), extra)


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    return annotated_source(folder / "renja_kec_contoh.xlsx")


def comments_of(ws):
    return {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}


def test_every_issue_on_its_cell(source, tmp_path):
    before = sha256(source)
    _, issues, _ = check_file(str(source))
    assert {i.severity for i in issues} == {"error", "warning"}
    target = write_feedback(source, issues, tmp_path / "copy.xlsx")
    assert sha256(source) == before
    original = openpyxl.load_workbook(source)[SHEET]
    ws = openpyxl.load_workbook(target)[SHEET]
    expected: dict[str, list[Issue]] = {}
    for issue in issues:
        if issue.cell:
            expected.setdefault(issue.cell, []).append(issue)
    got = comments_of(ws)
    assert set(got) == set(expected) | set(comments_of(original))
    for cell, found in expected.items():
        for issue in found:
            assert issue.message() in got[cell] and issue.rule in got[cell]
        colour = RED if any(i.severity == "error" for i in found) else YELLOW
        assert ws[cell].fill.fgColor.rgb.endswith(colour), cell
    # the kecamatan's own comment is kept
    assert got["H9"] == original["H9"].comment.text


def test_everything_else_stays(source, tmp_path):
    _, issues, _ = check_file(str(source))
    target = write_feedback(source, issues, tmp_path / "copy.xlsx")
    original = openpyxl.load_workbook(source)
    copy = openpyxl.load_workbook(target)
    assert copy.sheetnames == original.sheetnames + ["Kesalahan"]
    a, b = original[SHEET], copy[SHEET]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    assert b["J7"].value == "=J8+J10" and b["J8"].value == "=J9"
    assert b["J7"].number_format == a["J7"].number_format == "#,##0"
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows()):
        for ca, cb in zip(row_a, row_b):
            assert (ca.value, ca.data_type) == (cb.value, cb.data_type), ca.coordinate
            for style in ("font", "border", "alignment", "number_format", "protection"):
                assert repr(getattr(ca, style)) == repr(getattr(cb, style)), (ca.coordinate, style)
    assert a.max_row == b.max_row and a.max_column == b.max_column
    marked = {i.cell for i in issues if i.cell}
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows()):
        for ca, cb in zip(row_a, row_b):
            if ca.coordinate not in marked:
                assert repr(ca.fill) == repr(cb.fill), ca.coordinate
    text = b.cell(11 + 3, 2)
    assert text.value == '=HYPERLINK("http://x","y")' and text.data_type == "s"


def test_kesalahan_sheet_links_to_cells(source, tmp_path):
    _, issues, _ = check_file(str(source))
    target = write_feedback(source, issues, tmp_path / "copy.xlsx")
    ws = openpyxl.load_workbook(target)["Kesalahan"]
    header = [c.value for c in ws[1]]
    assert header == list(ISSUE_FIELDS)
    rows = list(ws.iter_rows(min_row=2, max_row=len(issues) + 1))
    issues = sort_issues(issues)
    assert ws.cell(len(issues) + 2, 1).value is None
    cell_col = header.index("cell")
    for row, issue in zip(rows, issues):
        assert row[header.index("rule")].value == issue.rule
        assert row[header.index("message")].value == issue.message()
        link = row[cell_col].hyperlink
        assert row[cell_col].value == issue.cell
        assert link.location == f"'{SHEET}'!{issue.cell}"
        assert row[header.index("severity")].fill.fgColor.rgb.endswith(
            RED if issue.severity == "error" else YELLOW)
    assert ws.freeze_panes == "A2"


def test_merged_cell_issue_goes_to_its_anchor_and_file_issue_only_to_the_list(source, tmp_path):
    issues = [Issue(rule="sumber-dana-missing", file=str(source), sheet=SHEET, row=11, col=10),
              Issue(rule="table-not-found", file=str(source)),
              Issue(rule="lokasi-missing", file=str(source), sheet="Tidak Ada", row=3, col=1)]
    target = write_feedback(source, issues, tmp_path / "copy.xlsx")
    wb = openpyxl.load_workbook(target)
    got = comments_of(wb[SHEET])
    assert "sumber-dana-missing" in got["K10"] and "K11" not in got
    assert wb[SHEET]["K10"].fill.fgColor.rgb.endswith(RED)
    rows = list(wb["Kesalahan"].iter_rows(min_row=2, max_row=len(issues) + 1, values_only=True))
    # in reading order: the file's own issue first, then by sheet and row
    assert [r[ISSUE_FIELDS.index("rule")] for r in rows] == \
        ["table-not-found", "sumber-dana-missing", "lokasi-missing"]


def test_unsupported_formats_give_a_notice(tmp_path):
    with pytest.raises(FeedbackError, match=r"\.xls"):
        write_feedback(tmp_path / "lama.xls", [], tmp_path / "lama_periksa.xlsx")
    fake = tmp_path / "palsu.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(FeedbackError, match="openpyxl"):
        write_feedback(fake, [], tmp_path / "palsu_periksa.xlsx")
    assert not (tmp_path / "palsu_periksa.xlsx").exists()


def test_ods_submission_is_consolidated_without_a_copy(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("odf")
    frame = pd.DataFrame([["7.01.02", "Program", "Indikator", "Kec", "1", 1000, "DAU"]],
                         columns=["Kode", "Program", "Indikator", "Lokasi", "Target", "Pagu", "Sumber Dana"])
    ods = tmp_path / "kec.ods"
    frame.to_excel(ods, engine="odf", index=False)
    xlsx = make_plan_workbook(tmp_path / "kec_b.xlsx")
    result = consolidate([ods, xlsx], feedback=tmp_path / "fb", jobs=1)
    assert result.report.files[0].status != "unreadable"
    assert list(result.feedback) == [str(xlsx)]
    assert len(result.notices) == 1 and "kec.ods" in result.notices[0]
    proc = subprocess.run([sys.executable, "-m", "renja_xl", "consolidate", ods, xlsx,
                           "-o", tmp_path / "out.xlsx", "--feedback", tmp_path / "fb2"],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    assert "kec.ods" in proc.stderr and "salinan bertanda" in proc.stderr


def test_consolidate_writes_copies_in_parallel(tmp_path, source):
    other = annotated_source(tmp_path / "masuk" / "renja_kec_lain.xlsx")
    before = {p: sha256(p) for p in (source, other)}
    result = consolidate([source.parent], output=tmp_path / "out.xlsx",
                         feedback=tmp_path / "fb", jobs=2)
    assert {p: sha256(p) for p in (source, other)} == before
    assert sorted(Path(p).name for p in result.feedback.values()) == \
        ["renja_kec_contoh_periksa.xlsx", "renja_kec_lain_periksa.xlsx"]
    for path, copy in result.feedback.items():
        cells = {i.cell for i in result.report.issues if i.file == path and i.cell}
        assert cells <= set(comments_of(openpyxl.load_workbook(copy)[SHEET]))


def test_feedback_names_are_unique_and_never_an_input(tmp_path):
    files = [str(tmp_path / "a" / "renja.xlsx"), str(tmp_path / "b" / "renja.xlsx"),
             str(tmp_path / "fb" / "x_periksa.xlsx"), str(tmp_path / "makro.xlsm"),
             str(tmp_path / "x.xlsx")]
    names = [Path(t).name for t in feedback_targets(files, tmp_path / "fb")]
    assert names == ["renja_periksa.xlsx", "renja_periksa_2.xlsx", "x_periksa_periksa.xlsx",
                     "makro_periksa.xlsm", "x_periksa_2.xlsx"]


def test_xlsm_keeps_its_macros(tmp_path):
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"\xd0\xcf\x11\xe0 not a real vba project " * 20)

    def extra(wb, ws, pos):
        wb.add_vba_project(str(vba))
    rows = [list(r) for r in CLEAN_ROWS]
    rows[0][5] = 99_000_000
    source = make_plan_workbook(tmp_path / "makro.xlsm", [tuple(r) for r in rows], extra=extra)
    result = consolidate([source], feedback=tmp_path / "fb", jobs=1)
    copy = Path(result.feedback[str(source)])
    assert copy.name == "makro_periksa.xlsm"
    import zipfile
    with zipfile.ZipFile(copy) as z:
        assert z.read("xl/vbaProject.bin") == vba.read_bytes()
    assert "pagu-rollup" in openpyxl.load_workbook(copy, keep_vba=True)[SHEET]["J7"].comment.text


def test_a_cell_note_is_cut_to_what_a_comment_holds():
    from renja_xl.write.workbook import MAX_COMMENT, cell_note
    issues = [Issue("usulan-duplicate", "f.xlsx", "S", row, 2, value="Perbaikan jalan desa " * 3,
                    params={"desa": "Kedarpan", "first_row": 7}) for row in range(8, 108)]
    note = cell_note(issues, "id")
    assert len(note) <= MAX_COMMENT and note.endswith("…") and not note[:-1].endswith((" ", "\n"))
    assert note.startswith("• Usulan 'Perbaikan jalan desa") and "[usulan-duplicate]\n• " in note
    assert cell_note(issues[:2], "en").count("[usulan-duplicate]") == 2      # short: whole
