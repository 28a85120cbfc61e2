"""Independent pieces of work spread over the processor cores.

The expensive steps of a build are independent per package (check, derived
files), per table (frictionless validation of one package) and per language
(MkDocs). `run` gives each piece to a worker process started by fork: the
worker inherits the function and its inputs as they are in memory (nothing is
imported again or copied through pickle), and only the results travel back, in
input order, so the output is the same as in one process. An error raised in a
worker reaches the caller with the worker's traceback as a note. A worker
never starts workers of its own. A worker ends when the process that started it
ends, even by SIGKILL (Linux's PR_SET_PDEATHSIG), so a killed build leaves no
worker behind. Workers are used on Linux only (fork is
unsafe on macOS and missing on Windows), as many as the cores this process may
use (its CPU affinity and cgroup quota); SITEGEN_JOBS=N sets the number, and
SITEGEN_JOBS=1 runs everything in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from .. import SiteError

T = TypeVar("T")
R = TypeVar("R")
_in_worker = False
_work: tuple[Callable, list] | None = None


def run(function: Callable[[T], R], items: Iterable[T], sizes: Callable[[T], int] | None = None) -> list[R]:
    """[function(item) for item in items], computed in parallel where that helps; the results must pickle.
    With `sizes`, the biggest pieces are started first."""
    items = list(items)
    workers = min(len(items), jobs())
    if workers < 2:
        return [function(item) for item in items]
    order = sorted(range(len(items)), key=lambda i: -sizes(items[i])) if sizes else list(range(len(items)))
    global _work
    _work = (function, items)  # inherited by the forked workers
    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_mark_worker,
            initargs=(os.getpid(),),
        ) as pool:
            done = dict(zip(order, pool.map(_call, order)))
    finally:
        _work = None
    return [done[i] for i in range(len(items))]


def _call(index: int):
    function, items = _work
    try:
        return function(items[index])
    except Exception as error:
        raise portable(error) from None


def portable(error: Exception) -> Exception:
    """error with its traceback as a note, so that it still says where it happened once pickled to the parent; a
    RuntimeError with the same text if error itself cannot make the trip."""
    error.add_note("".join(traceback.format_exception(error)).rstrip())
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any failure to pickle or unpickle
        plain = RuntimeError(f"{type(error).__name__}: {error}")
        plain.__notes__ = error.__notes__
        return plain


def jobs() -> int:
    """How many workers may run at once (1 inside a worker or off Linux)."""
    limit = os.environ.get("SITEGEN_JOBS", "").strip()
    if limit and not (limit.isdigit() and int(limit) > 0):
        raise SiteError(f"SITEGEN_JOBS={limit!r}: set it to a whole number of workers, 1 or more, or leave it unset")
    if _in_worker or sys.platform != "linux":
        return 1
    return int(limit) if limit else _cores()


def _cores() -> int:
    """The cores this process may use: its CPU affinity, capped by a cgroup v2 CPU quota (containers, CI)."""
    cores = len(os.sched_getaffinity(0))
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(quota) // int(period)))
    except (OSError, ValueError):
        pass  # no cgroup v2 quota
    return cores


def _mark_worker(parent: int) -> None:
    """In each worker as it starts: it is a worker, and it ends when its parent does (a build that is killed leaves no
    worker behind) - the kernel sends it SIGKILL then; if the parent died before that was asked, it ends now."""
    global _in_worker
    _in_worker = True
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent() -> None:
    """Ask Linux to send this process SIGKILL when the thread that forked it ends."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
