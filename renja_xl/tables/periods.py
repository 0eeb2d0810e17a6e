"""Which year a plan column belongs to: year n, n+1, or an earlier year left out of the plan.

From the years its header names ("Rencana Tahun 2025", "Prakiraan Maju 2026"), from n-words
("Realisasi n-1", "Tahun Berjalan (n)", "n+1"), or from the title line when the header names no
year ("… TAHUN 2025"). Used by `columns.PlanKeys`.
"""
from __future__ import annotations

import re

__all__ = ["plan_years", "period", "says_n1", "title_year"]


def plan_years(years: list[int]) -> tuple[int | None, int | None]:
    """Year n and n+1 from the years in a header: the last two when there are more
    ("Realisasi 2024 | Rencana 2025 | Prakiraan Maju 2026")."""
    if not years:
        return None, None
    if len(years) == 1:
        return years[0], years[0] + 1
    return years[-1] - 1, years[-1]


_N_PLUS = re.compile(r"\bn\s*\+\s*[1-9]\b", re.I)
_N_MINUS = re.compile(r"\bn\s*[-–]\s*[1-9]\b", re.I)


def period(label: str, raw: str, n_year, n1_year, seen: int) -> str | None:
    """'n', 'n1', or None for a column of an earlier year."""
    padded = f" {label} "
    if " prakiraan maju " in padded or _N_PLUS.search(raw):
        return "n1"
    if _N_MINUS.search(raw):                 # "Realisasi n-1": an earlier year, not n+1
        return None
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", raw)]
    if years and n_year:
        if max(years) >= n1_year:
            return "n1"
        if max(years) == n_year:
            return "n"
        return None
    if " n " in padded or " tahun berjalan " in padded:   # "Rencana Tahun Berjalan (n)"
        return "n"
    return "n1" if seen >= 1 else "n"


def says_n1(label: str, raw: str, n1_year) -> bool:
    """A column of year n+1 only when its header says so (Prakiraan Maju, n+1, the year)."""
    padded = f" {label} "
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", raw)]
    return (" prakiraan maju " in padded or bool(_N_PLUS.search(raw))
            or bool(n1_year and years and max(years) >= n1_year))


def title_year(lines: list[str]) -> tuple[int | None, int | None]:
    """Year n (and n+1) from the closest title line that names one ("… TAHUN 2025")."""
    for line in reversed(lines):
        years = [int(y) for y in re.findall(r"\btahun\s+((?:19|20)\d{2})\b", line, re.I)]
        if years:
            return years[0], years[0] + 1
    return None, None
