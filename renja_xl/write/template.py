"""A standard Renja template workbook that kecamatan fill in and renja_xl reads perfectly.

`write_template(path, tahun=2026, nama="Kecamatan Kejobong")` writes the six standard tables
(Permendagri 86/2017 layout: title lines, merged group headers, column-number row), one sheet
each, an instructions sheet "Petunjuk" and a hidden sheet "Daftar" with the lists behind the
drop-downs (nomenclature codes and names, sumber dana, satuan, catatan analisis). The sheet
layouts are data (`schemas/template.toml`); the plan sheet is written by `template_plan`.
Header cells are locked; the sheets are protected without a password.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections import Counter
from dataclasses import dataclass, field

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name

from .template_plan import PlanRow, bidang_codes, nomenclature_rows, previous_rows
from .template_plan import write_plan_sheet
from .template_sheets import FIRST_HEADER_ROW, PROTECT, Formats, Lists, fill, list_ranges
from .template_sheets import page_setup, template_spec, validation, write_header, write_lists
from .template_sheets import years

__all__ = ["TemplateError", "TemplateResult", "write_template"]


class TemplateError(Exception):
    """The template cannot be written (bad --dari file, unwritable output): one Indonesian line."""


@dataclass(slots=True)
class TemplateResult:
    path: str
    year: int
    nama: str
    plan_rows: int                                  # program + kegiatan + sub kegiatan rows
    prefilled: int = 0                              # sub kegiatan rows carried over (--dari)
    notes: list[str] = field(default_factory=list)  # code updates, unknown codes (--dari)


def write_other_table(wb, fmt: Formats, spec: dict, words: dict, lists: Lists,
                      carried: list[dict]) -> None:
    """One of the five other tables: header, then `rows` formatted data rows (more when last
    year's rows are carried over: `carried`, one {column key: value} per row)."""
    ws = wb.add_worksheet(spec["sheet"])
    columns = spec["columns"]
    numbers = write_header(ws, fmt, spec["titles"], columns, words)
    first = numbers + 1
    last = numbers + max(spec["rows"], len(carried) + 5)
    letters = {col["key"]: xl_col_to_name(c) for c, col in enumerate(columns)}
    for r in range(first, last + 1):
        ws.set_row(r, None, fmt.unlocked)           # the whole row: deletable when protected
    for c, col in enumerate(columns):
        kind = col.get("kind", "text")
        for r in range(first, last + 1):
            value = carried[r - first].get(col["key"]) if r - first < len(carried) else None
            if kind == "formula":
                formula = re.sub(r"\{(\w+)\}", lambda m: f"{letters[m.group(1)]}{r + 1}",
                                 col["formula"])
                ws.write_formula(r, c, "=" + formula, fmt.formula, "")
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, fmt.of_kind(kind))
            elif value:
                ws.write_string(r, c, str(value), fmt.of_kind(kind))
            else:
                ws.write_blank(r, c, None, fmt.of_kind(kind))
        rule = validation(kind, lists)
        if rule:
            ws.data_validation(first, c, last, c, rule)
    ws.freeze_panes(first, 0)
    page_setup(ws, (FIRST_HEADER_ROW, numbers), len(columns) - 1,
               f"{words['nama']} - Renja {words['n']} - {spec['sheet']}")
    ws.protect("", PROTECT)


def carried_rows(spec: dict, previous, words: dict) -> list[dict]:
    """Last year's rows of this table for the columns the spec carries over (`carry`); a
    column's `from` names last year's field ("target_{n_2}": the target of year n-2)."""
    if previous is None or not spec.get("carry"):
        return []
    out = []
    for table in (t for t in previous.tables if t.table_id == spec["id"]):
        for rec in table.rows:
            row = {}
            for col in spec["columns"]:
                if col["key"] in spec["carry"]:
                    value = rec.get(fill(col.get("from", col["key"]), words))
                    if value is not None and value != "":
                        row[col["key"]] = value
            if row:
                out.append(row)
    return out


def write_petunjuk(wb, fmt: Formats, words: dict, extra: list[str]) -> None:
    spec = template_spec()["petunjuk"]
    ws = wb.add_worksheet(spec["sheet"])
    ws.set_column(0, 0, 110)
    ws.hide_gridlines(2)
    lines = [fill(line, words) for line in spec["lines"]] + extra
    for r, line in enumerate(lines):
        ws.write_string(r, 0, line, fmt.heading if r == 0 else fmt.plain)
        if r:
            ws.set_row(r, 13.0 * -(-max(1, len(line)) // 120) + 3)
    ws.set_row(0, 22)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.protect("", {})


def write_template(path, tahun: int | None = None, nama: str | None = None,
                   nomenclature=None, dari: str | None = None,
                   bidang: str | None = None) -> TemplateResult:
    """Write the template to `path` (atomically). `nomenclature`: a `Nomenclature` (default the
    built-in kecamatan list); `dari`: last year's submitted Renja to prefill the plan from;
    `bidang`: whose codes the drop-downs offer (default: the bidang of `dari`'s programs, else
    7.01 kecamatan)."""
    from ..validate.nomenclature import builtin_nomenclature
    nom = nomenclature or builtin_nomenclature()
    previous = read_previous(dari, path) if dari else None
    bidang = bidang or (_bidang_of(previous.plans) if previous else None) or "7.01"
    codes = bidang_codes(nom, bidang)
    if not codes and previous is None:
        raise TemplateError(f"bidang {bidang} tidak ada di nomenklatur {nom.source}; "
                            "pilih --bidang lain atau berikan --nomenklatur")
    notes: list[str] = []
    if previous is not None:
        rows, notes = previous_rows(previous.plans, nom, codes, template_spec()["plan"])
        tahun = tahun or _next_year(previous.plans)
        nama = nama or _unit_name(previous.kecamatan, bidang)
    else:
        rows = nomenclature_rows(codes, template_spec()["plan"])
    tahun = tahun or _dt.date.today().year + 1
    nama = " ".join((nama or "Kecamatan ...").split())
    words = {**years(tahun), "nama": nama, "nama_upper": nama.upper()}
    _write(path, words, codes, rows, nom, notes, dari, previous)
    plan_rows = sum(1 for r in rows if r.kode)
    prefilled = sum(1 for r in rows if r.level == "sub_kegiatan" and r.kode and dari)
    return TemplateResult(path=str(path), year=tahun, nama=nama, plan_rows=plan_rows,
                          prefilled=prefilled, notes=notes)


def _bidang_of(plans) -> str | None:
    """The bidang most of last year's programs belong to ("7.01" for a kecamatan)."""
    found = Counter(".".join(row["kode"].split(".")[:2]) for plan in plans for row in plan.rows
                    if row.get("level") == "program" and not row["kode"].startswith("X"))
    return found.most_common(1)[0][0] if found else None


def _unit_name(name: str | None, bidang: str) -> str | None:
    """'Kejobong' -> 'Kecamatan Kejobong'; an OPD's name ('Dinas Kesehatan') as it is."""
    if not name:
        return None
    if bidang == "7.01" and not name.lower().startswith("kecamatan"):
        return f"Kecamatan {name}"
    return name


def _write(path, words, codes, rows: list[PlanRow], nom, notes, dari, previous) -> None:
    from .workbook import atomic_path
    extra = ["", f"Nomenklatur acuan: {nom.source} ({len(codes)} kode)."]
    if dari:
        extra.append(f"Diisi awal dari Renja tahun lalu: {os.path.basename(dari)} "
                     f"(prakiraan maju tahun {words['n']} menjadi rencana tahun ini; indikator "
                     "dan target Tabel 2.2 dan 3.1 dibawa; realisasi diisi baru).")
        extra += [f"- {note}" for note in notes]
    try:
        with atomic_path(path) as tmp:
            wb = xlsxwriter.Workbook(tmp, {"strings_to_numbers": False,
                                           "strings_to_formulas": False})
            wb.set_properties({"title": f"Template Renja {words['nama']} {words['n']}",
                               "author": "renja_xl",
                               "created": _dt.datetime(int(words["n"]) - 1, 1, 1)})
            fmt = Formats(wb)
            lists = list_ranges(codes)
            write_petunjuk(wb, fmt, words, extra)
            for spec in template_spec()["tables"]:
                write_other_table(wb, fmt, spec, words, lists,
                                  carried_rows(spec, previous, words))
            write_plan_sheet(wb, fmt, template_spec()["plan"], words, rows, lists, nom)
            write_lists(wb, codes)
            wb.close()
    except (OSError, FileCreateError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise TemplateError(f"{path}: tidak dapat ditulis ({reason})") from None


def read_previous(dari: str, output):
    """Last year's Renja, read with the project's reader; a file that cannot be used is one
    Indonesian line (TemplateError)."""
    from ..tables.reader import read_file
    if not os.path.exists(dari):
        raise TemplateError(f"{dari}: file --dari tidak ditemukan")
    if os.path.exists(output) and os.path.samefile(dari, output):
        raise TemplateError(f"{output}: file keluaran sama dengan file --dari; pilih nama lain")
    previous = read_file(dari)
    if previous.error is not None:
        from ..report.rules import RULES
        rule = RULES.get(previous.error.rule)
        text = rule.id_text.split("(")[0].split(";")[0].strip() if rule else previous.error.rule
        raise TemplateError(f"{dari}: file --dari tidak dapat dibaca ({text}: "
                            f"{previous.error.detail})")
    if not any(plan.rows for plan in previous.plans):
        raise TemplateError(f"{dari}: tabel Rencana Program dan Kegiatan tidak ditemukan; "
                            "tidak ada yang dapat diisikan")
    return previous


def _next_year(plans) -> int | None:
    """Year n+1 of last year's plan: this template's year n."""
    for plan in plans:
        year = plan.layout.years[1]
        if year:
            return int(year)
    return None
