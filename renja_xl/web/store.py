"""Batches on disk: each in its own random-named folder, found only by its random id, deleted
after a time limit and when the server stops.

Names sent with an upload never become paths: the page shows them (as escaped text), the
stored file gets a name made of ASCII letters, digits, `-` and `_` and a known suffix.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field

from ..check import EXCEL_SUFFIXES

__all__ = ["Store", "Batch", "Session", "display_name", "stored_name", "RUNNING"]

_ID = re.compile(r"[A-Za-z0-9_-]{22}")


def display_name(raw: str | None, n: int) -> str:
    """What the page calls an upload: the last part of the name it was sent with, without
    control characters. Text only, never a path."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:120] if name.strip(".") else f"file-{n}"


def stored_name(display: str, taken: set[str]) -> str:
    """A safe file name for an upload: ASCII letters, digits, `-`, `_`; a workbook suffix kept,
    any other made `.bin` (the format is told by the bytes anyway); unique within `taken`."""
    stem, ext = os.path.splitext(display)
    ext = ext.lower() if ext.lower() in EXCEL_SUFFIXES else ".bin"
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_stem).strip("_-")[:60] or "file"
    name, n = stem + ext, 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}_{n}{ext}"
    taken.add(name.lower())
    return name


RUNNING = ("queued", "checking")                    # the states of a batch still at work


@dataclass
class Batch:
    id: str
    folder: str
    created: float
    lang: str = "id"
    nomenclature: str = ""                          # the reference list's name, as shown
    tolerance: float = 0.0
    files: list = field(default_factory=list)       # [{"name": shown, "path": stored}]
    state: str = "queued"                           # queued | checking | done | failed
    done: int = 0
    error: str | None = None
    view: dict | None = None                        # what the results page shows
    outputs: dict = field(default_factory=dict)     # "xlsx" | "json" | "zip" -> path
    feedback: dict = field(default_factory=dict)    # file index -> annotated copy

    @property
    def running(self) -> bool:
        return self.state in RUNNING


@dataclass
class Session:
    """One browser's choices that outlive a batch: the nomenclature it uploaded."""
    id: str
    touched: float
    nomenclature: object = None
    label: str | None = None


class Store:
    def __init__(self, ttl_seconds: float, root: str | None = None):
        self.ttl = ttl_seconds
        self.root = tempfile.mkdtemp(prefix="renja-web-", dir=root)   # mode 0700
        self.batches: dict[str, Batch] = {}
        self.sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    # -- batches ------------------------------------------------------------------------------
    def new_batch(self, lang: str = "id") -> Batch:
        folder = tempfile.mkdtemp(prefix="batch-", dir=self.root)
        batch = Batch(id=secrets.token_urlsafe(16), folder=folder, created=time.time(), lang=lang)
        with self._lock:
            self.batches[batch.id] = batch
        return batch

    def get(self, batch_id: str) -> Batch | None:
        if not isinstance(batch_id, str) or not _ID.fullmatch(batch_id):
            return None
        with self._lock:
            return self.batches.get(batch_id)

    def drop(self, batch: Batch) -> None:
        with self._lock:
            self.batches.pop(batch.id, None)
        shutil.rmtree(batch.folder, ignore_errors=True)

    # -- sessions -----------------------------------------------------------------------------
    def session(self, session_id: str | None, create: bool = False) -> Session | None:
        with self._lock:
            found = self.sessions.get(session_id) if session_id and _ID.fullmatch(session_id) else None
            if found is None and create:
                found = Session(id=secrets.token_urlsafe(16), touched=time.time())
                self.sessions[found.id] = found
            if found is not None:
                found.touched = time.time()
            return found

    def upload_folder(self) -> str:
        return tempfile.mkdtemp(prefix="upload-", dir=self.root)

    # -- time limit and shutdown --------------------------------------------------------------
    def sweep(self, now: float | None = None) -> int:
        """Delete batches older than the time limit (a batch still being checked waits for its
        end) and forget idle sessions; returns how many batches went."""
        now = time.time() if now is None else now
        with self._lock:
            old = [b for b in self.batches.values() if now - b.created >= self.ttl and not b.running]
            for sid in [s.id for s in self.sessions.values() if now - s.touched >= self.ttl]:
                del self.sessions[sid]
        for batch in old:
            self.drop(batch)
        return len(old)

    def close(self) -> None:
        with self._lock:
            self.batches.clear()
            self.sessions.clear()
        shutil.rmtree(self.root, ignore_errors=True)
