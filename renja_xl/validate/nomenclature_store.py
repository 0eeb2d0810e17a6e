"""The official list, set once: `python -m renja_xl nomenklatur pasang FILE`.

`install` reads the file (the Kemendagri workbook or a `kode, nama` list) and stores a compact
cache of its entries — no definitions, just codes, names, indicators, units and previous codes —
as JSON in the user's data folder (platformdirs: `~/.local/share/renja_xl` on Linux,
`%LOCALAPPDATA%\\renja_xl` on Windows, `~/Library/Application Support/renja_xl` on macOS; the
environment variable RENJA_XL_DATA_DIR overrides it). With the source file's name, SHA-256,
row count and the jenis pemda to use. Later checks use it when no `--nomenklatur` is given.
The cache is made on the user's machine from the file the user has; nothing is shipped.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .nomenclature import Nomenclature, builtin_nomenclature, load_nomenclature
from .nomenclature_read import JENIS_PEMDA, Entry, NomenclatureError, read_nomenclature_file

__all__ = ["ENV", "data_dir", "cache_path", "install", "stored_info", "remove", "load_stored",
           "resolve", "command"]

ENV = "RENJA_XL_DATA_DIR"
CACHE_NAME = "nomenklatur.json"
FORMAT = 1
_REINSTALL = "pasang ulang dengan: python -m renja_xl nomenklatur pasang FILE"


def data_dir() -> Path:
    """The user's data folder for renja_xl (RENJA_XL_DATA_DIR when set)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    import platformdirs
    return Path(platformdirs.user_data_dir("renja_xl", appauthor=False))


def cache_path() -> Path:
    return data_dir() / CACHE_NAME


def _sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _row(entry: Entry) -> list[str]:
    row = [entry.jenis, entry.kode, entry.nama, entry.level, entry.indikator, entry.satuan,
           entry.sebelumnya, entry.sebelumnya_nama]
    while row and not row[-1]:
        row.pop()
    return row


def install(path, jenis_pemda: str | None = None) -> dict:
    """Read `path` and store its cache; returns the stored description (no entries)."""
    if jenis_pemda and jenis_pemda.lower() not in JENIS_PEMDA:
        raise NomenclatureError(f"jenis pemda '{jenis_pemda}' tidak dikenal (kabkot atau prov)")
    found = read_nomenclature_file(path)
    meta = {"format": FORMAT, "file": os.path.basename(str(path)), "sha256": _sha256(path),
            "rows": found.rows, "kind": found.kind, "rows_by_jenis": found.jenis_pemda,
            "jenis_pemda": JENIS_PEMDA[(jenis_pemda or "kabkot").lower()],
            "entries": len(found.entries),
            "installed": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    target = cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    payload = {"meta": meta, "entries": [_row(e) for e in found.entries]}
    tmp.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.replace(tmp, target)
    _load.cache_clear()
    return meta


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
        if data["meta"]["format"] != FORMAT:
            raise ValueError(f"format {data['meta']['format']}")
        return data
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NomenclatureError(f"nomenklatur tersimpan {path} tidak dapat dipakai ({exc}); "
                                f"{_REINSTALL}") from None


def stored_info() -> dict | None:
    """The stored list's description, with its `path`; None when none is stored."""
    path = cache_path()
    if not path.is_file():
        return None
    return {**_read(path)["meta"], "path": str(path)}


def remove() -> bool:
    """Remove the stored list; False when there was none."""
    path = cache_path()
    _load.cache_clear()
    if not path.is_file():
        return False
    path.unlink()
    return True


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int, jenis_pemda: str | None) -> Nomenclature:
    gc.disable()          # ~100,000 new objects: no full collections of the imported modules
    try:
        return _build(path, jenis_pemda)
    finally:
        gc.enable()


def _build(path: str, jenis_pemda: str | None) -> Nomenclature:
    data = _read(Path(path))
    meta = data["meta"]
    jenis = jenis_pemda or meta.get("jenis_pemda")
    entries = [Entry(*row) for row in data["entries"]]
    info = {"file": meta["file"], "rows": meta["rows"], "kind": meta["kind"],
            "jenis_pemda": JENIS_PEMDA.get((jenis or "kabkot").lower(), "KABKOT"),
            "stored": True, "sha256": meta["sha256"], "installed": meta["installed"]}
    return Nomenclature(entries=entries, source=f"{meta['file']} (tersimpan)", jenis_pemda=jenis,
                        info=info)


def load_stored(jenis_pemda: str | None = None) -> Nomenclature | None:
    """The stored list for this jenis pemda (its own default when None); None if none."""
    path = cache_path()
    try:
        st = path.stat()
    except OSError:
        return None
    return _load(str(path), st.st_mtime_ns, st.st_size, jenis_pemda)


def resolve(nomenclature=None, jenis_pemda: str | None = None) -> Nomenclature:
    """The reference a check uses: a given Nomenclature, a file path, else the stored list,
    else the built-in kecamatan list."""
    if isinstance(nomenclature, Nomenclature):
        return nomenclature
    if nomenclature:
        found = load_nomenclature(os.fspath(nomenclature), jenis_pemda)
        found.info["sha256"] = _sha256(nomenclature)
        return found
    return load_stored(jenis_pemda) or builtin_nomenclature()


def describe_stored(info: dict) -> str:
    """The stored list in a few lines (`nomenklatur info`)."""
    def number(n):
        return f"{n:,}".replace(",", ".")
    by_jenis = ", ".join(f"{k} {number(v)}" for k, v in info.get("rows_by_jenis", {}).items())
    return "\n".join([f"File      : {info['file']}",
                      f"Baris     : {number(info['rows'])}" + (f" ({by_jenis})" if by_jenis else ""),
                      f"Dipakai   : {info['jenis_pemda']} (ubah dengan --jenis-pemda)",
                      f"SHA-256   : {info['sha256']}",
                      f"Dipasang  : {info['installed']}",
                      f"Tersimpan : {info.get('path') or cache_path()}"])


def command(action: str, path=None, jenis_pemda: str | None = None) -> str:
    """`nomenklatur pasang FILE | info | hapus`: do it and say what was done (Indonesian)."""
    action = {"install": "pasang", "remove": "hapus"}.get(action, action)
    none = ("Tidak ada nomenklatur tersimpan; dipakai daftar bawaan (kecamatan 7.01). "
            "Pasang dengan: python -m renja_xl nomenklatur pasang FILE")
    if action == "pasang":
        if not path:
            raise NomenclatureError("sebutkan file-nya: nomenklatur pasang FILE")
        install(path, jenis_pemda)
        return "Nomenklatur terpasang.\n" + describe_stored(stored_info())
    if action == "hapus":
        where = cache_path()
        return f"Nomenklatur tersimpan dihapus ({where})" if remove() else none
    info = stored_info()
    return describe_stored(info) if info else none
