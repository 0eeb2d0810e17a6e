"""The pandera schema of the normalised plan frame, and its failures as located issues.

`plan_schema()` is the schema as code (usable on its own in a notebook:
`renja_xl.plan_schema().validate(df, lazy=True)`). Every check is named after the rule it
enforces; `validate_plan` runs it lazily (all failures collected) and turns each failure
case into an `Issue` on the Excel cell of the row it came from, never a DataFrame index.
"""
from __future__ import annotations

from functools import lru_cache

from .codes import LEVELS, PATTERNS, four_digit_form
from .issues import Issue

__all__ = ["plan_schema", "validate_plan", "FRAME_RULES"]


def _is_blank(series):
    return series.isna() | (series.astype("string").str.strip() == "")


def _sub(df):
    return df["level"] == "sub_kegiatan"


def _code_format_ok(df):
    """The code matches the format of its level (X/XX generic codes allowed)."""
    ok = df["kode"].isna() | df["level"].notna()
    for level in LEVELS:
        mask = df["level"] == level
        if mask.any():
            pattern = PATTERNS[level]
            if level == "sub_kegiatan":
                pattern = f"(?:{pattern})|(?:{PATTERNS['sub_kegiatan_2digit']})"
            ok &= ~mask | df["kode"].astype("string").str.fullmatch(pattern).fillna(False).astype(bool)
    return ok


# rule -> (check: frame -> boolean Series, True where the row passes; field the issue sits on)
FRAME_RULES = {
    "kode-missing": (lambda df: df["kode"].notna(), "kode"),
    "kode-invalid": (_code_format_ok, "kode"),
    "kode-sub-2digit": (lambda df: ~(_sub(df) & df["_legacy_sub"]), "kode_sub"),
    "nama-missing": (lambda df: df["level"].isna() | ~_is_blank(df["nama"]), "nama"),
    "indikator-missing": (lambda df: df["level"].isna() | ~_is_blank(df["indikator"]), "indikator"),
    "target-missing": (lambda df: ~_sub(df) | ~_is_blank(df["_target_text"]), "target"),
    "pagu-missing": (lambda df: ~_sub(df) | df["pagu"].notna() | df["_pagu_unreadable"], "pagu"),
    "lokasi-missing": (lambda df: ~_sub(df) | ~_is_blank(df["lokasi"]), "lokasi"),
    "sumber-dana-missing": (lambda df: ~_sub(df) | ~_is_blank(df["_sumber_dana_any"]), "sumber_dana"),
}


@lru_cache(maxsize=1)
def plan_schema():
    """The pandera DataFrameSchema for normalised plan rows (plus the private helper columns)."""
    import pandera.pandas as pa
    nonneg = pa.Check(lambda s: s.isna() | (s >= 0), name="pagu-negative")
    columns = {
        "file": pa.Column(str),
        "sheet": pa.Column(str),
        "row": pa.Column(int, pa.Check.ge(1)),
        "kode": pa.Column(str, nullable=True),
        "level": pa.Column(str, pa.Check.isin(LEVELS), nullable=True),
        "parent_kode": pa.Column(str, nullable=True),
        "nama": pa.Column(str, nullable=True),
        "indikator": pa.Column(str, nullable=True),
        "lokasi": pa.Column(str, nullable=True),
        "pagu": pa.Column(float, nonneg, nullable=True),
        "pagu_n1": pa.Column(float, nonneg, nullable=True),
        "target": pa.Column(float, nullable=True),
        "target_n1": pa.Column(float, nullable=True),
    }
    checks = [pa.Check(fn, name=rule) for rule, (fn, _) in FRAME_RULES.items()]
    return pa.DataFrameSchema(columns, checks=checks, strict=False, coerce=True)


def _frame(records: list[dict]):
    from .reader import plan_frame
    frame = plan_frame(records)
    frame["_legacy_sub"] = [bool(r.get("_legacy_sub")) for r in records]
    frame["_target_text"] = [r.get("_target_text") for r in records]
    frame["_pagu_unreadable"] = [r.get("_pagu_formula") is not None or r.get("_pagu_bad", False)
                                 for r in records]
    frame["_sumber_dana_any"] = [r.get("_sumber_dana_any") for r in records]
    return frame


def validate_plan(plan) -> list[Issue]:
    """Validate one plan table's rows lazily; every failure as an issue on its cell."""
    import pandera.pandas as pa
    records = plan.rows
    if not records:
        return []
    frame = _frame(records)
    try:
        plan_schema().validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    issues: list[Issue] = []
    seen: set[tuple[str, int]] = set()
    for check, column, index in zip(cases["check"], cases["column"], cases["index"]):
        if index is None or index != index:
            continue
        rule = str(check)
        index = int(index)
        if rule not in FRAME_RULES and rule != "pagu-negative":
            rule = "kode-invalid" if column in ("kode", "level") else None
            if rule is None:
                continue
        field_name = FRAME_RULES[rule][1] if rule in FRAME_RULES else column
        key = (rule + ":" + str(field_name), index)
        if key in seen:
            continue
        seen.add(key)
        issues.append(_issue(plan, records[index], rule, field_name))
    issues.sort(key=lambda i: (i.row or 0, i.col or 0))
    return issues


def _issue(plan, rec: dict, rule: str, field_name: str) -> Issue:
    kode = rec.get("kode")
    params = {"level": rec.get("level")}
    value = expected = None
    col = None
    if field_name == "kode_sub":
        col = plan.layout.columns["kode"][-1]
        value, expected = kode, four_digit_form(kode)
    elif field_name == "kode":
        value = rec.get("_kode_raw") or kode
    elif field_name in ("pagu", "pagu_n1"):
        value = rec.get(field_name)
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
    return plan.issue(rule, rec["row"], col=col, kode=kode, value=value, expected=expected,
                      params=params)


def _rp(value):
    from .numbers import format_rupiah
    return format_rupiah(value)
