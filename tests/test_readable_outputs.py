"""The outputs as their readers see them: the Ringkasan of a batch of 14 kecamatan prints one
page wide at a readable size and starts with the totals in rupiah; rows are tall enough for
the text they wrap."""
from __future__ import annotations

from pathlib import Path

import openpyxl

import renja_xl
from renja_xl.read.numbers import format_rupiah

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook, titles_of

ROOT = Path(__file__).resolve().parents[1]

NAMES = ["Kemangkon", "Bukateja", "Kaligondang", "Purbalingga", "Kalimanah", "Padamara",
         "Kutasari", "Bojongsari", "Mrebet", "Bobotsari", "Karangreja", "Karangjambu",
         "Karanganyar", "Kertanegara"]


def _scaled(factor: int):
    return [r[:5] + (r[5] * factor,) + r[6:8] + (r[8] * factor,) for r in CLEAN_ROWS]


def _big_batch(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    for k, name in enumerate(NAMES, start=1):
        make_plan_workbook(folder / f"{k:02d}_{name}.xlsx", _scaled(k),
                           PlanLayout(titles=titles_of(name)))
    out = tmp_path / "konsolidasi.xlsx"
    renja_xl.consolidate(folder, output=out, jobs=1)
    return openpyxl.load_workbook(out)["Ringkasan"]


def test_ringkasan_of_a_big_batch_is_one_page_wide_with_the_totals_on_top(tmp_path):
    ws = _big_batch(tmp_path)
    n = sum(range(1, len(NAMES) + 1))                   # Σ of the factors
    program, program_n1 = CLEAN_ROWS[0][5], CLEAN_ROWS[0][8]
    assert ws["A3"].value == (f"Total pagu program tahun n: {format_rupiah(n * program)}; "
                              f"prakiraan maju n+1: {format_rupiah(n * program_n1)}")
    # the per-program pivot: blocks of at most 6 kecamatan, one below the other, so no
    # column beyond the per-file table's (was: one column per kecamatan, printed tiny)
    assert ws.max_column <= 9
    heads = [c.row for c in ws["A"] if c.value == "kode"]
    assert len(heads) == 3
    seen = []
    for head in heads:
        header = [c.value for c in ws[head] if c.value is not None]
        kecamatan = [h for h in header[2:] if h != "jumlah"]
        assert 1 <= len(kecamatan) <= 6
        seen += kecamatan
        values = {h: ws.cell(head + 1, c + 1).value for c, h in enumerate(header)}
        total = {h: ws.cell(head + 2, c + 1).value for c, h in enumerate(header)}
        assert ws.cell(head + 2, 1).value == "JUMLAH" and values["kode"] == "7.01.02"
        assert all(total[k] == values[k] for k in kecamatan)         # one program
    assert seen == NAMES
    assert header[-1] == "jumlah" and total["jumlah"] == n * program
    # the file table's header is not repeated over the other sections when printed
    assert ws.print_title_rows == "$1:$1"


def test_long_capitalised_names_get_rows_tall_enough_to_show_them(tmp_path):
    # 76 capitals in the 40-wide nama column take three lines (Calibri, LibreOffice's
    # substitute even more); the height was estimated from the characters alone: two lines,
    # and "MASYARAKAT" was cut off on screen and on paper
    out = tmp_path / "k.xlsx"
    renja_xl.consolidate([ROOT / "samples" / "Renja_Dinkes_Purbalingga_2025.xlsx"],
                         output=out, jobs=1)
    ws = openpyxl.load_workbook(out)["Rencana"]
    header = [c.value for c in ws[1]]
    nama = header.index("nama") + 1
    long = [r for r in range(2, ws.max_row + 1) if ws.cell(r, nama).value ==
            "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"]
    assert long and all(ws.row_dimensions[r].height >= 45 for r in long)
    short = [r for r in range(2, ws.max_row + 1)
             if ws.cell(r, nama).value == "Penyediaan Materi KIE Program KB"]
    assert short and all(ws.row_dimensions[r].height in (None, 15, 30) for r in short)


def test_feedback_issue_rows_are_tall_enough_for_the_file_name(tmp_path):
    # a short message beside a file name that wraps: the row was one line high and the name
    # was cut to "samples/" in the kecamatan's copy
    folder = tmp_path / "kiriman_kecamatan_tahun_2025"
    folder.mkdir()
    rows = [list(r) for r in CLEAN_ROWS]
    rows[2][3] = None                                     # lokasi-missing: a short message
    path = make_plan_workbook(folder / "Renja_Kecamatan_Contoh_2025.xlsx", [tuple(r) for r in rows])
    out = tmp_path / "periksa"
    renja_xl.consolidate(path, output=tmp_path / "k.xlsx", feedback=out, jobs=1)
    ws = openpyxl.load_workbook(out / "Renja_Kecamatan_Contoh_2025_periksa.xlsx")["Kesalahan"]
    header = [c.value for c in ws[1]]
    rule = header.index("rule") + 1
    found = [r for r in range(2, ws.max_row + 1) if ws.cell(r, rule).value == "lokasi-missing"]
    assert found and len(ws.cell(found[0], header.index("message") + 1).value) < 40
    assert len(ws.cell(found[0], header.index("file") + 1).value) > 40    # wraps in 30 columns
    assert ws.row_dimensions[found[0]].height >= 30


def test_english_report_names_the_skipped_rows_in_english():
    from renja_xl.write.text import render_text
    report = renja_xl.check(ROOT / "samples" / "Renja_Kec_Rembang_2025.xlsx", lang="en")
    text = render_text(report, "en")
    assert "(skipped: 5 blank, 3 footer, 8 repeated header)" in text
    assert "kosong" not in text and "berulang" not in text
    indonesian = render_text(renja_xl.check(ROOT / "samples" / "Renja_Kec_Rembang_2025.xlsx"))
    assert "(dilewati: 5 kosong, 3 footer, 8 header berulang)" in indonesian


def test_a_path_that_breaks_after_its_slash_gets_its_third_line(tmp_path, monkeypatch):
    # "masuk/" then a 37-character name wider than the 30-wide File column of Temuan: three
    # lines on screen (a viewer breaks after "/"); the row had two and cut the name
    monkeypatch.chdir(tmp_path)
    (tmp_path / "masuk").mkdir()
    (tmp_path / "masuk" / "Renja_Kec_Kaligondang_Rusak_2025.xlsx").write_bytes(b"PK\x03\x04rusak")
    renja_xl.consolidate(["masuk"], output=tmp_path / "k.xlsx", jobs=1)
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx")["Temuan"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, 1).value == "masuk/Renja_Kec_Kaligondang_Rusak_2025.xlsx")
    assert ws.row_dimensions[row].height >= 45


def test_the_copys_issue_sheet_explains_its_columns_in_indonesian(tmp_path):
    # the kecamatan reads 'severity', 'rule', 'value' … : each header cell says in Indonesian
    # what the column holds, as in the consolidated workbook
    rows = [list(r) for r in CLEAN_ROWS]
    rows[2][3] = None
    path = make_plan_workbook(tmp_path / "Renja_Kec_Contoh_2025.xlsx", [tuple(r) for r in rows])
    renja_xl.consolidate(path, output=tmp_path / "k.xlsx", feedback=tmp_path / "p", jobs=1)
    book = openpyxl.load_workbook(tmp_path / "p" / "Renja_Kec_Contoh_2025_periksa.xlsx")
    ws = book["Kesalahan"]
    notes = {c.value: c.comment.text for c in ws[1] if c.comment}
    assert notes["severity"] == "error = kesalahan, warning = peringatan"
    assert notes["cell"].startswith("Sel yang ditandai di workbook ini")
    assert notes["value"] == "Nilai yang tertulis" and len(notes) == len(list(ws[1]))
    assert book["Tabel 4.1"]["H9"].comment is not None         # the marked cell's note stays


def test_notes_on_rencana_cells_open_big_enough_for_their_messages(tmp_path):
    # K7 of Kejobong carries two long messages (~330 characters): the default note box
    # (about 60 characters) showed the first line and a half
    import re
    import zipfile
    out = tmp_path / "k.xlsx"
    renja_xl.consolidate([ROOT / "samples" / "Renja_Kec_Kejobong_2025.xlsx"], output=out, jobs=1)
    ws = openpyxl.load_workbook(out)["Rencana"]
    notes = {(c.row - 1, c.column - 1): c.comment.text for row in ws.iter_rows() for c in row
             if c.comment and c.row > 1}
    longest = max(notes, key=lambda k: len(notes[k]))
    assert len(notes[longest]) > 300
    with zipfile.ZipFile(out) as book:
        vml = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".vml"))
    boxes = {(int(r), int(c)): (float(w), float(h)) for w, h, r, c in re.findall(
        r"width:([\d.]+)pt;height:([\d.]+)pt.*?<x:Row>(\d+)</x:Row>\s*<x:Column>(\d+)</x:Column>",
        vml, re.S)}
    width, height = boxes[longest]
    assert width >= 240 and height >= 90           # pt: 7 lines of ~55 characters (was 96 × 55)


def test_ringkasan_prints_why_a_file_could_not_be_read(tmp_path):
    # the reason was only the Status cell's note, which a printed Ringkasan does not show
    folder = tmp_path / "masuk"
    folder.mkdir()
    make_plan_workbook(folder / "a_baik.xlsx", CLEAN_ROWS)
    (folder / "b_rusak.xlsx").write_bytes(b"PK\x03\x04 rusak di jalan")
    out = tmp_path / "k.xlsx"
    renja_xl.consolidate(folder, output=out, jobs=1)
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    column_a = [c.value for c in ws["A"]]
    at = column_a.index("File tidak terbaca")
    line = column_a[at + 1]
    assert line.startswith(str(folder / "b_rusak.xlsx") + ": ") and "mengirim ulang" in line
    assert column_a.index("Jumlah temuan per aturan") > at + 1       # before the rules


def test_other_tables_sheets_show_whole_names_and_amounts(tmp_path):
    # Review RKPD: nama_rkpd was 13 wide with rows sized for the file name only (program names
    # cut to two lines), pagu_rkpd 11.7 wide: Rp 1.802.641.000 printed as "#######"; Renstra's
    # dana the same
    out = tmp_path / "k.xlsx"
    renja_xl.consolidate([ROOT / "samples" / "Renja_Kec_Kejobong_2025.xlsx",
                          ROOT / "samples" / "Renstra_Kec_Kejobong_2025-2029.xlsx"],
                         output=out, jobs=1)
    book = openpyxl.load_workbook(out)

    def widths(ws):              # a <col> element may span equal neighbours
        span = {k: d.width for d in ws.column_dimensions.values()
                for k in range(d.min, d.max + 1)}
        return {c.value: span.get(c.column) for c in ws[1]}

    review = book["Review RKPD"]
    width = widths(review)
    assert width["nama_rkpd"] >= 30 and width["indikator_analisis"] >= 30
    assert all(width[name] >= 15 for name in ("pagu_rkpd", "pagu_analisis"))
    nama = [c.value for c in review[1]].index("nama_rkpd") + 1
    program = next(r for r in range(2, review.max_row + 1) if str(
        review.cell(r, nama).value).startswith("PROGRAM PENUNJANG URUSAN PEMERINTAH"))
    assert review.cell(program, nama).alignment.wrap_text
    assert review.row_dimensions[program].height >= 30
    amounts = [review.cell(r, nama + 5).value for r in range(2, review.max_row + 1)]
    assert max(a for a in amounts if isinstance(a, (int, float))) >= 1_000_000_000
    assert widths(book["Renstra"])["dana"] >= 15


def test_printed_summary_counts_an_opd_as_an_opd():
    from renja_xl.write.totals import summary_text
    result = renja_xl.consolidate([ROOT / "samples" / "Renja_Dinkes_Purbalingga_2025.xlsx",
                                   ROOT / "samples" / "Renja_Kec_Bobotsari_2025.xlsx"], jobs=1)
    assert "Baris rencana: 41 dari 2 kecamatan/OPD" in summary_text(result)
