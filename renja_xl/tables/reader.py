"""Reading a whole submission: every sheet, every standard table, the kecamatan name."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..read.codes import PLAN_LEVELS
from ..report.issues import Issue, column_letter
from .layout import Grid, title_lines
from .plan import PLAN_FIELDS, PlanRow, PlanTable, mark_recaps, mark_versions, read_plan_tables
from .agency import UNIT as _UNIT, agency_of, kec_name as _kec_name, same_agency
from .defs import table_defs
from ..read.workbook import Limits, ReadError, load_sheets

__all__ = ["RenjaFile", "read_file", "read_renja", "plan_frame", "detect_kecamatan"]


@dataclass(slots=True)
class RenjaFile:
    path: str
    kecamatan: str | None = None
    plans: list[PlanTable] = field(default_factory=list)
    tables: list = field(default_factory=list)            # the other tables (GenericTable)
    issues: list[Issue] = field(default_factory=list)      # file- and table-level issues
    error: ReadError | None = None                         # set when the file is unreadable
    sheet_names: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def standalone(self) -> bool:
        """The file holds a document of its own without a plan table (a Renstra matrix:
        `standalone = true` in tables.toml)."""
        return any(t.table.options.get("standalone") for t in self.tables)

    def plan_records(self) -> list[PlanRow]:
        """The plan rows that count: a recap's excepted (its programs are those of the detail
        tables), and those of a copy or another version of a plan table (counted once)."""
        return [row for plan in self.plans if not (plan.recap or plan.foreign or plan.copy_of)
                for row in plan.rows]


def read_file(path: str, limits: Limits = Limits()) -> RenjaFile:
    """Read one workbook. Never raises for a bad file: `error` and `issues` say what is wrong."""
    result = RenjaFile(path=str(path))
    try:
        sheets = load_sheets(str(path), limits)
    except ReadError as exc:
        result.error = exc
        result.issues.append(Issue(rule=exc.rule, file=str(path), params={"detail": exc.detail}))
        return result
    except (OSError, MemoryError) as exc:
        err = ReadError("file-unreadable", getattr(exc, "strerror", None) or type(exc).__name__)
        result.error = err
        result.issues.append(Issue(rule=err.rule, file=str(path), params={"detail": err.detail}))
        return result
    result.sheet_names = [s.name for s in sheets]
    if not any(any(v != "" for v in row) for s in sheets for row in s.rows):
        result.issues.append(Issue(rule="file-empty", file=str(path)))
        return result
    plan_def = table_defs()["rencana"]
    grids = [Grid(s) for s in sheets]
    for grid in grids:
        if grid.height == 0:
            continue
        for plan in read_plan_tables(grid, plan_def, str(path)):
            result.plans.append(plan)
    mark_recaps(result.plans)
    _other_agencies(result.plans, {g.sheet.name: g for g in grids})
    mark_versions(result.plans, {s.name: s.hidden for s in sheets})
    from .generic import read_tables
    claimed: dict[str, list[tuple[int, int]]] = {}
    for plan in result.plans:
        claimed.setdefault(plan.sheet, []).append((plan.layout.header_first, plan.last_row - 1))
    result.tables = read_tables(grids, str(path), claimed)
    if not result.plans and not result.standalone:
        result.issues.append(Issue(rule="table-not-found", file=str(path)))
    result.kecamatan = detect_kecamatan(result, grids)
    hidden_rows = {s.name: s.hidden_rows for s in sheets if s.hidden_rows}
    for plan in result.plans:
        for row in plan.rows:
            row.kecamatan = result.kecamatan
        _column_issues(plan, result)
        _hidden_rows(plan, hidden_rows.get(plan.sheet))
    for table in result.tables:
        for row in table.rows:
            row.kecamatan = result.kecamatan
    return result


def _other_agencies(plans: list[PlanTable], grids: dict[str, Grid]) -> None:
    """A plan table whose title lines name another agency than the first plan's (two
    kecamatan's plans one below the other) is not counted: an error names both."""
    names = [agency_of(title_lines(grids[p.sheet], p.layout.header_first)) for p in plans]
    first = next((n for n in names if n), None)
    for plan, name in zip(plans, names):
        if first and name and not same_agency(name, first) and not (plan.recap or plan.foreign):
            plan.copy_of = plan.sheet
            plan.issues.append(plan.issue("plan-other-agency", plan.layout.header_first + 1,
                                          "kode", value=name, expected=first,
                                          params={"other": name, "agency": first}))


def _hidden_rows(plan: PlanTable, hidden) -> None:
    """Plan items on rows hidden in Excel are read and counted like the others (Excel's
    SUM counts them too); staff are told, since a hidden row is often one dropped by hand."""
    if not hidden:
        return
    from ..read.numbers import format_rupiah
    for row in plan.rows:
        if row.r in hidden and row.level in PLAN_LEVELS:
            plan.issues.append(plan.issue("row-hidden", row.row, "kode", kode=row.kode,
                                          value=row.pagu, params={"level": row.level,
                                                                  "shown": format_rupiah(row.pagu)}))


def _column_issues(plan: PlanTable, result: RenjaFile) -> None:
    table = plan.layout.table
    present = set(plan.layout.columns)
    header_row = plan.layout.header_first + 1
    fields = {f.name: f for f in table.fields}
    for rule, names in (("column-missing", table.required),
                        ("column-missing-optional", table.expected)):
        for name in names:
            if name in present:
                continue
            base = name.removesuffix("_n1")
            fdef = fields.get(base)
            caption = (fdef.caption if fdef else "") or base       # a name staff know
            if base != name:
                caption += f" (Prakiraan Maju {plan.year(True)})"
            elif fdef is not None and fdef.per_year:
                caption += f" ({plan.year(False)})"
            result.issues.append(plan.issue(rule, header_row, params={"field": caption}))
    for c, (name, used, caption, used_caption) in plan.layout.twice.items():
        if c not in plan.layout.hidden:
            result.issues.append(plan.issue("column-twice", header_row, col=c, params={
                "caption": caption, "used": column_letter(used), "used_caption": used_caption,
                "year": plan.year(name.endswith("_n1"))}))
    for c, caption in plan.layout.hidden_unread():
        result.issues.append(plan.issue("column-hidden", header_row, col=c,
                                        params={"caption": caption}))


# a title that names the agency: "RENCANA KERJA DINAS KESEHATAN KABUPATEN PURBALINGGA TAHUN 2025"
_AGENCY = re.compile(r"\b((?:dinas|badan|sekretariat|inspektorat|satuan polisi|rumah sakit|rsud|"
                     r"kantor)\b[A-Za-z ,&()\-]{2,80}?)\s*(?:$|\b(?:kabupaten|kab\.|kota|provinsi|"
                     r"tahun)\b)", re.I)


def detect_kecamatan(result: RenjaFile, grids: list[Grid]) -> str | None:
    """The submitting unit: a kecamatan named in the title lines or any sheet's top lines,
    else the perangkat daerah named there (an OPD), else Lokasi, else the file name."""
    for plan in result.plans:
        for line in plan.layout.title_lines:
            name = _kec_name(line)
            if name:
                return name
    for grid in grids:
        for r in range(min(grid.height, 12)):
            texts = grid.texts(r)
            if len(texts) > 2:                  # a table row, not a title line
                continue
            name = _kec_name(" ".join(t for _, t in texts))
            if name:
                return name
    lines = [line for plan in result.plans for line in plan.layout.title_lines]
    for grid in grids:
        for r in range(min(grid.height, 12)):
            texts = grid.texts(r)
            if 0 < len(texts) <= 2:
                lines.append(" ".join(t for _, t in texts))
    for pattern in (_UNIT, _AGENCY):         # an OPD: "Nama Perangkat Daerah : Dinas Kesehatan",
        for line in lines:                   # "Unit Organisasi : 1.02.0.00.0.00.01.0000 DINAS …",
            match = pattern.search(line)     # a title naming the dinas
            if match:
                return " ".join(match.group(1).split()).strip(" .,-")
    for row in result.plan_records():
        name = _kec_name(row.lokasi or "")
        if name:
            return name
    stem = os.path.splitext(os.path.basename(result.path))[0]
    match = re.search(r"kec(?:amatan)?[_\-. ]+([A-Za-z]+(?:[_\- ][A-Za-z]+)?)", stem, re.I)
    if match:
        words = [w for w in re.split(r"[_\- ]+", match.group(1)) if not w.isdigit()]
        return " ".join(w.capitalize() for w in words) or None
    return None


def plan_frame(records: list[dict]):
    """Normalised plan rows (dicts or `PlanRow`s) as a DataFrame with the contract's columns."""
    import pandas as pd
    frame = pd.DataFrame({name: [r[name] for r in records] for name in PLAN_FIELDS},
                         columns=list(PLAN_FIELDS))
    for name in ("pagu", "pagu_n1", "target", "target_n1", "pagu_semula", "target_semula"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    for name in ("row", "indikator_ke"):
        frame[name] = frame[name].astype("int64")
    return frame


def read_renja(path, limits: Limits = Limits()):
    """The plan table(s) of one workbook as a tidy DataFrame (one row per plan row).

    Raises `ReadError` when the file cannot be read at all.
    """
    result = read_file(os.fspath(path), limits)
    if result.error is not None:
        raise result.error
    return plan_frame([d for row in result.plan_records() for d in row.public_rows()])
