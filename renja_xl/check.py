"""`check`: read, validate and reconcile submissions into a `Report`."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field

from .report.issues import FileResult, Issue, Report
from .tables.reader import RenjaFile, read_file
from .read.workbook import Limits

__all__ = ["Options", "check", "check_file", "check_files", "check_file_safely",
           "check_files_safely", "expand_paths", "batches", "skip_notices", "EXCEL_SUFFIXES"]

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
MAX_TOLERANCE = 1e15                 # rupiah: more than any budget


def check_tolerance(tolerance) -> None:
    """A roll-up tolerance is 0 … MAX_TOLERANCE rupiah (a negative one would report equal
    sums as differences); raises ValueError with the range."""
    if not 0 <= tolerance <= MAX_TOLERANCE:          # also refuses NaN
        top = f"{MAX_TOLERANCE:,.0f}".replace(",", ".")
        raise ValueError(f"--toleransi harus antara 0 dan {top} rupiah, bukan {tolerance:g}")


@dataclass(slots=True)
class Options:
    lang: str = "id"
    nomenclature: object = None        # a Nomenclature, a path, or None: stored list or built-in
    jenis_pemda: str | None = None     # kabkot | prov: the rows of the official list to use
    tolerance: float = 0.0             # rupiah a roll-up may be off (pagu in thousands, rounding)
    limits: Limits = field(default_factory=Limits)
    renstra: str | None = None         # `--renstra FILE`: every Renja is checked against it


def expand_paths(paths, skipped: list | None = None) -> list[str]:
    """Files as given; folders searched recursively for workbooks. Order is stable: as given,
    folders sorted. Skipped: Office lock files `~$…` and our own temporaries; in folders, our
    feedback copies `*_periksa.xlsx` and Parquet folders; anywhere, consolidated workbooks
    written by renja_xl (a rerun must not read its own output). Each skip of our own output
    is appended to `skipped` as (path, kind), kind `feedback`, `gabungan` or `parquet`."""
    from .write.own import is_consolidated, is_feedback_copy, is_parquet_folder
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    skipped = [] if skipped is None else skipped
    found: list[str] = []
    for path in map(os.fspath, paths):
        if not os.path.isdir(path):
            if os.path.isfile(path) and path.lower().endswith(EXCEL_SUFFIXES[:2]) \
                    and is_consolidated(path):
                skipped.append((path, "gabungan"))
            else:
                found.append(path)
            continue
        for root, dirs, files in os.walk(path):
            for name in [d for d in dirs if is_parquet_folder(os.path.join(root, d))]:
                skipped.append((os.path.join(root, name), "parquet"))
                dirs.remove(name)
            dirs.sort()
            for name in sorted(files):
                full = os.path.join(root, name)
                if name.startswith("~$") or not name.lower().endswith(EXCEL_SUFFIXES):
                    continue
                if is_feedback_copy(name):
                    skipped.append((full, "feedback"))
                elif name.lower().endswith(EXCEL_SUFFIXES[:2]) and is_consolidated(full):
                    skipped.append((full, "gabungan"))
                else:
                    found.append(full)
    return found


SKIP_NOTICES = {
    "gabungan": "{path}: dilewati, ini workbook gabungan hasil renja_xl (bukan kiriman)",
    "parquet": "{path}: dilewati, ini folder Parquet hasil renja_xl",
    "feedback": "{n} salinan bertanda (*_periksa.xlsx) hasil renja_xl dilewati",
}


def skip_notices(skipped: list) -> list[str]:
    """One Indonesian line per skipped output (feedback copies counted on one line)."""
    lines = [SKIP_NOTICES[kind].format(path=path) for path, kind in skipped if kind != "feedback"]
    copies = sum(kind == "feedback" for _, kind in skipped)
    if copies:
        lines.append(SKIP_NOTICES["feedback"].format(n=copies))
    return lines


def _nomenclature(options: Options):
    """The reference once per batch: the given one, else the stored list, else the built-in."""
    from .validate.nomenclature_store import resolve
    options.nomenclature = resolve(options.nomenclature, options.jenis_pemda)
    return options.nomenclature


def check_file(path: str, options: Options | None = None) -> tuple[FileResult, list[Issue], RenjaFile]:
    """Check one workbook: read it, validate every plan table, reconcile it."""
    return check_files([path], options)[0]


def check_files(paths, options: Options | None = None) -> list[tuple[FileResult, list[Issue], RenjaFile]]:
    """`check_file` for several workbooks, their plan tables validated in one pandera call
    (pandera's cost is mostly per call: a batch of small files pays it once)."""
    from .validate.schema import validate_plans
    from .validate.table_schema import validate_tables
    options = options or Options()
    with _collector_paused():
        started = [_start(path, options) for path in paths]
        plans = [plan for state in started for plan in state.details]
        found = iter(validate_plans(plans))
        other = iter(validate_tables([gt for state in started for gt in state.renja.tables]))
        for state in started:
            state.table_issues = [next(other) for _ in state.renja.tables]
        return [_finish(state, found, options) for state in started]


@contextmanager
def _collector_paused():
    """The cyclic garbage collector waits until a batch is checked: its cells and records are
    no cyclic garbage, and every full collection while they pile up walks all of them and all
    that pandas imported again (a 100,000-row plan: six full collections, ~12 % of the CPU)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(slots=True)
class _Started:
    """A workbook read, its plan tables grouped; what is left is validating and reconciling."""
    result: FileResult
    renja: RenjaFile
    details: list = field(default_factory=list)    # the plan tables pandera validates
    groups: list | None = None                     # None: unreadable
    table_issues: list | None = None               # pandera's, per other table (a batch's)


def _start(path: str, options: Options) -> _Started:
    from .reconcile.budget import inherit_sumber_dana
    from .reconcile.planset import reconcile_groups
    renja = read_file(path, options.limits)
    state = _Started(FileResult(file=str(path), kecamatan=renja.kecamatan), renja)
    if renja.error is None:
        state.details = [plan for plan in renja.plans if not (plan.recap or plan.foreign)]
        state.groups = reconcile_groups(state.details)   # a plan table split over sheets is one
        for group in state.groups:
            inherit_sumber_dana(group.rows)
    return state


def _finish(state: _Started, schema_issues, options: Options):
    """The issues of one workbook in their order; `schema_issues` yields the pandera issues of
    each of its detail tables, in their order."""
    from .reconcile.budget import check_hierarchy, reconcile_budget
    from .reconcile.perubahan import check_perubahan
    from .reconcile.planset import check_recap
    from .validate.money import check_money_scale
    from .validate.targets import check_targets
    result, renja, details = state.result, state.renja, state.details
    issues: list[Issue] = list(renja.issues)
    if state.groups is None:
        result.status, result.reason = "unreadable", renja.error.rule
        return result, issues, renja
    nomenclature = _nomenclature(options)
    plan_issues: list[Issue] = []
    for plan in renja.plans:                     # row by row: each table on its own
        result.tables.append(plan.info())
        if plan.recap:                           # a REKAP: against its detail tables only
            plan_issues += plan.issues + check_recap(plan, details)
            plan_issues += reconcile_budget(plan, options.tolerance)   # its JUMLAH row
            continue
        if plan.foreign:                         # one finding, not one kode-invalid per row
            first = plan.foreign
            plan_issues.append(plan.issue("not-renja-codes", first.row, "kode", value=first.kode_raw,
                                          params={"n": len(plan.rows)}))
            continue
        plan_issues += plan.issues
        plan_issues += next(schema_issues)
        plan_issues += check_targets(plan)
        plan_issues += check_money_scale(plan)
        plan_issues += nomenclature.check(plan)
    for group in state.groups:                   # across rows: the whole table
        plan_issues += reconcile_budget(group, options.tolerance)
        plan_issues += check_perubahan(group, options.tolerance)
        plan_issues += check_hierarchy(group)
    order = {name: i for i, name in enumerate(renja.sheet_names)}
    plan_issues.sort(key=lambda i: (order.get(i.sheet, 0), i.row or 0, i.col or 0))
    issues += plan_issues
    from .reconcile.other import check_tables
    issues += check_tables(renja, nomenclature, options.tolerance, state.table_issues)
    issues += _explicit_renstra(renja, options, nomenclature)
    result.tables += [table.info() for table in renja.tables]
    if not renja.plans and not renja.standalone and not any(i.severity == "error" for i in issues):
        result.status = "invalid"
    return result, issues, renja


def _explicit_renstra(renja: RenjaFile, options: Options, nomenclature) -> list[Issue]:
    """The Renja against the Renstra given with `--renstra FILE` (unless it has its own)."""
    from .reconcile.renstra import check_against_renstra, plan_digest, read_renstra, renstra_of
    if not options.renstra or not renja.plans or renstra_of(renja) is not None:
        return []
    digest = _renstra_cache.get(options.renstra)
    if digest is None:
        digest = _renstra_cache[options.renstra] = read_renstra(options.renstra, nomenclature)
    if digest is None:
        return [Issue(rule="renstra-not-found", file=renja.path,
                      params={"renstra": os.path.basename(options.renstra)})]
    return check_against_renstra(plan_digest(renja), digest)


_renstra_cache: dict = {}


def check_file_safely(path: str, options: Options | None = None):
    """`check_file`, except that a bug met on one odd workbook becomes an `unreadable` result
    with the reason, never a traceback: the batch goes on."""
    try:
        return check_file(path, options)
    except Exception as exc:
        detail = f"kesalahan internal renja_xl ({type(exc).__name__}: {exc}); mohon laporkan"
        issue = Issue(rule="file-unreadable", file=str(path), params={"detail": detail[:240]})
        result = FileResult(file=str(path), status="unreadable", reason="file-unreadable")
        return result, [issue], RenjaFile(path=str(path))


def check_files_safely(paths, options: Options | None = None):
    """`check_files`; should anything in the batch fail, its files are checked one by one
    (`check_file_safely`), so one odd workbook costs only itself."""
    try:
        return check_files(paths, options)
    except Exception:
        return [check_file_safely(path, options) for path in paths]


def check(paths, *, lang: str = "id", nomenclature=None, tolerance: float = 0.0,
          limits: Limits | None = None, jenis_pemda: str | None = None,
          renstra: str | None = None) -> Report:
    """Check workbooks (files or folders) and return a `Report`.

    >>> report = renja_xl.check("samples/")
    >>> report.to_frame()          # one row per issue, with its Excel cell
    """
    from .reconcile.renstra import file_digest, pair_by_agency
    check_tolerance(tolerance)
    options = Options(lang=lang, nomenclature=nomenclature, tolerance=tolerance,
                      limits=limits or Limits(), jenis_pemda=jenis_pemda, renstra=renstra)
    report = Report(lang=lang)
    report.nomenclature = _nomenclature(options).info
    checked = []
    for batch in batches(expand_paths(paths)):
        for result, issues, renja in check_files_safely(batch, options):
            checked.append((result, issues, file_digest(renja)))
    # a Renstra sent as its own file: the Renja of the same agency is checked against it
    for (result, issues, _), more in zip(checked, pair_by_agency([c[2] for c in checked],
                                                                 options.limits)):
        report.add(result, issues + more)
    return report


def batches(paths: list, max_files: int = 16, max_bytes: int = 2 << 20) -> list[list]:
    """Consecutive runs of paths to check together: up to `max_files` small workbooks, or a
    big one on its own (its rows stay in memory until the batch is done)."""
    out, size = [], 0
    for path in paths:
        try:
            nbytes = os.path.getsize(path)
        except OSError:
            nbytes = 0
        if not out or len(out[-1]) >= max_files or size + nbytes > max_bytes:
            out.append([])
            size = 0
        out[-1].append(path)
        size += nbytes
    return out
