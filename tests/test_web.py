"""The web page at request level (Starlette's TestClient): uploads, results, downloads, limits,
hostile names, isolation between batches, cleanup, escaping, headers, a worker crash."""
from __future__ import annotations

import html
import io
import json
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")
from starlette.testclient import TestClient  # noqa: E402

import importlib  # noqa: E402
from conftest import CLEAN_ROWS, SAMPLES, make_plan_workbook  # noqa: E402
from test_cli import assert_contract  # noqa: E402
from renja_xl.web.app import CSP, Config, create_app  # noqa: E402
from renja_xl.web.runner import Checker  # noqa: E402

consolidate_module = importlib.import_module("renja_xl.consolidate")   # the module, not the function

SAMPLE_FILES = sorted(SAMPLES.glob("Renja_Kec_*.xlsx"))


@pytest.fixture(scope="module")
def checker():
    shared = Checker(workers=2)
    yield shared
    shared.shutdown()


@pytest.fixture
def client_for(checker, tmp_path):
    """client_for(**config) -> a TestClient whose batches live under tmp_path."""
    clients = []

    def make(**options):
        options.setdefault("temp_root", str(tmp_path))
        app = create_app(Config(**options), checker=checker)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client
    yield make
    for client in clients:
        client.__exit__(None, None, None)


def _files(paths, names=None):
    names = names or [Path(p).name for p in paths]
    return [("files", (name, Path(p).read_bytes())) for p, name in zip(paths, names)]


def _upload(client, files, **data):
    response = client.post("/periksa", files=files, data=data, follow_redirects=False)
    assert response.status_code == 303, response.text[:500]
    return response.headers["location"]


def _wait(client, url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = client.get(url)
        if 'http-equiv="refresh"' not in page.text:
            return page
        time.sleep(0.1)
    raise AssertionError(f"{url} still running after {timeout} s")


def _files_table(page) -> str:
    """The per-file table of the results page (statuses appear there once per file)."""
    text = page.text if hasattr(page, "text") else page
    start = text.index('id="files-table"')
    return text[start:text.index("</table>", start)]


def _batch(client, url):
    store = client.app.app.state.store          # Guard -> Starlette
    return store.get(url.rsplit("/", 1)[1])


def test_samples_upload_results_and_every_download(client_for):
    from openpyxl import load_workbook
    client = client_for()
    url = _upload(client, _files(SAMPLE_FILES))
    page = _wait(client, url)
    assert page.status_code == 200
    for path in SAMPLE_FILES:
        assert path.name in page.text
    assert "Renja_Kec_Kejobong_2025.xlsx" in page.text and "tidak valid" in page.text
    report = json.loads(client.get(url + "/unduh/laporan.json").content)
    assert_contract(report)                                # the same JSON as the command line
    assert [f["file"] for f in report["files"]] == [p.name for p in SAMPLE_FILES]
    assert page.text.count('class="finding ') == len(report["issues"]) > 100
    assert "'Tabel 4.1'!K" in html.unescape(page.text)    # findings carry their cell
    batch = _batch(client, url)
    assert batch.folder not in page.text and batch.folder not in json.dumps(report)
    book = load_workbook(io.BytesIO(client.get(url + "/unduh/konsolidasi.xlsx").content))
    assert book.sheetnames[:4] == ["Ringkasan", "Rencana", "Kesalahan", "Temuan"]
    column_a = [c.value for c in book["Ringkasan"]["A"]]
    head = column_a.index("File")                          # the per-file table of Ringkasan
    assert column_a[head + 1:head + 5] == [p.name for p in SAMPLE_FILES]
    archive = zipfile.ZipFile(io.BytesIO(client.get(url + "/unduh/salinan_bertanda.zip").content))
    assert len(archive.namelist()) == 4
    for name in archive.namelist():
        assert "Kesalahan" in load_workbook(io.BytesIO(archive.read(name))).sheetnames
    for n in range(4):
        copy = client.get(f"{url}/salinan/{n}")
        assert copy.status_code == 200
        assert "_periksa.xlsx" in copy.headers["content-disposition"]
        assert load_workbook(io.BytesIO(copy.content)).sheetnames[-1] == "Kesalahan"
    # Gabungkan: the Ringkasan figures and the pivot with totals, as on the sheet
    assert 'id="pivot"' in page.text and "7.01.01" in page.text
    assert "5.295.391.000" in page.text                 # program 7.01.01 over the four files
    # the batch's total pagu on top, in rupiah, as in Ringkasan; the tolerance in rupiah too
    text = html.unescape(page.text)
    assert "Total pagu program tahun n: Rp 5.690.593.000; prakiraan maju n+1: Rp " in text
    assert text.index("Total pagu program") < text.index('id="files-table"')
    assert "toleransi: Rp 0" in text


def test_headers_and_no_outside_resources(client_for):
    client = client_for()
    for response in (client.get("/"), client.get("/static/app.js"), client.get("/hasil/x")):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    page = client.get("/").text
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert client.get("/static/app.css").status_code == 200


@pytest.mark.parametrize("options, files, status, words", [
    ({"max_files": 2}, SAMPLE_FILES[:3], 413, "Terlalu banyak file: 3 file, paling banyak 2"),
    ({"max_file_mb": 0.02}, SAMPLE_FILES[1:3] + SAMPLE_FILES[2:3], 413, "File terlalu besar: Renja_Kec_Kejobong_2025.xlsx"),
    ({"max_batch_mb": 0.01}, SAMPLE_FILES * 10, 413, "Unggahan terlalu besar: paling besar 0.01 MB"),
    ({}, [], 400, "Tidak ada file yang dipilih"),
])
def test_limits_refused_with_a_clear_page(client_for, options, files, status, words):
    client = client_for(**options)
    response = client.post("/periksa", files=_files(files) or {"x": ("", b"")})
    assert response.status_code == status
    assert words in response.text and "Traceback" not in response.text
    assert 'href="/"' in response.text
    assert client.app.app.state.store.batches == {}


def test_bad_tolerance_refused(client_for):
    client = client_for()
    response = client.post("/periksa", files=_files(SAMPLE_FILES[:1]), data={"toleransi": "abc"})
    assert response.status_code == 400 and "Toleransi harus angka" in response.text


def test_bad_files_get_the_library_message(client_for, tmp_path):
    client = client_for()
    files = [("files", ("laporan.xlsx", b"%PDF-1.4 not a workbook")),
             ("files", ("kosong.xlsx", b"")),
             ("files", ("catatan.txt", "kode;nama\n7.01;x\n".encode()))]
    page = _wait(client, _upload(client, files + _files(SAMPLE_FILES[:1])))
    assert _files_table(page).count(">tidak terbaca<") == 3
    assert "File ini PDF" in page.text and "File kosong (0 byte)" in page.text
    assert _files_table(page).count("/salinan/") == 1          # a copy only of the workbook
    assert "Bobotsari" in page.text


def test_hostile_names_never_become_paths(client_for, tmp_path):
    client = client_for()
    names = ["../x.xlsx", "/etc/evil.xlsx", "..\\..\\win.xlsx", "Rénja ✓ 東京.xlsx", "..", "a%00b.xlsx",
             "Renja_Kec_Rembang_2025.xlsx", "Renja_Kec_Rembang_2025.xlsx"]
    source = SAMPLE_FILES[3]
    url = _upload(client, _files([source] * len(names), names))
    page = _wait(client, url)
    batch = _batch(client, url)
    inbox = os.path.join(batch.folder, "masuk")
    stored = sorted(os.listdir(inbox))
    assert len(stored) == len(names)
    for item in batch.files:
        assert os.path.dirname(item["path"]) == inbox
        assert re.fullmatch(r"[A-Za-z0-9_-]+\.(xlsx|bin)", os.path.basename(item["path"]))
    shown = [f["name"] for f in batch.files]
    assert shown[:6] == ["x.xlsx", "evil.xlsx", "win.xlsx", "Rénja ✓ 東京.xlsx", "file-5", "a%00b.xlsx"]
    assert shown[-2:] == ["Renja_Kec_Rembang_2025.xlsx", "Renja_Kec_Rembang_2025 (2).xlsx"]
    assert "Rénja ✓ 東京.xlsx" in page.text
    assert not (tmp_path / "x.xlsx").exists() and not Path("/etc/evil.xlsx").exists()
    copy = client.get(f"{url}/salinan/3")
    assert copy.status_code == 200 and "filename*=utf-8''R%C3%A9nja" in copy.headers["content-disposition"]
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(copy.content))["Kesalahan"]
    assert {c.value for c in sheet["A"][1:]} == {"Rénja ✓ 東京.xlsx"}      # the sent name, no path


def test_names_as_text_and_as_stored_files():
    from renja_xl.web.store import display_name, stored_name
    assert display_name("a\x00b\n\u202e.xlsx", 1) == "ab.xlsx"
    assert display_name("C:\\Users\\x\\..\\Renja.xlsx", 1) == "Renja.xlsx"
    assert display_name("../..", 7) == "file-7"
    taken = set()
    assert [stored_name(n, taken) for n in ("Rénja 東京.XLSX", "Rénja 東京.xlsx", "東京.ods", "x.pdf")] \
        == ["Renja.xlsx", "Renja_2.xlsx", "file.ods", "x.bin"]


def test_two_batches_at_once_are_isolated(client_for):
    client = client_for()
    first = _upload(client, _files(SAMPLE_FILES[:2]))
    second = _upload(client, _files(SAMPLE_FILES[2:]))          # both checking at once
    page_a, page_b = _wait(client, first), _wait(client, second)
    assert SAMPLE_FILES[0].name in page_a.text and SAMPLE_FILES[2].name not in page_a.text
    assert SAMPLE_FILES[2].name in page_b.text and SAMPLE_FILES[0].name not in page_b.text
    a, b = _batch(client, first), _batch(client, second)
    assert a.folder != b.folder and os.path.dirname(a.folder) == os.path.dirname(b.folder)
    zipped = zipfile.ZipFile(io.BytesIO(client.get(second + "/unduh/salinan_bertanda.zip").content))
    assert sorted(zipped.namelist()) == ["Renja_Kec_Kejobong_2025_periksa.xlsx",
                                         "Renja_Kec_Rembang_2025_periksa.xlsx"]
    # only a batch's own id reaches its files; nothing else names a path
    assert client.get(first + "/salinan/0").content != client.get(second + "/salinan/0").content
    for bad in ("/hasil/" + "A" * 22 + "/salinan/0", first + "/salinan/2", first + "/salinan/-1",
                "/hasil/../../etc/passwd", "/hasil/%2e%2e%2f%2e%2e/unduh/laporan.json",
                first + "/unduh/..%2fmasuk%2fRenja_Kec_Bobotsari_2025.xlsx",
                first + "/unduh/masuk"):
        assert client.get(bad).status_code == 404, bad


def test_batches_deleted_after_the_time_limit_and_on_shutdown(client_for):
    client = client_for(keep_minutes=1)
    url = _upload(client, _files(SAMPLE_FILES[:1]))
    _wait(client, url)
    store = client.app.app.state.store
    batch = _batch(client, url)
    assert os.path.isdir(batch.folder)
    assert store.sweep(now=time.time() + 30) == 0              # not yet
    assert store.sweep(now=time.time() + 61) == 1
    assert not os.path.exists(batch.folder)
    gone = client.get(url)
    assert gone.status_code == 404 and "sudah dihapus" in gone.text
    assert client.get(url + "/unduh/konsolidasi.xlsx").status_code == 404
    other = _upload(client, _files(SAMPLE_FILES[:1]))
    _wait(client, other)
    root = store.root
    client.__exit__(None, None, None)                           # the server stops
    assert not os.path.exists(root)


def test_script_in_a_cell_and_in_a_name_shows_as_text(client_for, tmp_path):
    rows = list(CLEAN_ROWS)
    rows[2] = (rows[2][0], "<script>alert('sel')</script>") + rows[2][2:]
    path = make_plan_workbook(tmp_path / "renja.xlsx", rows)
    client = client_for()
    url = _upload(client, _files([path], ["<img src=x onerror=alert(1)>.xlsx"]))
    page = _wait(client, url).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;sel&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;.xlsx" in page


def test_nomenclature_uploaded_for_the_session(client_for, tmp_path):
    client = client_for()
    assert "bawaan" in client.get("/").text
    csv = "kode,nama\n7.01.02,PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK\n"
    response = client.post("/nomenklatur", files={"nomenklatur": ("resmi 2027.csv", csv.encode())})
    assert response.status_code == 200 and "resmi 2027.csv" in response.text
    assert "1 kode" in response.text
    url = _upload(client, _files(SAMPLE_FILES[:1]))
    assert "resmi 2027.csv" in _wait(client, url).text
    other = TestClient(client.app)                              # another browser: built-in list
    assert "resmi 2027.csv" not in other.get("/").text
    client.post("/nomenklatur/hapus")
    assert "resmi 2027.csv" not in client.get("/").text
    bad = client.post("/nomenklatur", files={"nomenklatur": ("daftar.csv", b"a,b\n1,2\n")})
    assert bad.status_code == 400 and "File nomenklatur tidak dapat dipakai" in bad.text


def test_cross_site_post_refused(client_for):
    client = client_for()
    response = client.post("/periksa", files=_files(SAMPLE_FILES[:1]),
                           headers={"origin": "http://evil.example"})
    assert response.status_code == 403


def crashing_check(path, options, target, name=None):
    """Stands in for `consolidate._check_one` in the worker: dies on files named crash*."""
    if os.path.basename(path).startswith("crash"):
        os._exit(3)
    return _real_check_one(path, options, target, name)


_real_check_one = consolidate_module._check_one


def test_a_worker_crash_makes_its_file_unreadable_and_the_server_goes_on(client_for, monkeypatch):
    monkeypatch.setattr(consolidate_module, "_check_one", crashing_check)
    client = client_for()
    url = _upload(client, _files(SAMPLE_FILES[:2] + SAMPLE_FILES[:1],
                                 [SAMPLE_FILES[0].name, SAMPLE_FILES[1].name, "crash.xlsx"]))
    page = _wait(client, url).text
    table = _files_table(page)
    assert table.count(">tidak terbaca<") == 1 and table.count(">valid<") == 1
    assert "proses pemeriksa berhenti mendadak" in table and "Karangmoncol" in table
    monkeypatch.undo()
    again = _wait(client, _upload(client, _files(SAMPLE_FILES[:1])))
    assert ">valid<" in again.text


def test_english_page(client_for):
    client = client_for(lang="en")
    assert "Check now" in client.get("/").text
    page = _wait(client, _upload(client, _files(SAMPLE_FILES[2:3])))
    assert "Findings" in page.text and "ERROR" in page.text


def test_command_line_binds_loopback_and_warns_for_another_host(monkeypatch, capsys):
    import uvicorn

    from renja_xl.cli import main
    import socket
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    assert main(["web", "--no-browser", "--port", str(free)]) == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == free
    assert "PERINGATAN" not in capsys.readouterr().err
    assert main(["web", "--no-browser", "--host", "0.0.0.0", "--port", str(free)]) == 0
    err = capsys.readouterr().err
    assert calls[-1]["host"] == "0.0.0.0" and "PERINGATAN: server dibuka untuk jaringan" in err
    assert main(["web", "--no-browser", "--maks-file", "0"]) == 2
    assert "--maks-file harus lebih dari 0" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["web", "--no-browser", "--port", str(port)]) == 2
    assert f"127.0.0.1:{port} tidak dapat dipakai" in capsys.readouterr().err


def test_templates_and_static_files_ship_as_package_data():
    import fnmatch
    import tomllib
    from conftest import ROOT
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "renja_xl.web" in config["packages"]
    patterns = config["package-data"]["renja_xl.web"]
    web = ROOT / "renja_xl" / "web"
    shipped = [p.relative_to(web).as_posix() for folder in ("templates", "static")
               for p in (web / folder).iterdir()]
    assert shipped and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in shipped)


def test_progress_page_while_checking(client_for):
    client = client_for()
    batch = client.app.app.state.store.new_batch()
    batch.files = [{"name": f"f{i}.xlsx", "path": "-"} for i in range(3)]
    batch.state, batch.done = "checking", 1
    page = client.get(f"/hasil/{batch.id}").text
    assert '<meta http-equiv="refresh" content="1">' in page
    assert '<progress max="3" value="1">' in page and "Memeriksa 1 dari 3 file" in page
    assert client.get(f"/hasil/{batch.id}/unduh/konsolidasi.xlsx").status_code == 404
    batch.done = 3
    assert "Menyusun hasil" in client.get(f"/hasil/{batch.id}").text


def test_a_batch_that_finishes_while_its_page_is_drawn_shows_the_progress_page(client_for):
    # the checking thread sets the view, then "done"; the page read the view (none yet) and
    # then the state ("done"): the results part was drawn from an empty view — a server error
    from renja_xl.web.store import Batch

    class Finishing(Batch):
        @property
        def view(self):
            found = self.__dict__.get("_view")
            if self.state == "checking":                # the thread finishes right now
                self.__dict__["_view"] = {"files": []}
                self.state = "done"
            return found

        @view.setter
        def view(self, value):
            self.__dict__["_view"] = value

    client = client_for()
    store = client.app.app.state.store
    batch = Finishing(id="b" * 22, folder=str(Path(store.root) / "b"), created=time.time(),
                      state="checking", files=[{"name": "a.xlsx", "path": "a.xlsx"}])
    store.batches[batch.id] = batch
    page = client.get(f"/hasil/{batch.id}")
    assert page.status_code == 200 and 'http-equiv="refresh"' in page.text
