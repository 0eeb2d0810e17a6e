"""Worker processes that die with their parent.

A `ProcessPoolExecutor` worker does not notice when the main process is killed (SIGKILL, a
closed terminal, a laptop put to sleep and the job killed): it would finish its queued files
and write their feedback copies for nobody. `pool(jobs)` starts workers that end within a
second of their parent, whatever killed it:

- on Linux the kernel kills them (`prctl(PR_SET_PDEATHSIG, SIGKILL)`), at once;
- elsewhere a watchdog thread sees the parent go (POSIX: the parent pid changes; Windows: the
  parent's process handle is signalled) and ends the worker with `os._exit`.

Workers ignore Ctrl-C (the terminal sends it to the whole process group): the main process
handles it and stops them (`stop`). A killed worker may leave a temporary `~$….tmp` beside
its target, never a partial target; `stop` removes them, else the next run does
(`write.atomic.remove_stale`).
"""
from __future__ import annotations

import os
import signal
import sys
import threading

__all__ = ["pool", "ordered_map", "stop", "watch_parent"]

POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def pool(jobs: int):
    """A process pool whose workers watch this process."""
    from concurrent.futures import ProcessPoolExecutor
    return ProcessPoolExecutor(max_workers=jobs, initializer=watch_parent,
                               initargs=(os.getpid(),))


def watch_parent(main: int, deathsig: bool = True) -> None:
    """Worker initializer: end this process when its parent ends; ignore Ctrl-C.

    The parent is `main` (fork, spawn) or a fork server that ends with `main`. Linux's
    parent-death signal fires when the parent THREAD that started the worker ends, so a
    server whose pools start from request threads passes `deathsig=False`: a watch thread
    polls for the parent instead."""
    from .write.atomic import pid_alive
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):                  # not the CLI's "stop like Ctrl-C"
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if not sys.warnoptions:               # as in the CLI: no third-party warnings on stderr
        import warnings
        warnings.simplefilter("ignore")
    parent = os.getppid()
    if not (deathsig and sys.platform.startswith("linux") and _pdeathsig()):
        if sys.platform == "win32":
            _watch_windows(parent)
        else:
            threading.Thread(target=_poll, args=(parent,), daemon=True,
                             name="renja_xl-parent-watch").start()
    if not pid_alive(main) or os.getppid() != parent:     # gone before the watch was armed
        os._exit(1)


def _pdeathsig() -> bool:
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _poll(parent: int) -> None:
    import time
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _watch_windows(parent: int) -> None:
    import ctypes
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x00100000, False, parent)        # SYNCHRONIZE
    if not handle:
        os._exit(1)

    def wait():
        kernel32.WaitForSingleObject(handle, 0xFFFFFFFF)             # INFINITE
        os._exit(1)
    threading.Thread(target=wait, daemon=True, name="renja_xl-parent-watch").start()


def ordered_map(executor, fn, *iterables, chunksize: int = 1):
    """`executor.map`, except that an interruption cancels nothing: Python 3.11's pool
    would then fail on the cancelled futures when `stop` kills the workers."""
    from itertools import islice
    items = zip(*iterables)
    futures = []
    while chunk := list(islice(items, chunksize)):
        futures.append(executor.submit(_chunk, fn, chunk))
    for future in futures:
        yield from future.result()


def _chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def stop(executor, folders=()) -> None:
    """Stop a pool now (Ctrl-C, SIGTERM, an error): kill its workers, wait for them, and
    remove the temporaries they were writing in `folders`."""
    from .write.atomic import remove_temporaries_of
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(5)
    # a worker killed while sending a big result leaves half a message in the pipe: the pool's
    # manager thread would wait for the rest forever. With every worker gone, closing our own
    # copy of the pipe's writing end turns that wait into an end of file ("broken").
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    executor.shutdown(wait=True)      # the futures fail as "broken"; nothing is cancelled
    remove_temporaries_of([p.pid for p in processes], folders)
