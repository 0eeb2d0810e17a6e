"""Review terhadap Rancangan Awal RKPD: levels, roll-ups of both halves.

A row's level comes from its code when the table has a Kode column (`assign_levels`, shared
with the Renstra matrix). Without a code, a row is a program when its name starts with
"PROGRAM" or is written in capitals; otherwise its name is looked up in the nomenclature (a
kegiatan name or a sub kegiatan name); a name not found there is a sub kegiatan when the row
has a target and a kegiatan when it has none. Each half (Rancangan Awal RKPD | Hasil Analisis
Kebutuhan) is reconciled on its own (`rollup`): program = Σ kegiatan, kegiatan = Σ sub kegiatan.
"""
from __future__ import annotations

from functools import lru_cache

from ..read.codes import GROUP_LEVELS, level_of, parent_code, parse_code
from ..tables.generic import GenericTable, TableRow
from ..report.issues import Issue, rows_text
from ..validate.nomenclature import Nomenclature, fold
from ..read.numbers import format_rupiah
from .rollup import children_of, rollup_gaps

__all__ = ["assign_levels", "check_review", "program_code", "name_level", "code_levels", "assign_all_levels"]


@lru_cache(maxsize=8)
def _index(nomenclature: Nomenclature):
    """folded name -> (level, kode) for programs, kegiatan and sub kegiatan."""
    exact: dict[str, tuple[str, str]] = {}
    by_level: dict[str, dict[str, str]] = {"program": {}, "kegiatan": {}, "sub_kegiatan": {}}
    # generic X.XX.01 codes last: a name listed under its own code is found there first; the
    # official list has the generic program under X.XX only (callers map it to their urusan)
    items = sorted(nomenclature._folded.items(), key=lambda item: item[0].startswith("X"))
    for kode, folded in items:
        level = level_of(kode)
        if level not in by_level:
            continue
        name = _strip_program(folded) if level == "program" else folded
        exact.setdefault(name if level != "program" else "program " + name, (level, kode))
        by_level[level][kode] = name
    return exact, by_level


def _strip_program(folded: str) -> str:
    return folded.removeprefix("program ").strip()


def name_level(name: str | None, nomenclature: Nomenclature, score: int = 90):
    """(level, kode) of a kegiatan/sub kegiatan name in the nomenclature, or (None, None)."""
    if not name:
        return None, None
    exact, by_level = _index(nomenclature)
    folded = fold(name)
    if folded in exact and exact[folded][0] != "program":
        return exact[folded]
    from rapidfuzz import fuzz, process
    best = (None, None, 0.0)
    for level in ("kegiatan", "sub_kegiatan"):
        match = process.extractOne(folded, by_level[level], scorer=fuzz.token_sort_ratio,
                                   processor=None, score_cutoff=score)
        if match and match[1] > best[2]:
            best = (level, match[2], match[1])
    return best[0], best[1]


def program_code(name: str | None, nomenclature: Nomenclature, score: int = 85) -> str | None:
    """The nomenclature code of a program name ('PROGRAM PEMBERDAYAAN …' -> '7.01.03')."""
    if not name:
        return None
    from rapidfuzz import fuzz, process
    _, by_level = _index(nomenclature)
    match = process.extractOne(_strip_program(fold(name)), by_level["program"],
                               scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=score)
    return match[2] if match else None


def _is_program(name: str, words) -> bool:
    folded = fold(name)
    if any(folded == w or folded.startswith(w + " ") for w in words):
        return True
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 8 and all(ch.isupper() for ch in letters)


_LEVELS = frozenset(("program", "kegiatan", "sub_kegiatan"))


def code_levels(gt: GenericTable) -> bool:
    """Levels from the Kode column(s): `kode` (normalised), `level`, `parent_kode` on each row
    with a code of a plan level; a row without code nor name that only adds an indicator
    belongs to the item above it (`extra`); any other row gets level None. A Kode column per
    half of a Review counts as one (the first filled). False when no row has a code."""
    keys = [c.key for c in gt.columns if c.name == "kode"]
    if not keys or not any(row.get(k) for row in gt.rows for k in keys):
        return False
    item = None
    for row in gt.rows:
        key = next((k for k in keys if row.get(k)), None)
        raw = row.get(key) if key else None
        code = parse_code((row.parts or {}).get(key) or [raw]) if raw else None
        if code is not None and code.level in _LEVELS:
            row.update(kode=code.kode, level=code.level, parent_kode=parent_code(code.kode))
            item = row
        elif code is not None and code.level in GROUP_LEVELS:     # an urusan/bidang row:
            row.update(level=None, parent_kode=None)              # no item, its code as written
            item = None
        elif not raw and not _name_of(gt, row) and item is not None:
            row.update(kode=item["kode"], level=item["level"], parent_kode=item["parent_kode"])
            row.extra = True
        else:
            row.update(level=None, parent_kode=None)
    return True


def _group_row(gt: GenericTable, row: TableRow) -> bool:
    """The row's code is an urusan or bidang code ('7', '7.01')."""
    for key in (c.key for c in gt.columns if c.name == "kode"):
        if row.get(key):
            return parse_code((row.parts or {}).get(key) or [row.get(key)]).level in GROUP_LEVELS
    return False


def _name_of(gt: GenericTable, row: TableRow) -> str | None:
    return next((row[c.key] for c in gt.columns if c.name == "nama" and row.get(c.key)), None)


def assign_all_levels(renja, nomenclature) -> None:
    """Levels of the rows of the tables that have them (`levels` in tables.toml): from the
    codes, or (`levels = "codes_or_names"`) from the names when the table has no code."""
    for gt in renja.tables:
        how = gt.table.options.get("levels")
        if how == "codes_or_names":
            assign_levels(gt, nomenclature)
        elif how == "codes":
            code_levels(gt)


def assign_levels(gt: GenericTable, nomenclature: Nomenclature) -> None:
    """Set `level` (program / kegiatan / sub_kegiatan) and `program` on every review row:
    from its code when it has one, from its name otherwise."""
    coded = code_levels(gt)
    words = [fold(w) for w in gt.table.options.get("program_words", ["program"])]
    score = int(gt.table.options.get("subkegiatan_score", 90))
    names = [c.key for c in gt.columns if c.name == "nama"]
    targets = [c.key for c in gt.columns if c.name == "target"]
    for row in gt.rows:
        name = next((row[k] for k in names if row.get(k)), None)
        if coded and (row.get("level") or row.extra):
            level = row["level"]
        elif not name or (coded and _group_row(gt, row)):
            level = None                     # no name, or an urusan/bidang row (not a program)
        elif _is_program(name, words):
            level = "program"
        else:
            level, _ = name_level(name, nomenclature, score)
            if level is None:
                has_target = any(row.cells.get(k) and row.cells[k].text for k in targets)
                level = "sub_kegiatan" if has_target else "kegiatan"
        row["level"] = level


def check_review(gt: GenericTable, tolerance: float = 0.0) -> list[Issue]:
    issues: list[Issue] = []
    captions = gt.table.options.get("half_captions", {})
    rows = [r for r in gt.rows if not r.extra]
    kids = children_of(rows)
    for column in (c for c in gt.columns if c.name == "pagu"):
        half = captions.get(column.half, column.half or "")
        for gap in rollup_gaps(rows, column.key, kids, tolerance):
            parent, value, total = gap.parent, gap.value, gap.total
            nama = next((parent[c.key] for c in gt.columns
                         if c.name == "nama" and c.half == column.half and parent.get(c.key)),
                        None) or _name_of(gt, parent) or ""
            issues.append(gt.issue(
                "review-pagu-rollup", parent["row"], column.key, kode=parent.get("kode"),
                value=value, expected=total,
                params={"half": half, "half_en": half, "level": parent["level"],
                        "nama": nama[:70],
                        "shown": format_rupiah(value) if value is not None else None,
                        "n": len(gap.children), "sum_shown": format_rupiah(total),
                        "diff_shown": format_rupiah(abs((value or 0.0) - total)),
                        "rows": rows_text([k["row"] for k in gap.children])}))
        programs = [r for r in rows if r.get("level") == "program"]
        for total_row in gt.totals:
            value = total_row.get(column.key)
            values = [p.get(column.key) for p in programs]
            if value is None or not programs or any(v is None for v in values):
                continue
            expected = float(sum(values))
            if abs(round(value) - round(expected)) <= tolerance:
                continue
            issues.append(gt.issue(
                "total-mismatch", total_row["row"], column.key, value=value, expected=expected,
                params={"year": half, "n": len(programs), "shown": format_rupiah(value),
                        "level": "program", "sum_shown": format_rupiah(expected),
                        "diff_shown": format_rupiah(abs(value - expected))}))
    issues += _program_names(gt)
    return issues


def _program_names(gt: GenericTable) -> list[Issue]:
    """The same row names one program on the left and another on the right."""
    from rapidfuzz import fuzz
    halves = [c for c in gt.columns if c.name == "nama" and c.half]
    if len(halves) < 2:
        return []
    left, right = halves[0], halves[1]
    issues = []
    for row in gt.rows:
        a, b = row.get(left.key), row.get(right.key)
        if row.get("level") != "program" or not a or not b:
            continue
        fa, fb = _strip_program(fold(a)), _strip_program(fold(b))
        if fa == fb or fuzz.token_sort_ratio(fa, fb) >= 90:
            continue
        issues.append(gt.issue("review-program-differs", row["row"], right.key, value=b,
                               expected=a))
    return issues
