"""The rules table itself: every rule complete in both languages, used by the code, and the
rules no other test makes, each made here on a small workbook."""
from __future__ import annotations

import pathlib

import pytest

import renja_xl
from renja_xl.report.issues import Issue
from renja_xl.report.rules import CATEGORIES, RULES, SEVERITIES, template_fields

from conftest import CLEAN_ROWS, make_plan_workbook
from tables_helpers import Sheet, check as check_tables

PACKAGE = pathlib.Path(renja_xl.__file__).parent
AUTOMATIC = {"value", "expected", "kode", "file"}          # every issue has these


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_is_complete_in_both_languages(rule):
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES
    own = {lang: {n.removesuffix("_en") for n in template_fields(rule.template(lang))}
           for lang in ("id", "en")}
    assert own["id"] == own["en"], "the two languages ask for different parameters"
    params = {name: "x" for name in rule.params - AUTOMATIC}
    params.update({f"{name}_en": "x" for name in rule.params})
    if {"level_name", "level_title", "child_name"} & rule.params:
        params["level"] = "kegiatan"
    if {"parent_name"} & rule.params:
        params["parent_level"] = "program"
    if {"placed_name"} & rule.params:
        params["placed_level"] = "program"
    issue = Issue(rule=rule.id, file="f.xlsx", value="v", expected="e", params=params)
    for lang in ("id", "en"):
        message = issue.message(lang)
        assert "{" not in message and "laporkan" not in message and "report this" not in message


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_has_a_one_line_description_in_both_languages(rule):
    descriptions = (rule.describe("id"), rule.describe("en"))
    assert descriptions == (rule.description, rule.description_en)
    for text in descriptions:
        assert text.strip() == text and "\n" not in text and 30 <= len(text) <= 110, text
        assert "{" not in text, "a description is no message template"
        assert text not in (rule.id_text, rule.en_text), "a description says more than the message"
    assert rule.description != rule.description_en


def test_a_rules_table_with_a_missing_or_unknown_key_is_refused():
    from renja_xl.report.rules import _rule
    entry = {"category": "value", "severity": "error", "id": "Kosong", "en": "Empty",
             "description": "Sel kosong.", "description_en": "An empty cell."}
    assert _rule("x-rule", entry).describe("en") == "An empty cell."
    for broken in ({k: v for k, v in entry.items() if k != "description_en"},
                   entry | {"descripton": "typo"}, entry | {"severity": "fatal"},
                   entry | {"description": ""}):
        with pytest.raises(ValueError, match=r"\[x-rule\]"):
            _rule("x-rule", broken)


def test_every_rule_is_made_somewhere_in_the_code():
    text = "".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py") if p.name != "rules.py")
    text += "".join(p.read_text("utf-8") for p in (PACKAGE.parent / "schemas").glob("*.toml")
                    if p.name != "rules.toml")
    unused = [rid for rid in RULES if f'"{rid}"' not in text]
    assert unused == []


def test_a_missing_parameter_is_said_not_printed_raw(monkeypatch):
    monkeypatch.delenv("RENJA_XL_STRICT_MESSAGES", raising=False)
    issue = Issue(rule="summary-pagu-mismatch", file="f.xlsx", params={"label": "JUMLAH"})
    message = issue.message()
    assert "{" not in message and "JUMLAH" in message and "mohon laporkan" in message
    monkeypatch.setenv("RENJA_XL_STRICT_MESSAGES", "1")
    with pytest.raises(KeyError, match="summary-pagu-mismatch"):
        issue.message()


def _with(rows, index, **changes):
    fields = ("kode", "nama", "indikator", "lokasi", "target", "pagu", "sumber", "target_n1", "pagu_n1")
    row = list(rows[index])
    for name, value in changes.items():
        row[fields.index(name)] = value
    return rows[:index] + [tuple(row)] + rows[index + 1:]


def test_nama_missing_on_its_cell(tmp_path):
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", _with(CLEAN_ROWS, 2, nama="")))
    assert [(i.rule, i.cell, i.message()) for i in report.issues] == [
        ("nama-missing", "F9", "Nama sub kegiatan kosong")]


def test_a_stray_note_between_rows_is_reported_not_read(tmp_path):
    blank = ("", "", "", "", "", None, "", "", None)
    note = ("", "", "", "lihat lampiran", "", None, "", "", None)
    rows = CLEAN_ROWS[:2] + [blank, note] + CLEAN_ROWS[2:]
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", rows))
    assert [(i.rule, i.cell) for i in report.issues] == [("row-unrecognised", "A10")]
    assert "lihat lampiran" in report.issues[0].message()
    assert len(renja_xl.read_renja(tmp_path / "r.xlsx")) == len(CLEAN_ROWS)


def test_summary_table_money_total_differs(tmp_path):
    sheet = Sheet([["TABEL 2.3 ANGGARAN PER DESA"], [], ["Desa", "Jumlah Pagu (Rp)", "Pagu Fisik (Rp)"],
                   ["JUMLAH", 5_000_000, 3_000_000], ["ALPHA", 2_000_000, 1_000_000],
                   ["BETA", 2_000_000, 2_000_000]])
    report = check_tables(tmp_path, {"Tabel 2.3": sheet})
    found = [i for i in report.issues if i.sheet == "Tabel 2.3"]
    assert [(i.rule, i.cell) for i in found] == [("summary-pagu-mismatch", "B4")]
    assert "Rp 5.000.000" in found[0].message() and "selisih Rp 1.000.000" in found[0].message()


def test_a_data_row_without_code_is_reported_on_its_code_cell(tmp_path):
    rows = _with(CLEAN_ROWS, 2, kode="", indikator="Persentase dokumen yang selesai")
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", rows))
    found = {(i.rule, i.cell) for i in report.issues}
    assert ("kode-missing", "A9") in found


def test_an_uncoded_row_whose_indicator_says_jumlah_is_not_a_total_row(tmp_path):
    """'Jumlah Dokumen …' is an indicator (most are worded so), not a JUMLAH row."""
    rows = _with(CLEAN_ROWS, 2, kode="")
    assert rows[2][2].startswith("Jumlah")
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", rows))
    found = {(i.rule, i.cell) for i in report.issues}
    assert ("kode-missing", "A9") in found
    assert not any(i.rule == "total-mismatch" for i in report.issues)


def _with_subtotals(sub1=40_000_000, grand=60_000_000):
    prog2 = [("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Persentase lembaga aktif",
              "Kecamatan Contoh", "100%", 20_000_000, "DAU", "100%", 22_000_000),
             ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", "Jumlah Kegiatan",
              "Kecamatan Contoh", "4 Kegiatan", 20_000_000, "DAU", "4 Kegiatan", 22_000_000),
             ("7.01.03.2.01.0001", "Fasilitasi Penyusunan Program Pembangunan Kelurahan",
              "Jumlah Dokumen", "Kecamatan Contoh", "4 Dokumen", 20_000_000, "DAU", "4 Dokumen",
              22_000_000)]
    total = ("", "JUMLAH PROGRAM", "", "", "", None, "", "", None)
    return (CLEAN_ROWS + [total[:5] + (sub1,) + total[6:8] + (44_000_000,)] + prog2
            + [total[:5] + (20_000_000,) + total[6:8] + (22_000_000,)]
            + [("", "JUMLAH TOTAL", "", "", "", grand, "", "", 66_000_000)])


def test_a_jumlah_row_under_each_program_adds_up_its_own_program(tmp_path):
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", _with_subtotals()))
    assert not [i for i in report.issues if i.rule == "total-mismatch"]
    result = renja_xl.consolidate(tmp_path / "r.xlsx", jobs=1)
    assert result.summary["pagu"].tolist() == [60_000_000]


def test_a_wrong_program_subtotal_and_a_wrong_grand_total_are_still_caught(tmp_path):
    rows = _with_subtotals(sub1=45_000_000, grand=61_000_000)
    report = renja_xl.check(make_plan_workbook(tmp_path / "r.xlsx", rows))
    wrong = [(i.cell, i.value, i.expected) for i in report.issues if i.rule == "total-mismatch"]
    assert wrong == [("J12", 45_000_000, 40_000_000), ("J17", 61_000_000, 60_000_000)]
