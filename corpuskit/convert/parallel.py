"""Running conversion on a process pool or a Dask cluster, in input order.

The work is cut into tasks: a whole file for pages and scrapes, and a batch of
records (up to 16, or 8 MiB, to amortise the hand-over) for archives. An archive
is read in this process, in file order (damage, digests, revisits and conversion
records are sequential decisions), and only the conversion of its captured pages
is handed to the workers, so one large WARC keeps every worker busy. Workers run the code the sequential path runs
(:func:`corpuskit.convert.convert_unit`, :func:`corpuskit.convert.convert_record`),
and results are replayed in the order of the tasks, so the output is byte for
byte that of ``--jobs 1``. At most ``4 × jobs`` tasks are in flight, and an
archive is read only as fast as its records are converted (bounded memory).

Faults: a worker process that dies (a segfault in a parser, an out-of-memory
kill, a poison input) takes only its own task down. The pool is rebuilt, the
tasks that were in flight are retried one at a time (a batch record by record),
and a task that kills its worker again is reported (C001) while the run goes on. Dask retries a task on
another worker on its own and reports ``KilledWorker`` after that; a batch is then
resubmitted record by record, and a single task is tried once more (it may only
have shared the dying worker) before it is reported the same way. Results are
fetched from Dask workers as soon as they are ready, so that a worker's death
later loses none.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from corpuskit._ordered import in_order, workers
from corpuskit.convert import Item, Unit, convert_record, convert_unit, record_shown
from corpuskit.convert._build import SourceInput
from corpuskit.diagnostics import Diagnostic
from corpuskit.models import Article
from corpuskit.rules import convert as C

WINDOW_PER_JOB = 4
BATCH_RECORDS = 16  # an archive's records per task: amortises pickling and scheduling
BATCH_BYTES = 8 << 20


@dataclass(frozen=True)
class _Task:
    """Work for a worker: ``function(*args)`` gives the task's items; ``shown`` is where its failure is reported.

    ``parts``, for a batch of an archive's records, are the same work one record
    at a time: when a batch kills its worker, each part is retried alone.
    """

    function: Callable[..., list[Any]]
    args: tuple[Any, ...]
    shown: str
    parts: tuple[_Step, ...] = ()

    def died(self, how: str) -> list[Item]:
        message = f"the worker converting this source died ({how}); its records are missing, the run went on"
        return [C.CONVERSION_FAILED.diagnostic(message, path=self.shown)]


_Step = _Task | list[Item]  # a task for a worker, or items that are ready in this process


def _run(unit: Unit) -> list[Item]:
    return list(convert_unit(unit))


def _run_batch(steps: tuple[_Step, ...]) -> list[Item]:
    """A batch of an archive's records, with the items that stand between them, in order."""
    out: list[Item] = []
    for step in steps:
        out.extend(step.function(*step.args) if isinstance(step, _Task) else step)
    return out


def _steps(units: list[Unit]) -> Iterator[_Step]:
    """The run cut into tasks, in output order, interleaved with the items this process produces itself."""
    for unit in units:
        if unit.found.converter.stream is None:
            yield _Task(_run, (unit,), str(unit.found.path))
        else:
            yield from _archive_steps(unit)


def _archive_steps(unit: Unit) -> Iterator[_Step]:
    """An archive read here, its captured pages converted in batches by the workers.

    The archive's reader calls ``defer`` where one job would convert a record;
    the calls made before the reader yields an item come before that item. A
    batch carries those items too, so its output is in file order.
    """
    batch: list[_Step] = []
    size = records = 0

    def defer(name: str, source: SourceInput) -> Iterator[Article | Diagnostic]:
        nonlocal size, records
        batch.append(_Task(convert_record, (name, source, unit.stamp), record_shown(source)))
        size, records = size + len(source.data), records + 1
        return iter(())

    def cut() -> Iterator[_Step]:
        nonlocal size, records
        if records:
            parts = tuple(batch)
            yield _Task(_run_batch, (parts,), str(unit.found.path), parts)
        elif batch:
            yield _run_batch(tuple(batch))  # nothing to convert: ready here
        batch.clear()
        size = records = 0

    for item in convert_unit(unit, convert_one=defer):
        batch.append([item])
        if records >= BATCH_RECORDS or size >= BATCH_BYTES:
            yield from cut()
    yield from cut()


def run_units(
    units: list[Unit], *, jobs: int, engine: str = "local", scheduler: str | None = None
) -> Iterator[list[Item]]:
    if engine == "dask":
        yield from _dask(_steps(units), jobs=workers(jobs), scheduler=scheduler)
    elif engine == "local":
        yield from _local(_steps(units), jobs=workers(jobs))
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")


def _ready(items: list[Item]) -> Future[list[Item]]:
    future: Future[list[Item]] = Future()
    future.set_result(items)
    return future


def _local(steps: Iterator[_Step], *, jobs: int) -> Iterator[list[Item]]:
    pool = ProcessPoolExecutor(max_workers=jobs)
    window: deque[tuple[_Task | None, Future[list[Item]]]] = deque()
    try:
        while True:
            for step in steps:
                if isinstance(step, _Task):
                    window.append((step, pool.submit(step.function, *step.args)))
                else:
                    window.append((None, _ready(step)))
                if len(window) >= WINDOW_PER_JOB * jobs:
                    break
            if not window:
                return
            task, future = window.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # Every task in flight failed with the pool; retry each alone to find the poison one.
                pool.shutdown(wait=False, cancel_futures=True)
                assert task is not None, "a ready future never raises"
                yield _isolated(task)
                for queued, queued_future in window:
                    yield queued_future.result() if queued is None else _isolated(queued)
                window.clear()
                pool = ProcessPoolExecutor(max_workers=jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(task: _Task) -> list[Item]:
    """The task on a process of its own; a batch record by record, so that only a poison record is lost."""
    if task.parts:
        return [item for part in task.parts for item in (_isolated(part) if isinstance(part, _Task) else part)]
    with ProcessPoolExecutor(max_workers=1) as alone:
        try:
            return alone.submit(task.function, *task.args).result()
        except BrokenProcessPool:
            return task.died("its process exited")


def _dask(steps: Iterator[_Step], *, jobs: int, scheduler: str | None) -> Iterator[list[Item]]:
    from corpuskit._dask import dask_client

    with dask_client(jobs, scheduler) as client:

        def submit(step: _Step) -> Future[list[Item]]:
            if not isinstance(step, _Task):
                return _ready(step)
            # The result comes to this process as soon as it is ready: a result left on a
            # worker is lost when that worker dies later, and a task lost that way is
            # counted as a suspect of the death.
            fetched: Future[list[Item]] = Future()

            def fetch(done: Any) -> None:
                try:
                    fetched.set_result(list(done.result()))
                except BaseException as error:  # a cancellation too: handed to the reader of ``fetched``
                    fetched.set_exception(error)

            client.submit(step.function, *step.args, pure=False).add_done_callback(fetch)
            return fetched

        def outcome(step: _Step, future: Future[list[Item]], *, again: bool = True) -> list[Item]:
            try:
                return future.result()
            except Exception as error:  # KilledWorker, or a worker lost with the task: the task is reported
                assert isinstance(step, _Task), "a ready future never raises"
                if step.parts:  # a batch: each record again on its own, so only the poison one is lost
                    return [item for part in step.parts for item in outcome(part, submit(part))]
                if again:  # it may have shared a dying worker with the poison task: one more try
                    return outcome(step, submit(step), again=False)
                return step.died(type(error).__name__)

        for step, future in in_order(submit, steps, WINDOW_PER_JOB * max(jobs, 1)):
            yield outcome(step, future)
