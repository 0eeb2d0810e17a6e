"""The pandera schema of each other table kind, generated from tables.toml: it exists for every
table, validates the public frames of a real workbook, and its failures land on Excel cells."""
from __future__ import annotations

import re

import pandera.errors
import pytest

import renja_xl
from renja_xl.check import check_files
from renja_xl.tables.defs import other_tables, table_defs
from renja_xl.write.frames import frames_by_table

from renstra_helpers import renstra_sheet
from tables_helpers import ALL, REVIEW, USULAN, build, cells, check, issues


def _sample_key(table_id: str, fdef) -> str:
    """A record key the reader could give this field (a half, a year where it has them)."""
    halves = table_defs()[table_id].options.get("halves")
    key = fdef.name
    if isinstance(halves, dict):
        key += "_" + next(iter(halves))
    elif halves == "year":
        key += "_2023"
    return key + ("_2025" if fdef.series else "")


@pytest.mark.parametrize("table_id", other_tables())
def test_every_table_kind_has_a_generated_schema(table_id):
    schema = renja_xl.table_schema(table_id, long=False)
    assert schema.name == table_id
    for fdef in table_defs()[table_id].fields:
        key = _sample_key(table_id, fdef)
        matching = [c for c in schema.columns.values() if c.regex and re.fullmatch(c.name, key)]
        assert matching, f"{table_id}: no column of the schema matches {key}"
        dtype = str(matching[0].dtype)             # text: pandas' string dtype, else numbers
        expected = "str" in dtype if fdef.kind == "text" else dtype == "float64"
        assert expected, (table_id, key, dtype)
    checks = {c.name for column in schema.columns.values() for c in column.checks}
    required = table_defs()[table_id].options.get("required_values", ())
    assert ("value-missing" in checks) == bool(required)
    money = any(f.kind == "money" for f in table_defs()[table_id].fields)
    assert ("value-negative" in checks) == money
    assert ("kode-invalid" in checks) == bool(table_defs()[table_id].options.get("levels"))


def test_the_plan_table_has_its_own_schema():
    with pytest.raises(ValueError, match="plan_schema"):
        renja_xl.table_schema("rencana")


def test_the_public_frames_of_a_real_workbook_validate(tmp_path):
    path = build(tmp_path, dict(ALL, **{"Renstra": renstra_sheet()}))
    frames = frames_by_table([renja_xl.read_file(path)])
    assert set(frames) == set(other_tables()) - {"capaian_iku"}
    for table_id, frame in frames.items():
        assert len(frame) > 0
        renja_xl.table_schema(table_id).validate(frame, lazy=True)
    # the long shapes have their own columns: the Renstra by year, a summary table by cell
    assert {"tahun", "dana"} <= set(frames["renstra"].columns)
    assert "nilai" in frames["ringkasan"].columns


def test_a_missing_required_value_fails_with_the_rule_name(tmp_path):
    path = build(tmp_path, {"Tabel 2.5": USULAN.set(7, "F", None)})
    frame = frames_by_table([renja_xl.read_file(path)])["usulan"]
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        renja_xl.table_schema("usulan").validate(frame, lazy=True)
    cases = caught.value.failure_cases
    assert list(zip(cases["check"], cases["column"])) == [("value-missing", "desa")]
    assert frame.loc[cases["index"].iloc[0], "row"] == 7


def test_a_negative_amount_fails_in_the_public_frame(tmp_path):
    path = build(tmp_path, {"Renstra": renstra_sheet().set(8, "I", -5_000_000)})
    frame = frames_by_table([renja_xl.read_file(path)])["renstra"]
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        renja_xl.table_schema("renstra").validate(frame, lazy=True)
    cases = caught.value.failure_cases
    assert list(zip(cases["check"], cases["column"])) == [("value-negative", "dana")]
    failed = frame.loc[cases["index"].iloc[0]]
    assert (failed["row"], failed["tahun"]) == (8, 2026)


def test_missing_required_values_land_on_their_cells(tmp_path):
    report = check(tmp_path, {"Tabel 2.5": USULAN.set(5, "B", None).set(6, "D", None)})
    assert cells(report, "value-missing") == ["B5", "D6"]
    assert [i.message() for i in issues(report, "value-missing")] == [
        "Kolom Usulan kosong", "Kolom Alamat Lokasi kosong"]


def test_negative_money_in_a_review_half_is_reported_on_its_cell(tmp_path):
    report = check(tmp_path, {"Tabel 2.4 Review": REVIEW.set(8, "J", -30_000)})
    found = issues(report, "value-negative")
    assert [(i.cell, i.severity, i.category) for i in found] == [("J8", "error", "value")]
    assert found[0].message() == \
        "Kolom Pagu Indikatif (Hasil Analisis Kebutuhan) bernilai negatif (Rp -30.000.000)"
    assert found[0].message("en") == \
        "Column Pagu Indikatif (Hasil Analisis Kebutuhan) is negative (Rp -30.000.000)"


def test_negative_dana_in_the_renstra_names_its_year(tmp_path):
    report = check(tmp_path, {"Renstra": renstra_sheet().set(8, "I", -5_000_000)})
    found = issues(report, "value-negative")
    assert [(i.cell, i.params["field"]) for i in found] == [("I8", "Dana 2026")]


def test_a_batch_finds_what_each_file_alone_finds(tmp_path):
    """One pandera call per table kind over a batch: the same issues, file by file."""
    first = build(tmp_path, {"Tabel 2.5": USULAN.set(5, "B", None),
                             "Tabel 2.4 Review": REVIEW.set(8, "J", -30_000)}, name="a.xlsx")
    second = build(tmp_path, {"Tabel 2.5": USULAN.set(6, "F", None)}, name="b.xlsx")
    alone = [check_files([p])[0][1] for p in (first, second)]
    together = [issues for _, issues, _ in check_files([first, second])]
    assert [[i.to_dict() for i in f] for f in together] == [[i.to_dict() for i in f] for f in alone]
    rules = [{(i.rule, i.cell) for i in f if i.rule.startswith("value-")} for f in together]
    assert rules == [{("value-missing", "B5"), ("value-negative", "J8")}, {("value-missing", "F6")}]


def test_a_renstra_code_that_is_no_permendagri_code_is_reported(tmp_path):
    """Such a row gets no level: without the finding it would silently drop out of the roll-ups
    and of the comparison with the Renja."""
    sheet = renstra_sheet().set(8, "A", "7.01.02.9.01.0002")     # kegiatan level digit 9
    report = check(tmp_path, {"Renstra": sheet})
    found = issues(report, "kode-invalid")
    assert [(i.cell, i.value, i.table) for i in found] == [("A8", "7.01.02.9.01.0002", "renstra")]
    frame = frames_by_table([renja_xl.read_file(build(tmp_path, {"Renstra": sheet}, name="b.xlsx"))])
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        renja_xl.table_schema("renstra").validate(frame["renstra"], lazy=True)
    assert set(caught.value.failure_cases["check"]) == {"kode-invalid"}


def test_codes_damaged_by_excel_over_five_cells_are_not_invalid(tmp_path):
    from renstra_helpers import five_cell
    sheet = five_cell(renstra_sheet()).set(8, "B", 1).set(8, "D", 2.1)   # "01" -> 1, "2.10" -> 2.1
    report = check(tmp_path, {"Renstra": sheet})
    assert issues(report, "kode-invalid") == []


def test_a_bidang_row_with_its_code_damaged_is_a_code(tmp_path):
    """An urusan/bidang row gets no level in the Renstra and keeps its code as written in the
    public frame ("7.1": Excel's 7.01); the schema reads it as the checker does."""
    sheet = renstra_sheet()
    sheet.rows.insert(5, [7.1, "URUSAN PEMERINTAHAN BIDANG KECAMATAN"])
    path = build(tmp_path, {"Renstra": sheet})
    assert issues(renja_xl.check(path), "kode-invalid") == []
    frame = frames_by_table([renja_xl.read_file(path)])["renstra"]
    assert "7.1" in set(frame["kode"])
    renja_xl.table_schema("renstra").validate(frame, lazy=True)
