"""The Renstra matrix (table kind `renstra`) and the Renja checked against it.

Checks of the matrix itself (declared in tables.toml, run from `other.py`):
- `check_rollup`: the dana of every year, program = Σ kegiatan = Σ sub kegiatan (`rollup`);
- `check_hierarchy`: a code twice, a kegiatan/sub kegiatan whose parent is not in the matrix
  or stands below it;
- `check_final_condition`: the Kondisi Akhir column against the last year's target (warning).
The target direction and formula errors are the other tables' checks.

Renja vs Renstra (category `crosscheck`): both sides are reduced to plain, picklable digests
(`plan_digest`, `renstra_digest`) so that a Renstra sent as its own file can be paired with
the Renja of the same agency after the files were checked apart (`pair_by_agency`), or read
once for `--renstra FILE`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..read.codes import four_digit_form
from ..read.numbers import format_rupiah
from ..report.issues import Issue
from ..validate.nomenclature import fold
from ..report.data import schema_toml
from ..tables.generic import Cell, GenericTable, parse_cell
from .rollup import children_of, rollup_gaps

__all__ = ["check_rollup", "check_hierarchy", "check_final_condition", "RenstraDigest",
           "renstra_digest", "renstra_of", "plan_digest", "check_against_renstra",
           "pair_by_agency", "read_renstra", "same_place", "FileDigest", "file_digest"]

_LEVELS = ("program", "kegiatan", "sub_kegiatan")


def _items(gt: GenericTable) -> list[dict]:
    """The rows that name a program/kegiatan/sub kegiatan (not the extra indicator lines)."""
    return [r for r in gt.rows if r.get("level") in _LEVELS and not r.extra]


def check_rollup(gt: GenericTable, tolerance: float = 0.0) -> list[Issue]:
    from ..report.issues import rows_text
    rows = _items(gt)
    kids = children_of(rows)
    issues = []
    for column in gt.series("dana"):
        year = column.year or column.key.rsplit("_", 1)[-1]
        for gap in rollup_gaps(rows, column.key, kids, tolerance):
            parent, value, total = gap.parent, gap.value, gap.total
            issues.append(gt.issue(
                "renstra-dana-rollup", parent["row"], column.key, kode=parent["kode"],
                value=value, expected=total,
                params={"year": year, "level": parent["level"],
                        "shown": format_rupiah(value) if value is not None else "kosong",
                        "n": len(gap.children), "sum_shown": format_rupiah(total),
                        "diff_shown": format_rupiah(abs((value or 0.0) - total)),
                        "rows": rows_text([k["row"] for k in gap.children])}))
    return issues


def check_hierarchy(gt: GenericTable) -> list[Issue]:
    """Duplicated codes; a parent missing from the matrix or written below its child."""
    issues = []
    first: dict[str, dict] = {}
    for row in _items(gt):
        key = four_digit_form(row["kode"])
        if key in first:
            issues.append(gt.issue("kode-duplicate", row["row"], "kode", kode=row["kode"],
                                   value=row["kode"], expected=first[key]["row"],
                                   params={"first_row": first[key]["row"]}))
        else:
            first[key] = row
    order = {id(r): i for i, r in enumerate(_items(gt))}
    for row in first.values():
        if row["level"] == "program":
            continue
        parent = first.get(four_digit_form(row["parent_kode"] or ""))
        parent_level = "program" if row["level"] == "kegiatan" else "kegiatan"
        params = {"level": row["level"], "parent_level": parent_level,
                  "parent": row["parent_kode"]}
        if parent is None:
            issues.append(gt.issue("parent-missing", row["row"], "kode", kode=row["kode"],
                                   value=row["kode"], expected=row["parent_kode"], params=params))
        elif order[id(parent)] > order[id(row)]:
            params["parent_row"] = parent["row"]
            issues.append(gt.issue("child-before-parent", row["row"], "kode", kode=row["kode"],
                                   value=row["kode"], expected=row["parent_kode"], params=params))
    return issues


def _last_target(gt: GenericTable) -> object:
    series = gt.series("target")
    dated = [c for c in series if c.year]
    return max(dated, key=lambda c: c.year) if len(dated) == len(series) and dated else (
        series[-1] if series else None)


def check_final_condition(gt: GenericTable) -> list[Issue]:
    """Kondisi Akhir that disagrees with the last year's target (warning)."""
    from .crosscheck import values_agree
    from ..validate.computed import units_agree
    last = _last_target(gt)
    if last is None or not gt.has("kondisi_akhir"):
        return []
    issues = []
    for row in gt.rows:
        final, target = row.cells.get("kondisi_akhir"), row.cells.get(last.key)
        if not final or not target or final.value is None or target.value is None:
            continue
        if not units_agree(final.unit, target.unit) or values_agree(final, target):
            continue
        issues.append(gt.issue("renstra-final-differs", row["row"], "kondisi_akhir",
                               kode=row.get("kode"), value=shown(final), expected=shown(target),
                               params={"year": last.year or last.caption}))
    return issues


def shown(cell: Cell) -> str:
    """A value as staff write it: '4,5', '12 Dokumen'."""
    from ..read.numbers import format_number
    return format_number(cell.value) if cell.numeric_cell else cell.text


# -- Renja vs Renstra ---------------------------------------------------------------------------
@dataclass(slots=True)
class RenstraDigest:
    """What the Renja is checked against (plain data, picklable)."""
    file: str
    agency: str | None
    sheet: str
    items: dict = field(default_factory=dict)   # 4-digit code -> {"row", "indicators", "dana"}
    cols: dict = field(default_factory=dict)    # "target_2025"/"dana_2025" -> column

    def where(self, row: int, key: str) -> str:
        from .crosscheck import where
        return f"{os.path.basename(self.file)}: " + where(self.sheet, row, self.cols.get(key))


def renstra_digest(gt: GenericTable, agency: str | None) -> RenstraDigest:
    from .crosscheck import indicator_key
    digest = RenstraDigest(file=gt.file, agency=agency, sheet=gt.sheet,
                           cols={c.key: c.col for c in gt.columns})
    targets = [c for c in gt.series("target") if c.year]
    dana = [c for c in gt.series("dana") if c.year]
    for row in gt.rows:
        if row.get("level") not in _LEVELS:
            continue
        item = digest.items.setdefault(four_digit_form(row["kode"]), {
            "row": row["row"], "level": row["level"], "indicators": [],
            "dana": {c.year: (row.get(c.key), row["row"], c.key) for c in dana}})
        if row.get("indikator"):
            cells = {c.year: (row.cells.get(c.key), row["row"], c.key) for c in targets}
            item["indicators"].append((indicator_key(row["indikator"]), row.get("satuan"), cells))
    return digest


def renstra_of(renja) -> RenstraDigest | None:
    """The digest of the Renstra matrix in this workbook, if it has one (levels assigned)."""
    tables = [t for t in renja.tables if t.table_id == "renstra"]
    if not tables:
        return None
    digest = renstra_digest(tables[0], renja.kecamatan)
    for gt in tables[1:]:
        more = renstra_digest(gt, renja.kecamatan)
        for code, item in more.items.items():
            digest.items.setdefault(code, item)
    return digest


def plan_digest(renja) -> list[dict]:
    """The plan rows the Renstra check needs, with their cells (plain data)."""
    out = []
    for plan in renja.plans:
        if plan.recap or plan.foreign:        # a REKAP repeats the detail's programs
            continue
        year = plan.layout.years[0]
        cols = {name: plan.col(name) for name in ("kode", "target", "pagu")}
        for row in plan.rows:
            if row.get("level") not in _LEVELS or not row.get("kode"):
                continue
            out.append({"file": plan.file, "sheet": plan.sheet, "row": row["row"],
                        "kode": row["kode"], "level": row["level"], "year": year,
                        "indikator": row.get("indikator"), "target": row.text("target"),
                        "pagu": row.get("pagu"), "cols": cols})
    return out


def _issue(p: dict, rule: str, col: str, **kw) -> Issue:
    return Issue(rule=rule, file=p["file"], sheet=p["sheet"], row=p["row"], col=p["cols"][col],
                 table="rencana", kode=p["kode"], **kw)


def check_against_renstra(plan: list[dict], renstra: RenstraDigest) -> list[Issue]:
    """A Renja code absent from the Renstra; a year-n target that differs from the Renstra's
    for the same code and indicator; a program pagu above the Renstra dana of the year."""
    issues = []
    for p in plan:
        item = renstra.items.get(four_digit_form(p["kode"]))
        if item is None:
            issues.append(_issue(p, "renstra-kode-missing", "kode", value=p["kode"],
                                 params={"level": p["level"],
                                         "renstra": os.path.basename(renstra.file)}))
            continue
        issues += _target_against(p, item, renstra)
        dana = item["dana"].get(p["year"])
        if p["level"] == "program" and dana and dana[0] is not None and p["pagu"] is not None \
                and p["pagu"] > dana[0]:
            issues.append(_issue(p, "renstra-pagu-above", "pagu", value=p["pagu"],
                                 expected=dana[0],
                                 params={"year": p["year"], "shown": format_rupiah(p["pagu"]),
                                         "expected_shown": format_rupiah(dana[0]),
                                         "other_where": renstra.where(dana[1], dana[2])}))
    return issues


def _target_against(p: dict, item: dict, renstra: RenstraDigest) -> list[Issue]:
    from .crosscheck import indicator_key, same_indicator, values_agree
    from ..validate.targets import unit_key
    if not p["target"] or not p["indikator"]:
        return []
    key = indicator_key(p["indikator"])
    for ikey, satuan, cells in item["indicators"]:
        if not same_indicator(ikey, key):
            continue
        hit = cells.get(p["year"])
        if hit is None or hit[0] is None or hit[0].value is None:
            return []
        theirs: Cell = hit[0]
        unit = theirs.unit or satuan or ""          # the unit in its own Satuan column
        ours = parse_cell(p["target"])
        if ours.value is None:
            return []
        same_unit = not ours.unit or not unit or unit_key(ours.unit) == unit_key(unit)
        if same_unit and values_agree(ours, theirs):
            return []
        expected = shown(theirs) + (f" {unit}" if unit and not theirs.unit else "")
        return [_issue(p, "renstra-target-differs", "target", value=p["target"],
                       expected=expected,
                       params={"year": p["year"], "indikator": p["indikator"][:80],
                               "other_where": renstra.where(hit[1], hit[2])})]
    return []


def read_renstra(path: str, nomenclature=None) -> RenstraDigest | None:
    """The Renstra of a workbook given with `--renstra FILE` (None when it has none)."""
    from ..tables.reader import read_file
    from .review import assign_all_levels
    renja = read_file(path)
    if renja.error is not None:
        return None
    assign_all_levels(renja, nomenclature)
    return renstra_of(renja)


@dataclass(slots=True)
class FileDigest:
    """What one checked file brings to the Renja vs Renstra pairing (plain, small data: the
    plan rows are read again only for a Renja that has a Renstra to be checked against)."""
    path: str
    agency: str | None = None
    has_plan: bool = False
    renstra: RenstraDigest | None = None


def file_digest(renja) -> FileDigest:
    return FileDigest(renja.path, renja.kecamatan, bool(renja.plans), renstra_of(renja))


def pair_by_agency(files: list[FileDigest | None], limits=None) -> list[list[Issue]]:
    """Per file (in order): the issues of its Renja against the Renstra of the same agency sent
    as another file in the same call (matched by the agency name, exactly one match). A file
    with its own Renstra was checked against it already."""
    from ..tables.reader import read_file
    renstras = [(i, f.renstra) for i, f in enumerate(files) if f and f.renstra is not None]
    out: list[list[Issue]] = [[] for _ in files]
    if not renstras:
        return out
    for i, f in enumerate(files):
        if f is None or f.renstra is not None or not f.has_plan or not f.agency:
            continue
        match = [r for j, r in renstras if j != i and r.agency and same_place(r.agency, f.agency)]
        if len(match) == 1:
            renja = read_file(f.path, limits) if limits is not None else read_file(f.path)
            if renja.error is None:
                out[i] = check_against_renstra(plan_digest(renja), match[0])
    return out


_UNIT_WORDS = frozenset(schema_toml("words.toml")["unit_place_words"])


def same_place(a: str | None, b: str | None) -> bool:
    """'Kejobong' ~ 'Kec. Kejobong' ~ 'KECAMATAN KEJOBONG'."""
    def core(text):
        words = [w for w in fold(text).split() if w not in _UNIT_WORDS]
        return " ".join(words)
    return core(a) == core(b)
