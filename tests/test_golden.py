"""The JSON report of every sample, byte for byte: a change in what `check` finds or how it says
it shows up here. After an intended change, regenerate with
`RENJA_GOLDEN_UPDATE=1 python -m pytest tests/test_golden.py` and read the diff."""
import os
import pathlib

import pytest

import renja_xl

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted(p.name for p in (ROOT / "samples").glob("*.xlsx"))


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RENJA_GOLDEN_UPDATE"):
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_json_of_each_sample_is_unchanged(sample, lang, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = renja_xl.check(f"samples/{sample}", lang=lang)
    _compare(f"{sample.removesuffix('.xlsx')}.{lang}.json", report.to_json(lang) + "\n")


def test_consolidate_json_of_the_samples_is_unchanged(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = renja_xl.consolidate("samples/", output=str(tmp_path / "k.xlsx"), jobs=1)
    _compare("consolidate.id.json", result.report.to_json("id") + "\n")
