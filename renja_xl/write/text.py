"""The readable summary of a `Report` (the default output of `check`)."""
from __future__ import annotations

import re

from ..report.grouping import group_issues, rule_counts, sort_issues
from ..report.issues import Report
from ..tables.defs import table_defs

WORDS = {
    "id": {"ok": "VALID", "invalid": "TIDAK VALID", "unreadable": "TIDAK TERBACA",
           "error": "KESALAHAN", "warning": "PERINGATAN", "table": "Tabel {title} di sheet '{sheet}' baris {first}–{last}",
           "levels": "{program} program, {kegiatan} kegiatan, {sub_kegiatan} sub kegiatan",
           "skipped": "dilewati", "counts": "{e} kesalahan, {w} peringatan",
           "kec": "Kecamatan {name}", "nokec": "kecamatan tidak diketahui",
           "total": "Jumlah: {files} file ({ok} valid, {invalid} tidak valid, {unreadable} tidak terbaca), {e} kesalahan, {w} peringatan",
           "more": "… dan {n} lagi (lihat --format json)",
           "rules": "Jumlah per aturan (sel):", "all": "setiap sel: --semua",
           "nomenklatur": "Nomenklatur: {label}",
           "nomenklatur_label": "{file} ({rows} baris, {jenis}{stored})", "stored": ", tersimpan"},
    "en": {"ok": "VALID", "invalid": "INVALID", "unreadable": "UNREADABLE",
           "error": "ERROR", "warning": "WARNING", "table": "Table {title} on sheet '{sheet}' rows {first}–{last}",
           "levels": "{program} program, {kegiatan} kegiatan, {sub_kegiatan} sub kegiatan",
           "skipped": "skipped", "counts": "{e} error(s), {w} warning(s)",
           # the kinds of skipped rows are Indonesian keys (JSON `skipped_rows`)
           "skip_kinds": {"kosong": "blank", "header berulang": "repeated header",
                          "judul berulang": "repeated title", "lanjutan": "continuation",
                          "footer": "footer", "penutup/catatan": "closing note",
                          "tanda tangan": "signature", "tidak dikenali": "not recognised"},
           "kec": "Kecamatan {name}", "nokec": "kecamatan unknown",
           "total": "Total: {files} file(s) ({ok} valid, {invalid} invalid, {unreadable} unreadable), {e} error(s), {w} warning(s)",
           "more": "… and {n} more (see --format json)",
           "rules": "Count per rule (cells):", "all": "every cell: --semua",
           "nomenklatur": "Nomenclature: {label}",
           "nomenklatur_label": "{file} ({rows} rows, {jenis}{stored})", "stored": ", stored"},
}


# an OPD's name is shown as named, never as "Kecamatan Dinas Kesehatan"
_AGENCY = re.compile(r"(dinas|badan|sekretariat|inspektorat|satuan|rumah sakit|rsud|kantor|bagian|"
                     r"kecamatan|kelurahan)\b", re.I)


def nomenclature_label(info: dict, lang: str = "id") -> str:
    """'nomenklatur_subkegiatan_2027.xlsx (7.581 baris, KABKOT, tersimpan)'."""
    words = WORDS["en" if lang == "en" else "id"]
    rows = f"{info.get('rows', 0):,}".replace(",", "." if lang != "en" else ",")
    return words["nomenklatur_label"].format(file=info.get("file"), rows=rows,
                                             jenis=info.get("jenis_pemda", ""),
                                             stored=words["stored"] if info.get("stored") else "")


def nomenclature_line(info: dict, lang: str = "id") -> str:
    """'Nomenklatur: nomenklatur_subkegiatan_2027.xlsx (7.581 baris, KABKOT, tersimpan)'."""
    words = WORDS["en" if lang == "en" else "id"]
    return words["nomenklatur"].format(label=nomenclature_label(info, lang))


def table_line(table, lang: str = "id") -> str:
    """'Tabel Rencana … di sheet 'Renja' baris 8–40: 3 program, 7 kegiatan, 12 sub kegiatan'
    for a `TableSummary` (the text report and the web page)."""
    words = WORDS["en" if lang == "en" else "id"]
    base = table.table.removesuffix("_rekap")
    definition = table_defs().get(base)
    title = definition.title if definition else table.table
    if definition and base != table.table:
        title += " (rekap)"                         # a REKAP of the plan's detail sheets
    text = words["table"].format(title=title, sheet=table.sheet, first=table.first_row,
                                 last=table.last_row)
    if table.levels:
        levels = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0, **table.levels}
        text += ": " + words["levels"].format(**levels)
    return text


def render_text(report: Report, lang: str = "id", limit: int = 200, every: bool = False) -> str:
    """Per file: its tables, then one line per finding (`every`: one line per cell), errors
    first; at the end the totals and the count per rule."""
    words = WORDS["en" if lang == "en" else "id"]
    by_file: dict[str, list] = {}
    for issue in report.issues:
        by_file.setdefault(issue.file, []).append(issue)
    lines: list[str] = []
    for result in report.files:
        kec = (words["nokec"] if not result.kecamatan else result.kecamatan
               if _AGENCY.match(result.kecamatan) else words["kec"].format(name=result.kecamatan))
        lines.append(f"== {result.file} — {kec}: {words[result.status]}")
        for table in result.tables:
            lines.append("   " + table_line(table, lang))
            if table.skipped:
                kinds = words.get("skip_kinds", {})
                skipped = ", ".join(f"{n} {kinds.get(kind, kind)}"
                                    for kind, n in table.skipped.items())
                lines.append(f"   ({words['skipped']}: {skipped})")
        lines.append("   " + words["counts"].format(e=result.errors, w=result.warnings))
        lines += _issue_lines(by_file.get(result.file, []), report, words, lang, limit, every)
        lines.append("")
    if getattr(report, "nomenclature", None):
        lines.append(nomenclature_line(report.nomenclature, lang))
    statuses = [f.status for f in report.files]
    lines.append(words["total"].format(files=len(report.files), ok=statuses.count("ok"),
                                       invalid=statuses.count("invalid"),
                                       unreadable=statuses.count("unreadable"),
                                       e=len(report.errors), w=len(report.warnings)))
    counts = rule_counts(report.issues)
    if counts:
        lines.append(words["rules"])
        lines += [f"  {n:>6}  {words[severity]:<10} {rule}" for rule, severity, n in counts]
    return "\n".join(lines)


def _issue_lines(issues, report: Report, words, lang, limit: int, every: bool) -> list[str]:
    if every:
        items = [(i.where or "-", "", i.message(lang), i)
                 for i in sort_issues(issues, report.files)]
    else:
        items = [(f.cells(lang) or "-", f.label(lang), f.message(lang), f.first)
                 for f in group_issues(issues, report.files)]
    items.sort(key=lambda item: item[3].severity != "error")
    lines = []
    for where, label, message, issue in items[:limit]:
        where = f"{where} {label}" if label else where
        lines.append(f"   {words[issue.severity]:<10} {where:<22} {message} [{issue.rule}]")
    if len(items) > limit:
        lines.append("   " + words["more"].format(n=len(items) - limit))
    return lines
