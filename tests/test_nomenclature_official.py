"""The official Kemendagri nomenclature workbook: read as staff receive it, stored once, and every
urusan checked against it. Tests on the real file read it from ../shared/data (never copied into
the repository) and are skipped when that folder is absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import xlsxwriter

import renja_xl
from renja_xl.cli import main
from renja_xl.validate.nomenclature import load_nomenclature
from renja_xl.validate.nomenclature_store import ENV

from conftest import PlanLayout, issues_of, make_plan_workbook
from test_cli import assert_contract

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT.parent / "shared" / "data" / "nomenklatur_subkegiatan_2027.xlsx"
needs_official = pytest.mark.skipif(
    not OFFICIAL.exists(),
    reason=f"the official Kemendagri nomenclature is not at {OFFICIAL} (third-party file, "
           "not in the repository)")
SIMPLE_UNITS = {"Dokumen", "Laporan", "Unit", "Orang", "Paket"}


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A user data folder of this test's own."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv(ENV, str(folder))
    return folder


@pytest.fixture(scope="module")
def kabkot():
    if not OFFICIAL.exists():
        pytest.skip(f"the official nomenclature is not at {OFFICIAL}")
    return load_nomenclature(OFFICIAL, "kabkot")


def _branch(nom, program: str, nth: int = 0):
    """(program, kegiatan, sub kegiatan) entries of the list under `program` with a plain unit."""
    subs = [e for e in nom.entries if e.level == "sub_kegiatan" and e.kode.startswith(program + ".")
            and e.satuan.strip() in SIMPLE_UNITS and e.indikator]
    sub = subs[nth]
    kegiatan = nom.entry(sub.kode.rsplit(".", 1)[0])
    return nom.entry(program), kegiatan, sub


def _rows(branches, money=10_000_000):
    rows = []
    for program, kegiatan, sub in branches:
        unit = sub.satuan.strip()
        rows += [(program.kode, program.nama, "Persentase Capaian Program", "Kabupaten Contoh",
                  "100%", money, "DAU", "100%", money),
                 (kegiatan.kode, kegiatan.nama, "Persentase Capaian Kegiatan", "Kabupaten Contoh",
                  "100%", money, "DAU", "100%", money),
                 (sub.kode, sub.nama, sub.indikator, "Kabupaten Contoh", f"5 {unit}", money, "DAU",
                  f"5 {unit}", money)]
    return rows


def _check(tmp_path, rows, nom, layout=None, **kw):
    path = make_plan_workbook(tmp_path / "renja.xlsx", rows, layout or PlanLayout())
    return renja_xl.check(path, nomenclature=nom, **kw)


def _several_urusan(nom):
    return [_branch(nom, "1.02.02"), _branch(nom, "2.08.03"), _branch(nom, "1.03.02"),
            _branch(nom, "7.01.02")]


# Five-cell layout: A-E kode, F nama, G indikator, H lokasi, I target, J pagu; data from row 7.

@needs_official
def test_plan_of_several_urusan_checks_clean(tmp_path, kabkot):
    rows = _rows(_several_urusan(kabkot))
    assert len({r[0].split(".")[0] for r in rows}) >= 3
    report = _check(tmp_path, rows, kabkot)
    assert [i for i in report.issues if i.category == "nomenclature"] == []
    assert report.errors == [], [(i.rule, i.cell, i.message()) for i in report.issues]
    info = report.to_dict()["nomenklatur"]
    assert info["file"] == OFFICIAL.name and info["rows"] == 7581
    assert info["jenis_pemda"] == "KABKOT"


@needs_official
def test_wrong_name_nonstandard_unit_and_indicator_are_reported_on_their_cells(tmp_path, kabkot):
    rows = [list(r) for r in _rows(_several_urusan(kabkot))]
    standard = rows[8][2]
    rows[2][1] = rows[2][1] + " dan Pendampingan Lainnya"       # sub kegiatan 1.02.02…: name
    rows[5][4] = rows[5][7] = "5 Kilogram"                       # sub kegiatan 2.08.03…: unit
    rows[8][2] = "Jumlah Peserta Lomba Kebersihan"               # sub kegiatan 1.03.02…: indicator
    report = _check(tmp_path, [tuple(r) for r in rows], kabkot)
    differs = issues_of(report, "nama-differs")
    assert [(i.cell, i.kode) for i in differs] == [("F9", rows[2][0])]
    assert differs[0].expected == rows[2][1].removesuffix(" dan Pendampingan Lainnya")
    unit = issues_of(report, "satuan-not-standard")
    assert [(i.cell, i.value, i.severity) for i in unit] == [("I12", "Kilogram", "warning")]
    assert "kemiripan" in unit[0].message()
    indicator = issues_of(report, "indikator-not-standard")
    assert [(i.cell, i.severity) for i in indicator] == [("G15", "warning")]
    assert indicator[0].expected == standard and "kemiripan" in indicator[0].message()


@needs_official
def test_unit_spelling_variants_are_standard(tmp_path, kabkot):
    rows = [list(r) for r in _rows([_branch(kabkot, "7.01.02")])]
    if kabkot.entry(rows[2][0]).satuan.strip() != "Laporan":
        rows[2][0], rows[2][1], rows[2][2] = _laporan(kabkot)
    rows[2][4] = rows[2][7] = "5 Lap."
    report = _check(tmp_path, [tuple(r) for r in rows], kabkot)
    assert issues_of(report, "satuan-not-standard") == []


def _laporan(nom):
    sub = next(e for e in nom.entries if e.kode.startswith("7.01.02.2.01.") and e.satuan == "Laporan")
    return sub.kode, sub.nama, sub.indikator


@needs_official
def test_prov_code_in_a_kabkot_plan_is_an_error_on_its_code_cell(tmp_path, kabkot):
    prov = load_nomenclature(OFFICIAL, "prov")
    program, kegiatan, sub = _branch(prov, "1.01.02")
    assert kegiatan.kode.split(".")[3] == "1"                    # a province kegiatan
    rows = _rows([(program, kegiatan, sub)])
    report = _check(tmp_path, rows, kabkot)
    other = issues_of(report, "kode-other-pemda")
    assert [(i.cell, i.kode, i.severity) for i in other] == [("A8", kegiatan.kode, "error"),
                                                             ("A9", sub.kode, "error")]
    assert "PROV" in other[1].message() and "KABKOT" in other[1].message()
    assert issues_of(_check(tmp_path, rows, prov), "kode-other-pemda") == []


@needs_official
def test_renamed_code_names_the_new_code_and_name(tmp_path, kabkot):
    moved = next(e for e in kabkot.entries if e.sebelumnya and kabkot.lookup(e.sebelumnya) is None
                 and e.sebelumnya.rsplit(".", 1)[0] == e.kode.rsplit(".", 1)[0])
    assert kabkot.renamed(moved.sebelumnya) == (moved.kode, moved.nama)
    assert kabkot.renamed(moved.kode) is None
    kegiatan = kabkot.entry(moved.kode.rsplit(".", 1)[0])
    program = kabkot.entry(moved.kode.rsplit(".", 3)[0])
    rows = [list(r) for r in _rows([(program, kegiatan, moved)])]
    rows[2][0], rows[2][1] = moved.sebelumnya, moved.sebelumnya_nama
    report = _check(tmp_path, [tuple(r) for r in rows], kabkot)
    renamed = issues_of(report, "kode-renamed")
    assert [(i.cell, i.kode, i.expected, i.severity) for i in renamed] == \
        [("A9", moved.sebelumnya, moved.kode, "warning")]
    assert moved.kode in renamed[0].message() and moved.nama[:40] in renamed[0].message()
    assert issues_of(report, "kode-unknown") == []


@needs_official
def test_pasang_info_hapus_and_check_uses_the_stored_list(tmp_path, data_dir, capsys, kabkot):
    assert main(["nomenklatur", "info"]) == 0
    assert "Tidak ada nomenklatur tersimpan" in capsys.readouterr().out
    assert main(["nomenklatur", "pasang", str(OFFICIAL)]) == 0
    out = capsys.readouterr().out
    assert "7.581" in out and OFFICIAL.name in out and (data_dir / "nomenklatur.json").is_file()
    stored = (data_dir / "nomenklatur.json").read_text("utf-8")
    assert stored.count("Permendikbud Nomor 84") == 0              # no definitions (NSPK)
    assert main(["nomenklatur", "info"]) == 0
    out = capsys.readouterr().out
    assert "KABKOT 3.550" in out and "PROV 4.031" in out and "SHA-256" in out

    rows = [list(r) for r in _rows(_several_urusan(kabkot))]
    rows[5][4] = rows[5][7] = "5 Kilogram"
    path = make_plan_workbook(tmp_path / "renja.xlsx", [tuple(r) for r in rows])
    assert main(["check", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert_contract(data)
    assert data["nomenklatur"]["file"] == OFFICIAL.name
    assert data["nomenklatur"]["stored"] is True and data["nomenklatur"]["rows"] == 7581
    assert [i["cell"] for i in data["issues"] if i["rule"] == "satuan-not-standard"] == ["I12"]
    main(["check", str(path)])
    assert f"Nomenklatur: {OFFICIAL.name} (7.581 baris, KABKOT, tersimpan)" in capsys.readouterr().out
    main(["check", str(path), "--jenis-pemda", "prov", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["nomenklatur"]["jenis_pemda"] == "PROV"
    assert any(i["rule"] == "kode-other-pemda" for i in data["issues"])

    assert main(["nomenklatur", "hapus"]) == 0
    assert "dihapus" in capsys.readouterr().out and not (data_dir / "nomenklatur.json").exists()
    assert main(["check", str(path), "--format", "json"]) == 0
    assert "nomenklatur" not in json.loads(capsys.readouterr().out)


@needs_official
def test_consolidate_names_the_list_in_ringkasan(tmp_path, kabkot, capsys):
    from openpyxl import load_workbook
    (tmp_path / "in").mkdir()
    make_plan_workbook(tmp_path / "in" / "a.xlsx", _rows(_several_urusan(kabkot)))
    out = tmp_path / "gabungan.xlsx"
    assert main(["consolidate", str(tmp_path / "in"), "-o", str(out), "--jobs", "1",
                 "--nomenklatur", str(OFFICIAL)]) == 0
    assert f"Nomenklatur: {OFFICIAL.name} (7.581 baris, KABKOT)" in capsys.readouterr().out
    rows = {row[0]: row[1] for row in load_workbook(out)["Ringkasan"].iter_rows(values_only=True)}
    assert rows["Nomenklatur"] == f"{OFFICIAL.name} (7.581 baris, KABKOT)"


# --- the workbook format, on a small workbook of made-up rows (no real file needed) -------------

HEADER = ["JENIS PEMDA", "BIDANG", "PROGRAM", "KEGIATAN", "SUBKEGIATAN", "KINERJA", "INDIKATOR",
          "SATUAN", "TAG", "DEFINISI OPERASIONAL", "PELAKSANA", "SPM", "JENIS",
          "SUBKEGIATAN SEBELUMNYA"]


def _official_like(path: Path) -> Path:
    """The official layout with invented names: a cover sheet first, titles above the header,
    long multi-line definitions, both jenis pemda and a renamed code."""
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Petunjuk").write("A1", "Daftar nomenklatur (contoh)")
    ws = wb.add_worksheet("Nomenklatur")
    ws.write("A1", "NOMENKLATUR SUB KEGIATAN (CONTOH)")
    ws.write_row(3, 0, HEADER)
    definition = "Cakupan:\n- satu\n- dua\n\nNSPK:\n1) Peraturan Contoh\n" * 20
    rows = [
        ("KABKOT", "9.01 BIDANG CONTOH", "9.01.02 PROGRAM CONTOH", "9.01.02.2.01 Kegiatan Contoh",
         "9.01.02.2.01.0003 Penyusunan Dokumen Contoh", "", "Jumlah Dokumen Contoh", "Dokumen ",
         "[null]", definition, "", "NON-SPM", "Aktifitas",
         "9.01.02.2.01.0001 Penyusunan Dokumen Contoh Lama"),
        ("KABKOT", "9.01 BIDANG CONTOH", "9.01.02 PROGRAM CONTOH", "9.01.02.2.01 Kegiatan Contoh",
         "9.01.02.2.01.0002 Pelaporan\n\nContoh", "", "Jumlah Laporan Contoh", "Laporan",
         "[null]", definition, "", "NON-SPM", "Aktifitas", ""),
        ("PROV", "9.01 BIDANG CONTOH", "9.01.02 PROGRAM CONTOH", "9.01.02.1.01 Kegiatan Provinsi",
         "9.01.02.1.01.0001 Pembinaan Kabupaten/Kota Contoh", "", "Jumlah Kabupaten/Kota",
         "Kabupaten/Kota", "[null]", definition, "", "NON-SPM", "Layanan", ""),
    ]
    for r, row in enumerate(rows, start=4):
        ws.write_row(r, 0, row)
    wb.close()
    return path


def test_official_layout_is_read_as_it_is(tmp_path):
    path = _official_like(tmp_path / "nomenklatur.xlsx")
    kab = load_nomenclature(path)
    assert kab.info["rows"] == 3 and kab.info["kind"] == "resmi" and kab.jenis == "KABKOT"
    assert kab.lookup("9.01.02.2.01.0002") == "Pelaporan Contoh"
    assert kab.entry("9.01.02.2.01.0003").satuan == "Dokumen"
    assert kab.lookup("9.01.02.1.01.0001") is None and kab.other_pemda("9.01.02.1.01.0001").jenis == "PROV"
    assert kab.renamed("9.01.02.2.01.0001") == ("9.01.02.2.01.0003", "Penyusunan Dokumen Contoh")
    prov = load_nomenclature(path, "prov")
    assert prov.lookup("9.01.02.1.01.0001") == "Pembinaan Kabupaten/Kota Contoh"
    assert prov.lookup("9.01.02") == "PROGRAM CONTOH" and prov.renamed("9.01.02.2.01.0001") is None


def test_stored_csv_list_is_used_without_the_option(tmp_path, data_dir, capsys):
    ref = tmp_path / "daftar.csv"
    ref.write_text("kode,nama\n7.01.02,Program Dua\n", encoding="utf-8")
    assert main(["nomenklatur", "pasang", str(ref)]) == 0
    capsys.readouterr()
    rows = [("7.01.02", "Program Dua", "Nilai", "Kec", "3,5", 5, "DAU", "3,6", 5),
            ("7.01.02.2.01", "Kegiatan Satu", "Jumlah Dokumen", "Kec", "1 Dokumen", 5, "DAU",
             "1 Dokumen", 5)]
    path = make_plan_workbook(tmp_path / "renja.xlsx", rows)
    report = renja_xl.check(path)
    assert [i.cell for i in issues_of(report, "kode-unknown")] == ["A8"]
    assert report.nomenclature["file"] == "daftar.csv" and report.nomenclature["rows"] == 1
    assert main(["nomenklatur", "hapus"]) == 0 and "dihapus" in capsys.readouterr().out
    assert renja_xl.check(path).nomenclature is None
    assert main(["nomenklatur", "hapus"]) == 0 and "Tidak ada" in capsys.readouterr().out


def test_bad_list_or_damaged_store_is_a_clear_message_not_a_traceback(tmp_path, data_dir, capsys):
    assert main(["nomenklatur", "pasang", str(tmp_path / "tidak-ada.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "tidak-ada.xlsx" in err and "Traceback" not in err
    assert main(["nomenklatur", "pasang"]) == 2
    data_dir.mkdir(parents=True)
    (data_dir / "nomenklatur.json").write_text("{rusak", encoding="utf-8")
    path = make_plan_workbook(tmp_path / "renja.xlsx")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nomenklatur pasang" in err and "Traceback" not in err


@needs_official
def test_kabkot_generic_code_in_a_prov_plan_is_another_pemdas_code(tmp_path, kabkot):
    prov = load_nomenclature(OFFICIAL, "prov")
    other = prov.other_pemda("7.01.01.2.01.0001")            # X.XX.01.2.01.0001 of KABKOT
    assert other is not None and other.jenis == "KABKOT"
    assert prov.lookup("7.01.01.1.01.0001") == kabkot.lookup("7.01.01.2.01.0001")
