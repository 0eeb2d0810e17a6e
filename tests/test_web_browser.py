"""The web page in a real browser: headless Chromium (Debian's `chromium` + `chromium-driver`)
driven by selenium against `python -m renja_xl web` on a free loopback port.

Outside CI a missing browser skips with the reason; in CI (CI=true) it fails: `.ci/run`
installs the browser. Set RENJA_WEB_SCREENSHOT=FILE.png to keep a picture of the results.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

from conftest import ROOT, SAMPLES

CHROMIUM = os.environ.get("RENJA_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("RENJA_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900"]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser test cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def server(tmp_path_factory):
    for module in ("starlette", "uvicorn", "multipart"):
        pytest.importorskip(module)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # the server's own temporary folder, so that other runs on this machine cannot interfere
    tmp = tmp_path_factory.mktemp("server-tmp")
    before = set(tmp.glob("renja-web-*"))
    proc = subprocess.Popen([sys.executable, "-m", "renja_xl", "web", "--port", str(port),
                             "--no-browser", "--jobs", "2"], cwd=ROOT,
                            env={**os.environ, "TMPDIR": str(tmp)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"server did not start: {proc.communicate()[1][-2000:]}")
            time.sleep(0.2)
    assert set(tmp.glob("renja-web-*")) - before   # its batch folder root
    yield url
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("server did not stop on Ctrl+C")
    # the server's own temporary folder, with every upload, went with it
    assert set(tmp.glob("renja-web-*")) - before == set()


@pytest.fixture
def browser(tmp_path):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install '.[test]')")
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            _unavailable(f"{path} missing (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="renja-chromium-")
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as exc:            # the browser could not start
        shutil.rmtree(profile, ignore_errors=True)
        _unavailable(f"chromium did not start: {type(exc).__name__}: {str(exc)[:300]}")
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _visible(driver, selector):
    return [e for e in driver.find_elements("css selector", selector) if e.is_displayed()]


def test_upload_samples_in_the_browser(server, browser):
    from openpyxl import load_workbook
    from selenium.webdriver.support.ui import Select, WebDriverWait
    samples = sorted(SAMPLES.glob("Renja_Kec_*.xlsx"))
    browser.get(server)
    assert "Periksa Renja" in browser.title
    browser.find_element("id", "files").send_keys("\n".join(str(p) for p in samples))
    assert "4 file dipilih" in browser.find_element("id", "chosen-count").text
    browser.find_element("id", "submit").click()
    WebDriverWait(browser, 120).until(lambda d: d.find_elements("id", "findings"))
    assert "/hasil/" in browser.current_url

    table = browser.find_element("id", "files-table").text
    for path in samples:
        assert path.name in table
    assert "tidak valid" in table and "valid" in table
    rows = _visible(browser, "tr.finding")
    assert len(rows) > 100
    assert any("'Tabel 4.1'!" in r.text and "Pagu" in r.text for r in rows)

    Select(browser.find_element("id", "f-sev")).select_by_value("error")
    errors = _visible(browser, "tr.finding")
    assert 0 < len(errors) < len(rows)
    assert all("KESALAHAN" in r.text for r in errors)
    browser.find_element("id", "search").send_keys("7.01.01.2.07")
    found = _visible(browser, "tr.finding")
    assert 0 < len(found) < len(errors) and all("7.01.01.2.07" in r.text for r in found)
    assert f"Menampilkan {len(found)} dari" in browser.find_element("id", "shown").text
    browser.find_element("id", "search").clear()
    Select(browser.find_element("id", "f-sev")).select_by_value("")

    pivot = browser.find_element("id", "pivot").text
    assert "7.01.01" in pivot and "JUMLAH" in pivot
    # scrolled to its last kecamatan, the pivot still shows which program each row is
    box = browser.find_element("id", "pivot").find_element("xpath", "..")
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].scrollLeft = 1e6", box)
    name = browser.find_element("css selector", "#pivot td.prog")
    left = browser.execute_script("return arguments[0].getBoundingClientRect().left", box)
    assert left <= name.location["x"] < left + 200 and name.size["width"] > 200
    browser.execute_script("arguments[0].scrollLeft = 0; window.scrollTo(0, 0)", box)
    if os.environ.get("RENJA_WEB_SCREENSHOT"):
        browser.set_window_size(1280, 1250)
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(os.environ["RENJA_WEB_SCREENSHOT"])

    browser.find_element("id", "dl-xlsx").click()
    target = browser.downloads / "konsolidasi.xlsx"
    WebDriverWait(browser, 60).until(lambda d: target.exists())
    book = load_workbook(target)
    assert book.sheetnames[:4] == ["Ringkasan", "Rencana", "Kesalahan", "Temuan"]
    column_a = [c.value for c in book["Ringkasan"]["A"]]
    head = column_a.index("File")                          # the per-file table of Ringkasan
    assert column_a[head + 1:head + 5] == [p.name for p in samples]


DROP = """
const data = new DataTransfer();
data.items.add(new File(["bukan excel, hanya teks"], "coba <b>tebal.xlsx"));
const zone = document.getElementById("drop");
for (const type of ["dragenter", "dragover", "drop"]) {
  zone.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""


def test_drag_and_drop_a_bad_file(server, browser):
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(server)
    browser.execute_script(DROP)
    assert "coba <b>tebal.xlsx" in browser.find_element("id", "chosen").text
    browser.find_element("id", "submit").click()
    WebDriverWait(browser, 60).until(lambda d: d.find_elements("id", "files-table"))
    table = browser.find_element("id", "files-table").text
    assert "coba <b>tebal.xlsx" in table and "tidak terbaca" in table
    assert "Bukan file Excel" in table
    row = browser.find_element("css selector", "#files-table tr.status-unreadable")
    assert not row.find_elements("tag name", "a")                        # no copy of it
    assert not browser.find_elements("css selector", "#files-table b")   # shown as text
