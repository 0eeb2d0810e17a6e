"""The other tables as consolidation sheets: per table id, one DataFrame over all files.

    records = table_records(renja)               # per file (plain, picklable dicts)
    frames_by_table([records, ...])              # {"evaluasi": df, "review_rkpd": df, …}
    table_frames([records, ...])                 # {"Evaluasi": df, "Review RKPD": df, …}

Every frame starts with `file`, `kecamatan`, `sheet`, `row` (the Excel row of the source), then
the table's normalised fields: one column per field (per half `_rkpd`/`_analisis`, per year
`_2023`), a target's unit in `<field>_satuan`, the level of a row of a table with levels.
Tables that tables.toml marks `long` are written long: summary tables with a total row
(`long = "cells"`, they differ in their columns): one row per cell (`judul`, `baris`, `kolom`,
`nilai`, `jumlah` = the row is the total row); the Renstra matrix (`long = "years"`): one row
per code × year (`tahun`, `target`, `target_satuan`, `dana`). Sheets follow `sheet_rank`.
"""
from __future__ import annotations

from ..tables.defs import table_defs

__all__ = ["table_records", "frames_by_table", "table_frames", "BASE_FIELDS", "LONG_FIELDS"]

BASE_FIELDS = ("file", "kecamatan", "sheet", "row")
LONG_FIELDS = BASE_FIELDS + ("judul", "baris", "kolom", "nilai", "jumlah")
YEAR_FIELDS = BASE_FIELDS + ("kode", "level", "nama", "indikator", "satuan", "kondisi_awal",
                             "tahun", "target", "target_satuan", "dana", "kondisi_akhir",
                             "lokasi", "pd")


def sheet_order() -> list[str]:
    """Table ids in the order of a Renja document (`sheet_rank` in tables.toml)."""
    defs = table_defs()
    return sorted(defs, key=lambda t: defs[t].options.get("sheet_rank", 99))


def _columns_of(gt) -> list[str]:
    keys = ["level"] if gt.table.options.get("levels") else []
    for column in gt.columns:
        keys.append(column.key)
        if column.kind == "target":
            keys.append(f"{column.key}_satuan")
    return keys


def table_records(renja, nomenclature=None) -> dict[str, dict]:
    """Per table id: {"columns": [...], "rows": [dict, ...]} for one `RenjaFile` (picklable)."""
    out: dict[str, dict] = {}
    if any(gt.table.options.get("levels") and any("level" not in r for r in gt.rows)
           for gt in renja.tables):
        from ..validate.nomenclature import builtin_nomenclature
        from ..reconcile.review import assign_all_levels
        assign_all_levels(renja, nomenclature or builtin_nomenclature())
    for gt in renja.tables:
        entry = out.setdefault(gt.table_id, {"columns": [], "rows": []})
        long = gt.table.options.get("long")
        if long in ("cells", "years"):
            entry["columns"] = list(LONG_FIELDS if long == "cells" else YEAR_FIELDS)
            entry["rows"] += _long_rows(gt) if long == "cells" else _year_rows(gt)
            continue
        keys = _columns_of(gt)
        for key in keys:
            if key not in entry["columns"]:
                entry["columns"].append(key)
        for row in gt.rows:
            record = {name: row.get(name) for name in BASE_FIELDS}
            record.update({key: row.get(key) for key in keys})
            entry["rows"].append(record)
    return out


def _long_rows(gt) -> list[dict]:
    label = next((c for c in gt.columns if c.name == "label"), None)
    values = [c for c in gt.columns if c.name != "label"]
    rows = []
    for row in sorted(gt.rows + gt.totals, key=lambda r: r["row"]):
        for column in values:
            rows.append({"file": row["file"], "kecamatan": row.get("kecamatan") or
                         (gt.rows[0].get("kecamatan") if gt.rows else None),
                         "sheet": row["sheet"], "row": row["row"], "judul": gt.title,
                         "baris": row.get(label.key) if label else None,
                         "kolom": column.caption or column.key, "nilai": row.get(column.key),
                         "jumlah": row.total is not None})
    return rows


def _year_rows(gt) -> list[dict]:
    """The Renstra matrix long: one row per code (and indicator) × year."""
    targets = {c.year: c for c in gt.series("target") if c.year}
    dana = {c.year: c for c in gt.series("dana") if c.year}
    rows = []
    for row in gt.rows:
        base = {name: row.get(name) for name in BASE_FIELDS}
        base.update({name: row.get(name) for name in ("kode", "level", "nama", "indikator",
                                                      "satuan", "kondisi_awal", "kondisi_akhir",
                                                      "lokasi", "pd")})
        for year in sorted(set(targets) | set(dana)):
            record = dict(base, tahun=year)
            t, d = targets.get(year), dana.get(year)
            record["target"] = row.get(t.key) if t else None
            record["target_satuan"] = row.get(f"{t.key}_satuan") if t else None
            record["dana"] = row.get(d.key) if d else None
            rows.append(record)
    return rows


def frames_by_table(per_file) -> dict:
    """Table id ('evaluasi', 'review_rkpd', …) -> DataFrame over all files.

    `per_file`: an iterable of `table_records(...)` results or of `RenjaFile`s.
    """
    import pandas as pd
    merged: dict[str, dict] = {}
    for item in per_file:
        records = item if isinstance(item, dict) else table_records(item)
        for table_id, entry in records.items():
            target = merged.setdefault(table_id, {"columns": [], "rows": []})
            for key in entry["columns"]:
                if key not in target["columns"]:
                    target["columns"].append(key)
            target["rows"] += entry["rows"]
    frames = {}
    for table_id in (t for t in sheet_order() if t in merged):
        entry = merged[table_id]
        columns = list(BASE_FIELDS) + [c for c in entry["columns"] if c not in BASE_FIELDS]
        frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in entry["rows"]],
                             columns=columns)
        frame["row"] = frame["row"].astype("int64")
        frames[table_id] = frame
    return frames


def table_frames(per_file) -> dict:
    """Sheet name from tables.toml ('Evaluasi', 'Review RKPD', …) -> DataFrame: the
    `extra_sheets` of the consolidated workbook."""
    defs = table_defs()
    return {defs[table_id].sheet: frame for table_id, frame in frames_by_table(per_file).items()}
