"""The README keeps its promises: every rule listed, the Quick start commands real."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_lists_every_rule():
    from renja_xl.report.rules import RULES
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in text]
    assert not missing, f"README misses rules {missing}: regenerate with `python -m renja_xl rules --format markdown`"


def test_quick_start_has_two_commands_and_ci_runs_the_test_one():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", text, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = commands[1].split("&&")[-1].strip().replace("python ", "python3 ")
    assert test_command in ci


def test_quick_start_main_job_runs_on_the_samples(tmp_path):
    """The first Quick start command (after its install step) works and writes its outputs."""
    import shutil
    import subprocess
    import sys
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", text, re.S).group(1)
    command = block.splitlines()[0].split("&&")[-1].split()
    assert command[:4] == ["python", "-m", "renja_xl", "consolidate"]
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    proc = subprocess.run([sys.executable, *command[1:]], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr          # the samples hold real errors
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "konsolidasi.xlsx").exists()
    samples = len(list((ROOT / "samples").glob("*.xlsx")))
    assert len(list((tmp_path / "periksa").glob("*_periksa.xlsx"))) == samples == 7
