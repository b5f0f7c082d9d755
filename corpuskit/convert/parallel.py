"""Running conversion units (one file each) on a process pool or a Dask cluster, in input order.

Both engines run :func:`corpuskit.convert.convert_unit`, the code the sequential
path runs, so the records are the same; results are replayed in the order of the
units, so the output is byte for byte that of ``--jobs 1``. At most ``2 × jobs``
units are in flight (bounded memory).

Faults: a worker process that dies (a segfault in a parser, an out-of-memory
kill, a poison input) takes only its own unit down. The pool is rebuilt, the
units that were in flight are retried one at a time, and a unit that kills its
worker again is reported (C001) while the run goes on. Dask retries a task on
another worker on its own and reports ``KilledWorker`` after that; the unit is
then reported the same way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from corpuskit._ordered import in_order
from corpuskit.convert import Item, Unit, convert_unit
from corpuskit.rules import convert as C


def _run(unit: Unit) -> list[Item]:
    return list(convert_unit(unit))


def _died(unit: Unit, how: str) -> list[Item]:
    message = f"the worker converting this source died ({how}); its records are missing, the run went on"
    return [C.CONVERSION_FAILED.diagnostic(message, path=str(unit.found.path))]


def run_units(
    units: list[Unit], *, jobs: int, engine: str = "local", scheduler: str | None = None
) -> Iterator[list[Item]]:
    if engine == "dask":
        yield from _dask(units, jobs=jobs, scheduler=scheduler)
    elif engine == "local":
        yield from _local(units, jobs=jobs)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")


def _local(units: list[Unit], *, jobs: int) -> Iterator[list[Item]]:
    pending = deque(units)
    pool = ProcessPoolExecutor(max_workers=jobs)
    window: deque[tuple[Unit, Future[list[Item]]]] = deque()
    try:
        while pending or window:
            while pending and len(window) < 2 * jobs:
                unit = pending.popleft()
                window.append((unit, pool.submit(_run, unit)))
            unit, future = window.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # Every unit in flight failed with the pool; retry each alone to find the poison one.
                pool.shutdown(wait=False, cancel_futures=True)
                for retry in [unit, *(queued for queued, _ in window)]:
                    yield _isolated(retry)
                window.clear()
                pool = ProcessPoolExecutor(max_workers=jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(unit: Unit) -> list[Item]:
    with ProcessPoolExecutor(max_workers=1) as alone:
        try:
            return alone.submit(_run, unit).result()
        except BrokenProcessPool:
            return _died(unit, "its process exited")


def _dask(units: list[Unit], *, jobs: int, scheduler: str | None) -> Iterator[list[Item]]:
    from corpuskit._dask import dask_client

    with dask_client(jobs, scheduler) as client:

        def submit(unit: Unit) -> Any:
            return client.submit(_run, unit, pure=False)

        for unit, future in in_order(submit, units, 2 * max(jobs, 1)):
            try:
                yield future.result()
            except Exception as error:  # KilledWorker, or a worker lost with the task: the unit is reported
                yield _died(unit, type(error).__name__)
