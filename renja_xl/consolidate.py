"""`consolidate`: check many submissions (in parallel) and merge them into one workbook.

    >>> result = renja_xl.consolidate("masuk/", output="gabungan.xlsx", feedback="balikan/")
    >>> result.summary           # one row per file: status, rows, pagu, errors, warnings
    >>> result.plan              # every plan row of every readable file
    >>> result.report.exit_code

A file that cannot be read never stops the batch: it is listed as `unreadable` with its
reason. Results keep the input order whatever order the workers finish in.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field

from .check import (Options, batches, check_file_safely, check_files_safely, check_tolerance,
                    expand_paths, skip_notices)
from .report.issues import FileResult, Issue, Report
from . import workers
from .write.atomic import atomic_path, folder_problem, remove_stale
from .write.summary import options_used
from .write.totals import program_totals_frame, summary_frame, summary_text
from .write.workbook import MAX_SHEET_ROWS, write_consolidated

__all__ = ["consolidate", "Consolidation", "ConsolidateError", "summary_text", "crashed_check"]


class ConsolidateError(ValueError):
    """The command was misused (bad output path, nothing to consolidate); one-line message."""


@dataclass
class Consolidation:
    report: Report
    plan: object                   # DataFrame: the `Rencana` sheet
    summary: object                # DataFrame: the `Ringkasan` table
    program_totals: object         # DataFrame: kode, nama, one column per kecamatan, jumlah
    tables: dict = field(default_factory=dict)       # sheet name -> DataFrame, other tables
    output: str | None = None
    feedback: dict = field(default_factory=dict)     # input file -> annotated copy
    notices: list = field(default_factory=list)      # one-line Indonesian notices
    copy_notices: list = field(default_factory=list)  # about the annotated copies (Ringkasan)
    parquet: str | None = None                       # folder of the Parquet copies, if any

    @property
    def exit_code(self) -> int:
        return self.report.exit_code

    def __repr__(self) -> str:
        return f"<Consolidation {self.report.summary_line('en')}, {len(self.plan)} plan rows>"


@dataclass(slots=True)
class _Checked:
    """What a worker sends back for one file (plain data, picklable)."""
    result: FileResult
    issues: list
    records: list
    tables: dict = field(default_factory=dict)       # the other tables: frames.table_records
    feedback: str | None = None
    notice: str | None = None
    copy_notices: list = field(default_factory=list)  # what the annotated copy changed
    digest: object = None                            # for the Renja vs Renstra pairing
    year: int | None = None                          # year n of its (first counted) plan table


def _check_one(path: str, options: Options, feedback_target: str | None,
               name: str | None = None) -> _Checked:
    """Check one file (and write its annotated copy); never raises for a bad file. `name`,
    when given, is what the results call the file instead of its path. One task per file is
    what an `executor` given to `consolidate` runs: a worker that dies costs only its file."""
    return _checked(path, check_file_safely(path, options), feedback_target, options, name)


def _check_batch(paths: list[str], options: Options, targets: list, names: list) -> list[_Checked]:
    """`_check_one` for a batch of files, their plan tables validated in one pandera call:
    the task of consolidate's own worker pool (and of a run in this process)."""
    return [_checked(path, checked, target, options, name) for path, target, name, checked
            in zip(paths, targets, names, check_files_safely(paths, options))]


def _checked(path: str, checked: tuple, feedback_target: str | None, options: Options,
             name: str | None = None) -> _Checked:
    """What goes back to the parent for one file (and its annotated copy, written here)."""
    result, issues, renja = checked
    from .write.frames import table_records
    records = [d for row in renja.plan_records() for d in row.public_rows()]
    from .reconcile.renstra import file_digest
    checked = _Checked(result, issues, records, table_records(renja), digest=file_digest(renja),
                       year=next((p.layout.years[0] for p in renja.plans if not (
                           p.recap or p.foreign or p.copy_of) and p.layout.years[0]), None))
    if name is not None:
        _rename(checked, name)
    if feedback_target and result.status != "unreadable":
        from .write.feedback import FeedbackError, write_feedback_copy
        try:
            copy = write_feedback_copy(path, issues, feedback_target, options.lang)
            checked.feedback = copy.path
            name = os.path.basename(path)
            checked.copy_notices = [f"{name}: {n}" for n in copy.notices]
        except FeedbackError as exc:
            checked.notice = str(exc)
        except Exception as exc:  # a copy that fails must not lose the check itself
            detail = " ".join(str(exc).split())[:160]           # shortened, never the reason
            checked.notice = (f"{_shown(name or path)}: salinan bertanda gagal dibuat "
                              f"({type(exc).__name__}: {detail})")
    return checked


def _rename(checked: _Checked, name: str) -> None:
    """Call the file `name` everywhere in its results (the feedback copy included)."""
    old, checked.result.file = checked.result.file, name
    for issue in checked.issues:
        if issue.file == old:
            issue.file = name
    for record in checked.records:
        record["file"] = name
    for entry in checked.tables.values():
        for record in entry["rows"]:
            record["file"] = name


def _renstra_pairs(checked: list[_Checked], limits) -> list[list]:
    """Issues of each Renja against the Renstra of its agency sent as another file, under the
    names the results give the files."""
    from .reconcile.renstra import pair_by_agency
    for item in checked:
        if item.digest is not None and item.digest.renstra is not None:
            item.digest.renstra.file = item.result.file
    pairs = pair_by_agency([c.digest for c in checked], limits)
    for item, more in zip(checked, pairs):
        for issue in more:
            issue.file = item.result.file
    return pairs


def crashed_check(path: str, detail: str, name: str | None = None) -> _Checked:
    """The result for a file whose worker process died: `unreadable`, with the reason."""
    issue = Issue(rule="file-unreadable", file=name or str(path), params={"detail": detail})
    result = FileResult(file=name or str(path), status="unreadable", reason="file-unreadable")
    return _Checked(result, [issue], [])


def consolidate(paths, output=None, feedback=None, jobs: int | None = None, lang: str = "id",
                nomenclature=None, tolerance: float = 0.0, executor=None, *,
                progress: bool = False, extra_sheets: dict | None = None,
                parquet=None, limits=None, names: dict | None = None,
                jenis_pemda: str | None = None, renstra=None) -> Consolidation:
    """Check every workbook under `paths` and merge them.

    `output`: write the consolidated workbook there (.xlsx). `feedback`: a folder for the
    annotated copies. `jobs`: worker processes (default: CPU count; 1 runs in this process).
    `executor`: any object with a concurrent.futures-style `.map` (e.g. a Dask client's
    `get_executor()`) used instead of a process pool. `extra_sheets`: sheet name -> DataFrame
    written after `Kesalahan`. `parquet`: a folder for `rencana.parquet`, `kesalahan.parquet`
    and `ringkasan.parquet` (written there anyway, next to `output`, when the plan rows exceed
    one sheet). `limits`: `workbook.Limits` for huge files. `names`: input path -> the name
    the results give it (the web page's uploads are stored under safe names; the results
    show the names they were sent with). `nomenclature`/`jenis_pemda`: the reference list
    (default: the stored official list, else the built-in one) and its rows (kabkot/prov).
    `renstra`: a Renstra workbook every Renja is checked against (a Renstra sent among the
    files is paired with the Renja of the same agency by name). Raises `ConsolidateError` for
    misuse.
    """
    started = time.time()
    skipped: list = []
    files = _unique(expand_paths(paths, skipped))
    output = _check_output(output, files) if output is not None else None
    _check_numbers(jobs, tolerance)
    if not files:
        raise ConsolidateError("tidak ada workbook (.xlsx/.xlsm/.xls/.xlsb/.ods) yang ditemukan")
    targets, folders = _prepare_outputs(files, output, feedback, parquet, started)
    options = Options(lang=lang, nomenclature=_nomenclature(nomenclature, jenis_pemda),
                      tolerance=tolerance, jenis_pemda=jenis_pemda,
                      renstra=os.fspath(renstra) if renstra is not None else None)
    if limits is not None:
        options.limits = limits
    shown = [(names or {}).get(path) for path in files]
    checked = _run(files, options, targets, shown, jobs, executor, progress and len(files) > 1,
                   folders)
    result, records = _merged(files, checked, options, skipped)
    if parquet is None and output is not None and len(records) >= MAX_SHEET_ROWS:
        parquet = os.path.splitext(output)[0] + "_parquet"
    if parquet is not None:
        _write_parquet(os.fspath(parquet), result)
    if output is not None:
        if progress:
            sys.stderr.write(f"Menulis {output} …\n")
        result.output = write_consolidated(output, result.report, records, result.summary,
                                           result.program_totals, lang=lang,
                                           extra_sheets={**result.tables, **(extra_sheets or {})},
                                           options=options_used(options, feedback, lang),
                                           notices=result.notices + result.copy_notices)
    return result


def _merged(files: list[str], checked: list[_Checked], options: Options,
            skipped: list) -> tuple[Consolidation, list[dict]]:
    """The checked files as one result: each agency counted once, the Renja/Renstra pairs
    found, the report, the frames and the notices; with the plan records counted."""
    report = Report(lang=options.lang)
    report.nomenclature = options.nomenclature.info
    records: list[dict] = []
    _count_each_agency_once(files, checked)
    for item, more in zip(checked, _renstra_pairs(checked, options.limits)):
        item.issues += more          # (not in the feedback copy: the pair is known only now)
        item.digest = None
        report.add(item.result, item.issues)
        records += item.records
    from .write.frames import table_frames
    from .tables.reader import plan_frame
    result = Consolidation(report=report, plan=plan_frame(records),
                           summary=summary_frame(report, checked),
                           program_totals=program_totals_frame(checked),
                           tables=table_frames(c.tables for c in checked),
                           feedback={c.result.file: c.feedback for c in checked if c.feedback},
                           notices=skip_notices(skipped) + [c.notice for c in checked if c.notice],
                           copy_notices=[n for c in checked for n in c.copy_notices])
    return result, records


def _count_each_agency_once(files: list[str], checked: list) -> None:
    """A Renja sent twice (or a revision beside the first) is counted once: the newest file;
    the others keep their findings and get one more, and leave the totals."""
    from .reconcile.submissions import other_years, repeated_agencies
    mtimes = [os.path.getmtime(path) if os.path.exists(path) else 0.0 for path in files]
    repeated = repeated_agencies([c.result.file for c in checked],
                                 [c.result.kecamatan for c in checked],
                                 [c.records for c in checked], mtimes)
    for k, issue in repeated.items():
        checked[k].issues.append(issue)
        checked[k].records = []
    for k, issue in other_years([c.result.file for c in checked],
                                [c.year if c.records else None for c in checked]).items():
        checked[k].issues.append(issue)


def _prepare_outputs(files, output, feedback, parquet, started: float):
    """Before any work: the feedback targets, every output folder tried (misuse raised), and
    the temporaries that killed runs left there removed. Returns (targets, folders)."""
    targets = [None] * len(files)
    if feedback is not None:
        from .write.feedback import feedback_targets
        targets = feedback_targets(files, _folder(feedback, "--feedback"))
    if parquet is not None:
        _folder(parquet, "--parquet")
    folders = sorted({os.path.dirname(os.path.abspath(p)) for p in (output, *targets) if p})
    parquets = [os.fspath(parquet)] if parquet is not None else []
    if output is not None:
        parquets.append(os.path.splitext(output)[0] + "_parquet")   # the automatic one
    remove_stale(folders + parquets, started)
    return targets, folders


def _write_parquet(folder: str, result: Consolidation) -> None:
    """The merged rows as Parquet: for batches beyond what one workbook holds (pyarrow)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        result.notices.append("Parquet tidak ditulis: pasang pyarrow (pip install 'renja_xl[parquet]')")
        return
    os.makedirs(folder, exist_ok=True)
    tables = {"rencana": result.plan, "kesalahan": result.report.to_frame(),
              "ringkasan": result.summary}
    for name, frame in tables.items():
        frame = frame.copy()
        for column in ("value", "expected"):          # mixed types: keep them as text
            if column in frame:
                frame[column] = frame[column].map(lambda v: None if v is None else str(v))
        with atomic_path(os.path.join(folder, f"{name}.parquet")) as tmp:
            frame.to_parquet(tmp, index=False)
    result.parquet = folder


def _run(files, options, targets, names, jobs, executor, progress,
         folders=()) -> list[_Checked]:
    """Every file checked, in input order. Our own pool, this process and any
    `concurrent.futures.Executor` (a Dask client's included) take batches of small files per
    task: a worker validates a batch in one pandera call and sends back plain records. Any
    other object with a `.map` (the web page's pool) gets one task per file, `_check_one`."""
    from concurrent.futures import Executor
    jobs = jobs or os.cpu_count() or 1
    if executor is not None and not isinstance(executor, Executor):
        fn, args = _check_one, (files, [options] * len(files), targets, names)
    else:
        chunks = batches(files, max_files=max(1, min(16, -(-len(files) // (4 * jobs)))))
        at = {path: i for i, path in enumerate(files)}
        fn, args = _check_batch, (chunks, [options] * len(chunks),
                                  [[targets[at[p]] for p in chunk] for chunk in chunks],
                                  [[names[at[p]] for p in chunk] for chunk in chunks])
    pool = None
    if executor is None and jobs > 1 and len(args[0]) > 1:
        _import_once()
        executor = pool = workers.pool(min(jobs, len(args[0]), MAX_JOBS))
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(files), file=sys.stderr, unit="file", desc="Memeriksa", leave=False)
    checked: list[_Checked] = []
    try:
        if pool is not None:
            results = workers.ordered_map(pool, fn, *args)
        else:
            results = (executor.map if executor is not None else map)(fn, *args)
        for done in results:
            done = done if isinstance(done, list) else [done]
            checked += done
            if bar is not None:
                bar.update(len(done))
    except BaseException:              # Ctrl-C, SIGTERM, a worker error: stop the others now
        if pool is not None:
            workers.stop(pool, folders)
        raise
    finally:
        if bar is not None:
            bar.close()
    if pool is not None:
        pool.shutdown()
    return checked


def _import_once() -> None:
    """pandas and pandera imported here, before the workers fork: they inherit them instead
    of each importing them again (the parent needs pandas afterwards anyway). Only where
    importing numpy starts no thread (the CLI sets OPENBLAS_NUM_THREADS=1), or it is loaded
    already: forking a process that runs threads is what a pool should not do."""
    import multiprocessing
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return
    if "numpy" in sys.modules or os.environ.get("OPENBLAS_NUM_THREADS") == "1":
        from .validate.schema import plan_schema
        plan_schema()


def _unique(files: list[str]) -> list[str]:
    """Each file once (a folder and a file inside it given together would count it twice)."""
    seen, unique = set(), []
    for path in files:
        key = os.path.normcase(os.path.realpath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _check_output(output, files) -> str:
    output = os.fspath(output)
    if not output.lower().endswith(".xlsx"):
        raise ConsolidateError(f"file keluaran harus berakhiran .xlsx: {output}")
    if os.path.isdir(output):
        raise ConsolidateError(f"file keluaran adalah sebuah folder: {output}")
    folder = os.path.dirname(os.path.abspath(output))
    problem = folder_problem(folder)          # missing, a file, or not writable
    if problem:
        raise ConsolidateError(f"folder untuk file keluaran {folder}: {problem}")
    same = os.path.normcase(os.path.abspath(output))
    if any(os.path.normcase(os.path.abspath(f)) == same for f in files):
        raise ConsolidateError(f"file keluaran tidak boleh menimpa file masukan: {output}")
    return output


def _folder(directory, option: str) -> str:
    """A folder outputs can be written to (made when missing), else misuse naming it."""
    directory = os.fspath(directory)
    problem = folder_problem(directory, create=True)
    if problem:
        raise ConsolidateError(f"folder {option} {directory}: {problem}")
    return directory


MAX_JOBS = 61 if sys.platform == "win32" else 256        # Windows: a process pool's limit


def _check_numbers(jobs, tolerance) -> None:
    if jobs is not None and not 1 <= jobs <= MAX_JOBS:
        raise ConsolidateError(f"--jobs harus antara 1 dan {MAX_JOBS}, bukan {jobs}")
    try:
        check_tolerance(tolerance)
    except ValueError as exc:
        raise ConsolidateError(str(exc)) from None


def _shown(path: str, limit: int = 80) -> str:
    """A file name for a one-line notice: a very long one keeps its start and its end."""
    name = os.path.basename(path)
    return name if len(name) <= limit else name[:limit // 2 - 1] + "…" + name[-(limit // 2):]


def _nomenclature(nomenclature, jenis_pemda=None):
    """Load the reference list once here, not once per file in every worker."""
    from .validate.nomenclature_store import resolve
    return resolve(nomenclature, jenis_pemda)

