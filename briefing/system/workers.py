"""Work shared among worker processes, one per core: many briefs to read (the library's index, `briefing check`).

A few files are read here; many are cut into chunks that worker processes read, each chunk's results coming back
in the order the chunks were given. Started by forking where the platform can and no thread is running (nothing
to import again); otherwise spawned. A platform without working processes reads them all here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 400
"""From this many items, the work goes to worker processes."""
CHUNK = 200
MOST_WORKERS = 8


def worker_count() -> int:
    """How many worker processes: one per core this process may run on, at most MOST_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MOST_WORKERS))


def in_chunks(
    work: Callable[[list[Item]], list[Result]], items: Sequence[Item], chunk: int = CHUNK
) -> Iterator[list[Result]]:
    """``work`` applied to ``items`` a chunk at a time, each chunk's results yielded in the items' order: in worker
    processes when the items are many and there are cores to share them, else here."""
    chunks = [list(items[start : start + chunk]) for start in range(0, len(items), chunk)]
    workers = worker_count()
    if len(items) < PARALLEL_FROM or workers < 2 or not _can_start_workers():
        for part in chunks:
            yield work(part)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(work, chunks)


def _can_start_workers() -> bool:
    """Start multiprocessing's helper while standard error is still the real one; False if it cannot run.

    A full-screen app replaces sys.stderr while it runs, and the helper needs a real file descriptor.
    """
    import sys
    from multiprocessing import resource_tracker

    shown_errors = sys.stderr
    try:
        sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return False
    finally:
        sys.stderr = shown_errors
    return True
