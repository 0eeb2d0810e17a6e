"""What the results page shows, as plain data built once from a `Consolidation`.

Findings are grouped like the text report: per file, errors first. Every text from a
submission stays a plain string here; the templates escape it.
"""
from __future__ import annotations

import math
from collections import Counter

from ..read.numbers import format_number, format_rupiah
from ..write.summary import pagu_line
from ..write.text import table_line
from .words import WORDS

__all__ = ["batch_view", "money", "MAX_FINDINGS"]

MAX_FINDINGS = 5_000          # rows in the page; the downloads hold all of them


def money(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return ("-" if value < 0 else "") + format_number(round(value), 0)


def batch_view(batch, result) -> dict:
    lang = "en" if batch.lang == "en" else "id"
    words = WORDS[lang]
    report = result.report
    index = {f["name"]: i for i, f in enumerate(batch.files)}
    by_file: dict[str, list] = {}
    for issue in report.issues:
        by_file.setdefault(issue.file, []).append(issue)
    files, room = [], MAX_FINDINGS
    rows = dict(zip(result.summary["file"], result.summary["rows"]))
    for result_file in report.files:
        i = index.get(result_file.file)
        issues = sorted(by_file.get(result_file.file, []), key=lambda x: x.severity != "error")
        row = _file_row(result_file, i, issues, rows.get(result_file.file, 0), batch, lang)
        row["findings"] = [_finding(issue, i, lang) for issue in issues[:room]]
        room -= len(row["findings"])
        files.append(row)
    statuses = Counter(f.status for f in report.files)
    return {
        "files": files,
        "findings_shown": MAX_FINDINGS - room,
        "findings_total": len(report.issues),
        "rules": sorted({i.rule for i in report.issues}),
        "sheets": sorted({i.sheet for i in report.issues if i.sheet}),
        "stats": [(len(report.files), words["stat_files"], ""),
                  (statuses["ok"], words["ok"], "good"),
                  (statuses["invalid"], words["invalid"], "err"),
                  (statuses["unreadable"], words["unreadable"], ""),
                  (len(report.errors), words["stat_errors"], "err"),
                  (len(report.warnings), words["stat_warnings"], "warn")],
        "total_line": words["total_line"].format(
            files=len(report.files), ok=statuses["ok"], invalid=statuses["invalid"],
            unreadable=statuses["unreadable"], e=len(report.errors), w=len(report.warnings)),
        "pagu_line": pagu_line(result.summary, lang),
        "tolerance": format_rupiah(batch.tolerance),
        "summary": _summary(result, words),
        "pivot": _pivot(result.program_totals),
        "notices": list(result.notices),
    }


def _file_row(result_file, i, issues, rows, batch, lang) -> dict:
    words = WORDS[lang]
    reason = None
    if result_file.status == "unreadable":
        reason = next((x.message(lang) for x in issues if x.category == "file"), None)
    return {"index": i, "name": result_file.file, "kecamatan": result_file.kecamatan or "",
            "status": result_file.status, "status_label": words[result_file.status],
            "errors": result_file.errors, "warnings": result_file.warnings, "rows": int(rows),
            "tables": _tables(result_file, lang), "reason": reason,
            "has_copy": i in batch.feedback}


def _tables(result_file, lang) -> list[str]:
    return [table_line(table, lang) for table in result_file.tables]


def _finding(issue, file_index, lang) -> dict:
    return {"file": issue.file, "file_index": file_index, "sheet": issue.sheet or "",
            "where": issue.where or "-", "severity": issue.severity,
            "severity_label": WORDS[lang][issue.severity], "rule": issue.rule,
            "category": issue.category, "kode": issue.kode or "", "message": issue.message(lang)}


def _summary(result, words) -> dict:
    rows = []
    for record in result.summary.to_dict("records"):
        rows.append({"name": record["file"], "kecamatan": record["kecamatan"] or "",
                     "status": record["status"], "status_label": words[record["status"]],
                     "rows": record["rows"], "pagu": money(record["pagu"]),
                     "pagu_n1": money(record["pagu_n1"]), "errors": record["errors"],
                     "warnings": record["warnings"]})
    frame = result.summary
    total = {"rows": int(frame["rows"].sum()), "pagu": money(frame["pagu"].sum()),
             "pagu_n1": money(frame["pagu_n1"].sum()), "errors": int(frame["errors"].sum()),
             "warnings": int(frame["warnings"].sum())}
    return {"rows": rows, "total": total}


def _pivot(totals) -> dict:
    """Program × kecamatan, with the total row and column (the `Ringkasan` block)."""
    labels = [c for c in totals.columns if c not in ("kode", "nama", "jumlah")]
    rows = [{"kode": r["kode"], "nama": r["nama"] or "",
             "cells": [money(r[c]) for c in labels], "total": money(r["jumlah"])}
            for r in totals.to_dict("records")]
    column_totals = [money(totals[c].sum()) for c in labels]
    return {"columns": labels, "rows": rows, "totals": column_totals,
            "grand": money(totals["jumlah"].sum()) if len(totals) else "-"}
