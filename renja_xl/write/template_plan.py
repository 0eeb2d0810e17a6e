"""The plan sheet of the Renja template: Rencana Program dan Kegiatan tahun n dan Prakiraan
Maju n+1.

Rows are pre-structured: program, kegiatan, then sub kegiatan rows (empty ones to fill in,
or last year's carried over with `--dari`), a blank separator row and a JUMLAH row.

Parent pagu are formulas that find their children by code, not by position:
kegiatan `=SUMIFS(H13:H$90, $A13:$A$90, $A12&".????")` (every 4-digit sub kegiatan of this
kegiatan below it), program the same with `".?.??"` (its kegiatan), JUMLAH with `"?.??.??"`
(the programs). The ranges start on the row below the formula (no circular reference) and
end at the separator row above JUMLAH, so rows inserted anywhere in the table are counted,
and copied kegiatan blocks work wherever they are pasted. Cached values are written too, so a
viewer that does not recalculate (and renja_xl itself) sees the totals.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xlsxwriter.utility import xl_col_to_name

from ..read.codes import LEVELS, four_digit_form, level_of, parent_code
from .template_sheets import FIRST_HEADER_ROW, LIST_SHEET, PROTECT, page_setup, validation
from .template_sheets import write_header

__all__ = ["PlanRow", "bidang_codes", "nomenclature_rows", "previous_rows", "write_plan_sheet"]

_PATTERN = {"program": '".?.??"', "kegiatan": '".????"'}
_CARRIED = ("sasaran", "indikator", "lokasi", "sumber_dana")


@dataclass(slots=True)
class PlanRow:
    level: str                                   # program | kegiatan | sub_kegiatan
    kode: str | None = None                      # None: an empty sub kegiatan row to fill in
    parent: str | None = None                    # the kegiatan of an empty sub kegiatan row
    values: dict = field(default_factory=dict)   # sasaran, indikator, lokasi, target, pagu …
    name: str | None = None                      # last year's name (when the list lacks it)
    note: str | None = None                      # a cell note on the code (renamed code …)


def _code_key(kode: str):
    return tuple(int(p) if p.isdigit() else -1 for p in kode.split("."))


def bidang_codes(nom, bidang: str) -> list[tuple[str, str, str]]:
    """(kode, nama, level) of every program, kegiatan and sub kegiatan of the bidang in the
    nomenclature, sorted by code; generic X.XX.01 codes written with the bidang."""
    found: dict[str, tuple[str, str]] = {}
    for key, name in nom.names.items():
        if key.startswith("X.XX."):
            kode = bidang + key[4:]
        elif key.startswith(bidang + "."):
            kode = key
        else:
            continue
        level = level_of(kode)
        if level in LEVELS and (kode not in found or not key.startswith("X")):
            found[kode] = (name, level)
    return sorted(((k, n, lvl) for k, (n, lvl) in found.items()), key=lambda t: _code_key(t[0]))


def nomenclature_rows(codes, spec: dict) -> list[PlanRow]:
    """Without --dari: every program and kegiatan of the list (but the generic program's
    kegiatan for Setda/DPRD/BLUD), each kegiatan with a few empty sub kegiatan rows (as many as
    it has sub kegiatan, within min/max_sub_rows)."""
    subs: dict[str, int] = {}
    for kode, _, level in codes:
        if level == "sub_kegiatan":
            subs[kode[:12]] = subs.get(kode[:12], 0) + 1
    rows = []
    skip = set(spec.get("skip_generic_kegiatan", ()))
    for kode, _, level in codes:
        parts = kode.split(".")
        if level == "program":
            rows.append(PlanRow("program", kode))
        elif level == "kegiatan" and not (parts[2] == "01" and ".".join(parts[3:]) in skip):
            rows.append(PlanRow("kegiatan", kode))
            count = min(spec["max_sub_rows"], max(spec["min_sub_rows"], subs.get(kode, 0)))
            rows += [PlanRow("sub_kegiatan", parent=kode) for _ in range(count)]
    return rows


def successor(nom, kode: str) -> str | None:
    """The code that replaced `kode` in the official list, when the nomenclature knows it.

    Hook: the nomenclature module does not keep renamed-code information yet (the official
    file's column SUBKEGIATAN SEBELUMNYA); a `Nomenclature.successor(kode)` method, once it
    exists, is used here."""
    find = getattr(nom, "successor", None)
    return find(kode) if callable(find) else None


def _carry_code(kode: str, nom) -> tuple[str, str | None]:
    """This year's code for last year's `kode`, with a note when it changed."""
    new = four_digit_form(kode)
    note = None
    if new != kode:
        note = f"Kode tahun lalu {kode} (2 digit, sebelum 2023) ditulis {new}"
    renamed = successor(nom, new)
    if renamed and renamed != new:
        note = f"Kode tahun lalu {kode} diganti {renamed} menurut nomenklatur ({nom.source})"
        new = renamed
    return new, note


def previous_rows(plans, nom, codes, spec: dict) -> tuple[list[PlanRow], list[str]]:
    """With --dari: last year's programs, kegiatan and sub kegiatan in their order (parents
    before children, each code once); its prakiraan maju n+1 becomes this year's rencana."""
    tree: dict[str, dict] = {}
    notes: list[str] = []
    known = {k for k, _, _ in codes}
    seen: set[str] = set()
    for rec in (r for plan in plans for r in plan.rows if r.get("level") in LEVELS):
        kode, note = _carry_code(rec["kode"], nom)
        if kode in seen:
            notes.append(f"Kode {kode} muncul lebih dari sekali di Renja tahun lalu "
                         f"(baris {rec['row']}); dipakai yang pertama")
            continue
        seen.add(kode)
        row = _carried_row(rec, kode, note)
        if kode not in known and nom.covers(kode):
            unknown = "Kode tidak ada di nomenklatur acuan; periksa"
            row.note = f"{row.note}. {unknown}" if row.note else unknown
        if row.note:
            notes.append(f"{kode}: {row.note}")
        _place(tree, row)
    return _flatten(tree, spec["spare_sub_rows"]), notes


def _carried_row(rec: dict, kode: str, note: str | None) -> PlanRow:
    level = rec["level"]
    values = {name: rec.get(name) for name in _CARRIED}
    values["target"] = rec.get("target_n1")
    if rec.get("target_n1") is not None:
        values["satuan"] = rec.get("satuan_n1") or rec.get("satuan")
    if level == "sub_kegiatan":
        values["pagu"] = rec.get("pagu_n1")
    return PlanRow(level, kode, values=values, name=rec.get("nama"), note=note)


def _node(tree: dict, kode: str, level: str) -> dict:
    if level == "program":
        return tree.setdefault(kode, {"row": None, "children": {}})
    program = _node(tree, parent_code(kode), "program")
    return program["children"].setdefault(kode, {"row": None, "children": []})


def _place(tree: dict, row: PlanRow) -> None:
    if row.level == "sub_kegiatan":
        _node(tree, parent_code(row.kode), "kegiatan")["children"].append(row)
    else:
        node = _node(tree, row.kode, row.level)
        node["row"] = node["row"] or row


def _flatten(tree: dict, spare: int) -> list[PlanRow]:
    rows: list[PlanRow] = []
    for kode, program in tree.items():
        rows.append(program["row"] or PlanRow("program", kode))
        for keg, kegiatan in program["children"].items():
            rows.append(kegiatan["row"] or PlanRow("kegiatan", keg))
            rows += kegiatan["children"]
            rows += [PlanRow("sub_kegiatan", parent=keg) for _ in range(spare)]
    return rows


# --- writing ----------------------------------------------------------------------------------
def write_plan_sheet(wb, fmt, spec: dict, words: dict, rows: list[PlanRow], lists, nom) -> None:
    ws = wb.add_worksheet(spec["sheet"])
    columns = spec["columns"]
    numbers = write_header(ws, fmt, spec["titles"], columns, words)
    first = numbers + 1
    sep = first + len(rows)                               # 0-based separator row
    sheet = _PlanSheet(ws, fmt, columns, first, sep, lists, nom)
    cached = _cached_totals(rows)
    for i, row in enumerate(rows):
        sheet.write_row(first + i, row, cached.get(i, {}))
    for c in range(len(columns)):
        ws.write_blank(sep, c, None, fmt.text)
    ws.set_row(sep, None, fmt.unlocked)
    sheet.write_total(sep + 1, rows, cached)
    sheet.validate(rows)
    sheet.highlight()
    ws.freeze_panes(first, 2)
    page_setup(ws, (FIRST_HEADER_ROW, numbers), len(columns) - 1,
               f"{words['nama']} - Renja {words['n']} - {spec['sheet']}")
    ws.protect("", PROTECT)


def _cached_totals(rows: list[PlanRow]) -> dict[int, dict[str, float]]:
    """What the parent formulas evaluate to: kegiatan = Σ its 4-digit sub kegiatan, program =
    Σ its kegiatan (rows are written parents first, so "below" holds for every child)."""
    sums: dict[str, dict[str, float]] = {}
    for row in rows:                                 # sub kegiatan into their kegiatan
        if row.level == "sub_kegiatan" and row.kode and len(row.kode) == 17:
            into = sums.setdefault(row.kode[:12], {"pagu": 0.0, "pagu_n1": 0.0})
            for name in into:
                value = row.values.get(name)
                into[name] += float(value) if isinstance(value, (int, float)) else 0.0
    for row in rows:                                 # kegiatan into their program
        if row.level == "kegiatan" and row.kode and len(row.kode) == 12:
            into = sums.setdefault(row.kode[:7], {"pagu": 0.0, "pagu_n1": 0.0})
            for name, value in sums.get(row.kode, {}).items():
                into[name] += value
    return {i: sums.get(row.kode, {"pagu": 0.0, "pagu_n1": 0.0})
            for i, row in enumerate(rows) if row.level != "sub_kegiatan" and row.kode}


class _PlanSheet:
    def __init__(self, ws, fmt, columns, first: int, sep: int, lists, nom):
        self.ws, self.fmt, self.columns, self.lists, self.nom = ws, fmt, columns, lists, nom
        self.first, self.sep = first, sep
        self.letter = {col["key"]: xl_col_to_name(c) for c, col in enumerate(columns)}

    def write_row(self, r: int, row: PlanRow, cached: dict) -> None:
        ws, fmt, level = self.ws, self.fmt, row.level
        for c, col in enumerate(self.columns):
            key, kind = col["key"], col.get("kind", "text")
            if kind == "code":
                self._value(r, c, row.kode, fmt.level(level, "code"))
                if row.note:
                    ws.write_comment(r, c, row.note, {"author": "renja_xl", "x_scale": 2})
            elif kind == "name_formula":
                self._name(r, c, row)
            elif kind == "money" and level != "sub_kegiatan":
                self._parent_sum(r, c, row, key, cached.get(key, 0.0))
            else:
                self._value(r, c, row.values.get(key), fmt.level(level, kind))
        ws.set_row(r, self._height(row), fmt.unlocked)   # the whole row: deletable when protected

    def _height(self, row: PlanRow) -> float:
        """Rows tall enough for their wrapped text (xlsxwriter cannot autofit; Excel and
        LibreOffice do not re-measure rows on opening)."""
        texts = dict(row.values, nama=(self.nom.lookup(row.kode) if row.kode else None) or row.name)
        lines = 1
        for col in self.columns:
            text = texts.get(col["key"])
            if isinstance(text, str) and text:
                lines = max(lines, -(-len(text) // max(1, int(col.get("width", 10) * 1.45))))
        return 12.0 * lines + 3

    def _value(self, r: int, c: int, value, cell_format) -> None:
        if value is None or value == "":
            self.ws.write_blank(r, c, None, cell_format)
        elif isinstance(value, (int, float)):
            self.ws.write_number(r, c, value, cell_format)
        else:
            self.ws.write_string(r, c, str(value), cell_format)

    def _name(self, r: int, c: int, row: PlanRow) -> None:
        a = f"${self.letter['kode']}{r + 1}"
        official = self.nom.lookup(row.kode) if row.kode else None
        fallback = (row.name or "") if not official else ""
        shown = official or fallback
        if len(fallback) > 200:                      # Excel: string literals up to 255 chars
            self.ws.write_string(r, c, fallback, self.fmt.level(row.level, "text"))
            return
        literal = '"' + fallback.replace('"', '""') + '"'
        formula = (f'=IF({a}="","",IFERROR(VLOOKUP({a},{self.lists.codes},2,FALSE),'
                   f'{literal}))')
        self.ws.write_formula(r, c, formula, self.fmt.level(row.level, "text"), shown)

    def _parent_sum(self, r: int, c: int, row: PlanRow, key: str, value: float) -> None:
        col, a = self.letter[key], self.letter["kode"]
        end = self.sep + 1
        formula = (f'=IF(${a}{r + 1}="","",SUMIFS({col}{r + 2}:{col}${end},'
                   f'${a}{r + 2}:${a}${end},${a}{r + 1}&{_PATTERN[row.level]}))')
        self.ws.write_formula(r, c, formula, self.fmt.level(row.level, "formula"),
                              value if row.kode else "")

    def write_total(self, r: int, rows: list[PlanRow], cached: dict) -> None:
        fmt, first, end = self.fmt, self.first + 1, self.sep + 1
        programs = [i for i, row in enumerate(rows) if row.level == "program" and row.kode]
        for c, col in enumerate(self.columns):
            key = col["key"]
            if col.get("kind") == "money":
                letter, a = self.letter[key], self.letter["kode"]
                total = sum(cached.get(i, {}).get(key, 0.0) for i in programs)
                self.ws.write_formula(
                    r, c, f'=SUMIFS({letter}${first}:{letter}${end},${a}${first}:${a}${end},'
                          f'"?.??.??")', fmt.level("total", "formula"), total)
            elif key == "nama":
                self.ws.write_string(r, c, "JUMLAH", fmt.level("total", "text"))
            else:
                self.ws.write_blank(r, c, None, fmt.level("total", "text"))

    def validate(self, rows: list[PlanRow]) -> None:
        """Drop-downs and number checks: codes per row (a sub kegiatan row offers the sub
        kegiatan of its kegiatan), whole columns for money, targets, satuan, sumber dana."""
        runs: list[list] = []                        # [first row, last row, source]
        for i, row in enumerate(rows):
            source = self._code_source(row)
            r = self.first + i
            if runs and runs[-1][2] == source and runs[-1][1] == r - 1:
                runs[-1][1] = r
            else:
                runs.append([r, r, source])
        col = list(self.letter).index("kode")
        for r0, r1, source in runs:
            self.ws.data_validation(r0, col, r1, col, {
                "validate": "list", "source": source, "error_type": "warning",
                "error_title": "Kode di luar daftar",
                "error_message": "Kode ini tidak ada di daftar nomenklatur. Pilih dari daftar; "
                                 "lanjutkan hanya bila kode ini sudah resmi."})
        for c, spec in enumerate(self.columns):
            kind = spec.get("kind", "text")
            rule = validation(kind, self.lists) if kind != "code" else None
            if rule:
                self.ws.data_validation(self.first, c, self.sep, c, rule)

    def highlight(self) -> None:
        """Conditional formats that show mistakes while typing: a sub kegiatan row (17-char
        code) with an empty required cell turns pink; a program/kegiatan pagu whose formula
        was typed over turns amber (ISFORMULA: Excel 2013+, LibreOffice)."""
        a, first, last = self.letter["kode"], self.first, self.sep
        for key in ("nama", "indikator", "lokasi", "target", "pagu", "target_n1", "pagu_n1"):
            col = self.letter[key]
            self.ws.conditional_format(f"{col}{first + 1}:{col}{last + 1}", {
                "type": "formula", "format": self.fmt.missing,
                "criteria": f"=AND(LEN(${a}{first + 1})=17,LEN({col}{first + 1})=0)"})
        for key in ("pagu", "pagu_n1"):
            col = self.letter[key]
            self.ws.conditional_format(f"{col}{first + 1}:{col}{last + 1}", {
                "type": "formula", "format": self.fmt.overwritten,
                "criteria": f"=AND(LEN(${a}{first + 1})>0,LEN(${a}{first + 1})<17,"
                            f"NOT(_xlfn.ISFORMULA({col}{first + 1})))"})

    def _code_source(self, row: PlanRow) -> str:
        if row.level != "sub_kegiatan":
            return self.lists.by_level[row.level]
        parent = row.parent or parent_code(row.kode or "")
        span = self.lists.sub_rows.get(parent or "")
        if span:
            return f"={LIST_SHEET}!$F${span[0]}:$F${span[1]}"
        return self.lists.by_level["sub_kegiatan"]
