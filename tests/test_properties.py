"""Property-based tests: the parsers never raise anything but their own error, values round-trip,
and the reader never raises on any bytes at all."""
from __future__ import annotations

import math
import os
import random
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from renja_xl.read.codes import four_digit_form, level_of, parent_code, parse_code
from renja_xl.read.numbers import (NumberError, format_number, format_rupiah, parse_money, parse_number,
                              parse_target)
from renja_xl.tables.reader import RenjaFile, read_file

from conftest import CLEAN_ROWS, PlanLayout, make_plan_workbook

# --- numbers ------------------------------------------------------------------------------------
NUMBERISH = st.text(alphabet="0123456789.,-+ ()%RpIDRrp\u00a0'", max_size=30)
ANY_CELL = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), st.floats(), st.text(max_size=60),
                     NUMBERISH, st.binary(max_size=10), st.lists(st.integers(), max_size=3))


@given(ANY_CELL)
@example("1.802.641.000")
@example("Rp 1.802.641.000,00")
@example("(1.500)")
@example("-")
@example("Rp")
@example("9" * 400)
@example(float("nan"))
@example(float("inf"))
def test_number_parsers_raise_only_number_error(value):
    for parse in (parse_number, parse_money, parse_target):
        try:
            result = parse(value)
        except NumberError:
            continue
        number = getattr(result, "value", None)
        assert number is None or isinstance(number, float)


@given(st.integers(min_value=-10**15, max_value=10**15))
@example(1_802_641_000)
@example(1500)
@example(0)
def test_format_number_round_trips_integers(value):
    assert parse_number(format_number(value)).value == value


@given(st.integers(min_value=-10**12, max_value=10**12))
@example(8388)
@example(150)
@example(-1)
def test_format_number_round_trips_two_decimals(hundredths):
    value = hundredths / 100
    text = format_number(value)
    assert math.isclose(parse_number(text).value, value, rel_tol=0, abs_tol=1e-9), text


@given(st.integers(min_value=-10**15, max_value=10**15))
@example(1_802_641_000)
@example(1500)
def test_format_rupiah_round_trips_integers(value):
    text = format_rupiah(value)
    assert text.startswith("Rp ")
    assert parse_money(text).value == value


# --- codes ------------------------------------------------------------------------------------
CELL_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                       st.text(alphabet="0123456789.xX ", max_size=20))


@given(st.one_of(CELL_VALUE, st.lists(CELL_VALUE, min_size=5, max_size=5), st.lists(CELL_VALUE, max_size=8)))
@example([7, 1, 2, 2.1, 2])
@example([None] * 5)
@example(float("nan"))
@example(float("inf"))
@example(["X", "XX", "01", "2.01", "0001"])
def test_parse_code_never_raises(cells):
    code = parse_code(cells)
    assert isinstance(code.kode, str)
    assert code.level in (None, "urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
    if code.level is not None:
        assert level_of(code.kode) == code.level


@st.composite
def code_parts(draw, digits_only=False):
    # urusan 1-9 or X (there is no urusan 0: a row of numbers 0, 1, 2, 3, 4 is not a code)
    urusan = draw(st.integers(1, 9).map(str) if digits_only else st.sampled_from(list("123456789X")))
    bidang = draw(st.integers(0, 99).map(lambda n: f"{n:02d}")
                  if digits_only or urusan != "X" else st.just("XX"))
    program = f"{draw(st.integers(0, 99)):02d}"
    level = draw(st.sampled_from("12345678"))     # 1 PROV, 2 KABKOT, 3-8 in the official list
    kegiatan = f"{draw(st.integers(1, 99)):02d}"
    sub = f"{draw(st.integers(1, 9999)):04d}"
    return urusan, bidang, program, level, kegiatan, sub


@given(code_parts(), st.integers(3, 6))
def test_codes_from_valid_parts_round_trip(parts, depth):
    depth = {3: 3, 4: 5, 5: 5, 6: 6}[depth]
    kode = ".".join(parts[:depth])
    level = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}[depth]
    code = parse_code(kode)
    assert (code.kode, code.level, code.restored) == (kode, level, [])
    assert level_of(kode) == level
    if depth > 3:
        assert parse_code(parent_code(kode)).kode == parent_code(kode)
    u, b, p, k, kk, s = parts
    five = [u, b, p, f"{k}.{kk}" if depth > 3 else "", s if depth == 6 else ""]
    assert parse_code(five).kode == kode


@given(code_parts(digits_only=True))
def test_damaged_numeric_forms_restore_the_canonical_code(parts):
    """Excel typed the code cells as General: "01" -> 1, "2.10" -> 2.1, "0001" -> 1."""
    u, b, p, k, kk, s = parts
    kode = ".".join(parts)
    damaged = [int(u), int(b), int(p), float(f"{k}.{kk}"), int(s)]
    code = parse_code(damaged)
    assert code.kode == kode and code.level == "sub_kegiatan"
    assert four_digit_form(kode) == kode
    legacy = f"{u}.{b}.{p}.{k}.{kk}.{s[2:]}"
    if s.startswith("00"):
        assert four_digit_form(legacy) == kode


# --- the whole reader ----------------------------------------------------------------------------
READER_SETTINGS = settings(max_examples=60, deadline=None,
                           suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read_bytes(data: bytes, suffix: str) -> RenjaFile:
    handle, path = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        result = read_file(path)
        assert Path(path).read_bytes() == data            # never written to
    finally:
        os.unlink(path)
    assert isinstance(result, RenjaFile)
    if result.error is not None:
        assert [i.rule for i in result.issues] == [result.error.rule]
    return result


@READER_SETTINGS
@given(st.binary(max_size=4096), st.sampled_from([".xlsx", ".xls", ".ods", ".xlsm", ""]))
def test_read_file_never_raises_on_random_bytes(data, suffix):
    _read_bytes(data, suffix)


@READER_SETTINGS
@given(st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html>", b"%PDF-",
                        b"\xef\xbb\xbf", b"\xff\xfe"]), st.binary(max_size=2048))
def test_read_file_never_raises_on_magic_plus_noise(magic, noise):
    _read_bytes(magic + noise, ".xlsx")


@pytest.fixture(scope="module")
def real_workbooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real")
    xlsx = make_plan_workbook(folder / "r.xlsx", CLEAN_ROWS, PlanLayout()).read_bytes()
    books = {"xlsx": xlsx}
    try:
        import xlwt
    except ImportError:
        return books
    book = xlwt.Workbook()
    sheet = book.add_sheet("Tabel 4.1")
    for r, row in enumerate(CLEAN_ROWS):
        for c, value in enumerate(row):
            sheet.write(r + 3, c, value)
    sheet.write_merge(0, 1, 0, 4, "Kode")
    book.save(str(folder / "r.xls"))
    books["xls"] = (folder / "r.xls").read_bytes()
    stored = folder / "stored.xlsx"          # uncompressed: flips reach the XML itself
    with zipfile.ZipFile(folder / "r.xlsx") as zin, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    books["stored"] = stored.read_bytes()
    return books


@READER_SETTINGS
@given(data=st.data())
def test_read_file_never_raises_on_damaged_real_workbooks(real_workbooks, data):
    kind = data.draw(st.sampled_from(sorted(real_workbooks)))
    raw = bytearray(real_workbooks[kind])
    seed = data.draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    how = data.draw(st.sampled_from(["flip", "truncate", "splice", "zero-run"]))
    if how == "flip":
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    elif how == "truncate":
        del raw[rng.randrange(len(raw)):]
    elif how == "splice":
        at = rng.randrange(len(raw))
        raw[at:at] = rng.randbytes(rng.randint(1, 64))
    else:
        at = rng.randrange(len(raw))
        raw[at:at + rng.randint(1, 512)] = bytes(512)[:len(raw[at:at + 512])]
    assume(bytes(raw) != real_workbooks[kind])
    _read_bytes(bytes(raw), "." + ("xls" if kind == "xls" else "xlsx"))


@pytest.mark.parametrize("digits", ["9" * 309, "1" + "0" * 400, "1.000." + "000." * 110 + "000"])
def test_numbers_beyond_a_float_are_refused_not_infinite(digits):
    """A number too long for a float is 'not a number' (a clear finding), never inf."""
    for parse in (parse_number, parse_money):
        with pytest.raises(NumberError):
            parse(digits)
    assert parse_target(digits).value is None            # a target keeps the text as its unit
