"""The Renja template (`python -m renja_xl template`): generated, filled in like a kecamatan
would (with openpyxl, or recalculated by LibreOffice), and read back by renja_xl."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter

import openpyxl
import pytest

import renja_xl
from renja_xl.read.codes import four_digit_form
from renja_xl.validate.nomenclature import Nomenclature, builtin_nomenclature
from renja_xl.read.numbers import parse_target
from renja_xl.write.template import write_template

from conftest import SAMPLES

sys.path.insert(0, str(SAMPLES))
from kejobong_data import plan as kejobong  # noqa: E402

KEJOBONG = SAMPLES / "Renja_Kec_Kejobong_2025.xlsx"
PLAN = "Tabel 4.1 Rencana"
COL = dict(kode="A", nama="B", sasaran="C", indikator="D", lokasi="E", target="F", satuan="G",
           pagu="H", sumber_dana="I", catatan="J", target_n1="K", satuan_n1="L", pagu_n1="M")


def kejobong_rows():
    """The Kejobong plan as a kecamatan would type it into the template: 4-digit codes (the
    drop-down offers only those), each code once, lokasi filled, targets as number + unit."""
    rows, seen = [], set()
    for t in kejobong.ROWS:
        kode = four_digit_form(".".join(p for p in t[:5] if p))
        if kode in seen:
            continue
        seen.add(kode)
        rows.append({"kode": kode, "sasaran": t[5], "nama": t[6], "indikator": t[7],
                     "lokasi": t[8] or "Kecamatan Kejobong", "target": t[9], "pagu": t[10],
                     "sumber_dana": t[11], "target_n1": t[12], "pagu_n1": t[13]})
    return rows


def expected_totals(rows, name):
    """Σ of the sub kegiatan pagu per kegiatan and per program (what the formulas compute)."""
    out = Counter()
    for row in rows:
        if len(row["kode"]) == 17 and row[name]:
            out[row["kode"][:12]] += row[name]
            out[row["kode"][:7]] += row[name]
    return out


def _put_target(ws, r, value, tcol, scol):
    if value in ("", None):
        return
    target = parse_target(value)
    ws[f"{tcol}{r}"] = target.value
    ws[f"{scol}{r}"] = target.unit or None


def fill_plan(path, out, rows, names=True):
    """Type the rows into the template's plan sheet: program/kegiatan rows found by their
    pre-filled code (pagu formulas left alone), sub kegiatan rows into the empty rows below
    their kegiatan. `names`: type the official names (what the name formula shows in Excel;
    openpyxl caches nothing), or leave the formulas (False) for LibreOffice to compute."""
    wb = openpyxl.load_workbook(path)
    ws = wb[PLAN]
    where = {ws[f"A{r}"].value: r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value}
    used = set()
    nom = builtin_nomenclature()
    for row in rows:
        kode = row["kode"]
        if kode.count(".") < 5:                        # program or kegiatan
            r = where[kode]
        else:
            r = where[kode[:12]] + 1
            while ws[f"A{r}"].value or r in used:
                r += 1
            used.add(r)
            ws[f"A{r}"] = kode
            ws[f"H{r}"] = row["pagu"]
            ws[f"M{r}"] = row["pagu_n1"]
        if names:
            ws[f"B{r}"] = nom.lookup(kode)
        for name in ("sasaran", "indikator", "lokasi", "sumber_dana"):
            ws[f"{COL[name]}{r}"] = row[name] or None
        _put_target(ws, r, row["target"], "F", "G")
        _put_target(ws, r, row["target_n1"], "K", "L")
    wb.save(out)
    return {ws[f"A{r}"].value: r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("tpl") / "Renja_Kec_Kejobong_2026.xlsx"
    write_template(path, tahun=2025, nama="Kecamatan Kejobong")
    return path


@pytest.fixture(scope="module")
def filled(template, tmp_path_factory):
    out = tmp_path_factory.mktemp("filled") / "Renja_Kec_Kejobong_2025_isi.xlsx"
    rows_at = fill_plan(template, out, kejobong_rows())
    return out, rows_at


def by_rule(report):
    return Counter(i.rule for i in report.issues)


def test_fresh_template_is_read_as_the_six_tables(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames[0] == "Petunjuk"
    assert wb["Daftar"].sheet_state == "hidden"
    report = renja_xl.check(str(template))
    assert not [i for i in report.issues if i.category in ("structure", "file")]
    info = report.files[0].tables[0]
    assert (info.table, info.sheet) == ("rencana", PLAN)
    # every program and kegiatan of the kecamatan list but the generic program's kegiatan for
    # Setda/DPRD/BLUD (7.01.01.2.10-2.16)
    assert info.levels == {"program": 6, "kegiatan": 29 - 7, "sub_kegiatan": 0}
    codes = {i.kode for i in report.issues if i.rule == "no-children"}
    assert "7.01.01.2.09" in codes and "7.01.01.2.10" not in codes


def test_filled_template_reads_cleanly_with_right_totals(filled):
    path, rows_at = filled
    report = renja_xl.check(str(path))
    rules = by_rule(report)
    assert not [i for i in report.issues if i.category == "structure"], rules
    assert not {"pagu-rollup", "total-mismatch", "kode-missing", "kode-invalid",
                "kode-unknown", "nama-differs"} & set(rules), rules
    rows = kejobong_rows()
    for name, col in (("pagu", "H"), ("pagu_n1", "M")):
        expected = expected_totals(rows, name)
        computed = {i.kode: i.expected for i in report.issues
                    if i.rule == "pagu-computed" and i.column == col}
        # openpyxl keeps no cached values: renja_xl computes each kegiatan formula from its
        # children and says so; the sums are the Kejobong children's sums. (Program totals
        # need the unused kegiatan's cached 0: see the LibreOffice test.)
        kegiatan = {k for k in expected if len(k) == 12}
        assert {k: computed[k] for k in kegiatan} == {k: float(expected[k]) for k in kegiatan}
    frame = renja_xl.read_renja(str(path))
    subs = frame[frame["level"] == "sub_kegiatan"]
    assert len(subs) == sum(1 for r in rows if len(r["kode"]) == 17)
    assert subs["pagu"].sum() == sum(r["pagu"] for r in rows if len(r["kode"]) == 17)
    # errors left: the unit changes Kejobong really made ("100%" in 2025, "5 Dok" in 2026),
    # the kegiatan Kejobong does not use (no indikator: to be deleted), and the program
    # formulas over those unused kegiatan (no cached value after openpyxl)
    typed = {r["kode"] for r in rows}
    errors = {(i.rule, i.kode) for i in report.issues if i.severity == "error"}
    assert {r for r, k in errors if k in typed and len(k) > 7} == {"satuan-changed"}
    assert {r for r, k in errors if k in typed and len(k) == 7} <= {"formula-no-value"}
    assert {r for r, k in errors if k not in typed} <= {"indikator-missing", "nama-missing",
                                                        "formula-no-value"}


def test_mistakes_typed_into_the_template_are_still_caught(template, tmp_path):
    rows = kejobong_rows()
    for row in rows:
        if row["kode"] == "7.01.01.2.01.0007":
            row["lokasi"] = ""                                  # missing lokasi
    out = tmp_path / "salah.xlsx"
    rows_at = fill_plan(template, out, rows)
    wb = openpyxl.load_workbook(out)
    ws = wb[PLAN]
    wrong = rows_at["7.01.01.2.02.0004"]
    ws[f"B{wrong}"] = "Koordinasi dan Pelaksanaan Akuntasi SKPD"  # the seed's misspelt name
    keg = rows_at["7.01.01.2.08"]
    ws[f"M{keg}"] = 118_260_000                                   # formula overwritten
    prog = rows_at["7.01.05"]
    ws[f"H{prog}"] = 30_000_000                                   # typed over the SUMIFS
    wb.save(out)
    report = renja_xl.check(str(out))
    found = {(i.rule, i.cell) for i in report.issues}
    assert ("nama-differs", f"B{wrong}") in found
    assert ("pagu-rollup", f"M{keg}") in found
    assert ("pagu-rollup", f"H{prog}") in found
    assert ("lokasi-missing", f"E{rows_at['7.01.01.2.01.0007']}") in found
    rollup = next(i for i in report.issues if i.rule == "pagu-rollup" and i.cell == f"M{keg}")
    assert (rollup.value, rollup.expected) == (118_260_000, 118_660_000)


def test_plan_sheet_has_drop_downs_formats_and_protection(template):
    wb = openpyxl.load_workbook(template)
    ws = wb[PLAN]
    rows = {ws[f"A{r}"].value: r for r in range(8, ws.max_row + 1) if ws[f"A{r}"].value}
    keg = rows["7.01.01.2.02"]
    sub = keg + 1                                     # an empty sub kegiatan row
    assert ws[f"A{sub}"].value is None and ws[f"A{sub}"].number_format == "@"
    lists = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    code_dv = next(dv for ref, dv in lists.items() if f"A{sub}" in ref.split()
                   or _covers(ref, "A", sub))
    assert code_dv.type == "list" and code_dv.formula1.startswith("Daftar!$F$")
    first, last = (int(x) for x in code_dv.formula1.replace("Daftar!$F$", "").split(":$F$"))
    daftar = wb["Daftar"]
    offered = [daftar[f"F{r}"].value for r in range(first, last + 1)]
    assert offered and all(k.startswith("7.01.01.2.02.") for k in offered)
    assert len(offered) == sum(1 for k in builtin_nomenclature().names if k.startswith("7.01.01.2.02."))
    money = next(dv for ref, dv in lists.items() if _covers(ref, "H", sub))
    assert (money.type, money.operator, money.formula1) == ("decimal", "greaterThanOrEqual", "0")
    satuan = next(dv for ref, dv in lists.items() if _covers(ref, "G", sub))
    assert satuan.type == "list" and satuan.formula1.startswith("Daftar!$I$")
    assert ws[f"H{sub}"].number_format == "#,##0"
    assert ws[f"H{keg}"].value.startswith("=IF($A") and "SUMIFS(" in ws[f"H{keg}"].value
    assert ws[f"B{keg}"].value.startswith("=IF($A") and "VLOOKUP(" in ws[f"B{keg}"].value
    formulas = {str(cf.sqref).split(":")[0][0]: rule.formula[0]
                for cf in ws.conditional_formatting for rule in cf.rules if "ISFORMULA" in rule.formula[0]}
    assert set(formulas) == {"H", "M"}                  # a pagu formula typed over turns amber
    missing = {str(cf.sqref)[0] for cf in ws.conditional_formatting for rule in cf.rules
               if "=17" in rule.formula[0]}
    assert {"B", "D", "E", "F", "H", "K", "M"} <= missing  # empty required cells turn pink
    assert ws.protection.sheet and not ws.protection.password
    assert ws["A5"].protection.locked and not ws[f"C{sub}"].protection.locked
    assert not ws["A3"].protection.locked              # the title line with the unit's name


def test_no_cell_has_two_validations(template):
    """Excel refuses (repairs) a sheet whose data validations overlap."""
    wb = openpyxl.load_workbook(template)
    tables = [ws for ws in wb.worksheets if ws.title.startswith("Tabel")]
    assert len(tables) == 6
    for ws in tables:
        seen = Counter()
        for dv in ws.data_validations.dataValidation:
            for part in str(dv.sqref).split():
                lo, _, hi = part.partition(":")
                hi = hi or lo
                col = lo.rstrip("0123456789")
                for r in range(int(lo[len(col):]), int(hi[len(col):]) + 1):
                    seen[(col, r)] += 1
        assert seen and max(seen.values()) == 1, ws.title


def _covers(sqref: str, col: str, row: int) -> bool:
    for part in sqref.split():
        a, _, b = part.partition(":")
        b = b or a
        if a[0] == col == b[0] and int(a[1:]) <= row <= int(b[1:]):
            return True
    return False


def test_other_tables_are_recognised_when_filled(template, tmp_path):
    wb = openpyxl.load_workbook(template)
    values = {"Tabel 2.2 Kinerja Pelayanan": ["1", "Indeks Kepuasan Masyarakat", None, None,
                                              86, 87, 88, 89, 86, 88, 88, 89, "Sesuai Target"],
              "Tabel 2.3 Review RKPD": ["PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                                        "Kecamatan Kejobong", "Nilai Evaluasi Pelayanan Publik",
                                        "3,5", 34_452_000,
                                        "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                                        "Kecamatan Kejobong", "Nilai Evaluasi Pelayanan Publik",
                                        "3,5", 34_452_000],
              "Tabel 2.4 Usulan": [1, "Rehabilitasi balai desa", "Atap bocor", "RT 01 RW 02",
                                   "Kejobong", "Kedarpan"],
              "Tabel 3.1 Tujuan Sasaran": [1, "Meningkatnya kualitas pelayanan publik", None,
                                           "Indeks Kepuasan Masyarakat", 86, 87, 88, 89, 90]}
    for sheet, row in values.items():
        for c, value in enumerate(row, start=1):
            wb[sheet].cell(8, c, value)
    out = tmp_path / "tabel.xlsx"
    wb.save(out)
    found = {t.table_id for t in renja_xl.read_file(str(out)).tables}
    assert {"kinerja_pelayanan", "review_rkpd", "usulan", "tujuan_sasaran"} <= found
    report = renja_xl.check(str(out))
    assert not [i for i in report.issues if i.category == "structure"], by_rule(report)


def test_dari_prefills_next_year_from_last_years_renja(tmp_path):
    out = tmp_path / "Renja_Kec_Kejobong_2026.xlsx"
    result = write_template(out, dari=str(KEJOBONG))
    assert (result.year, result.nama) == (2026, "Kecamatan Kejobong")
    frame = renja_xl.read_renja(str(out))
    last_year = {r["kode"]: r for r in kejobong_rows()}
    assert list(dict.fromkeys(frame["kode"])) == list(last_year)      # codes carried, once
    subs = frame[frame["level"] == "sub_kegiatan"].set_index("kode")
    for kode, row in subs.iterrows():
        assert row["pagu"] == last_year[kode]["pagu_n1"]                 # n+1 -> this year
        if last_year[kode]["target_n1"]:
            assert row["target"] == parse_target(last_year[kode]["target_n1"]).value
        assert pd_isna(row["pagu_n1"])
    programs = frame[frame["level"] == "program"].set_index("kode")["pagu"]
    expected = expected_totals(kejobong_rows(), "pagu_n1")
    assert {k: v for k, v in programs.items()} == {k: float(expected[k]) for k in programs.index}
    wb = openpyxl.load_workbook(out)
    ws = wb[PLAN]
    cell = next(ws[f"A{r}"] for r in range(8, ws.max_row + 1)
                if ws[f"A{r}"].value == "7.01.01.2.02.0004")
    assert "7.01.01.2.02.04" in cell.comment.text                   # the 2-digit code, updated
    assert "2026" in ws["A2"].value and "2027" in ws["A2"].value
    assert any("7.01.01.2.07" in n and "lebih dari sekali" in n for n in result.notes)
    # the Renstra-level tables come along: indicators and the targets of the years both cover
    tables = {t.table_id: t for t in renja_xl.read_file(str(out)).tables}
    tujuan = tables["tujuan_sasaran"].rows
    assert len(tujuan) == 4 and tujuan[0]["indikator"] == "Indeks Kepuasan Masyarakat (IKM) Kecamatan"
    assert [tujuan[0].get(f"target_{y}") for y in range(2023, 2028)] == [87, 88, 89, 90, None]
    kinerja = tables["kinerja_pelayanan"].rows
    assert len(kinerja) == 12 and kinerja[0]["indikator"] == "Nilai Indeks Kepuasan Masyarakat"
    assert (kinerja[0]["target_2024"], kinerja[0]["target_2025"]) == (88, 89)
    assert kinerja[0].get("realisasi_2024") is None and kinerja[0].get("catatan") is None
    assert "evaluasi" not in tables and "usulan" not in tables      # new every year


def pd_isna(value) -> bool:
    return value is None or value != value


def test_dari_uses_renamed_codes_when_the_nomenclature_knows_them(tmp_path):
    class Renamed(Nomenclature):
        def successor(self, kode):
            return "7.01.01.2.06.0012" if kode == "7.01.01.2.06.0011" else None

    base = builtin_nomenclature()
    nom = Renamed(list(base.names.items()) + [("7.01.01.2.06.0012", "Layanan SPBE")], "uji")
    out = tmp_path / "t.xlsx"
    result = write_template(out, dari=str(KEJOBONG), nomenclature=nom)
    codes = set(renja_xl.read_renja(str(out))["kode"])
    assert "7.01.01.2.06.0012" in codes and "7.01.01.2.06.0011" not in codes
    assert any("diganti 7.01.01.2.06.0012" in n for n in result.notes)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "renja_xl", "template", *args],
                          capture_output=True, text=True)


def test_cli_writes_the_template_and_refuses_bad_input(tmp_path):
    out = tmp_path / "Renja_Kec_X_2026.xlsx"
    done = run_cli("-o", str(out), "--tahun", "2026", "--nama", "Kecamatan X")
    assert done.returncode == 0, done.stderr
    assert out.exists() and "Kecamatan X 2026" in done.stdout
    assert "Kecamatan X" in openpyxl.load_workbook(out)[PLAN]["A3"].value
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("kode;nama\n")
    for args, words in ((["--dari", str(bad)], "tidak dapat dibaca"),
                        (["--dari", str(tmp_path / "tidak_ada.xlsx")], "tidak ditemukan")):
        done = run_cli("-o", str(tmp_path / "x.xlsx"), *args)
        assert done.returncode == 2 and words in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    done = run_cli("-o", str(tmp_path / "no_dir" / "x.xlsx"))
    assert done.returncode == 2 and "tidak dapat ditulis" in done.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_an_empty_string_formula_result_is_a_cached_value():
    """The template's Evaluasi formulas give "" until their inputs are numbers; Excel and
    LibreOffice save that as <v></v> on a t="str" cell, openpyxl saves no value as <v />."""
    from renja_xl.read.sheetxml import _Formulas
    xml = (b'<row r="9"><c r="H9" s="3" t="str"><f>IF(F9="","",G9/F9)</f><v></v></c>'
           b'<c r="J9"><f>SUM(E9,G9)</f><v /></c><c r="K9"><f>J9/D9</f></c></row>')
    formulas = _Formulas()
    formulas.feed(xml)
    assert set(formulas.found) == {(8, 9), (8, 10)} and formulas.errors == {}


# --- LibreOffice: opens the template and recalculates it ---------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculated(path, tmp_path):
    """The workbook as LibreOffice saves it after recalculating every formula on load."""
    profile = tmp_path / "lo_profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC)
    outdir = tmp_path / "lo_out"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=180)
    return outdir / path.name


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-calc")
def test_libreoffice_recalculates_the_sums_to_the_same_totals(template, tmp_path):
    path = tmp_path / "Renja_Kec_Kejobong_2025_isi.xlsx"
    fill_plan(template, path, kejobong_rows(), names=False)      # names left to VLOOKUP
    wb = openpyxl.load_workbook(path)
    ev = wb["Tabel 2.1 Evaluasi"]
    for c, value in enumerate(["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN "
                               "PUBLIK", "Jumlah laporan", 48, 12, 12, 9], start=1):
        ev.cell(8, c, value)
    ev["I8"] = 12
    for c, value in enumerate(["7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                               "Persentase lembaga aktif", "NA", None, "NA", "NA"], start=1):
        ev.cell(9, c, value)                  # no numbers: (8), (10), (11) give "" (not an error)
    wb.save(path.with_name("evaluasi.xlsx"))
    out = recalculated(path.with_name("evaluasi.xlsx"), tmp_path)
    report = renja_xl.check(str(out))
    rules = by_rule(report)
    assert not {"pagu-computed", "formula-no-value", "formula-error", "pagu-rollup",
                "total-mismatch", "computed-ratio", "computed-sum"} & set(rules), rules
    assert not [i for i in report.issues if i.category == "structure"], rules
    frame = renja_xl.read_renja(str(out)).set_index("kode")
    rows = kejobong_rows()
    for name in ("pagu", "pagu_n1"):
        expected = expected_totals(rows, name)
        for kode in expected:
            assert frame.loc[kode, name] == expected[kode], (kode, name)
    nom = builtin_nomenclature()
    for kode in ("7.01.02", "7.01.01.2.02", "7.01.01.2.02.0004"):
        assert frame.loc[kode, "nama"] == nom.lookup(kode)
    ws = openpyxl.load_workbook(out, data_only=True)[PLAN]
    total_row = next(r for r in range(8, ws.max_row + 1) if ws[f"B{r}"].value == "JUMLAH")
    assert ws[f"H{total_row}"].value == sum(r["pagu"] for r in rows if len(r["kode"]) == 17)
    ev = openpyxl.load_workbook(out, data_only=True)["Tabel 2.1 Evaluasi"]
    assert (ev["H8"].value, ev["J8"].value, ev["K8"].value) == (75, 33, 68.75)
    assert ev["H9"].value in ("", None)
    assert not [i for i in report.issues if i.sheet == "Tabel 2.1 Evaluasi"], by_rule(report)


def test_dari_from_an_opd_keeps_its_name_and_bidang(tmp_path):
    from conftest import PlanLayout, make_plan_workbook
    rows = [("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
             "Persentase fasilitas kesehatan terakreditasi", "Kab. Purbalingga", "80%", 5_000_000,
             "DAU", "85%", 6_000_000),
            ("1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
             "Jumlah puskesmas", "Kab. Purbalingga", "2 Unit", 5_000_000, "DAU", "3 Unit", 6_000_000),
            ("1.02.02.2.01.0014", "Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan",
             "Jumlah alat kesehatan", "Kab. Purbalingga", "10 Unit", 5_000_000, "DAK Fisik",
             "12 Unit", 6_000_000)]
    layout = PlanLayout(titles=("Rencana Program dan Kegiatan Tahun 2025",
                                "Nama Perangkat Daerah : Dinas Kesehatan"))
    last_year = make_plan_workbook(tmp_path / "renja_dinkes_2025.xlsx", rows, layout)
    out = tmp_path / "renja_dinkes_2026.xlsx"
    result = write_template(out, dari=str(last_year))
    assert (result.nama, result.year) == ("Dinas Kesehatan", 2026)
    frame = renja_xl.read_renja(str(out))
    assert list(frame["kode"]) == ["1.02.02", "1.02.02.2.01", "1.02.02.2.01.0014"]
    assert list(frame["pagu"]) == [6_000_000, 6_000_000, 6_000_000]
    assert set(frame["kecamatan"]) == {"Dinas Kesehatan"}
    assert list(frame["sumber_dana"])[2] == "DAK Fisik" and frame["satuan"].iloc[2] == "Unit"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-calc")
def test_a_two_digit_code_escapes_the_sum_and_check_says_so(template, tmp_path):
    """The SUMIFS counts 4-digit sub kegiatan only; a 2-digit code typed by hand is left out of
    the recalculated kegiatan pagu, and check reports both the roll-up and the code."""
    rows = kejobong_rows()
    for row in rows:
        if row["kode"] == "7.01.01.2.02.0004":
            row["kode"] = "7.01.01.2.02.04"
    path = tmp_path / "dua_digit.xlsx"
    rows_at = fill_plan(template, path, rows, names=False)
    report = renja_xl.check(str(recalculated(path, tmp_path)))
    keg = rows_at["7.01.01.2.02"]
    rollup = next(i for i in report.issues if i.rule == "pagu-rollup" and i.cell == f"H{keg}")
    assert (rollup.value, rollup.expected) == (1_405_793_000 - 13_960_000, 1_405_793_000)
    assert any(i.rule == "kode-sub-2digit" and i.row == rows_at["7.01.01.2.02.04"]
               for i in report.issues)
