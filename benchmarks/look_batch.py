"""A realistic batch to look at by eye (run by hand, not a test): 30 workbooks as Bappeda
receives them — 22 kecamatan plans in the Bobotsari layout under other names (money ×1–3,
seven of them with a typical fault: a sub kegiatan pagu off its kegiatan, an empty indikator,
pagu written in words, a unit changed in n+1, a 120% target, money in thousands without
saying so, a code typed as a number), the bundled Kejobong, Rembang and Karangmoncol plans,
the OPD plan (urusan/bidang rows, several indicators per item), the Renja Perubahan, the
Renstra, the clean Bobotsari and one truncated file.

    python benchmarks/look_batch.py OUT_DIR
    python -m renja_xl consolidate OUT_DIR -o konsolidasi.xlsx --feedback periksa/
    soffice --headless --convert-to pdf konsolidasi.xlsx && pdftoppm -r 60 -png konsolidasi.pdf k
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import openpyxl

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAMES = ["Kemangkon", "Bukateja", "Kaligondang", "Purbalingga", "Kalimanah", "Padamara",
         "Kutasari Lor", "Bojongsari", "Mrebet", "Bobotsari Wetan", "Karangreja", "Karangjambu",
         "Karanganyar", "Kertanegara", "Pengadegan", "Kejobong Kidul", "Rembang Wetan",
         "Karangmoncol Lor", "Mrebet Kidul", "Padamara Wetan", "Kalimanah Lor", "Bukateja Kidul"]
FAULTS = {2: "rollup", 5: "indikator", 8: "text", 11: "unit", 14: "percent", 17: "thousands",
          20: "damaged"}
COPIED = ["Renja_Kec_Kejobong_2025.xlsx", "Renja_Kec_Rembang_2025.xlsx",
          "Renja_Kec_Karangmoncol_2025.xlsx", "Renja_Dinkes_Purbalingga_2025.xlsx",
          "Renja_Perubahan_Kec_Kutasari_2025.xlsx", "Renstra_Kec_Kejobong_2025-2029.xlsx",
          "Renja_Kec_Bobotsari_2025.xlsx"]
MONEY_COLUMNS = (8, 12)                 # H, L of the Bobotsari layout; data from row 7


def _amount(value, factor: int, divide: int = 1):
    """A money cell (number or 'Rp 1.234.000,00' / '1.234.000') × factor ÷ divide, same form."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 100_000:
        return value * factor // divide
    if isinstance(value, str) and re.fullmatch(r"(Rp )?[\d.]+(,00)?", value) and len(value) > 7:
        n = int(re.sub(r"\D", "", value.replace(",00", ""))) * factor // divide
        if divide > 1:
            return n                           # the thousands as plain numbers
        dotted = f"{n:,}".replace(",", ".")
        return f"Rp {dotted},00" if value.startswith("Rp") else dotted
    return value


def _kecamatan(k: int, name: str, out: Path) -> None:
    wb = openpyxl.load_workbook(SAMPLES / "Renja_Kec_Bobotsari_2025.xlsx")
    fault, factor = FAULTS.get(k), 1 + k % 3
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = cell.value.replace("BOBOTSARI", name.upper()).replace(
                        "Bobotsari", name)
                if ws.title != "Cover" and cell.column in MONEY_COLUMNS and cell.row >= 7:
                    cell.value = _amount(cell.value, factor, 1000 if fault == "thousands" else 1)
    ws = wb["Renja 2025"]
    if fault == "rollup":
        ws["H9"] = 9_500_000 * factor
    elif fault == "indikator":
        ws["D13"] = None
    elif fault == "text":
        ws["H14"] = "dua juta empat ratus ribu"
    elif fault == "unit":
        ws["K9"] = "Laporan"
    elif fault == "percent":
        ws["F8"] = 120
    elif fault == "damaged":
        ws["B9"] = 7.01
    wb.save(out / f"Renja_Kec_{name.replace(' ', '_')}_2025.xlsx")


def main(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for k, name in enumerate(NAMES):
        _kecamatan(k, name, out)
    for name in COPIED:
        shutil.copy(SAMPLES / name, out / name)
    whole = (SAMPLES / "Renja_Kec_Rembang_2025.xlsx").read_bytes()
    (out / "Renja_Kec_Kaligondang_Rusak_2025.xlsx").write_bytes(whole[: len(whole) // 2])
    print(f"{len(list(out.iterdir()))} workbooks in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "look_batch"))
