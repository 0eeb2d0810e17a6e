"""The outputs as a planner opens and prints them: the consolidated workbook and a feedback
copy of the samples (wrap, widths, print setup, number formats, Indonesian Ringkasan,
links), and — when LibreOffice is installed — their page counts as PDF."""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import openpyxl
import pytest

import renja_xl
from renja_xl.report.grouping import sort_issues

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGLISH = {"rows", "errors", "warnings", "ok", "invalid", "unreadable", "pagu_n1", "pagu",
           "True", "False", "status", "file"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keluaran")
    samples = folder / "samples"
    shutil.copytree(ROOT / "samples", samples, ignore=shutil.ignore_patterns("*.py", "*_data"))
    result = renja_xl.consolidate([samples], output=folder / "konsolidasi.xlsx",
                                  feedback=folder / "periksa", jobs=1)
    return result, folder


def printable(ws) -> None:
    assert ws.page_setup.orientation == "landscape", ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
    assert ws.page_setup.fitToHeight == 0, ws.title
    assert ws.print_title_rows, ws.title
    assert "&P" in (ws.oddFooter.right.text or ""), ws.title


def test_consolidated_workbook_reads_and_prints_well(outputs):
    result, folder = outputs
    wb = openpyxl.load_workbook(folder / "konsolidasi.xlsx")
    for ws in wb.worksheets:
        printable(ws)
    kesalahan = wb["Kesalahan"]
    header = [c.value for c in kesalahan[1]]
    col = {name: header.index(name) + 1 for name in header}
    message_letter = openpyxl.utils.get_column_letter(col["message"])
    assert kesalahan.column_dimensions[message_letter].width >= 50
    rows = list(kesalahan.iter_rows(min_row=2))
    assert len(rows) == len(result.report.issues)
    for row in rows:
        message = row[col["message"] - 1]
        assert message.alignment.wrap_text
        if len(message.value) > 140:
            assert kesalahan.row_dimensions[message.row].height >= 30
        # every issue linked: its cell, or its file when it has no cell
        assert row[col["cell"] - 1].hyperlink or row[col["file"] - 1].hyperlink, message.row
        if row[col["rule"] - 1].value == "pagu-rollup" and isinstance(row[col["value"] - 1].value, int):
            assert row[col["value"] - 1].number_format == "#,##0"
    # sorted by file, sheet, row: one block per file
    order = [(r[col["file"] - 1].value, r[col["sheet"] - 1].value, r[col["row"] - 1].value or 0)
             for r in rows]
    expected = [(i.file, i.sheet, i.row or 0) for i in sort_issues(result.report.issues,
                                                                   result.report.files)]
    assert order == expected
    files = [f for f, _, _ in order]
    assert all(files.index(f) == i or files[i - 1] == f for i, f in enumerate(files))
    # money and booleans
    rencana = wb["Rencana"]
    pagu = [c.value for c in rencana[1]].index("pagu") + 1
    assert rencana.cell(2, pagu).number_format == "#,##0"
    jumlah = wb["Tabel Jumlah"]
    flags = {r[0] for r in jumlah.iter_rows(min_row=2, min_col=9, max_col=9, values_only=True)}
    assert flags <= {"ya", "tidak"} and flags


def test_ringkasan_is_indonesian_with_options_rules_and_whole_names(outputs):
    result, folder = outputs
    ws = openpyxl.load_workbook(folder / "konsolidasi.xlsx")["Ringkasan"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not ENGLISH & set(texts), ENGLISH & set(texts)
    assert {"Opsi pemeriksaan", "Nomenklatur", "Jumlah temuan per aturan"} <= set(texts)
    assert {"valid", "tidak valid"} <= set(texts)
    assert "percent-without-base" in texts
    longest = max(len(f.file) for f in result.report.files)
    assert ws.column_dimensions["A"].width >= min(longest, 46)
    assert ws.column_dimensions["B"].width >= 30


def test_feedback_copy_has_a_printable_linked_issue_sheet(outputs):
    result, folder = outputs
    copy = folder / "periksa" / "Renja_Kec_Kejobong_2025_periksa.xlsx"
    wb = openpyxl.load_workbook(copy)
    ws = wb["Kesalahan"]
    printable(ws)
    header = [c.value for c in ws[1]]
    cell = header.index("cell") + 1
    links = [r[cell - 1].hyperlink for r in ws.iter_rows(min_row=2) if r[cell - 1].value]
    assert links and all(link is not None and "!" in link.location for link in links)
    assert ws.cell(2, header.index("message") + 1).alignment.wrap_text
    assert ws.column_dimensions["K"].width >= 50


def pdf_pages(path: pathlib.Path, folder: pathlib.Path) -> int:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo",
                    "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=300)
    pdf = folder / (path.stem + ".pdf")
    return int(pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages"))


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) not installed: apt-get install libreoffice-calc")
def test_printed_page_counts_stay_small(outputs, tmp_path):
    result, folder = outputs
    assert pdf_pages(folder / "konsolidasi.xlsx", tmp_path) <= 40       # ~90 before
    original = pdf_pages(folder / "samples" / "Renja_Kec_Kejobong_2025.xlsx", tmp_path)
    copy = pdf_pages(folder / "periksa" / "Renja_Kec_Kejobong_2025_periksa.xlsx", tmp_path)
    issues = sum(1 for i in result.report.issues if i.file.endswith("Kejobong_2025.xlsx"))
    assert copy <= original + issues // 12 + 2
