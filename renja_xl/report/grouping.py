"""One finding, many cells: the single definition of "the same finding".

Two issues are the same finding when they are in the same file, sheet and table, have the
same rule, severity and column, and say the same once every value of their row is left out
(`Issue.shape()`: the column name, year, level … of the message, not the cell's value). The
text report, the notebook HTML and the consolidated workbook's `Temuan` sheet show one line
per finding ("K7–K53 (47 sel)"); the JSON keeps one issue per cell.

`sort_issues` is the one reading order of every output: file (as given), sheet (in the order
its tables were found), row, column.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_GAPS = 0         # a pattern with gaps ("…") reads worse than a real example
Issue = Any          # report.issues.Issue (not imported: issues.py renders with this module)


__all__ = ["Finding", "group_issues", "sort_issues", "issue_order", "rule_counts", "cells_text"]


@dataclass(slots=True)
class Finding:
    """The issues of one finding, in reading order."""
    issues: list[Issue]

    @property
    def first(self) -> Issue:
        return self.issues[0]

    @property
    def count(self) -> int:
        return len(self.issues)

    @property
    def rule(self) -> str:
        return self.first.rule

    @property
    def severity(self) -> str:
        return self.first.severity

    def cells(self, lang: str = "id") -> str:
        """`'Tabel 2.1'!K7–K32` / `…!K7–K12, K15` (row ranges of the one column)."""
        return cells_text(self.issues)

    def message(self, lang: str = "id") -> str:
        """The message when every cell says the same, else the shared pattern with "…"
        where the row's values go."""
        messages = {i.message(lang) for i in self.issues}
        if len(messages) == 1:
            return messages.pop()
        pattern = self.first.pattern(lang)
        if pattern.count("…") <= MAX_GAPS:
            return pattern
        example = "e.g." if lang == "en" else "mis."
        return f"{example} {self.first.cell or self.first.where}: {self.first.message(lang)}"

    def label(self, lang: str = "id") -> str:
        """`(47 sel)` / `(47 cells)`, empty for a single cell."""
        if self.count == 1:
            return ""
        return f"({self.count} {'cells' if lang == 'en' else 'sel'})"


def finding_key(issue: Issue) -> tuple:
    return (issue.file, issue.sheet, issue.table, issue.rule, issue.severity, issue.col,
            issue.shape())


def issue_order(report_files=None, sheets=None):
    """A sort key: file (in the report's order), sheet (its tables' order, or the order of
    `sheets` — a workbook's sheet names — when given), row, column."""
    file_rank, sheet_rank = {}, {}
    for k, result in enumerate(report_files or ()):
        file_rank.setdefault(result.file, k)
        for table in result.tables:
            sheet_rank.setdefault((result.file, table.sheet), len(sheet_rank))

    order = {name: k for k, name in enumerate(sheets or ())}

    def key(issue: Issue):
        sheet = order.get(issue.sheet, len(order)) if sheets is not None else \
            sheet_rank.get((issue.file, issue.sheet), len(sheet_rank))
        return (file_rank.get(issue.file, len(file_rank)), issue.file, issue.sheet is not None,
                sheet, issue.sheet or "", issue.row or 0, -1 if issue.col is None else issue.col)
    return key


def sort_issues(issues, report_files=None, sheets=None) -> list[Issue]:
    """The issues in reading order (a stable sort: same cell keeps the checking order)."""
    return sorted(issues, key=issue_order(report_files, sheets))


def group_issues(issues, report_files=None) -> list[Finding]:
    """The findings, in reading order of their first cell."""
    groups: dict[tuple, list[Issue]] = {}
    for issue in sort_issues(issues, report_files):
        groups.setdefault(finding_key(issue), []).append(issue)
    return [Finding(found) for found in groups.values()]


def rule_counts(issues) -> list[tuple[str, str, int]]:
    """(rule, severity, number of cells), most frequent first, errors before warnings."""
    counts: dict[tuple[str, str], int] = {}
    for issue in issues:
        key = (issue.rule, issue.severity)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][1] != "error", -kv[1], kv[0][0]))
    return [(rule, severity, n) for (rule, severity), n in ordered]


def cells_text(issues: list[Issue], most: int = 4) -> str:
    """Where a finding is: `'Tabel 2.1'!K7–K32, K35` (row runs of one column), or the sheet /
    rows alone when there is no cell."""
    first = issues[0]
    if len(issues) == 1 or first.sheet is None:
        return first.where
    rows = sorted({i.row for i in issues if i.row is not None})
    if not rows:
        return first.where
    letter = first.column or ""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    parts = [f"{letter}{a}" if a == b else f"{letter}{a}–{letter}{b}" for a, b in runs]
    if not letter:
        parts = [p if "–" in p else f"{p}:{p}" for p in parts]
    if len(parts) > most:
        parts = parts[:most - 1] + ["…", parts[-1]]
    sheet = "'" + first.sheet.replace("'", "''") + "'"
    return f"{sheet}!{', '.join(parts)}"
