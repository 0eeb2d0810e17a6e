"""Issues and reports: each problem a typed object with a rule, a message and an Excel position.

Like frictionless errors: `Issue.rule` is a stable id from `rules.RULES`, which gives the
category, severity and message templates; the position is the sheet, 1-based Excel row and
column letter of the original file. `Report` gathers the issues and per-file results of one
`check` and renders them as JSON (the contract), text, a DataFrame or HTML.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass, field
from typing import Any

from .rules import CHILD_LEVEL, LEVEL_NAMES, RULES, template_fields

__all__ = ["Issue", "TableInfo", "FileResult", "Report", "column_letter", "column_index", "rows_text",
           "shorten", "ISSUE_FIELDS"]

MAX_ECHO = 80          # characters of a cell value repeated in a message
# parameters that name the finding (column, year, level …); every other one is a value of
# the row and differs from cell to cell of the same finding
STRUCTURAL = frozenset({"field", "missing", "year", "year_n1", "level", "parent_level",
                        "placed_level", "half", "half_en", "label", "how", "kind", "direction",
                        "other_table", "plan_year", "prev_year", "child_name", "level_name",
                        "level_title", "parent_name", "placed_name", "file"})

ISSUE_FIELDS = ("file", "sheet", "row", "column", "cell", "table", "kode", "rule", "category",
                "severity", "message", "value", "expected")


def column_letter(index: int | None) -> str | None:
    """0-based column index -> Excel letters (0 -> 'A', 27 -> 'AB')."""
    if index is None:
        return None
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(ref: str) -> int:
    """Excel letters (or a cell reference) -> 0-based column index ('A' -> 0, 'AB12' -> 27)."""
    index = 0
    for ch in ref:
        if not ch.isalpha():
            break
        index = index * 26 + ord(ch.upper()) - 64
    return index - 1


def rows_text(rows: list[int], limit: int = 12) -> str:
    """Excel rows as a message lists them: '8, 11, 15' or '8, 9, …, (+30)'."""
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f", … (+{len(rows) - limit})" if len(rows) > limit else "")


@dataclass(slots=True)
class Issue:
    rule: str
    file: str
    sheet: str | None = None
    row: int | None = None          # 1-based Excel row
    col: int | None = None          # 0-based column index
    table: str | None = None
    kode: str | None = None
    value: Any = None
    expected: Any = None
    params: dict = field(default_factory=dict)
    severity_override: str | None = None

    @property
    def category(self) -> str:
        return RULES[self.rule].category

    @property
    def severity(self) -> str:
        return self.severity_override or RULES[self.rule].severity

    @property
    def column(self) -> str | None:
        return column_letter(self.col)

    @property
    def cell(self) -> str | None:
        if self.row is None or self.col is None:
            return None
        return f"{self.column}{self.row}"

    @property
    def where(self) -> str:
        """`'Tabel 4.1'!K12` (or the sheet / row alone when that is all there is)."""
        if self.sheet is None:
            return ""
        sheet = "'" + self.sheet.replace("'", "''") + "'"
        if self.cell:
            return f"{sheet}!{self.cell}"
        if self.row is not None:
            return f"{sheet}!{self.row}:{self.row}"
        return sheet

    def message(self, lang: str = "id") -> str:
        """The rule's text with this cell's values (long values cut with "…")."""
        return self._render(lang, keep_values=True)

    def pattern(self, lang: str = "id") -> str:
        """The message with every value from the row shown as "…": what all cells of one
        finding share (see `report.grouping`)."""
        return self._render(lang, keep_values=False)

    def shape(self) -> tuple:
        """The parameters that are part of the finding, not values of its row."""
        return tuple(sorted((k, str(v)) for k, v in self.params.items() if k in STRUCTURAL))

    def _render(self, lang: str, keep_values: bool) -> str:
        rule = RULES[self.rule]
        template = rule.en_text if lang == "en" else rule.id_text
        names = LEVEL_NAMES["en" if lang == "en" else "id"]
        ctx = {"value": _show(self.value), "expected": _show(self.expected),
               "kode": self.kode or "", "file": self.file}
        empty = "empty" if lang == "en" else "kosong"
        ctx.update({k: empty if v is None else _cut(v) for k, v in self.params.items()})
        if not keep_values:
            ctx = {k: v if k in STRUCTURAL else "…" for k, v in ctx.items()}
        for key in ("level", "parent_level", "placed_level"):
            if key in self.params:
                prefix = key.removesuffix("level")
                ctx[prefix + "level_name"] = names.get(self.params[key], self.params[key])
        if "level" in self.params:
            ctx["level_title"] = ctx["level_name"][:1].upper() + ctx["level_name"][1:]
            ctx["child_name"] = names.get(CHILD_LEVEL.get(self.params["level"]), "")
        ctx["parent_name"] = ctx.get("parent_level_name", "")
        ctx["placed_name"] = ctx.get("placed_level_name", "")
        missing = template_fields(template) - ctx.keys()
        if missing:                    # a bug in the code that made the issue: say so, never crash
            if os.environ.get("RENJA_XL_STRICT_MESSAGES"):
                raise KeyError(f"rule {self.rule}: parameters {sorted(missing)} missing")
            ctx.update({name: "?" for name in missing})
            note = (" (message incomplete: please report this to the renja_xl developers)" if lang == "en"
                    else " (pesan tidak lengkap: mohon laporkan ke pengembang renja_xl)")
            return template.format(**ctx) + note
        return template.format(**ctx)

    def to_dict(self, lang: str = "id") -> dict:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "cell": self.cell, "table": self.table, "kode": self.kode, "rule": self.rule,
                "category": self.category, "severity": self.severity,
                "message": self.message(lang), "value": _jsonable(self.value),
                "expected": _jsonable(self.expected)}


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return f"{value:.6g}"
    return _cut(str(value))


def _cut(value):
    """A long echoed cell cut to a readable length (one line, ending in "…")."""
    if not isinstance(value, str):
        return value
    text = " ".join(value.split()) if "\n" in value or "  " in value else value
    return shorten(text, MAX_ECHO)


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _jsonable(value):
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


@dataclass(slots=True)
class TableInfo:
    sheet: str
    table: str
    first_row: int
    last_row: int
    rows: int
    header_rows: tuple[int, int] = (0, 0)
    skipped: dict = field(default_factory=dict)   # kind of skipped row -> count
    columns: dict = field(default_factory=dict)   # field -> column letter(s)
    levels: dict = field(default_factory=dict)    # program/kegiatan/sub_kegiatan -> count

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "table": self.table, "first_row": self.first_row,
                "last_row": self.last_row, "rows": self.rows,
                "levels": dict(self.levels),
                "header_rows": list(self.header_rows), "skipped_rows": dict(self.skipped),
                "columns": dict(self.columns)}


@dataclass(slots=True)
class FileResult:
    file: str
    status: str = "ok"                      # ok | invalid | unreadable
    kecamatan: str | None = None
    tables: list[TableInfo] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    reason: str | None = None               # rule id when unreadable

    def to_dict(self) -> dict:
        return {"file": self.file, "status": self.status, "kecamatan": self.kecamatan,
                "tables": [t.to_dict() for t in self.tables], "errors": self.errors,
                "warnings": self.warnings, "reason": self.reason}


class Report:
    """The result of checking one or more files."""

    def __init__(self, files: list[FileResult] | None = None, issues: list[Issue] | None = None,
                 lang: str = "id"):
        self.files = files or []
        self.issues = issues or []
        self.lang = lang
        self.nomenclature: dict | None = None    # the official/stored list used (None: built-in)

    # -- building ---------------------------------------------------------------------------
    def add(self, result: FileResult, issues: list[Issue]) -> None:
        result.errors = sum(1 for i in issues if i.severity == "error")
        result.warnings = len(issues) - result.errors
        if result.status == "ok" and result.errors:
            result.status = "invalid"
        self.files.append(result)
        self.issues.extend(issues)

    def extend(self, other: "Report") -> None:
        self.files.extend(other.files)
        self.issues.extend(other.issues)

    # -- reading ----------------------------------------------------------------------------
    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def exit_code(self) -> int:
        if any(f.status == "unreadable" for f in self.files):
            return 2
        return 1 if self.errors else 0

    def by_rule(self, rule: str) -> list[Issue]:
        return [i for i in self.issues if i.rule == rule]

    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self):
        return iter(self.issues)

    # -- rendering --------------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict:
        lang = lang or self.lang
        out = {"version": 1, "files": [f.to_dict() for f in self.files],
               "issues": [i.to_dict(lang) for i in self.issues]}
        if self.nomenclature:                   # added field: version 1 readers ignore it
            out["nomenklatur"] = dict(self.nomenclature)
        return out

    def to_json(self, lang: str | None = None, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def write_json(self, stream, lang: str | None = None, indent: int | None = None) -> None:
        """The JSON report written to a text stream. Compact (`indent=None`): streamed file by
        file and issue by issue with the C encoder, so a report of a million issues never
        sits in memory as one dict or one string; the same document as `to_json`, without
        the whitespace. With `indent`: `to_json(lang, indent)`, for people to read."""
        lang = lang or self.lang
        if indent is not None:
            stream.write(self.to_json(lang, indent))
            return
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        stream.write('{"version":1,"files":[')
        for n, result in enumerate(self.files):
            stream.write(("," if n else "") + dumps(result.to_dict()))
        stream.write('],"issues":[')
        for n, issue in enumerate(self.issues):
            stream.write(("," if n else "") + dumps(issue.to_dict(lang)))
        stream.write("]")
        if self.nomenclature:
            stream.write(',"nomenklatur":' + dumps(dict(self.nomenclature)))
        stream.write("}")

    def to_frame(self, lang: str | None = None):
        import pandas as pd
        lang = lang or self.lang
        return pd.DataFrame([i.to_dict(lang) for i in self.issues], columns=list(ISSUE_FIELDS))

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, lang: str | None = None, limit: int = 500, every: bool = False) -> str:
        """An HTML table, one row per finding (`every`: per cell), errors first."""
        from .grouping import group_issues, sort_issues
        lang = lang or self.lang
        if every:
            rows = [(i.where, "", i.message(lang), i) for i in sort_issues(self.issues, self.files)]
        else:
            rows = [(f.cells(lang), f.label(lang), f.message(lang), f.first)
                    for f in group_issues(self.issues, self.files)]
        rows.sort(key=lambda row: row[3].severity != "error")
        head = "".join(f"<th>{h}</th>" for h in ("file", "cell", "n", "severity", "rule", "message"))
        body = []
        for where, label, message, i in rows[:limit]:
            colour = "#fdd" if i.severity == "error" else "#ffc"
            body.append(
                f"<tr style='background:{colour}'><td>{html.escape(i.file)}</td>"
                f"<td>{html.escape(where)}</td><td>{html.escape(label)}</td><td>{i.severity}</td>"
                f"<td>{i.rule}</td><td style='text-align:left'>{html.escape(message)}</td></tr>")
        more = (f"<p>… {len(rows) - limit} lagi</p>" if len(rows) > limit else "")
        summary = html.escape(self.summary_line(lang))
        return f"<p>{summary}</p><table><tr>{head}</tr>{''.join(body)}</table>{more}"

    def __repr__(self) -> str:
        return f"<Report {self.summary_line('en')}>"

    def summary_line(self, lang: str = "id") -> str:
        n_files, n_err, n_warn = len(self.files), len(self.errors), len(self.warnings)
        if lang == "en":
            return f"{n_files} file(s), {n_err} error(s), {n_warn} warning(s)"
        return f"{n_files} file, {n_err} kesalahan, {n_warn} peringatan"
