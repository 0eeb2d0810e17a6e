"""Third-party parsers kept off the terminal.

python-calamine is Rust: on a damaged file it may panic, and Rust's panic hook prints
`thread '<unnamed>' panicked at …` straight to file descriptor 2 before the panic reaches
Python as an exception (which we turn into `file-corrupt`). `RUST_BACKTRACE` only trims that
text. `quiet_stderr()` points descriptor 2 at the null device around the parse and puts it
back after; the exception still carries the panic message. Nested and concurrent uses share
one redirection (a thread writing to stderr while another thread parses loses that text: the
price of silencing a hook we cannot reach). Python warnings are the command line's business.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager

__all__ = ["quiet_stderr"]

_lock = threading.Lock()
_depth = 0
_saved: int | None = None


@contextmanager
def quiet_stderr():
    _enter()
    try:
        yield
    finally:
        _leave()


def _enter() -> None:
    global _depth, _saved
    with _lock:
        _depth += 1
        if _depth > 1:
            return
        try:
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):
            pass
        try:
            saved = os.dup(2)
        except OSError:                      # no descriptor 2 (a GUI or a service)
            return
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        _saved = saved


def _leave() -> None:
    global _depth, _saved
    with _lock:
        _depth -= 1
        if _depth or _saved is None:
            return
        os.dup2(_saved, 2)
        os.close(_saved)
        _saved = None
