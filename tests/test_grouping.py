"""One finding, many cells: the text report, the HTML and the message length."""
from __future__ import annotations

import pathlib

import pytest

import renja_xl
from renja_xl.cli import main
from renja_xl.report.grouping import group_issues, rule_counts
from renja_xl.report.issues import Issue, MAX_ECHO

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEJOBONG = str(ROOT / "samples" / "Renja_Kec_Kejobong_2025.xlsx")


@pytest.fixture(scope="module")
def kejobong():
    return renja_xl.check(KEJOBONG)


def test_one_line_per_finding_and_a_count_per_rule(kejobong, capsys):
    findings = group_issues(kejobong.issues, kejobong.files)
    percent = [f for f in findings if f.rule == "percent-without-base"]
    assert sum(f.count for f in percent) == 47
    big = max(percent, key=lambda f: f.count)
    assert big.count == 43 and big.cells() == "'Tabel 2.1'!K7–K32, K35–K51"
    # values differ from cell to cell: a real example, never a pattern with gaps
    assert big.message().startswith("mis. K7: (11) Tingkat Capaian Target Renstra (%) '100%' diisi")
    assert "persentasenya tidak dapat dihitung" in big.message() and "…" not in big.message()
    assert main(["check", KEJOBONG]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any("'Tabel 2.1'!K7–K32, K35–K51 (43 sel)" in line for line in lines)
    assert len(lines) < 80, "grouped report should be short"
    assert "Jumlah per aturan (sel):" in out
    counts = dict(((r, s), n) for r, s, n in rule_counts(kejobong.issues))
    assert counts[("percent-without-base", "error")] == 47
    assert any(line.split() == ["47", "KESALAHAN", "percent-without-base"] for line in lines)
    # every cell still there with --semua
    assert main(["check", KEJOBONG, "--semua"]) == 1
    every = capsys.readouterr().out
    assert every.count("[percent-without-base]") == 47
    assert "'Tabel 2.1'!K8 " in every


def test_same_cells_different_values_are_one_finding_different_columns_are_not():
    issues = [Issue("satuan-changed", "f.xlsx", "S", row, 12, value=f"{row} Dok", expected="%",
                    params={"year": 2025, "year_n1": 2026}) for row in (7, 8, 9, 12)]
    issues.append(Issue("satuan-changed", "f.xlsx", "S", 10, 3, value="x", expected="y",
                        params={"year": 2025, "year_n1": 2026}))
    findings = group_issues(issues)
    assert [f.count for f in findings] == [4, 1]
    assert findings[0].cells() == "'S'!M7–M9, M12"
    assert findings[0].message() == "mis. M7: Satuan target berubah antar tahun: 2025 '7 Dok' vs 2026 '%'"
    assert findings[0].message("en").startswith("e.g. M7: ")


def test_html_is_grouped(kejobong):
    html = kejobong.to_html()
    assert html.count("percent-without-base") < 10 and "(43 sel)" in html
    assert kejobong.to_html(every=True).count("percent-without-base") == 47


def test_a_long_cell_is_cut_and_the_explanation_kept():
    long = "Peningkatan " * 60
    issue = Issue("lokasi-not-a-place", "f.xlsx", "S", 3, 8, value=long)
    message = issue.message()
    assert "…" in message and len(message) < len(long)
    assert message.endswith("(mirip indikator)")
    assert max(len(part) for part in message.split("'")) <= MAX_ECHO
