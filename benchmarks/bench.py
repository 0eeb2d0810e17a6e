"""renja_xl speed benchmark (run by hand, not a test): the table of issue #16, now vs goal.

    python benchmarks/bench.py [--runs 5] [--quick] [--data DIR] [--only NAME ...]

Inputs are generated deterministically (benchmarks/generate.py): a clean kecamatan workbook
(~50 plan rows), a clean 5,000-row and a clean 100,000-row plan with codes of many urusan, and
folders of 200 and 1,000 clean kecamatan workbooks in the four supported layouts. Every figure
is a median over --runs; each ratio is measured in the same run (the two sides interleaved),
so a busy machine slows both sides alike. Cases (--only takes these names):

  one        `python -m renja_xl check` of one kecamatan workbook, whole process
  warm       5,000 rows: `renja_xl.check_file` in a warm process ÷ a bare python-calamine read
             of the same sheet in that process
  large      100,000 rows: `check --format json` whole process (wall, peak RSS) ÷ a bare
             python-calamine read in a fresh process; then peak RSS of the same plan with a text
             of its own in every indikator (fewer equal texts for the reader to share)
  batch      `consolidate` of 200 workbooks `--jobs 2` (ms per file, whole process), and the
             same on a dask LocalCluster (2 worker processes, loopback) when dask is installed
  province   `consolidate` of 1,000 workbooks `--jobs 2`
  styled     `consolidate --feedback` of a small plan whose sheet is styled down to row
             1,048,576 (issue #13): the feedback copy edits the package, never re-saves it
  nomenclature  the official Kemendagri list (../shared/data or --nomenklatur FILE, never
             copied): reading the workbook (first time, `nomenklatur pasang`), loading the
             stored cache (every later run), `check` of one kecamatan with and without it

`--baseline DIR` runs another version too, interleaved, in `large` and `styled` (DIR holds its
`renja_xl` package: `git archive COMMIT renja_xl | tar -x -C DIR`).

`--quick` shrinks the inputs (1,000 / 10,000 rows, 50 / 200 workbooks) for a fast look; its
figures are not comparable with the goals.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import kecamatan_batch, plan_rows, write_plan  # noqa: E402

CASES = ("one", "warm", "large", "batch", "province", "styled", "nomenclature")

# A child process that runs one case and prints its own figures as JSON on the last line.
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
kind, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "bare":
    import python_calamine as pc
    rows = pc.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
elif kind == "warm":
    import statistics
    import python_calamine as pc
    from renja_xl.check import check_file
    def bare():
        pc.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    check_file(path), bare()                       # warm: imports, caches, page cache
    b, c, bc, cc = [], [], [], []
    for _ in range(runs):                          # interleaved: noise hits both sides
        t, u = time.perf_counter(), time.process_time(); bare()
        b.append(time.perf_counter() - t); bc.append(time.process_time() - u)
        t, u = time.perf_counter(), time.process_time(); check_file(path)
        c.append(time.perf_counter() - t); cc.append(time.process_time() - u)
    m = statistics.median
    print(json.dumps({"bare": m(b), "check": m(c), "bare_cpu": m(bc), "check_cpu": m(cc)}))
    sys.exit(0)
elif kind in ("nom-install", "nom-load", "nom-check"):
    from renja_xl.validate import nomenclature_store as store
    import renja_xl.check, renja_xl.validate.schema, pandera.pandas, rapidfuzz
    t1 = time.perf_counter()
    if kind == "nom-install":
        store.install(path)
    elif kind == "nom-load":
        assert store.load_stored() is not None
    else:
        renja_xl.check(path)
    print(json.dumps({"inner": time.perf_counter() - t1}))
    sys.exit(0)
elif kind == "cluster":
    from dask.distributed import Client, LocalCluster
    from renja_xl import consolidate
    out, folder = path.split("::")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        executor = client.get_executor()
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            consolidate(folder, output=out, executor=executor)
            times.append(time.perf_counter() - t)
    print(json.dumps({"first": times[0], "warm": min(times)}))
    sys.exit(0)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"wall": time.perf_counter() - t0, "rss_mb": usage.ru_maxrss / 1024,
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


def child(kind: str, path, runs: int = 1) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(path), str(runs)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


class Run(tuple):
    wall = property(lambda self: self[0])
    rss = property(lambda self: self[1])
    cpu = property(lambda self: self[2])


def timed(cmd: list[str], baseline: Path | None = None) -> Run:
    """(wall seconds, peak RSS MB, CPU seconds user+system) of a whole command; the CPU time
    includes the worker processes it waited for. On a busy machine the wall time grows with
    the load while the CPU time stays close to what an idle machine would show. `baseline`:
    a folder holding another version's `renja_xl` package, run instead of the installed one."""
    env = None
    if baseline is not None:
        env = dict(os.environ, PYTHONPATH=str(baseline))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(proc.pid, 0)
    return Run((time.perf_counter() - t0, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime))


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "renja_xl", *map(str, args)]


class Table:
    def __init__(self):
        self.rows = []

    def add(self, case, now, goal, met: bool | None, note=""):
        mark = "" if met is None else ("met" if met else "**missed**")
        self.rows.append((case, now, goal, mark, note))
        print(f"  {case}: {now} (goal {goal}) {mark} {note}", file=sys.stderr, flush=True)

    def render(self) -> str:
        lines = ["| case | now | goal | | how measured |", "|---|---|---|---|---|"]
        lines += [f"| {' | '.join(row)} |" for row in self.rows]
        return "\n".join(lines)


def case_one(table, data, runs):
    path = write_plan(data / "kecamatan.xlsx", plan_rows(50))
    runs_ = [timed(cli("check", path)) for _ in range(runs)]
    t, cpu = statistics.median(r.wall for r in runs_), statistics.median(r.cpu for r in runs_)
    table.add("`check` one kecamatan workbook, whole process", f"{t:.2f} s (CPU {cpu:.2f} s)",
              "≤ 0.6 s", t <= 0.6, f"median of {runs}; fastest {min(r.wall for r in runs_):.2f} s")


def case_warm(table, data, runs, rows):
    path = _plan(data, rows)
    got = child("warm", path, max(runs, 5))
    ratio, cpu = got["check"] / got["bare"], got["check_cpu"] / got["bare_cpu"]
    table.add(f"{rows:,} rows: `check` in a warm process ÷ bare calamine read",
              f"{ratio:.1f}× (CPU {cpu:.1f}×)", "≤ 3×", ratio <= 3,
              f"check {got['check'] * 1000:.0f} ms, read {got['bare'] * 1000:.0f} ms; interleaved")


def case_large(table, data, runs, rows, baseline: Path | None = None):
    path = _plan(data, rows)
    checks, bares, before = [], [], []
    for _ in range(runs):                          # interleaved
        bares.append(child("bare", path))
        checks.append(timed(cli("check", path, "--format", "json")))
        if baseline:
            before.append(timed(cli("check", path, "--format", "json"), baseline))
    m = statistics.median
    c, b = m(r.wall for r in checks), m(r["wall"] for r in bares)
    cpu = m(r.cpu for r in checks) / m(r["cpu"] for r in bares)
    rss = max(r.rss for r in checks)
    ratio = c / b
    table.add(f"{rows:,} rows, whole process ÷ bare calamine read in a fresh process",
              f"{ratio:.1f}× (CPU {cpu:.1f}×; {c:.2f} s, CPU {m(r.cpu for r in checks):.2f} s), "
              f"{rss:.0f} MB", "≤ 3.5×, ≤ 300 MB", ratio <= 3.5 and rss <= 300,
              f"bare read {b:.2f} s (CPU {m(r['cpu'] for r in bares):.2f} s); `check --format json`; "
              f"peak RSS: the highest of {runs}" + _before(before, b))
    _distinct(table, data, runs, rows, baseline)


def _before(before: list, bare: float) -> str:
    if not before:
        return ""
    m = statistics.median
    return (f"; baseline: {m(r.wall for r in before) / bare:.1f}× (CPU {m(r.cpu for r in before):.2f} s), "
            f"{max(r.rss for r in before):.0f} MB")


def _distinct(table, data, runs, rows, baseline: Path | None):
    """The same plan with a text of its own in every indikator and 300 lokasi: fewer equal
    texts for the reader to share (a worse case for its memory)."""
    path = _plan(data, rows, distinct=True)
    now, before = [], []
    for _ in range(runs):
        now.append(timed(cli("check", path, "--format", "json")))
        if baseline:
            before.append(timed(cli("check", path, "--format", "json"), baseline))
    m = statistics.median
    table.add(f"{rows:,} rows, every indikator a text of its own", f"{max(r.rss for r in now):.0f} MB "
              f"(CPU {m(r.cpu for r in now):.2f} s)", "≤ 300 MB", max(r.rss for r in now) <= 300,
              f"peak RSS: the highest of {runs}" + (
                  f"; baseline {max(r.rss for r in before):.0f} MB (CPU {m(r.cpu for r in before):.2f} s)"
                  if before else ""))


def case_batch(table, data, runs, count, per_file=True):
    folder = data / f"batch_{count}"
    kecamatan_batch(folder, count)
    out = data / f"konsolidasi_{count}.xlsx"
    runs_ = [timed(cli("consolidate", folder, "-o", out, "--jobs", 2)) for _ in range(runs)]
    t, cpu = statistics.median(r.wall for r in runs_), statistics.median(r.cpu for r in runs_)
    if per_file:
        ms = 1000 * t / count
        table.add(f"`consolidate` {count} workbooks `--jobs 2`, per file",
                  f"{ms:.1f} ms (CPU {1000 * cpu / count:.1f} ms)", "≤ 12 ms", ms <= 12,
                  f"{t:.2f} s whole process ÷ {count}; CPU of parent and workers")
        _cluster(table, folder, data / f"cluster_{count}.xlsx", count, runs)
    else:
        table.add(f"`consolidate` {count:,} workbooks `--jobs 2`", f"{t:.1f} s (CPU {cpu:.1f} s)",
                  "≤ 12 s", t <= 12, "whole process; CPU of parent and workers")


def _cluster(table, folder, out, count, runs):
    try:
        got = child("cluster", f"{out}::{folder}", max(2, runs))
    except subprocess.CalledProcessError as exc:
        reason = (exc.stderr or "").strip().splitlines()[-1:] or ["failed"]
        table.add(f"`consolidate` {count} workbooks on a dask LocalCluster", "—", "beside --jobs 2",
                  None, f"not run: {reason[0][:80]}")
        return
    ms = 1000 * got["warm"] / count
    table.add(f"`consolidate` {count} workbooks on a dask LocalCluster (2 processes), per file",
              f"{ms:.1f} ms", "beside --jobs 2", None,
              f"best of {max(2, runs)} on a started cluster; first run {got['first']:.2f} s")


def case_styled(table, data, runs, baseline: Path | None = None):
    styled = data / "styled"
    if not (styled / "besar.xlsx").exists():
        in_child(f"styled_workbook(Path({str(styled / 'besar.xlsx')!r}))")
    runs_, before = [], []
    for _ in range(runs):
        cmd = cli("consolidate", styled, "-o", data / "styled.xlsx", "--feedback", data / "styled_periksa")
        runs_.append(timed(cmd))
        if baseline:
            before.append(timed(cmd, baseline))
    t, rss = statistics.median(r.wall for r in runs_), max(r.rss for r in runs_)
    table.add("`consolidate --feedback`, one sheet styled to row 1,048,576",
              f"{t:.1f} s, {rss:.0f} MB", "< 5 s, < 300 MB", t < 5 and rss < 300,
              "whole process (issue #13)" + (
                  f"; baseline {statistics.median(r.wall for r in before):.1f} s, "
                  f"{max(r.rss for r in before):.0f} MB" if before else ""))


OFFICIAL = HERE.parent.parent / "shared" / "data" / "nomenklatur_subkegiatan_2027.xlsx"


def case_nomenclature(table, data, runs, official: Path):
    """The official list: first read (pasang), cached load, and its cost on `check` of one file."""
    if not official.exists():
        table.add("official nomenclature", "not found", "—", None,
                  f"pass --nomenklatur FILE (looked at {official})")
        return
    small = write_plan(data / "kecamatan.xlsx", plan_rows(50))
    old = os.environ.get("RENJA_XL_DATA_DIR")
    without, stored = [], []
    try:
        os.environ["RENJA_XL_DATA_DIR"] = str(data / "userdata")
        install = [child("nom-install", official)["inner"] for _ in range(runs)]
        load = [child("nom-load", official)["inner"] for _ in range(runs)]
        for _ in range(runs):          # alternated: a loaded machine slows both alike
            os.environ["RENJA_XL_DATA_DIR"] = str(data / "userdata_empty")
            without.append(child("nom-check", small)["inner"])
            os.environ["RENJA_XL_DATA_DIR"] = str(data / "userdata")
            stored.append(child("nom-check", small)["inner"])
    finally:
        if old is None:
            os.environ.pop("RENJA_XL_DATA_DIR", None)
        else:
            os.environ["RENJA_XL_DATA_DIR"] = old
    m = statistics.median
    size = (data / "userdata" / "nomenklatur.json").stat().st_size / 2**20
    table.add("official nomenclature: read the workbook (first time, pasang)",
              f"{m(install):.2f} s", "—", None,
              f"{official.stat().st_size / 2**20:.1f} MB xlsx → {size:.1f} MB cache")
    table.add("official nomenclature: load the stored cache (each run)",
              f"{m(load) * 1000:.0f} ms", "—", None, "in-process, imports excluded")
    extra = m(stored) - m(without)
    table.add("check, 1 kecamatan, stored official list, extra over the built-in list",
              f"+{extra * 1000:.0f} ms", "< 100 ms", extra < 0.1,
              f"{m(stored):.2f} s vs {m(without):.2f} s, fresh process, imports excluded")


def _plan(data: Path, rows: int, distinct: bool = False) -> Path:
    path = data / f"plan_{rows}{'_distinct' if distinct else ''}.xlsx"
    if not path.exists():
        in_child(f"write_plan(Path({str(path)!r}), plan_rows({rows}, seed={rows}, distinct={distinct}))")
    return path


def in_child(call: str) -> None:
    """Run `call` (this module's names) in a child process. Big inputs are made there: Linux
    counts the peak memory of the process a command is started from into the command's own
    peak RSS (ru_maxrss survives exec), so this process must stay small."""
    subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(HERE)!r}); "
                    f"from bench import *; {call}"], check=True)


def compile_bytecode() -> None:
    """Byte-compile the installed renja_xl, as `pip install` does: an editable install under
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every run."""
    where = subprocess.run([sys.executable, "-c", "import os, renja_xl; "
                            "print(os.path.dirname(renja_xl.__file__))"],
                           capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    subprocess.run([sys.executable, "-m", "compileall", "-q", where.stdout.strip()],
                   capture_output=True, check=False)


def styled_workbook(path: Path) -> Path:
    """A small plan whose columns and rows are styled down to the last row (#13)."""
    import xlsxwriter
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("tmp_" + path.name)
    write_plan(tmp, plan_rows(50))
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Tabel 4.1")
    grey = wb.add_format({"bg_color": "#EEEEEE"})
    ws.set_column(0, 15, 14, grey)
    import python_calamine as pc
    for r, row in enumerate(pc.CalamineWorkbook.from_path(str(tmp)).get_sheet_by_index(0).to_python()):
        for c, value in enumerate(row):
            if value != "":
                ws.write(r, c, value)
    for r in range(200, 1_048_576):
        ws.set_row(r, None, grey)
    wb.close()
    tmp.unlink()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path, default=None, help="keep generated inputs here")
    parser.add_argument("--only", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a folder with another version's renja_xl package (`git archive COMMIT "
                             "renja_xl | tar -x -C DIR`): `large` and `styled` run it too, interleaved")
    parser.add_argument("--nomenklatur", type=Path, default=OFFICIAL,
                        help="the official Kemendagri workbook (default ../shared/data/…)")
    args = parser.parse_args()
    data = (args.data or Path(tempfile.mkdtemp(prefix="renja_bench_"))).resolve()
    data.mkdir(parents=True, exist_ok=True)
    large, very_large, batch, province = ((1_000, 10_000, 50, 200) if args.quick
                                          else (5_000, 100_000, 200, 1_000))
    print(f"# renja_xl benchmark — {platform.machine()}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}, medians of {args.runs} runs")
    print(f"# inputs in {data}", flush=True)
    compile_bytecode()
    table = Table()
    if "one" in args.only:
        case_one(table, data, args.runs)
    if "warm" in args.only:
        case_warm(table, data, args.runs, large)
    if "large" in args.only:
        case_large(table, data, max(1, args.runs // 2 + 1), very_large, args.baseline)
    if "batch" in args.only:
        case_batch(table, data, args.runs, batch)
    if "province" in args.only:
        case_batch(table, data, max(1, args.runs // 2), province, per_file=False)
    if "styled" in args.only:
        case_styled(table, data, args.runs, args.baseline)
    if "nomenclature" in args.only:
        case_nomenclature(table, data, args.runs, args.nomenklatur)
    print()
    print(table.render())


if __name__ == "__main__":
    main()
