"""`python -m renja_xl web`: a local page to check and consolidate Renja workbooks.

    from renja_xl.web import Config, create_app
    app = create_app(Config(lang="id"))      # an ASGI app (Starlette)

`serve` runs it with uvicorn on 127.0.0.1 unless told otherwise. Needs the `web` extra:
`pip install 'renja_xl[web]'`.

May import: the library's top (`check`, `consolidate`, `workers`) and every stage, as the CLI
may; nothing in the library imports it.
"""
from __future__ import annotations

__all__ = ["Config", "create_app", "serve", "PortInUse"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def __getattr__(name):
    if name in ("Config", "create_app"):
        from .app import Config, create_app
        return {"Config": Config, "create_app": create_app}[name]
    raise AttributeError(name)


class PortInUse(OSError):
    """The address cannot be bound (another program listens there)."""


def _check_port(host: str, port: int) -> None:
    import socket
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortInUse(f"alamat {host}:{port} tidak dapat dipakai ({exc.strerror or exc}); "
                            "pilih --port lain") from None


def serve(config, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = True,
          out=None) -> None:
    """Run the page until Ctrl+C; every batch folder is deleted on the way out."""
    import sys
    import threading
    import webbrowser

    import uvicorn

    from .app import create_app
    out = out or sys.stderr
    _check_port(host, port)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    if host not in LOOPBACK:
        out.write("renja_xl: PERINGATAN: server dibuka untuk jaringan (--host "
                  f"{host}); siapa pun yang dapat menjangkau alamat ini dapat mengunggah dan "
                  "melihat hasil pemeriksaan. Pakai hanya di jaringan kantor yang tepercaya.\n")
    out.write(f"renja_xl web: buka {url}  (Ctrl+C untuk berhenti)\n")
    out.flush()
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning",
                access_log=False, timeout_graceful_shutdown=3)
