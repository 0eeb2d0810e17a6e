"""Web page speed: time from the upload (POST) to the finished results page, over HTTP against
`python -m renja_xl web` on a loopback port, for the four samples and for 100 generated
kecamatan workbooks (benchmarks/generate.py). Median of 3 runs after one warm-up upload.

    python benchmarks/web_bench.py [--count 100] [--runs 3] [--jobs N]
"""
from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import kecamatan_batch  # noqa: E402


def _multipart(paths) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for path in paths:
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                      f'filename="{Path(path).name}"\r\nContent-Type: application/octet-stream'
                      "\r\n\r\n").encode() + Path(path).read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload_to_results(port: int, paths) -> float:
    body, content_type = _multipart(paths)
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("POST", "/periksa", body, {"Content-Type": content_type})
    response = conn.getresponse()
    response.read()
    if response.status != 303:
        raise SystemExit(f"upload refused: HTTP {response.status}")
    location = response.getheader("Location")
    while True:
        conn.request("GET", location)
        page = conn.getresponse().read()
        if b'http-equiv="refresh"' not in page:
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    conn.close()
    if b'id="files-table"' not in page:
        raise SystemExit("no results page")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    samples = sorted((ROOT / "samples").glob("Renja_Kec_*.xlsx"))
    data = Path(tempfile.mkdtemp(prefix="renja-web-bench-"))
    batch = kecamatan_batch(data / "kecamatan", args.count)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "renja_xl", "web", "--port", str(port), "--no-browser"]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        upload_to_results(port, samples[:1])                 # warm-up: workers import
        print(f"{'case':<36} {'median':>8}  runs")
        for label, paths in ((f"4 samples ({sum(p.stat().st_size for p in samples) // 1024} KB)", samples),
                             (f"{len(batch)} kecamatan workbooks (~50 rows each)", batch)):
            times = [upload_to_results(port, paths) for _ in range(args.runs)]
            print(f"{label:<36} {statistics.median(times):>7.2f}s  "
                  + ", ".join(f"{t:.2f}" for t in times))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
    print(f"({os.cpu_count()} cores, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
