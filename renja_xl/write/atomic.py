"""Files that appear whole or not at all, names that fit, and the leftovers of killed runs.

Every output (consolidated workbook, feedback copy, Parquet file) is written to a temporary
file beside its target and renamed onto it only when complete (`atomic_path`): the target is
always the old file or the new one, never half of one. A temporary is named
`~$<short name>.renja_xl-<pid>-<random>.tmp`: `~$` makes folder scans skip it like an Office
lock file, and the writer's pid lets a later run tell a leftover of a dead process from the
file of a run still going (`remove_stale`).
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import time
from contextlib import contextmanager, suppress

__all__ = ["atomic_path", "fit_name", "remove_stale", "remove_temporaries_of", "pid_alive", "NAME_MAX",
           "TEMP_TAG"]

NAME_MAX = 255                       # bytes of one file name on ext4, NTFS (UTF-16), APFS …
TEMP_TAG = "renja_xl"
_TEMP = re.compile(r"^~\$.*\." + TEMP_TAG + r"-(\d+)-[^.]*\.tmp$", re.S)
_TEMP_BASE_BYTES = 80                # the target's name as part of a temporary name
STALE_AFTER = 24 * 3600              # a temporary this old is stale even if its pid lives on


def fit_name(stem: str, tail: str, limit: int = NAME_MAX) -> str:
    """`stem + tail`, with `stem` shortened (by UTF-8 bytes, on a character boundary) so the
    name fits in `limit` bytes. A shortened stem ends in `~` and 6 hex digits of the full
    stem's hash: two long names that differ only at their end stay different."""
    name = stem + tail
    if len(name.encode("utf-8")) <= limit:
        return name
    mark = "~" + hashlib.sha1(stem.encode("utf-8", "surrogateescape")).hexdigest()[:6]
    room = max(1, limit - len((mark + tail).encode("utf-8")))
    short = stem.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore").rstrip(" .")
    return short + mark + tail


@contextmanager
def atomic_path(path):
    """A temporary path beside `path`, moved onto it only when the block succeeds (removed
    when it fails). The temporary's name is short enough whatever the target's name."""
    path = os.path.abspath(os.fspath(path))
    base = fit_name(os.path.basename(path), "", _TEMP_BASE_BYTES)
    fd, tmp = tempfile.mkstemp(prefix=f"~${base}.{TEMP_TAG}-{os.getpid()}-", suffix=".tmp",
                               dir=os.path.dirname(path))
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(path: str) -> int:
    if os.path.exists(path):
        return os.stat(path).st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temporaries(folder: str):
    """(path, pid) of our temporaries directly in `folder`."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMP.match(name)
        if match:
            yield os.path.join(folder, name), int(match.group(1))


def remove_stale(folders, started: float | None = None) -> int:
    """Remove our temporaries left in `folders` by runs that died: older than this run
    (`started`, a `time.time()`), and written by a process that no longer runs (or a day
    old). Returns how many were removed; a file that cannot be removed is left alone."""
    started = time.time() if started is None else started
    removed = 0
    for folder in {os.path.abspath(f) for f in folders if f}:
        for path, pid in _temporaries(folder):
            try:
                mtime = os.stat(path).st_mtime
            except OSError:
                continue
            if mtime >= started or pid == os.getpid():
                continue
            if pid_alive(pid) and started - mtime < STALE_AFTER:
                continue
            with suppress(OSError):
                os.unlink(path)
                removed += 1
    return removed


def remove_temporaries_of(pids, folders) -> None:
    """Remove the temporaries the (now dead) processes `pids` left in `folders`."""
    pids = set(pids)
    for folder in {os.path.abspath(f) for f in folders if f}:
        for path, pid in _temporaries(folder):
            if pid in pids:
                with suppress(OSError):
                    os.unlink(path)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":         # os.kill would terminate the process there
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)      # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259                                # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:                                # a zombie (killed, not yet reaped) runs no more
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rpartition(b")")[2].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def folder_problem(folder: str, create: bool = False) -> str | None:
    """Why nothing can be written in `folder` (Indonesian, one phrase), or None when a file
    can be. Tried by creating and removing a probe file: permission bits alone would lie to
    root, to ACLs and to read-only mounts. With `create`, a missing folder is made first."""
    folder = os.path.abspath(os.fspath(folder))
    existing = folder
    while not os.path.exists(existing) and os.path.dirname(existing) != existing:
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return f"{existing} adalah sebuah file, bukan folder"
    if existing != folder:
        if not create:
            return "folder tidak ada"
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            return f"folder tidak dapat dibuat ({exc.strerror or exc})"
    try:
        fd, probe = tempfile.mkstemp(prefix=f"~$probe.{TEMP_TAG}-{os.getpid()}-", suffix=".tmp",
                                     dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"folder tidak dapat ditulisi ({exc.strerror or exc})"
    return None
