"""Independent pieces of work spread over the processor cores.

The expensive steps of a build are independent per package (check, derived
files), per table (frictionless validation of one package) and per language
(MkDocs). `run` gives each piece to a worker process started by fork: the
worker inherits the function and its inputs as they are in memory (nothing is
imported again or copied through pickle), and only the results travel back, in
input order, so the output is the same as in one process. A worker never starts workers of its own. With
one core, one piece, no fork (Windows) or SITEGEN_JOBS=1 everything runs in
this process; SITEGEN_JOBS=N sets the number of workers (1: none).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

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
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_mark_worker) as pool:
            done = dict(zip(order, pool.map(_call, order)))
    finally:
        _work = None
    return [done[i] for i in range(len(items))]


def _call(index: int):
    function, items = _work
    return function(items[index])


def jobs() -> int:
    """How many workers may run at once (1 inside a worker or where fork is missing)."""
    if _in_worker or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    limit = os.environ.get("SITEGEN_JOBS", "").strip()
    return max(1, int(limit)) if limit.isdigit() else cores


def _mark_worker() -> None:
    global _in_worker
    _in_worker = True
