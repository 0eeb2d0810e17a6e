"""Checking off the request thread: one process pool shared by every batch.

A batch runs the library's `consolidate` (in a thread of its own) with `PoolMap` as its
executor, so each file is checked exactly once, in a worker process. A worker that dies
(a file that exhausts memory, a crash in a native reader) takes only its own file down: the
pool is renewed, the files that were in it are tried again one at a time in a pool of their
own, and a file that kills its worker again is `tidak terbaca`. The server keeps running.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
import zipfile
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..consolidate import consolidate, crashed_check
from ..workers import watch_parent

__all__ = ["Checker", "PoolMap", "run_batch", "load_reference", "CRASH_DETAIL"]

CRASH_DETAIL = ("proses pemeriksa berhenti mendadak saat membaca file ini (file terlalu berat "
                "atau rusak); minta kecamatan menyimpan ulang sebagai .xlsx lalu kirim lagi")


def _warm() -> None:
    """Import the checker once per worker, before the first upload arrives."""
    import renja_xl.check  # noqa: F401
    import renja_xl.consolidate  # noqa: F401


def load_reference(path: str, limits) -> tuple[object, str | None]:
    """(Nomenclature, None) or (None, why): an uploaded reference list, read in a worker
    after the same guards as a submission (a zip bomb named nomenklatur.xlsx is refused)."""
    from ..read.guard import ReadError, open_checked
    from ..report.issues import Issue
    from ..validate.nomenclature import NomenclatureError, load_nomenclature
    try:
        if not path.lower().endswith(".csv"):
            open_checked(path, limits)          # the guards only: nothing is left open
        reference = load_nomenclature(path)
    except ReadError as exc:
        return None, Issue(rule=exc.rule, file=path, params={"detail": exc.detail}).message()
    except (NomenclatureError, OSError, UnicodeDecodeError, ValueError) as exc:
        return None, str(exc)[:200]
    if not len(reference):
        return None, "tidak ada pasangan kode dan nama yang terbaca"
    return reference, None


class Checker:
    """The shared worker processes (`spawn`: no fork of a threaded server)."""

    def __init__(self, workers: int | None = None, context: str = "spawn"):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.context = multiprocessing.get_context(context)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.closed = False

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self.closed:
                raise BrokenProcessPool("the server is stopping")
            if self._pool is None:
                self._pool = self._executor(self.workers)
            return self._pool

    def _executor(self, workers: int) -> ProcessPoolExecutor:
        """Workers that end when the server process ends (even killed), watched by polling:
        the pools start from request threads, whose end must not end them."""
        return ProcessPoolExecutor(workers, mp_context=self.context, initializer=watch_parent,
                                   initargs=(os.getpid(), False))

    def warm(self) -> None:
        pool = self.pool()
        for _ in range(self.workers):
            pool.submit(_warm)

    def renew(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def submit(self, fn, *args):
        for _ in range(2):               # a pool broken by another batch is renewed once
            pool = self.pool()
            try:
                return pool, pool.submit(fn, *args)
            except BrokenProcessPool:
                self.renew(pool)
        raise BrokenProcessPool("the worker pool cannot be started")

    def alone(self, fn, *args):
        """Run one call in a worker of its own; raises BrokenProcessPool if that worker dies."""
        with self._executor(1) as solo:
            return solo.submit(fn, *args).result()

    def shutdown(self) -> None:
        with self._lock:
            self.closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class PoolMap:
    """The `executor` handed to `consolidate`: its `map` runs `_check_one(path, options,
    target, name)` on the shared pool and counts finished files for the progress bar."""

    def __init__(self, checker: Checker, on_done=None):
        self.checker = checker
        self.on_done = on_done or (lambda: None)

    def map(self, fn, *iterables):
        calls = list(zip(*iterables))
        submitted = []
        for args in calls:
            try:
                pool, future = self.checker.submit(fn, *args)
                future.add_done_callback(self._counted)      # progress as files finish
                submitted.append((pool, future))
            except BrokenProcessPool:
                submitted.append((None, None))
        results, retry, broken = [], [], set()
        for i, (args, (pool, future)) in enumerate(zip(calls, submitted)):
            try:
                if future is None:
                    raise BrokenProcessPool
                results.append(future.result())
            except Exception as exc:     # a worker died, or an unexpected error in it
                if not isinstance(exc, (BrokenProcessPool, CancelledError)):
                    sys.stderr.write(f"renja_xl web: worker error: {exc!r}\n")
                results.append(None)
                retry.append(i)
                if pool is not None:
                    broken.add(pool)
        for pool in broken:
            self.checker.renew(pool)
        for i in retry:
            results[i] = self._again(fn, calls[i])
            self.on_done()
        return results

    def _counted(self, future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.on_done()

    def _again(self, fn, args):
        try:
            if self.checker.closed:      # stopping: no new worker for what is left
                raise BrokenProcessPool("the server is stopping")
            return self.checker.alone(fn, *args)
        except Exception:
            path, name = args[0], args[3] if len(args) > 3 else None
            return crashed_check(path, CRASH_DETAIL, name)


def run_batch(batch, checker: Checker, *, nomenclature=None, tolerance: float = 0.0,
              limits=None) -> None:
    """Check and consolidate the batch's files into `<batch>/hasil/`; fills `batch.view`."""
    from .views import batch_view
    out = os.path.join(batch.folder, "hasil")
    feedback = os.path.join(out, "periksa")
    os.makedirs(feedback, exist_ok=True)

    def tick():
        batch.done += 1

    try:
        batch.state = "checking"
        paths = [f["path"] for f in batch.files]
        names = {f["path"]: f["name"] for f in batch.files}
        xlsx = os.path.join(out, "konsolidasi.xlsx")
        result = consolidate(paths, output=xlsx, feedback=feedback, lang=batch.lang,
                             nomenclature=nomenclature, tolerance=tolerance,
                             executor=PoolMap(checker, tick), limits=limits, names=names)
        batch.outputs["xlsx"] = xlsx
        batch.outputs["json"] = _write_json(out, result, batch.lang)
        by_name = {f["name"]: i for i, f in enumerate(batch.files)}
        batch.feedback = {by_name[name]: path for name, path in result.feedback.items()}
        batch.outputs["zip"] = _write_zip(out, batch.feedback.values())
        batch.view = batch_view(batch, result)
        batch.state = "done"
    except Exception as exc:             # the page says so; the server goes on
        if not os.path.isdir(batch.folder):
            return                       # the server is stopping: the batch is gone
        traceback.print_exc()
        batch.error = f"{type(exc).__name__}: {exc}"[:300]
        batch.state = "failed"


def _write_json(folder: str, result, lang: str) -> str:
    path = os.path.join(folder, "laporan.json")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(result.report.to_json(lang))
    return path


def _write_zip(folder: str, copies) -> str:
    path = os.path.join(folder, "salinan_bertanda.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for copy in sorted(copies):
            archive.write(copy, os.path.basename(copy))
    return path
