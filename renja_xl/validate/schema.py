"""The pandera schema of the normalised plan frame, and its failures as located issues.

`plan_schema()` is the schema as code (usable on its own in a notebook:
`renja_xl.plan_schema().validate(df, lazy=True)`). Every check is named after the rule it
enforces; `validate_plans` runs it lazily (all failures collected) over the rows of many plan
tables at once (a batch of files: pandera's cost is mostly per call) and turns each failure
case into an `Issue` on the Excel cell of the row it came from, never a DataFrame index.
The checks are row by row, so a table's failures do not depend on the tables beside it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..read.codes import ALL_LEVELS, PATTERNS, PLAN_LEVELS, four_digit_form, parent_code
from ..report.issues import Issue
from ..report.data import schema_toml

__all__ = ["plan_schema", "validate_plan", "validate_plans", "FRAME_RULES"]


def _is_blank(series):
    """Empty text: the reader stores None for empty cells (text is already trimmed)."""
    return series.isna() | (series == "")


def _sub(df):
    """Sub kegiatan rows (in `read_renja`'s frame: an item's own row, not its further
    indicators' rows, which leave the money empty)."""
    sub = df["level"] == "sub_kegiatan"
    if "indikator_ke" in df:
        sub &= df["indikator_ke"].fillna(1) == 1
    return sub


def _item(df):
    """Program, kegiatan and sub kegiatan rows (urusan/bidang rows only group them)."""
    return df["level"].isin(PLAN_LEVELS)


_INDICATOR_WORDS = r"\s*(%s)\b" % "|".join(
    re.escape(w) for w in schema_toml("words.toml")["indicator_openers"])
_ANY_CODE = "|".join(f"(?:{PATTERNS[k][1:-1]})" for k in
                     ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan",
                      "sub_kegiatan_2digit"))

# Column-level checks: rule -> (column, check on that column's Series)
COLUMN_RULES = {
    "kode-invalid": ("kode", lambda s: s.isna() | s.str.fullmatch(_ANY_CODE).fillna(False).astype(bool)),
    "kode-sub-2digit": ("kode", lambda s: s.isna() | ~s.str.fullmatch(PATTERNS["sub_kegiatan_2digit"][1:-1]).fillna(False).astype(bool)),
}
# Row-level checks: rule -> (check on the frame, True where the row passes; field of the issue)
FRAME_RULES = {
    "nama-missing": (lambda df: df["level"].isna() | ~_is_blank(df["nama"]), "nama"),
    "indikator-missing": (lambda df: ~_item(df) | ~_is_blank(df["indikator"]), "indikator"),
    "target-missing": (lambda df: ~_sub(df) | ~_is_blank(_private(df, "_target_text"))
                       | _private(df, "_dropped"), "target"),
    "pagu-missing": (lambda df: ~_sub(df) | df["pagu"].notna() | _private(df, "_pagu_unreadable")
                     | _private(df, "_dropped"), "pagu"),
    "lokasi-missing": (lambda df: ~_sub(df) | ~_is_blank(df["lokasi"]), "lokasi"),
    "sumber-dana-missing": (lambda df: ~_sub(df) | ~_is_blank(_private(df, "_sumber_dana_any")),
                            "sumber_dana"),
    # where sub kegiatan rows name their sumber dana (budget is allotted per sub kegiatan, and
    # SIPD requires it there), one that names none is reported even when a parent names one
    "sumber-dana-per-sub": (lambda df: ~_sub(df) | ~_private(df, "_per_sub")
                            | ~_is_blank(df["sumber_dana"])
                            | _is_blank(_private(df, "_sumber_dana_any")), "sumber_dana"),
    "sasaran-missing": (lambda df: ~_private(df, "_has_sasaran_col") | ~_item(df)
                        | ~_is_blank(df["sasaran"]), "sasaran"),
    "lokasi-not-a-place": (lambda df: _is_blank(df["lokasi"]) | ~(
        (df["lokasi"] == df["indikator"]) |
        df["lokasi"].str.match(_INDICATOR_WORDS, case=False).fillna(False).astype(bool)), "lokasi"),
}


def _private(df, name: str):
    """A helper column of `validate_plan`'s frame, or its stand-in computed from the public
    columns of `read_renja`'s frame (so `plan_schema().validate(read_renja(path))` works)."""
    if name in df:
        return df[name]
    return _PUBLIC[name](df)


def _target_present(df):
    """The target as written: its number, else its unit (a target like 'Tersedia')."""
    return df["target"].where(df["target"].notna(), df.get("satuan"))


def _sasaran_column(df):
    """Whether the row's table has a Sasaran column: any sasaran filled in that table."""
    keys = [k for k in ("file", "sheet") if k in df]
    filled = df["sasaran"].notna() & (df["sasaran"] != "")
    if not keys:
        return filled | filled.any()
    return filled.groupby([df[k] for k in keys]).transform("any").astype(bool)


def _inherited_sumber_dana(df):
    """The row's sumber dana, else its kegiatan's, else its program's (same file)."""
    import pandas as pd
    files = df["file"] if "file" in df else pd.Series("", index=df.index)
    own = [None if _blank(v) else v for v in df["sumber_dana"]]
    by_code: dict = {}
    for file, kode, value in zip(files, df["kode"], own):
        by_code.setdefault((file, kode), value)
    found = []
    for file, kode, value in zip(files, df["kode"], own):
        while value is None and isinstance(kode, str) and kode:
            kode = parent_code(kode)
            value = by_code.get((file, kode))
        found.append(value)
    return pd.Series(found, index=df.index, dtype=object)


def _blank(value) -> bool:
    return value is None or value != value or value == ""


def _dropped(df):
    """A Renja Perubahan: Menjadi left empty where Semula has a pagu drops the row (0)."""
    if "pagu_semula" not in df:
        return df["pagu"].isna() & False
    return df["pagu"].isna() & df["pagu_semula"].notna()


def _per_sub(df):
    """Whether the row's table names sumber dana on its sub kegiatan rows."""
    keys = [k for k in ("file", "sheet") if k in df]
    named = _sub(df) & ~_is_blank(df["sumber_dana"])
    if not keys:
        return named | named.any()
    return named.groupby([df[k] for k in keys]).transform("any").astype(bool)


_PUBLIC = {"_target_text": _target_present,
           "_dropped": _dropped,
           "_per_sub": _per_sub,
           "_pagu_unreadable": lambda df: df["pagu"].isna() & False,
           "_sumber_dana_any": _inherited_sumber_dana,
           "_has_sasaran_col": _sasaran_column}
# pandera's own check names, for the failures of column properties
_BUILTIN = {("kode", "not_nullable"): "kode-missing"}
_FIELD = {"kode-missing": "kode", "kode-invalid": "kode", "kode-sub-2digit": "kode_sub",
          "pagu-negative": None}


def _pandera():
    """`pandera.pandas`, imported without hypothesis when hypothesis is not loaded yet.

    pandera's built-in checks import its data-synthesis strategies, which import hypothesis
    when it is installed (0.2 s of a 0.7 s `check`). renja_xl never synthesises data, so the
    strategies get their placeholders; import hypothesis before renja_xl to keep them."""
    import sys
    if "pandera.backends.pandas.builtin_checks" in sys.modules or "hypothesis" in sys.modules:
        import pandera.pandas as pa
        return pa
    sys.modules["hypothesis"] = None                # makes `import hypothesis` fail
    try:
        import pandera.pandas as pa
        import pandera.backends.pandas.builtin_checks  # noqa: F401  (imports the strategies)
    finally:
        del sys.modules["hypothesis"]
    return pa


@lru_cache(maxsize=1)
def plan_schema():
    """The pandera DataFrameSchema for normalised plan rows (plus the private helper columns)."""
    pa = _pandera()
    # every check of ours passes missing values itself: ignore_na=False spares pandera its
    # own null masking (a dropna per column, an isna of the whole frame per frame check)
    nonneg = pa.Check(lambda s: s.isna() | (s >= 0), name="pagu-negative", ignore_na=False)
    kode_checks = [pa.Check(fn, name=rule, ignore_na=False) for rule, (_, fn) in COLUMN_RULES.items()]
    columns = {
        "row": pa.Column(int, pa.Check.ge(1)),
        "kode": pa.Column(str, kode_checks, nullable=False),
        "level": pa.Column(str, pa.Check.isin(ALL_LEVELS), nullable=True),
        "nama": pa.Column(str, nullable=True),
        "indikator": pa.Column(str, nullable=True),
        "lokasi": pa.Column(str, nullable=True),
        "pagu": pa.Column(float, nonneg, nullable=True),
        "pagu_n1": pa.Column(float, nonneg, nullable=True),
    }
    checks = [pa.Check(fn, name=rule, ignore_na=False) for rule, (fn, _) in FRAME_RULES.items()]
    return pa.DataFrameSchema(columns, checks=checks, strict=False, coerce=True)


_FRAME_COLUMNS = ("row", "kode", "level", "nama", "sasaran", "indikator", "lokasi", "pagu", "pagu_n1",
                  "sumber_dana")


def _frame(plans):
    """The narrow frame the schema validates (only the columns its checks read), the rows of
    all `plans` one after the other, built once with the dtypes the schema wants."""
    import pandas as pd
    records = [r for plan in plans for r in plan.rows]
    data = {name: [getattr(r, name) for r in records] for name in _FRAME_COLUMNS}
    data["_target_text"] = [r.text("target") for r in records]
    data["_pagu_unreadable"] = [r.unreadable("pagu") for r in records]
    # a Renja Perubahan: Menjadi left empty where Semula has a pagu drops the row (0)
    data["_dropped"] = [r.pagu is None and r.pagu_semula is not None for r in records]
    data["_sumber_dana_any"] = [r.sumber_dana_any for r in records]
    data["_per_sub"] = _per_table(plans, lambda plan: any(
        r.sumber_dana for r in plan.rows if r.level == "sub_kegiatan"))
    data["_has_sasaran_col"] = _per_table(plans, lambda plan: plan.col("sasaran") is not None)
    for name in ("pagu", "pagu_n1"):
        data[name] = pd.to_numeric(pd.Series(data[name], dtype=object), errors="coerce").astype("float64")
    return pd.DataFrame(data)


def _per_table(plans, value) -> list:
    """A value of each table, on every one of its rows."""
    return [v for plan in plans for v in [value(plan)] * len(plan.rows)]


def validate_plan(plan) -> list[Issue]:
    """Validate one plan table's rows lazily; every failure as an issue on its cell."""
    return validate_plans([plan])[0]


def validate_plans(plans) -> list[list[Issue]]:
    """`validate_plan` of each table, in one pandera call for all their rows."""
    from bisect import bisect_right
    pa = _pandera()
    out: list[list[Issue]] = [[] for _ in plans]
    todo = [i for i, plan in enumerate(plans) if plan.rows]
    if not todo:
        return out
    starts, n = [], 0
    for i in todo:
        starts.append(n)
        n += len(plans[i].rows)
    try:
        plan_schema().validate(_frame([plans[i] for i in todo]), lazy=True)
        return out
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    seen: set[tuple[str, int]] = set()
    for check, column, index in zip(cases["check"], cases["column"], cases["index"]):
        if index is None or index != index:
            continue
        check = str(check)
        rule = _BUILTIN.get((column, check), check)
        if rule in FRAME_RULES:
            field_name = FRAME_RULES[rule][1]
        elif rule in _FIELD:
            field_name = _FIELD[rule] or column
        else:
            continue                      # a type/coercion failure already reported as a value
        key = (f"{rule}:{field_name}", int(index))
        if key in seen:
            continue
        seen.add(key)
        k = bisect_right(starts, int(index)) - 1
        plan = plans[todo[k]]
        out[todo[k]].append(_issue(plan, plan.rows[int(index) - starts[k]], rule, field_name))
    for issues in out:
        issues.sort(key=lambda i: (i.row or 0, i.col or 0))
    return out


def _issue(plan, rec, rule: str, field_name: str) -> Issue:
    kode = rec.kode
    params = {"level": rec.level}
    value = expected = None
    col = None
    if field_name == "kode_sub":
        col = plan.layout.columns["kode"][-1]
        value, expected = kode, four_digit_form(kode)
    elif field_name == "lokasi" and rule == "lokasi-not-a-place":
        value = rec.lokasi
    elif field_name == "kode":
        value = rec.kode_raw or kode
        params["level"] = None
    elif field_name in ("pagu", "pagu_n1"):
        value = getattr(rec, field_name)
        params["year"] = plan.year(field_name == "pagu_n1")
        params["shown"] = _rp(value)
    elif field_name == "target":
        params["year"] = plan.year(False)
    elif field_name == "sumber_dana" and plan.col("sumber_dana") is None:
        col = plan.col("nama")
    if col is None:
        col = plan.col(field_name)
        if col is None:                      # the column itself is missing: point at the code
            col = plan.col("kode")
    return plan.issue(rule, rec.row, col=col, kode=kode, value=value, expected=expected,
                      params=params)


def _rp(value):
    from ..read.numbers import format_rupiah
    return format_rupiah(value)
