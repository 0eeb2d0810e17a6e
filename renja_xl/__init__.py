"""renja_xl: read, validate, reconcile and consolidate Indonesian Renja workbooks.

    import renja_xl
    df = renja_xl.read_renja("Renja_Kec_Kejobong_2025.xlsx")    # tidy plan rows
    report = renja_xl.check("Renja_Kec_Kejobong_2025.xlsx")     # issues with Excel cells
    report.to_frame()

Heavy dependencies (pandas, pandera) are imported only when a function needs them.
"""
from __future__ import annotations

__version__ = "0.1.0"

# `check` is both a submodule and a function: bind the function now, so that importing the
# submodule later (which sets the package attribute) cannot shadow it. Light: no pandas here.
from .check import check  # noqa: E402
from .consolidate import consolidate  # noqa: E402  (same reason; no pandas at import)

_EXPORTS = {
    "read_renja": "tables.reader", "read_file": "tables.reader", "RenjaFile": "tables.reader",
    "check_file": "check", "Options": "check", "expand_paths": "check",
    "Report": "report.issues", "Issue": "report.issues", "FileResult": "report.issues", "TableInfo": "report.issues",
    "RULES": "report.rules", "CATEGORIES": "report.rules",
    "plan_schema": "validate.schema", "table_schema": "validate.table_schema",
    "Limits": "read.workbook", "ReadError": "read.workbook",
    "Consolidation": "consolidate",
    "load_nomenclature": "validate.nomenclature",
    "write_template": "write.template",
    "parse_number": "read.numbers", "parse_money": "read.numbers", "parse_target": "read.numbers",
    "format_rupiah": "read.numbers", "parse_code": "read.codes",
}
__all__ = sorted([*_EXPORTS, "check", "consolidate"])


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'renja_xl' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
