"""Command line: a thin layer over the library (`python -m renja_xl …`).

Exit codes: 0 no error-severity issue; 1 at least one; 2 a file could not be read or the
command was misused.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import warnings
from contextlib import contextmanager

from .check import MAX_TOLERANCE
from .consolidate import MAX_JOBS

EXIT_OK, EXIT_ISSUES, EXIT_UNREADABLE = 0, 1, 2

HELP = {
    "id": {"prog": "Periksa dan gabungkan workbook Renja kecamatan/OPD.",
           "check": "periksa workbook Renja (file atau folder)",
           "rules": "daftar semua aturan pemeriksaan",
           "consolidate": "gabungkan workbook kecamatan menjadi satu workbook",
           "nomenklatur": "pasang/lihat/hapus daftar nomenklatur resmi yang tersimpan",
           "web": "halaman web lokal untuk memeriksa dan menggabungkan workbook",
           "template": "tulis template Renja standar untuk diisi kecamatan"},
}


class _Parser(argparse.ArgumentParser):
    def error(self, message):             # misuse: one line, exit 2, no usage dump
        ours = re.fullmatch(r"argument \S+: (--.*)", message)   # a range check below: its own words
        sys.stderr.write(f"renja_xl: {ours.group(1) if ours else message} (lihat --help)\n")
        raise SystemExit(EXIT_UNREADABLE)


# -- option values: each checked against its range, the range named in the message ---------
MAX_LIMIT_MB = 100_000               # 100 GB: beyond any workbook a kecamatan sends


def _ranged(option: str, kind, low, high, unit: str = ""):
    """An argparse `type`: a number of `kind` in [low, high], else an Indonesian message."""
    word = "bilangan bulat" if kind is int else "angka"

    def convert(text: str):
        try:
            value = kind(text.replace(",", ".") if kind is float else text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:      # NaN fails here too
            raise argparse.ArgumentTypeError(
                f"{option} harus {word} antara {_id(low)} dan {_id(high)}{unit}, bukan '{text}'")
        return value
    return convert


def _id(number) -> str:
    """1000000 → 1.000.000 (Indonesian thousands)."""
    return f"{number:,.0f}".replace(",", ".")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("id", "en"), default="id",
                   help="bahasa pesan: id (bawaan) atau en")
    p.add_argument("--nomenklatur", "--nomenclature", dest="nomenclature", metavar="FILE",
                   help="daftar nomenklatur resmi: file Kemendagri apa adanya, atau CSV/XLSX "
                        "dengan kolom kode, nama (bawaan: yang dipasang dengan 'nomenklatur pasang')")
    p.add_argument("--jenis-pemda", dest="jenis_pemda", choices=("kabkot", "prov"), default=None,
                   help="baris nomenklatur yang dipakai: kabkot (bawaan) atau prov")
    p.add_argument("--toleransi", "--tolerance", dest="tolerance", default=0.0,
                   type=_ranged("--toleransi", float, 0, MAX_TOLERANCE, " rupiah"),
                   metavar="RUPIAH", help="selisih pagu yang masih diterima (bawaan 0)")
    p.add_argument("--batas-mb", "--limit-mb", dest="limit_mb", default=None,
                   type=_ranged("--batas-mb", int, 1, MAX_LIMIT_MB, " MB"),
                   metavar="MB", help="naikkan batas ukuran file/isi zip/jumlah sel (bawaan 200 MB file, 1024 MB isi, 2 juta sel)")


def _indent(p: argparse.ArgumentParser) -> None:
    p.add_argument("--indent", type=int, default=None, metavar="N",
                   help="JSON berindentasi N spasi agar mudah dibaca (bawaan: ringkas, satu baris)")


def _write_json(report, args) -> None:
    try:
        report.write_json(sys.stdout, args.lang, args.indent)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:          # `… | head`: the reader has what it wanted, no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _renstra_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--renstra", metavar="FILE",
                   help="workbook Renstra (matriks 5 tahun) sebagai acuan setiap Renja")


def _renstra(args):
    """`--renstra FILE`: checked once here, so a wrong file is one clear line, not an error
    on every Renja."""
    if not getattr(args, "renstra", None):
        return None
    from .reconcile.renstra import read_renstra
    if read_renstra(args.renstra) is None:
        raise _UsageError(f"file Renstra tidak dapat dibaca atau tidak berisi matriks Renstra: {args.renstra}")
    return args.renstra


def limits_from(args):
    from .read.workbook import Limits
    if not args.limit_mb:
        return Limits()
    mb = 2**20 * args.limit_mb
    scale = max(1, args.limit_mb / 200)
    return Limits(max_file_bytes=mb, max_unzipped_bytes=max(mb, Limits().max_unzipped_bytes),
                  max_ratio=Limits().max_ratio * scale,
                  max_cells=int(Limits().max_cells * scale))


def _template_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                   help="file template yang ditulis")
    p.add_argument("--tahun", type=int, default=None, metavar="TAHUN",
                   help="tahun rencana n (bawaan: tahun prakiraan maju file --dari, "
                        "atau tahun depan)")
    p.add_argument("--nama", default=None, metavar="NAMA",
                   help='nama perangkat daerah, mis. "Kecamatan Kejobong"')
    p.add_argument("--nomenklatur", "--nomenclature", dest="nomenclature", metavar="FILE",
                   help="daftar nomenklatur resmi untuk daftar pilihan kode "
                        "(bawaan: daftar kecamatan)")
    p.add_argument("--jenis-pemda", dest="jenis_pemda", choices=("kabkot", "prov"), default=None,
                   help="baris nomenklatur resmi yang dipakai: kabkot (bawaan) atau prov")
    p.add_argument("--dari", metavar="RENJA_TAHUN_LALU.xlsx",
                   help="isi awal dari Renja tahun lalu: prakiraan maju n+1 menjadi "
                        "rencana tahun ini")
    p.add_argument("--bidang", default=None, metavar="KODE",
                   help="bidang urusan yang kodenya ditawarkan (bawaan: bidang program di file "
                        "--dari, atau 7.01 kecamatan)")


def build_parser() -> argparse.ArgumentParser:
    words = HELP["id"]
    parser = _Parser(prog="python -m renja_xl", description=words["prog"])
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("check", help=words["check"])
    _renstra_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--semua", "--all", dest="every", action="store_true",
                   help="teks: satu baris per sel (bawaan: sel dengan temuan sama digabung)")
    _indent(p)
    _common(p)
    p = sub.add_parser("consolidate", help=words["consolidate"])
    _renstra_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--feedback", metavar="DIR", help="tulis salinan bertanda per kecamatan ke folder ini")
    p.add_argument("--jobs", type=_ranged("--jobs", int, 1, MAX_JOBS), default=None,
                   help="jumlah proses paralel (bawaan: jumlah core)")
    p.add_argument("--parquet", metavar="DIR", help="tulis juga rencana/kesalahan/ringkasan sebagai Parquet")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _indent(p)
    _common(p)
    p = sub.add_parser("nomenklatur", aliases=["nomenclature"], help=words["nomenklatur"])
    p.add_argument("action", choices=("pasang", "info", "hapus", "install", "remove"))
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--jenis-pemda", dest="jenis_pemda", choices=("kabkot", "prov"), default=None)
    p = sub.add_parser("web", help=words["web"])
    p.add_argument("--host", default="127.0.0.1", help="alamat server (bawaan 127.0.0.1: hanya komputer ini)")
    p.add_argument("--port", type=int, default=8000, help="port (bawaan 8000)")
    p.add_argument("--no-browser", action="store_true", help="jangan membuka peramban")
    p.add_argument("--maks-file", "--max-files", dest="max_files", type=int, default=200,
                   metavar="N", help="file per unggahan (bawaan 200)")
    p.add_argument("--maks-mb-file", "--max-file-mb", dest="max_file_mb", type=float, default=25,
                   metavar="MB", help="ukuran satu file (bawaan 25 MB)")
    p.add_argument("--maks-mb", "--max-batch-mb", dest="max_batch_mb", type=float, default=300,
                   metavar="MB", help="ukuran satu unggahan (bawaan 300 MB)")
    p.add_argument("--simpan-menit", "--keep-minutes", dest="keep_minutes", type=float,
                   default=60, metavar="MENIT", help="file dihapus setelah sekian menit (bawaan 60)")
    p.add_argument("--jobs", type=int, default=None, help="jumlah proses pemeriksa (bawaan: jumlah core)")
    _common(p)
    _template_parser(sub.add_parser("template", help=words["template"]))
    p = sub.add_parser("rules", help=words["rules"])
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--lang", choices=("id", "en"), default="id",
                   help="bahasa keterangan format text (id/en)")
    return parser


def _one_blas_thread() -> None:
    """numpy's OpenBLAS starts a thread per core when numpy is imported (pandas imports it);
    renja_xl does no linear algebra, so a command needs none of them. Set before numpy is
    imported, in the command's own process only (and the workers it starts); a value the
    user set is kept."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _arrow_on_the_c_heap() -> None:
    """pandas keeps text columns in pyarrow, whose own allocator (mimalloc) takes fresh
    memory for them; on the C library's heap the plan frame reuses what calamine freed after
    reading the sheet (a 100,000-row plan: peak 313 → 273 MB, same CPU). Set before pyarrow is
    imported, in the command's own process (and its workers); a value the user set is kept."""
    if "pyarrow" not in sys.modules:
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


@contextmanager
def _quiet_and_interruptible():
    """While a command runs: library warnings kept off stderr (our own `renja_xl:` lines
    only; `-W`/PYTHONWARNINGS still win), and SIGTERM/SIGHUP (a killed job, a closed
    terminal) stopping like Ctrl-C: workers stopped, their temporaries removed, exit 2."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        try:
            number = getattr(signal, name)
            previous[number] = signal.signal(number, interrupt)
        except (ValueError, OSError, AttributeError):  # not the main thread, or no such signal
            pass
    try:
        with warnings.catch_warnings():
            if not sys.warnoptions:
                warnings.simplefilter("ignore")
            yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@_quiet_and_interruptible()
def main(argv=None) -> int:
    _one_blas_thread()
    _arrow_on_the_c_heap()
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_UNREADABLE
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "consolidate":
            return _consolidate(args)
        if args.command == "rules":
            return _rules(args)
        if args.command in ("nomenklatur", "nomenclature"):
            return _nomenklatur(args)
        if args.command == "web":
            return _web(args)
        if args.command == "template":
            return _template(args)
    except KeyboardInterrupt:
        sys.stderr.write("renja_xl: dibatalkan\n")
        return EXIT_UNREADABLE
    except _UsageError as exc:
        sys.stderr.write(f"renja_xl: {exc}\n")
        return EXIT_UNREADABLE
    return EXIT_UNREADABLE


class _UsageError(Exception):
    pass


def _load_nomenclature(args):
    """The reference once: --nomenklatur FILE, else the stored list, else the built-in one."""
    from .validate.nomenclature import NomenclatureError
    from .validate.nomenclature_store import resolve
    try:
        return resolve(args.nomenclature, args.jenis_pemda)
    except (NomenclatureError, OSError) as exc:
        raise _UsageError(f"file nomenklatur tidak dapat dipakai: {exc}") from None


def _nomenklatur(args) -> int:
    """`nomenklatur pasang FILE [--jenis-pemda prov]` | `nomenklatur info` | `nomenklatur hapus`."""
    from .validate.nomenclature import NomenclatureError
    from .validate.nomenclature_store import command
    try:
        print(command(args.action, args.file, args.jenis_pemda))
    except NomenclatureError as exc:
        raise _UsageError(f"nomenklatur: {exc}") from None
    return EXIT_OK


def _check(args) -> int:
    from .check import check, expand_paths, skip_notices
    from .write.text import render_text
    skipped: list = []
    paths = expand_paths(args.paths, skipped)
    for notice in skip_notices(skipped):
        sys.stderr.write(f"renja_xl: {notice}\n")
    if not paths:
        raise _UsageError("tidak ada workbook (.xlsx/.xlsm/.xls/.xlsb/.ods) di " + ", ".join(args.paths))
    report = check(paths, lang=args.lang, nomenclature=_load_nomenclature(args),
                   tolerance=args.tolerance, limits=limits_from(args), jenis_pemda=args.jenis_pemda,
                   renstra=_renstra(args))
    if args.format == "json":
        _write_json(report, args)
    else:
        sys.stdout.write(render_text(report, args.lang, every=args.every) + "\n")
    return report.exit_code


def _consolidate(args) -> int:
    """`consolidate PATH... -o OUT.xlsx [--feedback DIR] [--jobs N]`."""
    from concurrent.futures.process import BrokenProcessPool
    from .consolidate import ConsolidateError, consolidate, summary_text
    try:
        result = consolidate(args.paths, output=args.output, feedback=args.feedback,
                             jobs=args.jobs, lang=args.lang, nomenclature=_load_nomenclature(args),
                             tolerance=args.tolerance, progress=sys.stderr.isatty(),
                             parquet=args.parquet, limits=limits_from(args),
                             jenis_pemda=args.jenis_pemda, renstra=_renstra(args))
    except ConsolidateError as exc:
        sys.stderr.write(f"renja_xl: {exc}\n")
        return EXIT_UNREADABLE
    except BrokenProcessPool:
        sys.stderr.write("renja_xl: proses pemeriksa berhenti mendadak (kehabisan memori?); "
                         "coba lagi dengan --jobs 1\n")
        return EXIT_UNREADABLE
    except OSError as exc:           # e.g. the output is open in Excel
        where = exc.filename or args.output
        sys.stderr.write(f"renja_xl: tidak dapat menulis {where}: {exc.strerror or exc}\n")
        return EXIT_UNREADABLE
    for notice in result.notices:
        sys.stderr.write(f"renja_xl: {notice}\n")
    if args.format == "json":
        _write_json(result.report, args)
    else:
        sys.stdout.write(summary_text(result, args.lang, args.feedback) + "\n")
    return result.report.exit_code


def _web(args) -> int:
    try:
        from .web import PortInUse, serve
        from .web.app import Config
    except ImportError as exc:
        raise _UsageError(f"halaman web butuh paket tambahan ({exc.name}): "
                          "pip install 'renja_xl[web]'") from None
    options = {"max_files": "--maks-file", "max_file_mb": "--maks-mb-file",
               "max_batch_mb": "--maks-mb", "keep_minutes": "--simpan-menit"}
    for name, option in options.items():
        if getattr(args, name) <= 0:
            raise _UsageError(f"{option} harus lebih dari 0")
    config = Config(lang=args.lang, max_files=args.max_files, max_file_mb=args.max_file_mb,
                    max_batch_mb=args.max_batch_mb, keep_minutes=args.keep_minutes,
                    tolerance=args.tolerance, nomenclature=_load_nomenclature(args),
                    limits=limits_from(args), workers=args.jobs)
    try:
        serve(config, host=args.host, port=args.port, open_browser=not args.no_browser)
    except PortInUse as exc:
        raise _UsageError(str(exc)) from None
    return EXIT_OK


def _template(args) -> int:
    from .write.template import TemplateError, write_template
    if args.tahun is not None and not 2000 <= args.tahun <= 2100:
        raise _UsageError(f"--tahun {args.tahun} tidak masuk akal")
    try:
        result = write_template(args.output, tahun=args.tahun, nama=args.nama,
                                nomenclature=_load_nomenclature(args), dari=args.dari,
                                bidang=args.bidang)
    except TemplateError as exc:
        raise _UsageError(str(exc)) from None
    line = (f"Template Renja {result.nama} {result.year} ditulis ke {result.path}: "
            f"{result.plan_rows} baris program/kegiatan/sub kegiatan")
    if args.dari:
        line += f", {result.prefilled} sub kegiatan dari {args.dari}, {len(result.notes)} catatan"
    sys.stdout.write(line + "\n")
    return EXIT_OK


def _rules(args) -> int:
    from .report.rules import listing
    sys.stdout.write(listing(args.format, args.lang))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
