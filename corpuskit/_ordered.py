"""Submitting work to a pool (a process pool or a Dask client) and taking results back in input order."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
F = TypeVar("F")


MAX_WORKERS_PER_CPU = 4


def workers(jobs: int, tasks: int | None = None) -> int:
    """The worker processes to start for ``--jobs``: never more than there are tasks, nor than four per CPU.

    Linux's process pool starts all its workers at the first task: ``--jobs 99999`` forked that many
    processes, and the machine stalled, to check one file.

    >>> workers(2), workers(3, tasks=1), workers(10**6) == MAX_WORKERS_PER_CPU * (os.cpu_count() or 1)
    (2, 1, True)
    """
    cap = MAX_WORKERS_PER_CPU * (os.cpu_count() or 1)
    return max(1, min(jobs, cap, jobs if tasks is None else tasks))


def in_order(submit: Callable[[T], F], items: Iterable[T], window: int) -> Iterator[tuple[T, F]]:
    """Each item with its future, in input order; at most ``window`` futures are out at a time (bounded memory).

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     [future.result() for _, future in in_order(lambda n: pool.submit(pow, n, 2), range(5), 2)]
    [0, 1, 4, 9, 16]
    """
    source = iter(items)
    pending = deque((item, submit(item)) for item in itertools.islice(source, window))
    while pending:
        yield pending.popleft()
        pending.extend((item, submit(item)) for item in itertools.islice(source, 1))
