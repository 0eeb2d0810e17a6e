"""renja_xl speed benchmark (run by hand, not a test):

    python benchmarks/bench.py [--runs 3] [--quick] [--data DIR]

Generates its inputs deterministically (benchmarks/generate.py) and prints a table of medians
over several runs, with ratios measured in the same run:
  - one kecamatan workbook (~50 plan rows): wall time of the whole `python -m renja_xl check`
  - 5,000 and 100,000 plan rows: `check` time and peak memory (whole process), next to a bare
    python-calamine read of the same sheet (the floor: unzip and parse), whole process and
    in-process (imports excluded)
  - 1,000 kecamatan workbooks: `consolidate` with --jobs 1 and --jobs 2
  - `frictionless validate` on the 5,000-row file, where frictionless is installed
`--quick` shrinks the sizes (1,000 / 10,000 rows, 100 workbooks) for a fast look.
Set FRICTIONLESS=/path/to/frictionless to use one installed in another environment.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import kecamatan_batch, plan_rows, write_plan  # noqa: E402

# A child process that runs a snippet and reports its own wall time and peak RSS.
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
if kind == "bare":
    import python_calamine as pc
    book = pc.CalamineWorkbook.from_path(path)
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
elif kind == "check":
    from renja_xl.cli import main
    import io, contextlib
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", path, "--format", "json"])
elif kind == "inprocess":
    import python_calamine as pc
    import renja_xl.check, renja_xl.validate.schema, pandera.pandas, rapidfuzz
    from renja_xl.check import check_file
    t1 = time.perf_counter()
    book = pc.CalamineWorkbook.from_path(path)
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    t2 = time.perf_counter()
    check_file(path)
    t3 = time.perf_counter()
    print(json.dumps({"bare": t2 - t1, "check": t3 - t2}))
    sys.exit(0)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": time.perf_counter() - t0, "rss_mb": rss}))
"""


def child(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def wall(cmd: list[str], cwd=None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, cwd=cwd)
    return time.perf_counter() - t0


def median(values):
    return statistics.median(values)


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
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path, default=None, help="keep generated inputs here")
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="renja_bench_"))
    data.mkdir(parents=True, exist_ok=True)
    large, very_large, batch = (1_000, 10_000, 100) if args.quick else (5_000, 100_000, 1_000)

    print(f"# renja_xl benchmark — {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, median of {args.runs} runs")
    print(f"# inputs in {data}")
    small = write_plan(data / "kecamatan.xlsx", plan_rows(50))
    files = {n: data / f"plan_{n}.xlsx" for n in (large, very_large)}
    for n, path in files.items():
        if not path.exists():
            write_plan(path, plan_rows(n, seed=n), "five-cell")
    rows = []

    times = [wall([sys.executable, "-m", "renja_xl", "check", str(small)]) for _ in range(args.runs)]
    rows.append(("check, 1 kecamatan (~50 rows), whole process", f"{median(times):.2f} s", "target < 0.8 s"))

    for n, path in files.items():
        checks = [child("check", path) for _ in range(args.runs)]
        bares = [child("bare", path) for _ in range(args.runs)]
        inproc = [child("inprocess", path) for _ in range(args.runs)]
        c, b = median(x["wall"] for x in checks), median(x["wall"] for x in bares)
        ci, bi = median(x["check"] for x in inproc), median(x["bare"] for x in inproc)
        rss = max(x["rss_mb"] for x in checks)
        rows.append((f"check, {n:,} rows, whole process", f"{c:.2f} s, {rss:.0f} MB",
                     f"bare calamine read {b:.2f} s → ratio {c / b:.1f}×"))
        rows.append((f"check, {n:,} rows, in-process (imports excluded)", f"{ci:.3f} s",
                     f"bare calamine read {bi:.3f} s → ratio {ci / bi:.1f}×"))

    frictionless = os.environ.get("FRICTIONLESS") or shutil.which("frictionless")
    if frictionless:
        path = files[large]          # frictionless only opens paths below its working folder
        f_times = [wall([frictionless, "validate", path.name], cwd=path.parent)
                   for _ in range(args.runs)]
        r_times = [wall([sys.executable, "-m", "renja_xl", "check", str(path)]) for _ in range(args.runs)]
        rows.append((f"frictionless validate, {large:,} rows", f"{median(f_times):.2f} s",
                     f"renja_xl check {median(r_times):.2f} s → ratio {median(r_times) / median(f_times):.2f}×"))
    else:
        rows.append(("frictionless validate", "not installed", "pip install frictionless[excel]"))

    folder = data / f"batch_{batch}"
    kecamatan_batch(folder, batch)
    out = data / "konsolidasi.xlsx"
    for jobs in (1, 2):
        times = [wall([sys.executable, "-m", "renja_xl", "consolidate", str(folder), "-o", str(out),
                       "--jobs", str(jobs)]) for _ in range(max(1, args.runs - 1))]
        rows.append((f"consolidate, {batch:,} workbooks, --jobs {jobs}", f"{median(times):.1f} s",
                     "target < 60 s with --jobs 2" if jobs == 2 else ""))

    styled = data / "styled"
    styled_workbook(styled / "besar.xlsx")
    times = [wall([sys.executable, "-m", "renja_xl", "consolidate", str(styled), "-o",
                   str(data / "styled.xlsx"), "--feedback", str(data / "styled_periksa")])
             for _ in range(args.runs)]
    rows.append(("consolidate --feedback, one sheet styled to row 1,048,576", f"{median(times):.1f} s",
                 "target < 5 s, < 300 MB (the copy edits the package, never re-saves it)"))

    width = max(len(r[0]) for r in rows)
    print()
    print(f"| {'case'.ljust(width)} | result | note |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for case, result, note in rows:
        print(f"| {case.ljust(width)} | {result} | {note} |")


if __name__ == "__main__":
    main()
