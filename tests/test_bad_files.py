"""Never crash, never lose data: every kind of bad file gets one clear answer.

The corpus is built here: truncated, renamed, encrypted, bombed, empty, garbage, HTML, PDF,
Word and hostile files. Each goes through `python -m renja_xl check --format json` in a
subprocess: no traceback (nor a Rust panic) on stderr, the documented exit code, the right
rule. Exit codes: a file that cannot be read at all is 2; a readable workbook that holds no
Renja table (or no cell at all) is 1.
"""
from __future__ import annotations

import importlib.util
import io
import json
import os
import random
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

import renja_xl
from renja_xl.tables.reader import read_file
from renja_xl.read.workbook import Limits, load_sheets

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, sha256
from test_cli import assert_contract

MiB = 2**20


# --- running the CLI --------------------------------------------------------------------------
def run_check(*paths, extra=()):
    proc = subprocess.run([sys.executable, "-m", "renja_xl", "check", "--format", "json",
                           *map(str, paths), *extra],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "panicked" not in proc.stderr, proc.stderr
    doc = json.loads(proc.stdout)
    assert_contract(doc)
    return proc, doc


# --- builders -----------------------------------------------------------------------------------
def plan_xlsx(path, **layout):
    return make_plan_workbook(path, CLEAN_ROWS, PlanLayout(**layout))


def rewrite_zip(src, dst, replace: dict | None = None, drop=(), add: dict | None = None):
    """Copy a zip, replacing (name -> bytes), dropping and adding entries."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in add.items():
            zout.writestr(name, data)
    return Path(dst)


def patch_declared_size(path, name: str, size: int) -> None:
    """Make the zip lie: entry `name` declares `size` bytes (local header and central directory)."""
    data = bytearray(Path(path).read_bytes())
    raw = name.encode()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        offset = archive.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 22, size)
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        length = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + length] == raw:
            struct.pack_into("<I", data, pos + 24, size)
        pos += 4
    Path(path).write_bytes(bytes(data))


def padded_workbook(path, tmp, pad_bytes: int, lie: int | None = None, part="xl/worksheets/sheet1.xml"):
    """A real plan workbook whose `part` carries `pad_bytes` of spaces in an XML comment,
    deflated (a ~200 kB file for 200 MB), streamed so the test never holds it in memory."""
    src = plan_xlsx(Path(tmp) / f"plain-{os.path.basename(path)}.xlsx")
    block = b" " * MiB
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != part:
                zout.writestr(info.filename, data)
                continue
            closing = data.rfind(b"</")
            with zout.open(info.filename, "w") as out:
                out.write(data[:closing] + b"<!--")
                for _ in range(pad_bytes // MiB):
                    out.write(block)
                out.write(b"-->" + data[closing:])
    if lie is not None:
        patch_declared_size(path, part, lie)
    return Path(path)


SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')


def sheet_xml(body: str, dimension: str = "A1") -> bytes:
    return (SHEET_HEAD + f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>').encode()


def custom_sheet(path, tmp, body: str, dimension: str = "A1"):
    """A workbook whose first sheet's XML is exactly `body` (rows of cells)."""
    src = Path(tmp) / f"base-{os.path.basename(path)}.xlsx"
    book = xlsxwriter.Workbook(str(src))
    book.add_worksheet("Data").write("A1", "x")
    book.close()
    return rewrite_zip(src, path, {"xl/worksheets/sheet1.xml": sheet_xml(body, dimension)})


def plan_xls(path, tmp, **layout):
    """The conftest plan table written as Excel 97-2003 (.xls) with xlwt, merges included."""
    xlwt = pytest.importorskip("xlwt")
    src = plan_xlsx(Path(tmp) / f"src-{os.path.basename(path)}.xlsx", **layout)
    book = xlwt.Workbook(encoding="utf-8")
    for sheet in load_sheets(str(src)):
        ws = book.add_sheet(sheet.name, cell_overwrite_ok=True)
        covered = set()
        for r0, c0, r1, c1 in sheet.merged:
            ws.write_merge(r0, r1, c0, c1, sheet.rows[r0][c0])
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value != "" and (r, c) not in covered:
                    ws.write(r, c, value)
    book.save(str(path))
    return Path(path)


def xls_with_cells(path, cells):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    ws = book.add_sheet("Data")
    for r, c, value in cells:
        ws.write(r, c, value)
    book.save(str(path))
    return Path(path)


def rename_ole_stream(path, old: str, new: str, dst) -> Path:
    """Rename a root stream of an OLE file (the directory entry's UTF-16 name)."""
    data = bytearray(Path(path).read_bytes())
    name = old.encode("utf-16-le") + b"\0\0"
    at = data.find(name)
    assert at > 0 and at % 128 == 0, "directory entry not found"
    data[at:at + 64] = (new.encode("utf-16-le") + b"\0\0").ljust(64, b"\0")
    struct.pack_into("<H", data, at + 64, 2 * (len(new) + 1))
    Path(dst).write_bytes(bytes(data))
    return Path(dst)


def biff_patch_dimensions(path, dst, last_row: int, last_col: int) -> Path:
    """Make the worksheet's DIMENSIONS record (BIFF8) claim rows 0..last_row, columns 0..last_col.
    python-calamine reserves rows x columns cells for it: 2**32 x 256 aborts the process."""
    data = bytearray(Path(path).read_bytes())
    at = data.rfind(struct.pack("<HH", 0x0200, 14))
    assert at > 0
    struct.pack_into("<IIHH", data, at + 4, 0, last_row, 0, last_col)
    Path(dst).write_bytes(bytes(data))
    return Path(dst)


def encrypted_xlsx(path, tmp):
    """A plan workbook saved with a password (msoffcrypto-tool, Agile encryption)."""
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile
    plain = plan_xlsx(Path(tmp) / "plain-for-encryption.xlsx")
    with open(plain, "rb") as source, open(path, "wb") as out:
        OOXMLFile(source).encrypt("rahasia", out)
    return Path(path)


def ods_repeat_bomb(path):
    """A tiny ODS whose one row of 1,000 values repeats a million times."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Bom">'
               '<table:table-row table:number-rows-repeated="1000000">'
               '<table:table-cell office:value-type="float" office:value="1" '
               'table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell>'
               '</table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return Path(path)


LOL = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
       + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
       + "]>")


def billion_laughs(path, tmp, part: str):
    src = plan_xlsx(Path(tmp) / f"lol-src-{part.replace('/', '_')}.xlsx")
    with zipfile.ZipFile(src) as archive:
        xml = archive.read(part).decode()
    body = xml[xml.index("?>") + 2:] if xml.startswith("<?xml") else xml
    if part == "xl/sharedStrings.xml":
        body = body.replace("<t>", "<t>&lol9;", 1)
    else:
        body = body.replace('name="', 'name="&lol9;', 1)
    return rewrite_zip(src, path, {part: (LOL + body).encode()})


HTML_EXPORT = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
               'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">'
               '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
               '<table border="1"><tr><td>Kode</td><td>Program/Kegiatan</td><td>Pagu</td></tr>'
               '<tr><td>7.01.02</td><td>PROGRAM PENYELENGGARAAN PEMERINTAHAN</td><td>40.000.000</td></tr>'
               '</table></body></html>')
XML_2003 = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Renja">'
            '<Table><Row><Cell><Data ss:Type="String">Kode</Data></Cell></Row></Table></Worksheet></Workbook>')
MHTML = ('MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; '
         'boundary="----=_NextPart_01D"\r\n\r\n------=_NextPart_01D\r\nContent-Type: text/html\r\n\r\n<html></html>')


def _write(path, data: bytes) -> Path:
    Path(path).write_bytes(data)
    return Path(path)


def _zip(path, entries: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return Path(path)


def _truncated(path, src) -> Path:
    data = Path(src).read_bytes()
    return _write(path, data[:len(data) // 2])


def _empty_workbook(path):
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Sheet1")
    book.close()
    return Path(path)


def _no_table(path):
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Catatan")
    ws.write("A1", "Daftar hadir rapat Musrenbang kecamatan")
    ws.write("A2", "Nama")
    ws.write("B2", "Jabatan")
    book.close()
    return Path(path)


# name -> (build(path, tmp) -> path, file name, expected rule, exit code)
CORPUS = {
    "zero-bytes": (lambda p, t: _write(p, b""), "kosong.xlsx", "file-zero-bytes", 2),
    "garbage": (lambda p, t: _write(p, random.Random(7).randbytes(5000)), "acak.xlsx", "file-not-excel", 2),
    "pdf-renamed": (lambda p, t: _write(p, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
                    "renja.xlsx", "file-pdf", 2),
    "html-as-xls": (lambda p, t: _write(p, HTML_EXPORT.encode()), "export_sipd.xls", "file-html", 2),
    "table-only-html": (lambda p, t: _write(p, b'<table border="1"><tr><td>Kode</td></tr></table>'),
                        "laporan.xls", "file-html", 2),
    "xml-2003-as-xls": (lambda p, t: _write(p, XML_2003.encode()), "renja2003.xls", "file-html", 2),
    "mhtml-as-xls": (lambda p, t: _write(p, MHTML.encode()), "renja_web.xls", "file-html", 2),
    "csv-as-xls": (lambda p, t: _write(p, b"kode;nama;pagu\n7.01.02;PROGRAM;40000000\n"), "renja.xls",
                   "file-not-excel", 2),
    "jpeg-as-xlsx": (lambda p, t: _write(p, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)), "foto.xlsx",
                     "file-not-excel", 2),
    "truncated-xlsx": (lambda p, t: _truncated(p, plan_xlsx(Path(t) / "whole.xlsx")), "terpotong.xlsx",
                       "file-corrupt", 2),
    "truncated-xls": (lambda p, t: _truncated(p, plan_xls(Path(t) / "whole.xls", t)), "terpotong.xls",
                      "file-corrupt", 2),
    "docx-as-xlsx": (lambda p, t: _zip(p, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
                     "renja.xlsx", "file-word", 2),
    "doc97-as-xlsx": (lambda p, t: rename_ole_stream(xls_with_cells(Path(t) / "w.xls", [(0, 0, "x")]),
                                                     "Workbook", "WordDocument", p), "renja.xlsx", "file-word", 2),
    "ppt97-as-xls": (lambda p, t: rename_ole_stream(xls_with_cells(Path(t) / "p.xls", [(0, 0, "x")]),
                                                    "Workbook", "PowerPoint Document", p), "renja.xls",
                     "file-not-excel", 2),
    "zip-of-text": (lambda p, t: _zip(p, {"catatan.txt": "bukan workbook"}), "renja.xlsx", "file-not-workbook", 2),
    "empty-zip": (lambda p, t: _zip(p, {}), "renja.xlsx", "file-not-workbook", 2),
    "encrypted": (lambda p, t: encrypted_xlsx(p, t), "rahasia.xlsx", "file-encrypted", 2),
    "zip-bomb": (lambda p, t: padded_workbook(p, t, 200 * MiB), "bom.xlsx", "file-too-large", 2),
    "lying-sheet-size": (lambda p, t: padded_workbook(p, t, 64 * MiB, lie=2000), "bohong.xlsx", "file-corrupt", 2),
    "lying-strings-size": (lambda p, t: padded_workbook(p, t, 64 * MiB, lie=2000, part="xl/sharedStrings.xml"),
                           "bohong2.xlsx", "file-corrupt", 2),
    "billion-laughs-strings": (lambda p, t: billion_laughs(p, t, "xl/sharedStrings.xml"), "lol.xlsx",
                               "file-corrupt", 2),
    "billion-laughs-workbook": (lambda p, t: billion_laughs(p, t, "xl/workbook.xml"), "lol2.xlsx",
                                "file-corrupt", 2),
    "cell-at-XFD1048576": (lambda p, t: custom_sheet(p, t, '<row r="1"><c r="A1"><v>1</v></c></row>'
                                                     '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
                           "jauh.xlsx", "file-too-large", 2),
    "xls-cell-at-IV65536": (lambda p, t: xls_with_cells(p, [(0, 0, "a"), (65535, 255, 1.5)]), "jauh.xls",
                            "file-too-large", 2),
    "xls-lying-dimensions": (lambda p, t: biff_patch_dimensions(xls_with_cells(Path(t) / "d.xls", [(0, 0, "a")]),
                                                                p, 0xFFFFFFFF, 256), "dimensi.xls", "file-corrupt", 2),
    "ods-repeat-bomb": (lambda p, t: ods_repeat_bomb(p), "bom.ods", "file-too-large", 2),
    "empty-workbook": (lambda p, t: _empty_workbook(p), "kosong_isi.xlsx", "file-empty", 1),
    "no-renja-table": (lambda p, t: _no_table(p), "daftar_hadir.xlsx", "table-not-found", 1),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """name -> path of every broken file, built once."""
    root = tmp_path_factory.mktemp("corpus")
    work = tmp_path_factory.mktemp("corpus-work")
    built = {}
    for name, (build, filename, _, _) in CORPUS.items():
        folder = root / name
        folder.mkdir()
        try:
            built[name] = build(folder / filename, work)
        except pytest.skip.Exception:
            continue
    return built


@pytest.mark.parametrize("name", list(CORPUS))
def test_bad_file_gets_one_clear_answer(corpus, name):
    if name not in corpus:
        pytest.skip(f"{name}: builder dependency not installed")
    _, _, rule, code = CORPUS[name]
    path = corpus[name]
    started = time.perf_counter()
    proc, doc = run_check(path)
    assert time.perf_counter() - started < 30
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    assert proc.stderr == ""
    assert [i["rule"] for i in doc["issues"]] == [rule], doc["issues"]
    status = doc["files"][0]["status"]
    assert status == ("unreadable" if code == 2 else "invalid")
    message = doc["issues"][0]["message"]
    assert "{" not in message and "\n" not in message
    english = json.loads(subprocess.run(
        [sys.executable, "-m", "renja_xl", "check", "--format", "json", "--lang", "en", str(path)],
        capture_output=True, text=True, timeout=120).stdout)
    assert english["issues"][0]["message"] != message


def test_messages_name_what_to_do(corpus):
    """Spot checks: the message says what the file is and what to do."""
    def message(name):
        return run_check(corpus[name])[1]["issues"][0]["message"]
    assert "HTML" in message("html-as-xls") and "Simpan Sebagai" in message("html-as-xls")
    assert "XML Spreadsheet 2003" in message("xml-2003-as-xls")
    assert "Word 97-2003" in message("doc97-as-xlsx")
    assert ".docx" in message("docx-as-xlsx")
    assert "PDF" in message("pdf-renamed")
    assert "0 byte" in message("zero-bytes")
    assert "rasio kompresi" in message("zip-bomb")
    assert "1.048.576 baris x 16.384 kolom" in message("cell-at-XFD1048576")
    assert "CSV" in message("csv-as-xls")
    assert "JPEG" in message("jpeg-as-xlsx")


# --- formats by bytes ---------------------------------------------------------------------------
def _same_plan(report, reference):
    assert [f.status for f in report.files] == ["ok"], [i.message() for i in report.issues]
    table = report.files[0].tables[0]
    ref = reference.files[0].tables[0]
    assert (table.rows, table.first_row, table.last_row) == (ref.rows, ref.first_row, ref.last_row)
    assert sorted(i.rule for i in report.issues) == sorted(i.rule for i in reference.issues)


def test_xls_plan_table_is_read_end_to_end(tmp_path):
    xls = plan_xls(tmp_path / "renja_kec_contoh.xls", tmp_path)
    assert xls.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    reference = renja_xl.check(plan_xlsx(tmp_path / "ref.xlsx"))
    _same_plan(renja_xl.check(xls), reference)
    df = renja_xl.read_renja(xls)
    assert list(df["kode"]) == [r[0] for r in CLEAN_ROWS]
    assert list(df["pagu"]) == [40e6, 30e6, 30e6, 10e6, 10e6]
    damaged = plan_xls(tmp_path / "rusak.xls", tmp_path, damaged_codes=True)
    assert list(renja_xl.read_renja(damaged)["kode"]) == [r[0] for r in CLEAN_ROWS]


def test_ods_plan_table_is_read_end_to_end(tmp_path):
    pytest.importorskip("odf")
    import pandas as pd
    layout = dict(one_row_header=True, numbering_row=False, five_cell_code=False)
    src = plan_xlsx(tmp_path / "src.xlsx", **layout)
    sheet = load_sheets(str(src))[0]
    frame = pd.DataFrame([[None if v == "" else v for v in row] for row in sheet.rows])
    ods = tmp_path / "renja.ods"
    frame.to_excel(ods, engine="odf", header=False, index=False, sheet_name=sheet.name)
    assert zipfile.ZipFile(ods).read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    _same_plan(renja_xl.check(ods), renja_xl.check(src))


@pytest.mark.parametrize("source,name", [("xlsx", "renja.xls"), ("xlsx", "renja.xlsm"), ("xlsx", "renja"),
                                         ("xls", "renja.xlsx"), ("xls", "renja.ods")])
def test_misnamed_workbooks_are_read_by_their_bytes(tmp_path, source, name):
    real = plan_xlsx(tmp_path / "a.xlsx") if source == "xlsx" else plan_xls(tmp_path / "a.xls", tmp_path)
    reference = renja_xl.check(real)
    target = tmp_path / "named" / name
    target.parent.mkdir()
    target.write_bytes(real.read_bytes())
    _same_plan(renja_xl.check(str(target)), reference)


# --- hostile input: time and memory -------------------------------------------------------------
MEASURE = r"""
import json, resource, sys, time
from renja_xl.check import check
check(sys.argv[2])                                   # warm up: every lazy import done
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = check(sys.argv[1])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "mb": (peak - base) / 1024,
                  "rules": [i.rule for i in report.issues if i.severity == "error"],
                  "status": report.files[0].status}))
"""


def measure(path, warmup):
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(warmup)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "panicked" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def warmup(tmp_path_factory):
    return plan_xlsx(tmp_path_factory.mktemp("warm") / "warm.xlsx")


@pytest.mark.parametrize("name", ["zip-bomb", "lying-sheet-size", "lying-strings-size", "cell-at-XFD1048576",
                                  "xls-cell-at-IV65536", "ods-repeat-bomb"])
def test_hostile_files_are_refused_fast_and_small(corpus, warmup, name):
    if name not in corpus:
        pytest.skip(f"{name}: builder dependency not installed")
    path = corpus[name]
    result = measure(path, warmup)
    assert result["rules"] == [CORPUS[name][2]]
    assert result["seconds"] < 1.0, result
    assert result["mb"] < 200, result
    if name == "zip-bomb":
        assert os.path.getsize(path) < 400 * 1024          # ~200 kB inflating to 200 MB


def test_text_run_is_capped_even_when_the_ratio_is_allowed(tmp_path, warmup):
    """With the ratio check lifted, the streaming scan still stops a 64 MB comment at 8 MiB."""
    path = padded_workbook(tmp_path / "pad.xlsx", tmp_path, 64 * MiB)
    err = read_file(str(path), Limits(max_ratio=1e9)).error
    assert err.rule == "file-too-large" and "teks XML tanpa tag" in err.detail


def test_absurd_dimension_with_three_cells_is_read_small(tmp_path, warmup):
    path = custom_sheet(tmp_path / "dim.xlsx", tmp_path,
                        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>1</v></c></row>'
                        '<row r="3"><c r="C3"><v>2</v></c></row>', dimension="A1:XFD1048576")
    sheet = load_sheets(str(path))[0]
    assert sheet.rows == [["a", 1.0, ""], ["", "", ""], ["", "", 2.0]]
    result = measure(path, warmup)
    assert result["rules"] == ["table-not-found"] and result["seconds"] < 2 and result["mb"] < 100


def test_a_cell_at_xfd1_keeps_excel_positions(tmp_path):
    path = custom_sheet(tmp_path / "xfd1.xlsx", tmp_path,
                        '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
                        '<row r="2"><c r="B2"><v>3</v></c></row>')
    rows = load_sheets(str(path))[0].rows
    assert len(rows) == 2 and len(rows[0]) == 16384
    assert rows[0][0] == 1 and rows[0][16383] == 2 and rows[1][1] == 3


def test_implicit_cell_positions_are_counted(tmp_path):
    """Cells and rows without r= are placed one after the other, as the parser does."""
    path = custom_sheet(tmp_path / "noref.xlsx", tmp_path,
                        "<row>" + "<c><v>1</v></c>" * 3000 + "</row>" + "<row><c><v>2</v></c></row>" * 1000)
    with pytest.raises(renja_xl.ReadError) as err:
        load_sheets(str(path))
    assert err.value.rule == "file-too-large" and "1.001 baris x 3.000 kolom" in err.value.detail
    assert len(load_sheets(str(path), Limits(max_cells=10_000_000))[0].rows) == 1001


def test_long_cell_and_ten_thousand_columns_answer_within_seconds(tmp_path, warmup):
    long_text = ("Peningkatan kapasitas aparatur kecamatan " * 1000)[:32767]

    def extra(workbook, ws, pos):
        ws.write_string(pos[4] + 3, 2, long_text)
        for col in range(10_000):
            ws.write_number(pos[4] + 5, col, col)

    path = make_plan_workbook(tmp_path / "lebar.xlsx", CLEAN_ROWS, PlanLayout(), extra=extra)
    result = measure(path, warmup)
    assert result["seconds"] < 10 and result["mb"] < 200, result
    report = renja_xl.check(path)
    assert report.files[0].tables and report.files[0].tables[0].rows == 5
    cells = load_sheets(str(path))[0].rows
    assert any(len(row) > 2 and row[2] == long_text for row in cells)
    assert max(len(row) for row in cells) == 10_000


def test_truncated_xls_at_every_sector_never_reaches_the_parser(tmp_path, capfd):
    """Cutting an .xls anywhere gives file-corrupt, checked before python-calamine (which panics)."""
    data = plan_xls(tmp_path / "whole.xls", tmp_path).read_bytes()
    for cut in list(range(0, len(data), 512)) + [len(data) - 1, len(data) - 100]:
        path = tmp_path / f"cut{cut}.xls"
        path.write_bytes(data[:cut])
        result = read_file(str(path))
        assert result.error is not None and result.error.rule in ("file-corrupt", "file-zero-bytes"), cut
    assert "panicked" not in capfd.readouterr().err


def test_defusedxml_protects_openpyxl(corpus):
    """openpyxl (used to write feedback copies) parses with defusedxml: entities are refused."""
    import openpyxl
    import openpyxl.xml
    assert openpyxl.xml.DEFUSEDXML is True
    from defusedxml import EntitiesForbidden
    for name in ("billion-laughs-strings", "billion-laughs-workbook"):
        started = time.perf_counter()
        with pytest.raises(ValueError) as refused:
            openpyxl.load_workbook(corpus[name])
        assert isinstance(refused.value.__cause__, EntitiesForbidden)   # refused, not failed
        assert time.perf_counter() - started < 5


# --- no data lost ---------------------------------------------------------------------------------
def test_inputs_are_byte_identical_after_check_and_consolidate(corpus, tmp_path):
    (tmp_path / "in").mkdir()
    good = plan_xlsx(tmp_path / "in" / "baik.xlsx")
    xls = plan_xls(tmp_path / "in" / "baik.xls", tmp_path)
    paths = [good, xls] + [p for p in corpus.values()]
    before = {str(p): sha256(p) for p in paths}
    stamps = {str(p): os.stat(p).st_mtime_ns for p in paths}
    renja_xl.check([str(p) for p in paths])
    if importlib.util.find_spec("renja_xl.consolidate") is not None:
        from renja_xl.consolidate import consolidate
        consolidate([str(p) for p in paths], output=str(tmp_path / "gabungan.xlsx"),
                    feedback=str(tmp_path / "umpan_balik"), jobs=1)
    assert {str(p): sha256(p) for p in paths} == before
    assert {str(p): os.stat(p).st_mtime_ns for p in paths} == stamps


def test_one_bad_file_in_a_batch(tmp_path, corpus):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for name in ("Kec_Alpha.xlsx", "Kec_Beta.xlsx"):
        plan_xlsx(folder / name)
    plan_xls(folder / "Kec_Gamma.xls", tmp_path)
    (folder / "Kec_Delta.xlsx").write_bytes(corpus["truncated-xlsx"].read_bytes())
    (folder / "Kec_Epsilon.xls").write_bytes(corpus["html-as-xls"].read_bytes())
    _empty_workbook(folder / "Kec_Zeta.xlsx")
    proc, doc = run_check(folder)
    assert proc.returncode == 2
    status = {Path(f["file"]).name: f["status"] for f in doc["files"]}
    assert status == {"Kec_Alpha.xlsx": "ok", "Kec_Beta.xlsx": "ok", "Kec_Gamma.xls": "ok",
                      "Kec_Delta.xlsx": "unreadable", "Kec_Epsilon.xls": "unreadable",
                      "Kec_Zeta.xlsx": "invalid"}
    rules = {(Path(i["file"]).name, i["rule"]) for i in doc["issues"] if i["category"] == "file"}
    assert rules == {("Kec_Delta.xlsx", "file-corrupt"), ("Kec_Epsilon.xls", "file-html"),
                     ("Kec_Zeta.xlsx", "file-empty")}
    good = [f for f in doc["files"] if f["status"] == "ok"]
    assert all(f["tables"] and f["tables"][0]["rows"] == 5 for f in good)


def test_a_400_digit_pagu_does_not_crash_check(tmp_path):
    rows = [list(r) for r in CLEAN_ROWS]
    rows[2][5] = "9" * 400
    path = make_plan_workbook(tmp_path / "angka.xlsx", [tuple(r) for r in rows], PlanLayout())
    proc, doc = run_check(path)
    assert proc.returncode == 1 and any(i["rule"] == "pagu-not-number" for i in doc["issues"])


def _xlsb_record(rtype: int, body: bytes) -> bytes:
    def varint(value: int) -> bytes:
        out = bytearray()
        while True:
            byte, value = value & 0x7F, value >> 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                return bytes(out)
    return varint(rtype) + varint(len(body)) + body


def test_xlsb_sheet_records_are_measured():
    """.xlsb cannot be written here; its sheet records are scanned like calamine reads them."""
    from renja_xl.read.extents import xlsb_extent as _xlsb_extent
    row = lambda r: _xlsb_record(0x00, struct.pack("<I", r) + bytes(13))                  # BrtRowHdr
    real = lambda c: _xlsb_record(0x05, struct.pack("<II", c, 0) + struct.pack("<d", 1.5))  # BrtCellReal
    blank = lambda c: _xlsb_record(0x01, struct.pack("<II", c, 0))                        # BrtCellBlank
    dim = _xlsb_record(0x94, bytes(16))                                                    # 2-byte type
    data = dim + row(0) + real(0) + real(2) + row(1048575) + real(16383) + blank(20000)
    assert _xlsb_extent(io.BytesIO(data)) == (1048576, 16384)
    assert _xlsb_extent(io.BytesIO(dim + row(4) + real(7) + row(9) + blank(300))) == (5, 8)
    assert _xlsb_extent(io.BytesIO(row(3) + real(1)[:-3])) == (4, 2)                       # cut short
