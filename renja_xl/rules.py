"""Every rule renja_xl reports: its stable id, category, severity and messages.

One place per rule. Messages are `str.format` templates over the issue's parameters;
Indonesian first, English for `--lang en`. The README's rule table is generated from here
(`python -m renja_xl rules --format markdown`).
"""
from __future__ import annotations

from dataclasses import dataclass

CATEGORIES = ("file", "structure", "code", "hierarchy", "value", "budget", "target",
              "computed", "nomenclature", "crosscheck")
SEVERITIES = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    id_text: str   # Indonesian message template
    en_text: str   # English message template


_RULES = [
    # --- file: the workbook itself ---------------------------------------------------------
    Rule("file-not-found", "file", "error",
         "File tidak ditemukan", "File not found"),
    Rule("file-not-excel", "file", "error",
         "Bukan file Excel ({detail}); kirim ulang sebagai .xlsx",
         "Not an Excel file ({detail}); send it again as .xlsx"),
    Rule("file-encrypted", "file", "error",
         "File dilindungi kata sandi; simpan tanpa kata sandi lalu kirim ulang",
         "The file is password-protected; save it without a password and send it again"),
    Rule("file-corrupt", "file", "error",
         "File rusak atau terpotong ({detail}); minta kecamatan mengirim ulang",
         "The file is damaged or truncated ({detail}); ask for it to be sent again"),
    Rule("file-not-workbook", "file", "error",
         "File zip ini bukan workbook Excel ({detail})",
         "This zip file is not an Excel workbook ({detail})"),
    Rule("file-empty", "file", "error",
         "Workbook kosong: tidak ada sel berisi", "The workbook is empty: no cell holds data"),
    Rule("file-too-large", "file", "error",
         "File ditolak karena ukurannya tidak wajar ({detail}); batas dapat dinaikkan dengan --batas-mb",
         "File refused for its abnormal size ({detail}); raise the limit with --limit-mb"),
    Rule("file-unreadable", "file", "error",
         "File tidak dapat dibaca: {detail}", "The file cannot be read: {detail}"),
    # --- structure: where the table is and how it is laid out ------------------------------
    Rule("table-not-found", "structure", "error",
         "Tabel Rencana Program dan Kegiatan tidak ditemukan di sheet mana pun",
         "No Rencana Program dan Kegiatan table was found on any sheet"),
    Rule("column-missing", "structure", "error",
         "Kolom wajib '{field}' tidak ditemukan di header tabel",
         "Required column '{field}' was not found in the table header"),
    Rule("column-missing-optional", "structure", "warning",
         "Kolom '{field}' tidak ditemukan di header tabel",
         "Column '{field}' was not found in the table header"),
    Rule("row-continuation", "structure", "warning",
         "Baris ini hanya berisi lanjutan teks; digabung ke baris {target_row} ({kode})",
         "This row only continues text; merged into row {target_row} ({kode})"),
    Rule("row-unrecognised", "structure", "warning",
         "Baris tanpa kode dan tanpa pagu dilewati: '{text}'",
         "Row without code or pagu skipped: '{text}'"),
    # --- code ---------------------------------------------------------------------------
    Rule("kode-missing", "code", "error",
         "Baris berisi data tetapi tidak ada kode program/kegiatan/sub kegiatan",
         "The row holds data but has no program/kegiatan/sub kegiatan code"),
    Rule("kode-invalid", "code", "error",
         "Format kode '{value}' tidak dikenal (harus U.BB.PP, U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS)",
         "Code '{value}' has an unknown format (expected U.BB.PP, U.BB.PP.K.KK or U.BB.PP.K.KK.SSSS)"),
    Rule("kode-damaged", "code", "warning",
         "Kode rusak oleh Excel: '{value}' dibaca sebagai '{expected}'; format sel sebagai Teks",
         "Code damaged by Excel: '{value}' read as '{expected}'; format the cell as Text"),
    Rule("kode-sub-2digit", "code", "warning",
         "Kode sub kegiatan 2 digit '{value}' sudah tidak berlaku sejak 2023; gunakan '{expected}'",
         "2-digit sub kegiatan code '{value}' is outdated since 2023; use '{expected}'"),
    # --- value: one cell ---------------------------------------------------------------------
    Rule("pagu-not-number", "value", "error",
         "Pagu {year} '{value}' bukan angka", "Pagu {year} '{value}' is not a number"),
    Rule("pagu-negative", "value", "error",
         "Pagu {year} bernilai negatif ({shown})", "Pagu {year} is negative ({shown})"),
    Rule("pagu-missing", "value", "error",
         "Pagu {year} sub kegiatan kosong", "Pagu {year} of the sub kegiatan is empty"),
    Rule("number-ambiguous", "value", "warning",
         "Angka '{value}' ambigu; dibaca sebagai {shown}. Tulis dengan format Indonesia (titik ribuan, koma desimal)",
         "Number '{value}' is ambiguous; read as {shown}. Write it the Indonesian way (dot thousands, comma decimals)"),
    Rule("formula-no-value", "value", "error",
         "Sel berisi rumus '{formula}' tanpa nilai tersimpan; buka dan simpan ulang file di Excel",
         "The cell holds formula '{formula}' without a stored value; open and save the file in Excel"),
    Rule("nama-missing", "value", "error",
         "Nama {level_name} kosong", "The {level_name} name is empty"),
    Rule("indikator-missing", "value", "error",
         "Indikator kinerja {level_name} kosong", "The {level_name} performance indicator is empty"),
    Rule("target-missing", "value", "error",
         "Target {year} sub kegiatan kosong", "The {year} target of the sub kegiatan is empty"),
    Rule("lokasi-missing", "value", "error",
         "Lokasi sub kegiatan kosong", "The sub kegiatan has no lokasi"),
    Rule("sumber-dana-missing", "value", "error",
         "Sumber dana kosong di baris ini dan di program/kegiatan induknya",
         "No sumber dana on this row nor on its parent program/kegiatan"),
    Rule("target-not-number", "value", "warning",
         "Target {year} '{value}' tidak memuat angka", "Target {year} '{value}' holds no number"),
    # --- budget: roll-ups ---------------------------------------------------------------------
    Rule("pagu-rollup", "budget", "error",
         "Pagu {year} {level_name} {kode} {shown} ≠ jumlah {n} {child_name} {sum_shown} (selisih {diff_shown}; baris {rows})",
         "Pagu {year} of {level_name} {kode} {shown} ≠ sum of {n} {child_name} {sum_shown} (difference {diff_shown}; rows {rows})"),
    Rule("pagu-rollup-unverifiable", "budget", "warning",
         "Pagu {year} {level_name} {kode} tidak dapat diperiksa: pagu {child_name} di baris {rows} kosong atau bukan angka",
         "Pagu {year} of {level_name} {kode} cannot be verified: the {child_name} pagu on rows {rows} is empty or not a number"),
    Rule("pagu-computed", "budget", "warning",
         "Pagu {year} {level_name} {kode} berupa rumus tanpa nilai tersimpan; dihitung dari {n} {child_name}: {sum_shown}",
         "Pagu {year} of {level_name} {kode} is a formula without a stored value; computed from {n} {child_name}: {sum_shown}"),
    Rule("total-mismatch", "budget", "error",
         "Baris jumlah {year} {shown} ≠ jumlah {n} program {sum_shown} (selisih {diff_shown})",
         "Total row {year} {shown} ≠ sum of {n} programs {sum_shown} (difference {diff_shown})"),
    # --- hierarchy ----------------------------------------------------------------------------
    Rule("kode-duplicate", "hierarchy", "error",
         "Kode {kode} muncul dua kali; pertama di baris {first_row}",
         "Code {kode} appears twice; first on row {first_row}"),
    Rule("parent-missing", "hierarchy", "error",
         "{level_title} {kode} tidak punya induk: {parent_name} {parent} tidak ada di tabel",
         "{level_title} {kode} has no parent: {parent_name} {parent} is not in the table"),
    Rule("wrong-parent", "hierarchy", "error",
         "{level_title} {kode} berada di bawah {placed_name} {placed}, padahal kodenya milik {parent_name} {parent} (baris {parent_row})",
         "{level_title} {kode} stands under {placed_name} {placed}, but its code belongs to {parent_name} {parent} (row {parent_row})"),
    Rule("child-before-parent", "hierarchy", "error",
         "{level_title} {kode} berada sebelum induknya {parent} (baris {parent_row})",
         "{level_title} {kode} comes before its parent {parent} (row {parent_row})"),
    Rule("no-children", "hierarchy", "warning",
         "{level_title} {kode} tidak punya {child_name}",
         "{level_title} {kode} has no {child_name}"),
    Rule("name-level-mismatch", "hierarchy", "warning",
         "Nama '{value}' menyebut {named_as}, tetapi kode {kode} adalah kode {level_name}",
         "Name '{value}' says {named_as}, but code {kode} is a {level_name} code"),
    # --- target ----------------------------------------------------------------------------
    Rule("satuan-changed", "target", "error",
         "Satuan target berubah antar tahun: {year} '{value}' vs {year_n1} '{expected}'",
         "The target unit changes between years: {year} '{value}' vs {year_n1} '{expected}'"),
    Rule("target-percent-for-count", "target", "warning",
         "Indikator '{indikator}' menghitung jumlah, tetapi targetnya persen ('{value}')",
         "Indicator '{indikator}' counts, but its target is a percentage ('{value}')"),
    Rule("target-count-for-percent", "target", "warning",
         "Indikator '{indikator}' berupa persentase, tetapi targetnya '{value}'",
         "Indicator '{indikator}' is a percentage, but its target is '{value}'"),
    Rule("target-n1-missing", "target", "warning",
         "Pagu {year_n1} ada tetapi target {year_n1} kosong",
         "Pagu {year_n1} is given but the {year_n1} target is empty"),
    Rule("pagu-n1-missing", "target", "warning",
         "Target {year_n1} ada tetapi pagu {year_n1} kosong",
         "Target {year_n1} is given but the {year_n1} pagu is empty"),
    Rule("percent-over-100", "target", "warning",
         "Target {year} {value} lebih dari 100%", "Target {year} {value} is above 100%"),
    # --- nomenclature ----------------------------------------------------------------------
    Rule("nama-differs", "nomenclature", "warning",
         "Nama berbeda dari nomenklatur: '{value}'; seharusnya '{expected}' (kemiripan {score}%)",
         "Name differs from the nomenclature: '{value}'; official '{expected}' (similarity {score}%)"),
    Rule("nama-other-code", "nomenclature", "error",
         "Nama '{value}' bukan nama kode {kode} ('{expected}'){other}",
         "Name '{value}' is not the name of code {kode} ('{expected}'){other}"),
    Rule("kode-unknown", "nomenclature", "warning",
         "Kode {kode} tidak ada di nomenklatur acuan", "Code {kode} is not in the reference nomenclature"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
assert all(r.category in CATEGORIES and r.severity in SEVERITIES for r in _RULES)

LEVEL_NAMES = {
    "id": {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan",
           None: "baris"},
    "en": {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan",
           None: "row"},
}
CHILD_LEVEL = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
