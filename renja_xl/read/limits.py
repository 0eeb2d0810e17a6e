"""The error every reading step raises, and the sizes a workbook may reach."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadError", "Limits"]


class ReadError(Exception):
    """The file cannot be read; `rule` is the rule id to report."""

    def __init__(self, rule: str, detail: str = ""):
        super().__init__(detail or rule)
        self.rule = rule
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Limits:
    """Sizes real Renja workbooks never reach; raise them for genuinely huge files."""
    max_file_bytes: int = 200 * 2**20          # on disk
    max_unzipped_bytes: int = 1 * 2**30        # declared, all entries together
    max_ratio: float = 200.0                   # declared / compressed, for entries > 1 MiB
    max_entries: int = 10_000
    max_cells: int = 2_000_000                 # rows x columns from A1, one sheet and all together


def area(rows: int, cols: int) -> int:
    return max(rows, 0) * max(cols, 0)


def check_areas(areas: list[tuple[str, int, int]], limits: Limits) -> None:
    """Refuse a sheet (or all sheets together) whose grid from A1 would be too big."""
    total = 0
    for name, rows, cols in areas:
        total += area(rows, cols)
        if area(rows, cols) > limits.max_cells:
            raise ReadError("file-too-large", f"sheet '{name}': {rows:,} baris x {cols:,} kolom"
                            .replace(",", "."))
    if total > limits.max_cells:
        raise ReadError("file-too-large", f"{len(areas)} sheet, {total:,} sel".replace(",", "."))


def short(exc: BaseException) -> str:
    """An exception as one short line for a message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]
