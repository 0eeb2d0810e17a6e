"""Every rule renja_xl reports: its stable id, category, severity and messages.

One place per rule. Messages are `str.format` templates over the issue's parameters;
Indonesian first, English for `--lang en`. The README's rule table is generated from here
(`python -m renja_xl rules --format markdown`).
"""
from __future__ import annotations

import string
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

    @property
    def params(self) -> frozenset[str]:
        """The parameters the messages need, in either language (`x` for `x` and `x_en`)."""
        return frozenset(name.removesuffix("_en")
                         for text in (self.id_text, self.en_text) for name in template_fields(text))

    def template(self, lang: str = "id") -> str:
        return self.en_text if lang == "en" else self.id_text


def template_fields(text: str) -> set[str]:
    """The names a `str.format` template asks for (`{value}`, `{rows}` …)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text) if name}


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
    Rule("submission-repeated", "file", "warning",
         "{value} mengirim Renja yang sama dua kali (sama dengan {other}); dalam gabungan dihitung sekali ({other})",
         "{value} sent the same Renja twice (the same as {other}); the consolidation counts it once ({other})"),
    Rule("submission-superseded", "file", "error",
         "{value} mengirim lebih dari satu Renja dengan isi berbeda; gabungan hanya menghitung {other} (file paling baru), file ini tidak dihitung. Pastikan {other} yang berlaku, atau gabungkan ulang tanpa file yang salah",
         "{value} sent more than one Renja with different content; the consolidation counts only {other} (the newest file), not this one. Make sure {other} is the one that applies, or consolidate again without the wrong file"),
    Rule("plan-year-differs", "file", "error",
         "Tabel rencana file ini untuk tahun {value}, sedangkan {n} kiriman lain untuk tahun {expected}: apakah file tahun lain yang terkirim? File ini tetap dihitung dalam gabungan; minta file tahun {expected}",
         "This file's plan table is for {value}, while {n} other submissions are for {expected}: was another year's file sent? It is still counted in the consolidation; ask for the {expected} file"),
    Rule("file-unreadable", "file", "error",
         "File tidak dapat dibaca: {detail}", "The file cannot be read: {detail}"),
    Rule("file-zero-bytes", "file", "error",
         "File kosong (0 byte): pengiriman atau penyimpanan gagal; minta kecamatan mengirim ulang file Excel-nya",
         "The file is empty (0 bytes): sending or saving failed; ask for the Excel file to be sent again"),
    Rule("file-html", "file", "error",
         "File ini {detail} yang diberi nama Excel (sering hasil ekspor SIPD), bukan workbook; buka di Excel, "
         "pilih Simpan Sebagai > Excel Workbook (.xlsx), lalu kirim ulang",
         "This file is {detail} with an Excel name (often a SIPD export), not a workbook; open it in Excel, "
         "Save As > Excel Workbook (.xlsx), and send it again"),
    Rule("file-pdf", "file", "error",
         "File ini PDF, bukan Excel; kirim file Excel (.xlsx) aslinya, bukan hasil cetak atau ekspor PDF",
         "This file is a PDF, not Excel; send the original Excel file (.xlsx), not a print or PDF export"),
    Rule("file-word", "file", "error",
         "File ini dokumen Word ({detail}), bukan Excel; salin tabelnya ke Excel dan simpan sebagai .xlsx, "
         "atau kirim file Excel aslinya",
         "This file is a Word document ({detail}), not Excel; copy the table into Excel and save it as .xlsx, "
         "or send the original Excel file"),
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
    Rule("column-twice", "structure", "warning",
         "Kolom pagu {year} kedua ('{caption}') tidak dibaca: yang dipakai kolom {used} ('{used_caption}'). "
         "Bila kolom ini yang berlaku, hapus atau ganti judul kolom {used}",
         "A second {year} pagu column ('{caption}') is not read: column {used} ('{used_caption}') is used. "
         "If this column is the one that counts, delete or rename column {used}"),
    Rule("column-hidden", "structure", "warning",
         "Kolom '{caption}' disembunyikan di Excel dan tidak dibaca: yang dipakai kolom yang "
         "terlihat. Hapus kolom tersembunyi (mis. angka tahun lalu) atau tampilkan bila ini yang berlaku",
         "Column '{caption}' is hidden in Excel and was not read: the visible columns are used. "
         "Delete the hidden column (e.g. last year's figures) or unhide it if it is the one that counts"),
    Rule("row-hidden", "structure", "warning",
         "Baris ini disembunyikan di Excel tetapi tetap dibaca dan diperiksa seperti baris lain: "
         "{level_name} {kode} (pagu {shown}). Hapus barisnya bila tidak berlaku lagi, atau tampilkan",
         "This row is hidden in Excel but is still read and checked like the others: {level_name} "
         "{kode} (pagu {shown}). Delete the row if it no longer applies, or unhide it"),
    Rule("row-continuation", "structure", "warning",
         "Baris ini hanya berisi lanjutan teks dari baris di atasnya; digabung ke baris {target_row}",
         "This row only continues the text of the row above; merged into row {target_row}"),
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
    Rule("parents-absent", "structure", "error",
         "Tabel hanya berisi {n} baris sub kegiatan, tanpa baris program dan kegiatan: induk dan jumlah pagunya tidak dapat diperiksa",
         "The table holds only {n} sub kegiatan rows, without program and kegiatan rows: their parents and pagu sums cannot be checked"),
    Rule("not-renja-codes", "structure", "error",
         "Bukan tabel Renja: tidak satu pun kode di tabel ini ({n} baris) berformat Permendagri 90 (mis. '{value}'); "
         "mungkin RKA-K/L atau format lain. Kirim Tabel Rencana Program dan Kegiatan dengan kode program/kegiatan/sub kegiatan",
         "Not a Renja table: none of its codes ({n} rows) has the Permendagri 90 format (e.g. '{value}'); "
         "perhaps an RKA-K/L or another format. Send the plan table with program/kegiatan/sub kegiatan codes"),
    Rule("kode-comma", "code", "warning",
         "Kode '{value}' ditulis dengan koma; dibaca sebagai {expected}. Gunakan titik di antara bagian kode",
         "Code '{value}' is written with commas; read as {expected}. Use dots between the parts of a code"),
    Rule("kode-short", "code", "warning",
         "Kode '{value}' ditulis tanpa angka nol di depan; dibaca sebagai {expected}",
         "Code '{value}' is written without its leading zeros; read as {expected}"),
    Rule("kode-damaged", "code", "warning",
         "Kode diubah Excel menjadi angka ({value}); dibaca sebagai {expected}. Format sel kode sebagai Teks",
         "Code turned into numbers by Excel ({value}); read as {expected}. Format the code cells as Text"),
    Rule("kode-relative", "code", "warning",
         "Kode ditulis tidak lengkap ('{value}'); dibaca sebagai {expected} dari baris induknya. Tulis kode lengkap",
         "Code written incompletely ('{value}'); read as {expected} from its parent row. Write the full code"),
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
    Rule("pagu-words", "value", "warning",
         "Pagu {year} '{value}' ditulis dengan kata; dibaca sebagai {shown}. Tulis angka lengkapnya "
         "(mis. 150.000.000) agar tidak salah baca",
         "Pagu {year} '{value}' is written with a word; read as {shown}. Write the full number "
         "(e.g. 150.000.000) so it cannot be misread"),
    Rule("number-ambiguous", "value", "warning",
         "Angka '{value}' ambigu; dibaca sebagai {shown}. Tulis dengan format Indonesia (titik ribuan, koma desimal)",
         "Number '{value}' is ambiguous; read as {shown}. Write it the Indonesian way (dot thousands, comma decimals)"),
    Rule("formula-no-value", "value", "error",
         "Sel berisi rumus '{formula}' tanpa nilai tersimpan; buka dan simpan ulang file di Excel",
         "The cell holds formula '{formula}' without a stored value; open and save the file in Excel"),
    Rule("formula-error", "value", "error",
         "Rumus '{formula}' menghasilkan galat {value}; perbaiki rumusnya (mungkin merujuk ke sel atau baris yang dihapus)",
         "Formula '{formula}' gives the error {value}; fix it (it may refer to a deleted cell or row)"),
    Rule("cell-error", "value", "error",
         "Sel berisi galat Excel {value} yang ditempel sebagai nilai, bukan angka; isi dengan nilai yang benar",
         "The cell holds the Excel error {value} pasted as a value, not a number; fill in the right value"),
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
    Rule("lokasi-not-a-place", "value", "warning",
         "Kolom lokasi berisi '{value}', yang tampaknya bukan nama tempat (mirip indikator)",
         "The lokasi cell holds '{value}', which looks like an indicator, not a place"),
    Rule("sumber-dana-per-sub", "value", "error",
         "Sumber dana sub kegiatan ini kosong, padahal sub kegiatan lain di tabel ini menyebut sumber dananya sendiri "
         "(anggaran dialokasikan per sub kegiatan; induknya tidak menggantikan)",
         "This sub kegiatan names no sumber dana, while the other sub kegiatan of this table name their own "
         "(budget is allotted per sub kegiatan; its parent does not stand in)"),
    Rule("sasaran-missing", "value", "warning",
         "Sasaran {level_name} kosong", "The {level_name} sasaran is empty"),
    Rule("target-date", "target", "error",
         "Target {year} berisi tanggal {value}: Excel mengubah ketikan seperti '{typed}' menjadi "
         "tanggal. Format sel sebagai Teks lalu ketik ulang targetnya (mis. '12 Bulan', '1 Dokumen')",
         "Target {year} holds the date {value}: Excel turned something typed like '{typed_en}' "
         "into a date. Format the cell as Text and type the target again (e.g. '12 Bulan')"),
    Rule("target-not-number", "value", "warning",
         "Target {year} '{value}' tidak memuat angka", "Target {year} '{value}' holds no number"),
    # --- budget: roll-ups ---------------------------------------------------------------------
    Rule("pagu-rollup", "budget", "error",
         "Pagu {year} {level_name} {kode} {shown} ≠ jumlah {n} {child_name} {sum_shown} (selisih {diff_shown}; baris {rows}){note}",
         "Pagu {year} of {level_name} {kode} {shown} ≠ sum of {n} {child_name} {sum_shown} (difference {diff_shown}; rows {rows}){note_en}"),
    Rule("pagu-rollup-unverifiable", "budget", "warning",
         "Pagu {year} {level_name} {kode} tidak dapat diperiksa: pagu {child_name} di baris {rows} kosong atau bukan angka",
         "Pagu {year} of {level_name} {kode} cannot be verified: the {child_name} pagu on rows {rows} is empty or not a number"),
    Rule("pagu-computed", "budget", "warning",
         "Pagu {year} {level_name} {kode} berupa rumus tanpa nilai tersimpan; dihitung dari {n} {child_name}: {sum_shown}",
         "Pagu {year} of {level_name} {kode} is a formula without a stored value; computed from {n} {child_name}: {sum_shown}"),
    Rule("total-mismatch", "budget", "error",
         "Baris jumlah {year} {shown} ≠ jumlah {n} {level_name} {sum_shown} (selisih {diff_shown})",
         "Total row {year} {shown} ≠ sum of {n} {level_name}s {sum_shown} (difference {diff_shown})"),
    Rule("pagu-selisih-mismatch", "budget", "error",
         "Bertambah/(Berkurang) {year} {shown} ≠ menjadi {menjadi_shown} − semula {semula_shown} = {expected_shown}{hint}",
         "Bertambah/(Berkurang) {year} {shown} ≠ menjadi {menjadi_shown} − semula {semula_shown} = {expected_shown}{hint_en}"),
    Rule("money-scale", "structure", "warning",
         "Nilai uang tabel ini dibaca dalam {unit} (dikali {factor_shown}) karena tertulis '{words}'; periksa bahwa satuannya benar",
         "Amounts in this table are read in {unit_en} (multiplied by {factor_shown}) because of '{words}'; check that this unit is right"),
    Rule("pagu-scale-suspect", "value", "warning",
         "Pagu terbesar di tabel ini hanya {shown} (di bawah {limit}): angkanya tampaknya dalam ribuan rupiah. Bila benar, tulis '(dalam ribuan rupiah)' di judul tabel atau header pagu; tanpa itu gabungan membacanya sebagai rupiah",
         "The largest pagu in this table is only {shown} (below {limit}): the amounts look like thousands of rupiah. If so, write '(dalam ribuan rupiah)' in the table title or the pagu header; without it the consolidation reads them as rupiah"),
    Rule("recap-pagu-differs", "budget", "error",
         "Pagu {year} {level_name} {kode} di tabel rekap {shown} ≠ pagu {level_name} itu di rinciannya {expected_shown} ({other_where})",
         "Pagu {year} of {level_name} {kode} in the recap table {shown} ≠ that {level_name}'s pagu in its detail {expected_shown} ({other_where})"),
    Rule("plan-copy", "structure", "warning",
         "Sheet '{value}' mengulang tabel rencana sheet '{other}' ({n} kode dengan pagu sama); dalam gabungan hanya dihitung sekali (sheet '{other}'). Hapus salinannya bila tidak perlu",
         "Sheet '{value}' repeats the plan table of sheet '{other}' ({n} codes, same pagu); the consolidation counts it once (sheet '{other}'). Delete the copy if it is not needed"),
    Rule("plan-version", "structure", "error",
         "Sheet '{value}' memuat versi lain tabel rencana sheet '{other}' (kode sama, pagu atau isi berbeda); gabungan hanya menghitung sheet '{other}'. Hapus versi yang tidak berlaku lalu kirim ulang",
         "Sheet '{value}' holds another version of the plan table of sheet '{other}' (same codes, different pagu or content); the consolidation counts sheet '{other}' only. Delete the version that no longer applies and send it again"),
    Rule("plan-other-agency", "structure", "error",
         "Tabel rencana ini milik {other}, bukan {agency} (nama di judul tabel): satu file untuk "
         "satu perangkat daerah. Tabel ini tidak dihitung dalam gabungan; kirim rencana {other} "
         "dalam file sendiri",
         "This plan table belongs to {other}, not {agency} (the name in its title): one file per "
         "agency. The table is not counted in the consolidation; send the plan of {other} in a "
         "file of its own"),
    Rule("recap-program-missing", "hierarchy", "warning",
         "{level_title} {kode} ada di tabel rekap tetapi tidak ada di sheet rinciannya",
         "{level_title} {kode} is in the recap table but on none of the detail sheets"),
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
    Rule("kode-renamed", "nomenclature", "warning",
         "Kode {kode} sudah diganti di nomenklatur terbaru: sekarang {new_kode} '{new_nama}'",
         "Code {kode} was replaced in the current nomenclature: now {new_kode} '{new_nama}'"),
    Rule("kode-other-pemda", "nomenclature", "error",
         "Kode {kode} adalah nomenklatur {other_jenis} ('{expected}'), bukan untuk {jenis}",
         "Code {kode} belongs to the {other_jenis} nomenclature ('{expected}'), not to {jenis}"),
    Rule("indikator-not-standard", "nomenclature", "warning",
         "Indikator '{value}' berbeda dari indikator nomenklatur '{expected}' (kemiripan {score}%)",
         "Indicator '{value}' differs from the nomenclature's indicator '{expected}' (similarity {score}%)"),
    Rule("satuan-not-standard", "nomenclature", "warning",
         "Satuan '{value}' berbeda dari satuan nomenklatur '{expected}' (kemiripan {score}%)",
         "Unit '{value}' differs from the nomenclature's unit '{expected}' (similarity {score}%)"),
    # === the other tables (Evaluasi, Kinerja Pelayanan, Review RKPD, Usulan, Tujuan dan
    # Sasaran, Capaian IKU, tables with a total row) ===========================================
    # --- computed: columns computed from other columns ----------------------------------------
    Rule("computed-ratio", "computed", "error",
         "{field} '{value}' ≠ {formula} = {expected_shown}",
         "{field} '{value}' ≠ {formula} = {expected_shown}"),
    Rule("computed-sum", "computed", "error",
         "{field} '{value}' ≠ {formula} = {expected_shown}",
         "{field} '{value}' ≠ {formula} = {expected_shown}"),
    Rule("percent-without-base", "computed", "error",
         "{field} '{value}' diisi padahal {missing} kosong atau bukan angka ({missing_value}); persentasenya tidak dapat dihitung",
         "{field} '{value}' is given although {missing} is empty or not a number ({missing_value}); the percentage cannot be computed"),
    Rule("catatan-analisis-wrong", "computed", "error",
         "Catatan '{value}' tidak sesuai angkanya: realisasi {year} {real} {comparison} target {target}",
         "Note '{value}' contradicts the figures: the {year} realisation {real} is {comparison_en} the target {target}"),
    Rule("summary-total-mismatch", "computed", "error",
         "Baris '{label}' kolom {field}: {shown} ≠ {how} {n} baris {sum_shown} (selisih {diff_shown})",
         "Row '{label}', column {field}: {shown} ≠ {how_en} of {n} rows {sum_shown} (difference {diff_shown})"),
    # --- budget ------------------------------------------------------------------------------
    Rule("summary-pagu-mismatch", "budget", "error",
         "Baris '{label}' kolom {field}: {shown} ≠ jumlah {n} baris {sum_shown} (selisih {diff_shown})",
         "Row '{label}', column {field}: {shown} ≠ sum of {n} rows {sum_shown} (difference {diff_shown})"),
    Rule("review-pagu-rollup", "budget", "error",
         "Pagu {half} {level_name} '{nama}' {shown} ≠ jumlah {n} {child_name} {sum_shown} (selisih {diff_shown}; baris {rows})",
         "Pagu ({half_en}) of {level_name} '{nama}' {shown} ≠ sum of {n} {child_name} {sum_shown} (difference {diff_shown}; rows {rows})"),
    Rule("renstra-dana-rollup", "budget", "error",
         "Dana {year} {level_name} {kode} di Renstra {shown} ≠ jumlah {n} {child_name} {sum_shown} (selisih {diff_shown}; baris {rows})",
         "The {year} dana of {level_name} {kode} in the Renstra {shown} ≠ sum of {n} {child_name} {sum_shown} (difference {diff_shown}; rows {rows})"),
    # --- value -------------------------------------------------------------------------------
    Rule("value-missing", "value", "error",
         "Kolom {field} kosong", "Column {field} is empty"),
    Rule("value-negative", "value", "error",
         "Kolom {field} bernilai negatif ({shown})", "Column {field} is negative ({shown})"),
    Rule("review-program-differs", "value", "error",
         "Program di Hasil Analisis Kebutuhan '{value}' berbeda dengan program di Rancangan Awal RKPD '{expected}' pada baris yang sama",
         "The Hasil Analisis Kebutuhan program '{value}' differs from the Rancangan Awal RKPD program '{expected}' on the same row"),
    Rule("usulan-duplicate", "value", "warning",
         "Usulan '{value}' untuk desa {desa} sudah diajukan di baris {first_row}",
         "Proposal '{value}' for desa {desa} was already submitted on row {first_row}"),
    Rule("usulan-kecamatan-differs", "value", "error",
         "Kecamatan '{value}' berbeda dengan kecamatan pengirim file ini ({expected})",
         "Kecamatan '{value}' differs from the kecamatan that sent this file ({expected})"),
    Rule("usulan-numbering", "value", "warning",
         "Nomor {value} tidak berurutan: setelah nomor {previous} seharusnya {expected} (atau 1 untuk desa berikutnya)",
         "Number {value} is out of sequence: after {previous} it should be {expected} (or 1 for the next desa)"),
    # --- target ------------------------------------------------------------------------------
    Rule("target-falls", "target", "warning",
         "Target {year} ({shown}) {change} dari target {prev_year} ({prev_shown}), padahal indikator ini seharusnya {direction}",
         "The {year} target ({shown}) is {change_en} than the {prev_year} target ({prev_shown}), but this indicator should {direction_en}"),
    Rule("renstra-final-differs", "target", "warning",
         "Kondisi akhir '{value}' berbeda dengan target tahun terakhir ({year}) '{expected}'",
         "The final condition '{value}' differs from the last year's ({year}) target '{expected}'"),
    # --- crosscheck: one table against another ------------------------------------------------
    Rule("indikator-value-differs", "crosscheck", "warning",
         "{kind} {year} '{indikator}' {shown} berbeda dengan {other_shown} di {other_where} ({other_table}: '{other_indikator}')",
         "{kind_en} {year} of '{indikator}' {shown} differs from {other_shown} in {other_where} ({other_table}: '{other_indikator}')"),
    Rule("review-pagu-differs", "crosscheck", "warning",
         "Pagu {year} program {kode} di Tabel Rencana {shown} berbeda {pct} dari kebutuhan dana Hasil Analisis Kebutuhan di Review RKPD {expected_shown} ({other_where}; Rancangan Awal RKPD {rkpd_shown})",
         "The {year} pagu of program {kode} in the plan table {shown} differs by {pct} from the Hasil Analisis Kebutuhan of the Review RKPD {expected_shown} ({other_where}; Rancangan Awal RKPD {rkpd_shown})"),
    Rule("review-program-not-in-plan", "crosscheck", "warning",
         "Program '{value}' ada di Review RKPD (kebutuhan dana {shown}) tetapi tidak ada di Tabel Rencana",
         "Program '{value}' is in the Review RKPD (kebutuhan dana {shown}) but not in the plan table"),
    Rule("evaluasi-target-differs", "crosscheck", "warning",
         "Target {year} {kode} di tabel Evaluasi '{value}' berbeda dengan target di Tabel Rencana '{expected}' ({other_where})",
         "The {year} target of {kode} in the Evaluasi table '{value}' differs from the plan table's '{expected}' ({other_where})"),
    Rule("renstra-kode-missing", "crosscheck", "error",
         "{level_title} {kode} ada di Renja tetapi tidak ada di Renstra ({renstra})",
         "{level_title} {kode} is in the Renja but not in the Renstra ({renstra})"),
    Rule("renstra-not-found", "crosscheck", "error",
         "File Renstra {renstra} tidak dapat dibaca atau tidak berisi matriks Renstra",
         "The Renstra file {renstra} cannot be read or holds no Renstra matrix"),
    Rule("renstra-target-differs", "crosscheck", "warning",
         "Target {year} {kode} '{indikator}' di Renja '{value}' berbeda dengan target Renstra tahun itu '{expected}' ({other_where})",
         "The {year} target of {kode} '{indikator}' in the Renja '{value}' differs from the Renstra target of that year '{expected}' ({other_where})"),
    Rule("renstra-pagu-above", "crosscheck", "warning",
         "Pagu {year} program {kode} di Renja {shown} melebihi dana Renstra tahun itu {expected_shown} ({other_where})",
         "The {year} pagu of program {kode} in the Renja {shown} is above the Renstra dana of that year {expected_shown} ({other_where})"),
    Rule("evaluasi-satuan-differs", "crosscheck", "warning",
         "Satuan target {kode} berubah: tabel Evaluasi {year} '{value}', Tabel Rencana {plan_year} '{expected}' ({other_where})",
         "The target unit of {kode} changes: Evaluasi table {year} '{value}', plan table {plan_year} '{expected}' ({other_where})"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
assert all(r.category in CATEGORIES and r.severity in SEVERITIES for r in _RULES)

LEVEL_NAMES = {
    "id": {"urusan": "urusan", "bidang": "bidang urusan", "program": "program",
           "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", None: "baris"},
    "en": {"urusan": "urusan", "bidang": "bidang urusan", "program": "program",
           "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", None: "row"},
}
CHILD_LEVEL = {"urusan": "bidang", "bidang": "program", "program": "kegiatan",
               "kegiatan": "sub_kegiatan"}
