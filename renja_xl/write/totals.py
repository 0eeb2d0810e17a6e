"""The consolidation's summaries: the `Ringkasan` table (one row per file), the per-program
pivot (one column per kecamatan) and the one-screen text `consolidate` prints.

Each takes the checked files of `consolidate` (objects with `.result` and `.records`, the
plan rows as public dicts)."""
from __future__ import annotations

import os
from collections import Counter

from ..report.issues import Report
from .summary import pagu_line
from .text import nomenclature_line
from .workbook import SUMMARY_FIELDS, not_counted

__all__ = ["summary_frame", "program_totals_frame", "summary_text"]


# -- the tables ----------------------------------------------------------------------------
def _program_sums(records) -> tuple[float, float]:
    """Σ pagu and Σ pagu_n1 of the program rows; of the top level there is when a table has no
    program rows (an upload list of sub kegiatan). Urusan and bidang rows, and the further
    indicator rows (money empty), never count. A program whose pagu was left empty counts
    the sum of its kegiatan (of their sub kegiatan where those are empty too): the roll-up
    check reports the empty cell, and the total is not understated by it."""
    levels = {r["level"] for r in records}
    top = next((lvl for lvl in ("program", "kegiatan", "sub_kegiatan") if lvl in levels), None)
    programs = once_each([r for r in records if r["level"] == top])
    amount = effective_amounts(records)
    return tuple(sum(v for v in (amount(r, name) for r in programs) if v is not None)
                 for name in ("pagu", "pagu_n1"))


def once_each(rows: list[dict]) -> list[dict]:
    """One row per code: a program that each sheet of a split plan repeats counts once — with
    its pagu where the copies agree, else (None) with the sum of its kegiatan on all sheets."""
    merged: dict[str, dict] = {}
    for row in rows:
        if row.get("indikator_ke", 1) != 1:
            continue
        first = merged.get(row["kode"])
        if first is None:
            merged[row["kode"]] = dict(row)
            continue
        for name in ("pagu", "pagu_n1"):
            if first[name] != row[name]:
                first[name] = None
    return list(merged.values())


def effective_amounts(records) -> "callable":
    """`amount(record, name)`: the record's money, or where it is empty the sum of its
    children's (bottom-up); None when nothing below holds one either."""
    children: dict[str, list[dict]] = {}
    for r in records:
        if r.get("parent_kode") and r.get("indikator_ke", 1) == 1:
            children.setdefault(r["parent_kode"], []).append(r)
    cache: dict[tuple, float | None] = {}

    def amount(record: dict, name: str):
        if record[name] is not None or record.get("indikator_ke", 1) != 1:
            return record[name]                       # (an item's further indicator: no money)
        key = (record["kode"], name)
        if key not in cache:
            cache[key] = None                         # a code that is its own descendant
            values = [v for v in (amount(k, name) for k in children.get(record["kode"], ()))
                      if v is not None]
            cache[key] = float(sum(values)) if values else None
        return cache[key]
    return amount


def _item_rows(records) -> int:
    """Plan rows as the JSON `rows` counts them: not urusan/bidang rows, nor the extra rows of
    an item's further indicators."""
    return sum(1 for r in records if r["level"] not in ("urusan", "bidang")
               and r["indikator_ke"] == 1)


def summary_frame(report: Report, checked: list):
    """The `Ringkasan` table: one row per file."""
    import pandas as pd
    rows = []
    for result, item in zip(report.files, checked):
        readable = result.status != "unreadable"
        pagu, pagu_n1 = _program_sums(item.records) if readable and item.records else (None, None)
        rows.append({"file": result.file, "kecamatan": result.kecamatan, "status": result.status,
                     "rows": _item_rows(item.records), "pagu": pagu, "pagu_n1": pagu_n1,
                     "errors": result.errors, "warnings": result.warnings})
    frame = pd.DataFrame(rows, columns=list(SUMMARY_FIELDS))
    for name in ("pagu", "pagu_n1"):
        frame[name] = pd.to_numeric(frame[name]).astype("float64")
    for name in ("rows", "errors", "warnings"):
        frame[name] = frame[name].astype("int64")
    return frame


def program_totals_frame(checked: list):
    """Program pagu (year n) per kecamatan: kode, nama, one column per file, jumlah."""
    import pandas as pd
    columns: dict[str, dict[str, float]] = {}
    names: dict[str, str | None] = {}
    sources = [c for c in checked if any(r["level"] == "program" for r in c.records)]
    labels = _labels(sources)
    for label, item in zip(labels, sources):
        sums = columns.setdefault(label, {})
        amount = effective_amounts(item.records)
        for record in once_each([r for r in item.records if r["level"] == "program"]):
            if not record["kode"]:
                continue
            names.setdefault(record["kode"], record["nama"])
            if not names[record["kode"]] and record["nama"]:
                names[record["kode"]] = record["nama"]
            pagu = amount(record, "pagu")
            if pagu is not None:
                sums[record["kode"]] = sums.get(record["kode"], 0.0) + pagu
    kodes = sorted(names)
    money = pd.DataFrame({label: [columns[label].get(k) for k in kodes] for label in labels},
                         columns=labels, dtype="float64")
    head = pd.DataFrame({"kode": kodes, "nama": [names[k] for k in kodes]}, dtype=object)
    return pd.concat([head, money, money.sum(axis=1).rename("jumlah")], axis=1)


def _labels(items: list) -> list[str]:
    """A column name per file: the kecamatan, made unique with the file name when needed."""
    base = [c.result.kecamatan or os.path.splitext(os.path.basename(c.result.file))[0]
            for c in items]
    counts = Counter(base)
    labels, used = [], {"kode", "nama", "jumlah"}
    for label, item in zip(base, items):
        if counts[label] > 1 or label in used:
            label = f"{label} ({os.path.basename(item.result.file)})"
        unique, n = label, 1
        while unique in used:
            n += 1
            unique = f"{label} [{n}]"
        used.add(unique)
        labels.append(unique)
    return labels


# -- the command ---------------------------------------------------------------------------
WORDS = {
    "id": {"head": "Gabungan Renja: {files} file — {ok} valid, {invalid} tidak valid, "
                   "{unreadable} tidak terbaca",
           "rows": "Baris rencana: {rows} dari {kec} kecamatan/OPD",
           "counts": "Kesalahan: {e}; peringatan: {w}",
           "top": "Aturan terbanyak:", "unreadable": "File tidak terbaca:",
           "left_out": "Tidak dihitung (seluruh file atau satu tabelnya):",
           "more": "… dan {n} lagi", "output": "Hasil: {path}",
           "feedback": "Salinan bertanda: {n} file di {path}"},
    "en": {"head": "Consolidated Renja: {files} file(s) — {ok} valid, {invalid} invalid, "
                   "{unreadable} unreadable",
           "rows": "Plan rows: {rows} from {kec} kecamatan/OPD",
           "counts": "Errors: {e}; warnings: {w}",
           "top": "Most frequent rules:", "unreadable": "Unreadable files:",
           "left_out": "Left out of the totals (the whole file or one of its tables):",
           "more": "… and {n} more", "output": "Output: {path}",
           "feedback": "Annotated copies: {n} file(s) in {path}"},
}


def summary_text(result, lang: str = "id", feedback_dir=None) -> str:
    """The one-screen summary printed by `consolidate`."""
    words = WORDS["en" if lang == "en" else "id"]
    report, summary = result.report, result.summary
    statuses = Counter(f.status for f in report.files)
    lines = [words["head"].format(files=len(report.files), ok=statuses["ok"],
                                  invalid=statuses["invalid"], unreadable=statuses["unreadable"]),
             words["rows"].format(rows=int(result.summary["rows"].sum()),
                                  kec=summary["kecamatan"].dropna().nunique()),
             pagu_line(summary, lang),
             words["counts"].format(e=len(report.errors), w=len(report.warnings))]
    if report.nomenclature:
        lines.append(nomenclature_line(report.nomenclature, lang))
    top = Counter(i.rule for i in report.issues).most_common(5)
    if top:
        lines.append(words["top"])
        lines += [f"  {n:>6}  {rule}" for rule, n in top]
    reasons = not_counted(report, lang)
    for key, unreadable in (("unreadable", True), ("left_out", False)):
        bad = [(f.file, reasons.get(f.file) or f.reason) for f in report.files
               if (f.status == "unreadable") == unreadable and (unreadable or f.file in reasons)]
        if bad:
            lines.append(words[key])
            lines += [f"  {path}: {reason}" for path, reason in bad[:5]]
            if len(bad) > 5:
                lines.append("  " + words["more"].format(n=len(bad) - 5))
    if result.output:
        lines.append(words["output"].format(path=result.output))
    if feedback_dir is not None:
        lines.append(words["feedback"].format(n=len(result.feedback), path=feedback_dir))
    return "\n".join(lines)

