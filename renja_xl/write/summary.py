"""The human sheets of the consolidated workbook: `Ringkasan` and `Temuan`.

`Ringkasan` reads top to bottom: a title and the totals, the options used (a dict, so a new
option is one more line), one row per file (statuses valid / tidak valid / tidak terbaca),
the count per rule, the program pagu per kecamatan and the notices about the annotated
copies. Captions are Indonesian (`--lang en`: English); the data sheets keep the contract
column names. `Temuan` lists one row per finding (`report.grouping`), linked to its first
row in `Kesalahan`.
"""
from __future__ import annotations

import os

from ..read.numbers import format_rupiah
from ..report.grouping import group_issues, rule_counts
from .captions import LINE_POINTS, note_box, text_lines
from .text import nomenclature_label

__all__ = ["write_summary", "write_findings", "options_used", "pagu_line", "SUMMARY_WORDS"]

SUMMARY_WORDS = {
    "id": {"title": "Ringkasan Gabungan Renja",
           "totals_line": "{files} file: {ok} valid, {invalid} tidak valid, {unreadable} tidak "
                          "terbaca — {e} kesalahan, {w} peringatan",
           "pagu": "Total pagu program tahun n: {pagu}; prakiraan maju n+1: {pagu_n1}",
           "options": "Opsi pemeriksaan", "files": "Per file",
           "columns": ["File", "Kecamatan", "Status", "Baris rencana", "Pagu tahun n (Rp)",
                       "Pagu tahun n+1 (Rp)", "Kesalahan", "Peringatan",
                       "Tidak dihitung dalam total karena"],
           "status": {"ok": "valid", "invalid": "tidak valid", "unreadable": "tidak terbaca"},
           "rules": "Jumlah temuan per aturan",
           "rule_columns": ["Aturan", "Contoh pesan", "Tingkat", "Jumlah sel"],
           "severity": {"error": "kesalahan", "warning": "peringatan"},
           "pivot": "Total pagu per program (tahun n, rupiah)", "total": "JUMLAH",
           "jumlah": "jumlah", "notes": "Catatan salinan bertanda",
           "unreadable": "File tidak terbaca",
           "none": "Tidak ada kesalahan maupun peringatan.",
           "findings": ["File", "Sheet", "Sel", "Jumlah sel", "Tingkat", "Aturan", "Temuan"],
           "yes": "ya", "no": "tidak"},
    "en": {"title": "Consolidated Renja summary",
           "totals_line": "{files} file(s): {ok} valid, {invalid} invalid, {unreadable} "
                          "unreadable — {e} error(s), {w} warning(s)",
           "pagu": "Total program pagu year n: {pagu}; forward estimate n+1: {pagu_n1}",
           "options": "Options used", "files": "Per file",
           "columns": ["File", "Kecamatan", "Status", "Plan rows", "Pagu year n (Rp)",
                       "Pagu year n+1 (Rp)", "Errors", "Warnings",
                       "Left out of the totals because"],
           "status": {"ok": "valid", "invalid": "invalid", "unreadable": "unreadable"},
           "rules": "Findings per rule",
           "rule_columns": ["Rule", "Example message", "Severity", "Cells"],
           "severity": {"error": "error", "warning": "warning"},
           "pivot": "Total pagu per program (year n, rupiah)", "total": "TOTAL",
           "jumlah": "total", "notes": "Notes on the annotated copies",
           "unreadable": "Unreadable files",
           "none": "No errors or warnings.",
           "findings": ["File", "Sheet", "Cells", "Cells (n)", "Severity", "Rule", "Finding"],
           "yes": "yes", "no": "no"},
}
MONEY = "#,##0"
SECOND = 50                  # width of column B (kecamatan, example messages, program names)
PIVOT_KECAMATAN = 6          # kecamatan columns per block of the program pivot: one page wide
LEFT_OUT_WIDTH = 62            # the 'Tidak dihitung dalam total karena' column
STATUS_FILLS = {"ok": "#C6EFCE", "invalid": "#FFC7CE", "unreadable": "#D9D9D9"}


def _words(lang: str) -> dict:
    return SUMMARY_WORDS["en" if lang == "en" else "id"]


def pagu_line(summary, lang: str) -> str:
    """'Total pagu program tahun n: Rp …; prakiraan maju n+1: Rp …' (Ringkasan and the
    printed summary)."""
    return _words(lang)["pagu"].format(pagu=format_rupiah(summary["pagu"].sum()),
                                       pagu_n1=format_rupiah(summary["pagu_n1"].sum()))


def options_used(options, feedback, lang: str = "id") -> dict[str, str]:
    """The options of a run (`check.Options`) as Ringkasan shows them (caption -> value); one
    line each."""
    en = lang == "en"
    nomenclature = options.nomenclature
    info = getattr(nomenclature, "info", None)       # the official/stored list: name, rows
    source = (nomenclature_label(info, lang) if info else None) or (
        os.fspath(nomenclature) if isinstance(nomenclature, (str, os.PathLike)) else None)
    builtin = ("built-in list (kecamatan programs 7.01.01–7.01.06)" if en else
               "daftar bawaan (program kecamatan 7.01.01–7.01.06)")
    limit_mb = options.limits.max_file_bytes / 2**20
    return {
        "Nomenclature" if en else "Nomenklatur": source or builtin,
        "Roll-up tolerance" if en else "Toleransi selisih pagu": format_rupiah(options.tolerance),
        "Message language" if en else "Bahasa pesan": "English" if en else "Indonesia",
        "File size limit" if en else "Batas ukuran file": f"{limit_mb:,.0f} MB".replace(",", "."),
        "Annotated copies" if en else "Salinan bertanda":
            os.fspath(feedback) if feedback is not None else ("not written" if en else "tidak dibuat"),
    }


def write_summary(ws, fmt, put, report, summary, program_totals, *, lang: str,
                  options: dict | None, notices: list, reasons: dict,
                  left_out: dict | None = None, max_cols: int = 16_384) -> dict[str, int]:
    """Fill `Ringkasan`; returns file -> its 1-based row (for links from `Kesalahan`)."""
    words = _words(lang)
    statuses = [f.status for f in report.files]
    ws.write_string(0, 0, words["title"], fmt.get(bold=True, size=14))
    ws.write_string(1, 0, words["totals_line"].format(
        files=len(report.files), ok=statuses.count("ok"), invalid=statuses.count("invalid"),
        unreadable=statuses.count("unreadable"), e=len(report.errors), w=len(report.warnings)))
    ws.write_string(2, 0, pagu_line(summary, lang), fmt.get(bold=True))
    r = 4
    if options:
        ws.write_string(r, 0, words["options"], fmt.get(bold=True))
        for r, (key, value) in enumerate(options.items(), start=r + 1):
            ws.write_string(r, 0, str(key))
            put(ws, r, 1, value, fmt.get(wrap=True))
        r += 2
    ws.write_string(r, 0, words["files"], fmt.get(bold=True))
    head = r + 1
    first = _widths(ws, summary, program_totals)
    rows = _file_table(ws, fmt, put, summary, head, words, reasons, first, left_out or reasons)
    last = head + len(summary)
    ws.autofilter(head, 0, last, len(words["columns"]) - 1)
    r = last + 1
    if reasons:                  # printed, not only in the Status cell's note
        r = _text_section(ws, fmt, r + 2, words["unreadable"],
                          [f"{file}: {reason}" for file, reason in reasons.items()], first)
    r = _rule_table(ws, fmt, report, r + 2, words, lang, first)
    r = _program_totals(ws, fmt, put, program_totals, r + 2, words, max_cols)
    if notices:
        _text_section(ws, fmt, r + 2, words["notes"], notices, first)
    ws.repeat_rows(0)            # the title; the sections below have headers of their own
    return rows


def _text_section(ws, fmt, top: int, title: str, lines, first: int) -> int:
    """A bold title and one wrapped line per text across the table's width; the last row."""
    ws.write_string(top, 0, title, fmt.get(bold=True))
    width = first + SECOND + 6 * 17
    r = top
    for r, text in enumerate(lines, start=top + 1):
        ws.merge_range(r, 0, r, 7, str(text), fmt.get(wrap=True))
        ws.set_row(r, LINE_POINTS * text_lines(text, width))
    return r


def _file_table(ws, fmt, put, summary, head, words, reasons, first,
                left_out=None) -> dict[str, int]:
    ws.set_row(head, 30)
    for c, caption in enumerate(words["columns"]):
        ws.write_string(head, c, caption, fmt.header())
    rows: dict[str, int] = {}
    names = ["file", "kecamatan", "status", "rows", "pagu", "pagu_n1", "errors", "warnings"]
    for r, record in enumerate(summary[names].itertuples(index=False), start=head + 1):
        rows.setdefault(record[0], r + 1)
        lines = max(text_lines(record[0], first), text_lines(record[1] or "", SECOND))
        if lines > 1:
            ws.set_row(r, LINE_POINTS * lines)
        for c, (name, value) in enumerate(zip(names, record)):
            style = fmt.get(MONEY) if name in ("pagu", "pagu_n1") else fmt.get(wrap=True)
            if name == "status":
                style = fmt.get(fill=STATUS_FILLS.get(value), wrap=True)
                value = words["status"].get(value, value)
            put(ws, r, c, value, style)
            if name == "status" and reasons.get(record[0]):
                reason = reasons[record[0]][:4000]
                ws.write_comment(r, c, reason, note_box(reason))
        if (left_out or {}).get(record[0]):    # what of this file the totals leave out, why
            text = left_out[record[0]][:32_000]
            put(ws, r, len(names), text, fmt.get(wrap=True))
            ws.set_row(r, min(409, LINE_POINTS * max(lines, text_lines(text, LEFT_OUT_WIDTH))))
    return rows


def _rule_table(ws, fmt, report, top: int, words, lang: str, first) -> int:
    counts = rule_counts(report.issues)
    examples: dict = {}
    for issue in report.issues:
        examples.setdefault((issue.rule, issue.severity), issue)
    ws.write_string(top, 0, words["rules"], fmt.get(bold=True))
    if not counts:
        ws.write_string(top + 1, 0, words["none"])
        return top + 1
    ws.set_row(top + 1, 30)
    for c, caption in enumerate(words["rule_columns"]):
        ws.write_string(top + 1, c, caption, fmt.header())
    r = top + 1
    for r, (rule, severity, n) in enumerate(counts, start=top + 2):
        example = examples[(rule, severity)].message(lang)
        ws.set_row(r, LINE_POINTS * max(text_lines(example, SECOND), text_lines(rule, first)))
        ws.write_string(r, 0, rule, fmt.get(wrap=True))
        ws.write_string(r, 1, example, fmt.get(wrap=True))
        ws.write_string(r, 2, words["severity"][severity],
                        fmt.get(fill="#FFC7CE" if severity == "error" else "#FFEB9C"))
        ws.write_number(r, 3, n, fmt.get())
    return r


def _program_totals(ws, fmt, put, totals, top: int, words, max_cols: int) -> int:
    """kode × kecamatan in blocks of PIVOT_KECAMATAN kecamatan, one below the other, so the
    sheet prints one page wide at a readable size; each block ends with its JUMLAH row, the
    last one has the `jumlah` column (Σ over every kecamatan)."""
    bold, money, money_bold = fmt.get(bold=True), fmt.get(MONEY), fmt.get(MONEY, bold=True)
    labels = [c for c in totals.columns if c not in ("kode", "nama", "jumlah")]
    per_block = max(1, min(max_cols - 3, PIVOT_KECAMATAN))
    chunks = [labels[i:i + per_block] for i in range(0, len(labels), per_block)] or [[]]
    ws.write_string(top, 0, words["pivot"], bold)
    r = top
    for k, chunk in enumerate(chunks):
        columns = ["kode", "nama", *chunk] + (["jumlah"] if k == len(chunks) - 1 else [])
        head = r + 1 if k == 0 else r + 2
        ws.set_row(head, 30)
        for c, name in enumerate(columns):
            ws.write_string(head, c, words["jumlah"] if name == "jumlah" else str(name),
                            fmt.header())
        r = head
        for r, row in enumerate(totals[columns].itertuples(index=False), start=head + 1):
            if text_lines(row[1] or "", SECOND) > 1:
                ws.set_row(r, LINE_POINTS * text_lines(row[1], SECOND))
            for c, value in enumerate(row):
                put(ws, r, c, value, money if c >= 2 else fmt.get(wrap=True))
        r += 1
        ws.write_string(r, 0, words["total"], bold)
        for c, name in enumerate(columns[2:], start=2):
            put(ws, r, c, float(totals[name].sum(skipna=True)), money_bold)
    return r


def _widths(ws, summary, totals) -> int:
    """Wide enough for whole names (long ones wrap), money columns for 15 digits."""
    def longest(values, cap):
        return min(cap, max([len(str(v)) for v in values if v is not None] + [8]) + 2)
    first = max(longest(summary["file"], 46), longest(totals["kode"], 20), 24)
    ws.set_column(0, 0, first)
    ws.set_column(1, 1, SECOND)
    labels = [str(c) for c in totals.columns if c not in ("kode", "nama")]
    ws.set_column(2, max(7, PIVOT_KECAMATAN + 2), max([17] + [min(len(n) + 2, 30) for n in labels]))
    ws.set_column(8, 8, LEFT_OUT_WIDTH)         # why a file is left out of the totals
    return first


def write_findings(ws, fmt, report, issue_rows: dict, *, lang: str) -> int:
    """`Temuan`: one row per finding; returns the last row written."""
    words = _words(lang)
    columns = words["findings"]
    for c, caption in enumerate(columns):
        ws.write_string(0, c, caption, fmt.header())
    widths = [30, 14, 22, 9, 11, 22, 70]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    wrap, link = fmt.get(wrap=True), fmt.get(link=True, wrap=True)
    r = 0
    for r, finding in enumerate(group_issues(report.issues, report.files), start=1):
        first = finding.first
        message = finding.message(lang)
        ws.set_row(r, LINE_POINTS * max(text_lines(message, widths[6]),
                                        text_lines(first.file, widths[0])))
        ws.write_string(r, 0, first.file, wrap)
        if first.sheet:
            ws.write_string(r, 1, first.sheet, wrap)
        where = finding.cells(lang).split("!", 1)[-1] if first.sheet else "-"
        target = issue_rows.get(id(first))
        if target:
            ws.write_url(r, 2, f"internal:{target}", link, where)
        else:
            ws.write_string(r, 2, where, wrap)
        ws.write_number(r, 3, finding.count, fmt.get())
        ws.write_string(r, 4, words["severity"][finding.severity],
                        fmt.get(fill="#FFC7CE" if finding.severity == "error" else "#FFEB9C"))
        ws.write_string(r, 5, finding.rule, wrap)
        ws.write_string(r, 6, message, wrap)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r, 0), len(columns) - 1)
    ws.repeat_rows(0)
    return r
